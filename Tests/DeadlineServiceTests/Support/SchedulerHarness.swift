import DeadlineConfig
import DeadlineDelivery
import DeadlineKit
import DeadlineStore
import DeadlineSystemd
import Logging
import Synchronization
import TestSupport
import Testing

@testable import DeadlineService

/// A clock the test sets: the scheduler's "now".
final class ManualTime: Sendable {
    private let value: Mutex<Instant>

    init(_ start: Instant) { value = Mutex(start) }

    var now: Instant { value.withLock { $0 } }
    func set(_ moment: Instant) { value.withLock { $0 = moment } }
}

/// A channel that keeps what it is given and answers as the test says (delivered unless told otherwise). Runs
/// `onDeliver` before answering, so a test can act in the middle of a burst.
final class RecordingChannel: Channel {
    enum Answer: Sendable {
        case deliver
        case temporary
        case permanent
    }

    let name: String
    var kind: ChannelKind { .outbox }
    private let state = Mutex<(sent: [OutgoingReminder], answers: [Answer])>(([], []))
    private let hook: Mutex<(@Sendable (OutgoingReminder) async -> Void)?> = Mutex(nil)

    init(name: String) { self.name = name }

    /// What was delivered (or attempted, with `includeFailed`), in order.
    var delivered: [OutgoingReminder] { state.withLock { $0.sent } }

    /// Answers for the next calls, in order; then `deliver`.
    func answer(_ answers: [Answer]) { state.withLock { $0.answers += answers } }

    func onDeliver(_ body: @escaping @Sendable (OutgoingReminder) async -> Void) { hook.withLock { $0 = body } }

    func deliver(_ reminder: OutgoingReminder) async -> DeliveryOutcome {
        if let body = hook.withLock({ $0 }) { await body(reminder) }
        let answer = state.withLock { state -> Answer in
            let answer = state.answers.isEmpty ? .deliver : state.answers.removeFirst()
            if answer == .deliver { state.sent.append(reminder) }
            return answer
        }
        switch answer {
        case .deliver:
            return .delivered(
                DeliveryReceipt(
                    channel: name, host: "-", response: "kept by the test", statusCode: 0, newConnections: 0))
        case .temporary:
            return .temporaryFailure(
                DeliveryError(channel: name, host: "-", kind: .serverUnavailable, cause: "421 busy"), retryAfter: nil)
        case .permanent:
            return .permanentFailure(
                DeliveryError(channel: name, host: "-", kind: .recipientsRejected, cause: "550 no such user"))
        }
    }

    func shutdown() async {}
}

/// Log lines the scheduler wrote, for tests that read the journal's words.
final class LogRecorder: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }

    struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .debug

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) { recorder.append("\(event.level) \(event.message)") }
    }
}

/// The daemon's core in this process: the real scheduler, dispatcher and plan cache over an in-memory SQLite
/// ledger, a recording channel and a clock the test sets. No process, no sockets, no sleeping: each `tick` is one
/// wake-up of the daemon at the moment given.
final class SchedulerHarness {
    let directory: TemporaryDirectory
    let mainFile: String
    let ledger: SQLiteLedger
    let channel = RecordingChannel(name: "outbox")
    let time: ManualTime
    let log = LogRecorder()
    let scheduler: Scheduler

    init(config: String, at moment: String) throws {
        directory = try TemporaryDirectory(prefix: "deadlined-core")
        mainFile = try directory.write(
            "deadlined.toml", "[daemon]\nstate_directory = \"\(directory.path)/state\"\n" + config)
        let loaded = LoadedConfiguration.load(mainFile: mainFile, environment: [:])
        let configuration = try #require(loaded.configuration, "\(loaded.diagnostics)")
        time = ManualTime(try MomentParser.parse(moment, zone: configuration.agenda.settings.zone).get())
        ledger = try SQLiteLedger.inMemory()
        let channel = self.channel
        let context = DaemonContext(
            configuration: configuration, templates: loaded.templates, loadedAt: time.now,
            channels: [channel.name: channel])
        let waker = Waker()
        let recorder = log
        var logger = Logger(label: "deadlined-test") { _ in LogRecorder.Handler(recorder: recorder) }
        logger.logLevel = .debug
        let time = self.time
        let instance = InstanceRecord(
            instanceID: "test:1:0", host: "test", pid: 1, startedAt: time.now, heartbeatAt: time.now,
            configLoadedAt: time.now,
            configSummary: configuration.summary, status: "")
        scheduler = Scheduler(
            context: context, ledger: ledger, waker: waker, notifier: SystemdNotifier(), logger: logger,
            clock: DaemonClock(reading: { time.now }), commands: CommandQueue(waker: waker), mainFile: mainFile,
            environment: [:],
            instance: instance)
        scheduler.makeContext = { configuration, templates, loadedAt in
            DaemonContext(
                configuration: configuration, templates: templates, loadedAt: loadedAt,
                channels: [channel.name: channel])
        }
    }

    deinit { directory.remove() }

    /// One wake-up of the daemon at `moment`.
    func tick(at moment: String) async throws {
        time.set(try MomentParser.parse(moment, zone: scheduler.context.zone).get())
        await scheduler.tick()
    }

    /// Replaces the main file (after the `[daemon]` head) and asks the scheduler to reload, as SIGHUP does.
    func reload(_ config: String) async throws -> ReloadOutcome {
        _ = try directory.write("deadlined.toml", "[daemon]\nstate_directory = \"\(directory.path)/state\"\n" + config)
        return await scheduler.reload()
    }

    /// `rule unit state` of each ledger row of `deadline`, by send time.
    func rows(_ deadline: String) async throws -> [String] {
        try await ledger.entries(deadlineID: deadline).map {
            "\($0.reminder.rule) \($0.reminder.unit) \($0.state.rawValue)"
        }
    }

    /// `rule unit` of what the channel delivered.
    var deliveredRules: [String] { channel.delivered.map { "\($0.facts.rule) \($0.facts.unitID)" } }
}

/// Units so-1 … so-n and one deadline given to all of them, due 17:00 on `due`, on the outbox channel.
func coreConfig(
    units: Int = 1, due: String = "10/12/2020", reminders: String, daemon: String = "", extra: String = ""
) -> String {
    var text = """
        \(daemon)

        [reminders]
        \(reminders)

        [channels.outbox]
        type = "outbox"

        """
    for n in 1...units {
        text += """
            [units.so-\(n)]
            name = "Sở số \(n)"
            recipients = ["vanthu\(n)@so\(n).hanoi.example"]
            channels = ["outbox"]

            """
    }
    text += """
        [[deadline]]
        id = "de-xuat"
        task = "Báo cáo đề xuất nhiệm vụ"
        units = [\((1...units).map { "\"so-\($0)\"" }.joined(separator: ", "))]
        due = "\(due)"
        \(extra)
        """
    return text
}

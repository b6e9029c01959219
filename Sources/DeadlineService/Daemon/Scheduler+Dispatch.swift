import DeadlineKit
import DeadlineStore
import DeadlineSystemd
import Synchronization

extension Scheduler {
    /// What this batch's sends need, as one `Sendable` value (see ``Dispatcher``).
    var dispatcher: Dispatcher {
        Dispatcher(
            context: context, state: state, ledger: ledger, clock: clock, logger: logger,
            instanceID: instance.instanceID)
    }

    /// A stop was asked for: sends in flight finish, no new one starts.
    var stopRequested: Bool { stopping || commands.isStopRequested }

    /// Sends everything the ledger says is ready, in batches; up to each channel's `connections` at once.
    func sendReady() async throws {
        for _ in 0..<1000 where !stopRequested {
            let batch = try await ledger.readyToSend(at: clock.now(), limit: Scheduler.batchLimit)
            if batch.isEmpty { return }
            let dispatcher = self.dispatcher
            let (ready, superseded) = Self.superseding(batch)
            for (old, newer) in superseded where !stopRequested {
                await dispatcher.skip(
                    old.reminder,
                    reason:
                        "superseded: the later reminder '\(newer.reminder.rule)' of the same occurrence went out to the unit instead",
                    now: clock.now())
            }
            for phase in Self.phases(of: ready) where !stopRequested {
                await send(phase, with: dispatcher)
            }
            if batch.count < Scheduler.batchLimit { return }
        }
    }

    /// Several reminders of one occurrence ready at once for the same unit, channel and recipients (after
    /// downtime, or a retry that came due with the next reminder): only the latest goes, restated at the moment it
    /// is sent; the others are set aside. Returns what to send, and each set-aside row with the one that replaces it.
    static func superseding(_ ready: [LedgerEntry]) -> (send: [LedgerEntry], superseded: [(LedgerEntry, LedgerEntry)]) {
        func group(_ entry: LedgerEntry) -> String? {
            let r = entry.reminder
            guard [.before, .due, .overdue].contains(r.kind) else { return nil }
            return [r.deadlineID, r.occurrence.iso, r.unit, r.channel, r.recipients.joined(separator: ",")].joined(
                separator: "|")
        }
        var latest: [String: LedgerEntry] = [:]
        for entry in ready {
            guard let g = group(entry) else { continue }
            if let other = latest[g],
                (other.reminder.sendAt, ReminderRule(other.reminder.rule) ?? .due)
                    >= (entry.reminder.sendAt, ReminderRule(entry.reminder.rule) ?? .due)
            {
                continue
            }
            latest[g] = entry
        }
        var send: [LedgerEntry] = []
        var superseded: [(LedgerEntry, LedgerEntry)] = []
        for entry in ready {
            if let g = group(entry), let keep = latest[g], keep.key != entry.key {
                superseded.append((entry, keep))
            } else {
                send.append(entry)
            }
        }
        return (send, superseded)
    }

    /// A batch cut into groups sent one after the other, in send-time order: each escalation's group comes after
    /// the group with the unit's own reminders of the same moment, which the escalation counts ("reminded N
    /// times"). A batch without escalations is one group; a typical burst with escalations is two.
    static func phases(of ready: [LedgerEntry]) -> [[LedgerEntry]] {
        let sorted = ready.enumerated().sorted {
            ($0.element.reminder.sendAt, $0.element.reminder.kind == .escalation ? 1 : 0, $0.offset)
                < ($1.element.reminder.sendAt, $1.element.reminder.kind == .escalation ? 1 : 0, $1.offset)
        }.map(\.element)
        var phases: [[LedgerEntry]] = []
        for entry in sorted {
            let isEscalation = entry.reminder.kind == .escalation
            if let last = phases.last?.last, (last.reminder.kind == .escalation) == isEscalation {
                phases[phases.count - 1].append(entry)
            } else {
                phases.append([entry])
            }
        }
        return phases
    }

    /// Sends `entries`, at most `connections` of a channel at a time (each channel in its list's order), and returns
    /// when all have finished. Each of a channel's `connections` workers takes the next entry when its send is done,
    /// and writes its claim in the same group commit as the result of the send it just finished (``OutboxCommitter``):
    /// the intents of the sends about to start and the results of those that finished share one transaction.
    /// Pings the watchdog after each send. Once a stop is asked for, the sends in flight finish and are recorded,
    /// and no new one starts.
    func send(_ entries: [LedgerEntry], with dispatcher: Dispatcher) async {
        let queue = SendQueue(entries)
        let committer = self.committer
        let pacer = WatchdogPacer(notifier)
        let commands = self.commands
        await withDiscardingTaskGroup { group in
            for channel in queue.channels {
                for _ in 0..<min(dispatcher.concurrency(of: channel), queue.count(of: channel)) {
                    group.addTask {
                        await Self.work(channel, queue: queue, dispatcher: dispatcher, committer: committer) {
                            pacer.ping()
                            return commands.isStopRequested
                        }
                    }
                }
            }
        }
    }

    /// One worker of a channel: claim, send, and write the result with the next claim, until the channel's queue is
    /// empty or `afterSend` (the watchdog ping, and whether a stop was asked for) says to stop. Bounded: each entry is
    /// taken once.
    static func work(
        _ channel: String, queue: SendQueue, dispatcher: Dispatcher, committer: OutboxCommitter,
        afterSend: @Sendable () -> Bool
    ) async {
        var finished: FinishedSend?
        var stopping = false
        while true {
            var next: PreparedSend?
            while next == nil, !stopping, let entry = queue.next(of: channel) {
                next = await dispatcher.prepare(entry)
            }
            var writes: [OutboxWrite] = []
            if let finished { writes.append(dispatcher.resultWrite(finished)) }
            if let next { writes.append(dispatcher.claimWrite(next)) }
            guard !writes.isEmpty else { return }
            let written = await committer.commit(writes)
            if let done = finished {
                await dispatcher.report(done, written.map { $0[0] })
                finished = nil
            }
            guard let next else { return }
            guard let claim = dispatcher.claimed(next, written.map { $0[writes.count - 1] }) else { continue }
            finished = await dispatcher.deliver(next, claim: claim)
            stopping = afterSend()
        }
    }
}

/// The entries of a batch waiting to be sent, per channel, in order; taken by the channels' workers.
final class SendQueue: Sendable {
    let channels: [String]
    private let waiting: Mutex<[String: ArraySlice<LedgerEntry>]>

    init(_ entries: [LedgerEntry]) {
        var channels: [String] = []
        var waiting: [String: ArraySlice<LedgerEntry>] = [:]
        for entry in entries {
            if waiting[entry.reminder.channel] == nil { channels.append(entry.reminder.channel) }
            waiting[entry.reminder.channel, default: []].append(entry)
        }
        self.channels = channels
        self.waiting = Mutex(waiting)
    }

    func count(of channel: String) -> Int {
        waiting.withLock { $0[channel]?.count ?? 0 }
    }

    /// The next entry of `channel`, taken out of the queue.
    func next(of channel: String) -> LedgerEntry? {
        waiting.withLock { $0[channel]?.popFirst() }
    }
}

/// Pings the watchdog during a burst, at most once a second and only when systemd's watchdog is on: a datagram per
/// message was a tenth of a webhook's CPU, and the watchdog's interval is minutes.
final class WatchdogPacer: Sendable {
    private let notifier: SystemdNotifier
    private let enabled: Bool
    /// When the next ping may go, in nanoseconds on the continuous clock since the pacer's first use.
    private let next = Atomic<Int64>(0)

    init(_ notifier: SystemdNotifier) {
        self.notifier = notifier
        enabled = notifier.watchdogInterval != nil
    }

    func ping() {
        guard enabled else { return }
        let now = ContinuousClock.now.nanosecondsSinceStart
        let due = next.load(ordering: .relaxed)
        guard now >= due,
            next.compareExchange(expected: due, desired: now + 1_000_000_000, ordering: .relaxed).exchanged
        else { return }
        notifier.watchdog()
    }
}

extension ContinuousClock.Instant {
    /// Nanoseconds since an arbitrary fixed start (comparable within the process).
    fileprivate var nanosecondsSinceStart: Int64 {
        let duration = self - ContinuousClock.Instant.processStart
        return duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }

    fileprivate static let processStart = ContinuousClock.now
}

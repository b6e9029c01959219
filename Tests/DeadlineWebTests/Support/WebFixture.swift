import DeadlineConfig
import DeadlineKit
import DeadlineWeb
import Foundation
import Logging
import Synchronization
import TestSupport

@testable import DeadlineService
@testable import DeadlineStore

/// The web side served for real: ``WebServer`` on a listening socket of 127.0.0.1, the daemon's desk over a real
/// ledger and a configuration loaded from files, and a clock the test sets.
struct WebFixture: Sendable {
    let port: Int
    let desk: DaemonWebDesk
    let ledger: any Ledger
    let log: LogRecorder
    let clock: TestClock

    var links: WebLinks { desk.links! }

    /// Three units, one deadline for all three due 17:00 Thursday 10/12/2020 (from directive 5418/UBND-TKBT),
    /// urged daily after it; `[web]` with its key in `dir`, unless `web` is false.
    static func config(
        in dir: TemporaryDirectory, task: String = "Báo cáo kết quả thực hiện", web: Bool = true
    ) throws -> String {
        _ = try dir.write("web-key", LinkKey.generate().fileText, mode: 0o600)
        func quoted(_ s: String) -> String {
            "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
        return try dir.write(
            "deadlined.toml",
            """
            [daemon]
            state_directory = "\(dir.path)/state"
            default_channels = ["outbox"]

            [reminders]
            before = ["3d", "1d"]
            overdue_every = "1d"

            [channels.outbox]
            type = "outbox"

            \(web ? "[web]\npublic_url = \"https://nhacviec.hanoi.example\"\nkey_file = \"\(dir.path)/web-key\"\n" : "")
            [units.so-1]
            name = "Sở số 1"
            recipients = ["Văn thư Sở 1 <vanthu1@so1.hanoi.example>"]

            [units.so-2]
            name = "Sở số 2"
            recipients = ["Văn thư Sở 2 <vanthu2@so2.hanoi.example>"]

            [units.so-3]
            name = "Sở Tài chính & <Kế hoạch>"
            recipients = ["Văn thư Sở 3 <vanthu3@so3.hanoi.example>"]

            [[document]]
            ref = "5418/UBND-TKBT"
            issued = "19/11/2020"
            title = "Triển khai nhiệm vụ năm 2021"

            [[deadline]]
            id = "bao-cao"
            task = \(quoted(task))
            units = ["so-1", "so-2", "so-3"]
            due = "10/12/2020"
            """)
    }

    /// 08:00 on Wednesday 09/12/2020, the day before the due day.
    static let wednesday = Instant(secondsSinceEpoch: 1_607_475_600)

    /// Serves the site of `config` over `ledger` while `body` runs.
    static func with<T: Sendable>(
        config: String, ledger: any Ledger, at start: Instant = wednesday, postsPerMinute: Int = 10,
        _ body: @Sendable (WebFixture) async throws -> T
    ) async throws -> T {
        let loaded = LoadedConfiguration.load(mainFile: config, environment: [:])
        guard let configuration = loaded.configuration else { throw HTTPExchangeError("config: \(loaded.diagnostics)") }
        let clock = TestClock(start)
        let daemonClock = DaemonClock(reading: { clock.now })
        let context = DaemonContext(
            configuration: configuration, templates: loaded.templates, loadedAt: start, channels: [:])
        let log = LogRecorder()
        let logger = Logger(label: "web-test") { _ in log }
        let desk = DaemonWebDesk(context: context, ledger: ledger, commands: nil, clock: daemonClock, logger: logger)
        let socket = try ListeningSocket.make()
        let server = WebServer(
            listeningOn: socket.descriptor, site: WebSite(desk: desk, logger: logger, postsPerMinute: postsPerMinute),
            logger: logger)
        let fixture = WebFixture(port: socket.port, desk: desk, ledger: ledger, log: log, clock: clock)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            defer { group.cancelAll() }
            return try await body(fixture)
        }
    }

    // MARK: Links and requests

    func confirmPath(
        unit: String, occurrence: CivilDate = CivilDate(year: 2020, month: 12, day: 10)!, language: Language = .vi,
        sentAt: Instant? = nil
    )
        -> String
    {
        let url = links.confirmURL(
            deadlineID: "bao-cao", occurrence: occurrence, unitID: unit, language: language, sentAt: sentAt ?? clock.now
        )
        return String(url.dropFirst(links.publicURL.count))
    }

    func get(_ path: String, headers: [String: String] = [:]) async throws -> HTTPReply {
        try await HTTPExchange.send(port: port, "GET", path, headers: headers)
    }

    func post(_ path: String, note: String? = nil, headers: [String: String] = [:]) async throws -> HTTPReply {
        try await HTTPExchange.post(port: port, path, form: note.map { ["note": $0] } ?? [:], headers: headers)
    }

    /// Which units the ledger has done for the occurrence, with who and the note.
    func doneMarks() async throws -> [String: (by: String, note: String?)] {
        let marks = try await ledger.unitMarks(
            OccurrenceID(deadlineID: "bao-cao", date: CivilDate(year: 2020, month: 12, day: 10)!))
        var out: [String: (by: String, note: String?)] = [:]
        for mark in marks where mark.doneAt != nil { out[mark.unit] = (mark.doneBy ?? "", mark.doneNote) }
        return out
    }
}

/// A clock a test moves by hand.
final class TestClock: Sendable {
    private let value: Mutex<Instant>
    init(_ start: Instant) { value = Mutex(start) }
    var now: Instant { value.withLock { $0 } }
    func advance(seconds: Int64) { value.withLock { $0 = $0.adding(seconds: seconds) } }
}

/// A log handler that keeps every record, for asserting what reached the journal and with which MESSAGE_ID.
final class LogRecorder: LogHandler, @unchecked Sendable {
    struct Record: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: Logger.Metadata
    }

    private let lock = NSLock()
    private var stored: [Record] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    var records: [Record] { lock.withLock { stored } }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let record = Record(level: event.level, message: "\(event.message)", metadata: event.metadata ?? [:])
        lock.withLock { stored.append(record) }
    }
}

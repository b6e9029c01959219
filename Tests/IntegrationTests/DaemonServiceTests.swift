import Foundation
import TestSupport
import Testing

/// `deadlined` as systemd runs it: readiness, status, watchdog, reload and stop over a real NOTIFY_SOCKET; the
/// control socket behind `deadlinectl reload`; catch-up after downtime. No service manager is started: the test
/// is the one that listens on NOTIFY_SOCKET and sends the signals.
@Suite("deadlined as a systemd service", .serialized)
struct DaemonServiceTests {
    /// `deadlined --once` on `config`, living at `now`.
    static func once(_ config: String, at now: String) async throws -> ProcessResult {
        try await ProcessRunner.run(
            BuiltProducts.path("deadlined"),
            ["--config", config, "--once", "--log-target", "console", "--pretend-now", now],
            environment: ProcessRunner.environment(removing: ["STATE_DIRECTORY"]))
    }

    /// The outbox's files, sorted (their names start with the send time).
    static func outbox(_ dir: TemporaryDirectory) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path + "/state/outbox")) ?? []).sorted()
    }

    @Test("READY=1 with STATUS=, WATCHDOG=1 from the loop, RELOADING=1 and READY=1 on SIGHUP, STOPPING=1 on SIGTERM")
    func notifyProtocol() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(in: dir, smtpPort: nil)
        let listener = try NotifySocketListener()
        defer { listener.stop() }
        let daemon = try RunningDaemon(
            config: config, arguments: ["--pretend-now", "2021-03-01T07:00:00+07:00"],
            environment: ["NOTIFY_SOCKET": listener.address, "WATCHDOG_USEC": "1000000"], logPath: dir.path + "/log")
        defer { daemon.stop() }
        let ready = listener.waitFor(timeout: .seconds(20)) { $0.contains("READY=1") }
        #expect(ready != nil, "\(daemon.log)")
        #expect(
            listener.waitFor(timeout: .seconds(10)) {
                $0.hasPrefix("STATUS=1 hạn, lời nhắc tiếp theo 08:00 01/03/2021")
            } != nil,
            "\(listener.messages)")
        #expect(listener.waitFor(line: "WATCHDOG=1", timeout: .seconds(5)) != nil)
        daemon.process.send(SIGHUP)
        let reloading = listener.waitFor(timeout: .seconds(10)) { $0.contains("RELOADING=1") }
        #expect(reloading?.contains("MONOTONIC_USEC=") == true, "\(listener.messages)")
        #expect(
            await eventually(timeout: .seconds(10)) { listener.messages.filter { $0.contains("READY=1") }.count >= 2 })
        daemon.process.send(SIGTERM)
        #expect(listener.waitFor(timeout: .seconds(10)) { $0.contains("STOPPING=1") } != nil)
        #expect(daemon.process.waitForExit(timeout: .seconds(15)))
        #expect(daemon.process.status == 0, "\(daemon.log)")
    }

    @Test(
        "a broken file on reload is rejected with its errors and the old plan keeps running; a fixed one is taken at once"
    )
    func reload() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(in: dir, smtpPort: nil, units: 1)
        let good = try String(contentsOfFile: config, encoding: .utf8)
        let daemon = try RunningDaemon(
            config: config, arguments: ["--pretend-now", "2021-03-01T07:59:57+07:00"], logPath: dir.path + "/log")
        defer { daemon.stop() }
        #expect(await daemon.waitForLog("deadlined started"), "\(daemon.log)")
        let ctl = BuiltProducts.path("deadlinectl")
        let env = ProcessRunner.environment(removing: ["DEADLINED_CONFIG", "STATE_DIRECTORY"])

        try dir.write(
            "deadlined.toml", good.replacingOccurrences(of: "due = \"08/03/2021\"", with: "due = \"31/02/2021\""))
        let rejected = try await ProcessRunner.run(
            ctl, ["reload", "--config", config, "--lang", "en"], environment: env)
        #expect(rejected.status == 1)
        #expect(rejected.stderr.contains("deadlined.toml:"), "\(rejected)")
        #expect(rejected.stderr.contains("error: '31/02/2021' is not a date: month 2 of 2021 has 28 days"))
        #expect(
            rejected.stderr.hasSuffix(
                "the new configuration was rejected; deadlined keeps running with the previous one\n"))
        #expect(daemon.log.contains("config rejected"))
        // The same refusal for an admin who reads Vietnamese: the daemon's English line, said in the catalog's words.
        let vietnamese = try await ProcessRunner.run(ctl, ["reload", "--config", config], environment: env)
        #expect(vietnamese.status == 1)
        #expect(vietnamese.stderr.contains(": lỗi: '31/02/2021' không phải một ngày"), "\(vietnamese)")
        #expect(!vietnamese.stderr.contains("error:"), "\(vietnamese)")
        #expect(vietnamese.stderr.hasSuffix("cấu hình mới bị từ chối; deadlined vẫn chạy với cấu hình cũ\n"))

        // The old plan still sends its 08:00 reminder.
        let outbox = dir.path + "/state/outbox"
        #expect(
            await eventually(timeout: .seconds(15)) {
                ((try? FileManager.default.contentsOfDirectory(atPath: outbox)) ?? []).count == 1
            },
            "\(daemon.log)")

        // Fixed, with one more deadline whose reminder was due at 08:00 too: it goes out at once (catch-up window).
        try dir.write(
            "deadlined.toml",
            good + """

                [[deadline]]
                id = "moi"
                task = "Việc mới giao"
                units = ["so-1"]
                due = "08/03/2021"
                """)
        let accepted = try await ProcessRunner.run(ctl, ["reload", "--config", config], environment: env)
        #expect(accepted.status == 0, "\(accepted)")
        #expect(accepted.stdout == "deadlined đã nạp lại cấu hình: 1 văn bản, 2 nhiệm vụ, 1 đơn vị, 1 kênh gửi\n")
        #expect(
            await eventually(timeout: .seconds(15)) {
                ((try? FileManager.default.contentsOfDirectory(atPath: outbox)) ?? []).count == 2
            },
            "\(daemon.log)")
    }

    @Test("reload without a running daemon says so")
    func reloadWithoutDaemon() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(in: dir, smtpPort: nil)
        let result = try await ProcessRunner.run(
            BuiltProducts.path("deadlinectl"), ["reload", "--config", config],
            environment: ProcessRunner.environment(removing: ["STATE_DIRECTORY"]))
        #expect(result.status == 3)
        #expect(
            result.stderr
                == "deadlinectl: deadlined không chạy trên máy này (không có gì trả lời tại \(dir.path)/state/control.sock)\n"
        )
    }

    @Test(
        "catch-up: after downtime, a reminder missed within catch_up is sent once, an older one is skipped and logged")
    func catchUp() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // Due 17:00 10/03/2021; reminders at 08:00 on 3/3 (7d), 8/3 (3d: 7/3 is a Sunday, so the next working
        // morning) and 9/3 (1d).
        let config = try daemonConfig(in: dir, smtpPort: nil, units: 2, due: "10/03/2021", before: ["7d", "3d", "1d"])
        func once(_ now: String) async throws -> ProcessResult { try await Self.once(config, at: now) }
        func outbox() -> [String] { Self.outbox(dir) }
        let first = try await once("2021-03-03T08:00:30+07:00")
        #expect(first.status == 0, "\(first)")
        #expect(outbox().count == 2 && outbox().allSatisfy { $0.hasPrefix("20210303T080000-") })
        // Down from 3/3 to 09:00 on 9/3: the 3d reminder (8/3, 25 h ago) is stale, the 1d one (1 h ago) is not.
        // One journal line for the deadline's skipped reminders.
        let later = try await once("2021-03-09T09:00:00+07:00")
        #expect(later.status == 0, "\(later)")
        #expect(outbox().filter { $0.hasPrefix("20210309T080000-") }.count == 2)
        #expect(outbox().filter { $0.hasPrefix("20210308") }.isEmpty)
        #expect(
            later.stderr.components(separatedBy: "catch-up: skipped 2 reminders planned for 08:00 08/03/2021").count - 1
                == 1,
            "\(later.stderr)")
        // Running again sends nothing twice.
        let again = try await once("2021-03-09T09:05:00+07:00")
        #expect(again.status == 0)
        #expect(outbox().count == 4)
        #expect(!again.stderr.contains("reminder sent"))
    }

    @Test("the clock jumps back five days, then forward: nothing is sent twice, and catch_up decides what is late")
    func clockJumps() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // Due 17:00 10/03/2021; reminders at 08:00 on 3/3 (7d), 8/3 (3d) and 9/3 (1d).
        let config = try daemonConfig(in: dir, smtpPort: nil, units: 1, due: "10/03/2021", before: ["7d", "3d", "1d"])
        func once(_ now: String) async throws -> ProcessResult { try await Self.once(config, at: now) }
        func outbox() -> [String] { Self.outbox(dir) }
        #expect(try await once("2021-03-03T08:00:30+07:00").succeeded)
        #expect(try await once("2021-03-08T08:00:30+07:00").succeeded)
        #expect(outbox().map { String($0.prefix(15)) } == ["20210303T080000", "20210308T080000"])
        // The clock goes back to 08:01 on 3/3 (a wrong NTP step, a restored VM): both reminders of the past are
        // in the ledger, so nothing is sent twice.
        let back = try await once("2021-03-03T08:01:00+07:00")
        #expect(back.succeeded, "\(back)")
        #expect(outbox().count == 2, "\(outbox())")
        #expect(back.stderr.contains("the clock went back from"), "\(back.stderr)")
        // Forward to 12:00 on 9/3: the 1d reminder (4 h ago, within catch_up = 24h) goes out once.
        #expect(try await once("2021-03-09T12:00:00+07:00").succeeded)
        #expect(outbox().map { String($0.prefix(15)) } == ["20210303T080000", "20210308T080000", "20210309T080000"])
        // Far forward, past the due day: nothing more (no urging configured), and nothing twice.
        #expect(try await once("2021-03-12T08:00:00+07:00").succeeded)
        #expect(outbox().count == 3)
    }
}

import Foundation
import TestSupport
import Testing

/// `undone`, `snooze`, `status` and `history` end to end: the real binaries, a running daemon, the real SMTP
/// server and an HTTP port that refuses connections.
@Suite("Admin workflows: undone, snooze, status and history against a running daemon", .serialized)
struct AdminStatusTests {
    typealias Admin = AdminWorkflowTests

    @Test("undone resumes an occurrence's reminders and snooze pauses them, in a running daemon; history lists both")
    func undoneAndSnooze() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let deadlines = ["a", "b", "c"].map {
            Admin.deadline($0, "Báo cáo \($0)", units: ["so-1"], due: "09:00 01/03/2021")
        }
        let config = try dir.write(
            "deadlined.toml",
            """
            [daemon]
            state_directory = "\(dir.path)/state"

            [reminders]
            before = ["1m"]
            on_due = false
            overdue_every = ""

            \(Admin.smtpChannel(server))\(Admin.unit(1))\(Admin.document)\(deadlines.joined())
            """)
        // Every reminder is due at 08:59:00; the daemon lives from 08:58:30 (room for a loaded machine).
        let daemon = try RunningDaemon(
            config: config, arguments: ["--pretend-now", "2021-03-01T08:58:30+07:00"], logPath: dir.path + "/log")
        defer { daemon.stop() }
        #expect(await daemon.waitForLog("deadlined started"), "\(daemon.log)")
        for arguments in [
            ["done", "b", "--note", "nhầm"], ["undone", "b", "--note", "chưa xong"],
            ["snooze", "a", "--until", "01/03/2021 09:30", "--now", "01/03/2021 08:58"],
        ] {
            let result = try await Admin.deadlinectl(arguments, config: config)
            #expect(result.succeeded, "\(arguments): \(result)")
        }
        #expect(
            await eventually(timeout: .seconds(60)) { ((try? server.messages()) ?? []).count >= 2 }, "\(daemon.log)")
        try await Task.sleep(for: .milliseconds(1500))  // a reminder for `a` would have gone in the same batch
        let keys = try server.messages().map { String(decoding: $0.data, as: UTF8.self) }.compactMap { text in
            text.split(separator: "\r\n").first { $0.hasPrefix("X-Deadlined-Key: ") }.map { String($0.dropFirst(17)) }
        }
        #expect(Set(keys) == ["b|2021-03-01|1m|so-1|email", "c|2021-03-01|1m|so-1|email"], "\(daemon.log)")

        let b = try await Admin.deadlinectl(["history", "b", "--json"], config: config)
        let bJSON = try #require(try JSONSerialization.jsonObject(with: Data(b.stdout.utf8)) as? [String: Any], "\(b)")
        let actions = (bJSON["admin_actions"] as? [[String: Any]] ?? []).map {
            "\($0["action"] ?? "") \($0["note"] ?? "")"
        }
        #expect(actions == ["done nhầm", "undone chưa xong"], "\(b.stdout)")
        #expect((bJSON["reminders"] as? [[String: Any]])?.map { $0["state"] as? String } == ["sent"])
        let a = try await Admin.deadlinectl(["history", "a"], config: config)
        #expect(a.stdout.contains("  tạm dừng nhắc  01/03/2021  "), "\(a.stdout)")
        #expect(a.stdout.contains(" đến 09:30 01/03/2021\n"), "\(a.stdout)")
        #expect(a.stdout.contains("Chưa có lời nhắc nào đến giờ gửi."), "\(a.stdout)")
    }

    /// Unit so-3, reached only through a webhook whose port (9, discard) refuses connections on loopback: every
    /// attempt is a temporary failure.
    static let refusedHook = """
        [channels.hook]
        type = "webhook"
        url = "http://127.0.0.1:9/hooks/x"
        connect_timeout = "2s"

        [units.so-3]
        name = "Sở số 3"
        channels = ["hook"]

        """

    /// `HH:MM dd/mm/yyyy` in Hanoi (UTC+7 all year) for a moment `seconds` from now.
    static func hanoi(_ seconds: TimeInterval) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3600)
        formatter.dateFormat = "HH:mm dd/MM/yyyy"
        return formatter.string(from: Date().addingTimeInterval(seconds))
    }

    @Test(
        "status: the running daemon, its next reminders, a delivery waiting for its retry, one given up, overdue work by unit; history of each"
    )
    func status() async throws {
        var options = SMTPTestServer.Options()
        options.rejectedRecipients = ["vanthu2@so2.hanoi.example"]
        let server = try SMTPTestServer(options)
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // x fell due 30 minutes ago (its reminder an hour before is caught up at start): sent to so-1, refused for good
        // for so-2 (550), refused connection for so-3 (retried later). y falls due in 10 days; 3 days before, a
        // reminder. Real clock: off_hours = "send", so that the run does not depend on the hour it happens at.
        let config = try dir.write(
            "deadlined.toml",
            """
            [daemon]
            state_directory = "\(dir.path)/state"

            [reminders]
            before = []
            overdue_every = ""
            off_hours = "send"
            overdue_off_hours = "send"

            \(Self.refusedHook)\(Admin.smtpChannel(server))\(Admin.unit(1))\(Admin.unit(2))\(Admin.document)\(Admin.deadline("x", "Báo cáo tổng hợp", units: ["so-1", "so-2", "so-3"], due: Self.hanoi(-1800)))reminders = { before = ["1h"], on_due = false }

            \(Admin.deadline("y", "Dự thảo kế hoạch", units: ["so-1"], due: Self.hanoi(10 * 86_400)))reminders = { before = ["3d"] }
            """)
        let check = try await Admin.deadlinectl(["check"], config: config)
        #expect(check.succeeded, "\(check)")
        let daemon = try RunningDaemon(config: config, logPath: dir.path + "/log")
        defer { daemon.stop() }

        var json: [String: Any] = [:]
        var settled = false
        for _ in 0..<60 where !settled {  // up to 30 s
            let result = try await Admin.deadlinectl(["status", "--json"], config: config)
            json = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]) ?? [:]
            settled =
                (json["given_up_last_7_days"] as? [Any])?.count == 1 && (json["pending_retry"] as? [Any])?.count == 1
            if !settled { try await Task.sleep(for: .milliseconds(500)) }
        }
        #expect(settled, "\(json)\n\(daemon.log)")
        let d = try #require(json["daemon"] as? [String: Any])
        #expect(d["running"] as? Bool == true)
        #expect(d["pid"] as? Int == Int(daemon.process.pid))
        #expect(d["config_loaded_at"] is String)
        #expect((d["config"] as? String)?.contains("2 deadlines") == true, "\(d)")
        let next = try #require(json["next_reminders"] as? [[String: Any]])
        #expect(next.first?["deadline_id"] as? String == "y", "\(next)")
        let retry = try #require((json["pending_retry"] as? [[String: Any]])?.first)
        #expect((retry["key"] as? String)?.hasSuffix("|so-3|hook") == true, "\(retry)")
        #expect(retry["state"] as? String == "retry", "\(retry)")
        #expect(retry["next_attempt_at"] is String && retry["last_error"] is String, "\(retry)")
        let givenUp = try #require((json["given_up_last_7_days"] as? [[String: Any]])?.first)
        #expect((givenUp["key"] as? String)?.hasSuffix("|so-2|email") == true, "\(givenUp)")
        #expect((givenUp["last_error"] as? String ?? givenUp["reason"] as? String ?? "").contains("550"), "\(givenUp)")
        let overdue = try #require(json["overdue_by_unit"] as? [[String: Any]])
        #expect(overdue.map { $0["unit"] as? String } == ["so-1", "so-2", "so-3"])
        #expect(overdue.allSatisfy { ($0["deadlines"] as? [[String: Any]])?.map { $0["id"] as? String } == ["x"] })

        let text = try await Admin.deadlinectl(["status"], config: config)
        #expect(
            text.stdout.hasPrefix("deadlined: đang chạy (pid \(daemon.process.pid))\n  cấu hình nạp lúc "),
            "\(text.stdout)")
        #expect(text.stdout.contains("Sở số 2 [so-2]: x (quá hạn"), "\(text.stdout)")

        let history = try await Admin.deadlinectl(["history", "x"], config: config)
        let rows = history.stdout.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        #expect(
            rows.contains { $0.contains(" so-1 email vanthu1@so1.hanoi.example đã gửi: 250") && $0.hasSuffix(" 1") },
            "\(history.stdout)")
        #expect(rows.contains { $0.contains(" so-2 email vanthu2@so2.hanoi.example thất bại: ") }, "\(history.stdout)")
        #expect(
            rows.contains { $0.contains(" so-3 hook chờ gửi lại: hook 127.0.0.1:9: cannot connect") },
            "\(history.stdout)")
        #expect(history.stdout.hasSuffix("Nhật ký: journalctl DEADLINE_ID=x\n"), "\(history.stdout)")
        let english = try await Admin.deadlinectl(["history", "x", "--lang", "en"], config: config)
        let englishRows = english.stdout.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        #expect(
            englishRows.contains { $0.contains(" so-1 email vanthu1@so1.hanoi.example sent: 250") }, "\(english.stdout)"
        )
        #expect(
            englishRows.contains { $0.contains(" so-3 hook retry: hook 127.0.0.1:9: cannot connect") },
            "\(english.stdout)")
        #expect(english.stdout.hasSuffix("Log entries: journalctl DEADLINE_ID=x\n"), "\(english.stdout)")
    }

    @Test(
        "a delivery that keeps failing is retried with backoff up to retry_limit, then given up: log, ledger and status say so"
    )
    func retriedThenGivenUp() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // The webhook's port refuses connections: a temporary failure each time. Three attempts, 1 s then 2 s apart.
        let config = try dir.write(
            "deadlined.toml",
            """
            [daemon]
            state_directory = "\(dir.path)/state"
            retry_limit = 3
            retry_delay = "1s"

            [reminders]
            before = ["1h"]
            on_due = false
            overdue_every = ""
            off_hours = "send"

            \(Self.refusedHook)\(Admin.document)\(Admin.deadline("x", "Báo cáo tổng hợp", units: ["so-3"], due: Self.hanoi(-1800)))
            """)
        let daemon = try RunningDaemon(config: config, logPath: dir.path + "/log")
        defer { daemon.stop() }
        #expect(await daemon.waitForLog("delivery given up", timeout: .seconds(30)), "\(daemon.log)")
        let log = daemon.log
        #expect(log.components(separatedBy: "delivery failed, will retry at ").count - 1 == 2, "\(log)")
        let status = try await Admin.deadlinectl(["status", "--json"], config: config)
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any], "\(status)")
        let givenUp = try #require((json["given_up_last_7_days"] as? [[String: Any]])?.first, "\(status.stdout)")
        #expect(givenUp["state"] as? String == "given_up", "\(givenUp)")
        #expect(givenUp["attempts"] as? Int == 3, "\(givenUp)")
        #expect((givenUp["last_error"] as? String)?.contains("cannot connect") == true, "\(givenUp)")
        #expect((json["pending_retry"] as? [Any])?.isEmpty == true)
        let history = try await Admin.deadlinectl(["history", "x", "--json"], config: config)
        let entry = try #require(
            ((try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])?["reminders"]
                as? [[String: Any]])?.first)
        let starts = (entry["attempt_log"] as? [[String: Any]] ?? []).compactMap { $0["started_at"] as? String }
        #expect(starts.count == 3, "\(history.stdout)")
    }
}

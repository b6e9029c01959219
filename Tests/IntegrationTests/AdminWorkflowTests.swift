import Foundation
import TestSupport
import Testing

/// The admin's day-to-day controls, end to end with the real binaries, a real SMTP server and a running daemon:
/// done and snooze, escalation to heads of units, digests, the completion report, safe editing.
@Suite("Admin workflows: done, escalation, digests, report, edit", .serialized)
struct AdminWorkflowTests {
    static let ctl = BuiltProducts.path("deadlinectl")
    static let env = ProcessRunner.environment(removing: ["DEADLINED_CONFIG", "STATE_DIRECTORY", "VISUAL", "EDITOR"])

    static func deadlinectl(
        _ arguments: [String], config: String, environment: [String: String] = [:]
    ) async throws -> ProcessResult {
        try await ProcessRunner.run(
            ctl, arguments + ["--config", config], environment: env.merging(environment) { _, new in new })
    }

    /// Runs `deadlined --once` as if it were `moment`.
    static func once(_ config: String, at moment: String) async throws {
        let result = try await DaemonServiceTests.once(config, at: moment)
        #expect(result.succeeded, "\(result)")
    }

    static func smtpChannel(_ server: SMTPTestServer) -> String {
        """
        [channels.email]
        type = "smtp"
        url = "smtp://127.0.0.1:\(server.port)"
        starttls = "off"
        from = "Văn phòng UBND Thành phố <nhacviec@hanoi.example>"
        connect_timeout = "2s"
        timeout = "10s"

        """
    }

    static func unit(_ n: Int, extra: String = "") -> String {
        """
        [units.so-\(n)]
        name = "Sở số \(n)"
        recipients = ["Văn thư Sở \(n) <vanthu\(n)@so\(n).hanoi.example>"]
        heads = ["Giám đốc Sở \(n) <giamdoc\(n)@so\(n).hanoi.example>"]
        channels = ["email"]
        \(extra)

        """
    }

    static func deadline(_ id: String, _ task: String, units: [String], due: String) -> String {
        """
        [[deadline]]
        id = "\(id)"
        document = "5418/UBND-TKBT"
        task = "\(task)"
        units = [\(units.map { "\"\($0)\"" }.joined(separator: ", "))]
        due = "\(due)"

        """
    }

    static let document = """
        [[document]]
        ref = "5418/UBND-TKBT"
        issued = "19/11/2020"

        """

    /// What each received message says, through Python's email package.
    static func received(_ server: SMTPTestServer) async throws -> [EmailVerification] {
        var out: [EmailVerification] = []
        for message in try server.messages() { out.append(try await verifyWithPython(message.data)) }
        return out
    }

    @Test("done stops an occurrence's reminders in a running daemon within seconds; the other deadline's still goes")
    func doneStopsReminders() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try dir.write(
            "deadlined.toml",
            """
            [daemon]
            state_directory = "\(dir.path)/state"

            [reminders]
            before = ["1m"]
            on_due = false
            overdue_every = ""

            \(Self.smtpChannel(server))\(Self.unit(1))\(Self.document)\(Self.deadline("a", "Báo cáo sơ kết", units: ["so-1"], due: "09:00 01/03/2021"))\(Self.deadline("b", "Dự thảo kế hoạch", units: ["so-1"], due: "09:00 01/03/2021"))
            """)
        // Both reminders are due at 08:59:00; the daemon lives from 08:58:35 (room for a loaded machine).
        let daemon = try RunningDaemon(
            config: config, arguments: ["--pretend-now", "2021-03-01T08:58:35+07:00"], logPath: dir.path + "/log")
        defer { daemon.stop() }
        #expect(await daemon.waitForLog("deadlined started"), "\(daemon.log)")
        let done = try await Self.deadlinectl(["done", "a", "--note", "Đã gửi báo cáo số 12/BC"], config: config)
        #expect(done.succeeded, "\(done)")
        #expect(
            await eventually(timeout: .seconds(45)) { ((try? server.messages()) ?? []).count >= 1 }, "\(daemon.log)")
        try await Task.sleep(for: .milliseconds(1500))  // a reminder for `a` would have gone in the same batch
        let keys = try server.messages().map { String(decoding: $0.data, as: UTF8.self) }.compactMap { text in
            text.split(separator: "\r\n").first { $0.hasPrefix("X-Deadlined-Key: ") }.map { String($0.dropFirst(17)) }
        }
        #expect(keys == ["b|2021-03-01|1m|so-1|email"], "\(daemon.log)")
        let history = try await Self.deadlinectl(["history", "a"], config: config)
        #expect(history.stdout.contains("Đã gửi báo cáo số 12/BC"), "\(history)")
    }

    @Test(
        "escalation: after 2 working days overdue the head gets it (and the supervisor), saying how often the unit was urged"
    )
    func escalationAfterWorkingDays() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try dir.write(
            "deadlined.toml",
            """
            [daemon]
            state_directory = "\(dir.path)/state"

            [reminders]
            before = []
            on_due = false
            overdue_every = "1d"
            overdue_limit = 2
            escalate_after = "2wd"
            escalate_limit = 1
            supervisors = ["Văn phòng Thành ủy <vanphong@thanhuy.hanoi.example>"]

            \(Self.smtpChannel(server))\(Self.unit(1))\(Self.document)\(Self.deadline("bao-cao", "Báo cáo kết quả thực hiện Nghị quyết", units: ["so-1"], due: "04/03/2021"))
            """)
        // Due 17:00 Thursday 4/3/2021. Urging Friday 5/3; the head on Monday 8/3, the second working day after the
        // due day, in the place of that morning's urging (the unit's second urging would come on Tuesday 9/3).
        try await Self.once(config, at: "2021-03-05T08:00:30+07:00")
        #expect(try server.messages().map(\.recipients) == [["vanthu1@so1.hanoi.example"]])
        try await Self.once(config, at: "2021-03-06T08:00:30+07:00")
        #expect(try server.messages().count == 1, "nothing on Saturday")
        try await Self.once(config, at: "2021-03-08T08:00:30+07:00")
        let messages = try await Self.received(server)
        #expect(messages.count == 2)
        let escalation = try #require(
            messages.first { $0.subject.hasPrefix("[Báo cáo lãnh đạo]") }, "\(messages.map(\.subject))")
        #expect(
            escalation.subject
                == "[Báo cáo lãnh đạo] Sở số 1 chưa hoàn thành nhiệm vụ quá hạn 4 ngày: Báo cáo kết quả thực hiện Nghị quyết (5418/UBND-TKBT)"
        )
        #expect(escalation.to.map { $0[1] } == ["giamdoc1@so1.hanoi.example", "vanphong@thanhuy.hanoi.example"])
        #expect(escalation.to.map { $0[0] } == ["Giám đốc Sở 1", "Văn phòng Thành ủy"])
        #expect(escalation.text?.contains("Kính gửi: Lãnh đạo Sở số 1") == true)
        #expect(
            escalation.text?.contains("mặc dù đơn vị đã được nhắc 1 lần, trong đó đôn đốc 1 lần sau hạn.") == true,
            "\(escalation.text ?? "")")
        #expect(escalation.key == "bao-cao|2021-03-04|escalation-1|so-1|email")

        // Done: nothing more, even where the rules would allow more.
        let done = try await Self.deadlinectl(["done", "bao-cao"], config: config)
        #expect(done.succeeded, "\(done)")
        try await Self.once(config, at: "2021-03-09T08:00:30+07:00")
        #expect(try server.messages().count == 2)
    }

    @Test(
        "a digest lists a unit's deadlines due soon, sorted, in one message; the unit gets no separate reminders before"
    )
    func digest() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try dir.write(
            "deadlined.toml",
            """
            [daemon]
            state_directory = "\(dir.path)/state"

            [reminders]
            before = ["7d", "1d"]
            on_due = true
            overdue_every = ""

            \(Self.smtpChannel(server))\(Self.unit(1, extra: "digest = \"07:30\""))\(Self.unit(2))\(Self.document)\
            \(Self.deadline("ke-hoach", "Dự thảo kế hoạch tổng thể triển khai Chương trình hành động", units: ["so-1", "so-2"], due: "12/03/2021"))\
            \(Self.deadline("bao-cao", "Báo cáo tham mưu, đề xuất nhiệm vụ, giải pháp", units: ["so-1"], due: "10/03/2021"))
            """)
        let plan = try await Self.deadlinectl(
            ["plan", "--now", "09/03/2021 00:00", "--to", "10/03/2021", "--json"], config: config)
        #expect(plan.succeeded, "\(plan)")
        #expect(
            plan.stdout.contains("\"kind\":\"digest\"") || plan.stdout.contains("\"kind\": \"digest\""),
            "\(plan.stdout)")

        // 9/3 07:30: bao-cao's "1 day before" becomes so-1's digest, which lists ke-hoach (due in 3 days) too.
        try await Self.once(config, at: "2021-03-09T07:30:30+07:00")
        var messages = try await Self.received(server)
        #expect(messages.count == 1)
        let digest = try #require(messages.first)
        #expect(digest.subject == "[Tổng hợp nhắc việc] Sở số 1, ngày 09/03/2021: 2 nhiệm vụ")
        #expect(digest.to.map { $0[1] } == ["vanthu1@so1.hanoi.example"])
        let text = digest.text ?? ""
        let first = try #require(text.range(of: "1. Báo cáo tham mưu, đề xuất nhiệm vụ, giải pháp"), "\(text)")
        let second = try #require(
            text.range(of: "2. Dự thảo kế hoạch tổng thể triển khai Chương trình hành động"), "\(text)")
        #expect(first.lowerBound < second.lowerBound)
        #expect(text.contains("Thời hạn: 17 giờ 00, thứ Tư, ngày 10/03/2021 (còn 1 ngày)"), "\(text)")
        #expect(text.contains("Thời hạn: 17 giờ 00, thứ Sáu, ngày 12/03/2021 (còn 3 ngày)"), "\(text)")
        #expect(digest.key == "@digest|2021-03-09|digest|so-1|email")
        #expect(digest.html?.contains("Dự thảo kế hoạch tổng thể triển khai Chương trình hành động") == true)

        // 8:00: no separate "before" reminder for so-1 (so-2 has none today: its 1 day before is 11/3).
        try await Self.once(config, at: "2021-03-09T08:00:30+07:00")
        #expect(try server.messages().count == 1)
        // The due-day reminder still goes to so-1 alone: urgent ones are not folded in by default.
        try await Self.deadlinectl(["done", "ke-hoach"], config: config).expectSuccess()
        try await Self.once(config, at: "2021-03-10T08:00:30+07:00")
        messages = try await Self.received(server)
        #expect(
            messages.dropFirst().map(\.subject) == [
                "[Nhắc việc] Hôm nay đến hạn: Báo cáo tham mưu, đề xuất nhiệm vụ, giải pháp"
            ])
        // 11/3 07:30, ke-hoach's 1 day before: so-1's digest has nothing left to list (ke-hoach done, bao-cao
        // done), so it is not sent; nor is so-2's reminder of the done ke-hoach at 08:00.
        try await Self.deadlinectl(["done", "bao-cao"], config: config).expectSuccess()
        try await Self.once(config, at: "2021-03-11T08:00:30+07:00")
        #expect(try server.messages().count == 2)
    }

    @Test("report: per unit, due, done on time, done late, still overdue, as CSV and Markdown")
    func report() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try dir.write(
            "deadlined.toml",
            """
            [daemon]
            state_directory = "\(dir.path)/state"

            [channels.outbox]
            type = "outbox"
            directory = "outbox"

            [units.so-khdt]
            name = "Sở Kế hoạch và Đầu tư"
            recipients = ["vanthu@khdt.hanoi.example"]
            channels = ["outbox"]

            [units.so-tc]
            name = "Sở Tài chính, \\"Hà Nội\\""
            recipients = ["vanthu@stc.hanoi.example"]
            channels = ["outbox"]

            \(Self.document)
            [[deadline]]
            id = "som"
            task = "Việc đã xong sớm"
            units = ["so-khdt"]
            due = "31/12/2099"

            [[deadline]]
            id = "muon"
            task = "Việc xong muộn"
            units = ["so-khdt", "so-tc"]
            due = "10/12/2020"

            [[deadline]]
            id = "tre"
            task = "Việc còn quá hạn | chưa xong"
            units = ["so-tc"]
            due = "20/12/2020"

            [[deadline]]
            id = "sau"
            task = "Việc chưa đến hạn"
            units = ["so-tc"]
            due = "30/12/2099"
            """)
        // done works before deadlined's first run: it creates the ledger, as the daemon would.
        try await Self.deadlinectl(["done", "som"], config: config).expectSuccess()
        try await Self.once(config, at: "2020-12-01T07:00:00+07:00")
        try await Self.deadlinectl(["done", "muon"], config: config).expectSuccess()
        let csv = try await Self.deadlinectl(
            ["report", "--from", "01/12/2020", "--to", "31/12/2099", "--format", "csv"], config: config)
        #expect(csv.succeeded, "\(csv)")
        // The CSV is for programs too: the same header and total row in every language.
        #expect(
            csv.stdout == [
                "unit,name,due,done_on_time,done_late,overdue,not_yet_due,on_time_rate",
                "so-khdt,Sở Kế hoạch và Đầu tư,2,1,1,0,0,50%",
                "so-tc,\"Sở Tài chính, \"\"Hà Nội\"\"\",3,0,1,1,1,0%",
                "*,,5,1,2,1,1,25%",
            ].joined(separator: "\r\n") + "\r\n")
        let english = try await Self.deadlinectl(
            ["report", "--from", "01/12/2020", "--to", "31/12/2099", "--format", "csv", "--lang", "en"], config: config)
        #expect(english.stdout == csv.stdout)
        let md = try await Self.deadlinectl(
            ["report", "--from", "01/12/2020", "--to", "31/12/2099", "--format", "md"], config: config)
        #expect(md.stdout.contains("| so-tc | Sở Tài chính, \"Hà Nội\" | 3 | 0 | 1 | 1 | 1 | 0% |"), "\(md.stdout)")
        #expect(md.stdout.contains("- 20/12/2020 · so-tc · `tre`: Việc còn quá hạn \\| chưa xong"), "\(md.stdout)")
        let bad = try await Self.deadlinectl(["report", "--from", "31/12/2020", "--to", "01/12/2020"], config: config)
        #expect(bad.status == 2)
    }

    @Test(
        "edit: an invalid change leaves every installed file byte for byte as it was; a valid one is installed and reloaded"
    )
    func edit() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(in: dir, smtpPort: nil, units: 1)
        _ = try dir.write("deadlines.d/10-old.toml", Self.deadline("cu", "Việc cũ", units: ["so-1"], due: "15/03/2021"))
        func snapshot() throws -> [String: Data] {
            var files: [String: Data] = [:]
            for name in try FileManager.default.subpathsOfDirectory(atPath: dir.path)
            where name.hasSuffix(".toml") || name.contains("deadlinectl") {
                files[name] = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/" + name))
            }
            return files
        }
        let before = try snapshot()
        let broken = try dir.write(
            "editor-broken.sh", "#!/bin/sh\nsed -i 's/due = \"15\\/03\\/2021\"/due = \"31\\/02\\/2021\"/' \"$1\"\n",
            mode: 0o755)
        let refused = try await Self.deadlinectl(
            ["edit", "10-old.toml"], config: config, environment: ["EDITOR": broken])
        #expect(refused.status == 1, "\(refused)")
        #expect(
            refused.stderr.contains(
                "deadlines.d/10-old.toml:6:7: lỗi: '31/02/2021' không phải một ngày: tháng 2 năm 2021 chỉ có 28 ngày"),
            "\(refused.stderr)")
        #expect(refused.stderr.contains("deadlinectl: thay đổi này làm cấu hình có 1 lỗi; "), "\(refused.stderr)")
        #expect(refused.stderr.contains("10-old.toml giữ nguyên"), "\(refused.stderr)")
        #expect(try snapshot() == before)

        let unchanged = try await Self.deadlinectl(["edit"], config: config, environment: ["EDITOR": "true"])
        #expect(unchanged.succeeded && unchanged.stdout.hasSuffix(": không có thay đổi\n"), "\(unchanged)")

        // A new drop-in while the daemon runs: checked, installed with mode 0644, and the daemon reloads it.
        let daemon = try RunningDaemon(
            config: config, arguments: ["--pretend-now", "2021-03-01T07:00:00+07:00"], logPath: dir.path + "/log")
        defer { daemon.stop() }
        #expect(await daemon.waitForLog("deadlined started"), "\(daemon.log)")
        let newFile = Self.deadline("moi", "Việc mới giao theo Kế hoạch 04-KH/TU", units: ["so-1"], due: "20/03/2021")
        let writer = try dir.write("editor-new.sh", "#!/bin/sh\ncat > \"$1\" <<'EOF'\n\(newFile)EOF\n", mode: 0o755)
        let added = try await Self.deadlinectl(
            ["edit", "20-new.toml"], config: config, environment: ["VISUAL": writer])
        #expect(added.succeeded, "\(added)")
        #expect(
            added.stdout.contains("20-new.toml: đã cài đặt (1 văn bản, 3 nhiệm vụ, 1 đơn vị, 1 kênh gửi)"),
            "\(added.stdout)")
        #expect(
            added.stdout.contains("deadlined đã nạp lại cấu hình: 1 văn bản, 3 nhiệm vụ, 1 đơn vị, 1 kênh gửi"),
            "\(added.stdout)")
        let installed = try dir.read("deadlines.d/20-new.toml")
        #expect(installed == newFile)
        let mode =
            try FileManager.default.attributesOfItem(atPath: dir.path + "/deadlines.d/20-new.toml")[.posixPermissions]
            as? Int
        #expect(mode == 0o644)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: dir.path + "/deadlines.d").sorted() == [
                "10-old.toml", "20-new.toml",
            ])
    }

    @Test("two deadlinectl done at once while the daemon writes 200 reminders: both recorded, the ledger intact")
    func concurrentDone() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(
            in: dir, smtpPort: nil, units: 200,
            extraDeadlines: """

                [[deadline]]
                id = "x"
                task = "Việc X"
                units = ["so-1"]
                due = "20/03/2021"

                [[deadline]]
                id = "y"
                task = "Việc Y"
                units = ["so-2"]
                due = "20/03/2021"
                """)
        let daemon = try RunningDaemon(
            config: config, arguments: ["--pretend-now", "2021-03-01T07:59:59+07:00"], logPath: dir.path + "/log")
        defer { daemon.stop() }
        #expect(await daemon.waitForLog("deadlined started"), "\(daemon.log)")
        let outbox = dir.path + "/state/outbox"
        func sent() -> Int { ((try? FileManager.default.contentsOfDirectory(atPath: outbox)) ?? []).count }
        #expect(await eventually(timeout: .seconds(20)) { sent() > 0 }, "\(daemon.log)")
        async let first = Self.deadlinectl(["done", "x", "--note", "một"], config: config)
        async let second = Self.deadlinectl(["done", "y", "--note", "hai"], config: config)
        let (a, b) = try await (first, second)
        #expect(a.succeeded, "\(a)")
        #expect(b.succeeded, "\(b)")
        #expect(await eventually(timeout: .seconds(60)) { sent() == 200 }, "\(sent()) of 200; \(daemon.log)")
        daemon.stop()
        for (id, note) in [("x", "một"), ("y", "hai")] {
            let history = try await Self.deadlinectl(["history", id, "--json"], config: config)
            #expect(history.stdout.contains(note), "\(history)")
        }
        let check = try await ProcessRunner.run(
            "/usr/bin/python3",
            [
                "-c",
                "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('PRAGMA integrity_check').fetchone()[0], c.execute(\"SELECT count(*) FROM reminders WHERE state='sent'\").fetchone()[0])",
                dir.path + "/state/state.db",
            ])
        #expect(check.stdout == "ok 200\n", "\(check)")
    }
}

extension ProcessResult {
    func expectSuccess(sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(succeeded, "\(self)", sourceLocation: sourceLocation)
    }
}

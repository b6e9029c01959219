import DeadlineService
import Foundation
import TestSupport
import Testing

/// What an office sees is what the ledger says (issue 19): completion per unit of a group deadline, `list`,
/// `plan`, `report`, `status` and `history` reading the ledger, messages that state the facts of the moment they
/// are sent, and the admin's mistakes answered plainly. With the real binaries and the outbox.
@Suite("Per-unit completion and truthful views, the built binaries", .serialized)
struct PerUnitCompletionTests {
    static let user = OccurrenceCommands.unixUser(environment: [:])

    /// A deadline for the group `cac-so` (Sở số 1, 2, 3), due 17:00 Thursday 10/12/2020; 1d, the due day, two
    /// urgings; the outbox.
    static func config(in dir: TemporaryDirectory, reminders: String = "", catchUp: String = "24h") throws -> String {
        try dir.write(
            "deadlined.toml",
            """
            [daemon]
            state_directory = "\(dir.path)/state"
            default_channels = ["outbox"]
            catch_up = "\(catchUp)"

            [reminders]
            before = ["1d"]
            overdue_every = "1d"
            overdue_limit = 2
            \(reminders)

            [channels.outbox]
            type = "outbox"

            \((1...3).map { AdminWorkflowTests.unit($0).replacingOccurrences(of: "channels = [\"email\"]", with: "") }.joined())
            [units.cac-so]
            name = "Các sở"
            members = ["so-1", "so-2", "so-3"]

            \(AdminWorkflowTests.document)\(AdminWorkflowTests.deadline("de-xuat", "Báo cáo đề xuất nhiệm vụ", units: ["cac-so"], due: "10/12/2020"))
            """)
    }

    static func ctl(_ arguments: [String], _ config: String) async throws -> ProcessResult {
        try await AdminWorkflowTests.deadlinectl(arguments, config: config)
    }

    @Test("done --unit: one unit of three finishes; only the others are urged, and every view says 1/3")
    func oneUnitOfThree() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try Self.config(in: dir)
        // Before deadlined ever ran: done creates the ledger.
        let done = try await Self.ctl(["done", "de-xuat", "--unit", "so-2", "--at", "09/12/2020 15:00"], config)
        #expect(done.status == 0, "\(done)")
        #expect(
            done.stdout == """
                de-xuat (hạn 10/12/2020): đã đánh dấu hoàn thành cho Sở số 2 (người thực hiện: \(Self.user)); dừng nhắc việc các đơn vị này.
                Đã hoàn thành: 1/3 đơn vị; còn: Sở số 1, Sở số 3.

                """)
        // Again: it says it already was, when and by whom; nothing changes.
        let again = try await Self.ctl(["done", "de-xuat", "--unit", "so-2"], config)
        #expect(again.status == 0)
        #expect(
            again.stdout
                == "de-xuat (hạn 10/12/2020): Sở số 2 đã được đánh dấu hoàn thành từ trước, lúc 15:00 09/12/2020 (người thực hiện: \(Self.user)).\n"
        )

        let list = try await Self.ctl(["list", "--now", "11/12/2020 09:00"], config)
        #expect(list.stdout.contains("quá hạn 1 ngày (1/3 xong; còn so-1, so-3)"), "\(list)")
        let plan = try await Self.ctl(["plan", "--now", "09/12/2020 07:00", "--to", "31/12/2020", "--json"], config)
        let planned = try Self.units(of: plan.stdout)
        #expect(planned == ["so-1", "so-3"], "\(plan)")
        let configOnly = try await Self.ctl(
            ["plan", "--now", "09/12/2020 07:00", "--to", "31/12/2020", "--json", "--config-only"], config)
        #expect(try Self.units(of: configOnly.stdout) == ["so-1", "so-2", "so-3"])

        // The daemon on Friday 11/12: the first urging goes to so-1 and so-3 only.
        try await AdminWorkflowTests.once(config, at: "2020-12-11T08:00:30+07:00")
        #expect(
            try Self.outboxKeys(dir) == [
                "de-xuat|2020-12-10|overdue-1|so-1|outbox", "de-xuat|2020-12-10|overdue-1|so-3|outbox",
            ])

        let report = try await Self.ctl(
            ["report", "--from", "01/12/2020", "--to", "31/12/2020", "--now", "11/12/2020 09:00", "--format", "csv"],
            config)
        #expect(report.stdout.contains("so-2,Sở số 2,1,1,0,0,0,100%\r\n"), "\(report)")
        #expect(report.stdout.contains("so-1,Sở số 1,1,0,0,1,0,0%\r\n"), "\(report)")

        let history = try await Self.ctl(["history", "de-xuat"], config)
        #expect(
            history.stdout.contains("Hoàn thành theo đơn vị:\n  10/12/2020  1/3 đã xong; còn: so-1, so-3\n"),
            "\(history)")
        #expect(history.stdout.contains("  hoàn thành  10/12/2020  so-2  \(Self.user)"), "\(history)")

        // Undone for so-2: it is urged again at the next urging.
        let undone = try await Self.ctl(["undone", "de-xuat", "--unit", "so-2"], config)
        #expect(undone.status == 0, "\(undone)")
        try await AdminWorkflowTests.once(config, at: "2020-12-14T08:00:30+07:00")
        #expect(DaemonServiceTests.outbox(dir).filter { $0.hasPrefix("20201214") }.count == 3)
    }

    @Test("the admin's mistakes: a mistyped id, a unit not given the deadline, a snooze into the past")
    func mistakes() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try Self.config(in: dir)
        let typo = try await Self.ctl(["done", "de-xuatt"], config)
        #expect(typo.status == 2)
        #expect(
            typo.stderr
                == "deadlinectl: không có nhiệm vụ nào mang mã 'de-xuatt'; có phải ý bạn là 'de-xuat'? (deadlinectl list liệt kê các mã)\n"
        )
        let unit = try await Self.ctl(["done", "de-xuat", "--unit", "so-22"], config)
        #expect(unit.status == 2)
        #expect(
            unit.stderr
                == "deadlinectl: --unit: 'so-22' không phải đơn vị được giao 'de-xuat'; có phải ý bạn là 'so-2'?; các đơn vị được giao: so-1, so-2, so-3\n"
        )
        let past = try await Self.ctl(
            ["snooze", "de-xuat", "--until", "01/12/2020", "--now", "05/12/2020 10:00"], config)
        #expect(past.status == 2)
        #expect(
            past.stderr
                == "deadlinectl: --until 01/12/2020 đã qua (bây giờ là 10:00 05/12/2020); chỉ tạm dừng nhắc được đến một thời điểm sau này\n"
        )
        let notDone = try await Self.ctl(["undone", "de-xuat", "--unit", "so-1"], config)
        #expect(notDone.status == 1, "\(notDone)")
    }

    @Test("list says when every unit still owing the work is snoozed, and until when; one snoozed unit is not enough")
    func listShowsSnoozed() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try Self.config(in: dir)
        let now = ["--now", "05/12/2020 10:00"]
        _ = try await Self.ctl(["snooze", "de-xuat", "--unit", "so-1", "--until", "08/12/2020 08:00"] + now, config)
        let one = try await Self.ctl(["list"] + now, config)
        #expect(!one.stdout.contains("tạm dừng"), "\(one)")
        _ = try await Self.ctl(["snooze", "de-xuat", "--until", "08/12/2020 08:00"] + now, config)
        let all = try await Self.ctl(["list"] + now, config)
        #expect(all.stdout.contains("; tạm dừng nhắc đến 08:00 08/12/2020"), "\(all)")
        let english = try await Self.ctl(["list", "--lang", "en"] + now, config)
        #expect(english.stdout.contains("; paused until 08:00 08/12/2020"), "\(english)")
    }

    @Test(
        "after downtime, a unit gets the latest reminder of an occurrence only, stating the facts of the moment it is sent"
    )
    func catchUpSendsTheLatestOnly() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // One unit, 3d, 1d and the due day; catch_up long enough to take all three.
        let config = try Self.config(in: dir, catchUp: "4d")
        let text = try String(contentsOfFile: config, encoding: .utf8)
            .replacingOccurrences(of: "before = [\"1d\"]", with: "before = [\"3d\", \"1d\"]")
            .replacingOccurrences(of: "units = [\"cac-so\"]", with: "units = [\"so-1\"]")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        try await AdminWorkflowTests.once(config, at: "2020-12-06T09:00:00+07:00")
        #expect(DaemonServiceTests.outbox(dir).isEmpty)
        // Down from Sunday 6/12 to 09:30 on the due day: 3d (Mon 7/12), 1d (9/12) and the due day (10/12 08:00).
        let result = try await DaemonServiceTests.once(config, at: "2020-12-10T09:30:00+07:00")
        #expect(result.succeeded, "\(result)")
        let outbox = DaemonServiceTests.outbox(dir)
        #expect(outbox.count == 1, "\(outbox)")
        let message = try String(contentsOfFile: dir.path + "/state/outbox/" + outbox[0], encoding: .utf8)
        let verified = try await verifyWithPython(Array(message.utf8))
        #expect(verified.subject.hasPrefix("[Nhắc việc] Hôm nay đến hạn: "), "\(verified.subject)")
        let history = try await Self.ctl(["history", "de-xuat", "--json"], config)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])
        let rows = (json["reminders"] as? [[String: Any]] ?? []).map { "\($0["rule"] ?? "") \($0["state"] ?? "")" }
        #expect(rows == ["3d skipped", "1d skipped", "due sent"], "\(history.stdout)")
        #expect(
            history.stdout.contains(
                "superseded: the later reminder 'due' of the same occurrence went out to the unit instead"))
    }

    @Test(
        "a clock set ahead by mistake, then corrected: what it skipped is sent when its time comes, and it says what went early"
    )
    func clockCorrected() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        // Due 17:00 Wednesday 10/03/2021, one unit: 7d (3/3), 3d (Sunday 7/3, so Monday 8/3), 1d (9/3), urging.
        let config = try Self.config(in: dir)
        let text = try String(contentsOfFile: config, encoding: .utf8)
            .replacingOccurrences(of: "before = [\"1d\"]", with: "before = [\"7d\", \"3d\", \"1d\"]")
            .replacingOccurrences(of: "units = [\"cac-so\"]", with: "units = [\"so-1\"]")
            .replacingOccurrences(of: "due = \"10/12/2020\"", with: "due = \"10/03/2021\"")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        try await AdminWorkflowTests.once(config, at: "2021-03-03T08:00:30+07:00")
        // The clock jumps to 11/03 by mistake: the 3d and 1d reminders look too old, the first urging goes.
        try await AdminWorkflowTests.once(config, at: "2021-03-11T08:00:30+07:00")
        #expect(DaemonServiceTests.outbox(dir).map { String($0.prefix(8)) } == ["20210303", "20210311"])
        // Corrected to 08/03 09:00: the 3d reminder is planned again and goes; the early urging is named.
        let corrected = try await DaemonServiceTests.once(config, at: "2021-03-08T09:00:00+07:00")
        #expect(corrected.succeeded, "\(corrected)")
        #expect(
            corrected.stderr.contains("the clock went back from 08:00 11/03/2021 to 09:00 08/03/2021"),
            "\(corrected.stderr)")
        #expect(
            corrected.stderr.contains("sent early, at 08:00 11/03/2021 by a clock that was ahead"),
            "\(corrected.stderr)")
        #expect(DaemonServiceTests.outbox(dir).map { String($0.prefix(8)) } == ["20210303", "20210308", "20210311"])
        try await AdminWorkflowTests.once(config, at: "2021-03-09T08:00:30+07:00")
        #expect(
            DaemonServiceTests.outbox(dir).map { String($0.prefix(8)) } == [
                "20210303", "20210308", "20210309", "20210311",
            ])
    }

    @Test("resend: a reminder refused for good goes out once the cause is fixed, and history says who put it back")
    func resend() async throws {
        let http = try HTTPTestServer(responses: [
            HTTPTestServer.Response(status: 400, body: "bad"), HTTPTestServer.Response(status: 200),
        ])
        defer { http.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try Self.config(in: dir)
        let text = try String(contentsOfFile: config, encoding: .utf8)
            .replacingOccurrences(of: "default_channels = [\"outbox\"]", with: "default_channels = [\"hook\"]")
            .replacingOccurrences(
                of: "[channels.outbox]\ntype = \"outbox\"",
                with: "[channels.hook]\ntype = \"webhook\"\nurl = \"\(http.baseURL)/hook\""
            )
            .replacingOccurrences(of: "units = [\"cac-so\"]", with: "units = [\"so-1\"]")
        try text.write(toFile: config, atomically: true, encoding: .utf8)
        try await AdminWorkflowTests.once(config, at: "2020-12-09T08:00:30+07:00")
        #expect(try http.requests().count == 1)
        let failed = try await Self.ctl(["history", "de-xuat", "--json"], config)
        #expect(failed.stdout.contains("\"state\": \"failed\""), "\(failed)")

        let resend = try await Self.ctl(["resend", "de-xuat"], config)
        #expect(resend.status == 0, "\(resend)")
        #expect(
            resend.stdout.hasPrefix(
                "Đã đưa 1 lời nhắc trở lại hàng gửi:\n  de-xuat|2020-12-10|1d|so-1|hook  (thất bại: "), "\(resend)")
        try await AdminWorkflowTests.once(config, at: "2020-12-09T09:00:00+07:00")
        #expect(try http.requests().count == 2)
        let history = try await Self.ctl(["history", "de-xuat", "--json"], config)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(history.stdout.utf8)) as? [String: Any])
        let row = try #require((json["reminders"] as? [[String: Any]])?.first)
        #expect(row["state"] as? String == "sent")
        #expect((row["attempt_log"] as? [[String: Any]])?.map { $0["outcome"] as? String } == ["failed", "sent"])
        let again = try await Self.ctl(["resend"], config)
        #expect(
            again.stdout == "Không có lời nhắc nào thất bại hoặc đã thôi gửi khớp điều kiện; không có gì để gửi lại.\n")
    }

    /// The `X-Deadlined-Key` of each message in the outbox, sorted.
    static func outboxKeys(_ dir: TemporaryDirectory) throws -> [String] {
        try DaemonServiceTests.outbox(dir).map { name in
            let text = try String(contentsOfFile: dir.path + "/state/outbox/" + name, encoding: .utf8)
            return text.split(separator: "\r\n").first { $0.hasPrefix("X-Deadlined-Key: ") }.map {
                String($0.dropFirst(17))
            } ?? ""
        }.sorted()
    }

    /// The units of a `plan --json`'s reminders, in order of first appearance.
    static func units(of json: String) throws -> [String] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        var seen: [String] = []
        for reminder in object["reminders"] as? [[String: Any]] ?? [] {
            if let unit = reminder["unit"] as? String, !seen.contains(unit) { seen.append(unit) }
        }
        return seen.sorted()
    }
}

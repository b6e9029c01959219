import Foundation
import TestSupport
import Testing

/// Runs the built `deadlinectl` the way an admin does and checks exactly what they would see.
@Suite("deadlinectl, the built binary")
struct DeadlinectlBinaryTests {
    let deadlinectl = BuiltProducts.path("deadlinectl")
    let example = BuiltProducts.exampleConfig

    func run(_ arguments: [String], locale: [String: String] = [:]) async throws -> ProcessResult {
        try await ProcessRunner.run(
            deadlinectl, arguments,
            environment: ProcessRunner.environment(adding: locale, removing: ["DEADLINED_CONFIG"]))
    }

    @Test("check accepts the example configuration and summarises it, in its language or --lang's")
    func checkExample() async throws {
        let result = try await run(["check", "--config", example])
        #expect(result.status == 0)
        #expect(result.stdout == "\(example): cấu hình hợp lệ: 2 văn bản, 8 nhiệm vụ, 14 đơn vị, 1 kênh gửi (3 tệp)\n")
        #expect(result.stderr == "")
        let english = try await run(["check", "--config", example, "--lang", "en"])
        #expect(english.stdout == "\(example): OK: 2 documents, 8 deadlines, 14 units, 1 channel (3 files)\n")
        let before = try await run(["--lang", "en", "check", "--config", example])
        #expect(before.stdout == english.stdout)
        let refused = try await run(["check", "--config", example, "--lang", "fr"])
        #expect(refused.status == 2)
        #expect(refused.stderr == "deadlinectl: --lang: 'fr' không phải một ngôn ngữ; hãy dùng vi hoặc en\n")
    }

    @Test(
        "without [daemon] language, deadlinectl follows the locale: vi_VN Vietnamese, any other English, none Vietnamese",
        arguments: [
            ([:], "cấu hình hợp lệ: 0 văn bản, 0 nhiệm vụ, 1 đơn vị, 1 kênh gửi (1 tệp)"),
            (["LANG": "vi_VN.UTF-8"], "cấu hình hợp lệ: 0 văn bản, 0 nhiệm vụ, 1 đơn vị, 1 kênh gửi (1 tệp)"),
            (["LANG": "C.UTF-8"], "OK: 0 documents, 0 deadlines, 1 unit, 1 channel (1 file)"),
            (
                ["LANG": "vi_VN.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"],
                "OK: 0 documents, 0 deadlines, 1 unit, 1 channel (1 file)"
            ),
        ])
    func locale(locale: [String: String], summary: String) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let main = try dir.write("deadlined.toml", "[units.so-khdt]\nname = \"Sở Kế hoạch và Đầu tư\"\n")
        let result = try await run(["check", "--config", main], locale: locale)
        #expect(result.status == 0)
        #expect(result.stdout == "\(main): \(summary)\n")
    }

    @Test("a configuration with errors is still explained in the language its main file declares, not the shell's")
    func declaredLanguageWithErrors() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let main = try dir.write(
            "deadlined.toml",
            "[daemon]\nlanguage = \"vi\"\n\n[units.so-khdt]\nname = \"Sở Kế hoạch và Đầu tư\"\nrecipents = [\"vanthu@khdt.hanoi.example\"]\n"
        )
        let result = try await run(["check", "--config", main], locale: ["LANG": "C.UTF-8"])
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix(
                "\(main):6:1: lỗi: khóa 'recipents' không có trong [units.ID]; có phải ý bạn là 'recipients'?"),
            "\(result)")
        #expect(result.stderr.hasSuffix("\(main): 1 lỗi; cấu hình không hợp lệ\n"), "\(result)")
        let english = try await run(["check", "--lang", "en", "--config", main], locale: ["LANG": "vi_VN.UTF-8"])
        #expect(english.stderr.hasSuffix("\(main): 1 error; the configuration is not valid\n"), "\(english)")
    }

    @Test("check fails on a misspelt key and an impossible date, naming both lines")
    func checkBroken() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let main = try dir.write(
            "deadlined.toml",
            """
            [units.so-khdt]
            name = "Sở Kế hoạch và Đầu tư"
            recipents = ["vanthu@khdt.hanoi.example"]

            [[deadline]]
            id = "5418-de-xuat"
            task = "Báo cáo đề xuất"
            units = ["so-khdt"]
            due = "31/2/2021"
            """)
        let result = try await run(["check", "--config", main, "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                \(main):3:1: error: unknown key 'recipents' in [units.ID]; did you mean 'recipients'?
                \(main):9:7: error: '31/2/2021' is not a date: month 2 of 2021 has 28 days
                \(main): 2 errors; the configuration is not valid

                """)
        let vietnamese = try await run(["check", "--config", main])
        #expect(vietnamese.stderr.hasSuffix("\n\(main): 2 lỗi; cấu hình không hợp lệ\n"))
    }

    @Test(
        "check renders the admin's templates: an unknown variable and a broken section at their lines; good ones pass")
    func checkTemplates() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let main = try dir.write(
            "deadlined.toml",
            """
            [daemon]
            templates_directory = "templates"

            [units.so-khdt]
            name = "Sở Kế hoạch và Đầu tư"
            recipients = ["vanthu@khdt.hanoi.example"]
            """)
        try dir.write("templates/subject.vi.mustache", "[Nhắc việc] {{taks}}\n")
        try dir.write("templates/text.vi.mustache", "Kính gửi {{unit_name}},\n\n{{#is_overdue}}\nQuá hạn.\n")
        try dir.write("templates/chat.vi.mustache", "{{task}}: hạn {{due_date}}\n")
        let result = try await run(["check", "--config", main])
        #expect(result.status == 1, "\(result)")
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(
            lines.contains { $0.hasPrefix("\(dir.path)/templates/subject.vi.mustache:1:") && $0.contains("'taks'") },
            "\(result.stderr)")
        #expect(
            lines.contains {
                $0.hasPrefix("\(dir.path)/templates/text.vi.mustache:")
                    && $0.hasSuffix(
                        ": lỗi: mẫu thư không đọc được: một đoạn được mở nhưng không được đóng (thiếu {{/tên}})")
            }, "\(result.stderr)")
        #expect(!result.stderr.contains("chat.vi.mustache"), "\(result.stderr)")
        #expect(lines.last == "\(main): 2 lỗi; cấu hình không hợp lệ", "\(result.stderr)")
    }

    @Test("check reports a missing main file")
    func checkMissing() async throws {
        let result = try await run(["check", "--config", "/nonexistent/deadlined.toml"])
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix(
                "/nonexistent/deadlined.toml: lỗi: không đọc được tệp: No such file or directory\n"), "\(result.stderr)"
        )
    }

    @Test("plan --json lists reminders for each of the six seed deadlines")
    func planJSON() async throws {
        let result = try await run(["plan", "--config", example, "--now", "20/11/2020", "--to", "31/01/2021", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        #expect(root["from"] as? String == "2020-11-20T00:00:00+07:00")
        #expect(root["to"] as? String == "2021-01-31T00:00:00+07:00")
        let reminders = try #require(root["reminders"] as? [[String: Any]])
        let dues = Dictionary(
            reminders.map { ($0["deadline_id"] as! String, $0["due"] as! String) }, uniquingKeysWith: { a, _ in a })
        // 5418/UBND-TKBT: 10/12/2020, 25/12/2020, 30/1/2021; 04-KH/TU: month 12/2020, 15/1/2021, month 1/2021.
        #expect(dues["5418-de-xuat"] == "2020-12-10T17:00:00+07:00")
        #expect(dues["5418-ke-hoach-tong-the"] == "2020-12-25T17:00:00+07:00")
        #expect(dues["5418-chuong-trinh-cong-tac"] == "2021-01-30T17:00:00+07:00")
        #expect(dues["04kh-can-bo-chu-chot"] == "2020-12-31T17:00:00+07:00")
        #expect(dues["04kh-hoi-nghi-cap-uy"] == "2021-01-15T17:00:00+07:00")
        #expect(dues["04kh-hoi-nghi-co-so"] == "2021-01-31T17:00:00+07:00")
        let first = try #require(reminders.first)
        #expect(first["deadline_id"] as? String == "5418-de-xuat")
        #expect(first["send_at"] as? String == "2020-12-03T08:00:00+07:00")
        #expect(first["kind"] as? String == "before")
        #expect(first["channel"] as? String == "outbox")
        #expect(first["recipients"] as? [String] == ["vanthu@khdt.hanoi.example"])
        let sendTimes = reminders.map { $0["send_at"] as! String }
        #expect(sendTimes == sendTimes.sorted())
    }

    @Test("plan prints a table with Vietnamese dates")
    func planTable() async throws {
        let result = try await run(["plan", "--config", example, "--now", "02/12/2020 09:00", "--to", "04/12/2020"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            lines.first
                == "GỬI LÚC           LOẠI          HẠN               MÃ VIỆC       ĐƠN VỊ         KÊNH    NGƯỜI NHẬN")
        #expect(
            lines[1]
                == "08:00 03/12/2020  trước 7 ngày  17:00 10/12/2020  5418-de-xuat  so-khdt        outbox  vanthu@khdt.hanoi.example"
        )
        #expect(result.stdout.hasSuffix("\n6 lời nhắc từ 09:00 02/12/2020 đến 00:00 04/12/2020.\n"))
    }

    @Test("list shows each deadline's status and next reminder")
    func list() async throws {
        let result = try await run(["list", "--config", example, "--now", "12/12/2020 10:00", "--json"])
        #expect(result.status == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let deadlines = try #require(root["deadlines"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: deadlines.map { ($0["id"] as! String, $0) })
        #expect(byID["5418-de-xuat"]?["status"] as? String == "overdue")
        #expect(byID["5418-de-xuat"]?["days"] as? Int == 2)
        // The urging of Saturday 12/12 and Sunday 13/12 waits for Monday morning.
        #expect(
            (byID["5418-de-xuat"]?["next_reminder"] as? [String: Any])?["send_at"] as? String
                == "2020-12-14T08:00:00+07:00")
        #expect(byID["5418-ke-hoach-tong-the"]?["status"] as? String == "upcoming")
        #expect(byID["5418-ke-hoach-tong-the"]?["days"] as? Int == 13)
        #expect(byID["5418-bao-cao-thang"]?["occurrence"] as? String == "2020-12-20")
        let text = try await run(["list", "--config", example, "--now", "12/12/2020 10:00"])
        #expect(text.stdout.contains("5418-de-xuat                17:00 10/12/2020  quá hạn 2 ngày"))
    }

    @Test("bad --now values are refused with a hint")
    func badMoment() async throws {
        let result = try await run(["plan", "--config", example, "--now", "tomorrow", "--lang", "en"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "deadlinectl: --now: 'tomorrow' is not a moment; write 20/11/2020, '20/11/2020 08:00' or 2020-11-20T08:00:00+07:00\n"
        )
        let vietnamese = try await run(["plan", "--config", example, "--now", "12/2020"])
        #expect(vietnamese.status == 2)
        #expect(
            vietnamese.stderr
                == "deadlinectl: --now: '12/2020' là một khoảng thời gian, không phải một thời điểm; hãy viết một ngày, ví dụ 20/11/2020\n"
        )
    }
}

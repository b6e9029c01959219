import Foundation
import TestSupport
import Testing

/// The web side end to end, with the built binaries: `deadlinectl web-key` makes the key; deadlined, handed a
/// listening socket as systemd's socket activation does, sends reminders carrying each unit's link; a real
/// browser (Debian's headless Chromium through selenium) opens the link found in an outbox message and presses the
/// button; the ledger shows that unit done and the next urging goes to the others only. A unit's calendar feed,
/// read by Python's icalendar library, holds what `deadlinectl plan` plans; the report page works on the web and
/// from `deadlinectl report --format html`. Screenshots of each page go to tmp/web-screenshots/ (or
/// $DEADLINED_SCREENSHOTS) for review.
@Suite("The web side with the built binaries and a real browser", .serialized)
struct WebBrowserTests {
    static let python = "/usr/bin/python3"
    static var venvPython: String { BuiltProducts.repositoryRoot + "/.venv/bin/python" }
    static var browserReady: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver")
            && FileManager.default.isExecutableFile(atPath: venvPython)
    }
    static var screenshots: String {
        ProcessInfo.processInfo.environment["DEADLINED_SCREENSHOTS"] ?? BuiltProducts.repositoryRoot
            + "/tmp/web-screenshots"
    }

    /// Three units of one group deadline due 17:00 Thursday 10/12/2020 and a monthly report of so-2's; the outbox;
    /// templates that carry the link; `[web]` at `port`.
    static func config(in dir: TemporaryDirectory, port: Int) throws -> String {
        _ = try dir.write(
            "templates/text.vi.mustache",
            "Kính gửi {{unit}},\n\nNhiệm vụ: {{task}}\nHạn: {{due_time}} {{due_date}}\n{{#confirm_url}}\nXác nhận đã hoàn thành: {{confirm_url}}\n{{/confirm_url}}\n"
        )
        _ = try dir.write(
            "templates/html.vi.mustache",
            "<p>Kính gửi {{unit}}, nhiệm vụ {{task}} hạn {{due_date}}.</p>{{#confirm_url}}<p><a href=\"{{confirm_url}}\">Xác nhận đã hoàn thành</a></p>{{/confirm_url}}"
        )
        return try dir.write(
            "deadlined.toml",
            """
            [daemon]
            state_directory = "\(dir.path)/state"
            default_channels = ["outbox"]
            templates_directory = "templates"
            catch_up = "24h"

            [reminders]
            before = ["1d"]
            overdue_every = "1d"
            overdue_limit = 2

            [channels.outbox]
            type = "outbox"

            [web]
            public_url = "http://127.0.0.1:\(port)"
            key_file = "\(dir.path)/secrets/web-key"

            [units.so-1]
            name = "Sở Kế hoạch và Đầu tư"
            recipients = ["Văn thư Sở KH&ĐT <vanthu@khdt.hanoi.example>"]

            [units.so-2]
            name = "Sở Tài chính"
            recipients = ["Văn thư Sở TC <vanthu@stc.hanoi.example>"]

            [units.so-3]
            name = "Sở Nội vụ"
            recipients = ["Văn thư Sở NV <vanthu@snv.hanoi.example>"]

            [[document]]
            ref = "5418/UBND-TKBT"
            issued = "19/11/2020"
            title = "Triển khai Nghị quyết Đại hội XVII Đảng bộ Thành phố"

            [[deadline]]
            id = "de-xuat"
            task = "Báo cáo đề xuất nhiệm vụ, giải pháp trọng tâm năm 2021"
            units = ["so-1", "so-2", "so-3"]
            due = "10/12/2020"

            [[deadline]]
            id = "bao-cao-thang"
            task = "Báo cáo tình hình giải ngân vốn đầu tư công hằng tháng"
            units = ["so-2"]
            repeat = "monthly"
            day = 20
            from = "01/12/2020"
            """)
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard ok else { throw WebTestError("no free port: \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// deadlined, started as systemd's socket activation would start it, listening on `port`.
    static func startDaemon(
        config: String, port: Int, dir: TemporaryDirectory, at moment: String
    ) throws -> RunningDaemon {
        let launcher = BuiltProducts.repositoryRoot + "/Tests/Servers/socket_activate.py"
        return try RunningDaemon(
            executable: python,
            arguments: [
                launcher, "--port", String(port), "--port-file", dir.path + "/port", "--",
                BuiltProducts.path("deadlined"),
                "--config", config, "--log-target", "console", "--pretend-now", moment,
            ],
            logPath: dir.path + "/deadlined.log")
    }

    static func ctl(_ arguments: [String], _ config: String) async throws -> ProcessResult {
        try await AdminWorkflowTests.deadlinectl(arguments, config: config)
    }

    @Test(
        "two clicks from the reminder: the link in the outbox message, the button in Chromium, the unit done, the others urged",
        .enabled(
            if: browserReady, "needs chromium, chromium-driver and selenium in .venv (scripts/install-deps.sh test)"))
    func confirmInBrowser() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let port = try Self.freePort()
        let config = try Self.config(in: dir, port: port)
        _ = try FileManager.default.createDirectory(atPath: dir.path + "/secrets", withIntermediateDirectories: true)
        let check = try await Self.ctl(["check"], config)
        #expect(
            check.stderr.contains(
                "khóa liên kết '\(dir.path)/secrets/web-key' chưa có; hãy tạo bằng lệnh: deadlinectl web-key"),
            "\(check)")
        let key = try await Self.ctl(["web-key"], config)
        #expect(
            key.status == 0 && key.stdout.hasPrefix("Đã ghi khoá mới vào \(dir.path)/secrets/web-key (chế độ 600)."),
            "\(key)")
        let mode =
            try FileManager.default.attributesOfItem(atPath: dir.path + "/secrets/web-key")[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try await Self.ctl(["web-key"], config).stdout.hasPrefix("Đã có khoá ở "))

        // Wednesday 09/12/2020 08:00: the 1d reminders go to the three units, each with its own link.
        let daemon = try Self.startDaemon(config: config, port: port, dir: dir, at: "2020-12-09T08:00:30+07:00")
        defer { daemon.stop() }
        #expect(await daemon.waitForLog("serving the web side on the socket systemd handed over"), "\(daemon.log)")
        #expect(await eventually { DaemonServiceTests.outbox(dir).count == 3 }, "\(daemon.log)")
        var link: String?
        for index in 1...3 {
            let shown = try await Self.ctl(["outbox", "--show", String(index)], config)
            guard shown.stdout.contains("Kính gửi Sở Kế hoạch và Đầu tư") else { continue }
            link = shown.stdout.split(whereSeparator: { $0 == "\n" || $0 == " " || $0 == "\"" })
                .first { $0.hasPrefix("http://127.0.0.1:\(port)/xac-nhan/") }.map(String.init)
        }
        let url = try #require(link, "no link in so-1's message")

        let screenshots = Self.screenshots
        try? FileManager.default.removeItem(atPath: screenshots)
        let calendarURL = try await Self.ctl(["web-links", "so-2"], config).stdout.split(separator: " ").first {
            $0.hasPrefix("http")
        }
        .map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) }
        let reportURL = try await Self.ctl(["web-links", "--report"], config).stdout.split(whereSeparator: {
            $0 == " " || $0 == "\n"
        })
        .first { $0.hasPrefix("http") }.map(String.init)
        let browser = try await ProcessRunner.run(
            Self.venvPython,
            [
                BuiltProducts.repositoryRoot + "/Tests/Browser/confirm_in_browser.py", "--link", url, "--screenshots",
                screenshots,
                "--note", "Đã gửi Báo cáo số 456/BC-KHĐT",
                "--page", "4-bao-cao=\(try #require(reportURL))", "--page",
                "5-lien-ket-gia=http://127.0.0.1:\(port)/xac-nhan/AAAAAAAA",
            ],
            timeout: .seconds(120))
        #expect(browser.status == 0, "\(browser)")
        let pages = try #require(
            try JSONSerialization.jsonObject(with: Data(browser.stdout.utf8)) as? [String: Any], "\(browser)")
        let confirmPage = pages["1-xac-nhan"] as? String ?? ""
        #expect(
            confirmPage.contains("Báo cáo đề xuất nhiệm vụ, giải pháp trọng tâm năm 2021")
                && confirmPage.contains("Sở Kế hoạch và Đầu tư"), "\(confirmPage)")
        #expect(
            (pages["2-da-ghi-nhan"] as? String ?? "").contains("Đã ghi nhận: đơn vị đã hoàn thành nhiệm vụ lúc"),
            "\(pages)")
        #expect((pages["3-mo-lai"] as? String ?? "").contains("đã được xác nhận hoàn thành từ trước"), "\(pages)")
        #expect((pages["4-bao-cao"] as? String ?? "").contains("Kết quả thực hiện nhiệm vụ"))
        #expect((pages["5-lien-ket-gia"] as? String ?? "").contains("Liên kết không hợp lệ"))
        #expect(
            (pages["console"] as? [String] ?? []).filter { $0.contains("Content Security Policy") }.isEmpty,
            "\(pages["console"] ?? "")")

        // deadlinectl report --format html over four months, one task done late too: one file, opened as it is.
        let late = try await Self.ctl(
            ["done", "bao-cao-thang", "--occurrence", "20/01/2021", "--unit", "so-2", "--at", "22/01/2021 10:00"],
            config)
        #expect(late.status == 0, "\(late)")
        let reportFile = dir.path + "/bao-cao.html"
        let html = try await Self.ctl(
            ["report", "--format", "html", "--from", "01/12/2020", "--to", "31/03/2021", "--now", "25/03/2021 09:00"],
            config)
        #expect(html.status == 0 && html.stdout.hasPrefix("<!DOCTYPE html>"), "\(html)")
        try html.stdout.write(toFile: reportFile, atomically: true, encoding: .utf8)
        let file = try await ProcessRunner.run(
            Self.venvPython,
            [
                BuiltProducts.repositoryRoot + "/Tests/Browser/confirm_in_browser.py", "--screenshots", screenshots,
                "--page", "6-bao-cao-tep=file://\(reportFile)",
            ],
            timeout: .seconds(120))
        let filePage =
            (try JSONSerialization.jsonObject(with: Data(file.stdout.utf8)) as? [String: Any])?["6-bao-cao-tep"]
            as? String ?? ""
        #expect(filePage.contains("Tỷ lệ đúng hạn theo tháng") && filePage.contains("Sở Tài chính"), "\(file)")
        for name in ["1-xac-nhan", "2-da-ghi-nhan", "3-mo-lai", "4-bao-cao", "5-lien-ket-gia", "6-bao-cao-tep"] {
            #expect(FileManager.default.fileExists(atPath: "\(screenshots)/\(name).png"), "\(name)")
        }

        // The ledger: so-1 done, by its link, with the note; the others not.
        let history = try await Self.ctl(["history", "de-xuat"], config)
        #expect(history.stdout.contains("  hoàn thành  10/12/2020  so-1  link (so-1)"), "\(history)")
        #expect(history.stdout.contains("1/3 đã xong; còn: so-2, so-3"), "\(history)")

        // so-2's calendar, as a calendar program reads it, holds the occurrences `plan` plans for so-2.
        let feed = try await ProcessRunner.run(
            Self.python, [BuiltProducts.repositoryRoot + "/Tests/Browser/fetch_calendar.py", try #require(calendarURL)])
        #expect(feed.status == 0, "\(feed)")
        let calendar = try #require(try JSONSerialization.jsonObject(with: Data(feed.stdout.utf8)) as? [String: Any])
        #expect(calendar["content_type"] as? String == "text/calendar; charset=utf-8")
        #expect(calendar["name"] as? String == "Hạn nhiệm vụ — Sở Tài chính")
        let events = calendar["events"] as? [[String: Any]] ?? []
        let plan = try await Self.ctl(
            ["plan", "--now", "09/12/2020 08:00", "--to", "09/11/2021 08:00", "--json"], config)
        let planned = try #require(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
        let iso = ISO8601DateFormatter()
        let plannedDues = Set(
            (planned["reminders"] as? [[String: Any]] ?? []).filter { $0["unit"] as? String == "so-2" }
                .compactMap { ($0["due"] as? String).flatMap(iso.date) })
        let limit = try #require(iso.date(from: "2021-11-09T08:00:00+07:00"))
        let eventDues = Set(events.compactMap { ($0["end"] as? String).flatMap(iso.date) }.filter { $0 <= limit })
        #expect(eventDues == plannedDues, "\(events)\n\(plan.stdout)")
        #expect(
            plannedDues.count == 11, "de-xuat and the monthly reports of 20/12 to 20/10 but January's, done late above")
        #expect(events.allSatisfy { ($0["alarms"] as? [Int]) == [1440] })
        #expect(Set(events.compactMap { $0["uid"] as? String }).count == events.count)
        #expect(
            events.contains {
                ($0["description"] as? String ?? "").contains(
                    "Xác nhận đã hoàn thành: http://127.0.0.1:\(port)/xac-nhan/")
            })

        // Stopped by SIGTERM with the web side on: promptly.
        let stopStart = ContinuousClock.now
        daemon.stop()
        #expect(ContinuousClock.now - stopStart < .seconds(8), "stopping took \(ContinuousClock.now - stopStart)")
        #expect(daemon.log.contains("deadlined stopped"), "\(daemon.log)")

        // Friday 11/12 08:00: the first urging goes to so-2 and so-3 only.
        try await AdminWorkflowTests.once(config, at: "2020-12-11T08:00:30+07:00")
        let urged = DaemonServiceTests.outbox(dir).filter { $0.hasPrefix("20201211") }
        #expect(urged.count == 2, "\(DaemonServiceTests.outbox(dir))")
        #expect(urged.allSatisfy { !$0.contains("so-1") }, "\(urged)")
    }
}

struct WebTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

import DeadlineKit
import DeadlineSystemd
import DeadlineWeb
import Foundation
import TestSupport
import Testing
import Logging

@testable import DeadlineStore

/// Every route over real HTTP (Hummingbird serving a socket of 127.0.0.1), on the daemon's desk and a real SQLite
/// ledger: good, forged, expired and replayed links; GET changes nothing; POST marks one unit done.
@Suite("the web side over HTTP")
struct WebRoutesTests {
    static func site<T: Sendable>(
        task: String = "Báo cáo kết quả thực hiện", web: Bool = true, postsPerMinute: Int = 10,
        _ body: @Sendable (WebFixture) async throws -> T
    ) async throws -> T {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try WebFixture.config(in: dir, task: task, web: web)
        return try await WebFixture.with(
            config: config, ledger: try SQLiteLedger.inMemory(), postsPerMinute: postsPerMinute, body)
    }

    static func expectSecurityHeaders(_ reply: HTTPReply, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(reply.headers["x-frame-options"] == "DENY", sourceLocation: sourceLocation)
        #expect(reply.headers["referrer-policy"] == "no-referrer", sourceLocation: sourceLocation)
        #expect(reply.headers["x-content-type-options"] == "nosniff", sourceLocation: sourceLocation)
        #expect(
            reply.headers["content-security-policy"]?.hasPrefix("default-src 'none';") == true,
            sourceLocation: sourceLocation)
        #expect(reply.headers["date"]?.hasSuffix(" GMT") == true, sourceLocation: sourceLocation)
    }

    @Test("GET shows the task, document, due date, unit and the button, and changes nothing")
    func getShowsThePage() async throws {
        try await Self.site { site in
            let reply = try await site.get(site.confirmPath(unit: "so-1"))
            #expect(reply.status == 200, "\(reply)")
            #expect(reply.headers["content-type"] == "text/html; charset=utf-8")
            Self.expectSecurityHeaders(reply)
            let csp = try #require(reply.headers["content-security-policy"])
            #expect(
                csp.contains("style-src 'sha256-") && csp.contains("form-action 'self'")
                    && csp.contains("frame-ancestors 'none'"))
            #expect(!csp.contains("unsafe-inline") && !csp.contains("script-src"))
            #expect(reply.headers["cache-control"] == "no-store")
            for text in [
                "<html lang=\"vi\">", "<dt>Nhiệm vụ</dt><dd>Báo cáo kết quả thực hiện</dd>",
                "<dt>Văn bản</dt><dd>5418/UBND-TKBT: Triển khai nhiệm vụ năm 2021</dd>",
                "<dt>Hạn</dt><dd>17 giờ 00, thứ Năm, ngày 10/12/2020</dd>",
                "<dt>Đơn vị</dt><dd>Sở số 1</dd>", "<form method=\"post\">",
                "<button type=\"submit\">Xác nhận đã hoàn thành</button>",
                "Liên kết này dùng được đến 8 giờ 00, Chủ nhật, ngày 07/02/2021.",
            ] {
                #expect(reply.body.contains(text), "\(text)\n\(reply.body)")
            }
            #expect(!reply.body.contains("<script"))
            // GET and HEAD, again and again (mail scanners, previews): the ledger stays empty.
            _ = try await site.get(site.confirmPath(unit: "so-1"))
            let head = try await HTTPExchange.send(port: site.port, "HEAD", site.confirmPath(unit: "so-1"))
            #expect(head.status == 200 && head.body.isEmpty)
            #expect(try await site.doneMarks().isEmpty)
            #expect(try await site.ledger.plannerState().done.isEmpty)
        }
    }

    @Test("forged links, links of another key, of another kind or cut short: 'not valid', nothing recorded")
    func forged() async throws {
        try await Self.site { site in
            let good = site.confirmPath(unit: "so-1")
            let token = String(good.split(separator: "/").last!)
            let flipped = String(token.dropLast()) + (token.hasSuffix("A") ? "B" : "A")
            let otherKey = WebLinks(publicURL: "https://x", key: LinkKey.generate().key, linkLifetimeSeconds: 86_400)
            let foreign = otherKey.confirmURL(
                deadlineID: "bao-cao", occurrence: CivilDate(year: 2020, month: 12, day: 10)!, unitID: "so-1",
                language: .vi, sentAt: site.clock.now)
            let calendarToken = String(site.links.calendarURL(unitID: "so-1").split(separator: "/").last!.dropLast(4))
            for path in [
                "/xac-nhan/" + flipped, "/xac-nhan/" + String(token.prefix(20)),
                "/xac-nhan/" + String(foreign.split(separator: "/").last!),
                "/xac-nhan/" + calendarToken, "/xac-nhan/%3Cscript%3E",
                "/xac-nhan/" + String(repeating: "A", count: 2000),
            ] {
                let get = try await site.get(path)
                #expect(get.status == 404, "\(path): \(get)")
                #expect(get.body.contains("Liên kết không hợp lệ") && get.body.contains("Invalid link"), "\(get.body)")
                Self.expectSecurityHeaders(get)
                let post = try await site.post(path, note: "giả mạo")
                #expect(post.status == 404, "\(post)")
            }
            #expect(try await site.doneMarks().isEmpty)
        }
    }

    @Test("an expired link says so on GET and on POST, and records nothing")
    func expired() async throws {
        try await Self.site { site in
            // Sent 60 days and 1 minute ago: the link worked for 60 days.
            let path = site.confirmPath(unit: "so-2", sentAt: site.clock.now.adding(seconds: -60 * 86_400 - 60))
            let get = try await site.get(path)
            #expect(get.status == 410, "\(get)")
            #expect(
                get.body.contains("<h1>Liên kết đã hết hạn</h1>") && get.body.contains("Xin liên hệ văn phòng"),
                "\(get.body)")
            #expect(get.body.contains("<dd>Sở số 2</dd>") && !get.body.contains("<form"))
            let post = try await site.post(path)
            #expect(post.status == 410, "\(post)")
            #expect(try await site.doneMarks().isEmpty)
            // The same link one minute younger still works.
            let fresh = try await site.get(
                site.confirmPath(unit: "so-2", sentAt: site.clock.now.adding(seconds: -60 * 86_400 + 60)))
            #expect(fresh.status == 200)
        }
    }

    @Test(
        "POST marks that unit only done, by link (unit), with the note, in the ledger and the journal; a replay says when"
    )
    func postAndReplay() async throws {
        try await Self.site { site in
            let path = site.confirmPath(unit: "so-1")
            site.clock.advance(seconds: 3 * 3600 + 25 * 60)  // 11:25
            let reply = try await site.post(path, note: "Đã gửi báo cáo số 123/BC-SKHĐT\r\nngày 09/12")
            #expect(reply.status == 200, "\(reply)")
            #expect(
                reply.body.contains("Đã ghi nhận: đơn vị đã hoàn thành nhiệm vụ lúc 11:25 09/12/2020."), "\(reply.body)"
            )
            #expect(reply.body.contains("Hệ thống đã dừng nhắc việc nhiệm vụ này cho đơn vị."))
            let marks = try await site.doneMarks()
            #expect(marks.keys.sorted() == ["so-1"])
            #expect(marks["so-1"]?.by == "link (so-1)")
            #expect(marks["so-1"]?.note == "Đã gửi báo cáo số 123/BC-SKHĐT ngày 09/12")
            let state = try await site.ledger.plannerState()
            let id = OccurrenceID(deadlineID: "bao-cao", date: CivilDate(year: 2020, month: 12, day: 10)!)
            #expect(
                state.isDone(id, unit: "so-1") && !state.isDone(id, unit: "so-2") && !state.isDone(id, unit: "so-3"))
            let journal = try #require(
                site.log.records.first { $0.metadata["message_id"] == .string(LogEventID.confirmedByLink.messageID) })
            #expect(journal.level == .notice)
            #expect(journal.metadata["deadline_unit"] == "so-1" && journal.metadata["deadline_id"] == "bao-cao")
            #expect(journal.metadata["admin_user"] == "link (so-1)")

            // Replayed (a second press, a reload of the page): it was already confirmed, when and by whom.
            site.clock.advance(seconds: 600)
            let again = try await site.post(path)
            #expect(again.status == 200)
            #expect(
                again.body.contains(
                    "Nhiệm vụ này đã được xác nhận hoàn thành từ trước, lúc 11:25 09/12/2020, qua liên kết trong thư nhắc việc."
                ), "\(again.body)")
            let page = try await site.get(path)
            #expect(
                page.body.contains("đã được xác nhận hoàn thành từ trước, lúc 11:25 09/12/2020")
                    && !page.body.contains("<form"))
            #expect(try await site.doneMarks().keys.sorted() == ["so-1"])

            // An admin's undone still works: the button comes back, and a new press records again.
            try await site.ledger.markUndone(
                id, units: ["so-1"], allUnits: ["so-1", "so-2", "so-3"], by: "lan", note: nil, at: site.clock.now)
            #expect(try await site.get(path).body.contains("<form method=\"post\">"))
            #expect(try await site.post(path).body.contains("Đã ghi nhận"))
            #expect(try await site.doneMarks()["so-1"]?.by == "link (so-1)")
        }
    }

    @Test("a link from an English message gives English pages")
    func english() async throws {
        try await Self.site { site in
            let path = site.confirmPath(unit: "so-2", language: .en)
            let page = try await site.get(path)
            #expect(
                page.body.contains("<html lang=\"en\">")
                    && page.body.contains("<dt>Due</dt><dd>17:00 on Thursday, 10 December 2020</dd>"), "\(page.body)")
            #expect(page.body.contains("<button type=\"submit\">Confirm the task done</button>"))
            let done = try await site.post(path)
            #expect(done.body.contains("Recorded: the unit finished the task at 08:00 09/12/2020."), "\(done.body)")
            // Marked done by an admin (deadlinectl done): the page says by whom.
            let id = OccurrenceID(deadlineID: "bao-cao", date: CivilDate(year: 2020, month: 12, day: 10)!)
            _ = try await site.ledger.markDone(id, units: ["so-3"], by: "lan", note: nil, at: site.clock.now)
            let marked = try await site.get(site.confirmPath(unit: "so-3", language: .en))
            #expect(
                marked.body.contains("This task was already confirmed done, at 08:00 09/12/2020, marked by lan."),
                "\(marked.body)")
        }
    }

    @Test("what the configuration says is HTML-escaped on every page")
    func escaped() async throws {
        try await Self.site(task: "Báo cáo <script>alert(\"x\")</script> & 'kết quả'") { site in
            let page = try await site.get(site.confirmPath(unit: "so-3"))
            #expect(
                page.body.contains("Báo cáo &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;kết quả&#39;"),
                "\(page.body)")
            #expect(page.body.contains("<dd>Sở Tài chính &amp; &lt;Kế hoạch&gt;</dd>"))
            #expect(!page.body.contains("<script>"))
            site.clock.advance(seconds: 3 * 86_400)  // overdue: the report lists the task
            let report = try await site.get(String(site.links.reportURL.dropFirst(site.links.publicURL.count)))
            #expect(report.status == 200 && !report.body.contains("<script>") && report.body.contains("&lt;script&gt;"))
        }
    }

    @Test("POST is rate-limited per address (the proxy's X-Real-IP); GET is not")
    func rateLimit() async throws {
        try await Self.site(postsPerMinute: 3) { site in
            let forged = "/xac-nhan/AAAA"
            for _ in 0..<3 { #expect(try await site.post(forged, headers: ["X-Real-IP": "203.0.113.7"]).status == 404) }
            let limited = try await site.post(site.confirmPath(unit: "so-1"), headers: ["X-Real-IP": "203.0.113.7"])
            #expect(limited.status == 429, "\(limited)")
            #expect(limited.headers["retry-after"] == "20")
            #expect(limited.body.contains("Có quá nhiều yêu cầu từ địa chỉ này"))
            Self.expectSecurityHeaders(limited)
            #expect(try await site.doneMarks().isEmpty)
            #expect(try await site.get(site.confirmPath(unit: "so-1")).status == 200)
            let other = try await site.post(site.confirmPath(unit: "so-1"), headers: ["X-Real-IP": "198.51.100.9"])
            #expect(other.status == 200, "\(other)")
        }
    }

    @Test("a unit's calendar: its open occurrences as events with alarms and a stable UID; forged tokens are refused")
    func calendar() async throws {
        try await Self.site { site in
            let path = String(site.links.calendarURL(unitID: "so-2").dropFirst(site.links.publicURL.count))
            #expect(path.hasPrefix("/lich/") && path.hasSuffix(".ics"))
            let feed = try await site.get(path)
            #expect(feed.status == 200, "\(feed)")
            #expect(feed.headers["content-type"] == "text/calendar; charset=utf-8")
            Self.expectSecurityHeaders(feed)
            let text = feed.body
            #expect(
                text.hasPrefix("BEGIN:VCALENDAR\r\n") && text.contains("X-WR-CALNAME:Hạn nhiệm vụ — Sở số 2\r\n"),
                "\(text)")
            #expect(text.components(separatedBy: "BEGIN:VEVENT").count == 2)
            #expect(text.contains("SUMMARY:Hạn: Báo cáo kết quả thực hiện\r\n"))
            #expect(text.contains("DTEND:20201210T100000Z\r\n"))
            #expect(text.contains("TRIGGER:-P3D\r\n") && text.contains("TRIGGER:-P1D\r\n"))
            let uid = try #require(text.components(separatedBy: "\r\n").first { $0.hasPrefix("UID:") })
            #expect(try await site.get(path).body.contains(uid + "\r\n"), "the same UID every time")
            // Done by so-2: gone from its calendar, still in so-1's.
            #expect(try await site.post(site.confirmPath(unit: "so-2")).status == 200)
            #expect(!(try await site.get(path).body.contains("BEGIN:VEVENT")))
            #expect(
                try await site.get(String(site.links.calendarURL(unitID: "so-1").dropFirst(site.links.publicURL.count)))
                    .body.contains(uid))
            for bad in [
                "/lich/AAAA.ics", path.replacingOccurrences(of: ".ics", with: ""),
                "/lich/" + String(site.confirmPath(unit: "so-2").split(separator: "/").last!) + ".ics",
            ] {
                #expect(try await site.get(bad).status == 404, "\(bad)")
            }
        }
    }

    @Test("the report page: self-contained, with its charts; only with the report's token")
    func report() async throws {
        try await Self.site { site in
            #expect(try await site.post(site.confirmPath(unit: "so-1")).status == 200)
            site.clock.advance(seconds: 3 * 86_400)  // Saturday 12/12: so-2 and so-3 overdue
            let page = try await site.get(String(site.links.reportURL.dropFirst(site.links.publicURL.count)))
            #expect(page.status == 200, "\(page)")
            Self.expectSecurityHeaders(page)
            for text in [
                "<h1>Kết quả thực hiện nhiệm vụ</h1>", "<svg role=\"img\" aria-label=\"Kết quả theo đơn vị\"",
                "Tỷ lệ đúng hạn theo tháng", "<td>10/12/2020</td><td class=\"n\">2</td><td>Sở số 2</td>",
            ] {
                #expect(page.body.contains(text), "\(text)")
            }
            #expect(!page.body.contains("<script") && !page.body.contains("src=") && !page.body.contains("href="))
            #expect(try await site.get("/bao-cao/AAAA").status == 404)
        }
    }

    @Test("paths that are no page, and a configuration without [web]: not found, with the same headers")
    func notFound() async throws {
        try await Self.site { site in
            for path in ["/", "/xac-nhan", "/admin", "/bao-cao/"] {
                let reply = try await site.get(path)
                #expect(reply.status == 404, "\(path): \(reply)")
                Self.expectSecurityHeaders(reply)
            }
            let robots = try await site.get("/robots.txt")
            #expect(robots.status == 200 && robots.body == "User-agent: *\nDisallow: /\n")
        }
        try await Self.site(web: false) { site in
            let reply = try await site.get("/xac-nhan/AAAA")
            #expect(site.desk.links == nil)
            #expect(reply.status == 404)
        }
    }
}

import DeadlineDelivery
import DeadlineKit
import Foundation
import TestSupport
import Testing

/// deadlined-webhook(7) is a contract integrators build receivers against: its examples must be what deadlined
/// sends. Each example payload of the page is compared, field by field, with what ``WebhookPayload`` makes of the
/// same reminder; the worked signature example is recomputed with ``WebhookSigningKey``.
@Suite("deadlined-webhook(7): the payload and signature contract")
struct WebhookContractTests {
    static let zone = ZoneRules.vietnam

    static func moment(_ text: String) throws -> Instant { try MomentParser.parse(text, zone: zone).get() }

    static func displays() throws -> [String] {
        ManualPage.displays(try ManualPageTests.page("deadlined-webhook.7"))
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Every field of the page's example is in the real payload with the same value (a string the page cuts with
    /// "..." only has to start the same), and the real payload has no field the page does not show.
    static func compare(page: Any, real: Any, path: String = "") {
        switch (page, real) {
        case let (page as [String: Any], real as [String: Any]):
            #expect(
                Set(page.keys) == Set(real.keys),
                "\(path): the page shows \(page.keys.sorted()), deadlined sends \(real.keys.sorted())")
            for (key, value) in page {
                if let other = real[key] { compare(page: value, real: other, path: path + "." + key) }
            }
        case let (page as [Any], real as [Any]):
            #expect(page.count == real.count, "\(path): \(page.count) elements on the page, \(real.count) sent")
            for (index, (a, b)) in zip(page, real).enumerated() { compare(page: a, real: b, path: "\(path)[\(index)]") }
        case let (page as String, real as String):
            if page.hasSuffix("...") {
                #expect(
                    real.hasPrefix(String(page.dropLast(3))),
                    "\(path): '\(real)' does not start as the page's '\(page)'")
            } else {
                #expect(page == real, "\(path)")
            }
        case (is NSNull, is NSNull):
            break
        default:
            #expect(
                "\(page)" == "\(real)" && type(of: page) == type(of: real),
                "\(path): the page has \(page), deadlined sends \(real)")
        }
    }

    @Test("the reminder example is the payload deadlined sends for that reminder")
    func reminder() throws {
        let example = try #require(try Self.displays().first { $0.contains("\"type\": \"deadline.reminder\",") })
        let facts = ReminderFacts(
            key: "5418-de-xuat|2020-12-10|7d|so-nv|hook", deadlineID: "5418-de-xuat",
            task: "Báo cáo tham mưu, đề xuất các nhiệm vụ, giải pháp, nội dung công việc cụ thể trình UBND TP; "
                + "đồng thời gửi Sở Kế hoạch và Đầu tư để tổng hợp",
            documentRef: "5418/UBND-TKBT",
            documentTitle: "Triển khai thực hiện Chương trình hành động thực hiện Nghị quyết Đại hội đại biểu "
                + "lần thứ XVII Đảng bộ TP Hà Nội",
            unitID: "so-nv", unitName: "Sở Nội vụ", kind: .before, rule: "7d",
            occurrence: CivilDate(year: 2020, month: 12, day: 10)!,
            due: try Self.moment("2020-12-10T17:00:00+07:00"), sendAt: try Self.moment("2020-12-03T08:00:00+07:00"),
            recipients: [], zone: Self.zone, language: .vi)
        let reminder = OutgoingReminder(
            facts: facts, message: TemplateSet.builtIn.render(facts), attempt: 1, now: facts.sendAt.adding(seconds: 1))
        let body = WebhookPayload.body(for: reminder, format: .json, chatID: nil)
        Self.compare(page: try Self.json(example), real: try Self.json(body))
    }

    @Test("the digest example is the payload deadlined sends for that digest")
    func digest() throws {
        let example = try #require(try Self.displays().first { $0.contains("\"type\": \"deadline.digest\",") })
        let facts = ReminderFacts(
            digestKey: "@digest|2020-12-03|digest|so-khdt|hook", unitID: "so-khdt", unitName: "Sở Kế hoạch và Đầu tư",
            day: CivilDate(year: 2020, month: 12, day: 3)!, sendAt: try Self.moment("2020-12-03T07:30:00+07:00"),
            items: [
                DigestEntry(
                    deadlineID: "5418-de-xuat",
                    task: "Báo cáo tham mưu, đề xuất các nhiệm vụ, giải pháp, nội dung công việc cụ thể trình UBND TP",
                    documentRef: "5418/UBND-TKBT", occurrence: CivilDate(year: 2020, month: 12, day: 10)!,
                    due: try Self.moment("2020-12-10T17:00:00+07:00")),
                DigestEntry(
                    deadlineID: "5418-bao-cao-thang",
                    task: "Báo cáo tình hình, kết quả thực hiện Chương trình hành động hằng tháng",
                    documentRef: "5418/UBND-TKBT", occurrence: CivilDate(year: 2020, month: 12, day: 20)!,
                    due: try Self.moment("2020-12-20T17:00:00+07:00")),
            ],
            recipients: [], zone: Self.zone, language: .vi)
        let reminder = OutgoingReminder(
            facts: facts, message: TemplateSet.builtIn.render(facts), attempt: 1,
            now: try Self.moment("2020-12-03T08:00:01+07:00"))
        let body = WebhookPayload.body(for: reminder, format: .json, chatID: nil)
        Self.compare(page: try Self.json(example), real: try Self.json(body))
    }

    @Test("the worked signature example: the id, and the signature of its body with its secret")
    func signature() throws {
        let page = try ManualPageTests.page("deadlined-webhook.7")
        let secret = try #require(page.firstMatch(of: /\n\.Ql (whsec_[A-Za-z0-9+\/=]+) ,\n/)?.1)
        let blocks = try Self.displays()
        let headers = try #require(blocks.first { $0.hasPrefix("webhook-id: ") })
        let id = try #require(headers.firstMatch(of: /webhook-id: (\S+)\n/)?.1)
        let timestampText = try #require(headers.firstMatch(of: /webhook-timestamp: (\d+)\n/)?.1)
        let timestamp = try #require(Int64(timestampText))
        let key = try #require(blocks.first { $0.contains("\"key\": \"5418-de-xuat|2020-12-10|7d|so-nv|hook\"") })
        #expect(key.contains("\"idempotency_key\": \"\(id)\""))
        #expect(String(id) == WebhookPayload.webhookID(for: "5418-de-xuat|2020-12-10|7d|so-nv|hook"))
        let bodyIndex = try #require(blocks.firstIndex { $0.hasPrefix("{\"version\":1,") })
        let body = blocks[bodyIndex].dropLast()  // the display's own line end is not part of the body
        let signing = try WebhookSigningKey(parsing: Secret(Array(secret.utf8)))
        let expected = signing.signature(id: String(id), timestamp: timestamp, body: Array(body.utf8))
        #expect(blocks[bodyIndex + 1] == "webhook-signature: \(expected)\n")
    }
}

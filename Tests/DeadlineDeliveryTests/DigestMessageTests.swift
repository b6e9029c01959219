import DeadlineDelivery
import DeadlineKit
import Foundation
import TestSupport
import Testing

/// A unit's digest as messages: what the templates say, the webhook payload, and an admin's digest template.
@Suite("Digest messages")
struct DigestMessageTests {
    static let zone = ZoneRules.vietnam

    static func digestFacts(language: Language = .vi) -> ReminderFacts {
        let at = try! MomentParser.parse("2020-12-14T07:30:00+07:00", zone: zone).get()
        func due(_ text: String) -> Instant { try! MomentParser.parse(text, zone: zone).get() }
        return ReminderFacts(
            digestKey: "@digest|2020-12-14|digest|so-khdt|email", unitID: "so-khdt", unitName: "Sở Kế hoạch và Đầu tư",
            day: CivilDate(year: 2020, month: 12, day: 14)!, sendAt: at,
            items: [
                DigestEntry(
                    deadlineID: "5418-de-xuat", task: "Báo cáo tham mưu, đề xuất các nhiệm vụ, giải pháp",
                    documentRef: "5418/UBND-TKBT",
                    occurrence: CivilDate(year: 2020, month: 12, day: 10)!, due: due("2020-12-10T17:00:00+07:00")),
                DigestEntry(
                    deadlineID: "5418-ke-hoach", task: "Dự thảo kế hoạch tổng thể", documentRef: nil,
                    occurrence: CivilDate(year: 2020, month: 12, day: 14)!, due: due("2020-12-14T17:00:00+07:00")),
                DigestEntry(
                    deadlineID: "04kh-can-bo", task: "Tổ chức hội nghị cán bộ chủ chốt", documentRef: "04-KH/TU",
                    occurrence: CivilDate(year: 2020, month: 12, day: 31)!, due: due("2020-12-31T17:00:00+07:00")),
            ],
            recipients: [try! Mailbox.parse("Văn thư Sở KH&ĐT <vanthu@khdt.hanoi.example>").get()], zone: zone,
            language: language)
    }

    @Test("the digest lists overdue items first, each with its status (DefaultWordingTests has it word for word)")
    func vietnamese() {
        let message = TemplateSet.builtIn.render(Self.digestFacts())
        #expect(
            message.subject
                == "[Tổng hợp nhắc việc] Sở Kế hoạch và Đầu tư, ngày 14/12/2020: 3 nhiệm vụ, trong đó 1 nhiệm vụ quá hạn"
        )
        #expect(
            message.text.contains(
                "2. Dự thảo kế hoạch tổng thể\n   Thời hạn: 17 giờ 00, thứ Hai, ngày 14/12/2020 (hôm nay đến hạn)\n   Mã việc: 5418-ke-hoach"
            ))
        #expect(message.html.contains("<strong style=\"color:#b00\">QUÁ HẠN 4 ngày</strong>"))
        let english = TemplateSet.builtIn.render(Self.digestFacts(language: .en))
        #expect(english.subject == "[Reminder digest] Sở Kế hoạch và Đầu tư, 14/12/2020: 3 tasks, 1 overdue")
        #expect(english.text.contains("(OVERDUE by 4 days)"))
    }

    @Test("webhook JSON: type deadline.digest with its items")
    func webhookPayload() throws {
        let facts = Self.digestFacts()
        let reminder = OutgoingReminder(
            facts: facts, message: TemplateSet.builtIn.render(facts), attempt: 1, now: facts.sendAt)
        let body = WebhookPayload.body(for: reminder, format: .json, chatID: nil)
        let payload = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        #expect(payload["type"] as? String == "deadline.digest")
        #expect(payload["day"] as? String == "2020-12-14")
        let items = try #require(payload["items"] as? [[String: Any]])
        #expect(items.map { $0["deadline_id"] as? String } == ["5418-de-xuat", "5418-ke-hoach", "04kh-can-bo"])
        #expect(items.map { $0["overdue"] as? Bool } == [true, false, false])
        #expect(items[1]["document_ref"] is NSNull)
    }

    @Test("an admin's digest template may use item variables; an unknown one is an error at its position")
    func override() {
        let good = "{{#items}}{{number}}. {{task_short}} ({{status}})\n{{/items}}"
        let (set, problems) = TemplateSet.load(overrides: [
            "digest-chat.vi.mustache": ("/etc/deadlined/templates/digest-chat.vi.mustache", good)
        ])
        #expect(problems.isEmpty, "\(problems)")
        #expect(
            set.render(Self.digestFacts()).chat.hasPrefix(
                "1. Báo cáo tham mưu, đề xuất các nhiệm vụ, giải pháp (QUÁ HẠN 4 ngày)\n2. "))
        // A reminder template is untouched by a digest override.
        #expect(set.render(deXuatFacts()).chat == TemplateSet.builtIn.render(deXuatFacts()).chat)
        let bad = TemplateSet.load(overrides: [
            "digest-text.vi.mustache": ("t/digest-text.vi.mustache", "{{#items}}\n{{han_chot}}{{/items}}")
        ]).1
        #expect(
            bad.map(\.description) == [
                "t/digest-text.vi.mustache:2:1: error: unknown template variable 'han_chot' (known: \(ReminderFacts.variableNames.union(ReminderFacts.itemVariableNames).sorted().joined(separator: ", ")))"
            ])
    }

    @Test("webhook over HTTPS with the office's own CA (ca_file); refused without it")
    func privateCA() async throws {
        let certificates = try TestCertificates.shared()
        let server = try HTTPTestServer(tls: true)
        defer { server.stop() }
        let facts = deXuatFacts()
        let reminder = OutgoingReminder(
            facts: facts, message: TemplateSet.builtIn.render(facts), attempt: 1, now: facts.sendAt)
        var settings = WebhookSettings(name: "noi-bo", url: server.baseURL + "/hooks/nhac-viec")
        let untrusted = try WebhookChannel(settings)
        let refused = await untrusted.deliver(reminder)
        await untrusted.shutdown()
        #expect(refused.receipt == nil)
        settings.caFile = certificates.caCertificate
        let trusted = try WebhookChannel(settings)
        let accepted = await trusted.deliver(reminder)
        await trusted.shutdown()
        #expect(accepted.receipt?.statusCode == 200, "\(accepted)")
        #expect(try server.requests().count == 1)
    }
}

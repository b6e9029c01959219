@testable import DeadlineDelivery
import DeadlineKit
import Foundation
import TestSupport
import Testing

private func outgoing(_ facts: ReminderFacts, attempt: Int = 1) -> OutgoingReminder {
    OutgoingReminder(
        facts: facts, message: TemplateSet.builtIn.render(facts), attempt: attempt,
        now: try! MomentParser.parse("2020-12-03T08:00:05+07:00", zone: .vietnam).get())
}

private let vanThu = try! Mailbox.parse("Văn thư Sở KH&ĐT <vanthu@khdt.hanoi.example>").get()
private let chuyenVien = try! Mailbox.parse("chuyenvien@khdt.hanoi.example").get()

@Suite("Channels against real servers", .serialized)
struct ChannelIntegrationTests {
    @Test(
        "SMTP: one message to all of a unit's recipients; Vietnamese subject, text and .ics as a mail client reads them"
    )
    func smtp() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let channel = try SMTPChannel(
            SMTPSettings(
                name: "email", url: "smtp://127.0.0.1:\(server.port)", startTLS: .off,
                from: try Mailbox.parse("Văn phòng UBND Thành phố <nhacviec@hanoi.example>").get(),
                connectTimeoutSeconds: 3, timeoutSeconds: 10, attachICS: true))
        let reminder = outgoing(deXuatFacts(recipients: [vanThu, chuyenVien]))
        let outcome = await channel.deliver(reminder)
        await channel.shutdown()
        #expect(outcome.receipt?.response.hasPrefix("250") == true, "\(outcome)")
        let messages = try server.messages()
        #expect(messages.count == 1)
        #expect(messages.first?.recipients == ["vanthu@khdt.hanoi.example", "chuyenvien@khdt.hanoi.example"])
        let mail = try await verifyWithPython(try #require(messages.first).data)
        #expect(mail.subject == reminder.message.subject)
        #expect(mail.from_display_name == "Văn phòng UBND Thành phố")
        #expect(mail.text == reminder.message.text)
        #expect(mail.key == "5418-de-xuat|2020-12-10|7d|so-khdt|email")
        #expect(
            mail.calendar?.events.first?.summary
                == "Hạn: Báo cáo tham mưu, đề xuất các nhiệm vụ, giải pháp, nội dung công việc cụ thể…")
        #expect(mail.crlf_only && mail.defects.isEmpty)
    }

    @Test("webhook, json: the versioned payload, signed; the same webhook-id on a retry")
    func webhookJSON() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
        let secretFile = try dir.write("secret", secret + "\n", mode: 0o600)
        let server = try HTTPTestServer(
            responses: [HTTPTestServer.Response(status: 500), HTTPTestServer.Response(status: 200)],
            webhookSecret: secret)
        defer { server.stop() }
        let channel = try WebhookChannel(
            WebhookSettings(name: "hook", url: server.baseURL + "/hooks/x", secretFile: secretFile))
        let first = await channel.deliver(outgoing(deXuatFacts(), attempt: 1))
        let second = await channel.deliver(outgoing(deXuatFacts(), attempt: 2))
        await channel.shutdown()
        #expect(first.isTemporaryFailure)
        #expect(second.receipt?.statusCode == 200)
        let requests = try server.requests()
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { $0.signatureValid == true })
        #expect(requests[0].header("webhook-id") == requests[1].header("webhook-id"))
        #expect(
            requests[0].header("webhook-id")
                == WebhookPayload.webhookID(for: "5418-de-xuat|2020-12-10|7d|so-khdt|email"))
        #expect(requests[0].header("content-type") == "application/json")
        // The reminder's clock says 2020; the signature's timestamp is the real clock's, which receivers check.
        let stamp = try #require(requests[1].header("webhook-timestamp").flatMap { Double($0) })
        #expect(abs(stamp - Date().timeIntervalSince1970) < 300, "\(stamp)")
        let payload = try #require(try JSONSerialization.jsonObject(with: Data(requests[1].body)) as? [String: Any])
        #expect(payload["version"] as? Int == 1)
        #expect(payload["type"] as? String == "deadline.reminder")
        #expect(payload["kind"] as? String == "before")
        #expect(payload["attempt"] as? Int == 2)
        #expect(payload["send_at"] as? String == "2020-12-03T08:00:00+07:00")
        #expect(payload["idempotency_key"] as? String == requests[0].header("webhook-id"))
        let deadline = try #require(payload["deadline"] as? [String: Any])
        #expect(deadline["id"] as? String == "5418-de-xuat")
        #expect(deadline["document_ref"] as? String == "5418/UBND-TKBT")
        #expect(deadline["due"] as? String == "2020-12-10T17:00:00+07:00")
        #expect((payload["unit"] as? [String: Any])?["name"] as? String == "Sở Kế hoạch và Đầu tư")
    }

    @Test("webhook presets: Slack, Teams and Telegram bodies in each service's documented shape")
    func presets() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let tokenFile = try dir.write("token", "123456:ABC-secret-token\n", mode: 0o600)
        let server = try HTTPTestServer()
        defer { server.stop() }
        for (format, chatID) in [(WebhookFormat.slack, nil), (.teams, nil), (.telegram, "-1001234567890")] {
            let channel = try WebhookChannel(
                WebhookSettings(
                    name: format.rawValue, url: format == .telegram ? server.baseURL : server.baseURL + "/hook",
                    format: format,
                    tokenFile: format == .telegram ? tokenFile : nil, chatID: chatID))
            let outcome = await channel.deliver(outgoing(deXuatFacts()))
            await channel.shutdown()
            #expect(outcome.receipt != nil, "\(format): \(outcome)")
            #expect(!"\(outcome)".contains("ABC-secret-token"))
        }
        let requests = try server.requests()
        #expect(requests.count == 3)
        let chat = TemplateSet.builtIn.render(deXuatFacts()).chat
        let slack = try JSONSerialization.jsonObject(with: Data(requests[0].body)) as? [String: Any]
        #expect(slack?["text"] as? String == chat)
        let teams = try #require(try JSONSerialization.jsonObject(with: Data(requests[1].body)) as? [String: Any])
        #expect(teams["type"] as? String == "message")
        let attachment = try #require((teams["attachments"] as? [[String: Any]])?.first)
        #expect(attachment["contentType"] as? String == "application/vnd.microsoft.card.adaptive")
        #expect((attachment["content"] as? [String: Any])?["type"] as? String == "AdaptiveCard")
        #expect(requests[2].path == "/bot123456:ABC-secret-token/sendMessage")
        let telegram = try JSONSerialization.jsonObject(with: Data(requests[2].body)) as? [String: Any]
        #expect(telegram?["chat_id"] as? String == "-1001234567890")
        #expect(telegram?["text"] as? String == chat)
    }

    @Test("outbox: one .eml file per reminder, written once even when delivered twice")
    func outbox() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let channel = OutboxChannel(OutboxSettings(name: "outbox", directory: dir.path + "/outbox"))
        let reminder = outgoing(deXuatFacts(recipients: [vanThu]))
        let first = await channel.deliver(reminder)
        let again = await channel.deliver(reminder)
        #expect(first.receipt?.response.hasPrefix("written to ") == true)
        #expect(again.receipt?.response.hasPrefix("already in the outbox: ") == true)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/outbox")
        #expect(files == [OutboxChannel.fileName(for: reminder.facts)])
        #expect(files.first?.hasPrefix("20201203T080000-") == true)
        let mail = try await verifyWithPython(
            Array(try Data(contentsOf: URL(fileURLWithPath: dir.path + "/outbox/" + files[0]))))
        #expect(mail.subject == reminder.message.subject)
        #expect(mail.to.first == ["Văn thư Sở KH&ĐT", "vanthu@khdt.hanoi.example"])
        #expect(
            mail.from_display_name == "Hệ thống nhắc việc deadlined"
                && mail.from_address == "deadlined@localhost.localdomain")
    }

    @Test("outbox From: the organization's name, or the configured from")
    func outboxFrom() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        func from(_ settings: OutboxSettings, organization: String?) async throws -> (String, String) {
            let channel = OutboxChannel(settings)
            var facts = deXuatFacts(recipients: [vanThu])
            facts.organization = organization
            let reminder = outgoing(facts)
            _ = await channel.deliver(reminder)
            let path = settings.directory + "/" + OutboxChannel.fileName(for: reminder.facts)
            let mail = try await verifyWithPython(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            return (mail.from_display_name, mail.from_address)
        }
        let office = try await from(
            OutboxSettings(name: "outbox", directory: dir.path + "/a"), organization: "Văn phòng UBND Thành phố Hà Nội")
        #expect(office == ("Văn phòng UBND Thành phố Hà Nội", "deadlined@localhost.localdomain"))
        var configured = OutboxSettings(name: "outbox", directory: dir.path + "/b")
        configured.from = Mailbox(displayName: "Phòng Tổng hợp", address: "tonghop@hanoi.example")
        let given = try await from(configured, organization: "Văn phòng UBND Thành phố Hà Nội")
        #expect(given == ("Phòng Tổng hợp", "tonghop@hanoi.example"))
    }

    @Test("a channel whose secret file is missing fails every delivery temporarily, saying why, without the secret")
    func unavailable() async {
        let (channels, problems) = ChannelFactory.make([
            "hook": .webhook(
                WebhookSettings(name: "hook", url: "http://127.0.0.1:9/x", secretFile: "/nonexistent/secret"))
        ])
        #expect(
            problems["hook"]
                == "secret_file: cannot read the secret file '/nonexistent/secret': No such file or directory")
        let outcome = await channels["hook"]!.deliver(outgoing(deXuatFacts()))
        #expect(outcome.isTemporaryFailure)
    }
}

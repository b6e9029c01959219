import DeadlineDelivery
import Foundation
import TestSupport
import Testing
import DeadlineKit

/// SMTPTransport against a real aiosmtpd server on 127.0.0.1.
@Suite("SMTP against a real server", .timeLimit(.minutes(2)))
struct SMTPIntegrationTests {
    static let password = "mật-khẩu S3cr3t!"

    @Test("plain SMTP: delivered with the server's final reply; the bytes arrive exactly")
    func plainDelivery() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let transport = try SMTPTransport(server: smtpSettings(server))
        let message = try sampleReminder()
        let bytes = try message.render()
        let outcome = await transport.send(bytes, envelope: message.envelope)
        await transport.shutdown()

        let receipt = try #require(outcome.receipt, "\(outcome)")
        #expect(receipt.response == "250 2.0.0 Ok: queued as DL00001")
        #expect(receipt.statusCode == 250)
        #expect(receipt.host == "127.0.0.1:\(server.port)")
        #expect(receipt.acceptedRecipients == ["chanh.vp@hanoi.gov.vn"])
        #expect(receipt.rejectedRecipients.isEmpty)
        #expect(receipt.newConnections == 1)
        let received = try server.messages()
        #expect(received.count == 1)
        #expect(received.first?.mailFrom == "nhacviec@hanoi.gov.vn")
        #expect(received.first?.recipients == ["chanh.vp@hanoi.gov.vn"])
        #expect(received.first?.data == bytes)  // dot-stuffed by libcurl, unstuffed by the server
        #expect(received.first?.tls == false)
    }

    @Test("Python's email parser reads the received message exactly as meant")
    func pythonReadsMessage() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let transport = try SMTPTransport(server: smtpSettings(server))
        let message = try sampleReminder(to: ["Chánh Văn phòng <chanh.vp@hanoi.gov.vn>", "luu.tru@hanoi.gov.vn"])
        let outcome = await transport.send(try message.render(), envelope: message.envelope)
        await transport.shutdown()
        #expect(outcome.receipt != nil, "\(outcome)")
        let data = try #require(try server.messages().first?.data)

        let parsed = try await verifyWithPython(data)
        #expect(parsed.subject == "Nhắc hạn: Báo cáo trình UBND TP trước ngày 10/12/2020")
        #expect(parsed.from_display_name == "Văn phòng UBND Thành phố")
        #expect(parsed.from_address == "nhacviec@hanoi.gov.vn")
        #expect(parsed.to == [["Chánh Văn phòng", "chanh.vp@hanoi.gov.vn"], ["", "luu.tru@hanoi.gov.vn"]])
        #expect(parsed.date == "Thu, 10 Dec 2020 08:00:00 +0700")
        #expect(parsed.date_iso == "2020-12-10T08:00:00+07:00")
        #expect(parsed.message_id == message.messageID)
        #expect(parsed.auto_submitted == "auto-generated")
        #expect(parsed.key == "5418/2020-12-10/email")
        #expect(parsed.content_type == "multipart/mixed")
        #expect(parsed.text == ReminderText.plain)
        #expect(parsed.html == ReminderText.html)
        #expect(parsed.crlf_only)
        #expect(parsed.max_line_octets <= 78)
        #expect(parsed.max_header_line_octets <= 78)
        #expect(parsed.defects == [])

        let calendar = try #require(parsed.calendar)
        #expect(calendar.method == "PUBLISH")
        #expect(calendar.content_type_method == "PUBLISH")
        #expect(calendar.filename == "Lịch hạn.ics")
        #expect(calendar.crlf_only)
        #expect(calendar.max_line_octets <= 75)
        let event = try #require(calendar.events.first)
        #expect(event.summary == "Hạn: Báo cáo trình UBND TP, số 5418/UBND-KT")
        #expect(event.description == "Kính gửi anh/chị;\nđề nghị hoàn thành trước 17:00.")
        #expect(event.dtstart == "2020-12-10T02:00:00+00:00")
        #expect(event.dtend == "2020-12-10T03:00:00+00:00")
        #expect(event.alarms.map(\.trigger) == ["-1 day, 0:00:00"])
        #expect(event.alarms.map(\.action) == ["DISPLAY"])
        #expect(event.uid.hasSuffix("@deadlined"))
    }

    @Test("dot-stuffing: lines starting with '.' arrive intact (libcurl stuffs, the server unstuffs)")
    func dotStuffing() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let transport = try SMTPTransport(server: smtpSettings(server))
        let bytes = Array("Subject: dots\r\n\r\n.\r\n..\r\n.leading\r\nmiddle . dot\r\n.\r\nlast\r\n".utf8)
        let outcome = await transport.send(bytes, envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
        await transport.shutdown()
        #expect(outcome.receipt != nil, "\(outcome)")
        #expect(try server.messages().first?.data == bytes)
    }

    @Test("STARTTLS required, with the private CA as ca_file: delivered over TLS")
    func starttlsWithPrivateCA() async throws {
        let certificates = try TestCertificates.shared()
        let server = try SMTPTestServer(.init(tls: .starttls(required: true)))
        defer { server.stop() }
        let transport = try SMTPTransport(
            server: smtpSettings(server, security: .starttls(.required), caFile: certificates.caCertificate))
        let message = try sampleReminder()
        let outcome = await transport.send(try message.render(), envelope: message.envelope)
        await transport.shutdown()
        #expect(outcome.receipt?.response == "250 2.0.0 Ok: queued as DL00001", "\(outcome)")
        #expect(try server.messages().map(\.tls) == [true])
    }

    @Test("smtps (implicit TLS) with the private CA: delivered over TLS")
    func implicitTLS() async throws {
        let certificates = try TestCertificates.shared()
        let server = try SMTPTestServer(.init(tls: .implicit))
        defer { server.stop() }
        let transport = try SMTPTransport(
            server: smtpSettings(server, security: .implicitTLS, caFile: certificates.caCertificate))
        let outcome = await transport.send(
            Array("Subject: x\r\n\r\nbody\r\n".utf8),
            envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
        await transport.shutdown()
        #expect(outcome.receipt != nil, "\(outcome)")
        #expect(try server.messages().map(\.tls) == [true])
    }

    @Test("opportunistic STARTTLS: plain when not offered, TLS when offered")
    func opportunistic() async throws {
        let certificates = try TestCertificates.shared()
        let plain = try SMTPTestServer()
        defer { plain.stop() }
        let tls = try SMTPTestServer(.init(tls: .starttls(required: false)))
        defer { tls.stop() }
        for server in [plain, tls] {
            let transport = try SMTPTransport(
                server: smtpSettings(server, security: .starttls(.opportunistic), caFile: certificates.caCertificate))
            let outcome = await transport.send(
                Array("Subject: x\r\n\r\nbody\r\n".utf8),
                envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
            await transport.shutdown()
            #expect(outcome.receipt != nil, "\(outcome)")
        }
        #expect(try plain.messages().map(\.tls) == [false])
        #expect(try tls.messages().map(\.tls) == [true])
    }

    @Test("AUTH after STARTTLS with the right password: delivered as that user")
    func authenticationSucceeds() async throws {
        let certificates = try TestCertificates.shared()
        let server = try SMTPTestServer(
            .init(tls: .starttls(required: true), user: "nhacviec", password: Self.password, authRequired: true))
        defer { server.stop() }
        let credentials = SMTPCredentials(username: "nhacviec", password: Secret(Array(Self.password.utf8)))
        let transport = try SMTPTransport(
            server: smtpSettings(
                server, security: .starttls(.required), caFile: certificates.caCertificate, credentials: credentials))
        let outcome = await transport.send(
            Array("Subject: x\r\n\r\nbody\r\n".utf8),
            envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
        await transport.shutdown()
        #expect(outcome.receipt != nil, "\(outcome)")
        #expect(try server.messages().map(\.authenticatedUser) == ["nhacviec"])
    }

    @Test("AUTH over smtps (implicit TLS): delivered as that user, over TLS")
    func authenticationOverImplicitTLS() async throws {
        let certificates = try TestCertificates.shared()
        let server = try SMTPTestServer(
            .init(tls: .implicit, user: "nhacviec", password: Self.password, authRequired: true))
        defer { server.stop() }
        let credentials = SMTPCredentials(username: "nhacviec", password: Secret(Array(Self.password.utf8)))
        let transport = try SMTPTransport(
            server: smtpSettings(
                server, security: .implicitTLS, caFile: certificates.caCertificate, credentials: credentials))
        let outcome = await transport.send(
            Array("Subject: x\r\n\r\nbody\r\n".utf8),
            envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
        await transport.shutdown()
        #expect(outcome.receipt != nil, "\(outcome)")
        #expect(try server.messages().map(\.authenticatedUser) == ["nhacviec"])
        #expect(try server.messages().map(\.tls) == [true])
    }

    @Test("one of three recipients refused with 550: the other two get it, the outcome names the refused one")
    func oneRecipientRejected() async throws {
        let server = try SMTPTestServer(.init(rejectedRecipients: ["ghost@hanoi.gov.vn"]))
        defer { server.stop() }
        let transport = try SMTPTransport(server: smtpSettings(server))
        let message = try sampleReminder(to: ["a@hanoi.gov.vn", "ghost@hanoi.gov.vn", "c@hanoi.gov.vn"])
        let outcome = await transport.send(try message.render(), envelope: message.envelope)
        await transport.shutdown()
        let receipt = try #require(outcome.receipt, "\(outcome)")
        #expect(receipt.acceptedRecipients == ["a@hanoi.gov.vn", "c@hanoi.gov.vn"])
        #expect(
            receipt.rejectedRecipients == [
                RecipientRejection(
                    address: "ghost@hanoi.gov.vn",
                    reply: "550 5.1.1 <ghost@hanoi.gov.vn>: Recipient address rejected: unknown mailbox", code: 550)
            ])
        #expect(try server.messages().map(\.recipients) == [["a@hanoi.gov.vn", "c@hanoi.gov.vn"]])
    }

    @Test("five messages in a row share one connection (and one STARTTLS + AUTH)")
    func connectionReuse() async throws {
        let certificates = try TestCertificates.shared()
        let server = try SMTPTestServer(
            .init(tls: .starttls(required: true), user: "nhacviec", password: Self.password, authRequired: true))
        defer { server.stop() }
        let credentials = SMTPCredentials(username: "nhacviec", password: Secret(Array(Self.password.utf8)))
        let transport = try SMTPTransport(
            server: smtpSettings(
                server, security: .starttls(.required), caFile: certificates.caCertificate, credentials: credentials))
        var connections: [Int] = []
        for index in 1...5 {
            let message = try sampleReminder(key: "key-\(index)")
            let outcome = await transport.send(try message.render(), envelope: message.envelope)
            #expect(outcome.receipt?.response == "250 2.0.0 Ok: queued as DL0000\(index)", "\(outcome)")
            connections.append(outcome.receipt?.newConnections ?? -1)
        }
        await transport.shutdown()
        #expect(connections == [1, 0, 0, 0, 0])
        #expect(try server.connectionCount() == 1)
        #expect(try server.messages().count == 5)
    }

    @Test("concurrent sends on a transport of one connection queue for it and share it")
    func concurrentSends() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let transport = try SMTPTransport(server: smtpSettings(server))
        let outcomes = await withTaskGroup(of: DeliveryOutcome.self) { group in
            for index in 0..<8 {
                group.addTask {
                    await transport.send(
                        Array("Subject: \(index)\r\n\r\nbody\r\n".utf8),
                        envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        await transport.shutdown()
        #expect(outcomes.allSatisfy { $0.receipt != nil })
        #expect(try server.connectionCount() == 1)
        #expect(try server.messages().count == 8)
    }

    @Test("with connections = 3, twelve concurrent sends use three connections, never more at once, each message once")
    func parallelConnections() async throws {
        var options = SMTPTestServer.Options()
        options.delay = 0.1  // each message takes a while, so that the sends overlap
        let server = try SMTPTestServer(options)
        defer { server.stop() }
        let transport = try SMTPTransport(server: smtpSettings(server), connections: 3)
        let outcomes = await withTaskGroup(of: DeliveryOutcome.self) { group in
            for index in 0..<12 {
                group.addTask {
                    await transport.send(
                        Array("Subject: \(index)\r\n\r\nbody \(index)\r\n".utf8),
                        envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        await transport.shutdown()
        #expect(outcomes.allSatisfy { $0.receipt != nil }, "\(outcomes)")
        #expect(outcomes.map { $0.receipt?.newConnections ?? -1 }.reduce(0, +) == 3)
        #expect(try server.connectionCount() == 3)
        #expect(try server.maximumOpenConnections() == 3)
        let bodies = try server.messages().map { String(decoding: $0.data, as: UTF8.self) }
        #expect(Set(bodies).count == 12 && bodies.count == 12)
    }
}

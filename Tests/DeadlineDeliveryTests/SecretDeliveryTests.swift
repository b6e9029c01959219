@testable import DeadlineDelivery
import DeadlineKit
import Foundation
import TestSupport
import Testing

/// Secrets at delivery: a password never goes out unencrypted, a secret file whose mode lets others read or
/// replace it is refused, and secret headers come from a file.
@Suite("Secrets at delivery, against real servers", .serialized)
struct SecretDeliveryTests {
    static let password = "Sup3r/Secret?mật-khẩu"

    @Test(
        "starttls = opportunistic with a password, to a server that offers AUTH but no STARTTLS: no AUTH is sent, a permanent failure says why"
    )
    func opportunisticNeverSendsThePasswordInClear() async throws {
        var options = SMTPTestServer.Options(tls: .none, user: "nhacviec", password: Self.password)
        options.authWithoutTLS = true
        let server = try SMTPTestServer(options)
        defer { server.stop() }
        let credentials = SMTPCredentials(username: "nhacviec", password: Secret(Array(Self.password.utf8)))
        let transport = try SMTPTransport(
            server: smtpSettings(server, security: .starttls(.opportunistic), credentials: credentials))
        let outcome = await transport.send(
            Array("Subject: x\r\n\r\nbody\r\n".utf8),
            envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
        await transport.shutdown()
        guard case .permanentFailure(let error) = outcome else {
            Issue.record("expected a permanent failure, got \(outcome)")
            return
        }
        #expect(error.kind == .starttlsUnavailable)
        #expect(
            error.description.contains(
                "the server does not offer STARTTLS, and deadlined never sends the password unencrypted: nothing was sent"
            ), "\(error)")
        #expect(!error.description.contains("Sup3r"))
        #expect(try server.authAttempts().isEmpty)
        #expect(try server.messages().isEmpty)
    }

    @Test("starttls = opportunistic with a password, to a server that offers STARTTLS: AUTH goes over TLS")
    func opportunisticUsesTLSWhenOffered() async throws {
        let certificates = try TestCertificates.shared()
        let server = try SMTPTestServer(
            .init(tls: .starttls(required: false), user: "nhacviec", password: Self.password))
        defer { server.stop() }
        let credentials = SMTPCredentials(username: "nhacviec", password: Secret(Array(Self.password.utf8)))
        let transport = try SMTPTransport(
            server: smtpSettings(
                server, security: .starttls(.opportunistic), caFile: certificates.caCertificate,
                credentials: credentials))
        let outcome = await transport.send(
            Array("Subject: x\r\n\r\nbody\r\n".utf8),
            envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
        await transport.shutdown()
        #expect(outcome.receipt != nil, "\(outcome)")
        #expect(try server.authAttempts().map(\.tls) == [true])
        #expect(try server.messages().map(\.authenticatedUser) == ["nhacviec"])
    }

    @Test(
        "a secret file that others may read or write: the channel is not set up, and the message names the file only",
        arguments: [0o644, 0o620, 0o602])
    func secretFileModes(_ mode: Int) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n", mode: mode)
        #expect(throws: DeliveryConfigurationError.self) {
            _ = try WebhookChannel(WebhookSettings(name: "hook", url: "https://hooks.example.vn/x", secretFile: file))
        }
        do {
            _ = try WebhookChannel(WebhookSettings(name: "hook", url: "https://hooks.example.vn/x", secretFile: file))
        } catch {
            #expect(error.description.hasPrefix("secret_file: the secret file '\(file)' is "), "\(error)")
            #expect(error.description.hasSuffix(": chmod 600 \(file)"))
            #expect(!error.description.contains("whsec_"))
        }
    }

    @Test("headers_file: its headers go with every request; a reserved one keeps the channel from being set up")
    func headersFile() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write(
            "headers", "# chat\nAuthorization: Bearer Sup3rSecret\r\nX-Api-Key:  k-123 \n\n", mode: 0o600)
        let server = try HTTPTestServer(responses: [HTTPTestServer.Response(status: 200)])
        defer { server.stop() }
        var settings = WebhookSettings(name: "hook", url: server.baseURL + "/hooks/x", headers: ["X-Don-Vi": "VP"])
        settings.headersFile = file
        let channel = try WebhookChannel(settings)
        let outcome = await channel.deliver(
            OutgoingReminder(
                facts: deXuatFacts(), message: TemplateSet.builtIn.render(deXuatFacts()), attempt: 1,
                now: Instant(secondsSinceEpoch: 1_607_000_000)))
        await channel.shutdown()
        #expect(outcome.receipt?.statusCode == 200, "\(outcome)")
        let request = try #require(try server.requests().first)
        #expect(request.header("authorization") == "Bearer Sup3rSecret")
        #expect(request.header("x-api-key") == "k-123")
        #expect(request.header("x-don-vi") == "VP")

        let reserved = try dir.write(
            "reserved", "Authorization: Bearer Sup3rSecret\nContent-Type: text/plain\n", mode: 0o600)
        settings.headersFile = reserved
        do {
            _ = try WebhookChannel(settings)
            Issue.record("a reserved header was accepted")
        } catch {
            #expect(
                error.description
                    == "headers_file: \(reserved):2:1: 'Content-Type' is set by deadlined itself (Content-Type, Content-Length, Host, Transfer-Encoding, Expect, Connection, webhook-*); remove it"
            )
        }
    }
}

@Suite("Control characters never break a mail header")
struct HeaderControlCharacterTests {
    @Test(
        "a subject with line breaks and other controls is sent on one line",
        arguments: [
            ("Báo cáo\r\nBcc: x@y.vn", "Báo cáo Bcc: x@y.vn"),
            ("Sở\u{0B}Kế hoạch", "Sở Kế hoạch"),
            ("a \r\n b", "a b"),
            ("\u{07}chuông", " chuông"),
            ("bình thường", "bình thường"),
        ])
    func subject(_ raw: String, _ expected: String) throws {
        #expect(EmailComposer.oneLine(raw) == expected)
        let from = try EmailAddress("nhacviec@hanoi.example", displayName: nil)
        let to = try EmailAddress("vanthu@khdt.hanoi.example", displayName: nil)
        let message = EmailMessage(
            from: from, to: [to], subject: EmailComposer.oneLine(raw), textBody: "x", idempotencyKey: "k",
            date: MessageDate(unixSeconds: 1_607_000_000, utcOffsetSeconds: 25_200))
        let text = String(decoding: try message.render(), as: UTF8.self)
        let headers = text.components(separatedBy: "\r\n\r\n")[0]
        #expect(!headers.contains("\nBcc:"))
        #expect(headers.split(separator: "\r\n").allSatisfy { !$0.contains("\n") && !$0.contains("\r") })
    }
}

import DeadlineDelivery
import Foundation
import TestSupport
import Testing
import DeadlineKit

/// SMTPTransport failures against a real aiosmtpd server on 127.0.0.1 (or a port nobody listens on).
@Suite("SMTP failures against a real server", .timeLimit(.minutes(2)))
struct SMTPFailureIntegrationTests {
    static let password = SMTPIntegrationTests.password

    @Test("STARTTLS required but not offered: permanent, with what to do")
    func starttlsNotOffered() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let transport = try SMTPTransport(server: smtpSettings(server, security: .starttls(.required)))
        let outcome = await transport.send(
            Array("Subject: x\r\n\r\nbody\r\n".utf8),
            envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
        await transport.shutdown()
        guard case .permanentFailure(let error) = outcome else {
            Issue.record("expected permanent: \(outcome)")
            return
        }
        #expect(error.kind == .starttlsUnavailable)
        #expect(
            error.description
                == "smtp 127.0.0.1:\(server.port): the server does not offer STARTTLS, which starttls = \"required\""
                + " demands: use smtps (implicit TLS, usually port 465) if the server offers it, or set starttls ="
                + " \"opportunistic\" only if the network path to the server is trusted")
        #expect(try server.messages().isEmpty)
    }

    @Test(
        "a server that does not answer DATA in time: a temporary failure once the total timeout runs out, and a quick close"
    )
    func totalTimeout() async throws {
        var options = SMTPTestServer.Options()
        options.delay = 12  // far longer than the bounds below, which leave room for a loaded machine
        let server = try SMTPTestServer(options)
        defer { server.stop() }
        var settings = smtpSettings(server)
        settings.totalTimeout = .seconds(1)
        let transport = try SMTPTransport(server: settings)
        let started = ContinuousClock.now
        let outcome = await transport.send(
            Array("Subject: x\r\n\r\nbody\r\n".utf8),
            envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
        let gaveUp = ContinuousClock.now - started
        await transport.shutdown()
        // Closing the connection (QUIT) does not wait for the silent server either.
        let closed = ContinuousClock.now - started
        #expect(gaveUp < .seconds(8), "it gave up before the server answered: \(gaveUp)")
        #expect(closed < .seconds(8), "shutdown waited for the server: \(closed)")
        guard case .temporaryFailure(let error, _) = outcome else {
            Issue.record("expected temporary: \(outcome)")
            return
        }
        #expect("\(error)".contains("timed out") || "\(error)".contains("timeout"), "\(error)")
    }

    @Test("untrusted certificate (no ca_file): permanent, naming ca_file")
    func untrustedCertificate() async throws {
        let server = try SMTPTestServer(.init(tls: .starttls(required: true)))
        defer { server.stop() }
        let transport = try SMTPTransport(server: smtpSettings(server, security: .starttls(.required)))
        let outcome = await transport.send(
            Array("Subject: x\r\n\r\nbody\r\n".utf8),
            envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
        await transport.shutdown()
        guard case .permanentFailure(let error) = outcome else {
            Issue.record("expected permanent: \(outcome)")
            return
        }
        #expect(error.kind == .certificateRejected)
        #expect(error.cause.hasPrefix("the server's certificate is not trusted ("))
        #expect(error.cause.hasSuffix("): add its CA with ca_file"))
        #expect(try server.messages().isEmpty)
    }

    @Test("certificate for another host name: permanent, saying so")
    func wrongHostName() async throws {
        let certificates = try TestCertificates.shared()
        let server = try SMTPTestServer(.init(tls: .starttlsWrongName))
        defer { server.stop() }
        let transport = try SMTPTransport(
            server: smtpSettings(server, security: .starttls(.required), caFile: certificates.caCertificate))
        let outcome = await transport.send(
            Array("Subject: x\r\n\r\nbody\r\n".utf8),
            envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
        await transport.shutdown()
        guard case .permanentFailure(let error) = outcome else {
            Issue.record("expected permanent: \(outcome)")
            return
        }
        #expect(error.cause.hasPrefix("the server's certificate is for another host name ("), "\(error)")
    }

    @Test("AUTH with a wrong password: permanent, and the error never contains the password")
    func authenticationFails() async throws {
        let certificates = try TestCertificates.shared()
        let server = try SMTPTestServer(
            .init(tls: .starttls(required: true), user: "nhacviec", password: Self.password, authRequired: true))
        defer { server.stop() }
        let wrong = "wrong-Pässword-7731"
        let credentials = SMTPCredentials(username: "nhacviec", password: Secret(Array(wrong.utf8)))
        let transport = try SMTPTransport(
            server: smtpSettings(
                server, security: .starttls(.required), caFile: certificates.caCertificate, credentials: credentials))
        let outcome = await transport.send(
            Array("Subject: x\r\n\r\nbody\r\n".utf8),
            envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
        await transport.shutdown()
        guard case .permanentFailure(let error) = outcome else {
            Issue.record("expected permanent: \(outcome)")
            return
        }
        #expect(error.kind == .authenticationFailed)
        #expect(
            error.cause
                == "the server rejected the username or password (535 5.7.8 Authentication credentials invalid):"
                + " check username and password_file")
        let everything = "\(outcome) \(error) \(String(reflecting: error)) \(transport.server)"
        #expect(!everything.contains(wrong))
        #expect(!everything.contains("wrong-P"))
        #expect(!everything.contains(Self.password))
        #expect(try server.messages().isEmpty)
    }

    @Test("every recipient refused: permanent, listing them")
    func everyRecipientRejected() async throws {
        let server = try SMTPTestServer(.init(rejectedRecipients: ["x@hanoi.gov.vn", "y@hanoi.gov.vn"]))
        defer { server.stop() }
        let transport = try SMTPTransport(server: smtpSettings(server))
        let outcome = await transport.send(
            Array("Subject: x\r\n\r\nbody\r\n".utf8),
            envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["x@hanoi.gov.vn", "y@hanoi.gov.vn"]))
        await transport.shutdown()
        guard case .permanentFailure(let error) = outcome else {
            Issue.record("expected permanent: \(outcome)")
            return
        }
        #expect(error.kind == .recipientsRejected)
        #expect(
            error.cause
                == "the server refused every recipient: x@hanoi.gov.vn: 550 5.1.1 <x@hanoi.gov.vn>: Recipient address"
                + " rejected: unknown mailbox; y@hanoi.gov.vn: 550 5.1.1 <y@hanoi.gov.vn>: Recipient address rejected:"
                + " unknown mailbox")
    }

    @Test("451 after DATA and 451 to RCPT: temporary")
    func temporaryFailures() async throws {
        for stage in [SMTPTestServer.TemporaryFailure.data, .rcpt] {
            let server = try SMTPTestServer(.init(temporaryFailure: stage))
            defer { server.stop() }
            let transport = try SMTPTransport(server: smtpSettings(server))
            let outcome = await transport.send(
                Array("Subject: x\r\n\r\nbody\r\n".utf8),
                envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
            await transport.shutdown()
            guard case .temporaryFailure(let error, let retryAfter) = outcome else {
                Issue.record("expected temporary for \(stage): \(outcome)")
                continue
            }
            #expect(retryAfter == nil)
            switch stage {
            case .data:
                #expect(error.kind == .messageRejected)
                #expect(
                    error.cause
                        == "the server did not accept the message for now: 451 4.3.0 Error: queue file write error, try again later"
                )
            default:
                #expect(error.kind == .recipientsRejected)
                #expect(
                    error.cause
                        == "the server refused every recipient: b@x.test: 451 4.3.0 <b@x.test>: Temporary local problem, try again later"
                )
            }
        }
    }

    @Test("smtps against a plain-text port: the TLS handshake fails, temporary")
    func tlsHandshakeFails() async throws {
        let server = try SMTPTestServer()
        defer { server.stop() }
        let transport = try SMTPTransport(server: smtpSettings(server, security: .implicitTLS))
        let outcome = await transport.send(
            Array("Subject: x\r\n\r\nbody\r\n".utf8),
            envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
        await transport.shutdown()
        guard case .temporaryFailure(let error, _) = outcome else {
            Issue.record("expected temporary: \(outcome)")
            return
        }
        #expect(error.kind == .tlsHandshakeFailed)
        #expect(error.cause.hasPrefix("the TLS handshake did not complete ("), "\(error)")
        #expect(try server.messages().isEmpty)
    }

    @Test("server down: temporary, connection refused")
    func serverDown() async throws {
        let port = try HTTPTestServer.unusedPort()
        let transport = try SMTPTransport(
            server: SMTPServer(
                host: "127.0.0.1", port: port, security: .starttls(.off), connectTimeout: .seconds(2),
                totalTimeout: .seconds(5)))
        let outcome = await transport.send(
            Array("Subject: x\r\n\r\nbody\r\n".utf8),
            envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
        await transport.shutdown()
        guard case .temporaryFailure(let error, _) = outcome else {
            Issue.record("expected temporary: \(outcome)")
            return
        }
        #expect(error.kind == .connectionFailed)
        #expect(error.description.hasPrefix("smtp 127.0.0.1:\(port): cannot connect ("))
        #expect(error.description.hasSuffix("): is the server running, and are the host and port right?"))
    }

    @Test("after shutdown, sends fail at once as temporary")
    func afterShutdown() async throws {
        let transport = try SMTPTransport(server: SMTPServer(host: "127.0.0.1", port: 9, security: .starttls(.off)))
        await transport.shutdown()
        let outcome = await transport.send(
            Array("x\r\n".utf8), envelope: SMTPEnvelope(sender: "a@x.test", recipients: ["b@x.test"]))
        #expect(outcome.error?.kind == .queueFull)
        #expect(outcome.isTemporaryFailure)
    }

    @Test("configuration errors are thrown before any traffic")
    func configurationErrors() {
        #expect(throws: DeliveryConfigurationError.self) {
            try SMTPTransport(server: SMTPServer(host: "bad host", port: 25))
        }
        #expect(throws: DeliveryConfigurationError.self) {
            try SMTPTransport(server: SMTPServer(host: "x", port: 70000))
        }
        #expect {
            try SMTPTransport(server: SMTPServer(host: "x", caFile: "/nonexistent/ca.pem"))
        } throws: { error in
            "\(error)".hasPrefix("ca_file: cannot read /nonexistent/ca.pem: No such file or directory")
        }
        #expect(throws: DeliveryConfigurationError.self) {
            try SMTPTransport(server: SMTPServer(host: "x", caFile: "/proc/version"))
        }
    }
}

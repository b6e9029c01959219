import DeadlineDelivery
import Foundation
import TestSupport
import Testing

/// WebhookTransport against a real HTTP/1.1 server on 127.0.0.1.
@Suite("Webhooks against a real server", .timeLimit(.minutes(2)))
struct WebhookIntegrationTests {
    static let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    static let body = Array(
        #"{"type":"deadline.reminder","data":{"document":"5418/UBND-KT","title":"Báo cáo trình UBND TP"}}"#.utf8)

    static func endpoint(
        _ url: String, signed: Bool = false, caFile: String? = nil, followRedirects: Bool = false
    )
        throws -> WebhookEndpoint
    {
        WebhookEndpoint(
            url: url, headers: [HTTPHeader("X-Api-Key", "k-123456")],
            signingKey: signed ? try WebhookSigningKey(parsing: Secret(Array(secret.utf8))) : nil, caFile: caFile,
            connectTimeout: .seconds(3), totalTimeout: .seconds(5), followRedirects: followRedirects, proxy: "")
    }

    @Test("payload and headers arrive exactly; the signature verifies with Python's hmac")
    func payloadAndSignature() async throws {
        let server = try HTTPTestServer(webhookSecret: Self.secret)
        defer { server.stop() }
        let transport = try WebhookTransport(endpoint: Self.endpoint(server.baseURL + "/hooks/deadline", signed: true))
        let outcome = await transport.send(
            WebhookRequest(id: "rem_5418_20201210", body: Self.body, timestampUnixSeconds: 1_607_562_000))
        await transport.shutdown()

        let receipt = try #require(outcome.receipt, "\(outcome)")
        #expect(receipt.response == "200 OK: {\"ok\":true}")
        #expect(receipt.statusCode == 200)
        #expect(receipt.host == "127.0.0.1:\(server.port)")
        let request = try #require(try server.requests().first)
        #expect(request.method == "POST")
        #expect(request.path == "/hooks/deadline")
        #expect(request.body == Self.body)
        #expect(request.header("content-type") == "application/json")
        #expect(request.header("webhook-id") == "rem_5418_20201210")
        #expect(request.header("webhook-timestamp") == "1607562000")
        let key = try WebhookSigningKey(parsing: Secret(Array(Self.secret.utf8)))
        #expect(
            request.header("webhook-signature")
                == key.signature(id: "rem_5418_20201210", timestamp: 1_607_562_000, body: Self.body))
        #expect(request.signatureValid == true)
        #expect(request.header("x-api-key") == "k-123456")
        #expect(request.header("user-agent") == "deadlined")
        #expect(request.header("expect") == nil)
        #expect(request.header("content-length") == "\(Self.body.count)")
    }

    @Test("500 then 200: temporary, then delivered, with the same webhook-id on both attempts")
    func retryThenSuccess() async throws {
        let server = try HTTPTestServer(
            responses: [.init(status: 500, body: "{\"error\":\"db down\"}"), .init(status: 200, body: "ok")],
            webhookSecret: Self.secret)
        defer { server.stop() }
        let transport = try WebhookTransport(endpoint: Self.endpoint(server.baseURL + "/h", signed: true))
        let request = WebhookRequest(id: "rem_1", body: Self.body)
        let first = await transport.send(request)
        let second = await transport.send(request)
        await transport.shutdown()
        guard case .temporaryFailure(let error, let retryAfter) = first else {
            Issue.record("expected temporary: \(first)")
            return
        }
        #expect(retryAfter == nil)
        #expect(error.kind == .httpStatus)
        #expect(
            error.description
                == "webhook 127.0.0.1:\(server.port): the server failed the request: 500 Internal Server Error: {\"error\":\"db down\"}"
        )
        #expect(second.receipt?.response == "200 OK: ok")
        let requests = try server.requests()
        #expect(requests.map { $0.header("webhook-id") } == ["rem_1", "rem_1"])
        #expect(requests.map(\.signatureValid) == [true, true])
    }

    @Test("429 with Retry-After: 2 is temporary and asks for 2 s")
    func rateLimited() async throws {
        let server = try HTTPTestServer(responses: [
            .init(status: 429, headers: ["Retry-After": "2"], body: "{\"ok\":false}")
        ])
        defer { server.stop() }
        let transport = try WebhookTransport(endpoint: Self.endpoint(server.baseURL + "/h"))
        let outcome = await transport.send(WebhookRequest(id: "r1", body: Self.body))
        await transport.shutdown()
        guard case .temporaryFailure(let error, let retryAfter) = outcome else {
            Issue.record("expected temporary: \(outcome)")
            return
        }
        #expect(retryAfter == .seconds(2))
        #expect(
            error.cause
                == "the server is rate-limiting requests: 429 Too Many Requests: {\"ok\":false} (the server asks to retry after 2 s)"
        )
    }

    @Test("301 is not followed by default: permanent, one request; followed when allowed, still a POST")
    func redirects() async throws {
        let server = try HTTPTestServer(responses: [
            .init(status: 301, headers: ["Location": "/moved/hook"]), .init(status: 200, body: "moved ok"),
        ])
        defer { server.stop() }
        let strict = try WebhookTransport(endpoint: Self.endpoint(server.baseURL + "/old"))
        let outcome = await strict.send(WebhookRequest(id: "r1", body: Self.body))
        await strict.shutdown()
        guard case .permanentFailure(let error) = outcome else {
            Issue.record("expected permanent: \(outcome)")
            return
        }
        #expect(error.kind == .redirectNotFollowed)
        #expect(
            error.cause
                == "the server redirects (301 Moved Permanently) to a relative address: update the URL to the new address, or set follow_redirects = true if the redirect is expected"
        )
        #expect(try server.requests().count == 1)

        let following = try HTTPTestServer(responses: [
            .init(status: 301, headers: ["Location": "/moved/hook"]), .init(status: 200, body: "moved ok"),
        ])
        defer { following.stop() }
        let lenient = try WebhookTransport(endpoint: Self.endpoint(following.baseURL + "/old", followRedirects: true))
        let followed = await lenient.send(WebhookRequest(id: "r1", body: Self.body))
        await lenient.shutdown()
        #expect(followed.receipt?.response == "200 OK: moved ok", "\(followed)")
        let requests = try following.requests()
        #expect(requests.map(\.path) == ["/old", "/moved/hook"])
        #expect(requests.map(\.method) == ["POST", "POST"])
        #expect(requests.last?.body == Self.body)
    }

    @Test("connection refused: temporary")
    func refused() async throws {
        let port = try HTTPTestServer.unusedPort()
        let transport = try WebhookTransport(endpoint: Self.endpoint("http://127.0.0.1:\(port)/h"))
        let outcome = await transport.send(WebhookRequest(id: "r1", body: Self.body))
        await transport.shutdown()
        #expect(outcome.isTemporaryFailure)
        #expect(outcome.error?.kind == .connectionFailed)
    }

    @Test("a slow server past the total timeout: temporary")
    func timeout() async throws {
        let server = try HTTPTestServer(responses: [.init(status: 200, delay: 3)])
        defer { server.stop() }
        var endpoint = try Self.endpoint(server.baseURL + "/h")
        endpoint.totalTimeout = .milliseconds(800)
        let transport = try WebhookTransport(endpoint: endpoint)
        let outcome = await transport.send(WebhookRequest(id: "r1", body: Self.body))
        await transport.shutdown()
        #expect(outcome.isTemporaryFailure)
        #expect(outcome.error?.kind == .timedOut)
    }

    @Test("cancelling the task aborts a running transfer promptly")
    func cancellation() async throws {
        let server = try HTTPTestServer(responses: [.init(status: 200, delay: 40)])
        defer { server.stop() }
        var endpoint = try Self.endpoint(server.baseURL + "/h")
        endpoint.totalTimeout = .seconds(60)
        let transport = try WebhookTransport(endpoint: endpoint)
        let task = Task { await transport.send(WebhookRequest(id: "r1", body: Self.body)) }
        try await Task.sleep(for: .milliseconds(500))
        let cancelled = ContinuousClock.now
        task.cancel()
        let outcome = await task.value
        await transport.shutdown()
        #expect(outcome.error?.kind == .cancelled, "\(outcome)")
        #expect(outcome.isTemporaryFailure)
        // libcurl polls the progress callback about once a second (a few seconds on a loaded CI machine); the server
        // would answer only after 40 s.
        #expect(ContinuousClock.now - cancelled < .seconds(20))
    }

    @Test("20 requests in a row share one connection")
    func keepAlive() async throws {
        let server = try HTTPTestServer()
        defer { server.stop() }
        let transport = try WebhookTransport(endpoint: Self.endpoint(server.baseURL + "/h"))
        var newConnections: [Int] = []
        for index in 0..<20 {
            let outcome = await transport.send(WebhookRequest(id: "r\(index)", body: Self.body))
            newConnections.append(outcome.receipt?.newConnections ?? -1)
        }
        await transport.shutdown()
        #expect(newConnections == [1] + Array(repeating: 0, count: 19))
        #expect(try server.connectionCount() == 1)
        #expect(try server.requests().count == 20)
    }

    @Test("with connections = 4, twenty concurrent requests use four kept-alive connections, never more at once")
    func parallelConnections() async throws {
        // Each answer takes a while, so that the requests overlap.
        let server = try HTTPTestServer(responses: [.init(status: 200, body: "{}", delay: 0.05)])
        defer { server.stop() }
        let transport = try WebhookTransport(endpoint: Self.endpoint(server.baseURL + "/h"), connections: 4)
        let outcomes = await withTaskGroup(of: DeliveryOutcome.self) { group in
            for index in 0..<20 {
                group.addTask { await transport.send(WebhookRequest(id: "r\(index)", body: Self.body)) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        await transport.shutdown()
        #expect(outcomes.allSatisfy { $0.receipt != nil }, "\(outcomes)")
        #expect(try server.connectionCount() == 4)
        #expect(try server.maximumOpenConnections() == 4)
        let ids = try server.requests().compactMap { $0.header("webhook-id") }
        #expect(Set(ids) == Set((0..<20).map { "r\($0)" }) && ids.count == 20)
    }

    @Test("HTTPS: delivered with the private CA, permanent without it")
    func https() async throws {
        let certificates = try TestCertificates.shared()
        let server = try HTTPTestServer(tls: true)
        defer { server.stop() }
        let trusted = try WebhookTransport(
            endpoint: Self.endpoint(server.baseURL + "/h", caFile: certificates.caCertificate))
        let delivered = await trusted.send(WebhookRequest(id: "r1", body: Self.body))
        await trusted.shutdown()
        #expect(delivered.receipt?.response == "200 OK: {\"ok\":true}", "\(delivered)")

        let untrusted = try WebhookTransport(endpoint: Self.endpoint(server.baseURL + "/h"))
        let refused = await untrusted.send(WebhookRequest(id: "r2", body: Self.body))
        await untrusted.shutdown()
        guard case .permanentFailure(let error) = refused else {
            Issue.record("expected permanent: \(refused)")
            return
        }
        #expect(error.kind == .certificateRejected)
        #expect(error.cause.hasSuffix("): add its CA with ca_file"))
        #expect(try server.requests().count == 1)
    }

    @Test("a Telegram-style token in the URL never appears in errors")
    func telegramTokenRedacted() async throws {
        let token = "123456789:AAHk-Sup3rSecret_tokenValue"
        let server = try HTTPTestServer(responses: [
            .init(
                status: 401,
                body: "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized /bot\(token)/sendMessage\"}")
        ])
        defer { server.stop() }
        let transport = try WebhookTransport(endpoint: Self.endpoint(server.baseURL + "/bot\(token)/sendMessage"))
        let outcome = await transport.send(WebhookRequest(id: "r1", body: Self.body))
        await transport.shutdown()
        guard case .permanentFailure(let error) = outcome else {
            Issue.record("expected permanent: \(outcome)")
            return
        }
        #expect(error.host == "127.0.0.1:\(server.port)")
        #expect(!"\(outcome)".contains("Sup3rSecret"))
        #expect(!"\(outcome)".contains("123456789"))
        #expect(error.cause.contains("[redacted]"))
        #expect(try server.requests().first?.path == "/bot\(token)/sendMessage")

        let port = try HTTPTestServer.unusedPort()
        let down = try WebhookTransport(endpoint: Self.endpoint("http://127.0.0.1:\(port)/bot\(token)/sendMessage"))
        let refused = await down.send(WebhookRequest(id: "r1", body: Self.body))
        await down.shutdown()
        #expect(refused.isTemporaryFailure)
        #expect(!"\(refused)".contains("Sup3rSecret") && !"\(refused)".contains("123456789"))
    }
}

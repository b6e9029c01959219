import Testing

@testable import DeadlineDelivery

@Suite("Webhook signing, URLs and Retry-After")
struct WebhookUnitTests {
    @Test("Standard Webhooks' published test vector")
    func specVector() throws {
        // From the standard-webhooks reference libraries' signing test.
        let key = try WebhookSigningKey(standardSecret: Secret(Array("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw".utf8)))
        let signature = key.signature(
            id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestamp: 1_614_265_330, body: Array(#"{"test": 2432232314}"#.utf8))
        #expect(signature == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
    }

    @Test("whsec_ secrets are base64-decoded, others are used raw")
    func secretForms() throws {
        let standard = try WebhookSigningKey(parsing: Secret(Array("whsec_c2VjcmV0".utf8)))  // base64("secret")
        let raw = try WebhookSigningKey(parsing: Secret(Array("secret".utf8)))
        #expect(standard == raw)
        #expect(throws: DeliveryConfigurationError.self) {
            try WebhookSigningKey(parsing: Secret(Array("whsec_!!".utf8)))
        }
        #expect(throws: DeliveryConfigurationError.self) { try WebhookSigningKey(parsing: Secret([])) }
        #expect("\(raw)" == "[redacted]" && String(reflecting: raw) == "[redacted]")
    }

    @Test("Secret never prints its bytes and drops one trailing newline from a file")
    func secrets() {
        let secret = Secret(fileContents: Array("hunter2\r\n".utf8))
        #expect(secret.bytes == Array("hunter2".utf8))
        #expect("\(secret)" == "[redacted]")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("hunter2") && !dumped.contains("104"))
    }

    @Test("a Telegram URL: only host:port is shown, the token is a secret")
    func telegramURL() throws {
        let url = try WebhookURL("https://api.telegram.org/bot123456789:AAHk-secret_TOKEN/sendMessage?chat_id=-100123")
        #expect(url.hostAndPort == "api.telegram.org:443")
        #expect(url.secrets.contains("123456789:AAHk-secret_TOKEN"))
        let redactor = SecretRedactor(url.secrets)
        // The whole path segment is a secret too (long, with digits), and the longest match wins.
        #expect(redactor.redact("error at /bot123456789:AAHk-secret_TOKEN/x") == "error at /[redacted]/x")
        #expect(redactor.redact("token 123456789:AAHk-secret_TOKEN") == "token [redacted]")
    }

    @Test(
        "URL validation",
        arguments: [
            "ftp://x/y", "https://", "https://host:99999/", "https://host/a b", "https://host/#frag", "https://hà.vn/",
        ])
    func badURLs(text: String) {
        #expect(throws: DeliveryConfigurationError.self) { try WebhookURL(text) }
    }

    @Test(
        "URL parts",
        arguments: [
            ("http://127.0.0.1:8080/hook", "127.0.0.1:8080"),
            ("https://user:pw@example.org/x", "example.org:443"),
            ("https://[::1]:8443/x", "[::1]:8443"),
            ("http://example.org", "example.org:80"),
        ])
    func urlParts(text: String, hostAndPort: String) throws {
        #expect(try WebhookURL(text).hostAndPort == hostAndPort)
    }

    @Test("redirect targets are shown without path or query")
    func origins() {
        #expect(WebhookURL.origin(of: "https://new.example.org/bot1:SECRET/send") == "https://new.example.org/…")
        #expect(WebhookURL.origin(of: "https://u:p@new.example.org:8443") == "https://new.example.org:8443")
        #expect(WebhookURL.origin(of: "/relative") == "a relative address")
    }

    @Test(
        "Retry-After: delta-seconds and the three HTTP-date forms",
        arguments: [
            ("120", 120), ("  7 ", 7), ("0", 0),
            ("Sun, 06 Nov 1994 08:49:37 GMT", 30), ("Sunday, 06-Nov-94 08:49:37 GMT", 30),
            ("Sun Nov  6 08:49:37 1994", 30),
            ("Sun, 06 Nov 1994 08:48:00 GMT", 0),
        ] as [(String, Int64)])
    func retryAfter(value: String, seconds: Int64) {
        // "now" is 1994-11-06 08:49:07 UTC.
        #expect(RetryAfter.parse(value, nowUnixSeconds: 784_111_747) == .seconds(seconds))
    }

    @Test("Retry-After garbage is ignored", arguments: ["soon", "-5", "1.5", "Sun, 32 Nov 1994 08:49:37 GMT", ""])
    func retryAfterGarbage(value: String) {
        #expect(RetryAfter.parse(value, nowUnixSeconds: 0) == nil)
    }

    @Test("static headers are validated")
    func headers() throws {
        #expect(throws: DeliveryConfigurationError.self) {
            try WebhookEndpoint(url: "https://x/", headers: [HTTPHeader("X-Api-Key", "a\r\nInjected: 1")])
                .staticHeaderLines()
        }
        #expect(throws: DeliveryConfigurationError.self) {
            try WebhookEndpoint(url: "https://x/", headers: [HTTPHeader("Bad Name", "v")]).staticHeaderLines()
        }
        #expect(throws: DeliveryConfigurationError.self) {
            try WebhookEndpoint(url: "https://x/", headers: [HTTPHeader("webhook-id", "v")]).staticHeaderLines()
        }
        #expect(
            try WebhookEndpoint(url: "https://x/", headers: [HTTPHeader("X-Api-Key", "k")]).staticHeaderLines()
                == ["Content-Type: application/json", "Expect:", "X-Api-Key: k"])
    }

    @Test("webhook ids must not contain '.', spaces or commas", arguments: ["a.b", "a b", "a,b", ""])
    func webhookIDs(id: String) {
        #expect(throws: DeliveryConfigurationError.self) { try WebhookRequest(id: id, body: []).validate() }
    }
}

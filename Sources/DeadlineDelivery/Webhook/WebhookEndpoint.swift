import DeadlineKit

/// One extra request header, e.g. `Authorization: Bearer …` or `X-Api-Key: …`.
package struct HTTPHeader: Sendable, Equatable {
    /// The field name, an RFC 9110 token.
    package var name: String
    /// The value, one line. Values are treated as secrets: never shown in errors.
    package var value: String

    /// Creates a header.
    package init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// Where and how to POST webhooks. Independent of the configuration file's format: the caller maps its keys here.
package struct WebhookEndpoint: Sendable, Equatable {
    /// `https://…` (or `http://` on a trusted network). May hold a token (Telegram's `…/bot<TOKEN>/sendMessage`):
    /// errors show only its host and port.
    package var url: String
    /// `Content-Type` of the body. Default `application/json`.
    package var contentType: String
    /// Static extra headers sent with every request.
    package var headers: [HTTPHeader]
    /// Standard Webhooks signing key; `nil` sends no `webhook-signature` (`webhook-id` and `webhook-timestamp`
    /// are always sent).
    package var signingKey: WebhookSigningKey?
    /// A PEM file with a private CA to trust in addition to the system's (the system bundle plus this file, as `CURLOPT_CAINFO_BLOB`).
    package var caFile: String?
    /// How long to wait for the TCP (and TLS) connection. Default 10 s.
    package var connectTimeout: Duration
    /// How long one request may take in all. Default 30 s.
    package var totalTimeout: Duration
    /// Follow 301/302/303/307/308 (at most 5, never from https to http, keeping POST). Default off: a redirect is
    /// a permanent failure naming the new address, because a moved endpoint deserves a config change.
    package var followRedirects: Bool
    /// `nil`: libcurl's default, the `https_proxy`/`http_proxy`/`no_proxy` environment variables. `""`: no proxy
    /// whatever the environment says. Otherwise a proxy URL.
    package var proxy: String?
    /// The name errors and receipts use for this channel. Default `webhook`.
    package var channelName: String

    /// Creates an endpoint with the defaults above.
    package init(
        url: String, contentType: String = "application/json", headers: [HTTPHeader] = [],
        signingKey: WebhookSigningKey? = nil, caFile: String? = nil, connectTimeout: Duration = .seconds(10),
        totalTimeout: Duration = .seconds(30), followRedirects: Bool = false, proxy: String? = nil,
        channelName: String = "webhook"
    ) {
        self.url = url
        self.contentType = contentType
        self.headers = headers
        self.signingKey = signingKey
        self.caFile = caFile
        self.connectTimeout = connectTimeout
        self.totalTimeout = totalTimeout
        self.followRedirects = followRedirects
        self.proxy = proxy
        self.channelName = channelName
    }

    /// The header lines every request carries besides the per-request `webhook-*` ones. Throws for a name that
    /// is not a token, a value with CR/LF, or a header the transport sets itself.
    func staticHeaderLines() throws(DeliveryConfigurationError) -> [String] {
        var lines = ["Content-Type: \(contentType)", "Expect:"]
        guard Self.isValidValue(contentType), !contentType.isEmpty else {
            throw DeliveryConfigurationError(setting: "content_type", problem: "must be one line of printable text")
        }
        for header in headers {
            guard !header.name.isEmpty, header.name.utf8.allSatisfy(Self.isTokenByte) else {
                throw DeliveryConfigurationError(
                    setting: "headers", problem: "'\(header.name)' is not a valid header name")
            }
            guard !HeaderLines.isReserved(header.name) else {
                throw DeliveryConfigurationError(
                    setting: "headers", problem: "'\(header.name)' is set by deadlined itself")
            }
            guard Self.isValidValue(header.value) else {
                throw DeliveryConfigurationError(
                    setting: "headers",
                    problem: "the value of '\(header.name)' contains a line break or control character")
            }
            lines.append("\(header.name): \(header.value)")
        }
        return lines
    }

    static func isValidValue(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy { ($0.value >= 0x20 && $0.value != 0x7F) || $0 == "\t" }
    }

    static func isTokenByte(_ byte: UInt8) -> Bool {
        EmailAddress.isAlphanumeric(byte) || Set("!#$%&'*+-.^_`|~".utf8).contains(byte)
    }
}

/// One webhook to POST.
package struct WebhookRequest: Sendable, Equatable {
    /// `webhook-id`: the caller's stable idempotency id, the same on every retry of the same reminder, so the
    /// receiver can drop duplicates. Printable ASCII without spaces, `,` or `.` (the spec forbids `.`), at most
    /// 256 characters.
    package var id: String
    /// The body, e.g. UTF-8 JSON, sent and signed byte for byte.
    package var body: [UInt8]
    /// `webhook-timestamp`: Unix seconds of this attempt; `nil` takes the clock when the request is sent.
    package var timestampUnixSeconds: Int64?

    /// Creates a request.
    package init(id: String, body: [UInt8], timestampUnixSeconds: Int64? = nil) {
        self.id = id
        self.body = body
        self.timestampUnixSeconds = timestampUnixSeconds
    }

    func validate() throws(DeliveryConfigurationError) {
        guard (1...256).contains(id.utf8.count),
            id.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ".") && $0 != UInt8(ascii: ",") })
        else {
            throw DeliveryConfigurationError(
                setting: "webhook-id",
                problem: "'\(id)' must be 1–256 printable ASCII characters without spaces, ',' or '.'")
        }
    }
}

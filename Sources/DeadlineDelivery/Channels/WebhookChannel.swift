import Crypto
package import DeadlineKit

/// A webhook: one HTTP POST per reminder, in deadlined's JSON or in a chat service's own shape.
package final class WebhookChannel: Channel {
    package let name: String
    package var kind: ChannelKind { .webhook }
    package var templateParts: Set<TemplatePart> {
        switch settings.format {
        case .json: [.subject, .text]
        case .slack, .teams, .telegram: [.subject, .chat]
        }
    }
    let settings: WebhookSettings
    let transport: WebhookTransport

    package init(_ settings: WebhookSettings) throws(DeliveryConfigurationError) {
        name = settings.name
        self.settings = settings
        var url = settings.url
        if settings.format == .telegram {
            guard let tokenFile = settings.tokenFile else {
                throw DeliveryConfigurationError(
                    setting: "token_file", problem: "format = \"telegram\" needs token_file")
            }
            let token = try readSecret(tokenFile, setting: "token_file")
            var base = url
            while base.hasSuffix("/") { base.removeLast() }
            url = "\(base)/bot\(String(decoding: token.bytes, as: UTF8.self))/sendMessage"
        }
        let signingKey = try settings.secretFile.map { file throws(DeliveryConfigurationError) in
            try WebhookSigningKey(parsing: try readSecret(file, setting: "secret_file"))
        }
        var headers = settings.headers.sorted { $0.key < $1.key }.map { HTTPHeader($0.key, $0.value) }
        if let file = settings.headersFile { headers += try Self.secretHeaders(file) }
        let endpoint = WebhookEndpoint(
            url: url, headers: headers,
            signingKey: signingKey, caFile: settings.caFile, connectTimeout: .seconds(settings.connectTimeoutSeconds),
            totalTimeout: .seconds(settings.timeoutSeconds), followRedirects: settings.followRedirects,
            channelName: name)
        transport = try WebhookTransport(endpoint: endpoint, connections: settings.connections)
    }

    /// The headers of a `headers_file` (``HeaderLines``), read as a secret file; a problem names the line, never a
    /// value.
    static func secretHeaders(_ path: String) throws(DeliveryConfigurationError) -> [HTTPHeader] {
        let bytes = try readSecretBytes(path, setting: "headers_file", trimmed: false)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw DeliveryConfigurationError(setting: "headers_file", problem: "'\(path)' is not UTF-8 text")
        }
        let (headers, problems) = HeaderLines.parse(text)
        if let problem = problems.first {
            throw DeliveryConfigurationError(setting: "headers_file", problem: "\(path):\(problem)")
        }
        return headers.map { HTTPHeader($0.name, $0.value) }
    }

    package func deliver(_ reminder: OutgoingReminder) async -> DeliveryOutcome {
        let id = WebhookPayload.webhookID(for: reminder.facts.key)
        let body = WebhookPayload.body(for: reminder, format: settings.format, chatID: settings.chatID, id: id)
        // `webhook-timestamp` is the real clock's, even when --pretend-now shifts the daemon's: receivers compare it
        // with theirs (Standard Webhooks verifiers allow five minutes) to refuse replays.
        let request = WebhookRequest(id: id, body: Array(body.utf8))
        return await transport.send(request)
    }

    package func shutdown() async {
        await transport.shutdown()
    }
}

/// The request bodies, one per ``WebhookFormat``.
///
/// `json` is deadlined's own payload, version 1 (documented in docs/webhook.md and deadlined-webhook(7)):
/// `{"version":1,"type":"deadline.reminder","idempotency_key":"msg_…","key":"…","kind":"before","rule":"7d",
/// "attempt":1,"send_at":"…","sent_at":"…","language":"vi","deadline":{…},"unit":{…},"recipients":[…],"message":{…}}`.
package enum WebhookPayload {
    /// The Standard Webhooks `webhook-id` (and the payload's `idempotency_key`): `msg_` and 32 hex digits of
    /// SHA-256 of the reminder's ledger key, so it is the same on every retry and contains no `.`.
    package static func webhookID(for key: String) -> String {
        let digest = SHA256.hash(data: Array(key.utf8))
        let digits = Array("0123456789abcdef".utf8)
        var text = Array("msg_".utf8)
        text.reserveCapacity(36)
        for byte in digest.prefix(16) {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 15)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// - Parameter id: the reminder's ``webhookID(for:)``, when the caller has it already.
    package static func body(
        for reminder: OutgoingReminder, format: WebhookFormat, chatID: String?, id: String? = nil
    ) -> String {
        let m = reminder.message
        switch format {
        case .json:
            return json(reminder, id: id).rendered(pretty: false)
        case .slack:
            return JSONValue.object([("text", .string(m.chat))]).rendered(pretty: false)
        case .teams:
            let card: JSONValue = .object([
                ("$schema", "http://adaptivecards.io/schemas/adaptive-card.json"),
                ("type", "AdaptiveCard"),
                ("version", "1.4"),
                (
                    "body",
                    [
                        .object([
                            ("type", "TextBlock"), ("text", .string(m.subject)), ("weight", "Bolder"),
                            ("size", "Medium"), ("wrap", true),
                        ]),
                        .object([("type", "TextBlock"), ("text", .string(m.chat)), ("wrap", true)]),
                    ]
                ),
            ])
            return JSONValue.object([
                ("type", "message"),
                (
                    "attachments",
                    [
                        .object([
                            ("contentType", "application/vnd.microsoft.card.adaptive"), ("contentUrl", .null),
                            ("content", card),
                        ])
                    ]
                ),
            ]).rendered(pretty: false)
        case .telegram:
            return JSONValue.object([
                ("chat_id", .string(chatID ?? "")), ("text", .string(m.chat)), ("disable_web_page_preview", true),
            ]).rendered(pretty: false)
        }
    }

    static func json(_ reminder: OutgoingReminder, id: String? = nil) -> JSONValue {
        let f = reminder.facts
        if f.isDigest { return digestJSON(reminder, id: id) }
        return .object([
            ("version", 1),
            ("type", .string(f.isTest ? "deadline.test" : "deadline.reminder")),
            ("idempotency_key", .string(id ?? webhookID(for: f.key))),
            ("key", .string(f.key)),
            ("kind", .string(f.kind.rawValue)),
            ("rule", .string(f.rule)),
            ("attempt", .integer(Int64(reminder.attempt))),
            ("send_at", .string(f.zone.iso8601(f.sendAt))),
            ("sent_at", .string(f.zone.iso8601(reminder.now))),
            ("language", .string(f.language.rawValue)),
            (
                "deadline",
                .object([
                    ("id", .string(f.deadlineID)), ("task", .string(f.task)),
                    ("document_ref", .optional(f.documentRef)),
                    ("document_title", .optional(f.documentTitle)), ("occurrence", .string(f.occurrence.iso)),
                    ("due", .string(f.zone.iso8601(f.due))),
                ])
            ),
            ("unit", .object([("id", .string(f.unitID)), ("name", .string(f.unitName))])),
            ("recipients", .array(f.recipients.map { .string($0.address) })),
            ("confirm_url", .optional(f.confirmURL)),
            (
                "message",
                .object([("subject", .string(reminder.message.subject)), ("text", .string(reminder.message.text))])
            ),
        ])
    }

    /// A unit's digest: `{"version":1,"type":"deadline.digest",...,"unit":{…},"items":[{"deadline_id":…,"task":…,
    /// "document_ref":…,"occurrence":…,"due":…,"overdue":false},…],"message":{…}}`.
    static func digestJSON(_ reminder: OutgoingReminder, id: String? = nil) -> JSONValue {
        let f = reminder.facts
        return .object([
            ("version", 1),
            ("type", .string(f.isTest ? "deadline.test" : "deadline.digest")),
            ("idempotency_key", .string(id ?? webhookID(for: f.key))),
            ("key", .string(f.key)),
            ("kind", .string(f.kind.rawValue)),
            ("attempt", .integer(Int64(reminder.attempt))),
            ("send_at", .string(f.zone.iso8601(f.sendAt))),
            ("sent_at", .string(f.zone.iso8601(reminder.now))),
            ("language", .string(f.language.rawValue)),
            ("day", .string(f.occurrence.iso)),
            ("unit", .object([("id", .string(f.unitID)), ("name", .string(f.unitName))])),
            (
                "items",
                .array(
                    f.items.map { item in
                        .object([
                            ("deadline_id", .string(item.deadlineID)), ("task", .string(item.task)),
                            ("document_ref", .optional(item.documentRef)),
                            ("occurrence", .string(item.occurrence.iso)), ("due", .string(f.zone.iso8601(item.due))),
                            ("overdue", .bool(item.due < f.sendAt)),
                        ])
                    })
            ),
            ("recipients", .array(f.recipients.map { .string($0.address) })),
            (
                "message",
                .object([("subject", .string(reminder.message.subject)), ("text", .string(reminder.message.text))])
            ),
        ])
    }
}

/// A channel's delivery settings as the admin configured them: plain data, produced by `DeadlineConfig`
/// and consumed by `DeadlineDelivery`. Secrets appear only as file paths, never as values.
package enum ChannelSettings: Sendable, Hashable {
    case smtp(SMTPSettings)
    case webhook(WebhookSettings)
    case outbox(OutboxSettings)

    /// How many connections an `smtp` or `webhook` channel may open at once (its `connections` key).
    package static let connectionLimits = 1...16

    /// How many reminders of this channel may be sent at once: `connections` for SMTP and webhooks, 1 for the
    /// outbox (its files are written one at a time).
    package var connections: Int {
        switch self {
        case .smtp(let s): s.connections
        case .webhook(let s): s.connections
        case .outbox: 1
        }
    }

    package var name: String {
        switch self {
        case .smtp(let s): s.name
        case .webhook(let s): s.name
        case .outbox(let s): s.name
        }
    }

    package var kind: ChannelKind {
        switch self {
        case .smtp: .smtp
        case .webhook: .webhook
        case .outbox: .outbox
        }
    }

    /// The language the channel's messages are written in, when it sets one (else the daemon's).
    package var language: Language? {
        switch self {
        case .smtp(let s): s.language
        case .webhook(let s): s.language
        case .outbox(let s): s.language
        }
    }

    /// The longest one delivery may take: connecting plus the whole transfer (seconds; the outbox writes a file).
    /// Bounds the lease a daemon holds on a reminder it is sending. `check` bounds each timeout to 10 minutes; they
    /// are clamped here too, so that no value can overflow the lease.
    package var sendTimeoutSeconds: Int {
        func clamped(_ seconds: Int) -> Int { min(max(seconds, 0), 3600) }
        switch self {
        case .smtp(let s): return clamped(s.connectTimeoutSeconds) + clamped(s.timeoutSeconds)
        case .webhook(let s): return clamped(s.connectTimeoutSeconds) + clamped(s.timeoutSeconds)
        case .outbox: return 30
        }
    }
}

/// How strictly an `smtp://` connection must be upgraded with STARTTLS.
package enum StartTLSPolicy: String, Sendable, Hashable, CaseIterable {
    /// STARTTLS or fail (libcurl's `CURLUSESSL_ALL`): the default. A server that does not offer it is a
    /// permanent failure.
    case required
    /// STARTTLS when the server offers it, plain text otherwise (`CURLUSESSL_TRY`). Only for a network path
    /// that is trusted end to end: an attacker on the path can strip the offer.
    case opportunistic
    /// Never STARTTLS (`CURLUSESSL_NONE`): for a relay on the same host or a test server (the config allows it
    /// elsewhere only with `allow_plaintext = true`).
    case off
}

package struct SMTPSettings: Sendable, Hashable {
    package var name: String
    /// `smtp://host:port` or `smtps://host:port`.
    package var url: String
    package var startTLS: StartTLSPolicy
    package var from: Mailbox
    package var replyTo: Mailbox?
    package var username: String?
    package var passwordFile: String?
    package var caFile: String?
    package var connectTimeoutSeconds: Int
    package var timeoutSeconds: Int
    package var onePerRecipient: Bool
    package var attachICS: Bool
    package var language: Language?
    /// Connections to the server at once, each sending one message at a time (1 sends strictly in turn).
    package var connections: Int

    /// Mail servers often limit how many connections one client may hold open; two stays well below that.
    package static let defaultConnections = 2

    package init(
        name: String, url: String, startTLS: StartTLSPolicy = .required, from: Mailbox, replyTo: Mailbox? = nil,
        username: String? = nil, passwordFile: String? = nil, caFile: String? = nil, connectTimeoutSeconds: Int = 10,
        timeoutSeconds: Int = 60, onePerRecipient: Bool = false, attachICS: Bool = false, language: Language? = nil,
        connections: Int = SMTPSettings.defaultConnections
    ) {
        self.name = name
        self.url = url
        self.startTLS = startTLS
        self.from = from
        self.replyTo = replyTo
        self.username = username
        self.passwordFile = passwordFile
        self.caFile = caFile
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.timeoutSeconds = timeoutSeconds
        self.onePerRecipient = onePerRecipient
        self.attachICS = attachICS
        self.language = language
        self.connections = connections
    }
}

/// The shape of a webhook's request body.
package enum WebhookFormat: String, Sendable, Hashable, CaseIterable {
    /// deadlined's own versioned JSON payload.
    case json
    /// Slack incoming webhooks; also Mattermost and Rocket.Chat.
    case slack
    /// Microsoft Teams incoming webhooks.
    case teams
    /// Telegram Bot API `sendMessage`.
    case telegram
}

package struct WebhookSettings: Sendable, Hashable {
    package var name: String
    package var url: String
    package var format: WebhookFormat
    /// Standard Webhooks signing secret (`whsec_...`), read from this file.
    package var secretFile: String?
    /// Telegram: the bot token, read from this file (it is part of the URL, never logged).
    package var tokenFile: String?
    /// Telegram: the chat to post to.
    package var chatID: String?
    /// Extra static request headers.
    package var headers: [String: String]
    /// A file of secret headers (`Authorization: Bearer …`), one `Name: value` per line (``HeaderLines``), read when
    /// the channel is set up.
    package var headersFile: String?
    package var connectTimeoutSeconds: Int
    package var timeoutSeconds: Int
    package var followRedirects: Bool
    package var language: Language?
    /// A private CA certificate (PEM) trusted besides the system's, for an office's own HTTPS servers.
    package var caFile: String?
    /// Connections to the endpoint at once, each carrying one request at a time (1 sends strictly in turn).
    package var connections: Int

    package static let defaultConnections = 4

    package init(
        name: String, url: String, format: WebhookFormat = .json, secretFile: String? = nil, tokenFile: String? = nil,
        chatID: String? = nil, headers: [String: String] = [:], connectTimeoutSeconds: Int = 10,
        timeoutSeconds: Int = 30, followRedirects: Bool = false, language: Language? = nil,
        connections: Int = WebhookSettings.defaultConnections
    ) {
        self.name = name
        self.url = url
        self.format = format
        self.secretFile = secretFile
        self.tokenFile = tokenFile
        self.chatID = chatID
        self.headers = headers
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.timeoutSeconds = timeoutSeconds
        self.followRedirects = followRedirects
        self.language = language
        self.connections = connections
    }
}

package struct OutboxSettings: Sendable, Hashable {
    package var name: String
    /// Where message files are written (absolute, resolved by the config layer).
    package var directory: String
    package var language: Language?
    /// The From of the messages; nil: the organization's name (`[daemon] organization`) at a local address.
    package var from: Mailbox?

    package init(name: String, directory: String, language: Language? = nil) {
        self.name = name
        self.directory = directory
        self.language = language
    }
}

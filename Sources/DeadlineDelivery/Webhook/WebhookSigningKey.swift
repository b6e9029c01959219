import Crypto

/// A Standard Webhooks symmetric signing key (https://www.standardwebhooks.com, spec 1.0.0).
///
/// Each request carries `webhook-id` (the caller's idempotency id, the same on every retry),
/// `webhook-timestamp` (Unix seconds of this attempt) and
/// `webhook-signature: v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<body>")>`.
///
/// Keys come in two forms:
/// - the spec's serialisation `whsec_<base64>`: the key is the base64-decoded bytes (the spec recommends 24 to
///   64 random bytes);
/// - a raw secret (anything without the `whsec_` prefix): the key is the secret's bytes as they are. Use this
///   for receivers that document "HMAC with this string". Note that some Standard Webhooks libraries instead
///   base64-decode an unprefixed secret: give those receivers the `whsec_` form.
package struct WebhookSigningKey: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    private let key: [UInt8]

    /// The `whsec_` prefix of the spec's serialised secrets.
    package static let standardPrefix = "whsec_"

    /// A key from a `whsec_<base64>` secret. Throws (without quoting it) if the prefix is missing or the rest is
    /// not base64.
    package init(standardSecret: Secret) throws(DeliveryConfigurationError) {
        let text = String(decoding: standardSecret.bytes, as: UTF8.self)
        guard text.hasPrefix(Self.standardPrefix) else {
            throw DeliveryConfigurationError(setting: "secret", problem: "a standard secret starts with 'whsec_'")
        }
        guard let key = Base64.decode(String(text.dropFirst(Self.standardPrefix.count))), !key.isEmpty else {
            throw DeliveryConfigurationError(
                setting: "secret", problem: "the part after 'whsec_' is not valid base64")
        }
        self.key = key
    }

    /// A key that is the secret's bytes as they are. Throws if empty.
    package init(rawSecret: Secret) throws(DeliveryConfigurationError) {
        guard !rawSecret.bytes.isEmpty else {
            throw DeliveryConfigurationError(setting: "secret", problem: "the secret is empty")
        }
        self.key = rawSecret.bytes
    }

    /// `whsec_…` as a standard secret, anything else as a raw one.
    package init(parsing secret: Secret) throws(DeliveryConfigurationError) {
        if secret.bytes.starts(with: Array(Self.standardPrefix.utf8)) {
            try self.init(standardSecret: secret)
        } else {
            try self.init(rawSecret: secret)
        }
    }

    /// The `webhook-signature` header value: `v1,<base64 HMAC-SHA256>` over `id.timestamp.body`.
    package func signature(id: String, timestamp: Int64, body: [UInt8]) -> String {
        var message = Array("\(id).\(timestamp).".utf8)
        message += body
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
        return "v1," + Base64.encode(Array(mac))
    }

    /// Always `[redacted]`: printing a key never shows it.
    package var description: String { "[redacted]" }
    /// Always `[redacted]`.
    package var debugDescription: String { "[redacted]" }
    /// No children, so `dump` shows nothing of the key.
    package var customMirror: Mirror { Mirror(self, children: [:]) }
}

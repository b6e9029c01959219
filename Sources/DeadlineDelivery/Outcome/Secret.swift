/// Bytes that must never be printed: a password, a token, a signing key.
///
/// `description`, `debugDescription` and string interpolation all show `[redacted]`. The caller reads the value,
/// typically from a file named in the configuration (`password_file`), and hands the bytes over; transports pass
/// them to libcurl and add them to the redactor that scrubs every error text.
package struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret's bytes. Read them only to hand them to the library that needs them.
    package let bytes: [UInt8]

    /// Wraps the bytes as they are.
    package init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Wraps the contents of a secret file, dropping one trailing line break (`\n` or `\r\n`), as editors add one.
    package init(fileContents: [UInt8]) {
        var bytes = fileContents
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        self.bytes = bytes
    }

    /// Always `[redacted]`.
    package var description: String { "[redacted]" }
    /// Always `[redacted]`.
    package var debugDescription: String { "[redacted]" }
    /// No children, so `dump` and debuggers show nothing of the bytes.
    package var customMirror: Mirror { Mirror(self, children: [:]) }

    /// The bytes as UTF-8 text, if they are valid UTF-8 and contain no NUL (libcurl takes C strings).
    var cString: String? {
        guard !bytes.contains(0) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }
}

/// Replaces every occurrence of known secret strings in a text with `[redacted]`.
///
/// Used on everything that reaches a ``DeliveryError``: libcurl's error buffer, server replies, `Location`
/// headers, response excerpts.
struct SecretRedactor: Sendable {
    private var secrets: [String] = []

    init(_ secrets: [String] = []) {
        for secret in secrets { add(secret) }
    }

    /// Adds a secret; empty strings are ignored.
    mutating func add(_ secret: String) {
        guard !secret.isEmpty, !secrets.contains(secret) else { return }
        secrets.append(secret)
        // Longest first, so a secret that contains another is replaced whole.
        secrets.sort { $0.utf8.count > $1.utf8.count }
    }

    /// The text with every secret replaced by `[redacted]`.
    func redact(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacing(secret, with: "[redacted]")
        }
        return result
    }
}

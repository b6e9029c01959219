/// An email address with an optional display name: `Sở Kế hoạch và Đầu tư <vanthu@khdt.hanoi.gov.vn>`.
package struct Mailbox: Hashable, Sendable, CustomStringConvertible {
    package let displayName: String?
    package let address: String

    package init(displayName: String?, address: String) {
        self.displayName = displayName
        self.address = address
    }

    /// Parses `Name <addr@host>` or a bare `addr@host`; returns a message saying what is wrong otherwise.
    package static func parse(_ text: String) -> Result<Mailbox, MailboxError> {
        let trimmed = text.trimmingSpaces
        if trimmed.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" }) {
            return .failure(MailboxError("an address cannot contain a line break", "lineBreak"))
        }
        var name: String?
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var display = trimmed[..<open].trimmingSpaces
            if display.hasPrefix("\""), display.hasSuffix("\""), display.count >= 2 {
                display = String(display.dropFirst().dropLast())
            }
            name = display.isEmpty ? nil : display
        }
        address = address.trimmingSpaces
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            return .failure(
                MailboxError(
                    "'\(address)' is not an email address (expected name@domain)", "notAddress", ["address": address]))
        }
        guard address.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" })
        else {
            return .failure(
                MailboxError(
                    "'\(address)' has spaces or characters not allowed in an email address", "badCharacters",
                    ["address": address]))
        }
        guard parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else {
            return .failure(
                MailboxError(
                    "'\(address)': the domain '\(parts[1])' is not a full domain name", "partialDomain",
                    ["address": address, "domain": String(parts[1])]))
        }
        return .success(Mailbox(displayName: name, address: address))
    }

    /// `Name <addr>` or `addr`.
    package var description: String {
        if let displayName { return "\(displayName) <\(address)>" }
        return address
    }

    /// The part after `@`.
    package var domain: String {
        String(address[address.index(after: address.lastIndex(of: "@")!)...])
    }
}

/// Why a text is not a usable email address.
///
/// ``phrase`` names its entry of `deadlinectl`'s catalog (`mailbox.…`); ``description`` is the English.
package struct MailboxError: Error, Sendable, CustomStringConvertible {
    package let phrase: Phrase
    package var description: String { phrase.english }
    init(_ english: String, _ id: String, _ arguments: [String: String] = [:]) {
        phrase = Phrase(english, "mailbox." + id, arguments)
    }
}

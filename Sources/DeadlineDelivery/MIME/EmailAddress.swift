/// A message could not be rendered: a field holds something a mail header or body cannot carry.
package struct MessageFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field at fault, e.g. `From`, `Subject`, `X-Deadlined-Key`.
    package var field: String
    /// What is wrong and how to fix it.
    package var problem: String

    /// Creates an error.
    package init(field: String, problem: String) {
        self.field = field
        self.problem = problem
    }

    /// `field: problem`.
    package var description: String { "\(field): \(problem)" }
}

/// A mailbox: an optional display name and an ASCII address, `Văn phòng UBND Thành phố <nhacviec@hanoi.gov.vn>`.
///
/// The display name may be any Unicode text without control characters; it is encoded per RFC 2047 when the
/// message is rendered. The address must be an ASCII `local@domain` (dot-atom local part): internationalised
/// addresses (SMTPUTF8) are not supported, use the punycode form of a domain.
package struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The name shown to readers, or `nil`.
    package let displayName: String?
    /// `local@domain`.
    package let address: String

    /// A mailbox from its parts. Throws for an invalid address or a display name with CR, LF or another
    /// control character (header injection).
    package init(_ address: String, displayName: String? = nil) throws(MessageFormatError) {
        try EmailAddress.validate(address: address)
        if let displayName {
            try HeaderText.checkNoControlCharacters(displayName, field: "display name")
        }
        self.address = address
        let trimmed = displayName?.trimmingHeaderWhitespace
        self.displayName = trimmed?.isEmpty == false ? trimmed : nil
    }

    /// Parses `Name <local@domain>`, `"Name, with comma" <local@domain>` or a bare `local@domain`.
    package init(parsing text: String) throws(MessageFormatError) {
        try HeaderText.checkNoControlCharacters(text, field: "address")
        let trimmed = text.trimmingHeaderWhitespace
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else {
            try self.init(trimmed)
            return
        }
        let address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
        var name = String(trimmed[..<open]).trimmingHeaderWhitespace
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
            name = EmailAddress.unquote(String(name.dropFirst().dropLast()))
        }
        try self.init(address.trimmingHeaderWhitespace, displayName: name.isEmpty ? nil : name)
    }

    /// The part after `@`, e.g. `hanoi.gov.vn`.
    package var domain: String {
        address.lastIndex(of: "@").map { String(address[address.index(after: $0)...]) } ?? ""
    }

    /// `Name <address>` or `address`, unencoded: for logs, not for headers.
    package var description: String {
        displayName.map { "\($0) <\(address)>" } ?? address
    }

    /// Undoes quoted-pair escapes (`\"`, `\\`) of a quoted-string's content.
    private static func unquote(_ text: String) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if escaped || character != "\\" {
                result.append(character)
                escaped = false
            } else {
                escaped = true
            }
        }
        return result
    }

    /// Characters allowed in a dot-atom besides letters and digits (RFC 5322 `atext`).
    static let atextSymbols = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    static func validate(address: String) throws(MessageFormatError) {
        func invalid(_ reason: String) -> MessageFormatError {
            MessageFormatError(field: "address", problem: "'\(address)' is not an e-mail address: \(reason)")
        }
        guard address.utf8.allSatisfy({ $0 < 0x80 }) else {
            throw invalid(
                "it has non-ASCII characters; internationalised addresses are not supported, use the domain's"
                    + " punycode (xn--) form")
        }
        guard let at = address.utf8.lastIndex(of: UInt8(ascii: "@")) else { throw invalid("no '@'") }
        let local = Array(address.utf8[..<at])
        let domain = Array(address.utf8[address.utf8.index(after: at)...])
        guard !local.isEmpty, local.count <= 64 else {
            throw invalid("the part before '@' must have 1–64 characters")
        }
        let localAtoms = local.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard
            localAtoms.allSatisfy({ atom in
                !atom.isEmpty && atom.allSatisfy { isAlphanumeric($0) || atextSymbols.contains($0) }
            })
        else {
            throw invalid(
                "the part before '@' may hold letters, digits, . and !#$%&'*+-/=?^_`{|}~ (no spaces, no '..')")
        }
        guard !domain.isEmpty, domain.count <= 253 else { throw invalid("the domain must have 1–253 characters") }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        let labelsValid = labels.allSatisfy { label in
            (1...63).contains(label.count) && label.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
                && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
        }
        guard labelsValid else { throw invalid("the domain must be labels of letters, digits and '-' joined by '.'") }
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

/// Checks on text bound for a header.
enum HeaderText {
    /// Throws if `text` has CR, LF, NUL or another control character other than TAB: such text could end the
    /// header and inject new ones.
    static func checkNoControlCharacters(_ text: String, field: String) throws(MessageFormatError) {
        for scalar in text.unicodeScalars
        where (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F
            || (0x80..<0xA0).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
        {
            let what = scalar == "\r" || scalar == "\n" ? "a line break" : "a control character"
            throw MessageFormatError(
                field: field,
                problem: "contains \(what) (U+\(String(scalar.value, radix: 16, uppercase: true)));"
                    + " header values must be one line")
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    var trimmingHeaderWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

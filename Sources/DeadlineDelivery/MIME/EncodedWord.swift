/// RFC 2047 encoded-words (`=?UTF-8?B?…?=`) for header text that is not plain ASCII.
///
/// Each word is at most 75 characters. Text is split only between grapheme clusters (Swift `Character`s), so
/// neither a UTF-8 sequence nor a base letter and its combining marks (`a` + U+0306 + U+0301) is ever cut across
/// two words; a single cluster too long for one word (rare) is split between Unicode scalars instead. Adjacent
/// encoded-words are joined by a space, which decoders drop, so the text round-trips exactly.
enum EncodedWord {
    /// RFC 2047's limit for one encoded-word.
    static let maximumLength = 75
    private static let prefix = "=?UTF-8?B?"
    private static let suffix = "?="

    /// Whether `text` must be encoded to travel in a header: it has non-ASCII characters, something that would be
    /// taken for an encoded-word (`=?`), or a run without spaces too long to fold.
    static func isNeeded(for text: String) -> Bool {
        if text.utf8.contains(where: { $0 >= 0x80 }) { return true }
        if text.contains("=?") { return true }
        return text.split(separator: " ").contains { $0.utf8.count > 76 }
    }

    /// Splits `text` into B encoded-words: the first at most `firstLimit` characters long, the others at most 75.
    static func encode(_ text: String, firstLimit: Int = maximumLength) -> [String] {
        var words: [String] = []
        var pending: [UInt8] = []
        var limit = max(16, min(firstLimit, maximumLength))

        func capacity(_ limit: Int) -> Int { (limit - prefix.utf8.count - suffix.utf8.count) / 4 * 3 }
        func flush() {
            guard !pending.isEmpty else { return }
            words.append(prefix + Base64.encode(pending) + suffix)
            pending.removeAll(keepingCapacity: true)
            limit = maximumLength
        }

        for character in text {
            let bytes = Array(character.utf8)
            if pending.count + bytes.count <= capacity(limit) {
                pending += bytes
                continue
            }
            flush()
            if bytes.count <= capacity(limit) {
                pending = bytes
                continue
            }
            // A grapheme cluster longer than a whole word: split it between scalars.
            for scalar in character.unicodeScalars {
                let scalarBytes = Array(String(scalar).utf8)
                if pending.count + scalarBytes.count > capacity(limit) { flush() }
                pending += scalarBytes
            }
        }
        flush()
        return words
    }
}

/// Writes header fields, folding lines at 78 characters where there is whitespace to fold at (RFC 5322 §2.2.3):
/// folding inserts CRLF before an existing space, so unfolding restores the value exactly.
struct HeaderWriter {
    /// The header block so far, each field ending in CRLF.
    private(set) var text = ""
    /// RFC 5322's recommended line length.
    static let lineLimit = 78

    /// Appends `name: ` followed by `segments` joined with single spaces, folding between segments when a line
    /// would pass 78 characters. An empty segment (from two spaces in a row) is never a fold point.
    mutating func append(_ name: String, segments: [String]) {
        var line = name + ":"
        for segment in segments {
            if segment.isEmpty || line.utf8.count + 1 + segment.utf8.count <= Self.lineLimit
                || line.utf8.count <= name.utf8.count + 1
            {
                line += " " + segment
            } else {
                text += line + "\r\n"
                line = " " + segment
            }
        }
        text += line + "\r\n"
    }

    /// Appends an unstructured field such as `Subject`: ASCII text as it is (folded at its spaces), anything
    /// else as encoded-words.
    mutating func appendUnstructured(_ name: String, _ value: String) throws(MessageFormatError) {
        try HeaderText.checkNoControlCharacters(value, field: name)
        if EncodedWord.isNeeded(for: value) {
            let firstLimit = Self.lineLimit - name.utf8.count - 2
            append(name, segments: EncodedWord.encode(value, firstLimit: firstLimit))
        } else {
            append(name, segments: value.split(separator: " ", omittingEmptySubsequences: false).map(String.init))
        }
    }

    /// Appends an address list (`From`, `To`, `Cc`, `Reply-To`): display names as atoms, quoted strings or
    /// encoded-words, addresses in angle brackets, folded between words and after commas.
    mutating func appendAddresses(_ name: String, _ addresses: [EmailAddress]) {
        var segments: [String] = []
        for (index, mailbox) in addresses.enumerated() {
            var mailboxSegments: [String] = []
            if let displayName = mailbox.displayName {
                let firstLimit = segments.isEmpty ? Self.lineLimit - name.utf8.count - 2 : EncodedWord.maximumLength
                mailboxSegments += Self.phrase(displayName, firstLimit: firstLimit)
                mailboxSegments.append("<\(mailbox.address)>")
            } else {
                mailboxSegments.append(mailbox.address)
            }
            if index < addresses.count - 1 { mailboxSegments[mailboxSegments.count - 1] += "," }
            segments += mailboxSegments
        }
        append(name, segments: segments)
    }

    /// A display name as header segments: atoms if it is plain ASCII words, a quoted string if it has specials
    /// such as `,` or `.`, encoded-words if it is not ASCII.
    static func phrase(_ name: String, firstLimit: Int) -> [String] {
        if EncodedWord.isNeeded(for: name) {
            return EncodedWord.encode(name, firstLimit: firstLimit)
        }
        let words = name.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let isAtom: (UInt8) -> Bool = { EmailAddress.isAlphanumeric($0) || EmailAddress.atextSymbols.contains($0) }
        if words.allSatisfy({ $0.utf8.allSatisfy(isAtom) }) {
            return words
        }
        var quoted = words.map { word in
            word.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
        }
        quoted[0] = "\"" + quoted[0]
        quoted[quoted.count - 1] += "\""
        return quoted
    }
}

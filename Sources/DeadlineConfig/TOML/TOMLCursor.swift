import DeadlineKit

/// A read position in the UTF-8 bytes of a TOML file that keeps its line and column up to date.
///
/// Columns count Unicode scalars, so the cursor adds one for every byte that starts a scalar and nothing for
/// UTF-8 continuation bytes. Every byte is looked at a bounded number of times, so reading stays linear.
struct TOMLCursor {
    let bytes: [UInt8]
    private(set) var index: Int
    private(set) var line = 1
    private(set) var column = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte order mark is not part of the document.
        index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    var isAtEnd: Bool { index >= bytes.count }

    var location: SourceLocation { SourceLocation(line: line, column: column) }

    /// The byte `offset` bytes ahead, or `nil` past the end.
    func peek(_ offset: Int = 0) -> UInt8? {
        let position = index + offset
        return position < bytes.count ? bytes[position] : nil
    }

    /// True when the bytes ahead are exactly `ascii`.
    func lookingAt(_ ascii: StaticString) -> Bool {
        let count = ascii.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return ascii.withUTF8Buffer { pattern in
            for offset in 0..<count where bytes[index + offset] != pattern[offset] {
                return false
            }
            return true
        }
    }

    /// Moves past one byte.
    mutating func advance() {
        guard index < bytes.count else { return }
        let byte = bytes[index]
        index += 1
        if byte == TOMLByte.lineFeed {
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
    }

    /// Moves past the bytes of the current line that `accept` accepts, faster than one ``advance()`` each.
    /// `accept` must refuse line feeds.
    mutating func advance(while accept: (UInt8) -> Bool) {
        var scalars = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard accept(byte) else { break }
            if byte & 0xC0 != 0x80 {
                scalars += 1
            }
            index += 1
        }
        column += scalars
    }

    /// Moves past `count` bytes.
    mutating func advance(by count: Int) {
        for _ in 0..<count {
            advance()
        }
    }

    /// Moves past the whole scalar that starts here (one to four bytes).
    mutating func advanceScalar() {
        advance()
        while let byte = peek(), byte & 0xC0 == 0x80 {
            advance()
        }
    }

    /// Moves past spaces and tabs.
    mutating func skipWhitespace() {
        while let byte = peek(), byte == TOMLByte.space || byte == TOMLByte.tab {
            advance()
        }
    }

    /// True at a line feed or at a carriage return followed by a line feed.
    var atNewline: Bool {
        guard let byte = peek() else { return false }
        return byte == TOMLByte.lineFeed || (byte == TOMLByte.carriageReturn && peek(1) == TOMLByte.lineFeed)
    }

    /// Moves past a newline (LF or CRLF) if there is one; returns whether it did.
    @discardableResult
    mutating func skipNewline() -> Bool {
        if peek() == TOMLByte.lineFeed {
            advance()
            return true
        }
        if peek() == TOMLByte.carriageReturn && peek(1) == TOMLByte.lineFeed {
            advance(by: 2)
            return true
        }
        return false
    }

    /// Moves to the end of the current line, before its newline (or to the end of the file).
    mutating func skipToEndOfLine() {
        while let byte = peek(), byte != TOMLByte.lineFeed {
            advance()
        }
    }

    /// The text of `bytes[start..<index]`.
    func text(from start: Int) -> String {
        String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// The scalar starting at the cursor, shown for a message: `'x'`, or `U+0007` for an invisible one.
    func describeCurrent() -> Phrase {
        guard let byte = peek() else { return .toml("the end of the file", "endOfFile") }
        if byte == TOMLByte.lineFeed || byte == TOMLByte.carriageReturn {
            return .endOfLine
        }
        var end = index + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 {
            end += 1
        }
        let text = String(decoding: bytes[index..<end], as: UTF8.self)
        guard let scalar = text.unicodeScalars.first else { return .toml("an invalid character", "invalidCharacter") }
        let shown = TOMLByte.describe(scalar)
        return .toml(shown, "character", ["character": shown])
    }
}

/// Byte constants and classes used by the TOML parser.
enum TOMLByte {
    static let tab: UInt8 = 0x09
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let quote: UInt8 = 0x22  // "
    static let hash: UInt8 = 0x23  // #
    static let apostrophe: UInt8 = 0x27  // '
    static let plus: UInt8 = 0x2B
    static let comma: UInt8 = 0x2C
    static let minus: UInt8 = 0x2D
    static let dot: UInt8 = 0x2E
    static let colon: UInt8 = 0x3A
    static let equals: UInt8 = 0x3D
    static let openBracket: UInt8 = 0x5B  // [
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D  // ]
    static let underscore: UInt8 = 0x5F
    static let openBrace: UInt8 = 0x7B  // {
    static let closeBrace: UInt8 = 0x7D  // }
    static let delete: UInt8 = 0x7F

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

    static func isHexDigit(_ byte: UInt8) -> Bool { isDigit(byte) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x66) }

    /// `A-Za-z0-9_-`: the characters of a bare key.
    static func isBareKey(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == underscore || byte == minus
    }

    /// A control character TOML forbids outside strings' escapes: U+0000-U+001F except tab, and U+007F.
    static func isControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != tab) || byte == delete
    }

    /// Where a value ends: whitespace, newline, comment, separator or closing bracket.
    static func endsValue(_ byte: UInt8?) -> Bool {
        guard let byte else { return true }
        switch byte {
        case space, tab, lineFeed, carriageReturn, hash, comma, closeBracket, closeBrace: return true
        default: return false
        }
    }

    /// A scalar for a message: `'x'`, or `U+0007` for a control character or other invisible one.
    static func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x80 && scalar.value < 0xA0)
            || scalar.value == 0xFEFF
        {
            return hexName(scalar.value)
        }
        return "'\(Character(scalar))'"
    }

    /// `U+0007`, `U+1F600`.
    static func hexName(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

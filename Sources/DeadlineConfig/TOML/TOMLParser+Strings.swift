import DeadlineKit

extension TOMLParser {
    /// Any of the four string forms, the cursor at its first quote.
    mutating func parseStringValue() throws(TOMLProblem) -> String {
        if cursor.lookingAt("\"\"\"") {
            return try parseMultilineString(quote: TOMLByte.quote)
        }
        if cursor.lookingAt("'''") {
            return try parseMultilineString(quote: TOMLByte.apostrophe)
        }
        return try cursor.peek() == TOMLByte.quote ? parseBasicString() : parseLiteralString()
    }

    /// `"..."`: escapes decoded, on one line.
    mutating func parseBasicString() throws(TOMLProblem) -> String {
        let start = cursor.location
        cursor.advance()
        // Most strings have no escapes: take them straight from the file.
        let contentStart = cursor.index
        cursor.advance(while: Self.isPlainStringByte)
        if cursor.peek() == TOMLByte.quote {
            let text = cursor.text(from: contentStart)
            cursor.advance()
            return text
        }
        var text = Array(cursor.bytes[contentStart..<cursor.index])
        while true {
            guard let byte = cursor.peek(), !cursor.atNewline else {
                throw problem(
                    .toml("unterminated string (a string must end with \" on the same line)", "unterminatedString"),
                    from: start)
            }
            switch byte {
            case TOMLByte.quote:
                cursor.advance()
                return String(decoding: text, as: UTF8.self)
            case TOMLByte.backslash:
                parseEscape(into: &text)
            case _ where TOMLByte.isControl(byte):
                reportControlCharacter(byte, in: .basic)
            default:
                text.append(byte)
                cursor.advance()
            }
        }
    }

    /// `'...'`: taken as written, on one line.
    mutating func parseLiteralString() throws(TOMLProblem) -> String {
        let start = cursor.location
        cursor.advance()
        let contentStart = cursor.index
        while true {
            cursor.advance(while: { $0 != TOMLByte.apostrophe && !TOMLByte.isControl($0) })
            guard let byte = cursor.peek(), !cursor.atNewline else {
                throw problem(
                    .toml(
                        "unterminated string (a string must end with ' on the same line)", "unterminatedLiteralString"),
                    from: start)
            }
            if byte == TOMLByte.apostrophe {
                let text = cursor.text(from: contentStart)
                cursor.advance()
                return text
            }
            if TOMLByte.isControl(byte) {
                reportControlCharacter(byte, in: .literal)
            } else {
                cursor.advance()
            }
        }
    }

    /// Bytes a basic string takes as they are: not a quote, backslash or control character.
    private static func isPlainStringByte(_ byte: UInt8) -> Bool {
        byte != TOMLByte.quote && byte != TOMLByte.backslash && !TOMLByte.isControl(byte)
    }

    /// `"""..."""` (escapes and line-ending backslashes) or `'''...'''` (as written). A newline right after the
    /// opening quotes is dropped; CRLF becomes LF.
    mutating func parseMultilineString(quote: UInt8) throws(TOMLProblem) -> String {
        let start = cursor.location
        let isBasic = quote == TOMLByte.quote
        let delimiter = isBasic ? "\"\"\"" : "'''"
        cursor.advance(by: 3)
        let openEnd = cursor.location
        cursor.skipNewline()
        var text: [UInt8] = []
        while true {
            guard let byte = cursor.peek() else {
                throw TOMLProblem(
                    range: SourceRange(start: start, end: openEnd),
                    message: .toml(
                        "unterminated multi-line string (missing the closing \(delimiter))", "unterminatedMultiLine",
                        ["delimiter": delimiter])
                )
            }
            switch byte {
            case quote:
                var run = 0
                while cursor.peek(run) == quote {
                    run += 1
                }
                if run < 3 {
                    text.append(contentsOf: repeatElement(quote, count: run))
                    cursor.advance(by: run)
                    continue
                }
                // Up to two quotes may sit just inside the closing delimiter.
                let tooMany = cursor.location
                text.append(contentsOf: repeatElement(quote, count: min(run, 5) - 3))
                cursor.advance(by: run)
                if run > 5 {
                    let english =
                        "too many quotes in a row in a multi-line string: write at most two before the closing "
                        + "\(delimiter)" + (isBasic ? ", or escape them as \\\"" : "")
                    report(
                        .toml(english, isBasic ? "tooManyQuotesEscape" : "tooManyQuotes", ["delimiter": delimiter]),
                        from: tooMany)
                }
                return String(decoding: text, as: UTF8.self)
            case TOMLByte.backslash where isBasic:
                if !skipLineEndingBackslash() {
                    parseEscape(into: &text)
                }
            case TOMLByte.lineFeed:
                text.append(TOMLByte.lineFeed)
                cursor.advance()
            case TOMLByte.carriageReturn where cursor.peek(1) == TOMLByte.lineFeed:
                text.append(TOMLByte.lineFeed)
                cursor.advance(by: 2)
            case _ where TOMLByte.isControl(byte):
                reportControlCharacter(byte, in: isBasic ? .multiLineBasic : .multiLineLiteral)
            default:
                text.append(byte)
                cursor.advance()
            }
        }
    }

    /// A `\` followed only by spaces up to the end of the line: skips it and all whitespace and newlines after it.
    private mutating func skipLineEndingBackslash() -> Bool {
        var offset = 1
        while let byte = cursor.peek(offset), byte == TOMLByte.space || byte == TOMLByte.tab {
            offset += 1
        }
        let next = cursor.peek(offset)
        guard
            next == TOMLByte.lineFeed
                || (next == TOMLByte.carriageReturn && cursor.peek(offset + 1) == TOMLByte.lineFeed)
        else { return false }
        cursor.advance(by: offset)
        while true {
            cursor.skipWhitespace()
            guard cursor.skipNewline() else { return true }
        }
    }

    /// One escape sequence in a basic string, appended to `text` as UTF-8. Reports a bad one and goes on.
    private mutating func parseEscape(into text: inout [UInt8]) {
        let start = cursor.location
        let startIndex = cursor.index
        cursor.advance()
        guard let letter = cursor.peek(), !cursor.atNewline else {
            report(.toml("a backslash must be followed by an escape such as \\n or \\\\", "loneBackslash"), from: start)
            return
        }
        let simple: UInt8? =
            switch letter {
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "t"): 0x09
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "r"): 0x0D
            case TOMLByte.quote: TOMLByte.quote
            case TOMLByte.backslash: TOMLByte.backslash
            default: nil
            }
        if let simple {
            cursor.advance()
            text.append(simple)
            return
        }
        guard letter == UInt8(ascii: "u") || letter == UInt8(ascii: "U") else {
            cursor.advanceScalar()
            let written = cursor.text(from: startIndex)
            report(
                .toml(
                    "invalid escape sequence '\(written)'; " + Self.backslashHint, "invalidEscape",
                    ["escape": written]),
                from: start)
            return
        }
        let width = letter == UInt8(ascii: "u") ? 4 : 8
        cursor.advance()
        let digitsStart = cursor.index
        var value: UInt32 = 0
        for _ in 0..<width {
            guard let digit = cursor.peek(), TOMLByte.isHexDigit(digit) else {
                let letterText = width == 4 ? "\\u" : "\\U"
                report(
                    .toml(
                        "\(letterText) must be followed by \(width) hexadecimal digits; " + Self.backslashHint,
                        "unicodeEscapeDigits", ["escape": letterText, "count": String(width)]),
                    from: start)
                return
            }
            value = value &* 16 &+ UInt32(Self.hexValue(digit))
            cursor.advance()
        }
        guard let scalar = Unicode.Scalar(value) else {
            let written = (width == 4 ? "\\u" : "\\U") + cursor.text(from: digitsStart)
            report(
                .toml("'\(written)' is not a valid Unicode character", "notUnicode", ["escape": written]), from: start)
            return
        }
        text.append(contentsOf: String(Character(scalar)).utf8)
    }

    private static let backslashHint =
        "to write a backslash itself, use \\\\ or put the text in single quotes"

    static func hexValue(_ digit: UInt8) -> UInt8 {
        TOMLByte.isDigit(digit) ? digit - 0x30 : (digit | 0x20) - 0x61 + 10
    }

    /// The kinds of string, for ``reportControlCharacter(_:in:)``.
    private enum StringKind {
        case basic, literal, multiLineBasic, multiLineLiteral
    }

    /// Reports a control character inside a string and moves past it.
    private mutating func reportControlCharacter(_ byte: UInt8, in kind: StringKind) {
        let start = cursor.location
        cursor.advance()
        let name = TOMLByte.hexName(UInt32(byte))
        let code = String(name.dropFirst(2))
        let message: Phrase =
            switch kind {
            case .basic:
                .toml(
                    "control character \(name) is not allowed in a string; write it as \\u\(code)",
                    "controlInString", ["character": name, "code": code])
            case .literal:
                .toml(
                    "control character \(name) is not allowed in a literal string", "controlInLiteralString",
                    ["character": name])
            case .multiLineBasic:
                .toml(
                    "control character \(name) is not allowed in a multi-line string; write it as \\u\(code)",
                    "controlInMultiLineString", ["character": name, "code": code])
            case .multiLineLiteral:
                .toml(
                    "control character \(name) is not allowed in a multi-line string", "controlInMultiLineLiteral",
                    ["character": name])
            }
        report(message, from: start)
    }
}

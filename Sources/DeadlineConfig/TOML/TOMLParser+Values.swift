import DeadlineKit

extension TOMLParser {
    /// Any value, starting at the cursor. `depth` counts the tables and arrays around it; `key` names it in messages.
    mutating func parseValue(depth: Int, key: TOMLKey?) throws(TOMLProblem) -> TOMLNode {
        let start = cursor.location
        guard let byte = cursor.peek(), !cursor.atNewline, byte != TOMLByte.hash else {
            if let key {
                throw problemHere(.toml("missing value for key '\(key.display)'", "missingValue", ["key": key.display]))
            }
            throw problemHere(expectedValue)
        }
        switch byte {
        case TOMLByte.quote, TOMLByte.apostrophe:
            let text = try parseStringValue()
            return TOMLNode(value: .string(text), range: SourceRange(start: start, end: cursor.location))
        case TOMLByte.openBracket:
            return try parseArray(depth: depth)
        case TOMLByte.openBrace:
            return try parseInlineTable(depth: depth)
        case _ where TOMLByte.isDigit(byte) || byte == TOMLByte.plus || byte == TOMLByte.minus:
            return try parseNumberOrDateTime()
        case TOMLByte.dot:
            throw problemHere(.toml("a number cannot start with '.'; write a 0 before it, as in 0.5", "numberAfterDot"))
        case _ where TOMLByte.isLetter(byte) || byte >= 0x80:
            return try parseWord()
        default:
            throw problemHere(expectedValue)
        }
    }

    /// `expected a value, found …`, of what stands at the cursor.
    private var expectedValue: Phrase {
        let found = cursor.describeCurrent()
        return .toml("expected a value, found \(found)", "expectedValue", parts: ["found": found])
    }

    /// `true`, `false`, `inf`, `nan`, or a mistake such as unquoted text.
    private mutating func parseWord() throws(TOMLProblem) -> TOMLNode {
        let start = cursor.location
        let startIndex = cursor.index
        while !TOMLByte.endsValue(cursor.peek()) {
            cursor.advanceScalar()
        }
        let word = cursor.text(from: startIndex)
        let range = SourceRange(start: start, end: cursor.location)
        switch word {
        case "true": return TOMLNode(value: .boolean(true), range: range)
        case "false": return TOMLNode(value: .boolean(false), range: range)
        case "inf": return TOMLNode(value: .float(.infinity), range: range)
        case "nan": return TOMLNode(value: .float(.nan), range: range)
        default: break
        }
        switch word.lowercased() {
        case "true", "false":
            let reason = Phrase.toml("write true or false in lowercase", "lowercaseBoolean")
            throw problem(.invalidValue(.value, word, reason), from: start)
        case "inf", "nan":
            let reason = Phrase.toml("write inf or nan in lowercase", "lowercaseInfNaN")
            throw problem(.invalidValue(.value, word, reason), from: start)
        default:
            throw problem(Self.unquotedText(word), from: start)
        }
    }

    /// An integer, a float, or a date and/or time.
    private mutating func parseNumberOrDateTime() throws(TOMLProblem) -> TOMLNode {
        let start = cursor.location
        let startIndex = cursor.index
        var digits = 0
        while let byte = cursor.peek(digits), TOMLByte.isDigit(byte) {
            digits += 1
        }
        let next = cursor.peek(digits)
        let isDate = next == TOMLByte.minus && cursor.peek(digits + 1).map(TOMLByte.isDigit) == true
        if digits > 0 && (next == TOMLByte.colon || isDate) {
            let (result, end) = TOMLDateTimeLiteral.parse(cursor.bytes, at: startIndex, isTime: next == TOMLByte.colon)
            cursor.advance(by: end - startIndex)
            let range = SourceRange(start: start, end: cursor.location)
            switch result {
            case .valid(let value):
                return TOMLNode(value: .dateTime(value), range: range)
            case .invalid(let message):
                report(TOMLProblem(range: range, message: message))
                return TOMLNode(value: .integer(0), range: range)
            }
        }
        while !TOMLByte.endsValue(cursor.peek()) {
            cursor.advanceScalar()
        }
        let range = SourceRange(start: start, end: cursor.location)
        switch TOMLNumberLiteral.parse(cursor.bytes[startIndex..<cursor.index]) {
        case .integer(let value):
            return TOMLNode(value: .integer(value), range: range)
        case .float(let value):
            return TOMLNode(value: .float(value), range: range)
        case .invalid(let message):
            report(TOMLProblem(range: range, message: message))
            return TOMLNode(value: .integer(0), range: range)
        case .text:
            throw TOMLProblem(range: range, message: Self.unquotedText(cursor.text(from: startIndex)))
        }
    }

    /// The message for text written without quotes.
    static func unquotedText(_ word: String) -> Phrase {
        let reason = Phrase.toml("text must be in double quotes, as in \"\(word)\"", "quoteText", ["text": word])
        return .invalidValue(.value, word, reason)
    }

    /// `[ value, value, ... ]`, over several lines if need be, with comments and a trailing comma allowed.
    private mutating func parseArray(depth: Int) throws(TOMLProblem) -> TOMLNode {
        let start = cursor.location
        try checkNesting(depth)
        cursor.advance()
        var elements: [TOMLNode] = []
        let unterminated = TOMLProblem(
            range: SourceRange(start: start, end: SourceLocation(line: start.line, column: start.column + 1)),
            message: .toml("unterminated array (missing ']')", "unterminatedArray"),
            resumeAtCursor: true
        )
        while true {
            var newLine = skipArrayFiller()
            if cursor.peek() == TOMLByte.closeBracket {
                break
            }
            // At the end of the file, or at a `key =` line after the array: the `]` was forgotten.
            if cursor.isAtEnd || (newLine && looksLikeKeyValue()) {
                throw unterminated
            }
            elements.append(try parseValue(depth: depth + 1, key: nil))
            newLine = skipArrayFiller()
            if cursor.peek() == TOMLByte.comma {
                cursor.advance()
                continue
            }
            if cursor.peek() == TOMLByte.closeBracket {
                break
            }
            if cursor.isAtEnd || (newLine && (looksLikeKeyValue() || cursor.peek() == TOMLByte.openBracket)) {
                throw unterminated
            }
            if startsValue(cursor.peek()) {
                throw problemHere(.toml("missing ',' between two elements of the array", "arrayComma"))
            }
            let found = cursor.describeCurrent()
            throw problemHere(
                .toml(
                    "expected ',' or ']' after an element of the array that starts at line \(start.line), "
                        + "found \(found)",
                    "afterArrayElement", ["line": String(start.line)], parts: ["found": found]))
        }
        cursor.advance()
        return TOMLNode(value: .array(elements), range: SourceRange(start: start, end: cursor.location))
    }

    /// Whether `byte` can begin a value or a key, which after an element means a forgotten comma.
    private func startsValue(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        switch byte {
        case TOMLByte.quote, TOMLByte.apostrophe, TOMLByte.openBracket, TOMLByte.openBrace, TOMLByte.plus:
            return true
        default:
            return TOMLByte.isBareKey(byte)
        }
    }

    /// Spaces, newlines and comments between array elements. Returns whether there was a newline.
    private mutating func skipArrayFiller() -> Bool {
        var newLine = false
        while true {
            cursor.skipWhitespace()
            if cursor.peek() == TOMLByte.hash {
                skipComment()
            }
            guard cursor.skipNewline() else { return newLine }
            newLine = true
        }
    }

    /// Whether the line ahead reads `key = ...`, with a bare, quoted or dotted key.
    private func looksLikeKeyValue() -> Bool {
        var offset = 0
        var sawKey = false
        while let byte = cursor.peek(offset) {
            if byte == TOMLByte.quote || byte == TOMLByte.apostrophe {
                var end = offset + 1
                while let inside = cursor.peek(end), inside != byte, inside != TOMLByte.lineFeed {
                    end += 1
                }
                guard cursor.peek(end) == byte else { return false }
                offset = end + 1
                sawKey = true
            } else if TOMLByte.isBareKey(byte) || byte >= 0x80 {
                offset += 1
                sawKey = true
            } else if byte == TOMLByte.dot || byte == TOMLByte.space || byte == TOMLByte.tab {
                offset += 1
            } else {
                return sawKey && byte == TOMLByte.equals
            }
        }
        return false
    }

    /// `{ key = value, ... }` on one line, without a trailing comma.
    private mutating func parseInlineTable(depth: Int) throws(TOMLProblem) -> TOMLNode {
        let start = cursor.location
        try checkNesting(depth)
        cursor.advance()
        let table = TOMLTableBuilder(origin: .inline, headerRange: SourceRange(at: start), depth: depth)
        cursor.skipWhitespace()
        if cursor.peek() == TOMLByte.closeBrace {
            cursor.advance()
        } else {
            var lastComma: SourceLocation?
            while true {
                cursor.skipWhitespace()
                if cursor.peek() == TOMLByte.closeBrace, let lastComma {
                    throw TOMLProblem(
                        range: SourceRange(
                            start: lastComma,
                            end: SourceLocation(line: lastComma.line, column: lastComma.column + 1)
                        ),
                        message: .toml("an inline table cannot have a comma after its last value", "inlineLastComma")
                    )
                }
                try checkInlineLineEnd(start)
                try parseKeyValue(into: table)
                cursor.skipWhitespace()
                if cursor.peek() == TOMLByte.comma {
                    lastComma = cursor.location
                    cursor.advance()
                    continue
                }
                if cursor.peek() == TOMLByte.closeBrace {
                    cursor.advance()
                    break
                }
                try checkInlineLineEnd(start)
                if startsValue(cursor.peek()) {
                    throw problemHere(.toml("missing ',' between two keys of the inline table", "inlineComma"))
                }
                let found = cursor.describeCurrent()
                throw problemHere(
                    .toml(
                        "expected ',' or '}' in the inline table, found \(found)", "afterInlineValue",
                        parts: ["found": found]))
            }
        }
        table.headerRange = SourceRange(start: start, end: cursor.location)
        return table.buildNode()
    }

    /// Inline tables must close on the line where they open.
    private func checkInlineLineEnd(_ start: SourceLocation) throws(TOMLProblem) {
        if cursor.atNewline || cursor.isAtEnd || cursor.peek() == TOMLByte.hash {
            throw problem(
                .toml(
                    "unterminated inline table (missing '}'): an inline table must be on one line; "
                        + "for a longer table use a [table] header",
                    "unterminatedInlineTable"),
                from: start)
        }
    }

    private func checkNesting(_ depth: Int) throws(TOMLProblem) {
        if depth > TOMLTreeRules.maxDepth {
            throw problemHere(
                .toml(
                    "arrays and tables are nested more than \(TOMLTreeRules.maxDepth) levels deep", "valuesTooDeep",
                    ["levels": String(TOMLTreeRules.maxDepth)]))
        }
    }
}

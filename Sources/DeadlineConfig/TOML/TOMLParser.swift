import DeadlineKit

/// Reads one TOML file into a tree of ``TOMLTableBuilder``s, collecting every problem as a ``Diagnostic``.
///
/// Syntax errors are thrown as ``TOMLProblem`` up to ``parseDocument()``, which reports them and skips to the next
/// line that can start a statement. Errors inside a value whose extent is clear (a bad escape, an impossible date,
/// a duplicate key) are reported where found and reading goes on; the key is then left out of the tree.
struct TOMLParser {
    var cursor: TOMLCursor
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private let root: TOMLTableBuilder
    private var current: TOMLTableBuilder

    init(bytes: [UInt8], file: String) {
        cursor = TOMLCursor(bytes: bytes)
        self.file = file
        let start = SourceRange(at: SourceLocation(line: 1, column: 1))
        root = TOMLTableBuilder(origin: .root, headerRange: start, depth: 0)
        current = root
    }

    /// Reads the whole file.
    mutating func parseDocument() -> TOMLDocument {
        while !cursor.isAtEnd {
            do {
                try parseLine()
            } catch {
                report(error)
                if !error.resumeAtCursor {
                    recover()
                }
            }
        }
        return TOMLDocument(root: root.build())
    }

    mutating func report(_ problem: TOMLProblem) {
        diagnostics.append(.error(file, problem.range, problem.message))
    }

    mutating func report(_ message: Phrase, from start: SourceLocation) {
        report(TOMLProblem(range: SourceRange(start: start, end: cursor.location), message: message))
    }

    /// A problem at the cursor, covering the scalar there (or nothing at the end of a line or file).
    func problemHere(_ message: Phrase) -> TOMLProblem {
        var end = cursor
        if !cursor.atNewline && !cursor.isAtEnd {
            end.advanceScalar()
        }
        return TOMLProblem(range: SourceRange(start: cursor.location, end: end.location), message: message)
    }

    func problem(_ message: Phrase, from start: SourceLocation) -> TOMLProblem {
        TOMLProblem(range: SourceRange(start: start, end: cursor.location), message: message)
    }

    // MARK: Statements

    /// One line: blank, a comment, a `[header]` or a `key = value`, each with an optional comment after it.
    private mutating func parseLine() throws(TOMLProblem) {
        cursor.skipWhitespace()
        guard let byte = cursor.peek() else { return }
        var header: (key: TOMLKey, isArray: Bool)?
        var pair: TOMLKey?
        switch byte {
        case TOMLByte.hash, TOMLByte.lineFeed, TOMLByte.carriageReturn:
            break
        case TOMLByte.openBracket:
            header = try parseHeader()
        default:
            pair = try parseKeyValue(into: current)
        }
        cursor.skipWhitespace()
        if cursor.peek() == TOMLByte.hash {
            skipComment()
        }
        if cursor.isAtEnd || cursor.skipNewline() {
            return
        }
        if cursor.peek() == TOMLByte.carriageReturn {
            throw problemHere(.toml("a carriage return (U+000D) must be followed by a line feed", "loneCarriageReturn"))
        }
        let found = cursor.describeCurrent()
        if let header {
            let written = header.isArray ? "[[\(header.key.display)]]" : "[\(header.key.display)]"
            throw problemHere(
                .toml(
                    "expected the end of the line after the header \(written), found \(found); "
                        + "a header goes on a line of its own",
                    "afterHeader", ["header": written], parts: ["found": found]))
        }
        if let pair {
            throw problemHere(
                .toml(
                    "expected the end of the line after the value of '\(pair.display)', found \(found); "
                        + "put each key = value on its own line",
                    "afterValue", ["key": pair.display], parts: ["found": found]))
        }
        throw problemHere(
            .toml("expected a key or a [table] header, found \(found)", "expectedKeyOrHeader", parts: ["found": found]))
    }

    /// Skips a `#` comment up to (not including) the end of its line, reporting control characters in it.
    mutating func skipComment() {
        cursor.advance()
        while let byte = cursor.peek(), byte != TOMLByte.lineFeed {
            if byte == TOMLByte.carriageReturn && cursor.peek(1) == TOMLByte.lineFeed {
                return
            }
            if TOMLByte.isControl(byte) {
                let start = cursor.location
                cursor.advance()
                let name = TOMLByte.hexName(UInt32(byte))
                report(
                    .toml(
                        "control character \(name) is not allowed in a comment", "controlInComment",
                        ["character": name]),
                    from: start)
            } else {
                cursor.advance()
            }
        }
    }

    /// After a syntax error: skips the rest of the line, then any line that cannot start a statement
    /// (such as the `]` closing a broken array), so that one mistake gives one error.
    private mutating func recover() {
        cursor.skipToEndOfLine()
        cursor.skipNewline()
        while !cursor.isAtEnd {
            cursor.skipWhitespace()
            guard let byte = cursor.peek() else { return }
            switch byte {
            case TOMLByte.lineFeed, TOMLByte.hash, TOMLByte.openBracket, TOMLByte.quote, TOMLByte.apostrophe:
                return
            case _ where TOMLByte.isBareKey(byte):
                return
            default:
                cursor.skipToEndOfLine()
                cursor.skipNewline()
            }
        }
    }

    /// `[a.b]` or `[[a.b]]`; makes the table it names the current one. Returns the key, for messages.
    private mutating func parseHeader() throws(TOMLProblem) -> (key: TOMLKey, isArray: Bool) {
        let start = cursor.location
        // Until the header is known to be good, keys below it must not land in the previous table.
        var accepted = false
        defer {
            if !accepted {
                current = TOMLTableBuilder(origin: .header, headerRange: SourceRange(at: start), depth: 0)
            }
        }
        let isArray = cursor.peek(1) == TOMLByte.openBracket
        cursor.advance(by: isArray ? 2 : 1)
        cursor.skipWhitespace()
        if cursor.peek() == TOMLByte.closeBracket {
            let open = isArray ? "[[" : "["
            throw problemHere(.toml("missing table name between '\(open)' and ']'", "missingTableName", ["open": open]))
        }
        let key = try parseKey()
        if isArray ? !cursor.lookingAt("]]") : cursor.peek() != TOMLByte.closeBracket {
            if isArray && cursor.peek() == TOMLByte.closeBracket {
                let spaced = cursor.peek(1) == TOMLByte.space || cursor.peek(1) == TOMLByte.tab
                throw problemHere(
                    spaced
                        ? .toml(
                            "the header [[\(key.display)]] must end with ']]', without a space between the brackets",
                            "arrayHeaderSpaced", ["key": key.display])
                        : .toml(
                            "the header [[\(key.display)]] must end with ']]'", "arrayHeaderEnd", ["key": key.display]))
            }
            if cursor.peek() == TOMLByte.equals {
                throw problemHere(
                    .toml(
                        "a table header cannot contain '='; write [\(key.display)] on its own line", "headerWithEquals",
                        ["key": key.display]))
            }
            let (open, close) = isArray ? ("[[", "]]") : ("[", "]")
            let found = cursor.describeCurrent()
            throw problemHere(
                .toml(
                    "expected '\(close)' to close the header \(open)\(key.display), found \(found)", "headerNotClosed",
                    ["close": close, "header": open + key.display], parts: ["found": found]))
        }
        cursor.advance(by: isArray ? 2 : 1)
        let range = SourceRange(start: start, end: cursor.location)
        do {
            current =
                try isArray
                ? TOMLTreeRules.openArrayElement(key, header: range, root: root)
                : TOMLTreeRules.openTable(key, header: range, root: root)
            accepted = true
        } catch {
            // Keys under a rejected header are still checked (by the deferred placeholder table), but kept out
            // of the document.
            report(error)
        }
        return (key, isArray)
    }

    /// `key = value`, added to `table`. Returns the key, for messages.
    @discardableResult
    mutating func parseKeyValue(into table: TOMLTableBuilder) throws(TOMLProblem) -> TOMLKey {
        let key = try parseKey()
        guard cursor.peek() == TOMLByte.equals else {
            if cursor.atNewline || cursor.isAtEnd || cursor.peek() == TOMLByte.hash {
                throw problemHere(
                    .toml(
                        "expected '=' after key '\(key.display)' (the key, '=' and value go on one line)",
                        "equalsAtEndOfLine", ["key": key.display]))
            }
            let found = cursor.describeCurrent()
            throw problemHere(
                .toml(
                    "expected '=' after key '\(key.display)', found \(found)", "expectedEquals", ["key": key.display],
                    parts: ["found": found]))
        }
        cursor.advance()
        cursor.skipWhitespace()
        let errorsBefore = diagnostics.count
        let node = try parseValue(depth: table.depth + key.count, key: key)
        guard diagnostics.count == errorsBefore else { return key }
        do {
            try TOMLTreeRules.insert(key, node, into: table)
        } catch {
            report(error)
        }
        return key
    }

    // MARK: Keys

    /// A bare, quoted or dotted key, and the spaces after it.
    mutating func parseKey() throws(TOMLProblem) -> TOMLKey {
        var key = TOMLKey(try parseKeySegment(afterDot: false))
        while true {
            cursor.skipWhitespace()
            guard cursor.peek() == TOMLByte.dot else { return key }
            cursor.advance()
            cursor.skipWhitespace()
            key.append(try parseKeySegment(afterDot: true))
        }
    }

    private mutating func parseKeySegment(afterDot: Bool) throws(TOMLProblem) -> TOMLKey.Segment {
        let start = cursor.location
        let startIndex = cursor.index
        guard let byte = cursor.peek() else {
            throw problemHere(
                afterDot ? .toml("expected a key after '.'", "keyAfterDot") : .toml("expected a key", "keyMissing"))
        }
        switch byte {
        case TOMLByte.quote, TOMLByte.apostrophe:
            if cursor.lookingAt("\"\"\"") || cursor.lookingAt("'''") {
                throw problemHere(.toml("a key cannot be a multi-line string", "multiLineKey"))
            }
            let name = try byte == TOMLByte.quote ? parseBasicString() : parseLiteralString()
            return TOMLKey.Segment(name: name, range: SourceRange(start: start, end: cursor.location))
        case _ where TOMLByte.isBareKey(byte) || byte >= 0x80:
            while let next = cursor.peek(), TOMLByte.isBareKey(next) {
                cursor.advance()
            }
            if let next = cursor.peek(), next >= 0x80 {
                // Letters such as 'ở' cannot be in a bare key; show the whole word quoted.
                while let next = cursor.peek(), TOMLByte.isBareKey(next) || next >= 0x80 {
                    cursor.advanceScalar()
                }
                let word = cursor.text(from: startIndex)
                throw problem(
                    .toml(
                        "the key '\(word)' must be in quotes (\"\(word)\"): a key without quotes may only contain "
                            + "the letters A-Z and a-z, digits, '_' and '-'",
                        "bareKeyLetters", ["key": word]),
                    from: start)
            }
            return TOMLKey.Segment(
                name: cursor.text(from: startIndex),
                range: SourceRange(start: start, end: cursor.location)
            )
        case TOMLByte.equals:
            throw problemHere(
                afterDot
                    ? .toml("expected a key after '.', found '='", "equalsAfterDot")
                    : .toml("missing key before '='", "keyBeforeEquals"))
        case TOMLByte.dot:
            throw problemHere(
                afterDot
                    ? .toml("two dots in a row in a key", "twoDots")
                    : .toml("a key cannot start with '.'", "leadingDot"))
        default:
            let found = cursor.atNewline ? Phrase.endOfLine : cursor.describeCurrent()
            throw problemHere(
                afterDot
                    ? .toml("expected a key after '.', found \(found)", "keyAfterDotFound", parts: ["found": found])
                    : .toml("expected a key, found \(found)", "keyFound", parts: ["found": found]))
        }
    }
}

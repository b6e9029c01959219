package import DeadlineKit

// How the TOML reader is put together (for the next engineer):
//
//   TOMLReader             the public entry point; UTF-8 checking for raw bytes
//   TOMLCursor             bytes -> position; keeps line and column (in Unicode scalars) as it moves
//   TOMLParser (+Values, +Strings)
//                          recursive descent over the bytes: lines, headers, keys, values; syntax errors are
//                          thrown to the line loop, which reports them and skips to the next statement
//   TOMLNumberLiteral, TOMLDateTimeLiteral
//                          the rules for one number or date token, with messages for people, not parsers
//   TOMLTreeRules          where a header or key may add to what was read: TOML's "defined twice" rules
//   TOMLTableBuilder       the growing tree (classes), turned into immutable TOMLTable values at the end
//   TOMLValue, TOMLTable, TOMLDateTime
//                          the public, Sendable result, with a SourceRange on every key and value
//
// Conformance is checked against toml-lang/toml-test (all TOML 1.0.0 cases) outside this repository; the
// examples of the specification itself are unit tests in Tests/DeadlineConfigTests/TOMLSpec*Tests.swift.

/// Reads TOML 1.0.0 text into a ``TOMLDocument`` that keeps the position of every key and value, so that a
/// later check ("unknown key", "expected a date") can report `file:line:column` as well as the parser does.
///
/// Reading never stops at the first problem: after a syntax error it skips to the next line that starts a key or
/// a header and carries on, so one run reports every broken line. It never throws and never traps, whatever the
/// input. Use it for files people edit by hand; it does not write TOML.
package enum TOMLReader {
    /// Parses the whole text.
    ///
    /// - Parameters:
    ///   - text: The file's contents. A leading byte order mark is ignored; LF and CRLF line endings are accepted.
    ///   - file: The name to put in diagnostics, such as `deadlines.d/5418.toml`.
    /// - Returns: The document built from everything that could be read, and every syntax and semantic error
    ///   (duplicate keys, tables defined twice, impossible dates, ...) in the order found. When the diagnostics
    ///   hold errors, the document lacks the broken parts.
    package static func parse(_ text: String, file: String) -> (document: TOMLDocument, diagnostics: [Diagnostic]) {
        var parser = TOMLParser(bytes: Array(text.utf8), file: file)
        let document = parser.parseDocument()
        return (document, parser.diagnostics)
    }

    /// Parses a file's raw bytes, reporting any that are not valid UTF-8 (as a file saved in a legacy Vietnamese
    /// encoding such as TCVN3 or Windows-1258 would be) before parsing the rest.
    ///
    /// Invalid bytes read as U+FFFD, so the rest of the file is still checked. At most one encoding error is
    /// reported per line.
    package static func parse(utf8 bytes: [UInt8], file: String) -> (document: TOMLDocument, diagnostics: [Diagnostic])
    {
        let encodingErrors = encodingDiagnostics(bytes, file: file)
        guard !encodingErrors.isEmpty else {
            var parser = TOMLParser(bytes: bytes, file: file)
            let document = parser.parseDocument()
            return (document, parser.diagnostics)
        }
        let (document, diagnostics) = parse(String(decoding: bytes, as: UTF8.self), file: file)
        return (document, encodingErrors + diagnostics)
    }

    /// One error for each line that holds bytes that are not UTF-8, at the first such byte.
    private static func encodingDiagnostics(_ bytes: [UInt8], file: String) -> [Diagnostic] {
        // Nearly every file is valid: the standard library's validation says so faster than decoding scalar by scalar.
        if String(validating: bytes, as: UTF8.self) != nil { return [] }
        var diagnostics: [Diagnostic] = []
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        var reportedLine = 0
        var first = true
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else if !(first && scalar == "\u{FEFF}") {
                    column += 1
                }
            case .emptyInput:
                break decoding
            case .error:
                if reportedLine != line {
                    reportedLine = line
                    let location = SourceLocation(line: line, column: column)
                    diagnostics.append(
                        .error(
                            file,
                            SourceRange(start: location, end: SourceLocation(line: line, column: column + 1)),
                            .toml("this line is not valid UTF-8; save the file with the UTF-8 encoding", "notUTF8")
                        )
                    )
                }
                column += 1
            }
            first = false
        }
        return diagnostics
    }
}

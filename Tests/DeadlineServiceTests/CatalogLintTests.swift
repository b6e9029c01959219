import Testing

/// A string literal in Swift source: its text with interpolations taken out, what stands around it on its line,
/// and the line above (where swift-format puts a comment that would overflow, or the label of a long argument).
struct SourceLiteral {
    var text: String
    var before: String
    var after: String
    var line: Int
    var above: String = ""
}

/// The string literals of a Swift source file, comments skipped; `"…\(x)…"` gives its text without `\(x)`, and
/// the literals inside an interpolation are literals of their own.
func stringLiterals(in source: String) -> [SourceLiteral] {
    let chars = Array(source)
    var literals: [SourceLiteral] = []
    var i = 0
    var line = 1
    func lineText(around index: Int) -> (before: String, after: String) {
        var start = index
        while start > 0, chars[start - 1] != "\n" { start -= 1 }
        var end = index
        while end < chars.count, chars[end] != "\n" { end += 1 }
        return (String(chars[start..<index]), String(chars[index..<end]))
    }
    /// Reads a literal starting at `i` (on its opening quote); returns the index after it.
    func readLiteral(_ start: Int) -> Int {
        let multiline = start + 2 < chars.count && chars[start + 1] == "\"" && chars[start + 2] == "\""
        var j = start + (multiline ? 3 : 1)
        var text = ""
        var nested: [Int] = []
        while j < chars.count {
            let c = chars[j]
            if c == "\\", j + 1 < chars.count {
                if chars[j + 1] == "(" {
                    // An interpolation: skip to its closing parenthesis, reading the literals inside it.
                    var depth = 1
                    j += 2
                    while j < chars.count, depth > 0 {
                        if chars[j] == "\"" {
                            nested.append(j)
                            j = readLiteral(j)
                            continue
                        }
                        if chars[j] == "(" { depth += 1 }
                        if chars[j] == ")" { depth -= 1 }
                        j += 1
                    }
                    continue
                }
                j += 2
                continue
            }
            if multiline {
                if c == "\"", j + 2 < chars.count, chars[j + 1] == "\"", chars[j + 2] == "\"" {
                    j += 3
                    break
                }
            } else if c == "\"" {
                j += 1
                break
            }
            text.append(c)
            j += 1
        }
        let (before, _) = lineText(around: start)
        let (_, after) = lineText(around: j)
        let startLine = 1 + chars[0..<start].filter { $0 == "\n" }.count
        var lineStart = start
        while lineStart > 0, chars[lineStart - 1] != "\n" { lineStart -= 1 }
        let above = lineStart > 0 ? lineText(around: lineStart - 1).before : ""
        literals.append(SourceLiteral(text: text, before: before, after: after, line: startLine, above: above))
        return j
    }
    while i < chars.count {
        let c = chars[i]
        if c == "\n" { line += 1 }
        if c == "/", i + 1 < chars.count, chars[i + 1] == "/" {
            while i < chars.count, chars[i] != "\n" { i += 1 }
            continue
        }
        if c == "/", i + 1 < chars.count, chars[i + 1] == "*" {
            i += 2
            while i + 1 < chars.count, !(chars[i] == "*" && chars[i + 1] == "/") { i += 1 }
            i += 2
            continue
        }
        if c == "\"" {
            i = readLiteral(i)
            continue
        }
        i += 1
    }
    return literals
}

/// Why a literal may stand in an admin command's source, or nil when it is a text for people that should come
/// from the catalog.
func exemption(_ literal: SourceLiteral) -> String? {
    let text = literal.text
    guard text.contains(where: \.isLetter) else { return "no words" }
    let trimmedAbove = literal.above.trimmingCharacters(in: " ")
    // A literal that starts its line continues the line above (an argument swift-format moved down).
    let trimmedBefore =
        literal.before.trimmingCharacters(in: " ").isEmpty ? trimmedAbove : literal.before.trimmingCharacters(in: " ")
    for label in ["help:", "abstract:", "discussion:", "commandName:", ".customLong("]
    where trimmedBefore.hasSuffix(label) {
        return "argument-parser's help, in English like the man pages made from it"
    }
    if trimmedBefore.contains("logger.") || trimmedBefore.contains("Logger(")
        || trimmedBefore.contains("makeHandler(identifier:")
    {
        return "a journal entry: its MESSAGE is English, as every journal entry"
    }
    let isName = text.allSatisfy { ($0.isLetter && $0.isASCII && $0.isLowercase) || $0 == "_" }
    if literal.after.contains("// machine:") || trimmedAbove.hasPrefix("// machine:") {
        return "marked on its line or the line above: a text for programs, with the reason"
    }
    if isName, literal.after.hasPrefix(":") { return "a dictionary key: a placeholder's or a metadata field's name" }
    if isName, trimmedBefore.hasSuffix("["), literal.after.hasPrefix("]") {
        return "a dictionary subscript: a placeholder's name"
    }
    if text.allSatisfy({ $0.isUppercase || $0 == " " }) { return "a word of the control protocol" }
    if isName, trimmedBefore.hasSuffix("("), literal.after.hasPrefix(",") { return "a JSON member name" }
    if !text.contains(where: \.isWhitespace), text.allSatisfy(\.isASCII),
        text.contains(where: { !$0.isLetter }) || text.allSatisfy({ $0.isUppercase })
    {
        return "a machine word: an id, a path, an option, a protocol word"
    }
    return knownMachineWords[text]
}

/// Single words that are not for people to read, each with the reason.
let knownMachineWords: [String: String] = [
    "last": "the keyword of `outbox --show last`",
    "From": "a mail header name", "To": "a mail header name", "Date": "a mail header name",
    "Subject": "a mail header name",
    "uid ": "a user without a name: `uid 1000`",
]

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}

@Suite("Lint: every text deadlinectl prints comes from the catalog")
struct CatalogLintTests {
    /// The sources of the admin's commands, but for the import command (being rewritten elsewhere) and the
    /// config reference (docs/configuration.md's, in English like the man pages).
    static let files: [String] = {
        let admin = fileNames(in: sourcesFolder("DeadlineService/Admin"))
            .filter { $0.hasSuffix(".swift") && !$0.hasPrefix("Import") && $0 != "ConfigReferenceDocument.swift" }
            .map { "DeadlineService/Admin/" + $0 }
        let executable = fileNames(in: sourcesFolder("deadlinectl"))
            .filter { $0.hasSuffix(".swift") && $0 != "ImportCommand.swift" }
            .map { "deadlinectl/" + $0 }
        // The web side's admin commands (`web-key`, `web-links`) print from there.
        return admin + executable + ["DeadlineService/Web/WebAdmin.swift"]
    }()

    @Test("no string literal for people outside the catalog")
    func noStrayText() {
        #expect(Self.files.count >= 20)
        var strays: [String] = []
        for file in Self.files {
            for literal in stringLiterals(in: readText(sourcesFolder(file))) where exemption(literal) == nil {
                strays.append("\(file):\(literal.line): \"\(literal.text)\"")
            }
        }
        #expect(
            strays.isEmpty,
            "texts for people belong in Sources/DeadlineService/Catalog:\n\(strays.joined(separator: "\n"))")
    }

    @Test("the lint finds a message written in place, and lets machine words through")
    func lintCatchesText() {
        let source = #"""
            Console.err("deadlinectl: the ledger cannot be used: \(error)\n")  // a comment "with a quote"
            let json: JSONValue = .object([("deadline_id", .string(id))])
            say(CommonText.ledgerUnusable, ["error": "\(error)"])
            let x = """
                multi-line text
                """
            """#
        let flagged = stringLiterals(in: source).filter { exemption($0) == nil }.map(\.text)
        #expect(flagged.count == 2)
        #expect(flagged.first == "deadlinectl: the ledger cannot be used: ")
        #expect(flagged.last?.contains("multi-line text") == true)
    }
}

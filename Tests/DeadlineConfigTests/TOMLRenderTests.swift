import DeadlineConfig
import DeadlineKit
import Testing

// Helpers shared by the TOML tests, and tests of the helpers themselves.

/// A document as compact text that shows every type: strings quoted, floats with a point or as `inf`/`nan`,
/// dates and times as RFC 3339, tables as `{"key":value,...}` in source order.
func tomlRender(_ value: TOMLValue) -> String {
    switch value {
    case .string(let text): return tomlQuoted(text)
    case .integer(let number): return String(number)
    case .float(let number):
        if number.isNaN { return "nan" }
        if number.isInfinite { return number < 0 ? "-inf" : "inf" }
        return "\(number)"
    case .boolean(let truth): return truth ? "true" : "false"
    case .dateTime(let dateTime): return dateTime.description
    case .array(let elements): return "[" + elements.map { tomlRender($0.value) }.joined(separator: ",") + "]"
    case .table(let table): return tomlRender(table)
    }
}

func tomlRender(_ table: TOMLTable) -> String {
    "{" + table.entries.map { tomlQuoted($0.key) + ":" + tomlRender($0.node.value) }.joined(separator: ",") + "}"
}

/// JSON-style quoting: `"`, `\` and control characters escaped, everything else (Vietnamese included) as is.
func tomlQuoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        case "\r": result += "\\r"
        case _ where scalar.value < 0x20 || scalar.value == 0x7F:
            let hex = String(scalar.value, radix: 16, uppercase: true)
            result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        default: result.unicodeScalars.append(scalar)
        }
    }
    return result + "\""
}

/// Parses text that must be valid; records an issue for every diagnostic and returns the rendered root.
func tomlRenderValid(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
    let (document, diagnostics) = TOMLReader.parse(text, file: "test.toml")
    #expect(diagnostics.map(\.description) == [], sourceLocation: sourceLocation)
    return tomlRender(document.root)
}

/// Parses text that must be valid and returns its document.
func tomlParseValid(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> TOMLDocument {
    let (document, diagnostics) = TOMLReader.parse(text, file: "test.toml")
    #expect(diagnostics.map(\.description) == [], sourceLocation: sourceLocation)
    return document
}

/// The diagnostics for text, each as `line:column: message`.
func tomlErrors(_ text: String) -> [String] {
    TOMLReader.parse(text, file: "test.toml").diagnostics.map { diagnostic in
        #expect(diagnostic.severity == .error)
        let start = diagnostic.span.range?.start
        return "\(start?.line ?? 0):\(start?.column ?? 0): \(diagnostic.message)"
    }
}

/// `line:column-line:column`, for comparing ranges in one string.
func tomlDescribe(_ range: SourceRange?) -> String {
    guard let range else { return "nil" }
    return "\(range.start.line):\(range.start.column)-\(range.end.line):\(range.end.column)"
}

/// The node at a dotted path of table keys and array indexes, such as `["deadline", 0, "id"]`.
func tomlNode(_ document: TOMLDocument, _ path: [any TOMLPathComponent]) -> TOMLNode? {
    var current = TOMLNode(value: .table(document.root), range: SourceRange(at: .init(line: 1, column: 1)))
    for component in path {
        guard let next = component.tomlStep(current) else { return nil }
        current = next
    }
    return current
}

protocol TOMLPathComponent {
    func tomlStep(_ node: TOMLNode) -> TOMLNode?
}

extension String: TOMLPathComponent {
    func tomlStep(_ node: TOMLNode) -> TOMLNode? { node.value.tableValue?[self] }
}

extension Int: TOMLPathComponent {
    func tomlStep(_ node: TOMLNode) -> TOMLNode? {
        guard let elements = node.value.arrayValue, elements.indices.contains(self) else { return nil }
        return elements[self]
    }
}

@Suite("TOML test helpers")
struct TOMLRenderTests {
    @Test func rendersEveryType() {
        let text = """
            s = "a\\"b\\n"
            i = -3
            f = 1.0
            b = false
            d = 2024-02-29
            a = [1, "x"]
            t = { k = inf }
            """
        #expect(
            tomlRenderValid(text)
                == #"{"s":"a\"b\n","i":-3,"f":1.0,"b":false,"d":2024-02-29,"a":[1,"x"],"t":{"k":inf}}"#
        )
    }

    @Test(arguments: [
        ("'x'", "string", "a string"), ("1", "integer", "an integer"), ("1.5", "float", "a float"),
        ("true", "boolean", "a boolean"), ("2020-12-10", "date", "a date"), ("08:00:00", "time", "a time"),
        ("2020-12-10T08:00:00", "date-time", "a date-time"), ("2020-12-10T08:00:00Z", "date-time", "a date-time"),
        ("[]", "array", "an array"), ("{}", "table", "a table"),
    ])
    func typeNamesForMessages(_ literal: String, _ name: String, _ withArticle: String) throws {
        let value = try #require(tomlParseValid("v = \(literal)").root["v"]?.value)
        #expect(value.typeName == name)
        #expect(value.typeNameWithArticle == withArticle)
    }

    @Test func handBuiltTablesFindTheFirstOfRepeatedKeys() {
        let range = SourceRange(at: .init(line: 1, column: 1))
        for count in [3, 40] {
            let entries = (0..<count).map { index in
                TOMLTable.Entry(
                    key: index % 2 == 0 ? "even" : "k\(index)", keyRange: range,
                    node: TOMLNode(value: .integer(Int64(index)), range: range))
            }
            let table = TOMLTable(entries: entries)
            #expect(table["even"]?.value.integerValue == 0)
            #expect(table["k1"]?.value.integerValue == 1)
            #expect(table["missing"] == nil)
            #expect(table.headerRange == nil && !table.isInline && table.count == count)
        }
    }

    @Test func errorsAreLineColumnMessage() {
        #expect(tomlErrors("a = 1\na = 2") == ["2:1: duplicate key 'a' (first defined at line 1)"])
    }

    @Test func pathsReachIntoArraysAndTables() {
        let document = tomlParseValid("[[d]]\nid = 1\n[[d]]\nid = 2")
        #expect(tomlNode(document, ["d", 1, "id"])?.value.integerValue == 2)
        #expect(tomlNode(document, ["d", 2, "id"]) == nil)
        #expect(tomlNode(document, ["e"]) == nil)
    }
}

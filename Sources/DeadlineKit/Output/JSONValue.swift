/// A JSON value whose objects keep their keys in the order written, so `--json` output is stable and
/// reads in a sensible order (Foundation's encoder can only sort keys alphabetically).
public indirect enum JSONValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
    case string(String)
    case integer(Int64)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(Int64(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    /// `.string(s)` or `.null`.
    public static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// Compact (one line) or pretty (two-space indent, one key per line) text.
    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, pretty: pretty, indent: 0)
        return out
    }

    func write(to out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .integer(let i): out += String(i)
        case .double(let d): out += d.isFinite ? String(d) : "null"
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "]"
        case .object(let members):
            if members.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += "," }
                if pretty { out += "\n" + String(repeating: "  ", count: indent + 1) }
                JSONValue.writeString(key, to: &out)
                out += pretty ? ": " : ":"
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out += "\n" + String(repeating: "  ", count: indent) }
            out += "}"
        }
    }

    /// Runs of bytes that need no escape are copied whole (the common case: most strings have none).
    static func writeString(_ s: String, to out: inout String) {
        out += "\""
        let utf8 = s.utf8
        var runStart = utf8.startIndex
        var i = runStart
        while i != utf8.endIndex {
            let byte = utf8[i]
            guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 else {
                i = utf8.index(after: i)
                continue
            }
            out += String(decoding: utf8[runStart..<i], as: UTF8.self)
            switch byte {
            case UInt8(ascii: "\""): out += "\\\""
            case UInt8(ascii: "\\"): out += "\\\\"
            case UInt8(ascii: "\n"): out += "\\n"
            case UInt8(ascii: "\r"): out += "\\r"
            case UInt8(ascii: "\t"): out += "\\t"
            default:
                let hex = String(byte, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            i = utf8.index(after: i)
            runStart = i
        }
        out += String(decoding: utf8[runStart..<utf8.endIndex], as: UTF8.self)
        out += "\""
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered(pretty: false) == rhs.rendered(pretty: false)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rendered(pretty: false))
    }
}

/// Writes a pretty JSON object whose last member is a long array without holding the whole text, or a tree of it,
/// in memory: the elements are rendered one by one and handed to `sink` in pieces of about 64 KB. The text is
/// exactly `JSONValue.object(head + [(arrayKey, .array(elements))]).rendered()`.
public enum JSONStream {
    public static func writeObject(
        head: [(String, JSONValue)], arrayKey: String, elements: some Sequence<JSONValue>, to sink: (String) -> Void
    ) {
        var out = "{"
        for (key, value) in head {
            out += "\n  "
            JSONValue.writeString(key, to: &out)
            out += ": "
            value.write(to: &out, pretty: true, indent: 1)
            out += ","
        }
        out += "\n  "
        JSONValue.writeString(arrayKey, to: &out)
        out += ": ["
        var first = true
        for element in elements {
            out += first ? "\n    " : ",\n    "
            first = false
            element.write(to: &out, pretty: true, indent: 2)
            if out.utf8.count >= 65_536 {
                sink(out)
                out = ""
            }
        }
        out += first ? "]\n}" : "\n  ]\n}"
        sink(out)
    }
}

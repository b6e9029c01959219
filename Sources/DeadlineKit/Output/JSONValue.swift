/// A JSON value whose objects keep their keys in the order written, so `--json` output is stable and
/// reads in a sensible order (Foundation's encoder can only sort keys alphabetically).
package indirect enum JSONValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral
{
    case string(String)
    case integer(Int64)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int) { self = .integer(Int64(value)) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }

    /// `.string(s)` or `.null`.
    package static func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// Compact (one line) or pretty (two-space indent, one key per line) text.
    package func rendered(pretty: Bool = true) -> String {
        var out: [UInt8] = []
        write(to: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    /// Written as UTF-8 bytes: appending bytes is several times cheaper than appending to a `String`, which
    /// matters when `plan --json` writes two million objects.
    func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
        switch self {
        case .string(let s): JSONValue.writeString(s, to: &out)
        case .integer(let i): out.append(contentsOf: String(i).utf8)
        case .double(let d): out.append(contentsOf: (d.isFinite ? String(d) : "null").utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newLine(indent + 1, to: &out) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONValue.newLine(indent, to: &out) }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { JSONValue.newLine(indent + 1, to: &out) }
                JSONValue.writeString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { JSONValue.newLine(indent, to: &out) }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func newLine(_ indent: Int, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<(2 * indent) { out.append(UInt8(ascii: " ")) }
    }

    /// Runs of bytes that need no escape are copied whole (the common case: most strings have none).
    static func writeString(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.makeContiguousUTF8()
        out.append(UInt8(ascii: "\""))
        s.utf8.withContiguousStorageIfAvailable { bytes in
            var runStart = 0
            for i in 0..<bytes.count {
                let byte = bytes[i]
                guard byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<i]))
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
                case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
                case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out.append(contentsOf: [UInt8(ascii: "u"), 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 15)]])
                }
                runStart = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered(pretty: false) == rhs.rendered(pretty: false)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(rendered(pretty: false))
    }
}

/// Writes a pretty JSON object whose last member is a long array without holding the whole text, or a tree of it,
/// in memory: the elements are rendered one by one and handed to `sink` in pieces of about 64 KB. The text is
/// exactly `JSONValue.object(head + [(arrayKey, .array(elements))]).rendered()`.
package enum JSONStream {
    package static func writeObject(
        head: [(String, JSONValue)], arrayKey: String, elements: some Sequence<JSONValue>, to sink: (String) -> Void
    ) {
        var out: [UInt8] = []
        out.reserveCapacity(70_000)
        out.append(UInt8(ascii: "{"))
        for (key, value) in head {
            JSONValue.newLine(1, to: &out)
            JSONValue.writeString(key, to: &out)
            out.append(contentsOf: ": ".utf8)
            value.write(to: &out, pretty: true, indent: 1)
            out.append(UInt8(ascii: ","))
        }
        JSONValue.newLine(1, to: &out)
        JSONValue.writeString(arrayKey, to: &out)
        out.append(contentsOf: ": [".utf8)
        var first = true
        for element in elements {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            JSONValue.newLine(2, to: &out)
            element.write(to: &out, pretty: true, indent: 2)
            if out.count >= 65_536 {
                sink(String(decoding: out, as: UTF8.self))
                out.removeAll(keepingCapacity: true)
            }
        }
        if first {
            out.append(contentsOf: "]\n}".utf8)
        } else {
            JSONValue.newLine(1, to: &out)
            out.append(contentsOf: "]\n}".utf8)
        }
        sink(String(decoding: out, as: UTF8.self))
    }
}

import DeadlineKit

/// A key as written, split at its dots: `site."google.com"` is two segments.
struct TOMLKey {
    struct Segment {
        var name: String
        var range: SourceRange
    }

    /// The first segment, kept apart so that the common undotted key needs no array.
    private(set) var first: Segment
    private var rest: [Segment] = []

    init(_ first: Segment) {
        self.first = first
    }

    mutating func append(_ segment: Segment) {
        rest.append(segment)
    }

    var count: Int { rest.count + 1 }

    var last: Segment { rest.last ?? first }

    /// All segments; allocates, so used only for dotted keys and messages.
    var segments: [Segment] { [first] + rest }

    /// From the first character of the first segment to the end of the last.
    var range: SourceRange {
        SourceRange(start: first.range.start, end: last.range.end)
    }

    /// The key as a reader would write it, for messages: `fruit.apple`, `site."google.com"`.
    var display: String { TOMLKey.display(segments.map(\.name)) }

    static func display(_ names: some Sequence<String>) -> String {
        names.map(displaySegment).joined(separator: ".")
    }

    /// A bare name as is; anything else in double quotes with `"`, `\` and control characters escaped.
    static func displaySegment(_ name: String) -> String {
        if !name.isEmpty && name.utf8.allSatisfy(TOMLByte.isBareKey) {
            return name
        }
        var quoted = "\""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                quoted += "\\u" + String(TOMLByte.hexName(scalar.value).dropFirst(2))
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }
}

/// A table while the document is being read. Unlike ``TOMLTable`` it can grow, and it remembers how it was made,
/// which decides what may still be added to it.
final class TOMLTableBuilder {
    enum Origin {
        /// The root table.
        case root
        /// Made because a deeper header named it (`[a]` by `[a.b]`); a later `[a]` header may still define it.
        case implicit
        /// Defined by its own `[a]` header.
        case header
        /// Made by a dotted key (`a.b = 1` makes `a`); only more dotted keys may add to it.
        case dotted
        /// An element of an array of tables, made by a `[[a]]` header.
        case arrayElement
        /// An inline `{ ... }` table while its braces are being read.
        case inline
    }

    enum Value {
        /// A finished value that nothing may add to: a scalar, a `[...]` array or an inline table.
        case closed(TOMLNode)
        case table(TOMLTableBuilder)
        case tableArray(TOMLTableArrayBuilder)
    }

    struct Entry {
        let key: String
        var keyRange: SourceRange
        var value: Value
    }

    var origin: Origin
    /// See ``TOMLTable/headerRange``; for the root, an empty range at 1:1.
    var headerRange: SourceRange
    /// The key in the table's own `[header]`, once it has one; for messages.
    var headerKey: TOMLKey?
    /// How many tables and arrays enclose this one.
    let depth: Int
    private(set) var entries: [Entry] = []
    private var index: [String: Int]?

    init(origin: Origin, headerRange: SourceRange, depth: Int) {
        self.origin = origin
        self.headerRange = headerRange
        self.depth = depth
    }

    /// The position of `key` in ``entries``.
    func position(of key: String) -> Int? {
        if let index {
            return index[key]
        }
        return entries.firstIndex { $0.key == key }
    }

    func append(_ entry: Entry) {
        if entries.isEmpty {
            // Most tables get a handful of keys; growing one at a time would copy them thrice.
            entries.reserveCapacity(8)
        }
        entries.append(entry)
        if index != nil {
            index?[entry.key] = entries.count - 1
        } else if entries.count > 16 {
            var index: [String: Int] = [:]
            for (position, entry) in entries.enumerated() {
                index[entry.key] = position
            }
            self.index = index
        }
    }

    func update(at position: Int, _ change: (inout Entry) -> Void) {
        change(&entries[position])
    }

    /// A new empty table stored under `segment`.
    func addTable(_ segment: TOMLKey.Segment, origin: Origin, headerRange: SourceRange) -> TOMLTableBuilder {
        let table = TOMLTableBuilder(origin: origin, headerRange: headerRange, depth: depth + 1)
        append(Entry(key: segment.name, keyRange: segment.range, value: .table(table)))
        return table
    }

    /// The finished, immutable table. Empties the builder as it goes, so that the two trees are not both
    /// held in memory whole.
    func build() -> TOMLTable {
        let entries = self.entries
        self.entries = []
        index = nil
        var built: [TOMLTable.Entry] = []
        built.reserveCapacity(entries.count)
        for entry in entries {
            let node: TOMLNode
            switch entry.value {
            case .closed(let closed):
                node = closed
            case .table(let table):
                node = table.buildNode()
            case .tableArray(let array):
                node = TOMLNode(value: .array(array.elements.map { $0.buildNode() }), range: array.range)
            }
            built.append(TOMLTable.Entry(key: entry.key, keyRange: entry.keyRange, node: node))
        }
        return TOMLTable(
            entries: built,
            headerRange: origin == .root ? nil : headerRange,
            isInline: origin == .inline
        )
    }

    func buildNode() -> TOMLNode {
        TOMLNode(value: .table(build()), range: headerRange)
    }
}

/// An array of tables while the document is being read: `[[a]]` headers append to it.
final class TOMLTableArrayBuilder {
    /// The first `[[a]]` header.
    let range: SourceRange
    var elements: [TOMLTableBuilder] = []

    init(range: SourceRange) {
        self.range = range
    }
}

/// A problem found while adding to the tree: what to say and where.
struct TOMLProblem: Error {
    var range: SourceRange
    var message: Phrase
    /// The cursor already stands at the start of a statement on a later line (as after an array whose `]` was
    /// forgotten), so reading resumes there instead of skipping that line.
    var resumeAtCursor = false
}

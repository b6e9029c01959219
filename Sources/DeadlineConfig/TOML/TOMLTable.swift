package import DeadlineKit

/// A TOML table: keys in the order they first appear in the file, each with the range of the key as written.
///
/// Dotted keys and dotted headers make nested tables: `a.b.c = 1` gives a table `a` holding a table `b`
/// holding the key `c`. Each ``Entry/keyRange`` covers only that entry's own segment of the dotted key
/// (`b` for the entry `b`, `c` for the entry `c`), so a message about a key points at exactly that name.
package struct TOMLTable: Sendable {
    /// One key of a table with its value.
    package struct Entry: Sendable {
        /// The key with quotes removed and escapes decoded: `"Sở"` gives `Sở`.
        package let key: String
        /// Where the key is written: the segment of a dotted key or header that names this entry, quotes included.
        /// For a table first made implicitly (`[a.b]` makes `a`) and defined later by its own `[a]` header,
        /// this points into the defining header.
        package let keyRange: SourceRange
        /// The value and its range.
        package let node: TOMLNode

        /// An entry; the parser makes these, tests may too.
        package init(key: String, keyRange: SourceRange, node: TOMLNode) {
            self.key = key
            self.keyRange = keyRange
            self.node = node
        }
    }

    /// The keys and values in source order. Keys are unique when the table comes from ``TOMLReader``.
    package private(set) var entries: [Entry]

    /// Where the table was opened: its `[a.b]` or `[[a]]` header, the `{ ... }` of an inline table, or the whole
    /// dotted key that created it. `nil` for the root table. A table only implied by a deeper header
    /// (`[a]` implied by `[a.b]`) points at that deeper header.
    package var headerRange: SourceRange?

    /// True for an inline `{ ... }` table, which cannot be extended after its closing brace.
    /// Tables made by dotted keys inside an inline table are not themselves marked inline.
    package var isInline: Bool

    /// Key to index in ``entries``, only built for tables large enough to make linear search slow.
    private var index: [String: Int]?

    private static let indexThreshold = 16

    /// A table with the given entries. If a key repeats, lookups find the first.
    package init(entries: [Entry] = [], headerRange: SourceRange? = nil, isInline: Bool = false) {
        self.entries = entries
        self.headerRange = headerRange
        self.isInline = isInline
        if entries.count > Self.indexThreshold {
            var index: [String: Int] = [:]
            index.reserveCapacity(entries.count)
            for (position, entry) in entries.enumerated() where index[entry.key] == nil {
                index[entry.key] = position
            }
            self.index = index
        }
    }

    /// The value of `key`, or `nil` if the table does not have that key.
    package subscript(key: String) -> TOMLNode? {
        entry(forKey: key)?.node
    }

    /// The entry for `key` (with its ``Entry/keyRange``), or `nil` if the table does not have that key.
    package func entry(forKey key: String) -> Entry? {
        if let index {
            return index[key].map { entries[$0] }
        }
        return entries.first { $0.key == key }
    }

    /// The keys in source order.
    package var keys: [String] { entries.map(\.key) }

    /// The number of keys.
    package var count: Int { entries.count }

    /// True when the table has no keys.
    package var isEmpty: Bool { entries.isEmpty }
}

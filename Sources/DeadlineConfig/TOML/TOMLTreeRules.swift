import DeadlineKit

/// TOML's rules for what a header or a key may add to the tables read so far: no key or table defined twice,
/// no adding to inline tables or `=` arrays, dotted keys and headers not mixing, `[[a]]` only for arrays of tables.
enum TOMLTreeRules {
    /// Deeper nesting than this is refused, so that no input can exhaust the stack.
    static let maxDepth = 128

    /// The table a `[a.b.c]` header opens: defines `a.b.c`, making `a` and `a.b` as needed.
    static func openTable(
        _ key: TOMLKey,
        header: SourceRange,
        root: TOMLTableBuilder
    ) throws(TOMLProblem)
        -> TOMLTableBuilder
    {
        let what = { "table [\(key.display)]" }
        let parent = try descend(key, header: header, root: root, what: what)
        let last = key.last
        guard let position = parent.position(of: last.name) else {
            try checkDepth(parent, last)
            let table = parent.addTable(last, origin: .header, headerRange: header)
            table.headerKey = key
            return table
        }
        let existing = parent.entries[position]
        switch existing.value {
        case .table(let table) where table.origin == .implicit:
            table.origin = .header
            table.headerRange = header
            table.headerKey = key
            parent.update(at: position) { $0.keyRange = last.range }
            return table
        case .table(let table) where table.origin == .dotted:
            throw TOMLProblem(
                range: last.range,
                message: "\(what()) is already defined by the dotted key at line \(table.headerRange.start.line)"
            )
        case .table:
            throw TOMLProblem(
                range: last.range,
                message: "\(what()) is defined twice (first defined at line \(line(of: existing)))"
            )
        case .tableArray:
            throw TOMLProblem(
                range: last.range,
                message: "[\(key.display)] is an array of tables (first defined at line \(line(of: existing))); "
                    + "write [[\(key.display)]] to add an element to it"
            )
        case .closed(let node):
            throw closedProblem(node, existing, range: last.range, path: key.display, what: what())
        }
    }

    /// The new element a `[[a.b]]` header appends to the array of tables `a.b`, making the array if needed.
    static func openArrayElement(
        _ key: TOMLKey,
        header: SourceRange,
        root: TOMLTableBuilder
    ) throws(TOMLProblem)
        -> TOMLTableBuilder
    {
        let what = { "array of tables [[\(key.display)]]" }
        let parent = try descend(key, header: header, root: root, what: what)
        let last = key.last
        try checkDepth(parent, last)
        let element = TOMLTableBuilder(origin: .arrayElement, headerRange: header, depth: parent.depth + 1)
        guard let position = parent.position(of: last.name) else {
            let array = TOMLTableArrayBuilder(range: header)
            array.elements.append(element)
            parent.append(TOMLTableBuilder.Entry(key: last.name, keyRange: last.range, value: .tableArray(array)))
            return element
        }
        let existing = parent.entries[position]
        switch existing.value {
        case .tableArray(let array):
            array.elements.append(element)
            return element
        case .table:
            throw TOMLProblem(
                range: last.range,
                message: "cannot define \(what()): [\(key.display)] is already a table "
                    + "(defined at line \(line(of: existing)))"
            )
        case .closed(let node):
            if case .array = node.value {
                throw TOMLProblem(
                    range: last.range,
                    message: "cannot add to the array '\(key.display)' with [[\(key.display)]]: "
                        + "it was written with '=' at line \(line(of: existing))"
                )
            }
            throw closedProblem(node, existing, range: last.range, path: key.display, what: what())
        }
    }

    /// Adds `key = node` to `table`, making a table for each dotted segment before the last.
    static func insert(_ key: TOMLKey, _ node: TOMLNode, into start: TOMLTableBuilder) throws(TOMLProblem) {
        var table = start
        for (position, segment) in (key.count > 1 ? key.segments.dropLast() : []).enumerated() {
            let written = { TOMLKey.display(key.segments[...position].map(\.name)) }
            guard let found = table.position(of: segment.name) else {
                try checkDepth(table, segment)
                table = table.addTable(segment, origin: .dotted, headerRange: key.range)
                continue
            }
            let existing = table.entries[found]
            switch existing.value {
            case .table(let child) where child.origin == .dotted || child.origin == .implicit:
                if child.origin == .implicit {
                    // A table only implied by a deeper header is defined now, by this dotted key.
                    child.origin = .dotted
                    child.headerRange = key.range
                }
                table = child
            case .table(let child):
                let rest = TOMLKey.display(key.segments[(position + 1)...].map(\.name))
                let header = child.headerKey?.display ?? written()
                throw TOMLProblem(
                    range: segment.range,
                    message: "cannot add '\(key.display)' with a dotted key: table [\(header)] has its own header "
                        + "at line \(child.headerRange.start.line); write '\(rest)' under that header instead"
                )
            case .tableArray:
                throw TOMLProblem(
                    range: segment.range,
                    message: "cannot use the dotted key '\(key.display)': '\(written())' is an array of tables "
                        + "(defined at line \(line(of: existing)))"
                )
            case .closed(let node):
                throw closedProblem(
                    node,
                    existing,
                    range: segment.range,
                    path: written(),
                    what: "the dotted key '\(key.display)'",
                    verb: "use"
                )
            }
        }
        let last = key.last
        if let found = table.position(of: last.name) {
            throw TOMLProblem(
                range: last.range,
                message: "duplicate key '\(key.display)' (first defined at line \(line(of: table.entries[found])))"
            )
        }
        table.append(TOMLTableBuilder.Entry(key: last.name, keyRange: last.range, value: .closed(node)))
    }

    /// Walks a header's segments before the last, through tables and the last element of arrays of tables.
    private static func descend(
        _ key: TOMLKey,
        header: SourceRange,
        root: TOMLTableBuilder,
        what: () -> String
    )
        throws(TOMLProblem) -> TOMLTableBuilder
    {
        var table = root
        for (position, segment) in (key.count > 1 ? key.segments.dropLast() : []).enumerated() {
            guard let found = table.position(of: segment.name) else {
                try checkDepth(table, segment)
                table = table.addTable(segment, origin: .implicit, headerRange: header)
                continue
            }
            let existing = table.entries[found]
            switch existing.value {
            case .table(let child):
                table = child
            case .tableArray(let array):
                table = array.elements[array.elements.count - 1]
            case .closed(let node):
                let written = TOMLKey.display(key.segments[...position].map(\.name))
                throw closedProblem(node, existing, range: segment.range, path: written, what: what())
            }
        }
        return table
    }

    /// A header or dotted key runs into a value that is already complete.
    private static func closedProblem(
        _ node: TOMLNode,
        _ existing: TOMLTableBuilder.Entry,
        range: SourceRange,
        path: String,
        what: String,
        verb: String = "define"
    ) -> TOMLProblem {
        if case .table(let table) = node.value, table.isInline {
            return TOMLProblem(
                range: range,
                message:
                    "cannot \(verb) \(what): '\(path)' is an inline table (defined at line \(line(of: existing))), "
                    + "and an inline table cannot be extended"
            )
        }
        return TOMLProblem(
            range: range,
            message: "cannot \(verb) \(what): '\(path)' is already \(node.value.typeNameWithArticle) "
                + "(defined at line \(line(of: existing)))"
        )
    }

    private static func checkDepth(_ parent: TOMLTableBuilder, _ segment: TOMLKey.Segment) throws(TOMLProblem) {
        if parent.depth + 1 > maxDepth {
            throw TOMLProblem(range: segment.range, message: "tables are nested more than \(maxDepth) levels deep")
        }
    }

    private static func line(of entry: TOMLTableBuilder.Entry) -> Int {
        entry.keyRange.start.line
    }
}

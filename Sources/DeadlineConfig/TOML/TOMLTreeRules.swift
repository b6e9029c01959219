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
        let what = { Phrase.toml("define table [\(key.display)]", "defineTable", ["key": key.display]) }
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
            let line = String(table.headerRange.start.line)
            throw TOMLProblem(
                range: last.range,
                message: .toml(
                    "table [\(key.display)] is already defined by the dotted key at line \(line)", "tableByDottedKey",
                    ["key": key.display, "line": line]))
        case .table:
            let line = String(firstLine(of: existing))
            throw TOMLProblem(
                range: last.range,
                message: .toml(
                    "table [\(key.display)] is defined twice (first defined at line \(line))", "tableTwice",
                    ["key": key.display, "line": line]))
        case .tableArray:
            let line = String(firstLine(of: existing))
            throw TOMLProblem(
                range: last.range,
                message: .toml(
                    "[\(key.display)] is an array of tables (first defined at line \(line)); "
                        + "write [[\(key.display)]] to add an element to it",
                    "tableIsArray", ["key": key.display, "line": line]))
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
        let what = {
            Phrase.toml("define array of tables [[\(key.display)]]", "defineArrayOfTables", ["key": key.display])
        }
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
            let line = String(firstLine(of: existing))
            throw TOMLProblem(
                range: last.range,
                message: .toml(
                    "cannot define array of tables [[\(key.display)]]: [\(key.display)] is already a table "
                        + "(defined at line \(line))",
                    "arrayIsTable", ["key": key.display, "line": line]))
        case .closed(let node):
            if case .array = node.value {
                let line = String(firstLine(of: existing))
                throw TOMLProblem(
                    range: last.range,
                    message: .toml(
                        "cannot add to the array '\(key.display)' with [[\(key.display)]]: "
                            + "it was written with '=' at line \(line)",
                        "arrayWithEquals", ["key": key.display, "line": line]))
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
                let line = String(child.headerRange.start.line)
                throw TOMLProblem(
                    range: segment.range,
                    message: .toml(
                        "cannot add '\(key.display)' with a dotted key: table [\(header)] has its own header "
                            + "at line \(line); write '\(rest)' under that header instead",
                        "dottedIntoHeader", ["key": key.display, "header": header, "line": line, "rest": rest]))
            case .tableArray:
                let line = String(firstLine(of: existing))
                throw TOMLProblem(
                    range: segment.range,
                    message: .toml(
                        "cannot use the dotted key '\(key.display)': '\(written())' is an array of tables "
                            + "(defined at line \(line))",
                        "dottedIntoArray", ["key": key.display, "path": written(), "line": line]))
            case .closed(let node):
                let what = Phrase.toml("use the dotted key '\(key.display)'", "useDottedKey", ["key": key.display])
                throw closedProblem(node, existing, range: segment.range, path: written(), what: what)
            }
        }
        let last = key.last
        if let found = table.position(of: last.name) {
            let line = String(firstLine(of: table.entries[found]))
            throw TOMLProblem(
                range: last.range,
                message: .toml(
                    "duplicate key '\(key.display)' (first defined at line \(line))", "duplicateKey",
                    ["key": key.display, "line": line]))
        }
        table.append(TOMLTableBuilder.Entry(key: last.name, keyRange: last.range, value: .closed(node)))
    }

    /// Walks a header's segments before the last, through tables and the last element of arrays of tables.
    private static func descend(
        _ key: TOMLKey,
        header: SourceRange,
        root: TOMLTableBuilder,
        what: () -> Phrase
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
        what: Phrase
    ) -> TOMLProblem {
        let line = String(firstLine(of: existing))
        if case .table(let table) = node.value, table.isInline {
            return TOMLProblem(
                range: range,
                message: .toml(
                    "cannot \(what): '\(path)' is an inline table (defined at line \(line)), "
                        + "and an inline table cannot be extended",
                    "extendInline", ["path": path, "line": line], parts: ["action": what]))
        }
        let type = node.value.typeNamePhrase
        return TOMLProblem(
            range: range,
            message: .toml(
                "cannot \(what): '\(path)' is already \(type) (defined at line \(line))", "alreadyValue",
                ["path": path, "line": line], parts: ["action": what, "type": type]))
    }

    private static func checkDepth(_ parent: TOMLTableBuilder, _ segment: TOMLKey.Segment) throws(TOMLProblem) {
        if parent.depth + 1 > maxDepth {
            throw TOMLProblem(
                range: segment.range,
                message: .toml(
                    "tables are nested more than \(maxDepth) levels deep", "tablesTooDeep", ["levels": String(maxDepth)]
                ))
        }
    }

    private static func firstLine(of entry: TOMLTableBuilder.Entry) -> Int {
        entry.keyRange.start.line
    }
}

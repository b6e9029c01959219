/// A plain-text table for the terminal: left-aligned columns sized to their widest cell (counted in
/// characters, so Vietnamese text lines up), two spaces between columns.
package struct TextTable {
    package var header: [String]
    package var rows: [[String]] = []

    package init(header: [String]) {
        self.header = header
    }

    package mutating func append(_ row: [String]) {
        rows.append(row)
    }

    package func rendered() -> String {
        lines(withHeader: true)
    }

    /// The rows alone, lined up as ``rendered()`` lines them up.
    package func renderedRows() -> String {
        lines(withHeader: false)
    }

    private func lines(withHeader: Bool) -> String {
        var widths = header.map(\.count)
        for row in rows {
            while widths.count < row.count { widths.append(0) }
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                if i == cells.count - 1 {
                    out += cell
                } else {
                    out += cell + String(repeating: " ", count: widths[i] - cell.count + 2)
                }
            }
            return out
        }
        return ((withHeader ? [line(header)] : []) + rows.map(line)).joined(separator: "\n") + "\n"
    }

    /// `text` cut to `width` characters with an ellipsis.
    package static func truncate(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(max(width - 1, 0))) + "…"
    }
}

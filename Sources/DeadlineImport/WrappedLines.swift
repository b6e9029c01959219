import DeadlineKit
/// Paragraphs out of a PDF's text, whose lines `pdftotext` ends where the page's lines end.
///
/// The importer reads a line as a paragraph (a sentence ends at a line's end), so the lines of a paragraph are
/// joined again: a line that is nearly as long as the text's full lines (at least ``fullShare`` of the 90th
/// percentile of line lengths) and does not end a sentence (`.`, `:`, `;`, `!`, `?`) goes on into the next, unless
/// that one is blank or starts a list item (`-`, `+`, `•`, `1.`, `a)`). The short lines of a header (issuer, motto,
/// `Số:`, place and date) stay as they are, and so does an addressee line (`Kính gửi: ...`).
package enum WrappedLines {
    /// How long a line must be, against the text's full lines, to be a wrapped one.
    static let fullShare = 0.75
    /// Text whose full lines are shorter than this is not a page of prose: it is left alone.
    static let minimumFullLength = 40

    /// The text with each paragraph's lines joined by a space.
    package static func unwrap(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        let lengths = lines.map(\.count).filter { $0 > 0 }.sorted()
        guard !lengths.isEmpty else { return text }
        let full = lengths[min(lengths.count - 1, lengths.count * 9 / 10)]
        guard full >= minimumFullLength else { return text }
        let threshold = Int((Double(full) * fullShare).rounded(.up))
        var out = ""
        for (i, line) in lines.enumerated() {
            out += line
            guard i + 1 < lines.count else { break }
            let next = lines[i + 1]
            let wrapped =
                line.count >= threshold && !endsSentence(line) && !next.isEmpty && !startsItem(next)
                && !line.hasPrefix("Kính gửi")
            out += wrapped ? " " : "\n"
        }
        return out
    }

    private static func endsSentence(_ line: String) -> Bool {
        guard let last = line.last else { return true }
        return ".:;!?…".contains(last)
    }

    /// `- `, `+ `, `• `, `1. `, `a) `, `(1) `, `II. `: the start of a list item.
    private static func startsItem(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        if "-+•–*".contains(first) { return true }
        let head = line.prefix { $0 != " " }
        guard head.count <= 5, let mark = head.last, ".)".contains(mark) else { return false }
        let body = head.dropLast().drop { $0 == "(" }
        return !body.isEmpty
            && body.allSatisfy { $0.isNumber || "ivxlcIVXLC".contains($0) || ($0.isLetter && body.count == 1) }
    }
}

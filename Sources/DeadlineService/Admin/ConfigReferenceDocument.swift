import DeadlineConfig
import DeadlineKit

/// The config reference, generated from ``ConfigSchema`` so that docs and parser agree: as Markdown for
/// docs/configuration.md, and as mdoc(7) for the KEYS section of deadlined.toml(5) (man/src/deadlined.toml.5.in;
/// `make man`).
package enum ConfigReferenceDocument {
    package static func markdown() -> String {
        var out = ""
        for table in ConfigSchema.tables {
            out += "### `\(table.header)`\n\n\(table.doc)\n\n"
            out += "| key | type | default | meaning |\n|---|---|---|---|\n"
            for key in table.keys {
                var meaning = key.doc
                if let example = key.example { meaning += " Example: `\(key.name) = \(example)`." }
                let def = key.required ? "**required**" : (key.defaultValue.map { "`\($0)`" } ?? "—")
                out +=
                    "| `\(key.name)` | \(key.kind.documentation) | \(def) | \(meaning.replacingAll("|", with: "\\|")) |\n"
            }
            out += "\n"
        }
        return out
    }

    /// The same reference as mdoc(7) source: one `.Ss` per table, then a tag list of its keys, each with its
    /// meaning, example, type and default. Text is wrapped as mandoc's lint wants it (a new line for each
    /// sentence, lines of at most 80 bytes); code spans are bold, with `\-` for each hyphen.
    package static func mdoc() -> String {
        var out = ""
        for table in ConfigSchema.tables {
            // `\&` after the header: a closing bracket at the end would be read as punctuation.
            out += ".Ss \"\(table.header.replacingAll("\"", with: "\\(dq"))\\&\"\n"
            out += MdocText.lines(table.doc)
            out += ".Bl -tag -width Ds\n"
            for key in table.keys {
                out += ".It Ic \(key.name)\n"
                var meaning = key.doc
                if let example = key.example { meaning += " Example: `\(key.name) = \(example)`." }
                out += MdocText.lines(meaning)
                let type = key.kind.documentation.replacingAll("\\|", with: "|")
                let def = key.required ? "required" : (key.defaultValue.map { "default `\($0)`" } ?? "no default")
                out += ".br\n" + MdocText.lines("Type: \(type); \(def).")
            }
            out += ".El\n"
        }
        return out
    }
}

/// Markdown-ish text (`code`, **strong**) as mdoc(7) text lines.
enum MdocText {
    /// How long a text line may be; mandoc counts each non-ASCII character as its `\[uXXXX]` escape.
    static let lineLimit = 80

    static func lines(_ markdown: String) -> String {
        var lines: [String] = []
        var line = ""
        var width = 0
        func finish() {
            if !line.isEmpty { lines.append(line.hasPrefix(".") || line.hasPrefix("'") ? "\\&" + line : line) }
            line = ""
            width = 0
        }
        for word in words(inline(markdown)) {
            let abbreviation = word.hasSuffix("e.g.") || word.hasSuffix("i.e.")
            var text = abbreviation ? word + "\\&" : word
            // A path, key or option is never hyphenated.
            if word.contains(where: { "/_$=".contains($0) }) || word.hasPrefix("-") || word.hasPrefix("\\fB\\-") {
                text = "\\%" + text
            }
            let wordWidth = text.unicodeScalars.reduce(0) { $0 + ($1.isASCII ? 1 : 9) }
            if !line.isEmpty && width + 1 + wordWidth > lineLimit { finish() }
            line += line.isEmpty ? text : " " + text
            width += (width == 0 ? 0 : 1) + wordWidth
            if !abbreviation && endsSentence(word) { finish() }
        }
        finish()
        return lines.map { $0 + "\n" }.joined()
    }

    /// The text with roff's special characters escaped and spans turned into font changes.
    static func inline(_ markdown: String) -> String {
        var out = ""
        var code = false
        var strong = false
        var characters = Array(markdown.replacingAll("\\|", with: "|"))[...]
        while let c = characters.popFirst() {
            if c == "`" {
                code.toggle()
                out += code ? "\\fB" : "\\fP"
            } else if !code && c == "*" && characters.first == "*" {
                characters.removeFirst()
                strong.toggle()
                out += strong ? "\\fB" : "\\fP"
            } else if c == "\\" {
                out += "\\e"
            } else if code && c == "-" {
                out += "\\-"
            } else {
                out.append(c)
            }
        }
        return out
    }

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
    }

    /// Whether a word ends a sentence as mandoc sees it: `.`, `?` or `!`, perhaps followed by closing marks or a
    /// font change.
    private static func endsSentence(_ word: String) -> Bool {
        var rest = Substring(word)
        while true {
            if rest.hasSuffix("\\fP") {
                rest = rest.dropLast(3)
            } else if let last = rest.last, ")]\"'".contains(last) {
                rest = rest.dropLast()
            } else {
                break
            }
        }
        guard let last = rest.last else { return false }
        return ".?!".contains(last)
    }
}

extension HolidayReport {
    /// The Labour Code's table of holidays (``HolidayRule/labourCode``) as docs/calendar.md shows it, one row per rule
    /// with its article; a test keeps docs/calendar.md equal to it.
    package static func lawTableMarkdown() -> String {
        var out = "| holiday | date | from | until | nghỉ bù | article |\n|---|---|---|---|---|---|\n"
        for rule in HolidayRule.labourCode {
            let cells = [
                rule.nameVietnamese, rule.date.vietnamese, rule.firstYear.map(String.init) ?? "—",
                rule.lastYear.map(String.init) ?? "—", rule.compensated ? "yes" : "no", rule.basis,
            ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }
}

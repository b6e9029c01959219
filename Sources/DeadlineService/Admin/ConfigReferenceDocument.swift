import DeadlineConfig
import DeadlineKit

/// The README's config reference, generated from ``ConfigSchema`` so that docs and parser agree.
public enum ConfigReferenceDocument {
    public static func markdown() -> String {
        var out = ""
        for table in ConfigSchema.tables {
            out += "### `\(table.header)`\n\n\(table.doc)\n\n"
            out += "| key | type | default | meaning |\n|---|---|---|---|\n"
            for key in table.keys {
                var meaning = key.doc
                if let example = key.example { meaning += " Example: `\(key.name) = \(example)`." }
                let def = key.required ? "**required**" : (key.defaultValue.map { "`\($0)`" } ?? "—")
                out += "| `\(key.name)` | \(key.kind.documentation) | \(def) | \(meaning.replacingAll("|", with: "\\|")) |\n"
            }
            out += "\n"
        }
        return out
    }
}

extension HolidayReport {
    /// The Labour Code's table of holidays (``HolidayRule/labourCode``) as README shows it, one row per rule with
    /// its article; a test keeps README equal to it.
    public static func lawTableMarkdown() -> String {
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

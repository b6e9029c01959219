import DeadlineConfig

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

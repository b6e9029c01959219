import DeadlineKit

/// The `[daemon] language` a main file writes, found even when the configuration has errors (a TOML slip in a
/// drop-in, a year typo in the main file itself): the admin who wrote `language = "vi"` reads what is wrong in
/// Vietnamese, whatever the locale of the shell.
///
/// A line scan, not the TOML reader: it looks for `language = "vi"` (or `'en'`) under a `[daemon]` header, and
/// gives up quietly on anything else.
package enum DeclaredLanguage {
    /// `vi` or `en` when the main file at `path` declares it; nil when it does not, or cannot be read.
    package static func of(mainFile path: String) -> String? {
        guard let bytes = try? FileSystem.readBytes(path, limit: 4 << 20) else { return nil }
        return scan(String(decoding: bytes, as: UTF8.self))
    }

    /// The declared language in the text of a main file.
    package static func scan(_ text: String) -> String? {
        var inDaemon = false
        for rawLine in text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let inside = line.dropFirst().prefix { $0 != "]" }
                inDaemon = inside.trimmingSpaces == "daemon" && !line.hasPrefix("[[")
                continue
            }
            guard inDaemon, line.hasPrefix("language") else { continue }
            var rest = line.dropFirst("language".count).drop { $0 == " " || $0 == "\t" }
            guard rest.first == "=" else { continue }
            rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
            guard let quote = rest.first, quote == "\"" || quote == "'" else { continue }
            let value = rest.dropFirst().prefix { $0 != quote }
            let code = value.lowercased()
            return code == "vi" || code == "en" ? code : nil
        }
        return nil
    }
}

/// A position in a text file: 1-based line and column, the column counted in characters (Unicode scalars),
/// so that `Sở` is two columns, the way editors other than byte-counting ones show it.
package struct SourceLocation: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    package var description: String { "\(line):\(column)" }
}

/// The span of a key or value in a file, from its first character to just after its last.
package struct SourceRange: Hashable, Sendable {
    package var start: SourceLocation
    package var end: SourceLocation

    package init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    package init(at location: SourceLocation) {
        self.init(start: location, end: location)
    }
}

/// A message named by its catalog entry and arguments (`config.unknown-key`, `["key": "recipents"]`), so that a
/// module that does not know the catalog (it lives in DeadlineService) can hand `deadlinectl` a message to say in
/// the admin's language.
///
/// An argument that is itself a phrase to translate (the `; did you mean 2020?` after a message, the `a string`
/// in `found a string`) is a ``parts`` entry: said in the same language, then put in its placeholder.
package struct CatalogMessage: Hashable, Sendable {
    package var id: String
    package var arguments: [String: String]
    /// Placeholders filled with other entries, said in the same language first.
    package var parts: [String: CatalogMessage]

    package init(_ id: String, _ arguments: [String: String] = [:], parts: [String: CatalogMessage] = [:]) {
        self.id = id
        self.arguments = arguments
        self.parts = parts
    }
}

/// An English text with the catalog entry that says it in any language: a message, or a piece of one that
/// another message takes as a ``CatalogMessage/parts`` entry.
package struct Phrase: Hashable, Sendable, CustomStringConvertible {
    /// What is logged, and what English speakers read.
    package var english: String
    package var catalog: CatalogMessage

    /// A phrase `english` that the catalog has as entry `id`; each part is said in the same language and put in the
    /// placeholder of its name (``empty`` puts nothing there, in any language).
    package init(_ english: String, _ id: String, _ arguments: [String: String] = [:], parts: [String: Phrase] = [:]) {
        self.english = english
        var arguments = arguments
        var named: [String: CatalogMessage] = [:]
        for (name, part) in parts {
            if part.catalog.id.isEmpty {
                arguments[name] = ""
            } else {
                named[name] = part.catalog
            }
        }
        self.catalog = CatalogMessage(id, arguments, parts: named)
    }

    private init(nothing: Void) {
        english = ""
        catalog = CatalogMessage("")
    }

    /// Nothing, in every language: a hint that has no suggestion.
    package static let empty = Phrase(nothing: ())

    /// `'text': phrase`: the phrase about a value as written.
    package func about(_ text: String) -> Phrase {
        Phrase("'\(text)': \(english)", "date.about", ["text": text], parts: ["reason": self])
    }

    package var description: String { english }
}

/// Where a diagnostic points: a file and, when known, a range in it.
package struct SourceSpan: Hashable, Sendable {
    package var file: String
    package var range: SourceRange?

    package init(file: String, range: SourceRange? = nil) {
        self.file = file
        self.range = range
    }
}

/// One problem found in an admin's input, printed the way compilers print them:
/// `deadlines.d/5418.toml:12:7: error: unknown key 'recipents'; did you mean 'recipients'?`
///
/// The message says what is wrong and, where it can, how to fix it. It never contains a secret.
package struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    package enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        package static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }
    }

    package var severity: Severity
    package var span: SourceSpan
    /// What is wrong, in English: what the daemon logs, and what `deadlinectl` shows when ``catalogMessage`` is nil.
    package var message: String
    /// The same message as an entry of `deadlinectl`'s message catalog, for it to say in the admin's language;
    /// nil for a message the catalog does not have.
    package var catalogMessage: CatalogMessage?

    package init(_ severity: Severity, _ span: SourceSpan, _ message: String) {
        self.severity = severity
        self.span = span
        self.message = message
    }

    package static func error(_ file: String, _ range: SourceRange?, _ message: String) -> Diagnostic {
        Diagnostic(.error, SourceSpan(file: file, range: range), message)
    }

    package static func warning(_ file: String, _ range: SourceRange?, _ message: String) -> Diagnostic {
        Diagnostic(.warning, SourceSpan(file: file, range: range), message)
    }

    /// A diagnostic whose message is a catalog entry: `check` says it in the admin's language, the daemon logs the
    /// English.
    package init(_ severity: Severity, _ span: SourceSpan, _ phrase: Phrase) {
        self.init(severity, span, phrase.english)
        catalogMessage = phrase.catalog
    }

    package static func error(_ file: String, _ range: SourceRange?, _ phrase: Phrase) -> Diagnostic {
        Diagnostic(.error, SourceSpan(file: file, range: range), phrase)
    }

    package static func warning(_ file: String, _ range: SourceRange?, _ phrase: Phrase) -> Diagnostic {
        Diagnostic(.warning, SourceSpan(file: file, range: range), phrase)
    }

    /// `file:line:column: severity: message`, or `file: severity: message` without a position.
    package var description: String {
        if let start = span.range?.start {
            return "\(span.file):\(start.line):\(start.column): \(severity.rawValue): \(message)"
        }
        return "\(span.file): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error (warnings alone keep a configuration valid).
    package var hasErrors: Bool { contains { $0.severity == .error } }

    /// Sorted by file, then position, so output is stable and reads top to bottom.
    package func sortedForDisplay() -> [Diagnostic] {
        sorted {
            if $0.span.file != $1.span.file { return $0.span.file < $1.span.file }
            let l = $0.span.range?.start ?? SourceLocation(line: 0, column: 0)
            let r = $1.span.range?.start ?? SourceLocation(line: 0, column: 0)
            return l < r
        }
    }
}

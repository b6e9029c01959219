package import DeadlineKit

/// One message of the catalog, in Vietnamese and in English, with the same named placeholders in both.
///
/// A placeholder is `{name}` (letters, digits and `_`); `{name|one|other}` picks the first form when the
/// argument `name` is `1` and the second otherwise, for English plurals (`{n} {n|unit|units}`). Anything else
/// between braces is text.
package struct Bilingual: Sendable, Hashable {
    package let vi: String
    package let en: String

    package init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    package func text(_ language: Language) -> String {
        switch language {
        case .vi: vi
        case .en: en
        }
    }
}

/// The entries of one area of the catalog: an enum whose cases are its messages, each with its two texts.
///
/// Every line `deadlinectl` prints comes from such an entry (see ``Catalog``). Add a case and its
/// ``texts``; the compiler makes sure there is one, and `CatalogTests` that both languages are there with the
/// same placeholders.
package protocol CatalogEntry: CaseIterable, Sendable, RawRepresentable where RawValue == String {
    /// The area's prefix of every id: `check`, `occurrence`, `status`, ...
    static var area: String { get }
    /// The entry's Vietnamese and English texts.
    var texts: Bilingual { get }
}

extension CatalogEntry {
    /// `area.case`: the entry's stable id.
    package var id: String { Self.area + "." + rawValue }

    /// Every entry of the area with its id.
    static var entries: [(id: String, texts: Bilingual)] { allCases.map { ($0.id, $0.texts) } }
}

/// The message catalog in one language: renders entries with their arguments.
///
/// ```swift
/// let say = Catalog(.vi)
/// Console.out(say(CheckText.ok, ["file": mainFile, "summary": summary]))
/// ```
/// Machine-readable output (`--json`, CSV headers, journald fields) never goes through it.
package struct Catalog: Sendable {
    package let language: Language

    package init(_ language: Language) {
        self.language = language
    }

    /// The entry's text in this language with each placeholder replaced by its argument.
    package func callAsFunction<Entry: CatalogEntry>(_ entry: Entry, _ arguments: [String: String] = [:]) -> String {
        let template = entry.texts.text(language)
        assert(
            Set(arguments.keys) == Catalog.placeholders(in: template),
            "\(entry.id) takes \(Catalog.placeholders(in: template).sorted()), given \(arguments.keys.sorted())")
        return Catalog.render(template, arguments)
    }

    /// A list in running text: `a, b, c`.
    package func list(_ items: [String]) -> String { items.joined(separator: ", ") }

    /// `template` with its placeholders replaced; a placeholder without an argument stays as written.
    static func render(_ template: String, _ arguments: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let placeholder = Placeholder(rest[open...]) else {
                out.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            if let value = arguments[placeholder.name] {
                if let forms = placeholder.forms {
                    out += value == "1" ? forms.one : forms.other
                } else {
                    out += value
                }
            } else {
                out += rest[open..<placeholder.end]
            }
            rest = rest[placeholder.end...]
        }
        return out + rest
    }

    /// The names of the placeholders in a template.
    static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            if let placeholder = Placeholder(rest[open...]) {
                names.insert(placeholder.name)
                rest = rest[placeholder.end...]
            } else {
                rest = rest[rest.index(after: open)...]
            }
        }
        return names
    }

    /// `{name}` or `{name|one|other}` at the start of a text.
    struct Placeholder {
        let name: String
        let forms: (one: Substring, other: Substring)?
        let end: Substring.Index

        init?(_ text: Substring) {
            guard text.first == "{", let close = text.firstIndex(of: "}") else { return nil }
            let inner = text[text.index(after: text.startIndex)..<close]
            let parts = inner.split(separator: "|", omittingEmptySubsequences: false)
            guard parts.count == 1 || parts.count == 3, let first = parts.first, !first.isEmpty,
                first.unicodeScalars.allSatisfy({
                    ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_"
                })
            else { return nil }
            name = String(first)
            forms = parts.count == 3 ? (parts[1], parts[2]) : nil
            end = text.index(after: close)
        }
    }
}

extension Catalog {
    /// The arguments that make `entry`'s text in `language` equal to `text`, or nil when no arguments do: the
    /// way back from a text another program wrote with the same entry (the daemon's ledger reasons and status).
    /// A placeholder matches one or more characters, as few as make the rest match.
    static func match<Entry: CatalogEntry>(_ entry: Entry, _ language: Language, in text: String) -> [String: String]? {
        var pieces: [(literal: String, placeholder: Placeholder?)] = []
        var rest = Substring(entry.texts.text(language))
        var literal = ""
        while let open = rest.firstIndex(of: "{") {
            literal += rest[..<open]
            guard let placeholder = Placeholder(rest[open...]) else {
                literal.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            pieces.append((literal, placeholder))
            literal = ""
            rest = rest[placeholder.end...]
        }
        pieces.append((literal + rest, nil))
        var arguments: [String: String] = [:]
        return matchPieces(pieces[...], Substring(text), &arguments) ? arguments : nil
    }

    private static func matchPieces(
        _ pieces: ArraySlice<(literal: String, placeholder: Placeholder?)>, _ text: Substring,
        _ arguments: inout [String: String]
    ) -> Bool {
        guard let (literal, placeholder) = pieces.first else { return text.isEmpty }
        guard text.hasPrefix(literal) else { return false }
        let afterLiteral = text.dropFirst(literal.count)
        guard let placeholder else { return pieces.count == 1 && afterLiteral.isEmpty }
        if let forms = placeholder.forms {
            // A plural form: the one its argument, already read, calls for; either when it is not read yet.
            let candidates =
                arguments[placeholder.name].map { [$0 == "1" ? forms.one : forms.other] } ?? [forms.one, forms.other]
            for form in candidates where afterLiteral.hasPrefix(form) {
                if matchPieces(pieces.dropFirst(), afterLiteral.dropFirst(form.count), &arguments) { return true }
            }
            return false
        }
        var end = afterLiteral.startIndex
        while end < afterLiteral.endIndex {
            end = afterLiteral.index(after: end)
            let value = String(afterLiteral[..<end])
            if let known = arguments[placeholder.name], known != value { continue }
            let before = arguments
            arguments[placeholder.name] = value
            if matchPieces(pieces.dropFirst(), afterLiteral[end...], &arguments) { return true }
            arguments = before
        }
        return false
    }
}

extension Catalog {
    /// Every entry of the catalog, area by area.
    static var allEntries: [(id: String, texts: Bilingual)] {
        CommonText.entries + ConfigText.entries + PlanText.entries + OccurrenceText.entries + StatusText.entries
            + RecordedText.entries + ReportText.entries + CalendarText.entries + DeliveryText.entries
            + MigrateText.entries + WebText.entries + DateText.entries + TOMLText.entries + ConfigDiagnosticText.entries
            + MailboxText.entries + ImportNoteText.entries
    }

    /// Entries by id, for messages that name theirs (``CatalogMessage``).
    static let byID: [String: Bilingual] = Dictionary(
        allEntries.map { ($0.id, $0.texts) }, uniquingKeysWith: { a, _ in a })

    /// A message another module named by its entry; nil when the catalog has no such entry.
    /// Its parts are said first, in the same language; nil too when one of them has no entry.
    package func callAsFunction(_ message: CatalogMessage) -> String? {
        guard let texts = Catalog.byID[message.id] else { return nil }
        var arguments = message.arguments
        for (name, part) in message.parts {
            guard let said = self(part) else { return nil }
            arguments[name] = said
        }
        return Catalog.render(texts.text(language), arguments)
    }

    /// A phrase from another module in this language; its English when the catalog lacks it.
    package func callAsFunction(_ phrase: Phrase) -> String {
        self(phrase.catalog) ?? phrase.english
    }

    /// A diagnostic as compilers print one, `file:line:column: lỗi: …`, in this language when its message is in the
    /// catalog; as it was written (English) otherwise.
    package func diagnostic(_ d: Diagnostic) -> String {
        guard let message = d.catalogMessage.flatMap({ self($0) }) else { return d.description }
        let severity: String =
            switch d.severity {
            case .error: self(ConfigText.severityError)
            case .warning: self(ConfigText.severityWarning)
            case .note: self(ConfigText.severityNote)
            }
        guard let start = d.span.range?.start else {
            return self(ConfigText.diagnostic, ["file": d.span.file, "severity": severity, "message": message])
        }
        return self(
            ConfigText.diagnosticAt,
            [
                "file": d.span.file, "line": String(start.line), "column": String(start.column), "severity": severity,
                "message": message,
            ])
    }
}

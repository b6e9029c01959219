package import DeadlineKit

/// A value with where it was written, so later checks (unknown unit, duplicate id) can point at it.
package struct Located<Value: Sendable>: Sendable {
    package let value: Value
    package let file: String
    package let range: SourceRange

    package init(_ value: Value, file: String, range: SourceRange) {
        self.value = value
        self.file = file
        self.range = range
    }
}

/// Collects diagnostics while decoding. Every message is a ``Phrase``, so that `check` can say each one in the
/// admin's language (there is no overload that takes plain English).
struct DiagnosticSink {
    var diagnostics: [Diagnostic] = []

    mutating func error(_ file: String, _ range: SourceRange?, _ phrase: Phrase) {
        diagnostics.append(.error(file, range, phrase))
    }

    mutating func warning(_ file: String, _ range: SourceRange?, _ phrase: Phrase) {
        diagnostics.append(.warning(file, range, phrase))
    }
}

extension Phrase {
    /// A problem of the configuration: the English that is logged, and `deadlinectl`'s catalog entry
    /// `diagnostic.ID` (Sources/DeadlineService/Catalog/ConfigDiagnosticText.swift) with the same placeholders.
    static func problem(
        _ english: String, _ id: String, _ arguments: [String: String] = [:], parts: [String: Phrase] = [:]
    )
        -> Phrase
    {
        Phrase(english, "diagnostic." + id, arguments, parts: parts)
    }
}

/// Reads one TOML table against its ``TableSpec``: typed getters that report wrong types at the value,
/// and, at the end, every key the spec does not know, at the key.
struct TableReader {
    let table: TOMLTable
    let file: String
    let spec: TableSpec

    init(_ table: TOMLTable, file: String, spec: TableSpec) {
        self.table = table
        self.file = file
        self.spec = spec
    }

    /// Where to point when a required key is missing: the table's header, or its first key.
    var anchor: SourceRange? { table.headerRange ?? table.entries.first?.keyRange }

    mutating func node(_ key: String) -> TOMLNode? {
        precondition(spec.accepts(key), "\(key) is not in the schema of \(spec.header)")
        return table[key]
    }

    mutating func requireNode(_ key: String, _ sink: inout DiagnosticSink, hint: Phrase = .empty) -> TOMLNode? {
        guard let n = node(key) else {
            let example =
                spec.key(key)?.example.map {
                    Phrase(", e.g. \(key) = \($0)", "diagnostic.exampleComma", ["key": key, "example": $0])
                }
                ?? .empty
            sink.error(
                file, anchor,
                .problem(
                    "missing required key '\(key)' in \(spec.header)\(example)\(hint)", "missingKey",
                    ["key": key, "table": spec.header],
                    parts: ["example": example, "hint": hint]))
            return nil
        }
        return n
    }

    func typeError(_ node: TOMLNode, key: String, expected: Phrase, _ sink: inout DiagnosticSink) {
        let found = node.value.typeNamePhrase
        let example =
            spec.key(key)?.example.map {
                Phrase("; e.g. \(key) = \($0)", "diagnostic.exampleSemicolon", ["key": key, "example": $0])
            }
            ?? .empty
        sink.error(
            file, node.range,
            .problem(
                "'\(key)' must be \(expected), found \(found)\(example)", "wrongType", ["key": key],
                parts: ["expected": expected, "found": found, "example": example]))
    }

    mutating func string(_ key: String, _ sink: inout DiagnosticSink, required: Bool = false) -> Located<String>? {
        guard let n = required ? requireNode(key, &sink) : node(key) else { return nil }
        guard case .string(let s) = n.value else {
            typeError(n, key: key, expected: .problem("a string in quotes", "expectString"), &sink)
            return nil
        }
        return Located(s.nfc, file: file, range: n.range)
    }

    mutating func nonEmptyString(
        _ key: String, _ sink: inout DiagnosticSink, required: Bool = false
    ) -> Located<String>? {
        guard let s = string(key, &sink, required: required) else { return nil }
        if s.value.unicodeScalars.allSatisfy(\.isSpaceLike) {  // nothing left once trimmed
            sink.error(file, s.range, .problem("'\(key)' is empty", "empty", ["key": key]))
            return nil
        }
        return s
    }

    /// Text that goes into messages (a unit's name, a task, a document's reference and title): line breaks, tabs
    /// and other white-space control characters become one space each run (a long task may be written as a
    /// multi-line string), and any other control character is an error at the value, since a mail header
    /// cannot carry it and every message would fail.
    mutating func messageText(
        _ key: String, _ sink: inout DiagnosticSink, required: Bool = false, nonEmpty: Bool = true
    )
        -> Located<String>?
    {
        guard let s = nonEmpty ? nonEmptyString(key, &sink, required: required) : string(key, &sink, required: required)
        else {
            return nil
        }
        switch MessageText.normalised(s.value) {
        case .success(let text): return Located(text, file: file, range: s.range)
        case .failure(let control):
            let name = MessageText.name(control.scalar)
            sink.error(
                file, s.range,
                .problem(
                    "'\(key)' contains the control character \(name); remove it", "controlCharacter",
                    ["key": key, "character": name]))
            return nil
        }
    }

    mutating func bool(_ key: String, _ sink: inout DiagnosticSink) -> Bool? {
        guard let n = node(key) else { return nil }
        guard case .boolean(let b) = n.value else {
            typeError(n, key: key, expected: .problem("true or false (without quotes)", "expectBoolean"), &sink)
            return nil
        }
        return b
    }

    mutating func integer(_ key: String, _ sink: inout DiagnosticSink, in range: ClosedRange<Int>) -> Located<Int>? {
        guard let n = node(key) else { return nil }
        guard case .integer(let i) = n.value else {
            typeError(n, key: key, expected: .problem("a whole number (without quotes)", "expectWholeNumber"), &sink)
            return nil
        }
        guard i >= range.lowerBound, i <= range.upperBound else {
            sink.error(
                file, n.range,
                .problem(
                    "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), found \(i)",
                    "numberOutOfRange",
                    [
                        "key": key, "lowest": String(range.lowerBound), "highest": String(range.upperBound),
                        "found": String(i),
                    ]))
            return nil
        }
        return Located(Int(i), file: file, range: n.range)
    }

    /// A whole number within the range the schema gives the key.
    mutating func integer(_ key: String, _ sink: inout DiagnosticSink) -> Located<Int>? {
        guard case .count(let range) = spec.key(key)?.range else {
            preconditionFailure("\(key) has no count range in the schema of \(spec.header)")
        }
        return integer(key, &sink, in: range)
    }

    mutating func stringList(_ key: String, _ sink: inout DiagnosticSink, required: Bool = false) -> [Located<String>]?
    {
        guard let n = required ? requireNode(key, &sink) : node(key) else { return nil }
        if case .string(let s) = n.value {  // a single value where a list is expected: accept it
            return [Located(s.nfc, file: file, range: n.range)]
        }
        guard case .array(let items) = n.value else {
            typeError(n, key: key, expected: .problem("a list of strings like [\"a\", \"b\"]", "expectList"), &sink)
            return nil
        }
        var out: [Located<String>] = []
        for item in items {
            guard case .string(let s) = item.value else {
                let found = item.value.typeNamePhrase
                sink.error(
                    file, item.range,
                    .problem(
                        "'\(key)' must contain only strings in quotes, found \(found)", "listItemNotString",
                        ["key": key], parts: ["found": found]))
                continue
            }
            out.append(Located(s.nfc, file: file, range: item.range))
        }
        return out
    }

    mutating func time(_ key: String, _ sink: inout DiagnosticSink) -> TimeOfDay? {
        guard let n = node(key) else { return nil }
        switch n.value {
        case .string(let s):
            guard let t = TimeOfDay(parsing: s) else {
                sink.error(
                    file, n.range,
                    .problem("'\(s)' is not a time of day; write it as \"08:00\"", "notTimeOfDay", ["text": s]))
                return nil
            }
            return t
        case .dateTime(let dt) where dt.kind == .localTime:
            return TimeOfDay(hour: dt.hour ?? 0, minute: dt.minute ?? 0)
        default:
            typeError(n, key: key, expected: .problem("a time like \"08:00\"", "expectTime"), &sink)
            return nil
        }
    }

    mutating func duration(_ key: String, _ sink: inout DiagnosticSink) -> Int64? {
        guard let n = node(key) else { return nil }
        guard case .string(let s) = n.value else {
            typeError(n, key: key, expected: .problem("a duration like \"24h\" in quotes", "expectDuration"), &sink)
            return nil
        }
        guard let seconds = DurationParser.seconds(s) else {
            sink.error(
                file, n.range,
                .problem(
                    "'\(s)' is not a duration; write it as \"30s\", \"10m\", \"24h\" or \"2d\"", "notDuration",
                    ["text": s]))
            return nil
        }
        if case .seconds(let range) = spec.key(key)?.range, !range.contains(seconds) {
            let (low, high) = (ValueRange.words(range.lowerBound), ValueRange.words(range.upperBound))
            sink.error(
                file, n.range,
                .problem(
                    "'\(key)' must be from \(low) to \(high), found '\(s)'", "durationOutOfRange",
                    ["key": key, "lowest": low, "highest": high, "found": s]))
            return nil
        }
        return seconds
    }

    mutating func date(_ key: String, _ sink: inout DiagnosticSink) -> CivilDate? {
        guard let n = node(key) else { return nil }
        return ValueDecoding.date(n, key: key, file: file, &sink)
    }

    mutating func choice<T: RawRepresentable>(_ key: String, _ sink: inout DiagnosticSink) -> T?
    where T.RawValue == String {
        guard let s = string(key, &sink) else { return nil }
        guard let value = T(rawValue: s.value) else {
            guard case .choice(let options) = spec.key(key)?.kind else { return nil }
            let list = options.map { "\"\($0)\"" }.joined(separator: ", ")
            let hint = Suggestions.hintPhrase(for: s.value, in: options)
            sink.error(
                file, s.range,
                .problem(
                    "'\(s.value)' is not a valid \(key)\(hint) (one of \(list))", "notAChoice",
                    ["text": s.value, "key": key, "choices": list],
                    parts: ["hint": hint]))
            return nil
        }
        return value
    }

    mutating func mailboxes(_ key: String, _ sink: inout DiagnosticSink) -> [Mailbox]? {
        guard let items = stringList(key, &sink) else { return nil }
        var out: [Mailbox] = []
        for item in items {
            if let m = Self.mailbox(item, file: file, &sink) { out.append(m) }
        }
        return out
    }

    mutating func mailbox(_ key: String, _ sink: inout DiagnosticSink, required: Bool = false) -> Mailbox? {
        guard let s = string(key, &sink, required: required) else { return nil }
        return Self.mailbox(s, file: file, &sink)
    }

    /// An address, whose display name may hold no control character (a mail header cannot carry one).
    private static func mailbox(_ s: Located<String>, file: String, _ sink: inout DiagnosticSink) -> Mailbox? {
        switch Mailbox.parse(s.value) {
        case .success(let m):
            if let name = m.displayName, let scalar = name.unicodeScalars.first(where: MessageText.isControl) {
                let character = MessageText.name(scalar)
                sink.error(
                    file, s.range,
                    .problem(
                        "the name in '\(m.address)' contains the control character \(character); remove it",
                        "nameControlCharacter",
                        ["address": m.address, "character": character]))
                return nil
            }
            return m
        case .failure(let e):
            sink.error(file, s.range, e.phrase)
            return nil
        }
    }

    /// Reports every key not in the spec (or not allowed here), with a suggestion for near misses.
    func reportUnknownKeys(_ sink: inout DiagnosticSink, alsoKnownIn others: [TableSpec] = []) {
        for entry in table.entries where !spec.accepts(entry.key) {
            let arguments = ["key": entry.key, "table": spec.header]
            if let other = others.first(where: { $0.accepts(entry.key) }) {
                sink.error(
                    file, entry.keyRange,
                    .problem(
                        "unknown key '\(entry.key)' in \(spec.header); '\(entry.key)' belongs in \(other.header)",
                        "keyBelongsElsewhere",
                        arguments.merging(["other": other.header]) { a, _ in a }))
            } else {
                let hint = Suggestions.hintPhrase(for: entry.key, in: spec.keyNames)
                sink.error(
                    file, entry.keyRange,
                    .problem(
                        "unknown key '\(entry.key)' in \(spec.header)\(hint)", "unknownKey", arguments,
                        parts: ["hint": hint]))
            }
        }
    }
}

/// The rule for text that goes into messages and mail headers (``TableReader/messageText(_:_:required:nonEmpty:)``).
enum MessageText {
    /// Control characters, C0 and C1, DEL, and the Unicode line and paragraph separators.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s == "\u{2028}" || s == "\u{2029}"
    }

    /// The controls that are white space: a run of them becomes one space.
    static func isSpaceControl(_ s: Unicode.Scalar) -> Bool {
        ["\t", "\n", "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(s)
    }

    /// `text` with each run of white-space controls, and the spaces around it, replaced by one space, or the first
    /// other control character.
    static func normalised(_ text: String) -> Result<String, ControlCharacter> {
        guard text.unicodeScalars.contains(where: isControl) else { return .success(text) }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in text.unicodeScalars {
            if isSpaceControl(s) {  // the run takes the spaces around it too
                while out.last == " " { out.removeLast() }
                pendingSpace = true
                continue
            }
            if pendingSpace, s == " " { continue }
            if isControl(s) { return .failure(ControlCharacter(scalar: s)) }
            if pendingSpace {
                out.append(" ")
                pendingSpace = false
            }
            out.append(s)
        }
        return .success(String(out).trimmingSpaces)
    }

    /// A control character that is not white space.
    struct ControlCharacter: Error {
        let scalar: Unicode.Scalar
    }

    /// `U+000B`.
    static func name(_ s: Unicode.Scalar) -> String {
        let hex = String(s.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// Decoding of values that several tables share.
enum ValueDecoding {
    /// A date written as "19/11/2020", "2020-11-19" or a TOML date (2020-11-19).
    static func date(_ n: TOMLNode, key: String, file: String, _ sink: inout DiagnosticSink) -> CivilDate? {
        switch n.value {
        case .dateTime(let dt) where dt.kind == .localDate:
            guard let date = dt.date else { return nil }
            guard SupportedYears.contains(date.year) else {
                sink.error(file, n.range, SupportedYears.outOfRange(year: date.year).about(key))
                return nil
            }
            return date
        case .string(let s):
            switch DueDateParser.parse(s, issued: nil) {
            case .success(let due) where due.granularity == .day && due.time == nil:
                return due.date
            case .failure(let e):
                sink.error(file, n.range, e.phrase)
                return nil
            default:
                sink.error(
                    file, n.range,
                    .problem(
                        "'\(key)' must be a single day such as \"19/11/2020\", found '\(s)'", "notSingleDay",
                        ["key": key, "text": s]))
                return nil
            }
        default:
            let found = n.value.typeNamePhrase
            sink.error(
                file, n.range,
                .problem(
                    "'\(key)' must be a date such as \"19/11/2020\", found \(found)", "notDate", ["key": key],
                    parts: ["found": found]))
            return nil
        }
    }

    /// Ids of units and deadlines: ASCII letters, digits, `.`, `-`, `_`; 1 to 64 characters.
    static func isValidID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.count <= 64
            && id.unicodeScalars.allSatisfy {
                $0.isASCIILetter || $0.asciiDigit != nil || $0 == "-" || $0 == "_" || $0 == "."
            }
    }
}

extension String {
    /// NFC form, so text typed with decomposed diacritics compares and prints like everything else.
    var nfc: String {
        if unicodeScalars.allSatisfy({ $0.isASCII }) { return self }
        return String(decoding: _nfcCodeUnits, as: UTF8.self)
    }
}

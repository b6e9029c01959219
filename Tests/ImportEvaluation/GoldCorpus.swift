import DeadlineConfig
import DeadlineImport
package import DeadlineKit

#if canImport(Glibc)
    import Glibc
#endif

/// The import corpus (`Tests/Fixtures/import-corpus`): real public texts in `docs/` and the deadlines a person
/// found in them by reading, in `gold.toml`.
package struct GoldCorpus: Sendable {
    package var documents: [GoldDocument]

    /// Reads `gold.toml` and every document it names from `directory`; throws with `file:line:` on any problem.
    package static func load(directory: String) throws(GoldError) -> GoldCorpus {
        let goldPath = directory + "/gold.toml"
        let (document, diagnostics) = TOMLReader.parse(utf8: try readFile(goldPath), file: goldPath)
        if let error = diagnostics.first(where: { $0.severity == .error }) { throw GoldError(error.description) }
        guard let docs = document.root["doc"]?.value.arrayValue else {
            throw GoldError("\(goldPath): no [[doc]] tables")
        }
        var result: [GoldDocument] = []
        for node in docs {
            guard let table = node.value.tableValue, let file = table["file"]?.value.stringValue else {
                throw GoldError("\(goldPath):\(node.range.start.line): a [[doc]] needs file = \"...\"")
            }
            let text = ImportText.nfc(String(decoding: try readFile(directory + "/docs/" + file), as: UTF8.self))
            var doc = GoldDocument(file: file, text: text, heldout: table["heldout"]?.value.booleanValue ?? false)
            if let issued = table["issued"]?.value.stringValue {
                guard case .success(let due) = DueDateParser.parse(issued, issued: nil), due.granularity == .day else {
                    throw GoldError("\(goldPath):\(node.range.start.line): issued '\(issued)' is not a day")
                }
                doc.issued = due.date
            }
            for entry in table["deadline"]?.value.arrayValue ?? [] {
                let line = entry.range.start.line
                guard let t = entry.value.tableValue, let sentence = t["sentence"]?.value.stringValue,
                    let phraseClass = t["class"]?.value.stringValue, let task = t["task"]?.value.stringValue
                else { throw GoldError("\(goldPath):\(line): a deadline needs sentence, task and class") }
                let expected: GoldDeadline.Expected
                if let due = t["due"]?.value.stringValue {
                    expected = .due(due)
                } else if let rule = t["recurrence"]?.value.stringValue {
                    expected = .recurrence(rule)
                } else {
                    throw GoldError("\(goldPath):\(line): a deadline needs due or recurrence")
                }
                let units: [String]
                if let one = t["unit"]?.value.stringValue {
                    units = one.isEmpty ? [] : [one]
                } else if let many = t["unit"]?.value.arrayValue {
                    units = many.compactMap { $0.value.stringValue }
                } else {
                    throw GoldError("\(goldPath):\(line): a deadline needs unit (\"\" when the text names nobody)")
                }
                let span = try locate(ImportText.nfc(sentence), in: text, file: file, line: line)
                doc.deadlines.append(
                    GoldDeadline(
                        span: span, fragment: sentence, expected: expected, units: units, task: task,
                        phraseClass: phraseClass, line: line))
            }
            for entry in table["not"]?.value.arrayValue ?? [] {
                let line = entry.range.start.line
                guard let t = entry.value.tableValue, let sentence = t["sentence"]?.value.stringValue,
                    let phraseClass = t["class"]?.value.stringValue
                else { throw GoldError("\(goldPath):\(line): a not-deadline needs sentence and class") }
                doc.nonDeadlines.append(
                    GoldNonDeadline(
                        span: try locate(ImportText.nfc(sentence), in: text, file: file, line: line),
                        fragment: sentence, phraseClass: phraseClass))
            }
            result.append(doc)
        }
        return GoldCorpus(documents: result)
    }

    /// Where `fragment` is in `text` (Character offsets), which must hold it exactly once.
    static func locate(_ fragment: String, in text: String, file: String, line: Int) throws(GoldError) -> Range<Int> {
        let haystack = Array(text)
        let needle = Array(fragment)
        var found: [Int] = []
        if !needle.isEmpty, needle.count <= haystack.count {
            for i in 0...(haystack.count - needle.count)
            where haystack[i] == needle[0] && Array(haystack[i..<(i + needle.count)]) == needle {
                found.append(i)
            }
        }
        guard found.count == 1 else {
            throw GoldError(
                "gold.toml:\(line): '\(fragment)' is \(found.isEmpty ? "not in" : "\(found.count) times in") \(file); quote a part of the sentence found there once"
            )
        }
        return found[0]..<(found[0] + needle.count)
    }

    static func readFile(_ path: String) throws(GoldError) -> [UInt8] {
        guard let f = fopen(path, "rb") else {
            throw GoldError("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { fclose(f) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n == 0 { break }
            bytes += buffer[0..<n]
        }
        return bytes
    }
}

/// A corpus document with what a reader found in it.
package struct GoldDocument: Sendable {
    package let file: String
    package let text: String
    /// Kept out of tuning: its figures are reported apart.
    package let heldout: Bool
    /// The date an admin would give with `--issued`.
    package var issued: CivilDate?
    package var deadlines: [GoldDeadline] = []
    package var nonDeadlines: [GoldNonDeadline] = []

    init(file: String, text: String, heldout: Bool) {
        self.file = file
        self.text = text
        self.heldout = heldout
    }
}

/// A deadline a reader found.
package struct GoldDeadline: Sendable {
    package enum Expected: Sendable, Hashable {
        /// `10/12/2020`, `12/2020`, `Q4/2020`, `H2/2020`, `2020`.
        case due(String)
        /// An iCalendar rule, as ``ProposedRecurrence/rrule`` writes it.
        case recurrence(String)
    }

    /// Where the quoted part of its sentence is in the text.
    package let span: Range<Int>
    package let fragment: String
    package let expected: Expected
    /// The units as written (parts of a list apart, people's titles left out); empty when the text names nobody.
    package let units: [String]
    package let task: String
    package let phraseClass: String
    /// Its line in gold.toml.
    package let line: Int
}

/// A sentence that looks like a deadline but is not one.
package struct GoldNonDeadline: Sendable {
    package let span: Range<Int>
    package let fragment: String
    package let phraseClass: String
}

/// A problem with the corpus or its gold file.
package struct GoldError: Error, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}

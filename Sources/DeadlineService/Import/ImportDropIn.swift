import DeadlineImport
package import DeadlineKit

/// Prints an ``ImportDraft`` as a drop-in file for `deadlines.d/`, for an admin to review and save.
///
/// Each entry is preceded by comments: the sentence it came from, the date phrase, the confidence, and how its
/// units matched. An entry with no matching unit (or no year) is commented out, so the saved file still passes
/// `deadlinectl check`; the admin fills in `units` and removes the leading `# `. Documents the configuration
/// already declares are named, not declared again.
package enum ImportDropIn {
    /// The drop-in file's text, its comments in `language`; `source` (the input's file name) is named in its first
    /// comment. The tables are the same in every language.
    package static func render(_ draft: ImportDraft, source: String, language: Language = .vi) -> String {
        let say = Catalog(language)
        let ready = draft.entries.filter(\.isReady).count
        let total = draft.entries.count
        var out =
            say(
                ImportNoteText.header,
                [
                    "source": comment(source), "total": String(total), "ready": String(ready),
                    "commented": String(total - ready),
                ]) + "\n" + say(ImportNoteText.review) + "\n" + say(ImportNoteText.commentedOut) + "\n"
        let documents = draft.proposal.documents
        var byDocument: [Int: [ImportDraft.Entry]] = [:]
        for entry in draft.entries { byDocument[entry.deadline.documentIndex ?? -1, default: []].append(entry) }
        for (i, document) in documents.enumerated() {
            out += "\n" + declaration(document, declared: draft.context.declaredDocuments, say)
            for entry in byDocument[i] ?? [] { out += "\n" + render(entry, say) }
        }
        for entry in byDocument[-1] ?? [] { out += "\n" + render(entry, say) }
        if draft.entries.isEmpty { out += "\n" + say(ImportNoteText.noDeadlines, ["source": comment(source)]) + "\n" }
        return out
    }

    private static func declaration(_ document: ImportedDocument, declared: Set<String>, _ say: Catalog) -> String {
        guard let ref = document.ref else {
            return say(ImportNoteText.noDocument) + "\n"
        }
        if declared.contains(ref) {
            return say(ImportNoteText.documentDeclared, ["ref": comment(quoted(ref))]) + "\n"
        }
        var out = "[[document]]\nref = \(quoted(ref))\n"
        if let issued = document.issued { out += "issued = \(quoted(issued.vietnamese))\n" }
        if let title = document.title { out += "title = \(quoted(title))\n" }
        if let issuer = document.issuer { out += "issuer = \(quoted(issuer))\n" }
        if let url = document.url { out += "url = \(quoted(url))\n" }
        return out
    }

    private static func render(_ entry: ImportDraft.Entry, _ say: Catalog) -> String {
        let d = entry.deadline
        var out = wrap(d.sentence).map { "# \($0)\n" }.joined()
        out +=
            say(
                ImportNoteText.origin,
                ["phrase": comment(d.phrase), "confidence": "\(entry.confidence)", "offset": String(d.offset)]) + "\n"
        for m in entry.matches {
            let written = comment(quoted(m.written))
            if let id = m.id {
                out += say(ImportNoteText.unitIs, ["written": written, "id": id]) + "\n"
            } else if !m.tied.isEmpty {
                out += say(ImportNoteText.unitTied, ["written": written, "ids": m.tied.joined(separator: ", ")]) + "\n"
            } else {
                out += say(ImportNoteText.unitUnmatched, ["written": written]) + "\n"
            }
        }
        if entry.matches.isEmpty { out += say(ImportNoteText.noUnitInText) + "\n" }
        for id in entry.undeclaredUnits {
            out += say(ImportNoteText.unitFromUnitsFile, ["id": id]) + "\n"
        }
        if d.due == nil, d.recurrence == nil { out += say(ImportNoteText.noYear) + "\n" }
        if !entry.similar.isEmpty {
            out += say(ImportNoteText.similar, ["ids": entry.similar.joined(separator: ", ")]) + "\n"
        }
        var body = "[[deadline]]\nid = \(quoted(entry.id))\ntask = \(quoted(d.task))\n"
        if let ref = entry.documentRef { body += "document = \(quoted(ref))\n" }
        body += "units = [\(entry.unitIDs.map(quoted).joined(separator: ", "))]\n"
        if let r = d.recurrence {
            body += recurrence(r)
        } else {
            body += "due = \(quoted(entry.due ?? ""))\n"
        }
        guard entry.isReady else {
            return out + body.split(separator: "\n").map { "# \($0)\n" }.joined()
        }
        return out + body
    }

    private static func recurrence(_ r: ProposedRecurrence) -> String {
        var out = "repeat = \(quoted(r.frequency.rawValue))\n"
        switch r.frequency {
        case .weekly:
            let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
            out += "weekday = \(quoted(names[(r.weekday ?? .friday).rawValue - 1]))\n"
        case .yearly:
            let month = r.month ?? 12
            out += "date = \(quoted("\(r.day ?? CivilDate.daysIn(month: month, year: 2001))/\(month)"))\n"
        case .monthly, .quarterly, .halfYearly:
            out += "day = \(r.day.map(String.init) ?? quoted("last"))\n"
            if let month = r.month { out += "month = \(month)\n" }
        }
        return out
    }

    /// A TOML basic string.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where u.value < 0x20 || u.value == 0x7F:
                let hex = String(u.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// Text safe inside a TOML comment: control characters (other than tab) become spaces.
    static func comment(_ s: String) -> String {
        String(
            String.UnicodeScalarView(
                s.unicodeScalars.map { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F ? " " : $0 }))
    }

    /// The sentence in lines of at most about 110 characters, cut at spaces, the first opened with a quote mark.
    static func wrap(_ sentence: String, width: Int = 110) -> [String] {
        var lines: [String] = []
        var line = "\""
        for word in comment(sentence).split(separator: " ") {
            if line.count > 1, line.count + word.count + 1 > width {
                lines.append(line)
                line = " "
            }
            line += (line.count > 1 ? " " : "") + word
        }
        lines.append(line + "\"")
        return lines
    }
}

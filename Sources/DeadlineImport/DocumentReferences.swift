import DeadlineKit

/// A document the text introduces as the one setting tasks, before its issue date is settled.
struct FoundDocument {
    var ref: String
    /// Offset of the introducing sentence.
    var offset: Int
    /// `... số 04-KH/TU ngày 18/11/2020`
    var fullDate: CivilDate?
    /// `Ngày 19/11, UBND TP Hà Nội ban hành Văn bản số 5418/UBND-TKBT`: day and month without a year.
    var partialDate: (day: Int, month: Int)?
}

/// Finds the documents a text is about, and their dates.
///
/// A reference (`số 5418/UBND-TKBT`) introduces a document when it is the document's own header line (`Số: ...`),
/// when it is issued in the sentence (`ban hành Văn bản số ...`, `ký ban hành công văn số ...`, but not `đã ban
/// hành`, which recalls an earlier one), or when the sentence speaks of its requirements (`những yêu cầu trong Kế
/// hoạch số ...`). Other references (`thực hiện Kế hoạch số 134-KH/TƯ ngày 17/2/2023`) are background.
enum DocumentReferences {
    private static let requirementWords = ImportLexicon.phrases("yêu cầu", "nội dung")

    static func introductions(in sentences: [ImportSentence]) -> [FoundDocument] {
        var found: [FoundDocument] = []
        for s in sentences {
            let t = s.tokens
            for k in t.indices where t.word(k) == "số" {
                var r = k + 1
                if t.isMark(r, ":") { r += 1 }
                guard let end = referenceEnd(t, from: r), introduces(t, numberWord: k) else { continue }
                let ref = s.text(from: r, to: end)
                guard !found.contains(where: { VietnameseFolding.key($0.ref) == VietnameseFolding.key(ref) }) else {
                    continue
                }
                var document = FoundDocument(ref: ref, offset: s.offset)
                if t.word(end) == "ngày", let m = DateMentionParser.parse(t, at: end) {
                    assign(m.value, to: &document)
                } else if let m = leadingDate(t) {
                    assign(m, to: &document)
                }
                found.append(document)
            }
        }
        return found
    }

    /// `Hà Nội, ngày 19 tháng 11 năm 2020` on a line of its own near the top: the date of a directive's header.
    static func headerDate(in sentences: [ImportSentence]) -> CivilDate? {
        for s in sentences.prefix(15) {
            let t = s.tokens
            guard t.count <= 16, let comma = t.indices.first(where: { t.isMark($0, ",") }), comma <= 6,
                t.word(comma + 1) == "ngày", let m = DateMentionParser.parse(t, at: comma + 1),
                case .day(let d, let mo, let y?, _) = m.value,
                (m.end..<t.count).allSatisfy({ t[$0].kind == .punctuation })
            else { continue }
            return CivilDate(year: y, month: mo, day: d)
        }
        return nil
    }

    /// The end of the reference starting at token `r`: tokens joined without spaces holding a `/`, closing marks
    /// left out.
    private static func referenceEnd(_ t: [ImportToken], from r: Int) -> Int? {
        guard r < t.count, t[r].kind != .punctuation else { return nil }
        var end = r + 1
        while end < t.count, t[end - 1].touches(t[end]) { end += 1 }
        while end > r, t.isMark(end - 1, ",.;:)…”\"") { end -= 1 }
        guard (r..<end).contains(where: { t[$0].text == "/" }) else { return nil }
        return end
    }

    private static func introduces(_ t: [ImportToken], numberWord k: Int) -> Bool {
        if k == 0, t.count <= 8 { return true }  // Số: 5418/UBND-TKBT
        guard let kind = t.match(ImportLexicon.documentKinds, endingBefore: k) else { return false }
        let kindStart = k - kind
        // The legal basis recalls documents (`Thực hiện Quyết định số ... , ngày 29/6/2009 BHXH Việt Nam ban hành
        // Công văn số 2070/BHXH-KHTC`), up to a clause with a unit of its own.
        if t.has("căn cứ", at: 0) || t.has("thực hiện", at: 0) || t.word(0) == "xét",
            (0..<min(t.count, 4)).contains(where: { t.longestMatch(ImportLexicon.documentKinds, at: $0) != nil }),
            !(0..<kindStart).contains(where: { ResponsibleUnits.startsNewClause(t, after: $0, limit: t.count) })
        {
            return false
        }
        if t.matches(["ban", "hành"], at: kindStart - 2), t.word(kindStart - 3) != "đã" { return true }
        // `vừa ký Chỉ thị số`, `có Công văn số`, `vừa có văn bản số` (not `đã ký`, `nhận được`).
        if let verb = t.word(kindStart - 1), ["ký", "có"].contains(verb), t.word(kindStart - 2) != "đã",
            t.word(kindStart - 2) != "được"
        {
            return true
        }
        if let w = t.word(kindStart - 1), ["trong", "của", "tại"].contains(w),
            t.match(requirementWords, endingBefore: kindStart - 1) != nil
        {
            return true
        }
        return false
    }

    /// `Ngày 19/11, ...` or `Sáng 9/1, ...` at the start of the sentence.
    private static func leadingDate(_ t: [ImportToken]) -> DateMention.Value? {
        var i = 0
        if let w = t.word(0), ["sáng", "chiều", "tối", "hôm"].contains(w) { i = 1 }
        guard let m = DateMentionParser.parse(t, at: i), t.isMark(m.end, ","), case .day = m.value else { return nil }
        return m.value
    }

    private static func assign(_ value: DateMention.Value, to document: inout FoundDocument) {
        guard case .day(let d, let m, let y, _) = value else { return }
        if let y {
            document.fullDate = CivilDate(year: y, month: m, day: d)
        } else {
            document.partialDate = (d, m)
        }
    }

    /// The documents with their issue dates settled, and which is the main one.
    ///
    /// A document's date is the one the text gives with its reference (or the header's `Hà Nội, ngày ...` for the
    /// first); a day and month without a year count from the previous document's date (or `--issued`); failing
    /// that, `--issued`. `--ref` selects the document it names, or renames the first, or names the only one.
    static func settle(
        _ found: [FoundDocument], headerDate: CivilDate?, pageDate: CivilDate?, options: ImportOptions
    ) -> (documents: [ImportedDocument], main: Int?) {
        var documents = found.map { ImportedDocument(ref: $0.ref, issued: $0.fullDate, offset: $0.offset) }
        if documents.isEmpty, options.ref != nil || options.issued != nil || headerDate != nil {
            documents = [ImportedDocument(ref: nil, issued: headerDate, offset: 0)]
        } else if let headerDate, documents[0].issued == nil {
            documents[0].issued = headerDate
        }
        for i in documents.indices where documents[i].issued == nil {
            if i < found.count, let partial = found[i].partialDate,
                let from = (i > 0 ? documents[i - 1].issued : nil) ?? options.issued ?? pageDate
            {
                documents[i].issued = DueDateParser.firstOnOrAfter(day: partial.day, month: partial.month, from: from)
            } else {
                documents[i].issued = options.issued
            }
        }
        var main: Int? = documents.isEmpty ? nil : 0
        if let ref = options.ref {
            if let i = documents.firstIndex(where: { $0.ref.map(VietnameseFolding.key) == VietnameseFolding.key(ref) })
            {
                main = i
            } else {
                documents[0].ref = ref
            }
        }
        return (documents, main)
    }
}

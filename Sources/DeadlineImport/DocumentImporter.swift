import DeadlineKit

/// Reads the plain text of a Vietnamese administrative document (or a news article about one) and proposes the
/// deadlines it sets: `deadlinectl import`'s logic, pure and I/O-free.
///
/// The text is normalised to NFC and cut into sentences; a saved web page's `key: value` header ended by `---` is
/// skipped. A date becomes a deadline when a cue introduces it (`trước ngày`, `chậm nhất là`, `hạn chót`,
/// `hoàn thành trong`, `từ nay đến`, `trong tháng` at the end of its clause, `vào quý`, `tại kỳ họp`) and it is not
/// background (a term `nhiệm kỳ 2020-2025`, a stage, a document's own date, a past event with `đã`, a date before
/// the document's). Recurring forms (`hằng tháng trước ngày 20`) need a reporting verb or a day. The responsible
/// unit is the agent (`do X`), the unit a task is handed to (`giao X`), the clause's or sentence's subject, or
/// that of one of the three sentences before in the same paragraph. Each deadline belongs to the document whose
/// part of the text it is in. Use ``UnitNameMatcher`` to match the units against a configuration.
public enum DocumentImporter {
    /// The documents and deadlines found in `text`. Offsets count Characters of the NFC text from its very start.
    public static func propose(_ text: String, options: ImportOptions = ImportOptions()) -> ImportProposal {
        let characters = Array(ImportText.nfc(text))
        let body = ImportText.bodyStart(of: characters)
        let pageDate = ImportText.headerDate(characters, bodyStart: body)
        let sentences = ImportText.sentences(characters, from: body)
        let (documents, main) = DocumentReferences.settle(
            DocumentReferences.introductions(in: sentences), headerDate: DocumentReferences.headerDate(in: sentences),
            pageDate: pageDate, options: options)
        var deadlines: [ProposedDeadline] = []
        for index in sentences.indices {
            var documentIndex: Int?
            for (i, d) in documents.enumerated() where documentIndex == nil || d.offset <= sentences[index].offset {
                documentIndex = i
            }
            let reference = documentIndex.flatMap { documents[$0].issued } ?? options.issued ?? pageDate
            deadlines += SentenceDeadlines(sentences: sentences, index: index, reference: reference, calendar: options.calendar)
                .proposals(documentIndex: documentIndex)
        }
        return ImportProposal(documents: documents, mainDocument: main, deadlines: deadlines, bodyOffset: body)
    }
}

/// The deadlines of one sentence.
///
/// Every look around a date is bounded (``ImportLimits``): a sentence of any length is read in time and memory that
/// grow linearly with it, and each proposal holds at most an excerpt of its sentence.
final class SentenceDeadlines {
    let sentences: [ImportSentence]
    let index: Int
    let reference: CivilDate?
    /// Working days for counts such as `10 ngày làm việc`.
    let calendar: WorkingCalendar
    private let sentence: ImportSentence
    private let tokens: [ImportToken]
    private let clauses: [Range<Int>]
    /// The unit an earlier sentence or a list's lead-in names, looked up once for the sentence.
    private var earlierUnit: (text: String, parts: [String])??

    init(sentences: [ImportSentence], index: Int, reference: CivilDate?, calendar: WorkingCalendar) {
        self.sentences = sentences
        self.index = index
        self.reference = reference
        self.calendar = calendar
        sentence = sentences[index]
        tokens = sentence.tokens
        clauses = Self.clauses(tokens)
    }

    func proposals(documentIndex: Int?) -> [ProposedDeadline] {
        let t = tokens
        var clauseOfToken = [Int](repeating: 0, count: t.count)
        for (c, clause) in clauses.enumerated() {
            for k in clause { clauseOfToken[k] = c }
        }
        var found: [(start: Int, deadline: ProposedDeadline)] = []
        var consumed = [Bool](repeating: false, count: t.count)
        for clause in clauses {
            for r in RecurringForms.find(t, clause: clause) {
                for k in r.start..<min(r.end, t.count) { consumed[k] = true }
                let proposal = make(
                    due: nil, recurrence: r.recurrence, clause: clause, removed: r.start..<r.end, confidence: r.confidence,
                    documentIndex: documentIndex)
                found.append((r.start, proposal))
            }
        }
        for m in DateMentionParser.all(t) where !(m.start..<min(m.end, t.count)).contains(where: { consumed[$0] }) {
            guard m.start < t.count else { continue }
            let clause = clauses[clauseOfToken[m.start]]
            guard let cue = DeadlineCues.cue(t, before: m, clause: clause) ?? DeadlineCues.implicitCue(t, before: m, clause: clause),
                DeadlineCues.accepts(t, cue, mention: m, clause: clause)
            else { continue }
            let due = DueResolver.due(m.value, cue: cue.kind, reference: reference, calendar: calendar)
            if let due, !due.yearInferred, let reference, due.date < reference { continue }  // a past date
            var confidence = cue.confidence
            if due == nil { confidence -= 0.2 } else if due!.yearInferred { confidence -= 0.05 }
            let proposal = make(
                due: due, recurrence: nil, clause: clause, removed: cue.start..<m.end, confidence: confidence,
                documentIndex: documentIndex)
            found.append((cue.start, proposal))
        }
        return found.sorted { $0.start < $1.start }.map(\.deadline)
    }

    private func make(
        due: DueDate?, recurrence: ProposedRecurrence?, clause: Range<Int>, removed: Range<Int>, confidence: Double,
        documentIndex: Int?
    ) -> ProposedDeadline {
        let unit = responsibleUnit(clause: clause, before: removed.lowerBound)
        var confidence = confidence
        if unit == nil { confidence -= 0.25 } else if unit!.earlier { confidence -= 0.1 }
        let taskStart = unit?.taskStart ?? ResponsibleUnits.clauseStart(tokens, clause)
        return ProposedDeadline(
            due: due, recurrence: recurrence, phrase: sentence.text(from: removed.lowerBound, to: removed.upperBound),
            unit: unit?.text, unitParts: unit?.parts ?? [], unitFromEarlierSentence: unit?.earlier ?? false,
            task: ResponsibleUnits.task(sentence, clause: clause, from: taskStart, removing: removed),
            sentence: sentence.excerpt(around: removed), offset: sentence.offset, sentenceLength: sentence.characters.count,
            documentIndex: documentIndex, confidence: (min(0.99, max(0.05, confidence)) * 100).rounded() / 100)
    }

    /// The responsible unit as written, its parts, whether it came from an earlier sentence, and where the task
    /// starts in the deadline's clause.
    private func responsibleUnit(clause: Range<Int>, before limit: Int)
        -> (text: String, parts: [String], earlier: Bool, taskStart: Int)?
    {
        let t = tokens
        let start = ResponsibleUnits.clauseStart(t, clause)
        func here(_ r: Range<Int>, taskStart: Int) -> (String, [String], Bool, Int) {
            (sentence.text(from: r.lowerBound, to: r.upperBound), ResponsibleUnits.parts(sentence, r), false, taskStart)
        }
        if let r = ResponsibleUnits.agent(t, clause, before: limit) { return here(r, taskStart: start) }
        if clause != clauses[0], let r = ResponsibleUnits.subject(t, clause) { return here(r, taskStart: r.upperBound) }
        if let r = ResponsibleUnits.assignee(t, before: limit) {
            return here(r, taskStart: clause.contains(r.lowerBound) ? r.upperBound : start)
        }
        if let r = ResponsibleUnits.subject(t, clauses[0]) {
            return here(r, taskStart: clause == clauses[0] ? r.upperBound : start)
        }
        if earlierUnit == nil { earlierUnit = .some(lookUpEarlierUnit()) }
        guard let found = earlierUnit ?? nil else { return nil }
        return (found.text, found.parts, true, start)
    }

    /// The unit of one of the three sentences before in the same paragraph, or of a list item's lead-in.
    private func lookUpEarlierUnit() -> (text: String, parts: [String])? {
        for j in stride(from: index - 1, through: max(0, index - 3), by: -1) {
            let earlier = sentences[j]
            guard earlier.paragraph == sentence.paragraph else { break }
            let et = earlier.tokens
            if let r = ResponsibleUnits.assignee(et, before: et.count, lookBack: et.count)
                ?? ResponsibleUnits.subject(et, Self.clauses(et)[0])
            {
                return (earlier.text(from: r.lowerBound, to: r.upperBound), ResponsibleUnits.parts(earlier, r))
            }
        }
        // An item of a list: the unit its lead-in (the line ending with `:` above the items) names.
        guard sentence.isListItem || (index > 0 && sentences[index - 1].isLeadIn) else { return nil }
        for j in stride(from: index - 1, through: max(0, index - 15), by: -1) {
            let earlier = sentences[j]
            if earlier.isLeadIn {
                guard let r = ResponsibleUnits.leadInUnit(earlier.tokens) else { return nil }
                return (earlier.text(from: r.lowerBound, to: r.upperBound), ResponsibleUnits.parts(earlier, r))
            }
            guard earlier.isListItem || earlier.paragraph == sentences[j + 1].paragraph else { return nil }
        }
        return nil
    }

    /// Token ranges of the clauses: the sentence cut at each `;` (the marks themselves left out).
    static func clauses(_ t: [ImportToken]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for k in t.indices where t.isMark(k, ";") {
            result.append(start..<k)
            start = k + 1
        }
        result.append(start..<t.count)
        return result
    }
}

/// How far the importer looks around a date, in tokens. Grammar in directives is local (a unit, its verb, the date
/// within a few dozen words); bounding every look keeps the work linear in the input, whatever its sentences' length.
enum ImportLimits {
    /// Back from a date for its cue's context, an order or an announcement.
    static let lookBack = 40
    /// Back from a date for the unit a task is handed to (`giao X chủ trì, ..., báo cáo trước ngày ...`).
    static let unitLookBack = 150
    /// Forward from a date for the verb it fronts or an obligation.
    static let lookAhead = 20
    /// A proposal's sentence is cut to an excerpt around its date when longer than this (Characters).
    static let sentenceExcerpt = 600
}

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
package enum DocumentImporter {
    /// The documents and deadlines found in `text`. Offsets count Characters of the NFC text from its very start.
    package static func propose(_ text: String, options: ImportOptions = ImportOptions()) -> ImportProposal {
        let characters = Array(ImportText.nfc(text))
        let body = ImportText.bodyStart(of: characters)
        let pageDate = ImportText.headerDate(characters, bodyStart: body)
        let sentences = ImportText.sentences(characters, from: body)
        let header = DocumentHeader.read(characters, from: body)
        let (settled, main) = DocumentReferences.settle(
            DocumentReferences.introductions(in: sentences),
            headerDate: DocumentReferences.headerDate(in: sentences) ?? header?.date, pageDate: pageDate,
            options: options)
        var documents = settled
        if let header,
            let i = documents.firstIndex(where: {
                $0.ref.map(VietnameseFolding.key) == VietnameseFolding.key(header.number)
            })
        {
            documents[i].issuer = header.issuer
            documents[i].title = header.subject
        }
        if let url = ImportText.headerValue(characters, bodyStart: body, keys: ["url", "source"]), let m = main {
            documents[m].url = url
        }
        var deadlines: [ProposedDeadline] = []
        for index in sentences.indices {
            var documentIndex: Int?
            for (i, d) in documents.enumerated() where documentIndex == nil || d.offset <= sentences[index].offset {
                documentIndex = i
            }
            let reference = documentIndex.flatMap { documents[$0].issued } ?? options.issued ?? pageDate
            deadlines += SentenceDeadlines(
                sentences: sentences, index: index, reference: reference, calendar: options.calendar
            )
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
    private var earlierUnit: EarlierUnit??
    /// The order given before a clause's bare task, by the clause's first token, looked up once.
    private var ordersBefore: [Int: String?] = [:]

    /// A unit named in an earlier sentence: `sentence` indexes `sentences`, `range` its tokens.
    private struct EarlierUnit {
        let text: String
        let parts: [String]
        let sentence: Int
        let range: Range<Int>
        let leadIn: Bool
    }

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
                    due: nil, recurrence: r.recurrence, clause: clause, removed: r.start..<r.end,
                    confidence: r.confidence,
                    documentIndex: documentIndex)
                found.append((r.start, proposal))
            }
        }
        for m in DateMentionParser.all(t) where !(m.start..<min(m.end, t.count)).contains(where: { consumed[$0] }) {
            guard m.start < t.count else { continue }
            let clause = clauses[clauseOfToken[m.start]]
            guard
                let cue = DeadlineCues.cue(t, before: m, clause: clause)
                    ?? DeadlineCues.implicitCue(t, before: m, clause: clause),
                DeadlineCues.accepts(t, cue, mention: m, clause: clause)
            else { continue }
            // A time limit with no date to count from (no document date, no --issued) is a standing rule's
            // (`Trong thời hạn 01 ngày làm việc, Bộ phận Tiếp nhận ... kiểm tra hồ sơ`), not an order's.
            if case .relative = m.value, reference == nil { continue }
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
        if unit == nil { confidence -= 0.25 } else if unit!.source.isEarlier { confidence -= 0.1 }
        let taskStart = unit?.taskStart ?? ResponsibleUnits.clauseStart(tokens, clause)
        return ProposedDeadline(
            due: due, recurrence: recurrence, phrase: sentence.text(from: removed.lowerBound, to: removed.upperBound),
            unit: unit?.text, unitParts: unit?.parts ?? [], unitFromEarlierSentence: unit?.source.isEarlier ?? false,
            task: task(clause: clause, from: taskStart, removing: removed, source: unit?.source),
            sentence: sentence.excerpt(around: removed), offset: sentence.offset,
            sentenceLength: sentence.characters.count,
            documentIndex: documentIndex, confidence: (min(0.99, max(0.05, confidence)) * 100).rounded() / 100)
    }

    /// Where the responsible unit was found: in this sentence, or in an earlier one (a list's lead-in or not).
    enum UnitSource {
        case here(Range<Int>)
        case earlier(sentence: Int, range: Range<Int>, leadIn: Bool)

        var isEarlier: Bool {
            if case .earlier = self { return true }
            return false
        }
    }

    /// The task, worded as an order (``TaskWording``). A task that only says to do it (`hoàn thành`, `thực
    /// hiện`) is the order given before it; a clause that goes on with an order handed out in the clause before
    /// (`giao Sở X phối hợp ...; báo cáo UBND tỉnh trong 30 ngày`) keeps that order; a list item with no verb
    /// follows its lead-in's; a document named in full in the sentence that gave the unit is named in full.
    private func task(clause: Range<Int>, from start: Int, removing removed: Range<Int>, source: UnitSource?) -> String
    {
        let t = tokens
        let indices = ResponsibleUnits.taskIndices(sentence, clause: clause, from: start, removing: removed)
        var pieces = TaskWording.order(sentence, indices, topic: topic(of: clause))
        if TaskWording.isBare(sentence, pieces), let before = orderBefore(clause, source: source) { return before }
        switch source {
        case .here(let r)?
        where r.lowerBound < clause.lowerBound && start == ResponsibleUnits.clauseStart(t, clause)
            && TaskWording.sendsWhatCameBefore(sentence, pieces):
            // What the clause that handed the order out asked for, then `báo cáo UBND tỉnh` (at most a window of
            // it, from a comma).
            var from = r.upperBound
            if clause.lowerBound - from > 2 * ImportLimits.taskWindow {
                from = clause.lowerBound - 2 * ImportLimits.taskWindow
                if let comma = (from..<clause.lowerBound).first(where: { t.isMark($0, ",;") }) { from = comma + 1 }
            }
            let earlierClause = from..<(clause.lowerBound - 1)
            let first = ResponsibleUnits.taskIndices(
                sentence, clause: earlierClause, from: from,
                removing: earlierClause.upperBound..<earlierClause.upperBound)
            if !first.isEmpty { pieces = TaskWording.order(sentence, first) + [.token(clause.lowerBound - 1)] + pieces }
        case .earlier(let j, let r, true)? where !TaskWording.hasVerb(sentence, pieces):
            // `(2) Các cơ quan ... gửi báo cáo về Bộ ...:` then `- Chậm nhất ngày 08 ... đối với báo cáo hằng quý`.
            let leadIn = sentences[j]
            let lt = leadIn.tokens
            let whole = 0..<lt.count
            let action = TaskWording.order(
                leadIn,
                ResponsibleUnits.taskIndices(leadIn, clause: whole, from: r.upperBound, removing: lt.count..<lt.count))
            guard !action.isEmpty else { break }
            let item = TaskWording.text(sentence, pieces)
            guard !item.isEmpty else { return TaskWording.text(leadIn, action) }
            let second = item.dropFirst().first
            let itemText = second.map(\.isLowercase) == true ? item.prefix(1).lowercased() + item.dropFirst() : item
            return TaskWording.text(leadIn, action) + " – " + itemText
        case .earlier(let j, let r, false)?:
            let earlier = sentences[j]
            if TaskWording.sendsWhatCameBefore(sentence, pieces), r.upperBound < earlier.tokens.count {
                // `Giao Sở X chủ trì ... tổng hợp báo cáo ... . Trình UBND tỉnh trước ngày 10/8/2018.`
                let et = earlier.tokens
                let rest = r.upperBound..<et.count
                let asked = TaskWording.order(
                    earlier,
                    ResponsibleUnits.taskIndices(
                        earlier, clause: rest, from: r.upperBound, removing: et.count..<et.count))
                if !asked.isEmpty {
                    let sent = TaskWording.text(sentence, pieces)
                    return TaskWording.text(earlier, asked) + ", " + sent.prefix(1).lowercased() + sent.dropFirst()
                }
            }
            pieces = TaskWording.completingNouns(pieces, in: sentence, from: earlier, near: r)
        default:
            break
        }
        guard !pieces.isEmpty else { return sentence.text(from: clause.lowerBound, to: clause.upperBound) }
        return TaskWording.text(sentence, pieces)
    }

    /// A fronted `Về <document>, ...` or `Đối với <document>, ...`: what the clause's sending verb sends.
    private func topic(of clause: Range<Int>) -> Range<Int>? {
        let t = tokens
        var i = clause.lowerBound
        if t[safe: i]?.text.lowercased() == "về" {
            i += 1
        } else if t[safe: i]?.text.lowercased() == "đối", t.word(i + 1) == "với" {
            i += 2
        } else {
            return nil
        }
        guard t.longestMatch(TaskWording.documentNouns, at: i) != nil,
            let comma = (i..<min(clause.upperBound, i + 25)).first(where: { t.isMark($0, ",") })
        else { return nil }
        return i..<comma
    }

    /// The order given before a task that only says to do it: the clause before in the sentence, else the last
    /// of the three sentences before that hands a task to a unit.
    private func orderBefore(_ clause: Range<Int>, source: UnitSource?) -> String? {
        if let known = ordersBefore[clause.lowerBound] { return known }
        let found = lookUpOrderBefore(clause, source: source)
        ordersBefore[clause.lowerBound] = .some(found)
        return found
    }

    private func lookUpOrderBefore(_ clause: Range<Int>, source: UnitSource?) -> String? {
        if let c = clauseNumber(clause), c > 0 {
            let before = clauses[c - 1]
            let start = ResponsibleUnits.orderStart(tokens, before)
            let pieces = TaskWording.order(
                sentence,
                ResponsibleUnits.taskIndices(
                    sentence, clause: before, from: start, removing: before.upperBound..<before.upperBound))
            if !pieces.isEmpty, !TaskWording.isBare(sentence, pieces) { return TaskWording.text(sentence, pieces) }
            // The clause before only says to do it too (`...; hoàn thành ...; hoàn thành ...`): its order, looked
            // up already (clauses are read in order).
            return ordersBefore[before.lowerBound] ?? nil
        }
        for j in stride(from: index - 1, through: max(0, index - 3), by: -1) {
            let earlier = sentences[j]
            let et = earlier.tokens
            let from: Int
            if case .earlier(j, let r, false)? = source {
                from = r.upperBound  // the sentence that gave the unit: the order after its name
            } else if let r = ResponsibleUnits.assignee(et, before: et.count, lookBack: ImportLimits.unitLookBack) {
                from = r.upperBound
            } else if let n = et.longestMatch(
                ImportLexicon.assigners, at: ResponsibleUnits.clauseStart(et, 0..<et.count)),
                let verb = (ResponsibleUnits.clauseStart(et, 0..<et.count) + n..<min(et.count, ImportLimits.lookBack))
                    .first(where: { et.predicateStarter(at: $0) != nil })
            {
                from = verb  // `Đề nghị Hiệu trưởng các trường, ... rà soát lại ...`: units the lexicon does not know
            } else {
                continue
            }
            let rest = from..<et.count
            let pieces = TaskWording.order(
                earlier, ResponsibleUnits.taskIndices(earlier, clause: rest, from: from, removing: et.count..<et.count))
            return pieces.isEmpty ? nil : TaskWording.text(earlier, pieces)
        }
        return nil
    }

    /// The position of `clause` in ``clauses`` (sorted by their start).
    private func clauseNumber(_ clause: Range<Int>) -> Int? {
        var low = 0
        var high = clauses.count
        while low < high {
            let mid = (low + high) / 2
            if clauses[mid].lowerBound < clause.lowerBound { low = mid + 1 } else { high = mid }
        }
        return low < clauses.count && clauses[low] == clause ? low : nil
    }

    /// The responsible unit as written, its parts, where it was found, and where the task starts in the deadline's
    /// clause.
    private func responsibleUnit(
        clause: Range<Int>, before limit: Int
    )
        -> (text: String, parts: [String], source: UnitSource, taskStart: Int)?
    {
        let t = tokens
        let start = ResponsibleUnits.clauseStart(t, clause)
        func here(_ r: Range<Int>, taskStart: Int) -> (String, [String], UnitSource, Int) {
            (
                sentence.text(from: r.lowerBound, to: r.upperBound), ResponsibleUnits.parts(sentence, r), .here(r),
                taskStart
            )
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
        return (
            found.text, found.parts, .earlier(sentence: found.sentence, range: found.range, leadIn: found.leadIn), start
        )
    }

    /// The unit of one of the three sentences before in the same paragraph, or of a list item's lead-in.
    private func lookUpEarlierUnit() -> EarlierUnit? {
        for j in stride(from: index - 1, through: max(0, index - 3), by: -1) {
            let earlier = sentences[j]
            guard earlier.paragraph == sentence.paragraph else { break }
            let et = earlier.tokens
            if let r = ResponsibleUnits.assignee(et, before: et.count, lookBack: et.count)
                ?? ResponsibleUnits.subject(et, Self.clauses(et)[0])
            {
                return EarlierUnit(
                    text: earlier.text(from: r.lowerBound, to: r.upperBound), parts: ResponsibleUnits.parts(earlier, r),
                    sentence: j,
                    range: r, leadIn: false)
            }
        }
        // An item of a list: the unit its lead-in (the line ending with `:` above the items) names.
        guard sentence.isListItem || (index > 0 && sentences[index - 1].isLeadIn) else { return nil }
        for j in stride(from: index - 1, through: max(0, index - 15), by: -1) {
            let earlier = sentences[j]
            if earlier.isLeadIn {
                guard let r = ResponsibleUnits.leadInUnit(earlier.tokens) else { return nil }
                return EarlierUnit(
                    text: earlier.text(from: r.lowerBound, to: r.upperBound), parts: ResponsibleUnits.parts(earlier, r),
                    sentence: j,
                    range: r, leadIn: true)
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
    /// Back from a date for the words of its task.
    static let taskWindow = 80
    /// A proposal's sentence is cut to an excerpt around its date when longer than this (Characters).
    static let sentenceExcerpt = 600
}

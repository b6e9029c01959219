import DeadlineKit

/// The words before a date that make it a deadline: `trước ngày`, `chậm nhất là`, `hoàn thành trong`, `trong`...
struct DeadlineCue {
    enum Kind {
        /// `trước`: by that day; before a period, the day before it starts.
        case before
        /// `chậm nhất (là)`, `hạn chót`, `thời hạn`: by that day or period.
        case by
        /// `hoàn thành (trong|vào)`, `xong`: done within that period.
        case completion
        /// `từ nay đến (hết)`: from now until then.
        case fromNow
        /// `đến hết ngày`.
        case untilEnd
        /// `trong tháng 12/2020`: weak, see ``DeadlineCues/accepts(_:_:mention:clause:)``.
        case within
        /// `vào quí 3-2024`, `vào tháng 9 tới`: weak.
        case at
        /// `tại kỳ họp tháng 5/2024`: weak.
        case meeting
    }

    let kind: Kind
    /// First token of the cue words (removed from the task with the date); the task keeps words before it.
    let start: Int
    /// How likely a date with this cue is a real deadline.
    let confidence: Double
}

enum DeadlineCues {
    /// (words that must precede and stay in the task, cue words, kind, confidence); longer patterns first.
    private static let table: [(keep: [String], cue: [String], kind: DeadlineCue.Kind, confidence: Double)] = [
        ([], ["từ", "nay", "đến", "hết"], .fromNow, 0.8), ([], ["từ", "nay", "đến"], .fromNow, 0.8),
        ([], ["từ", "nay", "tới"], .fromNow, 0.8),
        ([], ["chậm", "nhất", "là", "vào"], .by, 0.9), ([], ["chậm", "nhất", "là"], .by, 0.9),
        ([], ["chậm", "nhất", "vào"], .by, 0.9), ([], ["chậm", "nhất"], .by, 0.9),
        ([], ["muộn", "nhất", "là"], .by, 0.9), ([], ["muộn", "nhất"], .by, 0.9),
        ([], ["hạn", "chót", "là"], .by, 0.85), ([], ["hạn", "chót"], .by, 0.85), ([], ["hạn", "cuối"], .by, 0.85),
        ([], ["thời", "hạn", "hoàn", "thành"], .by, 0.85), ([], ["thời", "hạn"], .by, 0.85),
        ([], ["tại", "kỳ", "họp", "thường", "lệ"], .meeting, 0.6), ([], ["tại", "kỳ", "họp"], .meeting, 0.6),
        ([], ["trong", "kỳ", "họp"], .meeting, 0.6),
        ([], ["đến", "hết"], .untilEnd, 0.7), ([], ["trước"], .before, 0.9),
        (["hoàn", "thành"], ["trong"], .completion, 0.85), (["hoàn", "thành"], ["vào"], .completion, 0.85),
        (["hoàn", "thành"], [], .completion, 0.85), (["xong"], ["trong"], .completion, 0.85),
        (["xong"], ["vào"], .completion, 0.85), (["xong"], [], .completion, 0.85),
        ([], ["trong"], .within, 0.7), ([], ["vào"], .at, 0.6),
    ]

    /// The cue right before `mention` inside `clause`, or nil when the date is not introduced as a deadline.
    static func cue(_ t: [ImportToken], before mention: DateMention, clause: Range<Int>) -> DeadlineCue? {
        var end = mention.start
        if t.isMark(end - 1, ":") { end -= 1 }  // thời hạn: 10/12/2020
        for entry in table {
            let cueStart = end - entry.cue.count
            let keepStart = cueStart - entry.keep.count
            guard keepStart >= clause.lowerBound, t.matches(entry.cue, at: cueStart), t.matches(entry.keep, at: keepStart)
            else { continue }
            return DeadlineCue(kind: entry.kind, start: cueStart, confidence: entry.confidence)
        }
        return nil
    }

    /// Whether a date with this cue is proposed: background dates (terms, stages, a document's own date, past
    /// events) are not, and the weak cues `trong`, `vào`, `tại kỳ họp` need the date to end its clause, to follow a
    /// completion verb, or to front a clause that completes something (`Trong tháng 12, các sở phải hoàn thành`).
    static func accepts(_ t: [ImportToken], _ cue: DeadlineCue, mention: DateMention, clause: Range<Int>) -> Bool {
        switch mention.value {
        case .yearRange, .dayOfMonth: return false
        case .tet: guard [.before, .by, .fromNow].contains(cue.kind) else { return false }
        case .day, .month: break
        case .quarter, .half, .year: if cue.kind == .untilEnd { return false }
        }
        if t.word(mention.end) == "của" { return false }  // ngày 17/2/2023 của Ban Thường vụ
        for i in max(clause.lowerBound, cue.start - 4)..<cue.start where t.word(i) == "đã" { return false }
        if let before = t.word(cue.start - 1), ["kỳ", "đoạn", "nhìn"].contains(before) { return false }
        guard [.within, .at, .meeting].contains(cue.kind) else { return true }
        var k = mention.end
        while k < clause.upperBound, t.isMark(k, ".…!?)/") { k += 1 }
        if k == clause.upperBound { return true }
        for s in max(clause.lowerBound, cue.start - 4)..<cue.start {
            if let n = t.longestMatch(ImportLexicon.completionVerbs, at: s), s + n <= cue.start { return true }
        }
        if t.isMark(mention.end, ","), cue.start == clause.lowerBound || t.isMark(cue.start - 1, ",") {
            for s in mention.end..<max(mention.end, clause.upperBound) where t.longestMatch(ImportLexicon.strongCompletionVerbs, at: s) != nil {
                return true
            }
        }
        return false
    }
}

/// Turns a date mention into a due date, inferring a missing year from a reference day (the document's date).
enum DueResolver {
    /// The due date, or nil when the year is missing and there is no reference day.
    static func due(_ value: DateMention.Value, cue: DeadlineCue.Kind, reference: CivilDate?) -> DueDate? {
        let before = cue == .before
        switch value {
        case .day(let d, let m, let y, let time):
            if let y, let date = CivilDate(year: y, month: m, day: d) { return DueDate(date: date, time: time) }
            guard let reference else { return nil }
            let date = DueDateParser.firstOnOrAfter(day: d, month: m, from: reference)
            return DueDate(date: date, time: time, yearInferred: true)
        case .month(let m, let y, let upcoming):
            guard let year = y ?? inferYear(reference, lastMonth: m, upcoming: upcoming) else { return nil }
            return period(firstMonth: m, lastMonth: m, year: year, .month, before: before, inferred: y == nil)
        case .quarter(let q, let y):
            guard let year = y ?? inferYear(reference, lastMonth: q * 3, upcoming: false) else { return nil }
            return period(firstMonth: q * 3 - 2, lastMonth: q * 3, year: year, .quarter, before: before, inferred: y == nil)
        case .half(let h, let y):
            guard let year = y ?? inferYear(reference, lastMonth: h * 6, upcoming: false) else { return nil }
            return period(firstMonth: h * 6 - 5, lastMonth: h * 6, year: year, .halfYear, before: before, inferred: y == nil)
        case .year(let y):
            guard let year = y ?? reference?.year else { return nil }
            return period(firstMonth: 1, lastMonth: 12, year: year, .year, before: before, inferred: y == nil)
        case .tet(let lunarYear, let cycle):
            if let lunarYear { return DueDate(date: VietnameseLunarCalendar.newYear(lunarYear).adding(days: -1)) }
            guard let reference, VietnameseLunarCalendar.supportedYears.contains(reference.year) else { return nil }
            for year in (reference.year - 1)...(reference.year + 60) where cycle.map({ year % 60 == $0 }) ?? true {
                let eve = VietnameseLunarCalendar.newYear(year).adding(days: -1)
                if eve >= reference { return DueDate(date: eve, yearInferred: true) }
            }
            return nil
        case .dayOfMonth, .yearRange:
            return nil
        }
    }

    /// The year of the first period ending in `lastMonth` that ends on or after `reference` (for `tháng 9 tới`,
    /// that starts after it).
    private static func inferYear(_ reference: CivilDate?, lastMonth: Int, upcoming: Bool) -> Int? {
        guard let reference else { return nil }
        if upcoming { return lastMonth <= reference.month ? reference.year + 1 : reference.year }
        return CivilDate.lastDay(ofMonth: lastMonth, year: reference.year) < reference ? reference.year + 1 : reference.year
    }

    /// A period's last day, or with `before` (`trước tháng 6/2023`) the day before its first day.
    private static func period(
        firstMonth: Int, lastMonth: Int, year: Int, _ granularity: DueDate.Granularity, before: Bool, inferred: Bool
    ) -> DueDate? {
        guard (1...9998).contains(year) else { return nil }
        if before {
            let eve = CivilDate(year: year, month: firstMonth, day: 1)!.adding(days: -1)
            return DueDate(date: eve, yearInferred: inferred)
        }
        return DueDate(date: CivilDate.lastDay(ofMonth: lastMonth, year: year), granularity: granularity, yearInferred: inferred)
    }
}

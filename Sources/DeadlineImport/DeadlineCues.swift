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
        /// `sau 30 ngày`: only for a count of days.
        case after
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
        ([], ["chậm", "nhất", "là", "vào"], .by, 0.9), ([], ["chậm", "nhất", "là", "đến"], .by, 0.9),
        ([], ["chậm", "nhất", "đến"], .by, 0.9), ([], ["chậm", "nhất", "là"], .by, 0.9),
        ([], ["chậm", "nhất", "vào"], .by, 0.9), ([], ["chậm", "nhất"], .by, 0.9),
        ([], ["muộn", "nhất", "là"], .by, 0.9), ([], ["muộn", "nhất"], .by, 0.9),
        ([], ["hạn", "chót", "là"], .by, 0.85), ([], ["hạn", "chót"], .by, 0.85), ([], ["hạn", "cuối"], .by, 0.85),
        ([], ["thời", "hạn", "hoàn", "thành"], .by, 0.85), ([], ["trong", "thời", "hạn"], .by, 0.85),
        ([], ["trong", "vòng"], .by, 0.85), ([], ["trong", "thời", "gian"], .by, 0.8),
        ([], ["thời", "hạn"], .by, 0.85),
        ([], ["chậm", "nhất", "sau"], .by, 0.85), ([], ["sau"], .after, 0.7),
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
            guard keepStart >= clause.lowerBound, t.matches(entry.cue, at: cueStart),
                t.matches(entry.keep, at: keepStart)
            else { continue }
            return DeadlineCue(kind: entry.kind, start: cueStart, confidence: entry.confidence)
        }
        return nil
    }

    /// A period right after an obligation's verb (`23 Đề án phải trình năm 2025`), or a fronted day whose clause
    /// states an obligation (`Ngày 1/5, 63 tỉnh, thành phố phải gửi đề án`): deadlines with no cue word.
    static func implicitCue(_ t: [ImportToken], before mention: DateMention, clause: Range<Int>) -> DeadlineCue? {
        switch mention.value {
        case .year(let y?), .month(_, let y?, _), .quarter(_, let y?), .half(_, let y?):
            _ = y
            for n in 1...2 where t.longestMatch(ImportLexicon.completionVerbs, at: mention.start - n) == n {
                let verb = mention.start - n
                if (max(clause.lowerBound, verb - 3)..<verb).contains(where: {
                    t.word($0) == "phải" || t.word($0) == "cần"
                }) {
                    return DeadlineCue(kind: .completion, start: mention.start, confidence: 0.7)
                }
            }
            return nil
        case .day:
            guard mention.start == clause.lowerBound || t.isMark(mention.start - 1, ":"),
                t.word(mention.start) == "ngày", t.isMark(mention.end, ","),
                (mention.end..<min(clause.upperBound, mention.end + ImportLimits.lookAhead)).contains(where: {
                    t.word($0) == "phải"
                })
            else { return nil }
            return DeadlineCue(kind: .by, start: mention.start, confidence: 0.75)
        default:
            return nil
        }
    }

    /// Whether a date with this cue is proposed: background dates (terms, stages, a document's own date, past
    /// events) are not, and the weak cues `trong`, `vào`, `tại kỳ họp` need the date to end its clause, to follow a
    /// completion verb, or to front a clause that completes something (`Trong tháng 12, các sở phải hoàn thành`).
    static func accepts(_ t: [ImportToken], _ cue: DeadlineCue, mention: DateMention, clause: Range<Int>) -> Bool {
        switch mention.value {
        case .yearRange, .dayOfMonth: return false
        case .relative(_, _, let countable): guard countable, cue.kind != .untilEnd else { return false }
        case _ where cue.kind == .after: return false
        case .tet: guard [.before, .by, .fromNow].contains(cue.kind) else { return false }
        case .day, .month: break
        case .quarter, .half, .year: if cue.kind == .untilEnd { return false }
        }
        if t.word(mention.end) == "của" { return false }  // ngày 17/2/2023 của Ban Thường vụ
        for i in max(clause.lowerBound, cue.start - 4)..<cue.start where t.word(i) == "đã" { return false }
        if t.has("nhiệm kỳ", at: cue.start - 2) || t.has("giai đoạn", at: cue.start - 2)
            || t.has("tầm nhìn", at: cue.start - 2)
        {
            return false
        }
        if isBackground(t, cue, mention: mention, clause: clause) { return false }
        if case .relative = mention.value { return true }
        guard [.within, .at, .meeting].contains(cue.kind) else { return true }
        var k = mention.end
        while k < clause.upperBound, t.isMark(k, ".…!?)/") { k += 1 }
        if k == clause.upperBound { return true }
        // `trong tháng 12/2011 trình UBND TP ...`: the period fronts the task's verb.
        if t.longestMatch(ImportLexicon.completionVerbs, at: mention.end) != nil { return true }
        for s in max(clause.lowerBound, cue.start - 8)..<cue.start {
            if let n = t.longestMatch(ImportLexicon.completionVerbs, at: s), s + n <= cue.start, !negated(t, s, clause),
                t.predicateStarter(at: s) != nil || t.longestMatch(ImportLexicon.predicateStarters, at: s) == nil
            {
                return true
            }
        }
        if t.isMark(mention.end, ","), cue.start == clause.lowerBound || t.isMark(cue.start - 1, ",") {
            for s in mention.end..<max(mention.end, min(clause.upperBound, mention.end + ImportLimits.lookAhead))
            where t.longestMatch(ImportLexicon.strongCompletionVerbs, at: s) != nil {
                return true
            }
        }
        return false
    }
}

extension DeadlineCues {
    /// Words that make what follows an announcement or a plan, not an order: `dự kiến`, `dự định`, `kế hoạch sẽ`.
    private static let expectation = ImportLexicon.phrases("dự kiến", "dự định")
    /// Words that give an order: a `sẽ` after them is the order's content (`yêu cầu ... sẽ`), not an announcement.
    private static let orders = ImportLexicon.phrases("yêu cầu", "đề nghị", "giao", "phải", "cần", "chỉ đạo")

    /// Whether the date is background: an announcement (`dự kiến tổ chức trước ngày 25.3`, `Bộ Nội vụ sẽ tổng hợp
    /// ... trước 30/9`), the last day of a span (`từ ngày 30/4 đến hết ngày 3/5`), a framing (`từ nay đến cuối năm
    /// 2025, như sau:`), a cited document's subject (`Công văn số 143/VP-TH về việc ... trình trong tháng 6/2008`), or
    /// what was not done (`các công việc chưa hoàn thành trong năm 2024`).
    static func isBackground(_ t: [ImportToken], _ cue: DeadlineCue, mention: DateMention, clause: Range<Int>) -> Bool {
        // What takes effect (`có hiệu lực sau 10 ngày kể từ ngày ký`), what was not done (`chưa hoàn thành trong`).
        if (max(clause.lowerBound, cue.start - 5)..<cue.start).contains(where: { t.has("hiệu lực", at: $0) }) {
            return true
        }
        for k in max(clause.lowerBound, cue.start - 3)..<cue.start
        where t.longestMatch(ImportLexicon.completionVerbs, at: k) != nil {
            if negated(t, k, clause) { return true }
        }
        // Announcements: an expectation earlier in the sentence; `X sẽ <verb>` with no order before it.
        let back = max(0, cue.start - ImportLimits.lookBack)
        if (back..<cue.start).contains(where: { t.longestMatch(expectation, at: $0) != nil }) { return true }
        let clauseBack = max(clause.lowerBound, back)
        for k in clauseBack..<cue.start where t.word(k) == "sẽ" && t.word(k + 1) != "được" {
            if !(clauseBack..<k).contains(where: { t.longestMatch(orders, at: $0) != nil }) { return true }
        }
        // A fronted date before an announcement: `trong tháng 7 tới, UBND thành phố sẽ trình ...`.
        if t.isMark(mention.end, ",") {
            let ahead = (mention.end + 1)..<min(clause.upperBound, mention.end + 1 + ImportLimits.lookAhead)
            if let k = ahead.first(where: { t.word($0) == "sẽ" || t.longestMatch(expectation, at: $0) != nil }),
                t.word(k + 1) != "được",
                !(mention.end..<k).contains(where: {
                    t.longestMatch(orders, at: $0) != nil || t.isMark($0, ",;") && $0 > mention.end
                })
            {
                return true
            }
        }
        // A span: `từ <date> đến (hết) <date>`.
        if [.untilEnd, .fromNow].contains(cue.kind) || t.word(cue.start) == "đến" {
            for k in stride(from: cue.start - 1, through: max(clause.lowerBound, cue.start - 12), by: -1)
            where t.word(k) == "từ" {
                if t.word(k + 1) != "nay", DateMentionParser.parse(t, at: k + 1) != nil { return true }
            }
        }
        // A framing that introduces a list: `... từ nay đến cuối năm 2025, như sau:`.
        var k = mention.end
        if t.isMark(k, ",") { k += 1 }
        if t.has("như sau", at: k) || t.isMark(mention.end, ":") { return true }
        if RecurringForms.inCitedSubject(t, mention.start, clause) { return true }
        // The legal basis: `Căn cứ Quyết định số ...`, `Thực hiện Công văn số ...` up to an order.
        let start = ResponsibleUnits.clauseStart(t, clause)
        if cue.start - start <= ImportLimits.unitLookBack,
            t.has("căn cứ", at: start) || t.has("thực hiện", at: start) || t.word(start) == "theo",
            (start..<min(clause.upperBound, start + 4)).contains(where: {
                t.longestMatch(ImportLexicon.documentKinds, at: $0) != nil
            }),
            !(start..<cue.start).contains(where: {
                (t.longestMatch(orders, at: $0) != nil && t.predicateStarter(at: $0) != nil)
                    || ResponsibleUnits.startsNewClause(t, after: $0, limit: clause.upperBound)
            })
        {
            return true
        }
        return false
    }

    /// Whether the verb at `k` is negated (`chưa hoàn thành`, `không hoàn thành`).
    static func negated(_ t: [ImportToken], _ k: Int, _ clause: Range<Int>) -> Bool {
        guard let w = t.word(k - 1) else { return false }
        return k - 1 >= clause.lowerBound && ["chưa", "không", "chẳng"].contains(w)
    }
}

/// Turns a date mention into a due date, inferring a missing year from a reference day (the document's date).
enum DueResolver {
    /// The due date, or nil when the year is missing and there is no reference day.
    static func due(
        _ value: DateMention.Value, cue: DeadlineCue.Kind, reference: CivilDate?,
        calendar: WorkingCalendar = WorkingCalendar()
    ) -> DueDate? {
        let before = cue == .before
        switch value {
        case .relative(let days, let working, _):
            guard let reference else { return nil }
            return DueDate(
                date: working ? calendar.adding(workingDays: days, to: reference) : reference.adding(days: days))
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
            return period(
                firstMonth: q * 3 - 2, lastMonth: q * 3, year: year, .quarter, before: before, inferred: y == nil)
        case .half(let h, let y):
            guard let year = y ?? inferYear(reference, lastMonth: h * 6, upcoming: false) else { return nil }
            return period(
                firstMonth: h * 6 - 5, lastMonth: h * 6, year: year, .halfYear, before: before, inferred: y == nil)
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
        return CivilDate.lastDay(ofMonth: lastMonth, year: reference.year) < reference
            ? reference.year + 1 : reference.year
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
        return DueDate(
            date: CivilDate.lastDay(ofMonth: lastMonth, year: year), granularity: granularity, yearInferred: inferred)
    }
}

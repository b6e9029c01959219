import DeadlineKit

/// A recurring deadline in a clause: `hằng tháng trước ngày 20`, `trước ngày 22 hàng tháng`, `chậm nhất ngày 15 của
/// tháng báo cáo`, `ngày 06 của tháng cuối quý`, `trước ngày 10/7 của năm báo cáo`, `trước ngày 30/6 năm sau`,
/// `định kỳ từ ngày 1 đến ngày 5 hằng tháng`, `vào thứ sáu hằng tuần`, `định kỳ hằng quý`.
struct RecurringFinding {
    let recurrence: ProposedRecurrence
    /// Tokens of the whole form (cue, day and period), removed from the task.
    let start: Int
    let end: Int
    let confidence: Double
}

/// Finds recurring deadlines: a deadline day (after a cue such as `trước`, `chậm nhất`, `vào`, or right beside the
/// period) with the period it repeats in.
///
/// A day and month without a year repeat yearly when the clause speaks of a reporting year (`của năm báo cáo`, `năm
/// kế tiếp`, `năm liền kề`, `năm sau`, `hằng năm`) or of a periodic report: a half-year report due `ngày 06 tháng
/// 06` is due each year on 6/6. A day of the month repeats with the period named beside it (`của tháng báo cáo`:
/// monthly; `của tháng cuối quý`: quarterly) or in the clause (`báo cáo định kỳ hằng tháng`). Days in a data
/// cut-off window (`thời gian chốt số liệu`, `tính từ ngày 15 ... đến ngày 14`) are not deadlines; a duty window
/// `từ ngày 1 đến ngày 5 hằng tháng` is due on its last day. With no day, a reporting duty repeated `hằng quý` is
/// due at each period's end (less sure); other duties with no day (`họp định kỳ hằng tháng`) are not deadlines.
enum RecurringForms {
    /// A period named in the clause.
    private struct Period {
        let frequency: ProposedRecurrence.Frequency
        let start: Int
        let end: Int
        /// `hằng`, `hàng`, `mỗi`, `định kỳ`: says the duty repeats (not only which report it is).
        let repeats: Bool
        /// Quarterly or half-yearly: the month of the period (`tháng đầu quý`: 1, `tháng cuối quý`: the last).
        var month: Int?
    }

    /// A deadline day: `ngày 20`, `ngày 15/12`, `ngày cuối tháng` (day nil).
    private struct DaySpec {
        let day: Int?
        let month: Int?
        let start: Int
        let end: Int
        /// The first token of its cue (`trước`, `chậm nhất`), or `start` when it has none.
        let cueStart: Int
    }

    private static let unitFrequencies: [String: ProposedRecurrence.Frequency] = [
        "tuần": .weekly, "tháng": .monthly, "quý": .quarterly, "năm": .yearly,
    ]
    private static let weekdays: [(StaticString, Weekday)] = [
        ("thứ hai", .monday), ("thứ ba", .tuesday), ("thứ tư", .wednesday), ("thứ năm", .thursday),
        ("thứ sáu", .friday), ("thứ bảy", .saturday), ("chủ nhật", .sunday),
    ]
    private static let every: Set<String> = ["hằng", "hàng", "mỗi"]
    static let dayCues = ImportLexicon.phrases(
        "trước", "chậm nhất là vào", "chậm nhất là", "chậm nhất vào", "chậm nhất", "muộn nhất là", "muộn nhất", "vào",
        "trong", "hạn chót", "đến")
    /// Words of a data cut-off or a reporting period's bounds: the days they give are not deadlines.
    private static let cutOffWords = ImportLexicon.phrases(
        "chốt số liệu", "số liệu", "tính từ", "kỳ hạn", "thời kỳ", "được tính", "kỳ báo cáo thống kê")
    /// After a day and month: the year it falls in is each reporting year's (or the next one's).
    private static let yearOfReport = ImportLexicon.phrases(
        "của năm báo cáo", "năm báo cáo", "của năm liền kề", "năm liền kề", "của năm kế tiếp", "năm kế tiếp",
        "năm sau", "năm tiếp theo", "hằng năm", "hàng năm")
    /// The length of the words naming the reporting year at `i`, chained (`của năm liền kề năm báo cáo`, `năm kế
    /// tiếp của năm báo cáo`, `năm hàng năm`), or nil.
    private static func yearOfReportLength(_ t: [ImportToken], at i: Int) -> Int? {
        var j = i
        for _ in 0..<3 {
            let k = t.word(j) == "năm" && (t.word(j + 1) == "hằng" || t.word(j + 1) == "hàng") ? j + 1 : j
            if let n = t.longestMatch(yearOfReport, at: k) {
                j = k + n
            } else if t.word(k) == "của", let n = t.longestMatch(yearOfReport, at: k + 1) {
                j = k + 1 + n
            } else {
                break
            }
        }
        return j > i ? j - i : nil
    }

    /// Verbs that make a repeated duty with no day a deadline at each period's end.
    private static let reportingVerbs = ImportLexicon.phrases("báo cáo", "gửi", "nộp")

    /// The recurring deadlines of `clause`, in text order.
    static func find(_ t: [ImportToken], clause: Range<Int>) -> [RecurringFinding] {
        let periods = periods(t, clause)
        if let weekly = periods.first(where: { $0.frequency == .weekly && $0.repeats }) {
            guard
                let (i, day) = weekday(
                    t, in: max(clause.lowerBound, weekly.start - 8)..<min(clause.upperBound, weekly.end + 8))
            else { return [] }
            var start = min(weekly.start, i)
            if let n = t.match(dayCues, endingBefore: start), start - n >= clause.lowerBound { start -= n }
            return [
                RecurringFinding(
                    recurrence: ProposedRecurrence(frequency: .weekly, weekday: day), start: start,
                    end: max(weekly.end, i + 2),
                    confidence: 0.8)
            ]
        }
        let cutOff = clause.contains { t.longestMatch(cutOffWords, at: $0) != nil }
        var found: [RecurringFinding] = []
        // Not the subject of a cited document (`Quyết định số 15/2020/QĐ-UBND về việc báo cáo trước ngày 15 hằng
        // tháng`).
        for spec in daySpecs(t, clause, cutOff: cutOff) where !inCitedSubject(t, spec.cueStart, clause) {
            if let month = spec.month, let day = spec.day {
                // A day and month: yearly, when the clause repeats or names the reporting year.
                let after = spec.end
                let namedYear = yearOfReportLength(t, at: after)
                guard namedYear != nil || periods.contains(where: \.repeats) else { continue }
                let end = max(spec.end, after + (namedYear ?? 0))
                found.append(
                    RecurringFinding(
                        recurrence: ProposedRecurrence(frequency: .yearly, day: day, month: month),
                        start: spec.cueStart,
                        end: end, confidence: 0.8))
                continue
            }
            // `ngày 25 của tháng cuối kỳ báo cáo`: the last month of each reporting period the clause names, for
            // monthly, quarterly, half-year and annual reports at once.
            if let day = spec.day, let n = lastMonthOfReportingPeriod(t, at: spec.end) {
                let frequencies = periods.map(\.frequency).filter { $0 != .weekly }
                var seen: Set<ProposedRecurrence.Frequency> = []
                for f in frequencies where seen.insert(f).inserted {
                    found.append(
                        RecurringFinding(
                            recurrence: ProposedRecurrence(frequency: f, day: day, month: f == .yearly ? 12 : nil),
                            start: spec.cueStart, end: spec.end + n, confidence: 0.8))
                }
                if !seen.isEmpty { continue }
            }
            // A day of the month: the period beside it (`của tháng cuối quý`), else the clause's.
            let beside = period(t, after: spec.end, clause: clause)
            guard let period = beside ?? nearest(periods, to: spec) else { continue }
            var recurrence = ProposedRecurrence(
                frequency: period.frequency == .weekly ? .monthly : period.frequency, day: spec.day)
            if period.frequency == .quarterly || period.frequency == .halfYearly {
                recurrence.month = period.month == 1 ? 1 : nil
            }
            let end = max(spec.end, beside?.end ?? spec.end, period.end <= spec.end + 3 ? period.end : spec.end)
            found.append(
                RecurringFinding(
                    recurrence: recurrence,
                    start: min(
                        spec.cueStart,
                        period.start >= spec.cueStart - 3 && period.start < spec.cueStart ? period.start : spec.cueStart
                    ), end: end, confidence: 0.8))
        }
        if !found.isEmpty { return found }
        // No day: a repeated report is due at each period's end; other duties are not dated.
        guard !cutOff, let period = periods.first(where: \.repeats), !inCitedSubject(t, period.start, clause),
            clause.contains(where: {
                t.longestMatch(reportingVerbs, at: $0) != nil
                    && !["nghe", "nhận", "xét"].contains(t.word($0 - 1) ?? "")
            })
        else { return [] }
        var recurrence = ProposedRecurrence(frequency: period.frequency)
        if period.frequency == .quarterly || period.frequency == .halfYearly {
            recurrence.month = period.month == 1 ? 1 : nil
        }
        var start = period.start
        if let n = t.match(dayCues, endingBefore: start), start - n >= clause.lowerBound { start -= n }
        return [RecurringFinding(recurrence: recurrence, start: start, end: period.end, confidence: 0.55)]
    }

    /// The periods the clause names: `hằng tháng`, `định kỳ hằng quý`, `định kỳ 6 tháng (một lần)`, `6 tháng một
    /// lần`, `tháng báo cáo`, `tháng cuối quý`, `báo cáo năm`, `báo cáo 6 tháng`...
    private static func periods(_ t: [ImportToken], _ clause: Range<Int>) -> [Period] {
        var result: [Period] = []
        var k = clause.lowerBound
        while k < clause.upperBound {
            var start = k
            var found: Period?
            if let w = t.word(k), every.contains(w), let f = t.word(k + 1).flatMap({ unitFrequencies[$0] }) {
                if t.has("định kỳ", at: k - 2) { start = k - 2 }
                found = Period(frequency: f, start: start, end: k + 2, repeats: true)
            } else if t.has("định kỳ", at: k), let n = sixMonths(t, at: k + 2) {
                found = Period(
                    frequency: .halfYearly, start: k, end: t.has("một lần", at: k + 2 + n) ? k + 4 + n : k + 2 + n,
                    repeats: true)
            } else if let n = sixMonths(t, at: k), t.has("một lần", at: k + n) {
                found = Period(frequency: .halfYearly, start: k, end: k + n + 2, repeats: true)
            } else if let n = sixMonths(t, at: k), let last = result.last, last.repeats, last.end >= k - 2,
                t.isMark(k - 1, ",") || t.word(k - 1) == "và"
            {
                // In a list of repeated periods: `hằng quý, 6 tháng và hằng năm`.
                found = Period(frequency: .halfYearly, start: k, end: k + n, repeats: true)
            } else if t.has("tháng báo cáo", at: k) {
                found = Period(frequency: .monthly, start: k, end: k + 3, repeats: false)
            } else if t.has("tháng cuối quý", at: k) || t.has("tháng đầu quý", at: k) {
                found = Period(
                    frequency: .quarterly, start: k, end: k + 3, repeats: false, month: t.word(k + 1) == "đầu" ? 1 : 3)
            } else if t.word(k) == "báo", t.word(k + 1) == "cáo" {
                var j = k + 2
                let periodic = t.has("định kỳ", at: j)
                if periodic { j += 2 }
                if t.word(j) == "cả" { j += 1 }
                if let n = sixMonths(t, at: j) {
                    found = Period(frequency: .halfYearly, start: k, end: j + n, repeats: periodic)
                } else if let f = t.word(j).flatMap({ unitFrequencies[$0] }), f != .weekly,
                    t[safe: j + 1]?.kind != .number
                {
                    found = Period(frequency: f, start: k, end: j + 1, repeats: periodic)
                }
            }
            if let p = found {
                result.append(p)
                k = max(k + 1, p.end)
            } else {
                k += 1
            }
        }
        return result
    }

    /// `6 tháng`, `06 tháng`, `sáu tháng`, `6 (sáu) tháng` at `k` (not `6 tháng đầu năm 2024`): its length.
    private static func sixMonths(_ t: [ImportToken], at k: Int) -> Int? {
        guard t[safe: k]?.value == 6 || t.word(k) == "sáu", t.word(k + 1) == "tháng" else { return nil }
        if let w = t.word(k + 2), w == "đầu" || w == "cuối", t[safe: k + 4]?.kind == .number { return nil }
        return 2
    }

    /// The length of `(của) tháng cuối (của) kỳ báo cáo` at `i`, or nil.
    private static func lastMonthOfReportingPeriod(_ t: [ImportToken], at i: Int) -> Int? {
        var k = i
        if t.word(k) == "của" { k += 1 }
        guard t.has("tháng cuối", at: k) else { return nil }
        k += 2
        if t.word(k) == "của" { k += 1 }
        guard t.word(k) == "kỳ" else { return nil }
        k += 1
        if t.has("báo cáo", at: k) { k += 2 }
        return k - i
    }

    /// The period written right after a day (`của tháng báo cáo`, `của tháng cuối quý`, `hằng tháng`).
    private static func period(_ t: [ImportToken], after end: Int, clause: Range<Int>) -> Period? {
        var k = end
        if t.word(k) == "của" { k += 1 }
        guard k < clause.upperBound else { return nil }
        return periods(t, k..<min(clause.upperBound, k + 5)).first { $0.start == k }
    }

    /// The period nearest to a day, within ``ImportLimits/lookBack`` tokens (`periods` is in text order).
    private static func nearest(_ periods: [Period], to spec: DaySpec) -> Period? {
        var low = 0
        var high = periods.count
        while low < high {
            let mid = (low + high) / 2
            if periods[mid].start < spec.start - ImportLimits.lookBack { low = mid + 1 } else { high = mid }
        }
        var best: Period?
        for p in periods[low...] {
            guard p.start <= spec.start + ImportLimits.lookBack else { break }
            if p.frequency != .weekly, abs(p.start - spec.start) < abs((best?.start ?? Int.max / 2) - spec.start) {
                best = p
            }
        }
        return best
    }

    /// The deadline days of a clause: after a cue or beside a repeated period, not the start of a window, not in a
    /// data cut-off; a duty window's last day.
    private static func daySpecs(_ t: [ImportToken], _ clause: Range<Int>, cutOff: Bool) -> [DaySpec] {
        var result: [DaySpec] = []
        var k = clause.lowerBound
        while k < clause.upperBound {
            defer { k += 1 }
            var spec: DaySpec?
            if t.has("ngày cuối tháng", at: k) || (t.has("cuối tháng", at: k) && t.word(k - 1) != "ngày") {
                let n = t.word(k) == "ngày" ? 3 : 2
                if t.word(k + n) == "năm" || t[safe: k + n]?.kind == .number { continue }
                spec = DaySpec(day: nil, month: nil, start: k, end: k + n, cueStart: k)
            } else if t.word(k) == "ngày" || t.word(k) == "mùng" || t.word(k) == "mồng",
                let m = DateMentionParser.parse(t, at: k)
            {
                switch m.value {
                case .dayOfMonth(let d): spec = DaySpec(day: d, month: nil, start: k, end: m.end, cueStart: k)
                case .day(let d, let month, nil, _):
                    spec = DaySpec(day: d, month: month, start: k, end: m.end, cueStart: k)
                default: continue
                }
            }
            guard var s = spec else { continue }
            k = s.end - 1
            let startsWindow = t.word(s.start - 1) == "từ" || t.has("tính từ", at: s.start - 2)
            let endsWindow =
                t.word(s.start - 1) == "đến" && result.isEmpty && windowStart(t, before: s.start - 1, clause)
            if startsWindow { continue }
            if endsWindow {
                guard !cutOff else { continue }
                s = DaySpec(
                    day: s.day, month: s.month, start: s.start, end: s.end,
                    cueStart: windowBegin(t, s.start - 1, clause))
                result.append(s)
                continue
            }
            if let n = t.match(dayCues, endingBefore: s.start), s.start - n >= clause.lowerBound {
                guard t.word(s.start - 1) != "đến" || !cutOff else { continue }
                result.append(DaySpec(day: s.day, month: s.month, start: s.start, end: s.end, cueStart: s.start - n))
            } else if !cutOff, besideRepeatedPeriod(t, s, clause) {
                result.append(s)
            }
        }
        return result
    }

    /// Whether `từ ngày ...` opens a window that the `đến` at `to` closes.
    private static func windowStart(_ t: [ImportToken], before to: Int, _ clause: Range<Int>) -> Bool {
        windowBegin(t, to, clause) != to
    }

    /// The `từ` (or `định kỳ từ`) opening the window closed at `to`, or `to` when there is none.
    private static func windowBegin(_ t: [ImportToken], _ to: Int, _ clause: Range<Int>) -> Int {
        for k in stride(from: to - 1, through: max(clause.lowerBound, to - 6), by: -1) where t.word(k) == "từ" {
            return t.has("định kỳ", at: k - 2) ? k - 2 : k
        }
        return to
    }

    private static func besideRepeatedPeriod(_ t: [ImportToken], _ s: DaySpec, _ clause: Range<Int>) -> Bool {
        let near = periods(t, max(clause.lowerBound, s.start - 3)..<min(clause.upperBound, s.end + 3))
        return near.contains(where: \.repeats)
    }

    /// Whether token `i` is in the subject of a cited document (`Công văn số 2070/BHXH-KHTC về báo cáo thống kê
    /// hàng tháng`): a title, not a duty.
    static func inCitedSubject(_ t: [ImportToken], _ i: Int, _ clause: Range<Int>) -> Bool {
        for k in stride(from: i - 1, through: max(clause.lowerBound, i - 25), by: -1) {
            // An order or a new clause's subject ends the subject of the document.
            if t.longestMatch(ImportLexicon.assigners, at: k) != nil, t.predicateStarter(at: k) != nil { return false }
            if ResponsibleUnits.startsNewClause(t, after: k, limit: clause.upperBound) { return false }
            guard t.word(k) == "về" else { continue }
            // `số 15/2020/QĐ-UBND ngày 20/10/2020 về ...` (not `số liệu`).
            for j in stride(from: k - 1, through: max(clause.lowerBound, k - 30), by: -1)
            where t.word(j) == "số" && t[safe: t.isMark(j + 1, ":") ? j + 2 : j + 1]?.kind == .number {
                return (max(clause.lowerBound, j - 8)..<j).contains {
                    t.longestMatch(ImportLexicon.documentKinds, at: $0) != nil
                }
            }
            return false
        }
        return false
    }

    private static func weekday(_ t: [ImportToken], in window: Range<Int>) -> (Int, Weekday)? {
        for i in window {
            for (name, day) in weekdays where t.has(name, at: i) { return (i, day) }
        }
        return nil
    }
}

extension Array {
    /// The element at `i`, or nil when `i` is out of range.
    subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}

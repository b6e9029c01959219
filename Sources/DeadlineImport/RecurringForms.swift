import DeadlineKit

/// A recurring deadline in a clause: `hằng tháng trước ngày 20`, `trước ngày 22 hàng tháng`, `định kỳ hằng quý`,
/// `hằng năm trước ngày 15/12`, `vào thứ sáu hằng tuần`.
struct RecurringFinding {
    let recurrence: ProposedRecurrence
    /// Tokens of the whole form (frequency and day), removed from the task.
    let start: Int
    let end: Int
    let confidence: Double
}

enum RecurringForms {
    private static let frequencies: [String: ProposedRecurrence.Frequency] = [
        "tuần": .weekly, "tháng": .monthly, "quý": .quarterly, "năm": .yearly,
    ]
    private static let weekdays: [(StaticString, Weekday)] = [
        ("thứ hai", .monday), ("thứ ba", .tuesday), ("thứ tư", .wednesday), ("thứ năm", .thursday),
        ("thứ sáu", .friday), ("thứ bảy", .saturday), ("chủ nhật", .sunday),
    ]
    private static let every: Set<String> = ["hằng", "hàng", "mỗi"]
    private static let starters: Set<String> = ["hằng", "hàng", "mỗi", "định", "6", "sáu"]
    private static let dayCues = ImportLexicon.phrases("trước", "chậm nhất là", "chậm nhất", "vào", "trong")

    /// The first recurring form in `clause`, if the clause sets a duty (a reporting verb, or a day to do it by).
    static func find(_ t: [ImportToken], clause: Range<Int>) -> RecurringFinding? {
        for k in clause {
            guard let first = t.word(k) ?? (t[k].value == 6 ? "6" : nil), starters.contains(first) else { continue }
            var frequency: ProposedRecurrence.Frequency
            var start = k
            var end: Int
            if every.contains(first), let f = t.word(k + 1).flatMap({ frequencies[$0] }) {
                frequency = f
                end = k + 2
            } else if t.has("định kỳ 6 tháng", at: k) || t.has("định kỳ sáu tháng", at: k) {
                frequency = .halfYearly
                end = t.has("một lần", at: k + 4) ? k + 6 : k + 4
            } else if (t[k].value == 6 || t.word(k) == "sáu"), t.has("tháng một lần", at: k + 1) {
                frequency = .halfYearly
                end = k + 4
            } else {
                continue
            }
            if t.has("định kỳ", at: start - 2) { start -= 2 }
            let window = max(clause.lowerBound, start - 8)..<min(clause.upperBound, end + 8)
            var recurrence = ProposedRecurrence(frequency: frequency)
            var haveDay = false
            if frequency == .weekly {
                guard let (i, day) = weekday(t, in: window) else { return nil }
                recurrence.weekday = day
                (start, end) = (min(start, i), max(end, i + 2))
                haveDay = true
            } else if let spec = daySpec(t, in: window, frequency: frequency) {
                recurrence.day = spec.day
                recurrence.month = spec.month
                (start, end) = (min(start, spec.start), max(end, spec.end))
                haveDay = true
            }
            if frequency == .quarterly || frequency == .halfYearly, let m = monthOfPeriod(t, from: end, in: window) {
                recurrence.month = m.month == 1 ? 1 : nil
                end = max(end, m.end)
            }
            let duty = clause.contains { t.longestMatch(ImportLexicon.dutyVerbs, at: $0) != nil }
            guard haveDay || duty else { continue }
            if let n = t.match(dayCues, endingBefore: start), start - n >= clause.lowerBound { start -= n }
            return RecurringFinding(recurrence: recurrence, start: start, end: end, confidence: haveDay ? 0.8 : 0.55)
        }
        return nil
    }

    /// `ngày 20`, `ngày cuối tháng` (last), or for a yearly duty `ngày 15/12`.
    private static func daySpec(_ t: [ImportToken], in window: Range<Int>, frequency: ProposedRecurrence.Frequency)
        -> (day: Int?, month: Int?, start: Int, end: Int)?
    {
        for i in window {
            if t.has("ngày cuối tháng", at: i) || t.has("cuối tháng", at: i) && t.word(i - 1) != "ngày" {
                let n = t.word(i) == "ngày" ? 3 : 2
                if t.word(i + n) == "năm" || t[safe: i + n]?.kind == .number { continue }
                return (nil, nil, i, i + n)
            }
            guard t.word(i) == "ngày", let m = DateMentionParser.parse(t, at: i) else { continue }
            switch m.value {
            case .dayOfMonth(let d) where frequency != .yearly: return (d, nil, i, m.end)
            case .day(let d, let month, nil, _) where frequency == .yearly: return (d, month, i, m.end)
            default: continue
            }
        }
        return nil
    }

    /// `của tháng cuối quý` (the default) or `tháng đầu quý` after the day.
    private static func monthOfPeriod(_ t: [ImportToken], from: Int, in window: Range<Int>) -> (month: Int, end: Int)? {
        for i in from..<max(from, window.upperBound) {
            if t.has("tháng cuối quý", at: i) || t.has("tháng cuối kỳ", at: i) { return (3, i + 3) }
            if t.has("tháng đầu quý", at: i) || t.has("tháng đầu kỳ", at: i) { return (1, i + 3) }
        }
        return nil
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
    fileprivate subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}

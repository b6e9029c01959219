/// How a recurring deadline repeats: "báo cáo hằng tháng trước ngày 20", "định kỳ hằng quý"...
package struct Recurrence: Sendable, Hashable {
    package enum Pattern: Sendable, Hashable {
        /// Every week on a weekday.
        case weekly(Weekday)
        /// Every `interval` months (1 monthly, 3 quarterly, 6 half-yearly, 12 yearly), in month `anchor`
        /// of each period (1-based: 3 = the last month of a quarter), on `day`.
        case monthly(interval: Int, anchor: Int, day: DayOfMonth)
    }

    /// A day of the month; days past a short month's end fall on its last day (31 -> 30/4, 28 or 29/2).
    package enum DayOfMonth: Sendable, Hashable {
        case day(Int)
        case last

        func date(year: Int, month: Int) -> CivilDate {
            switch self {
            case .day(let d): CivilDate.clamped(year: year, month: month, day: d)
            case .last: CivilDate.lastDay(ofMonth: month, year: year)
            }
        }
    }

    package let pattern: Pattern
    /// The due time on each occurrence's day.
    package let time: TimeOfDay
    /// No occurrence before this day.
    package let start: CivilDate?
    /// No occurrence after this day.
    package let end: CivilDate?

    package init(pattern: Pattern, time: TimeOfDay, start: CivilDate? = nil, end: CivilDate? = nil) {
        self.pattern = pattern
        self.time = time
        self.start = start
        self.end = end
    }

    package static func monthly(day: DayOfMonth) -> Pattern { .monthly(interval: 1, anchor: 1, day: day) }
    package static func quarterly(month: Int = 3, day: DayOfMonth) -> Pattern {
        .monthly(interval: 3, anchor: month, day: day)
    }
    package static func halfYearly(month: Int = 6, day: DayOfMonth) -> Pattern {
        .monthly(interval: 6, anchor: month, day: day)
    }
    package static func yearly(month: Int, day: Int) -> Pattern {
        .monthly(interval: 12, anchor: month, day: .day(day))
    }

    /// The occurrence dates in `from...through`, in order.
    package func dates(from: CivilDate, through: CivilDate) -> [CivilDate] {
        let lower = max(from, start ?? from)
        let upper = min(through, end ?? through)
        guard lower <= upper else { return [] }
        var result: [CivilDate] = []
        switch pattern {
        case .weekly(let weekday):
            var d = lower.adding(days: (weekday.rawValue - lower.weekday.rawValue + 7) % 7)
            while d <= upper {
                result.append(d)
                d = d.adding(days: 7)
            }
        case .monthly(let interval, let anchor, let day):
            // Walk the months whose position in their period is `anchor`.
            var index = lower.year * 12 + (lower.month - 1)
            let offset = ((index % interval) - (anchor - 1) + interval) % interval
            index -= offset
            while true {
                let d = day.date(year: index / 12, month: index % 12 + 1)
                if d > upper { break }
                if d >= lower { result.append(d) }
                index += interval
            }
        }
        return result
    }

    /// The first occurrence on or after `date`, if the recurrence has one.
    package func firstDate(onOrAfter date: CivilDate) -> CivilDate? {
        let span: Int
        switch pattern {
        case .weekly: span = 7
        case .monthly(let interval, _, _): span = 31 * interval
        }
        return dates(from: date, through: date.adding(days: span)).first
    }

    /// The last occurrence on or before `date`.
    package func lastDate(onOrBefore date: CivilDate) -> CivilDate? {
        let span: Int
        switch pattern {
        case .weekly: span = 7
        case .monthly(let interval, _, _): span = 31 * interval
        }
        return dates(from: date.adding(days: -span), through: date).last
    }
}

/// The kinds of repetition an office writes, as `repeat` names them in the configuration and as `import` proposes
/// them: one list for the schema, the decoder and the importer.
package enum RepeatKind: String, CaseIterable, Sendable, Hashable {
    case weekly, monthly, quarterly
    case halfYearly = "half-yearly"
    case yearly

    /// For the kinds that repeat every few months: the months in a period (the `month` key counts within it).
    package var monthsPerPeriod: Int? {
        switch self {
        case .monthly: 1
        case .quarterly: 3
        case .halfYearly: 6
        case .weekly, .yearly: nil
        }
    }
}

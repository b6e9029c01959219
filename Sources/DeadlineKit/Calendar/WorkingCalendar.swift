/// Which days and hours an office works: weekly days off, public holidays with their compensatory days, the
/// government's yearly announcements, and office hours. The planner counts working days (`3wd`) and keeps reminders
/// within working hours with it.
///
/// A value, pure and `Sendable`. Whether each day of ``precomputedYears`` is a working day is computed once, when
/// it is made, into a table indexed by day number, so that asking about a day is an array lookup; a day outside
/// those years is still answered correctly, by computing its year's holidays on the spot (under 0.1 ms when
/// optimised). Planning extends the years first with ``covering(_:)``, so each planning call computes a missing
/// year once at most.
///
/// Holidays are known for ``supportedYears``. Every other day is still answered, as a working day unless it is a
/// weekly day off or announced as a day off: no date, year or count of working days traps the calendar.
package struct WorkingCalendar: Sendable {
    /// The years whose holidays the calendar knows, 1901–2199: those of the lunar calendar checked against the
    /// published Vietnamese tables. A date outside them has no public holiday; configuration and command-line
    /// values outside them are refused where they are read.
    package static let supportedYears: ClosedRange<Int> = 1901...2199

    /// The longest count of working days ``adding(workingDays:to:)`` moves by, more than the supported years hold;
    /// a larger count is taken as this one.
    static let workingDayLimit = 200_000

    /// Weekly days off, Tết placement, announced days off and working days.
    package let rules: HolidayRules
    /// Office hours on working days.
    package let hours: WorkingHours
    /// The years whose days are precomputed; `nil` when none are.
    package let precomputedYears: ClosedRange<Int>?
    /// Day number (days since 1970-01-01) of 1 January of the first precomputed year.
    private let firstDay: Int
    /// For each day from `firstDay` on, through the last precomputed year, whether it is a working day.
    private let working: [Bool]
    /// Bit `weekday.rawValue` is set for each weekly day off.
    private let weeklyDaysOffMask: UInt8

    /// The longest run of days scanned for a working day; only a calendar with no working day at all needs it.
    static let scanLimit = 3660

    /// A calendar with the days of `years` precomputed, as far as they lie within ``supportedYears``.
    package init(rules: HolidayRules = HolidayRules(), hours: WorkingHours = .office, years: ClosedRange<Int>? = nil) {
        self.init(rules: rules, hours: hours, years: years.flatMap(Self.supported), reusing: nil)
    }

    /// The part of `years` within ``supportedYears``; `nil` when none is.
    package static func supported(_ years: ClosedRange<Int>) -> ClosedRange<Int>? {
        guard years.overlaps(supportedYears) else { return nil }
        return years.clamped(to: supportedYears)
    }

    /// Builds the table for `years`, copying the days of the years `reusing` already has.
    private init(rules: HolidayRules, hours: WorkingHours, years: ClosedRange<Int>?, reusing known: WorkingCalendar?) {
        self.rules = rules
        self.hours = hours
        self.precomputedYears = years
        weeklyDaysOffMask = rules.weeklyDaysOff.reduce(0) { $0 | UInt8(1) << UInt8($1.rawValue) }
        guard let years else {
            firstDay = 0
            working = []
            return
        }
        func january1(_ year: Int) -> Int { LunisolarReckoning.dayNumber(year: year, month: 1, day: 1) }
        let first = january1(years.lowerBound)
        let end = january1(years.upperBound + 1)
        var table = [Bool](repeating: true, count: end - first)
        for year in years {
            let yearStart = january1(year)
            let yearEnd = january1(year + 1)
            if let known, let knownYears = known.precomputedYears, knownYears.contains(year) {
                for day in yearStart..<yearEnd { table[day - first] = known.working[day - known.firstDay] }
                continue
            }
            let holidays = Set(PublicHolidays.holidays(in: year, rules: rules).map(\.date.daysSinceEpoch))
            for day in yearStart..<yearEnd {
                table[day - first] = Self.isWorkingDay(day, rules: rules, mask: weeklyDaysOffMask, holidays: holidays)
            }
        }
        firstDay = first
        working = table
    }

    private static func isWorkingDay(_ day: Int, rules: HolidayRules, mask: UInt8, holidays: Set<Int>) -> Bool {
        if !rules.workingDays.isEmpty, rules.workingDays.contains(CivilDate(daysSinceEpoch: day)) { return true }
        if mask & (UInt8(1) << UInt8(weekdayNumber(day))) != 0 { return false }
        return !holidays.contains(day)
    }

    /// The ISO weekday number (Monday 1, Sunday 7) of a day number; 1970-01-01 was a Thursday.
    private static func weekdayNumber(_ day: Int) -> Int {
        ((day % 7) + 7 + 3) % 7 + 1
    }

    /// This calendar with the days of `years` precomputed too, as far as they lie within ``supportedYears``; itself
    /// when they already are. Only the missing years are computed, and the precomputed range grows to span both
    /// (filling any gap).
    package func covering(_ requested: ClosedRange<Int>) -> WorkingCalendar {
        guard let years = Self.supported(requested) else { return self }
        guard let known = precomputedYears else {
            return WorkingCalendar(rules: rules, hours: hours, years: years)
        }
        if known.contains(years.lowerBound), known.contains(years.upperBound) { return self }
        let union = min(known.lowerBound, years.lowerBound)...max(known.upperBound, years.upperBound)
        return WorkingCalendar(rules: rules, hours: hours, years: union, reusing: self)
    }

    /// The year's days off other than weekly days off, sorted by date: ``PublicHolidays`` under ``rules``.
    package func daysOff(in year: Int) -> [Holiday] {
        PublicHolidays.holidays(in: year, rules: rules)
    }

    /// Whether `date` is a public holiday, a compensatory day or an announced day off. Computes the year's holidays
    /// each time: to test many days, use ``isWorkingDay(_:)``, which looks them up.
    package func isHoliday(_ date: CivilDate) -> Bool {
        PublicHolidays.holidays(in: date.year, rules: rules).contains { $0.date == date }
    }

    /// Whether the office works on `date`: an announced working day always; otherwise neither a weekly day off nor
    /// a holiday.
    package func isWorkingDay(_ date: CivilDate) -> Bool {
        isWorkingDay(dayNumber: date.daysSinceEpoch)
    }

    /// ``isWorkingDay(_:)`` for a day number (days since 1970-01-01).
    func isWorkingDay(dayNumber day: Int) -> Bool {
        let index = day - firstDay
        if index >= 0, index < working.count { return working[index] }
        let date = CivilDate(daysSinceEpoch: day)
        if rules.workingDays.contains(date) { return true }
        if weeklyDaysOffMask & (UInt8(1) << UInt8(Self.weekdayNumber(day))) != 0 { return false }
        return !isHoliday(date)
    }

    /// Whether `moment` lies within working hours on a working day.
    package func isWorkingMoment(_ moment: LocalDateTime) -> Bool {
        hours.contains(moment.time) && isWorkingDay(moment.date)
    }

    /// The `n`-th working day after `date` (before it when `n` is negative); `date` itself is not counted, so
    /// `adding(workingDays: -3, to:)` a Monday is the Wednesday before when no holiday intervenes.
    /// A count beyond ``workingDayLimit`` either way is taken as that limit.
    package func adding(workingDays n: Int, to date: CivilDate) -> CivilDate {
        let step = n < 0 ? -1 : 1
        var day = date.daysSinceEpoch
        var left = Int(min(n.magnitude, UInt(Self.workingDayLimit)))
        var scanned = 0
        let limit = Self.scanLimit + left * 7
        var yearsComputed: [Int: Set<Int>] = [:]  // the holidays of years outside the table, each computed once
        while left > 0, scanned < limit {
            day += step
            scanned += 1
            if isWorkingDay(dayNumber: day, computed: &yearsComputed) { left -= 1 }
        }
        return CivilDate(daysSinceEpoch: day)
    }

    /// ``isWorkingDay(dayNumber:)``, computing the holidays of a year outside the table once into `computed`.
    private func isWorkingDay(dayNumber day: Int, computed: inout [Int: Set<Int>]) -> Bool {
        let index = day - firstDay
        if index >= 0, index < working.count { return working[index] }
        let date = CivilDate(daysSinceEpoch: day)
        if rules.workingDays.contains(date) { return true }
        if weeklyDaysOffMask & (UInt8(1) << UInt8(Self.weekdayNumber(day))) != 0 { return false }
        if let holidays = computed[date.year] { return !holidays.contains(day) }
        let holidays = Set(daysOff(in: date.year).map(\.date.daysSinceEpoch))
        computed[date.year] = holidays
        return !holidays.contains(day)
    }

    /// The first working day after `date`.
    package func workingDay(after date: CivilDate) -> CivilDate { adding(workingDays: 1, to: date) }

    /// The last working day before `date`.
    package func workingDay(before date: CivilDate) -> CivilDate { adding(workingDays: -1, to: date) }

    /// The time reminders go out on a working day: `preferred` when it lies within working hours, else the start of
    /// working hours.
    package func morningTime(preferring preferred: TimeOfDay) -> TimeOfDay {
        hours.contains(preferred) ? preferred : hours.start
    }

    /// `moment` itself when it is a working moment; otherwise the next working morning: that day's
    /// ``morningTime(preferring:)`` if the day is a working day and it is still to come, else that of the next
    /// working day.
    package func nextWorkingMoment(from moment: LocalDateTime, morning preferred: TimeOfDay) -> LocalDateTime {
        if isWorkingMoment(moment) { return moment }
        let morning = morningTime(preferring: preferred)
        if moment.time < morning, isWorkingDay(moment.date) { return LocalDateTime(moment.date, morning) }
        return LocalDateTime(workingDay(after: moment.date), morning)
    }

    /// The latest working morning (a working day at ``morningTime(preferring:)``) at or before `moment`.
    package func previousWorkingMorning(from moment: LocalDateTime, morning preferred: TimeOfDay) -> LocalDateTime {
        let morning = morningTime(preferring: preferred)
        if morning <= moment.time, isWorkingDay(moment.date) { return LocalDateTime(moment.date, morning) }
        return LocalDateTime(workingDay(before: moment.date), morning)
    }

    /// The due moment once `policy` is applied: unchanged on a working day or with ``DayOffDuePolicy/keep``;
    /// otherwise the same time on the previous (``DayOffDuePolicy/before``) or next (``DayOffDuePolicy/after``)
    /// working day.
    package func dueMoment(_ nominal: LocalDateTime, policy: DayOffDuePolicy) -> LocalDateTime {
        switch policy {
        case .keep: return nominal
        case .before where !isWorkingDay(nominal.date):
            return LocalDateTime(workingDay(before: nominal.date), nominal.time)
        case .after where !isWorkingDay(nominal.date):
            return LocalDateTime(workingDay(after: nominal.date), nominal.time)
        case .before, .after: return nominal
        }
    }
}

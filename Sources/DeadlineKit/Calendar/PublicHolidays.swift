/// What a ``Holiday`` is. The raw values are the stable names used in configuration and output.
package enum HolidayKind: String, Sendable, CaseIterable {
    /// Tết Dương lịch, 1/1.
    case newYear = "new_year"
    /// One of the Tết Nguyên đán (lunar new year) days.
    case tet
    /// Giỗ Tổ Hùng Vương, 10/3 of the lunar calendar.
    case hungKings = "hung_kings"
    /// Ngày Chiến thắng, 30/4: the liberation of the South and reunification of the country.
    case reunification
    /// Ngày Quốc tế Lao động, 1/5.
    case labourDay = "labour_day"
    /// Quốc khánh, 2/9, and its companion day 1/9 or 3/9.
    case nationalDay = "national_day"
    /// A yearly holiday declared in the configuration (`[[calendar.holiday]]`).
    case declared
    /// Nghỉ bù: the working day given for a holiday that fell on a weekly day off.
    case weekendCompensation = "weekend_compensation"
    /// A day off announced beyond the Labour Code's list, from ``HolidayRules/extraDaysOff``.
    case override
}

/// A public holiday (ngày nghỉ lễ, tết) or a day off that stands for one.
package struct Holiday: Hashable, Sendable {
    /// The civil day off.
    package let date: CivilDate
    /// What kind of day off it is.
    package let kind: HolidayKind
    /// Its name in Vietnamese, e.g. "Tết Nguyên đán (mùng 1)".
    package let nameVietnamese: String
    /// Its name in English, e.g. "Lunar New Year (day 1)".
    package let nameEnglish: String
    /// The lunar date, for the days fixed by the lunar calendar: the Tết days, Giỗ Tổ Hùng Vương and declared
    /// lunar holidays.
    package let lunar: LunarDate?
    /// Where the day comes from: the law, the configuration, an announcement, or a forecast.
    package let source: HolidaySource

    /// A holiday from its fields, e.g. to build an expected list in a test.
    package init(
        date: CivilDate, kind: HolidayKind, nameVietnamese: String, nameEnglish: String, lunar: LunarDate?,
        source: HolidaySource = .law
    ) {
        self.date = date
        self.kind = kind
        self.nameVietnamese = nameVietnamese
        self.nameEnglish = nameEnglish
        self.lunar = lunar
        self.source = source
    }
}

/// A year's public holidays: the rows of ``HolidayRules/table`` (the Labour Codes' ``HolidayRule/labourCode`` and
/// the office's declared holidays) that apply in the year, plus a compensatory day off (nghỉ bù) on the next
/// working day for each compensated one that falls on a weekly day off, and the announced days off. The government
/// announces some choices each year; ``HolidayRules`` holds them, with defaults that forecast them.
///
/// Holidays are computed for ``WorkingCalendar/supportedYears`` only; another year has just its announced days off.
/// Two holidays on one date (Giỗ Tổ on 30/4, in 1917 and 1947, or a declared day on a statutory one) are both
/// listed, with no extra day: the Labour Code has no rule for it. Computing a year takes under 0.1 ms when optimised
/// (one lunar year's new moons); nothing is cached.
package enum PublicHolidays {
    /// The holidays and compensatory days off whose dates fall in `year`, sorted by date.
    package static func holidays(in year: Int, rules: HolidayRules = .init()) -> [Holiday] {
        let announced = rules.extraDaysOff.filter { $0.date.year == year && !rules.workingDays.contains($0.date) }
            .map {
                Holiday(
                    date: $0.date, kind: .override, nameVietnamese: $0.nameVietnamese, nameEnglish: $0.nameEnglish,
                    lunar: nil, source: .announced)
            }
        guard WorkingCalendar.supportedYears.contains(year) else { return announced }
        let lunarYear = LunarYearLayout(year, reckoning: .vietnam)
        var holidays: [Holiday] = []
        var compensated: [Holiday] = []
        for rule in rules.table where rule.applies(in: year) {
            // An announced working day cancels a computed holiday on it.
            let days = days(of: rule, in: year, lunarYear: lunarYear, rules: rules).filter {
                !rules.workingDays.contains($0.date)
            }
            holidays += days
            if rule.compensated { compensated += days }
        }
        if rules.compensatesWeeklyDaysOff {
            let taken = holidays.map(\.date) + announced.map(\.date)
            holidays += compensation(for: compensated, alsoOff: taken, rules: rules)
        }
        holidays += announced
        return holidays.sorted { lhs, rhs in
            (lhs.date, kindOrder(lhs.kind)) < (rhs.date, kindOrder(rhs.kind))
        }
    }

    /// The days of one row in `year`, with their sources; empty when the row's date does not exist that year.
    private static func days(
        of rule: HolidayRule, in year: Int, lunarYear: LunarYearLayout, rules: HolidayRules
    )
        -> [Holiday]
    {
        let source: HolidaySource = rule.kind == .declared ? .configuration : .law
        func holiday(_ date: CivilDate, lunar: LunarDate?, source: HolidaySource) -> Holiday {
            Holiday(
                date: date, kind: rule.kind, nameVietnamese: rule.nameVietnamese, nameEnglish: rule.nameEnglish,
                lunar: lunar, source: source)
        }
        switch rule.date {
        case .solar(let month, let day):
            guard let date = CivilDate(year: year, month: month, day: day) else { return [] }
            return [holiday(date, lunar: nil, source: source)]
        case .lunar(let month, let day):
            // Months 11 and 12 of the previous lunar year may fall in this Gregorian year.
            let layouts = [LunarYearLayout(year - 1, reckoning: .vietnam), lunarYear]
            return layouts.compactMap { layout in
                guard let index = layout.months.firstIndex(where: { $0.number == month && !$0.isLeap }) else {
                    return nil
                }
                let dayOfMonth = min(max(day, 1), layout.dayCount(at: index))
                let date = CivilDate(daysSinceEpoch: layout.monthStarts[index] + dayOfMonth - 1)
                guard date.year == year else { return nil }
                return holiday(
                    date, lunar: LunarDate(year: layout.lunarYear, month: month, day: dayOfMonth), source: source)
            }
        case .tet(let count, let fixedDaysBefore):
            let announced = rules.tetPlacementByYear[year]
            let tetSource: HolidaySource = fixedDaysBefore != nil ? .law : announced != nil ? .announced : .forecast
            let placement = fixedDaysBefore.map(TetPlacement.daysBeforeNewYear) ?? announced ?? rules.tetPlacement
            return tetDays(of: lunarYear, count: count, placement: placement, rules: rules, source: tetSource)
        case .nationalDayCompanion:
            let announced = rules.nationalDayCompanionByYear[year]
            guard let nationalDay = CivilDate(year: year, month: 9, day: 2) else { return [] }
            let day = companionDay(of: nationalDay, announced ?? rules.nationalDayCompanion, rules)
            return [
                holiday(
                    nationalDay.adding(days: day - 2), lunar: nil, source: announced != nil ? .announced : .forecast)
            ]
        }
    }

    /// The Tết days: `count` consecutive days around mùng 1 as `placement` puts them, each with its lunar date.
    private static func tetDays(
        of year: LunarYearLayout, count: Int, placement: TetPlacement, rules: HolidayRules, source: HolidaySource
    ) -> [Holiday] {
        let newYear = year.newYearDay
        let before: Int
        switch placement {
        case .daysBeforeNewYear(let days):
            before = min(max(days, 0), count)
        case .fewestOnWeeklyDaysOff:
            func daysOffAmongTet(before: Int) -> Int {
                (newYear - before..<newYear - before + count).count(where: {
                    rules.isWeeklyDayOff(CivilDate(daysSinceEpoch: $0))
                })
            }
            before = daysOffAmongTet(before: 1) < daysOffAmongTet(before: 2) ? 1 : 2
        }
        let eve = year.previousMonth
        return (newYear - before..<newYear - before + count).map { day in
            let lunar: LunarDate
            let vietnamese: String
            let english: String
            if day < newYear {
                lunar = LunarDate(
                    year: eve.lunarYear, month: eve.number, day: day - eve.firstDay + 1, isLeapMonth: eve.isLeap)
                vietnamese = "Tết Nguyên đán (\(lunar.day) tháng Chạp\(eve.isLeap ? " nhuận" : ""))"
                english = "Lunar New Year (\(ordinal(lunar.day)) day of the \(eve.isLeap ? "leap " : "")12th month)"
            } else {
                lunar = LunarDate(year: year.lunarYear, month: 1, day: day - newYear + 1)
                vietnamese = "Tết Nguyên đán (mùng \(lunar.day))"
                english = "Lunar New Year (day \(lunar.day))"
            }
            return Holiday(
                date: CivilDate(daysSinceEpoch: day), kind: .tet, nameVietnamese: vietnamese, nameEnglish: english,
                lunar: lunar, source: source)
        }
    }

    /// The day of September (1 or 3) that accompanies 2/9.
    private static func companionDay(
        of nationalDay: CivilDate, _ choice: NationalDayCompanion, _ rules: HolidayRules
    )
        -> Int
    {
        switch choice {
        case .september1: return 1
        case .september3: return 3
        case .joiningWeekend:
            // The run of consecutive days off through 2/9 if `companion` is also off, counted outward.
            func run(with companion: CivilDate) -> Int {
                func isOff(_ date: CivilDate) -> Bool {
                    date == nationalDay || date == companion || rules.isWeeklyDayOff(date)
                }
                var length = 1
                var day = nationalDay.adding(days: -1)
                while isOff(day) {
                    length += 1
                    day = day.adding(days: -1)
                }
                day = nationalDay.adding(days: 1)
                while isOff(day) {
                    length += 1
                    day = day.adding(days: 1)
                }
                return length
            }
            let first = nationalDay.adding(days: -1)
            let third = nationalDay.adding(days: 1)
            switch (rules.isWeeklyDayOff(first), rules.isWeeklyDayOff(third)) {
            case (false, true): return 1
            case (true, false): return 3
            default: return run(with: third) > run(with: first) ? 3 : 1
            }
        }
    }

    /// One nghỉ bù for each date of `holidays` (the compensated ones) on a weekly day off: the next day that is not
    /// a weekly day off, not already a day off (`alsoOff`) and not an announced working day, taken in date order so
    /// that two weekend holidays get two different days. It has the source of the holiday it stands for.
    private static func compensation(for holidays: [Holiday], alsoOff: [CivilDate], rules: HolidayRules) -> [Holiday] {
        var taken = Set(alsoOff)
        var compensatedDates: Set<CivilDate> = []
        var result: [Holiday] = []
        for holiday in holidays.sorted(by: { $0.date < $1.date }) where rules.isWeeklyDayOff(holiday.date) {
            guard compensatedDates.insert(holiday.date).inserted else { continue }
            var day = holiday.date.adding(days: 1)
            var scanned = 0
            while rules.isWeeklyDayOff(day) || taken.contains(day) || rules.workingDays.contains(day),
                scanned < WorkingCalendar.scanLimit
            {
                day = day.adding(days: 1)
                scanned += 1
            }
            taken.insert(day)
            result.append(
                Holiday(
                    date: day, kind: .weekendCompensation, nameVietnamese: "Nghỉ bù",
                    nameEnglish: "Compensatory day off", lunar: nil, source: holiday.source))
        }
        return result
    }

    private static func kindOrder(_ kind: HolidayKind) -> Int {
        HolidayKind.allCases.firstIndex(of: kind) ?? 0
    }

    /// `1st`, `2nd`, `3rd`, `29th`.
    private static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }
}

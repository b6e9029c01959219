/// What a ``Holiday`` is. The raw values are the stable names used in configuration and output.
public enum HolidayKind: String, Sendable, CaseIterable {
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
    /// Nghỉ bù: the working day given for a holiday that fell on a weekly day off.
    case weekendCompensation = "weekend_compensation"
    /// A day off announced beyond the Labour Code's list, from ``HolidayRules/extraDaysOff``.
    case override
}

/// A public holiday (ngày nghỉ lễ, tết) or a day off that stands for one.
public struct Holiday: Hashable, Sendable {
    /// The civil day off.
    public let date: CivilDate
    /// What kind of day off it is.
    public let kind: HolidayKind
    /// Its name in Vietnamese, e.g. "Tết Nguyên đán (mùng 1)".
    public let nameVietnamese: String
    /// Its name in English, e.g. "Lunar New Year (day 1)".
    public let nameEnglish: String
    /// The lunar date, for the days fixed by the lunar calendar: the Tết days and Giỗ Tổ Hùng Vương.
    public let lunar: LunarDate?

    /// A holiday from its fields, e.g. to build an expected list in a test.
    public init(date: CivilDate, kind: HolidayKind, nameVietnamese: String, nameEnglish: String, lunar: LunarDate?) {
        self.date = date
        self.kind = kind
        self.nameVietnamese = nameVietnamese
        self.nameEnglish = nameEnglish
        self.lunar = lunar
    }
}

/// Vietnam's public holidays under the Labour Code 2019, Article 112, for any Gregorian year (checked for
/// 1900–2199): Tết Dương lịch (1/1), five Tết Nguyên đán days, Giỗ Tổ Hùng Vương (10/3 âm lịch), 30/4, 1/5, and
/// Quốc khánh (2/9 with 1/9 or 3/9), plus a compensatory day off (nghỉ bù) on the next working day for each of them
/// that falls on a weekly day off (Article 111(3)). The government announces some choices each year;
/// ``HolidayRules`` holds them, with defaults that forecast them.
///
/// The law changed over time: Giỗ Tổ has been a holiday since 2007, the fifth Tết day since Tết 2014 and the second
/// Quốc khánh day since 2021. By default the current list is applied to every year, which is what planning future
/// deadlines needs; ``LegalBasis/inForce`` applies the list in force in each year instead.
///
/// Two holidays on one date (Giỗ Tổ on 30/4, which happens only in 1917 and 1947) are both listed, with no extra
/// day: the Labour Code has no rule for it. Computing a year takes under 0.1 ms when optimised (one lunar year's
/// new moons); nothing is cached.
public enum PublicHolidays {
    /// The holidays and compensatory days off whose dates fall in `year`, sorted by date.
    public static func holidays(in year: Int, rules: HolidayRules = .init()) -> [Holiday] {
        let law = HolidayLaw(year: year, basis: rules.legalBasis)
        func date(_ month: Int, _ day: Int) -> CivilDate {
            CivilDate(daysSinceEpoch: LunisolarReckoning.dayNumber(year: year, month: month, day: day))
        }
        var holidays: [Holiday] = []
        func add(_ date: CivilDate, _ kind: HolidayKind, _ vietnamese: String, _ english: String) {
            holidays.append(
                Holiday(date: date, kind: kind, nameVietnamese: vietnamese, nameEnglish: english, lunar: nil))
        }

        add(date(1, 1), .newYear, "Tết Dương lịch", "New Year's Day")
        let lunarYear = LunarYearLayout(year, reckoning: .vietnam)
        holidays += tetDays(of: lunarYear, count: law.tetDays, rules: rules)
        if law.hasHungKingsDay, let month3 = lunarYear.months.first(where: { $0.number == 3 && !$0.isLeap }) {
            holidays.append(
                Holiday(
                    date: CivilDate(daysSinceEpoch: month3.firstDay + 9), kind: .hungKings,
                    nameVietnamese: "Giỗ Tổ Hùng Vương", nameEnglish: "Hung Kings' Commemoration Day",
                    lunar: LunarDate(year: year, month: 3, day: 10)))
        }
        add(date(4, 30), .reunification, "Ngày Giải phóng miền Nam, thống nhất đất nước", "Reunification Day")
        add(date(5, 1), .labourDay, "Ngày Quốc tế Lao động", "International Labour Day")
        add(date(9, 2), .nationalDay, "Quốc khánh", "National Day")
        if law.nationalDayDays == 2 {
            let choice = rules.nationalDayCompanionByYear[year] ?? rules.nationalDayCompanion
            let companion = date(9, companionDay(of: date(9, 2), choice, rules))
            add(companion, .nationalDay, "Quốc khánh (ngày liền kề)", "National Day (adjacent day)")
        }

        // An announced working day cancels a computed holiday on it (1/9/2020: Quốc khánh was one day then).
        holidays.removeAll { rules.workingDays.contains($0.date) }
        let announcedThisYear = rules.extraDaysOff.filter {
            $0.date.year == year && !rules.workingDays.contains($0.date)
        }
        let announced = announcedThisYear.map {
            Holiday(
                date: $0.date, kind: .override, nameVietnamese: $0.nameVietnamese, nameEnglish: $0.nameEnglish,
                lunar: nil)
        }
        if rules.compensatesWeeklyDaysOff {
            holidays += compensation(for: holidays, alsoOff: announced.map(\.date), rules: rules)
        }
        holidays += announced
        return holidays.sorted { lhs, rhs in
            (lhs.date, kindOrder(lhs.kind)) < (rhs.date, kindOrder(rhs.kind))
        }
    }

    /// The Tết days: `count` consecutive days around mùng 1 as `rules` places them, each with its lunar date.
    private static func tetDays(of year: LunarYearLayout, count: Int, rules: HolidayRules) -> [Holiday] {
        let newYear = year.newYearDay
        let before: Int
        switch rules.tetPlacementByYear[year.lunarYear] ?? rules.tetPlacement {
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
                lunar: lunar)
        }
    }

    /// The day of September (1 or 3) that accompanies 2/9.
    private static func companionDay(of nationalDay: CivilDate, _ choice: NationalDayCompanion, _ rules: HolidayRules)
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

    /// One nghỉ bù for each holiday on a weekly day off: the next day that is not a weekly day off, not already a
    /// day off and not an announced working day, taken in date order so that two weekend holidays get two different
    /// days.
    private static func compensation(for holidays: [Holiday], alsoOff: [CivilDate], rules: HolidayRules) -> [Holiday] {
        var taken = Set(holidays.map(\.date) + alsoOff)
        var result: [Holiday] = []
        for holiday in holidays.sorted(by: { $0.date < $1.date }) where rules.isWeeklyDayOff(holiday.date) {
            var day = holiday.date.adding(days: 1)
            while rules.isWeeklyDayOff(day) || taken.contains(day) || rules.workingDays.contains(day) {
                day = day.adding(days: 1)
            }
            taken.insert(day)
            result.append(
                Holiday(
                    date: day, kind: .weekendCompensation, nameVietnamese: "Nghỉ bù",
                    nameEnglish: "Compensatory day off", lunar: nil))
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

/// The holiday counts a year's law sets.
private struct HolidayLaw {
    var tetDays: Int
    var hasHungKingsDay: Bool
    var nationalDayDays: Int

    init(year: Int, basis: LegalBasis) {
        switch basis {
        case .labourCode2019:
            self.init(tetDays: 5, hasHungKingsDay: true, nationalDayDays: 2)
        case .inForce:
            self.init(
                tetDays: year >= 2014 ? 5 : 4, hasHungKingsDay: year >= 2007, nationalDayDays: year >= 2021 ? 2 : 1)
        }
    }

    init(tetDays: Int, hasHungKingsDay: Bool, nationalDayDays: Int) {
        self.tetDays = tetDays
        self.hasHungKingsDay = hasHungKingsDay
        self.nationalDayDays = nationalDayDays
    }
}

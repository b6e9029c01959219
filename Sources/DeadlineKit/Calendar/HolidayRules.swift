/// The choices behind a year's public holidays that the law leaves to the government's yearly announcement, with
/// the defaults ``PublicHolidays`` computes when nothing was announced.
///
/// The Labour Code fixes the holidays (Article 112, ``HolidayRule/labourCode``) and the compensation rule (Article
/// 111: a holiday on a weekly day off gives a day off on the next working day), but the Prime Minister decides each
/// year which five days make up Tết and whether 1/9 or 3/9 accompanies Quốc khánh, and ministries often swap a
/// working day with a Saturday to join holidays to a weekend. An office may add yearly holidays of its own
/// (``declaredHolidays``), e.g. a new statutory day before a release knows it. Set ``tetPlacementByYear``, ``nationalDayCompanionByYear``, ``extraDaysOff`` and
/// ``workingDays`` from the announcement once it is out; until then the defaults are a forecast.
package struct HolidayRules: Sendable, Hashable {
    /// Where the Tết days lie around mùng 1 in years without an entry in ``tetPlacementByYear`` (default
    /// ``TetPlacement/fewestOnWeeklyDaysOff``).
    package var tetPlacement: TetPlacement
    /// Announced Tết placements, by Gregorian year.
    package var tetPlacementByYear: [Int: TetPlacement]
    /// Which day accompanies Quốc khánh (2/9) in years without an entry in ``nationalDayCompanionByYear``.
    package var nationalDayCompanion: NationalDayCompanion
    /// Announced choices of 1/9 or 3/9, by Gregorian year.
    package var nationalDayCompanionByYear: [Int: NationalDayCompanion]
    /// The weekly days off (ngày nghỉ hằng tuần). Saturday and Sunday for government offices.
    package var weeklyDaysOff: Set<Weekday>
    /// Whether a holiday on a weekly day off gives a ``HolidayKind/weekendCompensation`` day (nghỉ bù) on the next
    /// working day (Labour Code 2019, Article 111(3)).
    package var compensatesWeeklyDaysOff: Bool
    /// Yearly holidays the office declared (`[[calendar.holiday]]`), applied after the Labour Code's
    /// (``HolidayRule/labourCode``) exactly as they are.
    package var declaredHolidays: [HolidayRule]
    /// Further announced days off, such as a weekday swapped with a Saturday (ngày nghỉ hoán đổi); reported as
    /// ``HolidayKind/override``.
    package var extraDaysOff: [AnnouncedDayOff]
    /// Announced working days (ngày làm bù), e.g. Saturday 4/5/2024. They are not weekly days off, so no
    /// compensation is owed for them, and no compensation day is put on them. A computed holiday on one of them is
    /// cancelled, e.g. a forecast companion of Quốc khánh that the government did not give.
    package var workingDays: Set<CivilDate>

    /// Rules with the defaults: the Tết days placed to put the fewest of them on weekly days off (which reproduces
    /// every announced Tết break 2020–2026), the 2/9 companion that joins the weekend, Saturday and Sunday off with
    /// compensation, nothing declared or announced.
    package init(
        tetPlacement: TetPlacement = .fewestOnWeeklyDaysOff,
        tetPlacementByYear: [Int: TetPlacement] = [:],
        nationalDayCompanion: NationalDayCompanion = .joiningWeekend,
        nationalDayCompanionByYear: [Int: NationalDayCompanion] = [:],
        weeklyDaysOff: Set<Weekday> = [.saturday, .sunday],
        compensatesWeeklyDaysOff: Bool = true,
        declaredHolidays: [HolidayRule] = [],
        extraDaysOff: [AnnouncedDayOff] = [],
        workingDays: Set<CivilDate> = []
    ) {
        self.tetPlacement = tetPlacement
        self.tetPlacementByYear = tetPlacementByYear
        self.nationalDayCompanion = nationalDayCompanion
        self.nationalDayCompanionByYear = nationalDayCompanionByYear
        self.weeklyDaysOff = weeklyDaysOff
        self.compensatesWeeklyDaysOff = compensatesWeeklyDaysOff
        self.declaredHolidays = declaredHolidays
        self.extraDaysOff = extraDaysOff
        self.workingDays = workingDays
    }

    /// Every row of yearly holidays: the Labour Code's, then the declared ones.
    package var table: [HolidayRule] { HolidayRule.labourCode + declaredHolidays }

    /// Whether `date` is a weekly day off: its weekday is in ``weeklyDaysOff`` and it is not an announced working
    /// day.
    package func isWeeklyDayOff(_ date: CivilDate) -> Bool {
        weeklyDaysOff.contains(date.weekday) && !workingDays.contains(date)
    }
}

/// How the Tết days are placed around mùng 1 Tết.
package enum TetPlacement: Sendable, Hashable {
    /// The given number of Tết days fall before mùng 1 (on the last days of the old lunar year), the rest from
    /// mùng 1 on. `.daysBeforeNewYear(1)` is the eve (29 or 30 tháng Chạp) and mùng 1–4; `.daysBeforeNewYear(2)`
    /// gives 2024's 8/2–12/2 and 2025's 27/1–31/1. Clamped to the number of Tết days.
    case daysBeforeNewYear(Int)
    /// Two days before mùng 1, unless one day before puts fewer Tết days on weekly days off; this reproduces every
    /// announcement from 2020 to 2026 (two days before in 2020, 2021, 2023, 2024 and 2025; one in 2022 and 2026).
    case fewestOnWeeklyDaysOff
}

/// Which day accompanies Quốc khánh 2/9 as its second day off (Labour Code 2019: "02 ngày ... ngày 02 tháng 9 dương
/// lịch và 01 ngày liền kề trước hoặc sau").
package enum NationalDayCompanion: Sendable, Hashable {
    /// Of 1/9 and 3/9, the one that is a working day and makes the longest run of days off with the weekly days
    /// off and 2/9; 1/9 when both make runs of the same length. This reproduces 2021 (3/9), 2022 (1/9), 2023 (1/9),
    /// 2024 (3/9) and 2025 (1/9).
    case joiningWeekend
    /// 1 September.
    case september1
    /// 3 September.
    case september3
}

/// A day off the government announced beyond the Labour Code's list, e.g. a weekday swapped with a Saturday.
package struct AnnouncedDayOff: Sendable, Hashable {
    /// The day off.
    package var date: CivilDate
    /// Its name in Vietnamese.
    package var nameVietnamese: String
    /// Its name in English.
    package var nameEnglish: String

    /// An announced day off, named by default as a swapped day off (nghỉ hoán đổi).
    package init(
        date: CivilDate, nameVietnamese: String = "Nghỉ hoán đổi", nameEnglish: String = "Swapped day off"
    ) {
        self.date = date
        self.nameVietnamese = nameVietnamese
        self.nameEnglish = nameEnglish
    }
}

/// A day of the Vietnamese lunar calendar (âm lịch): `10/3` is the 10th day of the 3rd month, `1/2+` the 1st day of
/// a leap 2nd month (tháng 2 nhuận).
///
/// `year` is the lunar year that begins with Tết in that Gregorian year: Giỗ Tổ 10/3 of lunar year 2024 is
/// 18/4/2024, and 30/12 of lunar year 2023 is 9/2/2024. A value is not checked when made; convert it with
/// ``VietnameseLunarCalendar/solarDate(for:)`` to learn whether the day exists.
package struct LunarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The lunar year, named by the Gregorian year in which its Tết falls.
    package let year: Int
    /// The month number, 1 (tháng Giêng) to 12 (tháng Chạp).
    package let month: Int
    /// The day of the month, 1 to 29 or 30.
    package let day: Int
    /// Whether the month is the leap month (tháng nhuận) that follows the ordinary month with the same number.
    package let isLeapMonth: Bool

    /// A lunar date from its fields, unchecked: `LunarDate(year: 2024, month: 3, day: 10)` is Giỗ Tổ 2024.
    package init(year: Int, month: Int, day: Int, isLeapMonth: Bool = false) {
        self.year = year
        self.month = month
        self.day = day
        self.isLeapMonth = isLeapMonth
    }

    /// `10/3`, or `1/2+` in a leap month: day and month, the way lunar dates are written on Vietnamese calendars.
    package var description: String {
        "\(day)/\(month)\(isLeapMonth ? "+" : "")"
    }

    /// `10/3/2024`, or `1/2+/2023` in a leap month.
    package var descriptionWithYear: String {
        "\(description)/\(year)"
    }

    /// Calendar order: by year, then month, with a leap month after the ordinary month of the same number.
    package static func < (lhs: LunarDate, rhs: LunarDate) -> Bool {
        lhs.sortKey < rhs.sortKey
    }

    private var sortKey: (Int, Int, Int, Int) {
        (year, month, isLeapMonth ? 1 : 0, day)
    }
}

/// One month of a lunar year: its number, whether it is the leap month, and the civil days it spans.
package struct LunarMonth: Hashable, Sendable {
    /// The lunar year the month belongs to.
    package let year: Int
    /// The month number, 1 to 12.
    package let month: Int
    /// Whether this is the leap month (tháng nhuận) that repeats `month`.
    package let isLeapMonth: Bool
    /// Mùng 1 of the month: the civil day that holds its new moon.
    package let firstDay: CivilDate
    /// 29 (tháng thiếu) or 30 (tháng đủ).
    package let dayCount: Int

    /// The month's last day.
    package var lastDay: CivilDate { firstDay.adding(days: dayCount - 1) }
}

/// The Vietnamese lunisolar calendar (âm lịch), computed from astronomy, with no table and no ICU.
///
/// The rules are the Chinese calendar's: a month begins on the civil day that holds a new moon (ngày Sóc); the
/// month holding the December solstice is month 11; when 13 months lie between two months 11, the first of them
/// that holds no major solar term (trung khí, a multiple of 30° of solar longitude) is the leap month and repeats
/// the number of the month before it. The difference is the meridian: days are counted in Hanoi time.
///
/// Reckoning by period, as Hồ Ngọc Đức's published tables have it (his "Âm lịch Việt Nam qua các thời kỳ lịch
/// sử"): North Vietnam computed the calendar for UTC+8 (the Chinese meridian, 120° E) until 1967 and for UTC+7
/// (105° E) from 1968 (the switch was decided with effect from 8/8/1967; the first calendar computed the new way was
/// 1968's, visible at Tết Mậu Thân: 29/1/1968, China 30/1); the whole country has used UTC+7 since 1976. Before 1929
/// the Chinese almanacs dated new moons at Beijing's local mean time (UTC+7:45:40), and so does the table: Tết 1916
/// is 3/2/1916 (the new moon came at 00:05 at UTC+8 on 4/2), and so are the month starts of 23/4/1906, 17/11/1914
/// and 10/11/1920. So we date new moons at Beijing time before 1929, at UTC+8 until 1967 and at UTC+7 from 1968,
/// and the major solar terms at UTC+8 until 1967 (the table's leap months of 1917 and 1922 need that: Beijing time
/// would put a term of each a day earlier) and UTC+7 after. One month start no meridian explains is taken from the
/// table: Tết 1925, 25/1/1925 there, although the new moon came at 21:45 on 24/1 in Hanoi. Not modelled: South
/// Vietnam's UTC+8 calendar of 1968–1975. UTC+7 makes Vietnamese dates differ from China's in some years, e.g. Tết
/// 1985 (21/1, China 20/2), 2007 (17/2, China 18/2) and 2030 (2/2, China 3/2).
///
/// New moons and solar longitudes come from Meeus's formulas (see `Astronomy.swift`). Every month of
/// ``supportedYears`` agrees with Hồ Ngọc Đức's published tables except the start of month 4 of 2054, whose new moon
/// falls 14 seconds after midnight (8/5/2054 here, 7/5 in his table), closer than ΔT can be predicted. Other years
/// are computed too, only without that check; so that no input traps, a lunar year beyond 0–10000 is computed as
/// the nearer of those two (and has no leap month or month length to ask for), and a day beyond the years 1–9999 as
/// the nearer end of them. Every call computes from scratch (under 0.1 ms per lunar year when optimised); nothing is
/// cached.
package enum VietnameseLunarCalendar {
    /// The lunar years whose every month is checked against the published table: ``WorkingCalendar/supportedYears``.
    package static let supportedYears: ClosedRange<Int> = WorkingCalendar.supportedYears

    /// The lunar years computed as asked; a year outside them is computed as the nearest of them.
    static let computableYears: ClosedRange<Int> = 0...10_000

    private static let reckoning = LunisolarReckoning.vietnam

    /// The lunar date of a civil day.
    package static func lunarDate(for date: CivilDate) -> LunarDate {
        lunarDate(forDay: date.daysSinceEpoch, reckoning: reckoning)
    }

    /// The civil day of a lunar date, or `nil` if that day does not exist: day 30 of a 29-day month, a leap month
    /// the year does not have, or a month or day out of range.
    package static func solarDate(for lunar: LunarDate) -> CivilDate? {
        solarDay(for: lunar, reckoning: reckoning).map(CivilDate.init(daysSinceEpoch:))
    }

    /// Mùng 1 Tết (the first day of month 1) of a lunar year.
    package static func newYear(_ lunarYear: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: LunarYearLayout(lunarYear, reckoning: reckoning).newYearDay)
    }

    /// The number of the month that has a leap month after it in `lunarYear`, or `nil` in a 12-month year.
    package static func leapMonth(ofLunarYear lunarYear: Int) -> Int? {
        guard computableYears.contains(lunarYear) else { return nil }
        return LunarYearLayout(lunarYear, reckoning: reckoning).months.first(where: \.isLeap)?.number
    }

    /// 29 or 30, or `nil` if the year has no such month.
    package static func daysInMonth(_ month: Int, isLeapMonth: Bool = false, ofLunarYear lunarYear: Int) -> Int? {
        guard computableYears.contains(lunarYear) else { return nil }
        let layout = LunarYearLayout(lunarYear, reckoning: reckoning)
        guard let index = layout.months.firstIndex(where: { $0.number == month && $0.isLeap == isLeapMonth })
        else { return nil }
        return layout.dayCount(at: index)
    }

    /// The 12 or 13 months of a lunar year, in order.
    package static func months(ofLunarYear lunarYear: Int) -> [LunarMonth] {
        let layout = LunarYearLayout(lunarYear, reckoning: reckoning)
        return layout.months.indices.map { index in
            let month = layout.months[index]
            return LunarMonth(
                year: month.lunarYear, month: month.number, isLeapMonth: month.isLeap,
                firstDay: CivilDate(daysSinceEpoch: month.firstDay), dayCount: layout.dayCount(at: index))
        }
    }

    /// The civil days whose lunar dates are computed as asked: from 1/1/1 to 31/12/9999.
    private static let computableDays =
        LunisolarReckoning.dayNumber(
            year: 1, month: 1, day: 1)...LunisolarReckoning.dayNumber(
            year: 9999, month: 12, day: 31)

    // MARK: - The same at any reckoning, e.g. the Chinese one (UTC+8) that tests compare with

    static func lunarDate(forDay unclamped: Int, reckoning: LunisolarReckoning) -> LunarDate {
        let day = min(max(unclamped, computableDays.lowerBound), computableDays.upperBound)
        let year = CivilDate(daysSinceEpoch: day).year
        var layout = LunarYearLayout(year, reckoning: reckoning)
        if day < layout.newYearDay {
            layout = LunarYearLayout(year - 1, reckoning: reckoning)
        }
        let index = (layout.monthStarts.lastIndex { $0 <= day } ?? 0)
        let month = layout.months[min(index, layout.months.count - 1)]
        return LunarDate(
            year: month.lunarYear, month: month.number, day: day - month.firstDay + 1, isLeapMonth: month.isLeap)
    }

    static func solarDay(for lunar: LunarDate, reckoning: LunisolarReckoning) -> Int? {
        guard (1...12).contains(lunar.month), (1...30).contains(lunar.day), computableYears.contains(lunar.year)
        else { return nil }
        let layout = LunarYearLayout(lunar.year, reckoning: reckoning)
        guard
            let index = layout.months.firstIndex(where: { $0.number == lunar.month && $0.isLeap == lunar.isLeapMonth }),
            lunar.day <= layout.dayCount(at: index)
        else { return nil }
        return layout.monthStarts[index] + lunar.day - 1
    }
}

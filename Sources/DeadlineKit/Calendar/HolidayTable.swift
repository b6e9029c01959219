/// One row of the table of yearly holidays: a day the law gives every year (``labourCode``), or one the office
/// declared in its configuration (`[[calendar.holiday]]`). ``PublicHolidays`` turns the rows that apply in a year
/// into that year's ``Holiday`` values.
///
/// The law's changes are rows with first and last years, not code paths: the fifth Tết day, Giỗ Tổ Hùng Vương and
/// the second Quốc khánh day each begin in the year the law that added them first applied. A new statutory day is
/// one more row.
package struct HolidayRule: Sendable, Hashable {
    /// What the days are; ``HolidayKind/declared`` for a row from configuration.
    package var kind: HolidayKind
    /// The name in Vietnamese, e.g. "Ngày Văn hóa Việt Nam".
    package var nameVietnamese: String
    /// The name in English, e.g. "Vietnam Culture Day".
    package var nameEnglish: String
    /// Which day of the year it falls on.
    package var date: HolidayDate
    /// The first year it applies to; `nil` for every year before the last one too.
    package var firstYear: Int?
    /// The last year it applies to; `nil` for every year after the first one.
    package var lastYear: Int?
    /// Whether a day of it that falls on a weekly day off gives a nghỉ bù on the next working day.
    package var compensated: Bool
    /// The law and article it comes from (`"BLLĐ 2019 Điều 112 khoản 1 điểm a"`), or where it was declared.
    package var basis: String

    package init(
        kind: HolidayKind, nameVietnamese: String, nameEnglish: String, date: HolidayDate, firstYear: Int? = nil,
        lastYear: Int? = nil, compensated: Bool = true, basis: String
    ) {
        self.kind = kind
        self.nameVietnamese = nameVietnamese
        self.nameEnglish = nameEnglish
        self.date = date
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.compensated = compensated
        self.basis = basis
    }

    /// Whether the row applies in `year`.
    package func applies(in year: Int) -> Bool {
        (firstYear.map { $0 <= year } ?? true) && (lastYear.map { year <= $0 } ?? true)
    }

    /// Whether the row applies in some year that `other` applies in too.
    package func overlapsYears(of other: HolidayRule) -> Bool {
        let lower = max(firstYear ?? .min, other.firstYear ?? .min)
        let upper = min(lastYear ?? .max, other.lastYear ?? .max)
        return lower <= upper
    }

    /// The public holidays of the Labour Codes, in the order of Điều 112 khoản 1 of the Labour Code 2019, with the
    /// years each applies to. Bộ luật Lao động 1994 (in force from 1/1/1995) is applied to the years before it too:
    /// the decrees before it are not modelled. A statutory day on a weekly day off gives a nghỉ bù on the next
    /// working day under each code (BLLĐ 1994 Điều 73, BLLĐ 2012 Điều 115 khoản 3, BLLĐ 2019 Điều 111 khoản 3).
    package static let labourCode: [HolidayRule] = [
        HolidayRule(
            kind: .newYear, nameVietnamese: "Tết Dương lịch", nameEnglish: "New Year's Day",
            date: .solar(month: 1, day: 1),
            basis: "BLLĐ 2019 Điều 112 khoản 1 điểm a; BLLĐ 2012 Điều 115 khoản 1 điểm a; BLLĐ 1994 Điều 73"),
        HolidayRule(
            kind: .tet, nameVietnamese: "Tết Nguyên đán", nameEnglish: "Lunar New Year",
            date: .tet(days: 4, fixedDaysBefore: 1), lastYear: 2013,
            basis: "BLLĐ 1994 Điều 73: bốn ngày, một ngày cuối năm và ba ngày đầu năm âm lịch"),
        HolidayRule(
            kind: .tet, nameVietnamese: "Tết Nguyên đán", nameEnglish: "Lunar New Year",
            date: .tet(days: 5, fixedDaysBefore: nil), firstYear: 2014,
            basis:
                "BLLĐ 2012 Điều 115 khoản 1 điểm b (in force from 1/5/2013, so from Tết 2014); BLLĐ 2019 Điều 112 khoản 1 điểm b and khoản 3 (the Prime Minister sets the days each year)"
        ),
        HolidayRule(
            kind: .reunification, nameVietnamese: "Ngày Giải phóng miền Nam, thống nhất đất nước",
            nameEnglish: "Reunification Day", date: .solar(month: 4, day: 30),
            basis: "BLLĐ 2019 Điều 112 khoản 1 điểm c; BLLĐ 2012 Điều 115 khoản 1 điểm c; BLLĐ 1994 Điều 73"),
        HolidayRule(
            kind: .labourDay, nameVietnamese: "Ngày Quốc tế Lao động", nameEnglish: "International Labour Day",
            date: .solar(month: 5, day: 1),
            basis: "BLLĐ 2019 Điều 112 khoản 1 điểm d; BLLĐ 2012 Điều 115 khoản 1 điểm d; BLLĐ 1994 Điều 73"),
        HolidayRule(
            kind: .nationalDay, nameVietnamese: "Quốc khánh", nameEnglish: "National Day",
            date: .solar(month: 9, day: 2),
            basis: "BLLĐ 2019 Điều 112 khoản 1 điểm đ; BLLĐ 2012 Điều 115 khoản 1 điểm đ; BLLĐ 1994 Điều 73"),
        HolidayRule(
            kind: .nationalDay, nameVietnamese: "Quốc khánh (ngày liền kề)", nameEnglish: "National Day (adjacent day)",
            date: .nationalDayCompanion, firstYear: 2021,
            basis:
                "BLLĐ 2019 Điều 112 khoản 1 điểm đ (in force from 1/1/2021) and khoản 3 (the Prime Minister chooses 1/9 or 3/9 each year)"
        ),
        HolidayRule(
            kind: .hungKings, nameVietnamese: "Giỗ Tổ Hùng Vương", nameEnglish: "Hung Kings' Commemoration Day",
            date: .lunar(month: 3, day: 10), firstYear: 2007,
            basis:
                "BLLĐ 2019 Điều 112 khoản 1 điểm e; BLLĐ 2012 Điều 115 khoản 1 điểm e; Luật 84/2007/QH11 amending BLLĐ 1994 Điều 73"
        ),
    ]
}

/// Which day of each year a ``HolidayRule`` falls on.
package enum HolidayDate: Sendable, Hashable {
    /// A day of the Gregorian calendar, `24/11`.
    case solar(month: Int, day: Int)
    /// A day of an ordinary (not leap) month of the lunar calendar, `10/3`; day 30 of a 29-day month is its 29th.
    /// The year of a lunar holiday is the Gregorian year the day falls in.
    case lunar(month: Int, day: Int)
    /// `days` consecutive Tết days around mùng 1: `fixedDaysBefore` of them before it when the law says so, else as
    /// the government announces each year (``HolidayRules/tetPlacementByYear``) or the rules forecast.
    case tet(days: Int, fixedDaysBefore: Int?)
    /// The day beside Quốc khánh 2/9: 1/9 or 3/9, as announced each year or forecast.
    case nationalDayCompanion

    /// `24/11`, `10/3 âm lịch`, `5 ngày quanh mùng 1`, `01/09 hoặc 03/09`: how docs/calendar.md and messages write it.
    package var vietnamese: String {
        switch self {
        case .solar(let month, let day): "\(pad(day))/\(pad(month))"
        case .lunar(let month, let day): "\(day)/\(month) âm lịch"
        case .tet(let days, let before?):
            "\(days) ngày: \(before) ngày cuối năm và \(days - before) ngày đầu năm âm lịch"
        case .tet(let days, nil): "\(days) ngày quanh mùng 1 tháng Giêng"
        case .nationalDayCompanion: "01/09 hoặc 03/09"
        }
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Where a day off comes from, as `deadlinectl holidays` shows it. The raw values are the names in `--json`.
package enum HolidaySource: String, Sendable, CaseIterable {
    /// A statutory day on its fixed date, or a nghỉ bù the law gives for one.
    case law
    /// A holiday declared in the configuration (`[[calendar.holiday]]`), or its nghỉ bù.
    case configuration
    /// A day the government announced, written in the configuration: `[[calendar.override]]`, or Tết days and the
    /// Quốc khánh companion placed by `[[calendar.year]]`.
    case announced
    /// A day whose placement the government decides each year and has not been written in the configuration yet:
    /// Tết days and the Quốc khánh companion as ``HolidayRules`` forecasts them, or a nghỉ bù for one of them.
    case forecast
}

import Testing

@testable import DeadlineKit

/// `"2024-02-10"` as a ``CivilDate``.
private func civil(_ iso: String) -> CivilDate {
    let fields = iso.split(separator: "-").map { Int($0)! }
    return CivilDate(year: fields[0], month: fields[1], day: fields[2])!
}

@Suite struct VietnameseLunarCalendarTests {
    /// The years where Vietnam's calendar is known to differ from the Chinese one, or where the meridian changed.
    struct NamedYear: Sendable, CustomTestStringConvertible {
        let year: Int
        let tet: String
        let chineseTet: String
        let hungKings: String
        let chineseHungKings: String
        var testDescription: String { "\(year)" }
    }

    // Chinese dates (reckoned at UTC+8 for every year) agree with the Hong Kong Observatory's tables as packaged
    // in the `lunardate` Python library.
    static let namedYears: [NamedYear] = [
        // Before 1968 Vietnam used the UTC+8 reckoning, so its dates equal China's (UTC+7 would give 1/2/1965).
        NamedYear(
            year: 1965, tet: "1965-02-02", chineseTet: "1965-02-02", hungKings: "1965-04-11",
            chineseHungKings: "1965-04-11"),
        // The first year reckoned at UTC+7 in the North: Tết Mậu Thân a day before China's.
        NamedYear(
            year: 1968, tet: "1968-01-29", chineseTet: "1968-01-30", hungKings: "1968-04-07",
            chineseHungKings: "1968-04-07"),
        // China's 1984 had a leap month 10, Vietnam's none (its leap month is 2 of 1985): Tết a month apart.
        NamedYear(
            year: 1985, tet: "1985-01-21", chineseTet: "1985-02-20", hungKings: "1985-04-29",
            chineseHungKings: "1985-04-29"),
        NamedYear(
            year: 2007, tet: "2007-02-17", chineseTet: "2007-02-18", hungKings: "2007-04-26",
            chineseHungKings: "2007-04-26"),
        NamedYear(
            year: 2009, tet: "2009-01-26", chineseTet: "2009-01-26", hungKings: "2009-04-04",
            chineseHungKings: "2009-04-05"),
        NamedYear(
            year: 2030, tet: "2030-02-02", chineseTet: "2030-02-03", hungKings: "2030-04-12",
            chineseHungKings: "2030-04-12"),
        NamedYear(
            year: 2037, tet: "2037-02-15", chineseTet: "2037-02-15", hungKings: "2037-04-24",
            chineseHungKings: "2037-04-25"),
        NamedYear(
            year: 2038, tet: "2038-02-04", chineseTet: "2038-02-04", hungKings: "2038-04-13",
            chineseHungKings: "2038-04-14"),
        NamedYear(
            year: 2053, tet: "2053-02-18", chineseTet: "2053-02-19", hungKings: "2053-04-28",
            chineseHungKings: "2053-04-28"),
    ]

    @Test(arguments: namedYears)
    func vietnameseAndChineseDatesOfNamedYears(_ named: NamedYear) {
        #expect(VietnameseLunarCalendar.newYear(named.year) == civil(named.tet))
        #expect(
            VietnameseLunarCalendar.solarDate(for: LunarDate(year: named.year, month: 3, day: 10))
                == civil(named.hungKings))

        let chinese = LunisolarReckoning.fixed(hours: 8)
        let chineseTet = VietnameseLunarCalendar.solarDay(
            for: LunarDate(year: named.year, month: 1, day: 1), reckoning: chinese)
        let chineseHungKings = VietnameseLunarCalendar.solarDay(
            for: LunarDate(year: named.year, month: 3, day: 10), reckoning: chinese)
        #expect(chineseTet == civil(named.chineseTet).daysSinceEpoch)
        #expect(chineseHungKings == civil(named.chineseHungKings).daysSinceEpoch)
    }

    @Test func meridianChoiceBefore1968() {
        // UTC+8 before 1968: the Hanoi meridian would have put Tết 1965 a day earlier.
        let hanoi = LunisolarReckoning.fixed(hours: 7)
        #expect(LunarYearLayout(1965, reckoning: hanoi).newYearDay == civil("1965-02-01").daysSinceEpoch)
        #expect(VietnameseLunarCalendar.newYear(1965) == civil("1965-02-02"))
        // Month 11 of Đinh Mùi began on 2/12/1967 by the 1967 calendar (UTC+8; UTC+7 would give 1/12), month 12 on
        // 31/12/1967, and the UTC+7 reckoning of 1968 gave it 29 days.
        let months1967 = VietnameseLunarCalendar.months(ofLunarYear: 1967).suffix(2)
        #expect(months1967.map(\.firstDay) == [civil("1967-12-02"), civil("1967-12-31")])
        #expect(months1967.map(\.dayCount) == [29, 29])
    }

    @Test func tet2030IsASaturday() {
        #expect(VietnameseLunarCalendar.newYear(2030).weekday == .saturday)
    }

    /// Leap months of years that tests elsewhere lean on; 2033 is the year whose leap month old Chinese tables put
    /// at 7, while the rule (and Vietnamese tables) give leap month 11.
    @Test(arguments: [(2020, 4), (2023, 2), (2025, 6), (2028, 5), (2031, 3), (2033, 11), (2036, 6)])
    func leapMonths(_ year: Int, _ leapMonth: Int) {
        #expect(VietnameseLunarCalendar.leapMonth(ofLunarYear: year) == leapMonth)
        #expect(VietnameseLunarCalendar.months(ofLunarYear: year).count == 13)
        #expect(VietnameseLunarCalendar.daysInMonth(leapMonth, isLeapMonth: true, ofLunarYear: year) != nil)
    }

    @Test func yearsWithoutLeapMonth() {
        for year in [2021, 2022, 2024, 2026, 2034] {
            #expect(VietnameseLunarCalendar.leapMonth(ofLunarYear: year) == nil)
            #expect(VietnameseLunarCalendar.months(ofLunarYear: year).count == 12)
        }
    }

    @Test func knownConversions() {
        let cases: [(String, LunarDate)] = [
            ("2024-02-10", LunarDate(year: 2024, month: 1, day: 1)),
            ("2024-02-09", LunarDate(year: 2023, month: 12, day: 30)),
            ("2025-01-28", LunarDate(year: 2024, month: 12, day: 29)),  // Ất Tỵ: Tết without a 30 tháng Chạp
            ("2023-03-22", LunarDate(year: 2023, month: 2, day: 1, isLeapMonth: true)),
            ("2023-04-20", LunarDate(year: 2023, month: 3, day: 1)),
            ("2033-12-22", LunarDate(year: 2033, month: 11, day: 1, isLeapMonth: true)),
            ("2034-01-20", LunarDate(year: 2033, month: 12, day: 1)),
            ("2025-10-06", LunarDate(year: 2025, month: 8, day: 15)),  // Tết Trung thu
            ("1975-04-30", LunarDate(year: 1975, month: 3, day: 20)),
        ]
        for (iso, lunar) in cases {
            #expect(VietnameseLunarCalendar.lunarDate(for: civil(iso)) == lunar, "\(iso)")
            #expect(VietnameseLunarCalendar.solarDate(for: lunar) == civil(iso), "\(lunar.descriptionWithYear)")
        }
    }

    @Test func daysThatDoNotExist() {
        #expect(VietnameseLunarCalendar.solarDate(for: LunarDate(year: 2024, month: 12, day: 30)) == nil)  // 29 days
        #expect(
            VietnameseLunarCalendar.solarDate(for: LunarDate(year: 2024, month: 12, day: 29)) == civil("2025-01-28"))
        #expect(
            VietnameseLunarCalendar.solarDate(for: LunarDate(year: 2024, month: 4, day: 1, isLeapMonth: true)) == nil)
        #expect(VietnameseLunarCalendar.solarDate(for: LunarDate(year: 2024, month: 13, day: 1)) == nil)
        #expect(VietnameseLunarCalendar.solarDate(for: LunarDate(year: 2024, month: 1, day: 0)) == nil)
        #expect(VietnameseLunarCalendar.solarDate(for: LunarDate(year: 2024, month: 1, day: 31)) == nil)
        #expect(VietnameseLunarCalendar.daysInMonth(12, ofLunarYear: 2024) == 29)
        #expect(VietnameseLunarCalendar.daysInMonth(12, ofLunarYear: 2023) == 30)
        #expect(VietnameseLunarCalendar.daysInMonth(6, isLeapMonth: true, ofLunarYear: 2024) == nil)
    }

    /// Every day of these years converts to a lunar date and back, lunar days count up by one within a month, and
    /// months have 29 or 30 days; the years include leap months 4 (2020), 2 (2023), 6 (2025) and 11 (2033), the
    /// switch of meridian (1967–1968) and the edges of the supported range.
    @Test(arguments: [1901, 1916, 1925, 1967, 1968, 1984, 1985, 2019, 2020, 2023, 2024, 2025, 2026, 2033, 2034, 2199])
    func roundTripEveryDay(_ year: Int) {
        let first = CivilDate(year: year, month: 1, day: 1)!.daysSinceEpoch
        let last = CivilDate(year: year, month: 12, day: 31)!.daysSinceEpoch
        var previous = VietnameseLunarCalendar.lunarDate(for: CivilDate(daysSinceEpoch: first - 1))
        for day in first...last {
            let date = CivilDate(daysSinceEpoch: day)
            let lunar = VietnameseLunarCalendar.lunarDate(for: date)
            #expect(VietnameseLunarCalendar.solarDate(for: lunar) == date, "\(date)")
            if lunar.day == 1 {
                #expect([29, 30].contains(previous.day), "\(date)")
                #expect(lunar > previous, "\(date)")
            } else {
                #expect(lunar.day == previous.day + 1 && lunar.month == previous.month, "\(date)")
            }
            previous = lunar
        }
    }

    @Test(arguments: [1901, 1916, 1924, 1925, 2020, 2033, 2199])
    func monthsTileTheYear(_ year: Int) {
        let months = VietnameseLunarCalendar.months(ofLunarYear: year)
        #expect(months.first?.firstDay == VietnameseLunarCalendar.newYear(year))
        #expect(months.last?.lastDay.adding(days: 1) == VietnameseLunarCalendar.newYear(year + 1))
        for (month, next) in zip(months, months.dropFirst()) {
            #expect(month.lastDay.adding(days: 1) == next.firstDay)
            #expect([29, 30].contains(month.dayCount))
        }
        #expect(months.filter { !$0.isLeapMonth }.map(\.month) == Array(1...12))
        let leap = months.firstIndex(where: \.isLeapMonth)
        #expect(leap.map { months[$0].month == months[$0 - 1].month } ?? true)
    }

    /// Every month start and leap month of the lunar years 1901–2199 against Hồ Ngọc Đức's published table
    /// (`PublishedLunarTable.swift`). They part at one month only: the new moon of 7/5/2054 falls 17:00:14 UT
    /// (PyEphem), 14 seconds after midnight in Hanoi, so month 4 begins on 8/5 here and on 7/5 in his table; the
    /// gap is smaller than the uncertainty of ΔT in 2054.
    @Test func everyMonthAgreesWithThePublishedTable() throws {
        var disagreements: [String] = []
        var years = 0
        for line in publishedLunarTable.split(separator: "\n") {
            let fields = line.split(separator: " ")
            try #require(fields.count == 3, "\(line)")
            let tet = civil(String(fields[0]))
            let leapMonth = try #require(Int(fields[1]))
            let lengths = fields[2].map { $0 == "1" ? 30 : 29 }
            let months = VietnameseLunarCalendar.months(ofLunarYear: tet.year)
            #expect(VietnameseLunarCalendar.leapMonth(ofLunarYear: tet.year) == (leapMonth == 0 ? nil : leapMonth))
            #expect(months.count == lengths.count, "\(tet.year)")
            #expect(VietnameseLunarCalendar.lunarDate(for: tet) == LunarDate(year: tet.year, month: 1, day: 1))
            var start = tet
            for (month, length) in zip(months, lengths) {
                if month.firstDay != start {
                    disagreements.append("\(month.month)\(month.isLeapMonth ? "+" : "")/\(tet.year): \(start.iso)")
                }
                start = start.adding(days: length)
            }
            years += 1
        }
        #expect(years == 299)
        #expect(disagreements == ["4/2054: 2054-05-07"])
        #expect(VietnameseLunarCalendar.solarDate(for: LunarDate(year: 2054, month: 4, day: 1)) == civil("2054-05-08"))
    }

    /// Before 1929 the table dates new moons at Beijing's local mean time (UTC+7:45:40), as Chinese almanacs did:
    /// these new moons came 2 to 7 minutes after midnight at UTC+8, so the months begin a day earlier than UTC+8
    /// would have them. Tết 1925 is as the table has it, a day after the new moon (21:45 on 24/1 in Hanoi).
    @Test(arguments: [
        ("1906-04-23", LunarDate(year: 1906, month: 4, day: 1), "1906-04-24"),
        ("1914-11-17", LunarDate(year: 1914, month: 10, day: 1), "1914-11-18"),
        ("1916-02-03", LunarDate(year: 1916, month: 1, day: 1), "1916-02-04"),
        ("1920-11-10", LunarDate(year: 1920, month: 10, day: 1), "1920-11-11"),
        ("1925-01-25", LunarDate(year: 1925, month: 1, day: 1), "1925-01-24"),
    ])
    func monthStartsBefore1929AsPublished(_ published: String, _ lunar: LunarDate, _ atUTCPlus8: String) {
        #expect(VietnameseLunarCalendar.solarDate(for: lunar) == civil(published))
        #expect(VietnameseLunarCalendar.lunarDate(for: civil(published)) == lunar)
        let chinese = LunisolarReckoning.fixed(hours: 8)
        #expect(VietnameseLunarCalendar.solarDay(for: lunar, reckoning: chinese) == civil(atUTCPlus8).daysSinceEpoch)
    }

    /// Beijing time is for new moons only: the table's leap months of 1917 (2+) and 1922 (5+) need the major solar
    /// terms of 21/4/1917 00:10 and 24/7/1922 00:12 (UTC+8) on those days, where Beijing time would put them on
    /// the day before.
    @Test func leapMonthsBefore1929FollowSolarTermsAtUTCPlus8() {
        #expect(VietnameseLunarCalendar.leapMonth(ofLunarYear: 1917) == 2)
        #expect(VietnameseLunarCalendar.leapMonth(ofLunarYear: 1922) == 5)
        #expect(
            VietnameseLunarCalendar.solarDate(for: LunarDate(year: 1917, month: 2, day: 1, isLeapMonth: true))
                == civil("1917-03-23"))
    }

    @Test func descriptions() {
        #expect(LunarDate(year: 2024, month: 3, day: 10).description == "10/3")
        #expect(LunarDate(year: 2023, month: 2, day: 1, isLeapMonth: true).description == "1/2+")
        #expect(LunarDate(year: 2023, month: 2, day: 1, isLeapMonth: true).descriptionWithYear == "1/2+/2023")
        #expect(LunarDate(year: 2024, month: 3, day: 10).descriptionWithYear == "10/3/2024")
    }

    @Test func ordering() {
        let ordinary = LunarDate(year: 2023, month: 2, day: 29)
        let leap = LunarDate(year: 2023, month: 2, day: 1, isLeapMonth: true)
        let third = LunarDate(year: 2023, month: 3, day: 1)
        #expect(ordinary < leap && leap < third)
        #expect(LunarDate(year: 2022, month: 12, day: 30) < LunarDate(year: 2023, month: 1, day: 1))
    }

    @Test func edgeYearsCompute() {
        #expect(VietnameseLunarCalendar.supportedYears == 1901...2199)
        #expect(VietnameseLunarCalendar.newYear(1901) == civil("1901-02-19"))
        #expect(VietnameseLunarCalendar.newYear(2199) == civil("2199-01-26"))
        #expect(VietnameseLunarCalendar.lunarDate(for: civil("1901-01-01")).year == 1900)
        #expect(VietnameseLunarCalendar.lunarDate(for: civil("2199-12-31")).year == 2199)
        // Outside the checked range the arithmetic still runs.
        #expect(VietnameseLunarCalendar.lunarDate(for: civil("0001-01-01")).year == 0)
        #expect(VietnameseLunarCalendar.lunarDate(for: civil("9999-12-31")).year == 9999)
    }

    /// No year, day or lunar date traps the calendar: beyond the computable years the answers are clamped (and
    /// refused where the answer is optional).
    @Test(arguments: [Int.min, -1_000_000, -1, 0, 1, 9999, 10_000, 10_001, 1_000_000, Int.max])
    func anyYearIsTotal(_ year: Int) {
        let newYear = VietnameseLunarCalendar.newYear(year)
        #expect((0...10_001).contains(newYear.year))
        #expect(VietnameseLunarCalendar.months(ofLunarYear: year).count >= 12)
        let computable = (0...10_000).contains(year)
        #expect((VietnameseLunarCalendar.daysInMonth(1, ofLunarYear: year) != nil) == computable)
        #expect((VietnameseLunarCalendar.solarDate(for: LunarDate(year: year, month: 1, day: 1)) != nil) == computable)
        _ = VietnameseLunarCalendar.leapMonth(ofLunarYear: year)
    }

    @Test(arguments: [-100_000_000, -1, 0, 3_000_000, 100_000_000])
    func anyDayIsTotal(_ day: Int) {
        let lunar = VietnameseLunarCalendar.lunarDate(for: CivilDate(daysSinceEpoch: day))
        #expect((0...9999).contains(lunar.year))
    }
}

/// The astronomical core against the worked examples in Meeus, "Astronomical Algorithms" (2nd ed.).
@Suite struct AstronomyTests {
    @Test func newMoonOfExample49a() {
        // Example 49.a: the new moon of February 1977 (lunation -283) at JDE 2443192.65118.
        let ut = Astronomy.newMoon(lunation: -283)
        let tt = ut + Astronomy.deltaT(julianDay: ut) / 86_400
        #expect(abs(tt - 2_443_192.651_18) < 0.000_01)
    }

    @Test func solarLongitudeOfExample25a() {
        // Example 25.a: on 1992 October 13.0 TD (JDE 2448908.5) the apparent longitude is 199.90895°.
        let tt = 2_448_908.5
        let ut = tt - Astronomy.deltaT(julianDay: tt) / 86_400
        #expect(abs(Astronomy.apparentSolarLongitude(julianDay: ut) - 199.908_95) < 0.000_1)
    }

    @Test(arguments: [
        (0.0, 0.0), (30, 0.5), (90, 1), (150, 0.5), (210, -0.5), (270, -1), (-30, -0.5),
        (1_000_030, -0.766_044_443_118_978),
    ])
    func sine(_ degrees: Double, _ expected: Double) {
        #expect(abs(Astronomy.sine(degrees) - expected) < 1e-12)
    }
}

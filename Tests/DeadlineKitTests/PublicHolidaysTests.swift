import DeadlineKit
import Testing

/// `"2024-02-10"` as a ``CivilDate``.
private func civil(_ iso: String) -> CivilDate {
    let fields = iso.split(separator: "-").map { Int($0)! }
    return CivilDate(year: fields[0], month: fields[1], day: fields[2])!
}

/// A holiday list as `"2024-02-10 tet 1/1"` lines: date, kind, and lunar date if any.
private func summary(_ holidays: [Holiday]) -> [String] {
    holidays.map { holiday in
        "\(holiday.date.iso) \(holiday.kind.rawValue)" + (holiday.lunar.map { " \($0.descriptionWithYear)" } ?? "")
    }
}

/// The first and last day of the run of consecutive days off (holidays and weekly days off) that contains `date`.
private func breakAround(_ date: CivilDate, rules: HolidayRules) -> (first: CivilDate, last: CivilDate) {
    let off = Set(PublicHolidays.holidays(in: date.year, rules: rules).map(\.date))
    func isOff(_ day: CivilDate) -> Bool { off.contains(day) || rules.isWeeklyDayOff(day) }
    var first = date
    var last = date
    while isOff(first.adding(days: -1)) { first = first.adding(days: -1) }
    while isOff(last.adding(days: 1)) { last = last.adding(days: 1) }
    return (first, last)
}

/// What the government announced for 2024 (Công văn 2450/VPCP-KGVX and the Tết and Quốc khánh notices): Tết from
/// 29 tháng Chạp (8/2) to mùng 5 (14/2); Monday 29/4 swapped with Saturday 4/5.
private let announced2024 = HolidayRules(
    tetPlacementByYear: [2024: .daysBeforeNewYear(2)],
    extraDaysOff: [AnnouncedDayOff(date: civil("2024-04-29"))],
    workingDays: [civil("2024-05-04")])

/// What the government announced for 2025: Tết from 28 tháng Chạp (27/1) to mùng 3 (31/1), within the break
/// 25/1–2/2; Friday 2/5 swapped with Saturday 26/4; Quốc khánh 30/8–2/9.
private let announced2025 = HolidayRules(
    tetPlacementByYear: [2025: .daysBeforeNewYear(2)],
    extraDaysOff: [AnnouncedDayOff(date: civil("2025-05-02"))],
    workingDays: [civil("2025-04-26")])

@Suite struct PublicHolidaysTests {
    @Test func year2024WithDefaultRules() {
        #expect(
            summary(PublicHolidays.holidays(in: 2024)) == [
                "2024-01-01 new_year",
                "2024-02-08 tet 29/12/2023",  // two days before mùng 1 put as few Tết days on the weekend as one
                "2024-02-09 tet 30/12/2023",
                "2024-02-10 tet 1/1/2024",
                "2024-02-11 tet 2/1/2024",
                "2024-02-12 tet 3/1/2024",
                "2024-02-13 weekend_compensation",  // for mùng 1, a Saturday
                "2024-02-14 weekend_compensation",  // for mùng 2, a Sunday
                "2024-04-18 hung_kings 10/3/2024",
                "2024-04-30 reunification",
                "2024-05-01 labour_day",
                "2024-09-02 national_day",
                "2024-09-03 national_day",  // 1/9 is a Sunday, so 3/9 joins the weekend
            ])
    }

    /// In 2024 the government put two Tết days before mùng 1 (8/2–12/2, with 13/2 and 14/2 as nghỉ bù), as the
    /// default forecasts, and swapped 29/4 with 4/5. The override rules reproduce the announced break exactly.
    @Test func year2024AsAnnounced() {
        #expect(
            summary(PublicHolidays.holidays(in: 2024, rules: announced2024)) == [
                "2024-01-01 new_year",
                "2024-02-08 tet 29/12/2023",
                "2024-02-09 tet 30/12/2023",
                "2024-02-10 tet 1/1/2024",
                "2024-02-11 tet 2/1/2024",
                "2024-02-12 tet 3/1/2024",
                "2024-02-13 weekend_compensation",
                "2024-02-14 weekend_compensation",
                "2024-04-18 hung_kings 10/3/2024",
                "2024-04-29 override",
                "2024-04-30 reunification",
                "2024-05-01 labour_day",
                "2024-09-02 national_day",
                "2024-09-03 national_day",
            ])
        let tet = breakAround(civil("2024-02-10"), rules: announced2024)
        #expect((tet.first, tet.last) == (civil("2024-02-08"), civil("2024-02-14")))
        let reunification = breakAround(civil("2024-04-30"), rules: announced2024)
        #expect((reunification.first, reunification.last) == (civil("2024-04-27"), civil("2024-05-01")))
        #expect(!announced2024.isWeeklyDayOff(civil("2024-05-04")))
        let nationalDay = breakAround(civil("2024-09-02"), rules: announced2024)
        #expect((nationalDay.first, nationalDay.last) == (civil("2024-08-31"), civil("2024-09-03")))
    }

    @Test func year2025WithDefaultRules() {
        #expect(
            summary(PublicHolidays.holidays(in: 2025)) == [
                "2025-01-01 new_year",
                "2025-01-27 tet 28/12/2024",  // two days before mùng 1: none on the weekend (one before: Sat 1/2)
                "2025-01-28 tet 29/12/2024",  // tháng Chạp of Giáp Thìn has 29 days
                "2025-01-29 tet 1/1/2025",
                "2025-01-30 tet 2/1/2025",
                "2025-01-31 tet 3/1/2025",
                "2025-04-07 hung_kings 10/3/2025",
                "2025-04-30 reunification",
                "2025-05-01 labour_day",
                "2025-09-01 national_day",  // 2/9 is a Tuesday, so Monday 1/9 joins the weekend
                "2025-09-02 national_day",
            ])
    }

    /// In 2025 the government put two Tết days before mùng 1 (27/1–31/1, a nine-day break 25/1–2/2 with no nghỉ
    /// bù) and swapped Friday 2/5 with Saturday 26/4.
    @Test func year2025AsAnnounced() {
        #expect(
            summary(PublicHolidays.holidays(in: 2025, rules: announced2025)) == [
                "2025-01-01 new_year",
                "2025-01-27 tet 28/12/2024",
                "2025-01-28 tet 29/12/2024",
                "2025-01-29 tet 1/1/2025",
                "2025-01-30 tet 2/1/2025",
                "2025-01-31 tet 3/1/2025",
                "2025-04-07 hung_kings 10/3/2025",
                "2025-04-30 reunification",
                "2025-05-01 labour_day",
                "2025-05-02 override",
                "2025-09-01 national_day",
                "2025-09-02 national_day",
            ])
        let tet = breakAround(civil("2025-01-29"), rules: announced2025)
        #expect((tet.first, tet.last) == (civil("2025-01-25"), civil("2025-02-02")))
        let reunification = breakAround(civil("2025-04-30"), rules: announced2025)
        #expect((reunification.first, reunification.last) == (civil("2025-04-30"), civil("2025-05-04")))
        let nationalDay = breakAround(civil("2025-09-02"), rules: announced2025)
        #expect((nationalDay.first, nationalDay.last) == (civil("2025-08-30"), civil("2025-09-02")))
    }

    @Test func overridesApplyOnlyToTheirYear() {
        let rules = HolidayRules(tetPlacementByYear: [2024: .daysBeforeNewYear(2)])
        #expect(PublicHolidays.holidays(in: 2025, rules: rules) == PublicHolidays.holidays(in: 2025))
        let announcedDay = HolidayRules(extraDaysOff: [AnnouncedDayOff(date: civil("2024-04-29"))])
        #expect(PublicHolidays.holidays(in: 2025, rules: announcedDay) == PublicHolidays.holidays(in: 2025))
    }

    /// The Tết breaks announced since the five-day Tết, as first and last day off; `.fewestOnWeeklyDaysOff`
    /// reproduces every one of them.
    @Test(arguments: [
        (2020, "2020-01-23", "2020-01-29"), (2021, "2021-02-10", "2021-02-16"), (2022, "2022-01-29", "2022-02-06"),
        (2023, "2023-01-20", "2023-01-26"), (2024, "2024-02-08", "2024-02-14"), (2025, "2025-01-25", "2025-02-02"),
        (2026, "2026-02-14", "2026-02-22"),
    ])
    func fewestOnWeeklyDaysOffReproducesAnnouncedTetBreaks(_ year: Int, _ first: String, _ last: String) {
        let rules = HolidayRules(tetPlacement: .fewestOnWeeklyDaysOff)
        let tet = breakAround(VietnameseLunarCalendar.newYear(year), rules: rules)
        #expect((tet.first, tet.last) == (civil(first), civil(last)))
        #expect(PublicHolidays.holidays(in: year, rules: rules).count(where: { $0.kind == .tet }) == 5)
    }

    /// The day announced with 2/9 since the second Quốc khánh day exists.
    @Test(arguments: [(2021, 3), (2022, 1), (2023, 1), (2024, 3), (2025, 1)])
    func nationalDayCompanionJoinsTheWeekend(_ year: Int, _ september: Int) {
        let days = PublicHolidays.holidays(in: year).filter { $0.kind == .nationalDay }.map(\.date)
        #expect(
            days == [
                CivilDate(year: year, month: 9, day: min(2, september))!,
                CivilDate(year: year, month: 9, day: max(2, september))!,
            ])
    }

    @Test func nationalDayCompanionCanBeFixed() {
        let rules = HolidayRules(nationalDayCompanion: .september1, nationalDayCompanionByYear: [2025: .september3])
        #expect(
            PublicHolidays.holidays(in: 2024, rules: rules).filter { $0.kind == .nationalDay }.map(\.date)
                == [civil("2024-09-01"), civil("2024-09-02")])
        #expect(
            PublicHolidays.holidays(in: 2025, rules: rules).filter { $0.kind == .nationalDay }.map(\.date)
                == [civil("2025-09-02"), civil("2025-09-03")])
        // 1/9/2024 is a Sunday: choosing it costs a nghỉ bù on the next working day, Tuesday 3/9.
        #expect(PublicHolidays.holidays(in: 2024, rules: rules).last?.date == civil("2024-09-03"))
        #expect(PublicHolidays.holidays(in: 2024, rules: rules).last?.kind == .weekendCompensation)
    }

    /// 2023: 1/1 on a Sunday; Tết (20/1–24/1) has 21/1 (30 tháng Chạp) and 22/1 (mùng 1) on the weekend; Giỗ Tổ
    /// 29/4 and 30/4, and 2/9 too. (The announced breaks 20/1–26/1 and 29/4–3/5 are exactly this.)
    @Test func compensationSkipsOtherHolidays() {
        let compensation = PublicHolidays.holidays(in: 2023).filter { $0.kind == .weekendCompensation }.map(\.date)
        #expect(
            compensation == [
                civil("2023-01-02"),  // for 1/1
                civil("2023-01-25"), civil("2023-01-26"),  // for 21/1 and 22/1, after mùng 2 and 3
                civil("2023-05-02"), civil("2023-05-03"),  // for Giỗ Tổ (Saturday 29/4) and 30/4, after 1/5
                civil("2023-09-04"),  // for 2/9
            ])
    }

    @Test func weeklyDaysOffAreConfigurable() {
        let sundayOnly = HolidayRules(weeklyDaysOff: [.sunday])
        let compensation = PublicHolidays.holidays(in: 2023, rules: sundayOnly)
            .filter { $0.kind == .weekendCompensation }.map(\.date)
        // 1/1, 22/1 (mùng 1) and 30/4 are Sundays; the Saturdays are working days for this office. Tết is 20/1–24/1.
        #expect(compensation == [civil("2023-01-02"), civil("2023-01-25"), civil("2023-05-02")])
        let none = HolidayRules(compensatesWeeklyDaysOff: false)
        #expect(!PublicHolidays.holidays(in: 2023, rules: none).contains { $0.kind == .weekendCompensation })
    }

    @Test func tetPlacementIsClamped() {
        let allBefore = HolidayRules(tetPlacement: .daysBeforeNewYear(9))
        let tet = PublicHolidays.holidays(in: 2024, rules: allBefore).filter { $0.kind == .tet }
        #expect(tet.map(\.date) == (5...9).map { civil("2024-02-0\($0)") })
        let noneBefore = HolidayRules(tetPlacement: .daysBeforeNewYear(-1))
        #expect(
            PublicHolidays.holidays(in: 2024, rules: noneBefore).first { $0.kind == .tet }?.lunar?.description == "1/1")
    }

    @Test func namesAreNFCVietnameseAndEnglish() {
        let holidays = PublicHolidays.holidays(in: 2024, rules: announced2024)
        let names = Dictionary(holidays.map { ($0.date.iso, ($0.nameVietnamese, $0.nameEnglish)) }) { first, _ in first
        }
        let expected: [String: (String, String)] = [
            "2024-01-01": ("Tết Dương lịch", "New Year's Day"),
            "2024-02-08": ("Tết Nguyên đán (29 tháng Chạp)", "Lunar New Year (29th day of the 12th month)"),
            "2024-02-10": ("Tết Nguyên đán (mùng 1)", "Lunar New Year (day 1)"),
            "2024-02-13": ("Nghỉ bù", "Compensatory day off"),
            "2024-04-18": ("Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration Day"),
            "2024-04-29": ("Nghỉ hoán đổi", "Swapped day off"),
            "2024-04-30": ("Ngày Giải phóng miền Nam, thống nhất đất nước", "Reunification Day"),
            "2024-05-01": ("Ngày Quốc tế Lao động", "International Labour Day"),
            "2024-09-02": ("Quốc khánh", "National Day"),
            "2024-09-03": ("Quốc khánh (ngày liền kề)", "National Day (adjacent day)"),
        ]
        for (date, (vietnamese, english)) in expected {
            // Compare bytes: `==` on String would also accept a decomposed (NFD) spelling.
            #expect(names[date].map { Array($0.0.utf8) } == Array(vietnamese.utf8), "\(date)")
            #expect(names[date]?.1 == english, "\(date)")
        }
        // The source literals above are NFC: "ệ" is one scalar, U+1EC7.
        #expect("Tết".unicodeScalars.count == 3)
    }

    /// The law of each year, from the table: four Tết days until 2013 (one before mùng 1), five from 2014; Giỗ Tổ
    /// from 2007; the second Quốc khánh day from 2021.
    @Test func theTableFollowsTheLawOfEachYear() {
        func counts(_ year: Int) -> (tet: Int, hungKings: Int, nationalDay: Int) {
            let holidays = PublicHolidays.holidays(in: year)
            return (
                holidays.count(where: { $0.kind == .tet }), holidays.count(where: { $0.kind == .hungKings }),
                holidays.count(where: { $0.kind == .nationalDay })
            )
        }
        #expect(counts(1901) == (4, 0, 1))
        #expect(counts(2006) == (4, 0, 1))
        #expect(counts(2007) == (4, 1, 1))
        #expect(counts(2013) == (4, 1, 1))
        #expect(counts(2014) == (5, 1, 1))
        #expect(counts(2020) == (5, 1, 1))
        #expect(counts(2021) == (5, 1, 2))
        // Tết 2013 (mùng 1 on Sunday 10/2): 30 tháng Chạp and mùng 1–3, fixed by the law, whatever the placement.
        let tet2013 = PublicHolidays.holidays(in: 2013, rules: HolidayRules(tetPlacement: .daysBeforeNewYear(3)))
            .filter { $0.kind == .tet }
        #expect(tet2013.map(\.date) == (9...12).map { civil("2013-02-\($0 < 10 ? "0" : "")\($0)") })
        #expect(tet2013.allSatisfy { $0.source == .law })
    }

    /// Without a configuration, 2020 has Quốc khánh alone: its companion day exists from 2021 (BLLĐ 2019).
    @Test func year2020HasNoNationalDayCompanion() {
        let nationalDay = PublicHolidays.holidays(in: 2020).filter { $0.kind == .nationalDay }
        #expect(nationalDay.map(\.date) == [civil("2020-09-02")])
    }

    @Test func theLabourCodeTable() {
        let rows = HolidayRule.labourCode.map { row in
            "\(row.kind.rawValue) \(row.date.vietnamese) \(row.firstYear.map(String.init) ?? "-")...\(row.lastYear.map(String.init) ?? "-") \(row.compensated)"
        }
        #expect(
            rows == [
                "new_year 01/01 -...- true",
                "tet 4 ngày: 1 ngày cuối năm và 3 ngày đầu năm âm lịch -...2013 true",
                "tet 5 ngày quanh mùng 1 tháng Giêng 2014...- true",
                "reunification 30/04 -...- true",
                "labour_day 01/05 -...- true",
                "national_day 02/09 -...- true",
                "national_day 01/09 hoặc 03/09 2021...- true",
                "hung_kings 10/3 âm lịch 2007...- true",
            ])
    }

    /// Each day's source: the law for fixed dates, a forecast for the days the government places each year until
    /// an announcement is written, announced once it is; a nghỉ bù has the source of its holiday.
    @Test func sources() {
        func sources(_ holidays: [Holiday]) -> [String] {
            holidays.map { "\($0.date.iso) \($0.kind.rawValue) \($0.source.rawValue)" }
        }
        #expect(
            sources(PublicHolidays.holidays(in: 2024)) == [
                "2024-01-01 new_year law",
                "2024-02-08 tet forecast", "2024-02-09 tet forecast", "2024-02-10 tet forecast",
                "2024-02-11 tet forecast", "2024-02-12 tet forecast",
                "2024-02-13 weekend_compensation forecast", "2024-02-14 weekend_compensation forecast",
                "2024-04-18 hung_kings law",
                "2024-04-30 reunification law",
                "2024-05-01 labour_day law",
                "2024-09-02 national_day law",
                "2024-09-03 national_day forecast",
            ])
        let announced = HolidayRules(
            tetPlacementByYear: [2024: .daysBeforeNewYear(2)], nationalDayCompanionByYear: [2024: .september3],
            extraDaysOff: [AnnouncedDayOff(date: civil("2024-04-29"))], workingDays: [civil("2024-05-04")])
        #expect(
            sources(PublicHolidays.holidays(in: 2024, rules: announced)) == [
                "2024-01-01 new_year law",
                "2024-02-08 tet announced", "2024-02-09 tet announced", "2024-02-10 tet announced",
                "2024-02-11 tet announced", "2024-02-12 tet announced",
                "2024-02-13 weekend_compensation announced", "2024-02-14 weekend_compensation announced",
                "2024-04-18 hung_kings law",
                "2024-04-29 override announced",
                "2024-04-30 reunification law",
                "2024-05-01 labour_day law",
                "2024-09-02 national_day law",
                "2024-09-03 national_day announced",
            ])
    }

    /// Declared rows count exactly as the law's: 24/11 from 2026 with a nghỉ bù, 15/8 âm lịch from 2027 to 2029
    /// without one. 24/11/2026 is a Tuesday, 24/11/2029 a Saturday and 24/11/2030 a Sunday; 15/8 âm lịch of 2029
    /// is Saturday 22/9/2029.
    @Test func declaredHolidays() {
        let culture = HolidayRule(
            kind: .declared, nameVietnamese: "Ngày Văn hóa Việt Nam", nameEnglish: "Vietnam Culture Day",
            date: .solar(month: 11, day: 24), firstYear: 2026, basis: "test")
        let midAutumn = HolidayRule(
            kind: .declared, nameVietnamese: "Tết Trung thu", nameEnglish: "Mid-Autumn Festival",
            date: .lunar(month: 8, day: 15), firstYear: 2027, lastYear: 2029, compensated: false, basis: "test")
        let rules = HolidayRules(declaredHolidays: [culture, midAutumn])
        func declared(_ year: Int) -> [String] {
            PublicHolidays.holidays(in: year, rules: rules).filter { $0.date.month >= 8 }.map {
                "\($0.date.iso) \($0.kind.rawValue) \($0.source.rawValue)" + ($0.lunar.map { " \($0)" } ?? "")
            }
        }
        let september2 = ["2025-09-01 national_day forecast", "2025-09-02 national_day law"]
        #expect(declared(2025) == september2)
        #expect(declared(2026).last == "2026-11-24 declared configuration")
        #expect(
            declared(2029)
                == [
                    "2029-09-03 national_day forecast", "2029-09-02 national_day law",
                    "2029-09-04 weekend_compensation law",
                    "2029-09-22 declared configuration 15/8",
                    "2029-11-24 declared configuration",
                    "2029-11-26 weekend_compensation configuration",
                ].sorted())
        #expect(
            declared(2030).suffix(2) == [
                "2030-11-24 declared configuration", "2030-11-25 weekend_compensation configuration",
            ])
        #expect(!declared(2030).contains { $0.contains("15/8") })
        let names = PublicHolidays.holidays(in: 2029, rules: rules).filter { $0.kind == .declared }
        #expect(names.map(\.nameVietnamese) == ["Tết Trung thu", "Ngày Văn hóa Việt Nam"])
        #expect(names.map(\.nameEnglish) == ["Mid-Autumn Festival", "Vietnam Culture Day"])
    }

    /// A lunar day of months 11 and 12 falls in January of the next Gregorian year, or in that year itself; day 30
    /// of a 29-day month is its 29th.
    @Test func declaredLunarDaysLateInTheLunarYear() {
        func dates(_ lunar: HolidayDate, _ year: Int) -> [String] {
            let rule = HolidayRule(
                kind: .declared, nameVietnamese: "X", nameEnglish: "X", date: lunar, firstYear: 2020, basis: "test")
            return PublicHolidays.holidays(in: year, rules: HolidayRules(declaredHolidays: [rule]))
                .filter { $0.kind == .declared }.map { "\($0.date.iso) \($0.lunar?.descriptionWithYear ?? "")" }
        }
        #expect(dates(.lunar(month: 12, day: 15), 2024) == ["2024-01-25 15/12/2023"])
        #expect(dates(.lunar(month: 12, day: 15), 2025) == ["2025-01-14 15/12/2024"])
        #expect(dates(.lunar(month: 12, day: 30), 2025) == ["2025-01-28 29/12/2024"])
    }

    @Test(arguments: [1901, 1950, 2024, 2100, 2199])
    func everyYearIsSortedAndInsideTheYear(_ year: Int) {
        let holidays = PublicHolidays.holidays(in: year)
        #expect(holidays.allSatisfy { $0.date.year == year })
        #expect(zip(holidays, holidays.dropFirst()).allSatisfy { $0.date <= $1.date })
        let expected = HolidayRule.labourCode.filter { $0.applies(in: year) }.reduce(0) { count, row in
            if case .tet(let days, _) = row.date { return count + days }
            return count + 1
        }
        #expect(holidays.count(where: { $0.kind != .weekendCompensation }) == expected)
        let lunarDays = holidays.filter { $0.lunar != nil }
        #expect(lunarDays.allSatisfy { VietnameseLunarCalendar.solarDate(for: $0.lunar!) == $0.date })
    }

    /// Outside the supported years no holiday is computed, but announced days off still count; nothing traps.
    @Test(arguments: [Int.min, -1, 0, 1, 1900, 2200, 9999, 10_000, Int.max])
    func yearsOutsideTheSupportedOnesHaveNoComputedHoliday(_ year: Int) {
        #expect(PublicHolidays.holidays(in: year).isEmpty)
    }

    @Test func announcedDaysOffOutsideTheSupportedYearsStillCount() {
        let rules = HolidayRules(extraDaysOff: [AnnouncedDayOff(date: civil("2200-01-02"))])
        #expect(PublicHolidays.holidays(in: 2200, rules: rules).map(\.date) == [civil("2200-01-02")])
    }
}

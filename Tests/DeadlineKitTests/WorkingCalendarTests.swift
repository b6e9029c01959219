import DeadlineKit
import Testing

/// `d(17, 2, 2021)` is 17/02/2021.
private func d(_ day: Int, _ month: Int, _ year: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }
private func t(_ hour: Int, _ minute: Int = 0) -> TimeOfDay { TimeOfDay(hour: hour, minute: minute)! }

/// 2025 as announced: Friday 2/5 off, swapped with Saturday 26/4 (làm bù).
private let announced2025 = HolidayRules(
    extraDaysOff: [AnnouncedDayOff(date: d(2, 5, 2025), nameVietnamese: "Nghỉ hoán đổi, làm bù thứ Bảy 26/04/2025")],
    workingDays: [d(26, 4, 2025)])

@Suite("The working calendar")
struct WorkingCalendarTests {
    let standard = WorkingCalendar(years: 2019...2027)

    @Test(
        "working days and days off",
        arguments: [
            (d(9, 2, 2021), true),  // Tuesday before Tết Tân Sửu
            (d(10, 2, 2021), false),  // 29 tháng Chạp: the first Tết day
            (d(12, 2, 2021), false),  // mùng 1
            (d(15, 2, 2021), false),  // nghỉ bù for Saturday 13/2
            (d(16, 2, 2021), false),  // nghỉ bù for Sunday 14/2
            (d(17, 2, 2021), true),  // back to work
            (d(21, 4, 2021), false),  // Giỗ Tổ Hùng Vương, 10/3 âm lịch
            (d(3, 5, 2021), false),  // nghỉ bù for 1/5, a Saturday
            (d(3, 9, 2021), false),  // the day beside Quốc khánh
            (d(19, 12, 2020), false),  // a Saturday
            (d(18, 12, 2020), true),  // a Friday
        ])
    func workingDays(_ date: CivilDate, _ working: Bool) {
        #expect(standard.isWorkingDay(date) == working)
        // A calendar with nothing precomputed gives the same answers, computing each year on the spot.
        #expect(WorkingCalendar().isWorkingDay(date) == working)
    }

    @Test("3 working days before a deadline just after Tết 2021 skip the whole break (10/2–16/2)")
    func acrossTet() {
        // Back from Wednesday 17/2: Tuesday 9/2 is the 1st, Monday 8/2 the 2nd, Friday 5/2 the 3rd.
        #expect(standard.adding(workingDays: -3, to: d(17, 2, 2021)) == d(5, 2, 2021))
        #expect(standard.adding(workingDays: -1, to: d(17, 2, 2021)) == d(9, 2, 2021))
        // Forward from Tuesday 9/2, the next working day is Wednesday 17/2.
        #expect(standard.workingDay(after: d(9, 2, 2021)) == d(17, 2, 2021))
        #expect(standard.adding(workingDays: 0, to: d(13, 2, 2021)) == d(13, 2, 2021))
    }

    @Test("an announced working Saturday counts; a swapped day off does not")
    func overrides() {
        let calendar = WorkingCalendar(rules: announced2025, years: 2025...2025)
        #expect(calendar.isWorkingDay(d(26, 4, 2025)))
        #expect(!calendar.isWorkingDay(d(2, 5, 2025)))
        // Back from Tuesday 6/5/2025: Mon 5/5, Tue 29/4, Mon 28/4, then the working Saturday 26/4.
        #expect(calendar.adding(workingDays: -4, to: d(6, 5, 2025)) == d(26, 4, 2025))
        // Without the announcement: Mon 5/5, Fri 2/5, Tue 29/4, Mon 28/4.
        #expect(standard.adding(workingDays: -4, to: d(6, 5, 2025)) == d(28, 4, 2025))
        #expect(
            calendar.daysOff(in: 2025).filter { $0.kind == .override }.map(\.nameVietnamese) == [
                "Nghỉ hoán đổi, làm bù thứ Bảy 26/04/2025"
            ])
    }

    @Test("an announced working day cancels a computed holiday and takes no nghỉ bù")
    func workingDayCancelsHoliday() {
        // 2021's companion of Quốc khánh is Friday 3/9 by default; an announced working day takes it back.
        let rules2021 = HolidayRules(workingDays: [d(3, 9, 2021)])
        #expect(PublicHolidays.holidays(in: 2021).contains { $0.date == d(3, 9, 2021) })
        #expect(!PublicHolidays.holidays(in: 2021, rules: rules2021).contains { $0.date == d(3, 9, 2021) })
        #expect(WorkingCalendar(rules: rules2021).isWorkingDay(d(3, 9, 2021)))
        // 1/1/2022 is a Saturday: its nghỉ bù is Monday 3/1, unless that is announced as a working day.
        let noMonday = HolidayRules(workingDays: [d(3, 1, 2022)])
        let compensation = PublicHolidays.holidays(in: 2022, rules: noMonday).first { $0.kind == .weekendCompensation }
        #expect(compensation?.date == d(4, 1, 2022))
    }

    /// 24/11/2026 is a Tuesday, 24/11/2029 a Saturday; 15/8 âm lịch of 2029 is Saturday 22/9/2029.
    @Test(
        "declared holidays count in working-day arithmetic, with or without a nghỉ bù across a weekend",
        arguments: [
            // A weekday holiday: from Monday 23/11/2026, Wed 25, Thu 26, Fri 27 (Tuesday 24 is off).
            (HolidayDate.solar(month: 11, day: 24), true, d(23, 11, 2026), d(27, 11, 2026)),
            // On a Saturday with a nghỉ bù: from Thursday 22/11/2029, Fri 23, Tue 27, Wed 28 (Monday 26 is off).
            (.solar(month: 11, day: 24), true, d(22, 11, 2029), d(28, 11, 2029)),
            // On a Saturday without one: Fri 23, Mon 26, Tue 27.
            (.solar(month: 11, day: 24), false, d(22, 11, 2029), d(27, 11, 2029)),
            // Lunar, on Saturday 22/9/2029, with a nghỉ bù: from Thursday 20/9, Fri 21, Tue 25, Wed 26.
            (.lunar(month: 8, day: 15), true, d(20, 9, 2029), d(26, 9, 2029)),
            // Without one: Fri 21, Mon 24, Tue 25.
            (.lunar(month: 8, day: 15), false, d(20, 9, 2029), d(25, 9, 2029)),
        ])
    func declaredHolidays(_ date: HolidayDate, _ compensated: Bool, _ from: CivilDate, _ expected: CivilDate) {
        let rule = HolidayRule(
            kind: .declared, nameVietnamese: "Ngày nghỉ", nameEnglish: "Day off", date: date, firstYear: 2026,
            compensated: compensated, basis: "test")
        let calendar = WorkingCalendar(rules: HolidayRules(declaredHolidays: [rule]), years: 2026...2030)
        #expect(calendar.adding(workingDays: 3, to: from) == expected)
        #expect(calendar.adding(workingDays: -3, to: expected) == from)
        // The same answers computed on the spot, and none before the first year.
        #expect(
            WorkingCalendar(rules: HolidayRules(declaredHolidays: [rule])).adding(workingDays: 3, to: from) == expected)
        #expect(WorkingCalendar(rules: HolidayRules(declaredHolidays: [rule])).isWorkingDay(d(24, 11, 2025)))
    }

    /// Dates and counts far outside the supported years (issue 19: `due = "01/01/0001"` trapped in here) are
    /// answered: no holidays there, weekly days off still.
    @Test("no year, date or count traps the calendar")
    func total() {
        #expect(WorkingCalendar.supportedYears == 1901...2199)
        for years in [0...2, 9998...10_000, 1...9999, Int.min...Int.max, 2199...3000, 1800...1901] {
            let calendar = WorkingCalendar(years: years)
            #expect(calendar.precomputedYears == WorkingCalendar.supported(years), "\(years)")
            #expect(WorkingCalendar().covering(years).precomputedYears == WorkingCalendar.supported(years))
        }
        let calendar = WorkingCalendar(years: 2020...2021)
        #expect(calendar.covering(0...1).precomputedYears == 2020...2021)
        #expect(calendar.isWorkingDay(d(1, 1, 1)))  // a Monday; New Year's Day is not computed in year 1
        #expect(!calendar.isWorkingDay(d(6, 1, 1)))  // a Saturday
        #expect(calendar.isWorkingDay(d(31, 12, 9999)))  // a Friday
        for date in [d(1, 1, 1), d(31, 12, 9999), d(1, 1, 1900), d(31, 12, 2200)] {
            for n in [Int.min, -1_000_000, -3, 3, 1_000_000, Int.max] {
                _ = calendar.adding(workingDays: n, to: date)
            }
        }
        #expect(calendar.adding(workingDays: 3, to: d(1, 1, 1)) == d(4, 1, 1))
        #expect(calendar.adding(workingDays: Int.max, to: d(1, 1, 2000)) > d(1, 1, 2700))
    }

    @Test("weekly days off are configurable")
    func weekend() {
        let sundayOnly = WorkingCalendar(rules: HolidayRules(weeklyDaysOff: [.sunday]))
        #expect(sundayOnly.isWorkingDay(d(19, 12, 2020)))
        #expect(!sundayOnly.isWorkingDay(d(20, 12, 2020)))
        #expect(sundayOnly.adding(workingDays: -3, to: d(21, 12, 2020)) == d(17, 12, 2020))
    }

    @Test("extending the precomputed years changes no answer")
    func covering() {
        let narrow = WorkingCalendar(years: 2021...2021)
        let wide = narrow.covering(2019...2024)
        #expect(wide.precomputedYears == 2019...2024)
        #expect(narrow.covering(2021...2021).precomputedYears == 2021...2021)
        #expect(WorkingCalendar().covering(2020...2020).precomputedYears == 2020...2020)
        let bare = WorkingCalendar()
        var day = d(1, 1, 2019)
        while day <= d(31, 12, 2024) {
            #expect(wide.isWorkingDay(day) == bare.isWorkingDay(day), "\(day)")
            #expect(narrow.isWorkingDay(day) == bare.isWorkingDay(day), "\(day)")
            day = day.adding(days: 1)
        }
    }

    @Test("working moments: office hours on working days")
    func moments() {
        let friday = d(18, 12, 2020)
        #expect(standard.isWorkingMoment(LocalDateTime(friday, t(8))))
        #expect(standard.isWorkingMoment(LocalDateTime(friday, t(16, 59))))
        #expect(!standard.isWorkingMoment(LocalDateTime(friday, t(17))))
        #expect(!standard.isWorkingMoment(LocalDateTime(friday, t(7, 59))))
        #expect(!standard.isWorkingMoment(LocalDateTime(d(19, 12, 2020), t(10))))
        // The next working morning: later the same day, or the next working day at the preferred time.
        #expect(
            standard.nextWorkingMoment(from: LocalDateTime(friday, t(6)), morning: t(8)) == LocalDateTime(friday, t(8)))
        #expect(
            standard.nextWorkingMoment(from: LocalDateTime(friday, t(18)), morning: t(8))
                == LocalDateTime(d(21, 12, 2020), t(8)))
        #expect(
            standard.nextWorkingMoment(from: LocalDateTime(d(9, 2, 2021), t(20)), morning: t(9))
                == LocalDateTime(d(17, 2, 2021), t(9)))
        // A preferred time outside office hours gives way to their start.
        #expect(standard.morningTime(preferring: t(6)) == t(8))
        #expect(
            standard.previousWorkingMorning(from: LocalDateTime(d(20, 12, 2020), t(8)), morning: t(8))
                == LocalDateTime(friday, t(8)))
        #expect(
            standard.previousWorkingMorning(from: LocalDateTime(friday, t(7)), morning: t(8))
                == LocalDateTime(d(17, 12, 2020), t(8)))
    }

    @Test("a due date on a day off: kept, or moved to the working day before or after")
    func duePolicy() {
        let sunday = LocalDateTime(d(20, 12, 2020), t(17))
        #expect(standard.dueMoment(sunday, policy: .keep) == sunday)
        #expect(standard.dueMoment(sunday, policy: .before) == LocalDateTime(d(18, 12, 2020), t(17)))
        #expect(standard.dueMoment(sunday, policy: .after) == LocalDateTime(d(21, 12, 2020), t(17)))
        let mung1 = LocalDateTime(d(12, 2, 2021), t(15))
        #expect(standard.dueMoment(mung1, policy: .before) == LocalDateTime(d(9, 2, 2021), t(15)))
        #expect(standard.dueMoment(mung1, policy: .after) == LocalDateTime(d(17, 2, 2021), t(15)))
        let thursday = LocalDateTime(d(10, 12, 2020), t(17))
        #expect(standard.dueMoment(thursday, policy: .after) == thursday)
    }

    @Test(
        "office hours as admins write them",
        arguments: [
            ("08:00-17:00", "08:00-17:00"), ("7:30 - 16:30", "07:30-16:30"), ("7h30–17h", "07:30-17:00"),
            ("00:00-24:00", "00:00-24:00"),
        ])
    func hours(_ text: String, _ shown: String) {
        #expect(WorkingHours(parsing: text)?.description == shown)
    }

    @Test(
        "office hours that are not a span", arguments: ["17:00-08:00", "08:00", "8-17", "08:00-08:00", "08:00-25:00"])
    func badHours(_ text: String) {
        #expect(WorkingHours(parsing: text) == nil)
    }
}

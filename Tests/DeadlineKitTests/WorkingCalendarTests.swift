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
        #expect(calendar.daysOff(in: 2025).filter { $0.kind == .override }.map(\.nameVietnamese) == [
            "Nghỉ hoán đổi, làm bù thứ Bảy 26/04/2025"
        ])
    }

    @Test("an announced working day cancels a computed holiday and takes no nghỉ bù")
    func workingDayCancelsHoliday() {
        // 2020: Quốc khánh was one day (Labour Code 2012); the default's companion 1/9 is taken back.
        let rules2020 = HolidayRules(workingDays: [d(1, 9, 2020)])
        #expect(PublicHolidays.holidays(in: 2020).contains { $0.date == d(1, 9, 2020) })
        #expect(!PublicHolidays.holidays(in: 2020, rules: rules2020).contains { $0.date == d(1, 9, 2020) })
        #expect(WorkingCalendar(rules: rules2020).isWorkingDay(d(1, 9, 2020)))
        // 1/1/2022 is a Saturday: its nghỉ bù is Monday 3/1, unless that is announced as a working day.
        let noMonday = HolidayRules(workingDays: [d(3, 1, 2022)])
        let compensation = PublicHolidays.holidays(in: 2022, rules: noMonday).first { $0.kind == .weekendCompensation }
        #expect(compensation?.date == d(4, 1, 2022))
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

    @Test("office hours that are not a span", arguments: ["17:00-08:00", "08:00", "8-17", "08:00-08:00", "08:00-25:00"])
    func badHours(_ text: String) {
        #expect(WorkingHours(parsing: text) == nil)
    }
}

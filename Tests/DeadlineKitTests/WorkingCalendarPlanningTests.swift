import DeadlineKit
import Testing

private func d(_ day: Int, _ month: Int, _ year: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }
private func t(_ hour: Int, _ minute: Int = 0) -> TimeOfDay { TimeOfDay(hour: hour, minute: minute)! }
private let zone = ZoneRules.vietnam
private func at(_ day: Int, _ month: Int, _ year: Int, _ hour: Int = 0, _ minute: Int = 0) -> Instant {
    zone.instant(for: LocalDateTime(d(day, month, year), t(hour, minute)))
}

/// One unit on one webhook channel, so each rule gives exactly one reminder.
private func planner(_ deadlines: [Deadline], rules holidayRules: HolidayRules = HolidayRules()) -> ReminderPlanner {
    ReminderPlanner(
        agenda: Agenda(
            settings: AgendaSettings(zone: zone, defaultChannels: ["chat"], holidayRules: holidayRules),
            units: [Unit(id: "so-khdt", name: "Sở Kế hoạch và Đầu tư")],
            channels: [ChannelInfo(name: "chat", kind: .webhook)], documents: [], deadlines: deadlines))
}

private func deadline(_ id: String, due: LocalDateTime, _ rules: ReminderRules) -> Deadline {
    Deadline(id: id, task: "Báo cáo", documentRef: nil, units: ["so-khdt"], schedule: .once(due), rules: rules)
}

/// `"2021-02-05T08:00 3wd"`: each reminder's local send time and rule.
private func summary(_ plan: [PlannedReminder]) -> [String] {
    plan.map { "\(zone.localDateTime(at: $0.sendAt)) \($0.rule)" }
}

private let year = (from: at(1, 1, 2020), to: at(1, 1, 2026))

@Suite("Planning on the working calendar")
struct WorkingCalendarPlanningTests {
    @Test("3wd before a deadline just after Tết 2021 skips the break; overdue 1wd skips weekends")
    func workingDaysAcrossTet() {
        let rules = ReminderRules(
            before: [.workingDays(3)], onDue: false, overdueEvery: .workingDays(1), overdueLimit: 2)
        let plan = planner([deadline("x", due: LocalDateTime(d(17, 2, 2021), t(17)), rules)])
            .reminders(from: year.from, to: year.to)
        // 3wd: Tue 9/2, Mon 8/2, Fri 5/2. Urging: Thu 18/2 and Fri 19/2, then none (limit 2).
        #expect(summary(plan) == ["2021-02-05T08:00 3wd", "2021-02-18T08:00 overdue-1", "2021-02-19T08:00 overdue-2"])
    }

    @Test("a working Saturday counts and gets its reminder; a swapped day off does not")
    func overrides() {
        let announced = HolidayRules(
            extraDaysOff: [AnnouncedDayOff(date: d(2, 5, 2025))], workingDays: [d(26, 4, 2025)])
        let rules = ReminderRules(before: [.workingDays(4), .workingDays(3)], onDue: false, overdueEvery: nil)
        let due = LocalDateTime(d(6, 5, 2025), t(17))
        let plan = planner([deadline("x", due: due, rules)], rules: announced).reminders(from: year.from, to: year.to)
        #expect(summary(plan) == ["2025-04-26T08:00 4wd", "2025-04-28T08:00 3wd"])
    }

    @Test(
        "a deadline due on Sunday 20/12/2020: kept, or moved before or after",
        arguments: [
            (DayOffDuePolicy.keep, "2020-12-20T17:00", ["2020-12-16T08:00 3wd", "2020-12-18T08:00 1d"]),
            (.before, "2020-12-18T17:00", ["2020-12-15T08:00 3wd", "2020-12-17T08:00 1d", "2020-12-18T08:00 due"]),
            (.after, "2020-12-21T17:00", ["2020-12-16T08:00 3wd", "2020-12-21T08:00 1d"]),
        ])
    func duePolicies(_ policy: DayOffDuePolicy, _ due: String, _ expected: [String]) {
        let rules = ReminderRules(
            before: [.workingDays(3), .days(1)], onDue: true, overdueEvery: nil, dueOnDayOff: policy)
        let planner = planner([deadline("x", due: LocalDateTime(d(20, 12, 2020), t(17)), rules)])
        let plan = planner.reminders(from: year.from, to: year.to)
        #expect(plan.allSatisfy { zone.localDateTime(at: $0.due).description == due })
        // keep: 1d (Saturday) and the due-day reminder (Sunday) would both come Monday, after the due moment, so both
        // go back to Friday 08:00, where only 1d, the earlier rule, stays. before: due Friday, all on working days.
        // after: due Monday; 1d (Sunday) moves to Monday 08:00, still before 17:00, where the due-day reminder is.
        #expect(summary(plan) == expected)
        let agenda = planner.agenda
        #expect(agenda.dueMoment(of: agenda.deadlines[0], occurrence: d(20, 12, 2020)).description == due)
        #expect(planner.status(ofDeadlineAt: 0, now: at(19, 12, 2020, 9)).occurrence == d(20, 12, 2020))
    }

    @Test("reminders outside office hours move to the next working morning, never past the due moment")
    func quietHours() {
        let rules = ReminderRules(
            before: [.hours(2), .minutes(30)], onDue: false, overdueEvery: .hours(4), overdueLimit: 2)
        let plan = planner([
            deadline("sang-som", due: LocalDateTime(d(10, 12, 2020), t(9)), rules),  // 07:00 and 08:30
            deadline("thu-hai", due: LocalDateTime(d(14, 12, 2020), t(8)), rules),  // Monday 06:00 and 07:30
            deadline("toi", due: LocalDateTime(d(15, 12, 2020), t(20)), rules),  // 18:00 and 19:30
        ]).reminders(from: year.from, to: year.to)
        #expect(
            summary(plan) == [
                "2020-12-10T08:00 2h", "2020-12-10T08:30 30m",  // 07:00 waits for the office to open
                "2020-12-10T13:00 overdue-1", "2020-12-11T08:00 overdue-2",  // 13:00; 17:00 moves to the next morning
                "2020-12-11T08:00 2h",  // Monday 06:00 and 07:30: 08:00 is the due moment, so both back to Friday
                "2020-12-14T12:00 overdue-1", "2020-12-14T16:00 overdue-2",  // within office hours: unchanged
                "2020-12-15T08:00 2h",  // 18:00 and 19:30: the next morning is too late, so the same day's morning
                // 00:00, 04:00 and 08:00 all come the next morning: sent once, and urging goes on at 12:00, so that
                // overdue_limit = 2 means two urgings sent.
                "2020-12-16T08:00 overdue-1", "2020-12-16T12:00 overdue-2",
            ])
    }

    @Test("urging can be allowed to go out at night and on days off")
    func overdueOffHours() {
        let rules = ReminderRules(
            before: [.days(1)], onDue: false, overdueEvery: .days(1), overdueLimit: 2, overdueOffHours: .send)
        let plan = planner([deadline("x", due: LocalDateTime(d(11, 12, 2020), t(17)), rules)])
            .reminders(from: year.from, to: year.to)
        #expect(summary(plan) == ["2020-12-10T08:00 1d", "2020-12-12T08:00 overdue-1", "2020-12-13T08:00 overdue-2"])
        let sendAll = ReminderRules(before: [.days(1)], onDue: false, overdueEvery: nil, offHours: .send)
        let weekend = planner([deadline("y", due: LocalDateTime(d(14, 12, 2020), t(17)), sendAll)])
            .reminders(from: year.from, to: year.to)
        #expect(summary(weekend) == ["2020-12-13T08:00 1d"])
    }

    @Test("reminders that collapse onto one moment are kept once, with the earliest rule, and keys name rules")
    func dedupe() {
        // Due Wednesday 17/2/2021 after Tết: 7d (10/2), 3d (14/2) and 1d (16/2) all fall in the break.
        let rules = ReminderRules(before: [.days(7), .days(3), .days(1)], onDue: true, overdueEvery: nil)
        let planner = planner([deadline("x", due: LocalDateTime(d(17, 2, 2021), t(17)), rules)])
        let plan = planner.reminders(from: year.from, to: year.to)
        #expect(summary(plan) == ["2021-02-17T08:00 7d"])
        #expect(plan.map { planner.key(of: $0) } == ["x|2021-02-17|7d|so-khdt|chat"])
    }

    @Test("whatever the rules, nothing is sent off hours and nothing before the due moment comes after it")
    func invariants() {
        let rules = ReminderRules(
            before: [.weeks(1), .days(3), .workingDays(2), .days(1), .hours(3), .minutes(45)], onDue: true,
            overdueEvery: .hours(7), overdueLimit: 6)
        var deadlines: [Deadline] = []
        var day = d(1, 1, 2021)
        for i in 0..<400 {
            let due = LocalDateTime(day, t((i * 5) % 24, (i * 13) % 60))
            deadlines.append(deadline("d\(i)", due: due, rules))
            day = day.adding(days: 1)
        }
        let planner = planner(deadlines)
        let calendar = planner.agenda.calendar.covering(2020...2022)
        let plan = planner.reminders(from: year.from, to: year.to)
        #expect(plan.count > 1500)
        for r in plan {
            #expect(calendar.isWorkingMoment(zone.localDateTime(at: r.sendAt)), "\(planner.key(of: r))")
            if r.kind == .before || r.kind == .due { #expect(r.sendAt < r.due, "\(planner.key(of: r))") }
            if r.kind == .overdue { #expect(r.sendAt > r.due, "\(planner.key(of: r))") }
        }
        let perOccurrence = Dictionary(grouping: plan, by: \.deadlineIndex)
        #expect(perOccurrence.values.allSatisfy { Set($0.map(\.sendAt)).count == $0.count })
    }

    @Test("a year of 2 000 monthly deadlines plans quickly")
    func manyDeadlines() {
        let rules = ReminderRules(before: [.days(7), .workingDays(3), .days(1)], overdueEvery: .workingDays(1))
        let deadlines = (0..<2_000).map { i in
            Deadline(
                id: "bao-cao-\(i)", task: "Báo cáo tháng", documentRef: nil, units: ["so-khdt"],
                schedule: .recurring(Recurrence(pattern: Recurrence.monthly(day: .day(1 + i % 28)), time: t(17))),
                rules: rules)
        }
        let planner = planner(deadlines)
        let plan = planner.reminders(from: at(1, 1, 2025), to: at(1, 1, 2026))
        #expect(plan.count > 2_000 * 12 * 5)
    }

    /// Issue 19: a deadline due in year 1 or 9999 made the agenda build its calendar for years 0 or 10000, and
    /// trap; so did planning at those edges (`list --now 01/01/0001`, `plan --now 31/12/9999`).
    @Test("deadlines and windows at the ends of the calendar plan without trapping")
    func farYears() {
        let rules = ReminderRules(before: [.workingDays(3), .days(1)], overdueEvery: .workingDays(1), overdueLimit: 2)
        let early = deadline("som", due: LocalDateTime(d(1, 1, 1), t(17)), rules)
        let late = deadline("muon", due: LocalDateTime(d(31, 12, 9999), t(17)), rules)
        let edges = planner([early, late])
        #expect(edges.agenda.calendar.precomputedYears == nil)
        _ = edges.reminders(from: at(1, 1, 1), to: at(10, 1, 1))
        _ = edges.reminders(from: at(20, 12, 9999), to: at(31, 12, 9999, 23, 59))
        // Years named from 1889 to 2021, at most 30 from the earliest, within the supported years.
        let old = deadline("cu", due: LocalDateTime(d(1, 1, 1890), t(17)), rules)
        let mixed = planner([old, deadline("x", due: LocalDateTime(d(10, 12, 2020), t(17)), rules)])
        #expect(mixed.agenda.calendar.precomputedYears == 1901...1920)
    }
}

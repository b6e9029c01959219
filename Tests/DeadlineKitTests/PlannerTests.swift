import DeadlineKit
import Testing

private func d(_ day: Int, _ m: Int, _ y: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }
private func t(_ h: Int, _ m: Int = 0) -> TimeOfDay { TimeOfDay(hour: h, minute: m)! }
private let zone = ZoneRules.vietnam
private func at(_ day: Int, _ m: Int, _ y: Int, _ h: Int, _ min: Int = 0) -> Instant {
    zone.instant(for: LocalDateTime(d(day, m, y), t(h, min)))
}
private func mailbox(_ s: String) -> Mailbox { try! Mailbox.parse(s).get() }

/// A small agenda: two sở in a group, an email channel, a chat webhook.
private func agenda(_ deadlines: [Deadline], onePerRecipient: Bool = false) -> Agenda {
    Agenda(
        settings: AgendaSettings(zone: zone, defaultChannels: ["email"]),
        units: [
            Unit(
                id: "so-khdt", name: "Sở Kế hoạch và Đầu tư",
                recipients: [mailbox("a@khdt.example"), mailbox("b@khdt.example")]),
            Unit(
                id: "so-tc", name: "Sở Tài chính", recipients: [mailbox("c@stc.example")], channels: ["email", "chat"]),
            Unit(id: "cac-so", name: "Các sở", members: ["so-khdt", "so-tc"]),
        ],
        channels: [
            ChannelInfo(name: "email", kind: .smtp, onePerRecipient: onePerRecipient),
            ChannelInfo(name: "chat", kind: .webhook),
        ],
        documents: [Document(ref: "5418/UBND-TKBT", issued: d(19, 11, 2020))],
        deadlines: deadlines)
}

private let rules = ReminderRules(
    before: [.days(7), .days(3), .days(1), .hours(2)], onDue: true, overdueEvery: .days(1), overdueLimit: 2,
    sendTime: t(8))
private let deXuat = Deadline(
    id: "5418-de-xuat", task: "Báo cáo đề xuất", documentRef: "5418/UBND-TKBT", units: ["so-khdt"],
    schedule: .once(LocalDateTime(d(10, 12, 2020), t(17))), rules: rules)

@Suite("The planner")
struct PlannerTests {
    @Test("each rule's send time, in order, for a deadline due 17:00 10/12/2020")
    func sendTimes() {
        let planner = ReminderPlanner(agenda: agenda([deXuat]))
        let plan = planner.reminders(from: at(20, 11, 2020, 0), to: at(31, 12, 2020, 0))
        #expect(
            plan.map { zone.iso8601($0.sendAt) } == [
                "2020-12-03T08:00:00+07:00", "2020-12-07T08:00:00+07:00", "2020-12-09T08:00:00+07:00",
                "2020-12-10T08:00:00+07:00", "2020-12-10T15:00:00+07:00", "2020-12-11T08:00:00+07:00",
                "2020-12-14T08:00:00+07:00",  // overdue-2 falls on Saturday 12/12: it waits for Monday morning
            ])
        #expect(plan.map(\.rule.description) == ["7d", "3d", "1d", "due", "2h", "overdue-1", "overdue-2"])
        #expect(plan.map(\.kind) == [.before, .before, .before, .due, .before, .overdue, .overdue])
        #expect(plan.allSatisfy { zone.iso8601($0.due) == "2020-12-10T17:00:00+07:00" })
        #expect(planner.key(of: plan[0]) == "5418-de-xuat|2020-12-10|7d|so-khdt|email")
        #expect(planner.target(of: plan[0]).recipients.map(\.address) == ["a@khdt.example", "b@khdt.example"])
    }

    @Test("a compacted agenda (the daemon's copy) has the same deadlines, index and plan")
    func compacted() {
        let original = agenda([deXuat])
        let copy = original.compacted()
        #expect(copy.deadlines == original.deadlines)
        #expect(copy.deadlineIndex == original.deadlineIndex)
        let window = (from: at(20, 11, 2020, 0), to: at(31, 12, 2020, 0))
        #expect(
            ReminderPlanner(agenda: copy).reminders(from: window.from, to: window.to)
                == ReminderPlanner(agenda: original).reminders(from: window.from, to: window.to))
    }

    @Test("the window is half-open: from <= send_at < to")
    func window() {
        let planner = ReminderPlanner(agenda: agenda([deXuat]))
        let plan = planner.reminders(from: at(7, 12, 2020, 8), to: at(10, 12, 2020, 8))
        #expect(plan.map(\.rule.description) == ["3d", "1d"])
    }

    @Test("done occurrences get no reminders; snoozed ones none before the snooze ends")
    func doneAndSnoozed() {
        let planner = ReminderPlanner(agenda: agenda([deXuat]))
        let id = OccurrenceID(deadlineID: "5418-de-xuat", date: d(10, 12, 2020))
        let done = PlannerState(done: [id: ["*": at(8, 12, 2020, 10)]])
        #expect(planner.reminders(from: at(1, 12, 2020, 0), to: at(31, 12, 2020, 0), state: done).isEmpty)
        let snoozed = PlannerState(snoozedUntil: [id: ["*": at(10, 12, 2020, 12)]])
        let plan = planner.reminders(from: at(1, 12, 2020, 0), to: at(31, 12, 2020, 0), state: snoozed)
        #expect(plan.map(\.rule.description) == ["2h", "overdue-1", "overdue-2"])
    }

    @Test("a group reaches each member on each of its channels; webhooks have no recipients")
    func groupsAndChannels() {
        let deadline = Deadline(
            id: "x", task: "Việc", documentRef: nil, units: ["cac-so"],
            schedule: .once(LocalDateTime(d(10, 12, 2020), t(17))),
            rules: ReminderRules(before: [.days(1)], onDue: false, overdueEvery: nil, overdueLimit: 0, sendTime: t(8)))
        let planner = ReminderPlanner(agenda: agenda([deadline]))
        let plan = planner.reminders(from: at(1, 12, 2020, 0), to: at(31, 12, 2020, 0))
        #expect(
            plan.map { planner.key(of: $0) } == [
                "x|2020-12-10|1d|so-khdt|email", "x|2020-12-10|1d|so-tc|email", "x|2020-12-10|1d|so-tc|chat",
            ])
        #expect(planner.target(of: plan[2]).recipients.isEmpty)
        let split = ReminderPlanner(agenda: agenda([deadline], onePerRecipient: true))
        #expect(
            split.reminders(from: at(1, 12, 2020, 0), to: at(31, 12, 2020, 0)).map { split.key(of: $0) } == [
                "x|2020-12-10|1d|so-khdt|email|a@khdt.example", "x|2020-12-10|1d|so-khdt|email|b@khdt.example",
                "x|2020-12-10|1d|so-tc|email|c@stc.example", "x|2020-12-10|1d|so-tc|chat",
            ])
    }

    @Test("a monthly report plans each month's occurrence, and the same plan comes out every time")
    func recurringAndStable() {
        let report = Deadline(
            id: "bao-cao-thang", task: "Báo cáo tháng", documentRef: nil, units: ["so-khdt"],
            schedule: .recurring(
                Recurrence(pattern: Recurrence.monthly(day: .day(20)), time: t(17), start: d(1, 1, 2021))),
            rules: ReminderRules(before: [.days(1)], onDue: false, overdueEvery: nil, overdueLimit: 0, sendTime: t(8)))
        let planner = ReminderPlanner(agenda: agenda([report, deXuat]))
        let plan = planner.reminders(from: at(1, 1, 2021, 0), to: at(1, 1, 2022, 0))
        #expect(plan.count == 12)
        #expect(plan.map(\.occurrence.month) == Array(1...12))
        #expect(plan.first.map { zone.iso8601($0.sendAt) } == "2021-01-19T08:00:00+07:00")
        #expect(planner.reminders(from: at(1, 1, 2021, 0), to: at(1, 1, 2022, 0)) == plan)
    }

    @Test("status: upcoming, due today, overdue, done")
    func status() {
        let planner = ReminderPlanner(agenda: agenda([deXuat]))
        func state(_ now: Instant, _ s: PlannerState = .empty) -> DeadlineStatus.State {
            planner.status(ofDeadlineAt: 0, now: now, state: s).state
        }
        #expect(state(at(20, 11, 2020, 9)) == .upcoming(daysLeft: 20))
        #expect(state(at(10, 12, 2020, 9)) == .dueToday)
        #expect(state(at(10, 12, 2020, 18)) == .overdue(days: 0))
        #expect(state(at(13, 12, 2020, 9)) == .overdue(days: 3))
        let done = PlannerState(done: [
            OccurrenceID(deadlineID: "5418-de-xuat", date: d(10, 12, 2020)): ["*": at(9, 12, 2020, 9)]
        ])
        #expect(state(at(13, 12, 2020, 9), done) == .done)
        let next = planner.status(ofDeadlineAt: 0, now: at(20, 11, 2020, 9)).nextReminder
        #expect(next.map { zone.iso8601($0.sendAt) } == "2020-12-03T08:00:00+07:00")
    }
}

import DeadlineKit
import Testing

/// `forEachReminder` (the plan streamed in send order, for `plan --json` over a year) hands out exactly what
/// `reminders(from:to:)` returns, in the same order: with recurring and one-off deadlines, days off that move
/// reminders, escalations to heads and supervisors, digests, and done and snoozed occurrences.
@Suite struct PlanStreamTests {
    static let zone = ZoneRules.vietnam

    static func d(_ day: Int, _ m: Int, _ y: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }
    static func t(_ h: Int, _ m: Int = 0) -> TimeOfDay { TimeOfDay(hour: h, minute: m)! }
    static func at(_ day: Int, _ m: Int, _ y: Int, _ h: Int = 0) -> Instant {
        zone.instant(for: LocalDateTime(d(day, m, y), t(h)))
    }
    static func mailbox(_ s: String) -> Mailbox { try! Mailbox.parse(s).get() }

    /// Forty deadlines of every shape, over three units (one with a digest at 07:30) and two channels.
    static let planner: ReminderPlanner = {
        let supervisor = mailbox("Văn phòng Thành ủy <vanphong@thanhuy.example>")
        let escalation = EscalationRule(afterUrges: 2, every: .workingDays(2), limit: 2, supervisors: [supervisor])
        let units = [
            Unit(
                id: "so-khdt", name: "Sở Kế hoạch và Đầu tư", recipients: [mailbox("vanthu@khdt.example")],
                heads: [mailbox("giamdoc@khdt.example")], escalation: escalation),
            Unit(
                id: "so-tc", name: "Sở Tài chính", recipients: [mailbox("vanthu@stc.example")],
                heads: [mailbox("giamdoc@stc.example")], escalation: escalation),
            Unit(
                id: "so-xd", name: "Sở Xây dựng", recipients: [mailbox("vanthu@sxd.example")],
                digest: Unit.Digest(time: t(7, 30))),
        ]
        let patterns: [Recurrence.Pattern] = [
            Recurrence.monthly(day: .day(20)), Recurrence.quarterly(day: .last), .weekly(.friday),
            Recurrence.yearly(month: 2, day: 14), Recurrence.monthly(day: .day(31)),
        ]
        let rules = [
            ReminderRules(before: [.days(7), .workingDays(3), .hours(2)], overdueEvery: .days(1), overdueLimit: 4),
            ReminderRules(
                before: [.weeks(2), .days(1)], overdueEvery: .hours(4), overdueLimit: 3, dueOnDayOff: .before),
            ReminderRules(
                before: [.days(3)], onDue: false, overdueEvery: .workingDays(1), overdueLimit: 2, offHours: .send),
        ]
        var deadlines: [Deadline] = []
        for i in 0..<40 {
            let schedule: Schedule =
                i % 2 == 0
                ? .recurring(Recurrence(pattern: patterns[i / 2 % patterns.count], time: t(17), start: d(1, 1, 2026)))
                : .once(LocalDateTime(d(1, 1, 2026).adding(days: i * 9 % 365), t(i % 3 == 0 ? 15 : 17)))
            let unitIDs = i % 5 == 0 ? ["so-khdt", "so-tc"] : [units[i % 3].id]
            deadlines.append(
                Deadline(
                    id: "viec-\(i)", task: "Việc số \(i)", documentRef: nil, units: unitIDs, schedule: schedule,
                    rules: rules[i % rules.count]))
        }
        let agenda = Agenda(
            settings: AgendaSettings(zone: zone, defaultChannels: ["email", "chat"]), units: units,
            channels: [ChannelInfo(name: "email", kind: .smtp), ChannelInfo(name: "chat", kind: .webhook)],
            documents: [],
            deadlines: deadlines)
        return ReminderPlanner(agenda: agenda)
    }()

    static func streamed(from: Instant, to: Instant, state: PlannerState = .empty) -> [PlannedReminder] {
        var out: [PlannedReminder] = []
        planner.forEachReminder(from: from, to: to, state: state) { out.append($0) }
        return out
    }

    @Test(arguments: [
        (at(1, 1, 2026), at(1, 1, 2027)),  // a year, Tết included
        (at(10, 2, 2026, 9), at(24, 2, 2026, 16)),  // two weeks around Tết
        (at(2, 3, 2026, 8), at(2, 3, 2026, 9)),  // an hour
        (at(1, 12, 2025), at(1, 3, 2027)),  // fifteen months
    ])
    func sameAsTheArray(window: (Instant, Instant)) {
        let array = Self.planner.reminders(from: window.0, to: window.1)
        #expect(!array.isEmpty || window.1.secondsSinceEpoch - window.0.secondsSinceEpoch < 86_400)
        #expect(Self.streamed(from: window.0, to: window.1) == array)
    }

    @Test func digestsAndEscalationsAreInTheYear() {
        let year = Self.streamed(from: Self.at(1, 1, 2026), to: Self.at(1, 1, 2027))
        #expect(year.contains { $0.kind == .digest })
        #expect(year.contains { $0.kind == .escalation })
        #expect(year.contains { $0.kind == .overdue })
    }

    @Test func doneAndSnoozedAreLeftOutTheSame() {
        var state = PlannerState()
        state.markDone(
            OccurrenceID(deadlineID: "viec-0", date: Self.d(20, 3, 2026)), unit: PlannerState.everyUnit,
            at: Self.at(1, 3, 2026))
        state.markDone(
            OccurrenceID(deadlineID: "viec-10", date: Self.d(20, 6, 2026)), unit: "so-tc", at: Self.at(1, 6, 2026))
        state.snooze(
            OccurrenceID(deadlineID: "viec-4", date: Self.d(27, 2, 2026)), unit: "so-xd", until: Self.at(25, 2, 2026))
        let from = Self.at(1, 1, 2026)
        let to = Self.at(1, 1, 2027)
        let array = Self.planner.reminders(from: from, to: to, state: state)
        #expect(array.count < Self.planner.reminders(from: from, to: to).count)
        #expect(Self.streamed(from: from, to: to, state: state) == array)
    }

    @Test func anEmptyWindowHandsOutNothing() {
        #expect(Self.streamed(from: Self.at(2, 3, 2026), to: Self.at(2, 3, 2026)).isEmpty)
        #expect(Self.streamed(from: Self.at(3, 3, 2026), to: Self.at(2, 3, 2026)).isEmpty)
    }
}

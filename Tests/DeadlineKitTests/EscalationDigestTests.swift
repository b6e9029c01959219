import DeadlineKit
import Testing

private func d(_ day: Int, _ m: Int, _ y: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }
private func t(_ h: Int, _ m: Int = 0) -> TimeOfDay { TimeOfDay(hour: h, minute: m)! }
private let zone = ZoneRules.vietnam
private func at(_ day: Int, _ m: Int, _ y: Int, _ h: Int, _ min: Int = 0) -> Instant {
    zone.instant(for: LocalDateTime(d(day, m, y), t(h, min)))
}
private func mailbox(_ s: String) -> Mailbox { try! Mailbox.parse(s).get() }

private let heads = [mailbox("Giám đốc Sở <giamdoc@khdt.example>")]
private let supervisor = mailbox("Văn phòng Thành ủy <vanphong@thanhuy.example>")

private func agenda(
    _ deadlines: [Deadline], unitEscalation: EscalationRule? = nil, digest: Unit.Digest? = nil
) -> Agenda {
    Agenda(
        settings: AgendaSettings(zone: zone, defaultChannels: ["email"]),
        units: [
            Unit(
                id: "so-khdt", name: "Sở Kế hoạch và Đầu tư", recipients: [mailbox("vanthu@khdt.example")],
                heads: heads,
                escalation: unitEscalation, digest: digest),
            Unit(id: "so-tc", name: "Sở Tài chính", recipients: [mailbox("vanthu@stc.example")]),
        ],
        channels: [ChannelInfo(name: "email", kind: .smtp)],
        documents: [Document(ref: "5418/UBND-TKBT", issued: d(19, 11, 2020))],
        deadlines: deadlines)
}

/// Due 17:00 Thursday 10/12/2020; urging every day, 5 times (Saturday's and Sunday's fold into Monday's, and urging
/// goes on until five were sent).
private func deadline(
    _ id: String = "5418-de-xuat", due: CivilDate = d(10, 12, 2020), units: [String] = ["so-khdt"],
    escalation: EscalationRule? = nil, own: Bool = false
) -> Deadline {
    Deadline(
        id: id, task: "Báo cáo đề xuất nhiệm vụ, giải pháp", documentRef: "5418/UBND-TKBT", units: units,
        schedule: .once(LocalDateTime(due, t(17))),
        rules: ReminderRules(
            before: [.days(7), .days(1)], onDue: true, overdueEvery: .days(1), overdueLimit: 5, escalation: escalation),
        escalationIsOwn: own)
}

@Suite("Escalation to the heads of units, and daily digests")
struct EscalationDigestTests {
    @Test("overdue_limit = 5 means five urgings sent, on five working mornings, however the weekend falls: lần 1 to 5")
    func urgingNumbers() {
        let planner = ReminderPlanner(agenda: agenda([deadline()]))
        let plan = planner.reminders(from: at(1, 12, 2020, 0), to: at(31, 12, 2020, 0)).filter { $0.kind == .overdue }
        #expect(plan.map(\.rule.description) == ["overdue-1", "overdue-2", "overdue-3", "overdue-4", "overdue-5"])
        // Friday 11; Saturday's, Sunday's and Monday's come Monday 14, once; then 15, 16, 17.
        #expect(
            plan.map { zone.iso8601($0.sendAt) } == [
                "2020-12-11T08:00:00+07:00", "2020-12-14T08:00:00+07:00", "2020-12-15T08:00:00+07:00",
                "2020-12-16T08:00:00+07:00", "2020-12-17T08:00:00+07:00",
            ])
    }

    @Test("a deadline due the Tuesday before Tết gets its five urgings after Tết, not one")
    func urgingAcrossTet() {
        let planner = ReminderPlanner(agenda: agenda([deadline(due: d(9, 2, 2021))]))
        let plan = planner.reminders(from: at(1, 2, 2021, 0), to: at(31, 3, 2021, 0)).filter { $0.kind == .overdue }
        // Tết Tân Sửu: days off from Wednesday 10/02 to Tuesday 16/02/2021.
        #expect(
            plan.map { zone.iso8601($0.sendAt) } == [
                "2021-02-17T08:00:00+07:00", "2021-02-18T08:00:00+07:00", "2021-02-19T08:00:00+07:00",
                "2021-02-22T08:00:00+07:00", "2021-02-23T08:00:00+07:00",
            ])
        #expect(plan.map(\.rule.description) == ["overdue-1", "overdue-2", "overdue-3", "overdue-4", "overdue-5"])
    }

    @Test("after 3 urging reminders: the heads and the supervisors, then every 2 working days, 3 times")
    func afterUrges() {
        let rule = EscalationRule(afterUrges: 3, every: .workingDays(2), limit: 3, supervisors: [supervisor])
        let planner = ReminderPlanner(agenda: agenda([deadline(escalation: rule)]))
        let plan = planner.reminders(from: at(1, 12, 2020, 0), to: at(31, 12, 2020, 0))
        let escalations = plan.filter { $0.kind == .escalation }
        // Three urgings (11, 14, 15/12): the first escalation in the place of the fourth, Wednesday 16/12; then 2
        // working days later: Friday 18/12 and Tuesday 22/12.
        #expect(
            escalations.map { zone.iso8601($0.sendAt) } == [
                "2020-12-16T08:00:00+07:00", "2020-12-18T08:00:00+07:00", "2020-12-22T08:00:00+07:00",
            ])
        #expect(escalations.map(\.rule.description) == ["escalation-1", "escalation-2", "escalation-3"])
        let target = planner.target(of: escalations[0])
        #expect(target.audience == .heads)
        #expect(target.recipients.map(\.address) == ["giamdoc@khdt.example", "vanphong@thanhuy.example"])
        #expect(planner.key(of: escalations[0]) == "5418-de-xuat|2020-12-10|escalation-1|so-khdt|email")
        // The unit's own reminders still go to its văn thư.
        #expect(plan.filter { $0.kind != .escalation }.allSatisfy { planner.target(of: $0).audience == .unit })
        // An escalation takes the place of the urging of its moment: the unit is not urged on 16 or 18/12, and
        // its five urgings are 11, 14, 15, 17 and 21/12.
        #expect(
            plan.filter { $0.kind == .overdue }.map { "\($0.rule) \(zone.iso8601($0.sendAt))" } == [
                "overdue-1 2020-12-11T08:00:00+07:00", "overdue-2 2020-12-14T08:00:00+07:00",
                "overdue-3 2020-12-15T08:00:00+07:00",
                "overdue-4 2020-12-17T08:00:00+07:00", "overdue-5 2020-12-21T08:00:00+07:00",
            ])
    }

    @Test(
        "escalate_after_urges = 2: the head hears in the place of the third urging; the unit is not urged that minute")
    func escalationTakesTheUrgingsPlace() {
        let rule = EscalationRule(afterUrges: 2, every: .workingDays(2), limit: 1)
        let planner = ReminderPlanner(agenda: agenda([deadline(escalation: rule)]))
        let plan = planner.reminders(from: at(11, 12, 2020, 0), to: at(16, 12, 2020, 0))
        #expect(
            plan.map { "\($0.rule) \(zone.iso8601($0.sendAt)) \(planner.target(of: $0).audience)" } == [
                "overdue-1 2020-12-11T08:00:00+07:00 unit", "overdue-2 2020-12-14T08:00:00+07:00 unit",
                "escalation-1 2020-12-15T08:00:00+07:00 heads",
            ])
    }

    @Test("several late units of one occurrence: each head hears of its unit, the supervisors once of all of them")
    func supervisorsHearOnce() {
        let rule = EscalationRule(afterOverdue: .days(1), afterUrges: nil, limit: 1, supervisors: [supervisor])
        let planner = ReminderPlanner(
            agenda: agenda([deadline("a", units: ["so-khdt", "so-tc"], escalation: rule, own: true)]))
        let window = (at(1, 12, 2020, 0), at(31, 12, 2020, 0))
        let escalations = planner.reminders(from: window.0, to: window.1).filter { $0.kind == .escalation }
        #expect(
            escalations.map { planner.key(of: $0) } == [
                "a|2020-12-10|escalation-1|so-khdt|email", "a|2020-12-10|escalation-1|so-khdt+so-tc|email",
            ])
        let toSupervisors = planner.target(of: escalations[1])
        #expect(toSupervisors.audience == .supervisors)
        #expect(toSupervisors.recipients.map(\.address) == ["vanphong@thanhuy.example"])
        #expect(toSupervisors.unitIDs == ["so-khdt", "so-tc"])
        // so-tc has no head
        #expect(planner.target(of: escalations[0]).recipients.map(\.address) == ["giamdoc@khdt.example"])
        // Once one unit finishes, the supervisors still hear of the other; once both have, nobody does.
        let id = OccurrenceID(deadlineID: "a", date: d(10, 12, 2020))
        let one = PlannerState(done: [id: ["so-khdt": at(10, 12, 2020, 16)]])
        #expect(
            planner.reminders(from: window.0, to: window.1, state: one).filter { $0.kind == .escalation }.map {
                planner.key(of: $0)
            } == [
                "a|2020-12-10|escalation-1|so-khdt+so-tc|email"
            ])
        let both = PlannerState(done: [id: ["so-khdt": at(10, 12, 2020, 16), "so-tc": at(10, 12, 2020, 16)]])
        #expect(planner.reminders(from: window.0, to: window.1, state: both).isEmpty)
    }

    @Test("per-unit completion: a unit that finished gets nothing more, the others are still urged")
    func perUnitCompletion() {
        let planner = ReminderPlanner(agenda: agenda([deadline("a", units: ["so-khdt", "so-tc"])]))
        let id = OccurrenceID(deadlineID: "a", date: d(10, 12, 2020))
        let state = PlannerState(
            done: [id: ["so-tc": at(9, 12, 2020, 9)]], snoozedUntil: [id: ["so-khdt": at(14, 12, 2020, 12)]])
        let plan = planner.reminders(from: at(9, 12, 2020, 12), to: at(31, 12, 2020, 0), state: state)
        // so-tc finished on 09/12: nothing more. so-khdt is snoozed until 14/12 noon: its due-day reminder and its
        // first two urgings do not go; the last three do.
        #expect(
            plan.map { "\(planner.target(of: $0).unitID) \($0.rule) \(zone.iso8601($0.sendAt))" } == [
                "so-khdt overdue-3 2020-12-15T08:00:00+07:00", "so-khdt overdue-4 2020-12-16T08:00:00+07:00",
                "so-khdt overdue-5 2020-12-17T08:00:00+07:00",
            ])
        let status = planner.status(ofDeadlineAt: 0, now: at(14, 12, 2020, 9), state: state)
        #expect(status.state == .overdue(days: 4))
        #expect(status.unitsDone == ["so-tc"])
        #expect(status.unitsPending == ["so-khdt"])
        #expect(status.snoozedUntil == at(14, 12, 2020, 12))  // the only unit still working on it is snoozed
        #expect(planner.status(ofDeadlineAt: 0, now: at(14, 12, 2020, 13), state: state).snoozedUntil == nil)
        // Both done: the deadline is done.
        let done = PlannerState(done: [id: ["so-tc": at(9, 12, 2020, 9), "so-khdt": at(11, 12, 2020, 9)]])
        #expect(planner.status(ofDeadlineAt: 0, now: at(14, 12, 2020, 9), state: done).state == .done)
        #expect(planner.dueMoments(from: at(1, 12, 2020, 0), to: at(31, 12, 2020, 0), state: done).isEmpty)
        #expect(planner.dueMoments(from: at(1, 12, 2020, 0), to: at(31, 12, 2020, 0), state: state).count == 1)
    }

    @Test("after 2 working days overdue, skipping the weekend; nothing once done")
    func afterWorkingDays() {
        let rule = EscalationRule(afterOverdue: .workingDays(2), afterUrges: nil, every: .days(7), limit: 1)
        let planner = ReminderPlanner(agenda: agenda([deadline(escalation: rule)]))
        let window = (at(1, 12, 2020, 0), at(31, 12, 2020, 0))
        let escalations = planner.reminders(from: window.0, to: window.1).filter { $0.kind == .escalation }
        // Due Thursday 10/12: working days Friday 11 and Monday 14.
        #expect(escalations.map { zone.iso8601($0.sendAt) } == ["2020-12-14T08:00:00+07:00"])
        let done = PlannerState(done: [
            OccurrenceID(deadlineID: "5418-de-xuat", date: d(10, 12, 2020)): ["*": at(12, 12, 2020, 9)]
        ])
        #expect(planner.reminders(from: window.0, to: window.1, state: done).isEmpty)
    }

    @Test("a unit's rule applies to deadlines without their own; a deadline's own rule wins; 'off' turns it off")
    func precedence() {
        let unitRule = EscalationRule(afterOverdue: .days(1), afterUrges: nil, limit: 1)
        let ownRule = EscalationRule(afterOverdue: .days(4), afterUrges: nil, limit: 1)
        let planner = ReminderPlanner(
            agenda: agenda(
                [deadline("a"), deadline("b", escalation: ownRule, own: true), deadline("c", units: ["so-tc"])],
                unitEscalation: unitRule))
        let escalations = planner.reminders(from: at(1, 12, 2020, 0), to: at(31, 12, 2020, 0)).filter {
            $0.kind == .escalation
        }
        #expect(
            escalations.map { "\(planner.deadline(of: $0).id) \(zone.iso8601($0.sendAt))" } == [
                "a 2020-12-11T08:00:00+07:00", "b 2020-12-14T08:00:00+07:00",
            ])
        let off = ReminderPlanner(agenda: agenda([deadline("a")], unitEscalation: EscalationRule(afterUrges: nil)))
        #expect(off.reminders(from: at(1, 12, 2020, 0), to: at(31, 12, 2020, 0)).allSatisfy { $0.kind != .escalation })
    }

    @Test("a digest replaces the reminders before the due days and lists what is due soon and overdue, sorted")
    func digest() {
        let deadlines = [
            deadline("a", due: d(10, 12, 2020)), deadline("b", due: d(11, 12, 2020)), deadline("c", units: ["so-tc"]),
        ]
        let planner = ReminderPlanner(agenda: agenda(deadlines, digest: Unit.Digest(time: t(7, 30))))
        let plan = planner.reminders(from: at(1, 12, 2020, 0), to: at(12, 12, 2020, 0))
        let khdt = plan.filter { planner.target(of: $0).unitID == "so-khdt" }
        // Before-reminders of a (3/12, 9/12) and b (4/12, 10/12) become digests at 07:30 on those days; due-day and
        // urging reminders still go alone (digest_urgent_alone defaults to true).
        #expect(
            khdt.filter(\.isDigest).map { zone.iso8601($0.sendAt) } == [
                "2020-12-03T07:30:00+07:00", "2020-12-04T07:30:00+07:00", "2020-12-09T07:30:00+07:00",
                "2020-12-10T07:30:00+07:00",
            ])
        #expect(!khdt.contains { $0.kind == .before })
        #expect(
            khdt.filter { !$0.isDigest }.map { "\(planner.deadline(of: $0).id) \($0.rule)" } == [
                "a due", "a overdue-1", "b due",  // 10/12; then both at 08:00 11/12, in deadline order
            ])
        #expect(plan.filter { planner.target(of: $0).unitID == "so-tc" }.contains { $0.kind == .before })
        #expect(planner.key(of: khdt[0]) == "@digest|2020-12-03|digest|so-khdt|email")

        // 10/12 07:30: a is due today, b tomorrow; nothing overdue yet. 14/12: both overdue, oldest first.
        let tenth = khdt.first { $0.isDigest && $0.occurrence == d(10, 12, 2020) }!
        #expect(
            planner.digestItems(of: tenth, state: .empty).map { "\(deadlines[Int($0.deadlineIndex)].id) \($0.overdue)" }
                == [
                    "a false", "b false",
                ])
        let later = planner.digestItems(
            unit: "so-khdt", day: d(14, 12, 2020), at: at(14, 12, 2020, 7, 30), state: .empty)
        #expect(later.map { "\(deadlines[Int($0.deadlineIndex)].id) \($0.overdue)" } == ["a true", "b true"])
        // Done items leave the digest.
        let done = PlannerState(done: [OccurrenceID(deadlineID: "a", date: d(10, 12, 2020)): ["*": at(9, 12, 2020, 16)]]
        )
        #expect(planner.digestItems(of: tenth, state: done).map(\.deadlineIndex) == [1])
    }

    @Test("digest_urgent_alone = false folds the due-day and urging reminders in too; escalations stay alone")
    func digestTakesAll() {
        let rule = EscalationRule(afterOverdue: .days(1), afterUrges: nil, limit: 1)
        let planner = ReminderPlanner(
            agenda: agenda(
                [deadline("a", escalation: rule, own: true)], digest: Unit.Digest(time: t(7, 30), urgentAlone: false)))
        let plan = planner.reminders(from: at(1, 12, 2020, 0), to: at(31, 12, 2020, 0))
        #expect(plan.filter { !$0.isDigest }.map(\.kind) == [.escalation])
        // 7d, 1d, the due day, and the five urging days: the escalation on Friday 11/12 takes the place of that
        // day's urging, so urging goes on from Monday 14 to Friday 18/12.
        #expect(
            plan.filter(\.isDigest).map(\.occurrence.iso) == [
                "2020-12-03", "2020-12-09", "2020-12-10", "2020-12-14", "2020-12-15", "2020-12-16", "2020-12-17",
                "2020-12-18",
            ])
    }
}

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

private func agenda(_ deadlines: [Deadline], unitEscalation: EscalationRule? = nil, digest: Unit.Digest? = nil) -> Agenda {
    Agenda(
        settings: AgendaSettings(zone: zone, defaultChannels: ["email"]),
        units: [
            Unit(
                id: "so-khdt", name: "Sở Kế hoạch và Đầu tư", recipients: [mailbox("vanthu@khdt.example")], heads: heads,
                escalation: unitEscalation, digest: digest),
            Unit(id: "so-tc", name: "Sở Tài chính", recipients: [mailbox("vanthu@stc.example")]),
        ],
        channels: [ChannelInfo(name: "email", kind: .smtp)],
        documents: [Document(ref: "5418/UBND-TKBT", issued: d(19, 11, 2020))],
        deadlines: deadlines)
}

/// Due 17:00 Thursday 10/12/2020; urging every day, 5 times (Saturday's and Sunday's fold into Monday's).
private func deadline(
    _ id: String = "5418-de-xuat", due: CivilDate = d(10, 12, 2020), units: [String] = ["so-khdt"],
    escalation: EscalationRule? = nil, own: Bool = false
) -> Deadline {
    Deadline(
        id: id, task: "Báo cáo đề xuất nhiệm vụ, giải pháp", documentRef: "5418/UBND-TKBT", units: units,
        schedule: .once(LocalDateTime(due, t(17))),
        rules: ReminderRules(before: [.days(7), .days(1)], onDue: true, overdueEvery: .days(1), overdueLimit: 5, escalation: escalation),
        escalationIsOwn: own)
}

@Suite("Escalation to the heads of units, and daily digests")
struct EscalationDigestTests {
    @Test("urging reminders merged by a weekend are numbered without gaps: lần 1, 2, 3")
    func urgingNumbers() {
        let planner = ReminderPlanner(agenda: agenda([deadline()]))
        let plan = planner.reminders(from: at(1, 12, 2020, 0), to: at(31, 12, 2020, 0)).filter { $0.kind == .overdue }
        #expect(plan.map(\.rule.description) == ["overdue-1", "overdue-2", "overdue-3"])
        #expect(plan.map { zone.iso8601($0.sendAt) } == [
            "2020-12-11T08:00:00+07:00", "2020-12-14T08:00:00+07:00", "2020-12-15T08:00:00+07:00",
        ])
    }

    @Test("after 3 urging reminders: the heads and the supervisors, then every 2 working days, 3 times")
    func afterUrges() {
        let rule = EscalationRule(afterUrges: 3, every: .workingDays(2), limit: 3, supervisors: [supervisor])
        let planner = ReminderPlanner(agenda: agenda([deadline(escalation: rule)]))
        let plan = planner.reminders(from: at(1, 12, 2020, 0), to: at(31, 12, 2020, 0))
        let escalations = plan.filter { $0.kind == .escalation }
        // Three urgings (11, 14, 15/12): the first escalation one urging interval after the last, Wednesday 16/12;
        // then 2 working days later: Friday 18/12 and Tuesday 22/12.
        #expect(escalations.map { zone.iso8601($0.sendAt) } == [
            "2020-12-16T08:00:00+07:00", "2020-12-18T08:00:00+07:00", "2020-12-22T08:00:00+07:00",
        ])
        #expect(escalations.map(\.rule.description) == ["escalation-1", "escalation-2", "escalation-3"])
        let target = planner.target(of: escalations[0])
        #expect(target.audience == .heads)
        #expect(target.recipients.map(\.address) == ["giamdoc@khdt.example", "vanphong@thanhuy.example"])
        #expect(planner.key(of: escalations[0]) == "5418-de-xuat|2020-12-10|escalation-1|so-khdt|email")
        // The unit's own reminders still go to its văn thư.
        #expect(plan.filter { $0.kind != .escalation }.allSatisfy { planner.target(of: $0).audience == .unit })
    }

    @Test("after 2 working days overdue, skipping the weekend; nothing once done")
    func afterWorkingDays() {
        let rule = EscalationRule(afterOverdue: .workingDays(2), afterUrges: nil, every: .days(7), limit: 1)
        let planner = ReminderPlanner(agenda: agenda([deadline(escalation: rule)]))
        let window = (at(1, 12, 2020, 0), at(31, 12, 2020, 0))
        let escalations = planner.reminders(from: window.0, to: window.1).filter { $0.kind == .escalation }
        // Due Thursday 10/12: working days Friday 11 and Monday 14.
        #expect(escalations.map { zone.iso8601($0.sendAt) } == ["2020-12-14T08:00:00+07:00"])
        let done = PlannerState(done: [OccurrenceID(deadlineID: "5418-de-xuat", date: d(10, 12, 2020)): at(12, 12, 2020, 9)])
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
        let escalations = planner.reminders(from: at(1, 12, 2020, 0), to: at(31, 12, 2020, 0)).filter { $0.kind == .escalation }
        #expect(escalations.map { "\(planner.deadline(of: $0).id) \(zone.iso8601($0.sendAt))" } == [
            "a 2020-12-11T08:00:00+07:00", "b 2020-12-14T08:00:00+07:00",
        ])
        let off = ReminderPlanner(agenda: agenda([deadline("a")], unitEscalation: EscalationRule(afterUrges: nil)))
        #expect(off.reminders(from: at(1, 12, 2020, 0), to: at(31, 12, 2020, 0)).allSatisfy { $0.kind != .escalation })
    }

    @Test("a digest replaces the reminders before the due days and lists what is due soon and overdue, sorted")
    func digest() {
        let deadlines = [deadline("a", due: d(10, 12, 2020)), deadline("b", due: d(11, 12, 2020)), deadline("c", units: ["so-tc"])]
        let planner = ReminderPlanner(agenda: agenda(deadlines, digest: Unit.Digest(time: t(7, 30))))
        let plan = planner.reminders(from: at(1, 12, 2020, 0), to: at(12, 12, 2020, 0))
        let khdt = plan.filter { planner.target(of: $0).unitID == "so-khdt" }
        // Before-reminders of a (3/12, 9/12) and b (4/12, 10/12) become digests at 07:30 on those days; due-day and
        // urging reminders still go alone (digest_urgent_alone defaults to true).
        #expect(khdt.filter(\.isDigest).map { zone.iso8601($0.sendAt) } == [
            "2020-12-03T07:30:00+07:00", "2020-12-04T07:30:00+07:00", "2020-12-09T07:30:00+07:00", "2020-12-10T07:30:00+07:00",
        ])
        #expect(!khdt.contains { $0.kind == .before })
        #expect(khdt.filter { !$0.isDigest }.map { "\(planner.deadline(of: $0).id) \($0.rule)" } == [
            "a due", "a overdue-1", "b due",  // 10/12; then both at 08:00 11/12, in deadline order
        ])
        #expect(plan.filter { planner.target(of: $0).unitID == "so-tc" }.contains { $0.kind == .before })
        #expect(planner.key(of: khdt[0]) == "@digest|2020-12-03|digest|so-khdt|email")

        // 10/12 07:30: a is due today, b tomorrow; nothing overdue yet. 14/12: both overdue, oldest first.
        let tenth = khdt.first { $0.isDigest && $0.occurrence == d(10, 12, 2020) }!
        #expect(planner.digestItems(of: tenth, state: .empty).map { "\(deadlines[Int($0.deadlineIndex)].id) \($0.overdue)" } == [
            "a false", "b false",
        ])
        let later = planner.digestItems(unit: "so-khdt", day: d(14, 12, 2020), at: at(14, 12, 2020, 7, 30), state: .empty)
        #expect(later.map { "\(deadlines[Int($0.deadlineIndex)].id) \($0.overdue)" } == ["a true", "b true"])
        // Done items leave the digest.
        let done = PlannerState(done: [OccurrenceID(deadlineID: "a", date: d(10, 12, 2020)): at(9, 12, 2020, 16)])
        #expect(planner.digestItems(of: tenth, state: done).map(\.deadlineIndex) == [1])
    }

    @Test("digest_urgent_alone = false folds the due-day and urging reminders in too; escalations stay alone")
    func digestTakesAll() {
        let rule = EscalationRule(afterOverdue: .days(1), afterUrges: nil, limit: 1)
        let planner = ReminderPlanner(
            agenda: agenda([deadline("a", escalation: rule, own: true)], digest: Unit.Digest(time: t(7, 30), urgentAlone: false)))
        let plan = planner.reminders(from: at(1, 12, 2020, 0), to: at(31, 12, 2020, 0))
        #expect(plan.filter { !$0.isDigest }.map(\.kind) == [.escalation])
        // 7d, 1d, the due day, and the three urging days (11, 14, 15/12).
        #expect(plan.filter(\.isDigest).map(\.occurrence.iso) == [
            "2020-12-03", "2020-12-09", "2020-12-10", "2020-12-11", "2020-12-14", "2020-12-15",
        ])
    }
}

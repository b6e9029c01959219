import DeadlineDelivery
import DeadlineKit
import DeadlineStore
import Testing

@testable import DeadlineService

/// The daemon's loop in this process, on a clock the test sets: catch-up, retries, reload, done during a burst,
/// a clock that jumps. Each runs in milliseconds; the binary tests keep what needs a process (kill -9, journald,
/// idle wake-ups).
@Suite("the daemon's core, in process")
struct SchedulerTests {
    @Test("after downtime, only the latest reminder of an occurrence goes, saying what is true when it is sent")
    func catchUp() async throws {
        let core = try SchedulerHarness(
            config: coreConfig(reminders: #"before = ["3d", "1d"]"#, daemon: #"catch_up = "4d""#),
            at: "06/12/2020 09:00")
        try await core.tick(at: "06/12/2020 09:00")
        #expect(core.channel.delivered.isEmpty)
        try await core.tick(at: "10/12/2020 09:30")  // 3d (Mon 7/12), 1d (9/12) and the due day (10/12 08:00) came due
        #expect(core.deliveredRules == ["due so-1"])
        let sent = try #require(core.channel.delivered.first)
        #expect(sent.facts.kind == .due)
        #expect(sent.message.subject.hasPrefix("[Nhắc việc] Hôm nay đến hạn: "))
        #expect(try await core.rows("de-xuat") == ["3d so-1 skipped", "1d so-1 skipped", "due so-1 sent"])
        // Once past the due moment a caught-up reminder says how late it is.
        try await core.tick(at: "11/12/2020 10:00")
        let urging = try #require(core.channel.delivered.last)
        #expect(urging.facts.kind == .overdue)
        #expect(urging.message.subject.hasPrefix("[Đôn đốc] Quá hạn 1 ngày: "))
    }

    @Test("a delivery failing for now is retried with backoff on the daemon's clock, then given up at retry_limit")
    func retries() async throws {
        let core = try SchedulerHarness(
            config: coreConfig(
                reminders: #"before = ["1d"]"# + "\non_due = false\noverdue_every = \"\"", daemon: "retry_limit = 3"),
            at: "09/12/2020 07:00")
        core.channel.answer([.temporary, .temporary, .temporary])
        try await core.tick(at: "09/12/2020 08:00")
        var entry = try #require(try await core.ledger.entries(deadlineID: "de-xuat").first)
        #expect(entry.state == .retry)
        let first = try #require(entry.nextAttemptAt)
        let wait = first - (try MomentParser.parse("09/12/2020 08:00", zone: .vietnam).get())
        #expect((48...72).contains(wait), "one minute, give or take 20 %: \(wait) s")
        #expect(await core.scheduler.nextWake().wake == first)
        // Too early: nothing happens.
        try await core.tick(at: "09/12/2020 08:00")
        #expect(try await core.ledger.entries(deadlineID: "de-xuat").first?.attempts == 1)
        core.time.set(first)
        await core.scheduler.tick()
        entry = try #require(try await core.ledger.entries(deadlineID: "de-xuat").first)
        #expect(entry.attempts == 2 && entry.state == .retry)
        core.time.set(try #require(entry.nextAttemptAt))
        await core.scheduler.tick()
        entry = try #require(try await core.ledger.entries(deadlineID: "de-xuat").first)
        #expect(entry.state == .givenUp)
        #expect(entry.reason == "still failing after 3 attempts (retry_limit = 3)")
        #expect(core.log.all.contains { $0.hasPrefix("error de-xuat: delivery given up") })
        #expect(core.channel.delivered.isEmpty)
    }

    @Test("reload: a configuration with errors is refused and the old one keeps running; a good one takes effect")
    func reload() async throws {
        let reminders = #"before = ["1d"]"# + "\non_due = false\noverdue_every = \"\""
        let core = try SchedulerHarness(config: coreConfig(reminders: reminders), at: "09/12/2020 07:00")
        let refused = try await core.reload(coreConfig(reminders: reminders + "\nrecipents = 1"))
        guard case .rejected(let errors) = refused else {
            Issue.record("expected the reload to be refused: \(refused)")
            return
        }
        #expect(errors.count == 1 && errors[0].contains("unknown key 'recipents'"), "\(errors)")
        try await core.tick(at: "09/12/2020 08:00")
        #expect(core.deliveredRules == ["1d so-1"])
        // A second unit: its 1d reminder, missed by a minute, goes at once (the catch-up window is looked at again).
        let accepted = try await core.reload(coreConfig(units: 2, reminders: reminders))
        guard case .accepted = accepted else {
            Issue.record("expected the reload to be taken: \(accepted)")
            return
        }
        try await core.tick(at: "09/12/2020 08:01")
        #expect(core.deliveredRules == ["1d so-1", "1d so-2"])
    }

    @Test("done for one unit in the middle of a burst: that unit's reminder is not sent, the others' are")
    func doneDuringABurst() async throws {
        let core = try SchedulerHarness(
            config: coreConfig(units: 3, reminders: #"before = ["1d"]"# + "\non_due = false\noverdue_every = \"\""),
            at: "09/12/2020 07:00")
        let ledger = core.ledger
        let id = OccurrenceID(deadlineID: "de-xuat", date: CivilDate(year: 2020, month: 12, day: 10)!)
        core.channel.onDeliver { reminder in
            guard reminder.facts.unitID == "so-1" else { return }
            _ = try? await ledger.markDone(id, units: ["so-2"], by: "vanphong", note: nil, at: reminder.now)
        }
        try await core.tick(at: "09/12/2020 08:00")
        #expect(core.deliveredRules == ["1d so-1", "1d so-3"])
        #expect(try await core.rows("de-xuat") == ["1d so-1 sent", "1d so-2 skipped", "1d so-3 sent"])
    }

    @Test(
        "falling due with one unit done: the journal's overdue entry names the units still owing the work",
        arguments: [false, true])
    func overdueNamesThePendingUnits(givenToAGroup: Bool) async throws {
        var config = coreConfig(units: 3, reminders: #"before = ["1d"]"# + "\non_due = false\noverdue_every = \"\"")
        if givenToAGroup {
            // The same three units as a group: counted by its members, as each of them finishes the work.
            config = config.replacing(#"units = ["so-1", "so-2", "so-3"]"#, with: #"units = ["cac-so"]"#)
            #expect(config.contains(#"units = ["cac-so"]"#))
            config += "\n[units.cac-so]\nname = \"Các sở\"\nmembers = [\"so-1\", \"so-2\", \"so-3\"]\n"
        }
        let core = try SchedulerHarness(config: config, at: "10/12/2020 16:00")
        let id = OccurrenceID(deadlineID: "de-xuat", date: CivilDate(year: 2020, month: 12, day: 10)!)
        _ = try await core.ledger.markDone(id, units: ["so-2"], by: "vanphong", note: nil, at: core.time.now)
        try await core.tick(at: "10/12/2020 17:30")
        let overdue = core.log.all.filter { $0.contains("de-xuat: overdue:") }
        #expect(
            overdue == [
                "notice de-xuat: overdue: due 17:00 10/12/2020 and not marked done by so-1, so-3 (1 of 3 units done)"
            ])
    }

    @Test("a clock set ahead, then corrected: what it set aside goes when its time comes; what went early is named")
    func clockJumps() async throws {
        let core = try SchedulerHarness(
            config: coreConfig(
                due: "10/03/2021",
                reminders: #"before = ["7d", "3d", "1d"]"# + "\noverdue_every = \"1d\"\noverdue_limit = 1"),
            at: "03/03/2021 08:00")
        try await core.tick(at: "03/03/2021 08:00")
        try await core.tick(at: "11/03/2021 08:00")  // wrong: a week ahead
        #expect(core.deliveredRules == ["7d so-1", "overdue-1 so-1"])
        try await core.tick(at: "08/03/2021 09:00")  // corrected
        #expect(core.deliveredRules == ["7d so-1", "overdue-1 so-1", "3d so-1"])
        #expect(core.log.all.contains { $0.contains("the clock went back from 08:00 11/03/2021 to 09:00 08/03/2021") })
        #expect(core.log.all.contains { $0.contains("sent early, at 08:00 11/03/2021 by a clock that was ahead") })
        try await core.tick(at: "09/03/2021 08:00")
        try await core.tick(at: "10/03/2021 08:00")
        try await core.tick(at: "11/03/2021 08:00")  // the urging went already: not again
        #expect(core.deliveredRules == ["7d so-1", "overdue-1 so-1", "3d so-1", "1d so-1", "due so-1"])
    }

    @Test("several units escalating at once: the supervisors hear once, of the units still late")
    func escalationsTogether() async throws {
        let reminders = """
            before = []
            on_due = false
            overdue_every = "1d"
            overdue_limit = 2
            escalate_after = "2wd"
            escalate_limit = 1
            supervisors = ["Văn phòng UBND Thành phố <vanphong@hanoi.example>"]
            """
        // The units have no heads here: the supervisors' message is the escalation.
        let core = try SchedulerHarness(
            config: coreConfig(units: 3, due: "04/03/2021", reminders: reminders), at: "05/03/2021 08:00")
        let ledger = core.ledger
        let id = OccurrenceID(deadlineID: "de-xuat", date: CivilDate(year: 2021, month: 3, day: 4)!)
        try await core.tick(at: "05/03/2021 08:00")
        _ = try await ledger.markDone(id, units: ["so-3"], by: "vanphong", note: nil, at: core.time.now)
        try await core.tick(at: "08/03/2021 08:00")
        let escalations = core.channel.delivered.filter { $0.facts.kind == .escalation }
        #expect(escalations.map(\.facts.unitID) == ["so-1+so-2+so-3"])
        let group = try #require(escalations.first)
        #expect(group.facts.lateUnits.map(\.id) == ["so-1", "so-2"])
        #expect(group.facts.lateUnits.map(\.urgedCount) == [1, 1])
        #expect(group.message.text.contains("Kính gửi: Văn phòng UBND Thành phố\n"))
        // Monday 8/3 is the escalation's moment: no unit is urged then.
        #expect(!core.channel.delivered.contains { $0.facts.kind == .overdue && $0.facts.sendAt == group.facts.sendAt })
    }
}

import DeadlineKit
import Testing

@testable import DeadlineStore

/// Done, undone and snooze: the planner's state, the audit log, the change counter. Runs against every backend.
@Suite("Ledger conformance: occurrences")
struct OccurrenceConformanceTests {
    static let monthly = OccurrenceID(
        deadlineID: "5418-bao-cao-thang", date: CivilDate(year: 2020, month: 12, day: 20)!)

    @Test(arguments: LedgerFactory.all)
    func doneUndoneAndSnoozeReachThePlannerAndTheAuditLog(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let id = Sample.occurrenceID
            #expect(try await ledger.changeCounter() == 0)
            #expect(try await ledger.plannerState().done.isEmpty)

            let first = try await ledger.markDone(
                id, units: ["so-khdt"], by: Sample.admin, note: "Đã nộp báo cáo số 123/BC-SKHĐT", at: Sample.at(10))
            #expect(first.isEmpty)
            #expect(try await ledger.changeCounter() == 1)
            // Marking it again keeps the first mark, and says when and by whom.
            let again = try await ledger.markDone(id, units: ["so-khdt"], by: "tranthib", note: nil, at: Sample.at(20))
            #expect(
                again == [
                    UnitMark(
                        unit: "so-khdt", doneAt: Sample.at(10), doneBy: Sample.admin,
                        doneNote: "Đã nộp báo cáo số 123/BC-SKHĐT")
                ])
            #expect(try await ledger.plannerState().done == [id: ["so-khdt": Sample.at(10)]])
            #expect(try await ledger.changeCounter() == 1)

            try await ledger.markUndone(
                id, units: ["so-khdt"], allUnits: ["so-khdt", "so-tc"], by: "tranthib", note: "Nhầm văn bản",
                at: Sample.at(30))
            #expect(try await ledger.plannerState().done.isEmpty)
            let notDone = await #expect(throws: StoreError.self) {
                try await ledger.markUndone(
                    id, units: ["so-khdt"], allUnits: ["so-khdt"], by: "tranthib", note: nil, at: Sample.at(31))
            }
            #expect(notDone?.code == .notFound)
            #expect(
                notDone?.message == "5418-de-xuat@2020-12-10 is not marked done for so-khdt; there is nothing to undo")
            #expect(try await ledger.changeCounter() == 2)

            try await ledger.snooze(
                Self.monthly, units: ["so-tc"], until: Sample.at(86_400), by: Sample.admin, note: nil, at: Sample.at(40)
            )
            _ = try await ledger.markDone(
                id, units: ["so-khdt", "so-tc"], by: Sample.admin, note: nil, at: Sample.at(50))
            let state = try await ledger.plannerState()
            #expect(state.done == [id: ["so-khdt": Sample.at(50), "so-tc": Sample.at(50)]])
            #expect(state.snoozedUntil == [Self.monthly: ["so-tc": Sample.at(86_400)]])
            #expect(try await ledger.changeCounter() == 5)
            #expect(
                try await ledger.unitMarks(id) == [
                    UnitMark(unit: "so-khdt", doneAt: Sample.at(50), doneBy: Sample.admin),
                    UnitMark(unit: "so-tc", doneAt: Sample.at(50), doneBy: Sample.admin),
                ])

            let expected = [
                OccurrenceEvent(
                    sequence: 0, occurrence: id, unit: "so-khdt", action: .done, user: Sample.admin,
                    note: "Đã nộp báo cáo số 123/BC-SKHĐT", snoozedUntil: nil, at: Sample.at(10)),
                OccurrenceEvent(
                    sequence: 0, occurrence: id, unit: "so-khdt", action: .undone, user: "tranthib",
                    note: "Nhầm văn bản",
                    snoozedUntil: nil, at: Sample.at(30)),
                OccurrenceEvent(
                    sequence: 0, occurrence: Self.monthly, unit: "so-tc", action: .snoozed, user: Sample.admin,
                    note: nil,
                    snoozedUntil: Sample.at(86_400), at: Sample.at(40)),
                OccurrenceEvent(
                    sequence: 0, occurrence: id, unit: "so-khdt", action: .done, user: Sample.admin, note: nil,
                    snoozedUntil: nil, at: Sample.at(50)),
                OccurrenceEvent(
                    sequence: 0, occurrence: id, unit: "so-tc", action: .done, user: Sample.admin, note: nil,
                    snoozedUntil: nil, at: Sample.at(50)),
            ]
            let all = try await ledger.occurrenceEvents(deadlineID: nil)
            #expect(
                all.map {
                    var e = $0
                    e.sequence = 0
                    return e
                } == expected)
            #expect(all.map(\.sequence) == all.map(\.sequence).sorted())
            #expect(Set(all.map(\.sequence)).count == 5)
            #expect(try await ledger.occurrenceEvents(deadlineID: "5418-bao-cao-thang").map(\.action) == [.snoozed])
            #expect(try await ledger.occurrenceEvents(deadlineID: "nothing").isEmpty)
        }
    }

    /// A deadline given to three units: each finishes on its own day, and only the one still working on it keeps
    /// its open reminders.
    @Test(arguments: LedgerFactory.all)
    func doneForOneUnitSkipsThatUnitsRowsOnly(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let reminders = Sample.reminders(3)  // units so-0, so-1, so-2
            _ = try await ledger.recordDue(reminders, at: Sample.t0)
            _ = try await ledger.markDone(
                Sample.occurrenceID, units: ["so-1"], by: Sample.admin, note: nil, at: Sample.at(3))
            let states = try await ledger.entries(deadlineID: "5418-de-xuat").map {
                [$0.reminder.unit, $0.state.rawValue]
            }
            #expect(states == [["so-0", "pending"], ["so-1", "skipped"], ["so-2", "pending"]])
            #expect(
                try await Sample.entry(ledger, reminders[1].key)?.reason
                    == "5418-de-xuat@2020-12-10 was marked done for so-1 by nguyenvana")
            let state = try await ledger.plannerState()
            #expect(state.isDone(Sample.occurrenceID, unit: "so-1"))
            #expect(!state.isDone(Sample.occurrenceID, unit: "so-0"))
            #expect(!state.isDone(Sample.occurrenceID, units: ["so-0", "so-1", "so-2"]))
            _ = try await ledger.markDone(
                Sample.occurrenceID, units: ["so-0", "so-2"], by: Sample.admin, note: nil, at: Sample.at(4))
            #expect(try await ledger.plannerState().isDone(Sample.occurrenceID, units: ["so-0", "so-1", "so-2"]))
        }
    }

    @Test(arguments: LedgerFactory.all)
    func doneSkipsTheOccurrencesOpenRowsOnly(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let reminders = Sample.reminders(4)
            let other = Sample.reminder(0, occurrence: CivilDate(year: 2021, month: 1, day: 10)!)
            _ = try await ledger.recordDue(reminders + [other], at: Sample.t0)
            let sent = try await ledger.beginAttempt(
                key: reminders[0].key, owner: Sample.owner, leaseUntil: Sample.at(300), at: Sample.t0)
            try await ledger.recordSent(sent, response: "250 OK", at: Sample.at(1))
            let retry = try await ledger.beginAttempt(
                key: reminders[1].key, owner: Sample.owner, leaseUntil: Sample.at(300), at: Sample.t0)
            try await ledger.recordFailure(
                retry, error: "421", disposition: .retry(at: Sample.at(900)), at: Sample.at(1))
            let inFlight = try await ledger.beginAttempt(
                key: reminders[2].key, owner: Sample.owner, leaseUntil: Sample.at(300), at: Sample.at(2))

            _ = try await ledger.markDone(
                Sample.occurrenceID, units: reminders.map(\.unit), by: Sample.admin, note: nil, at: Sample.at(3))
            let byKey = Dictionary(
                uniqueKeysWithValues: try await ledger.entries(deadlineID: "5418-de-xuat").map { ($0.key, $0) })
            #expect(byKey[reminders[0].key]?.state == .sent)
            #expect(byKey[reminders[1].key]?.state == .skipped)
            #expect(byKey[reminders[1].key]?.reason == "5418-de-xuat@2020-12-10 was marked done for so-1 by nguyenvana")
            #expect(byKey[reminders[2].key]?.state == .sending)  // in flight: its result will be written
            #expect(byKey[reminders[3].key]?.state == .skipped)
            #expect(byKey[other.key]?.state == .pending)  // another occurrence
            #expect(try await ledger.readyToSend(at: Sample.at(299), limit: 10).map(\.key) == [other.key])
            try await ledger.recordSent(inFlight, response: "250 OK", at: Sample.at(4))
            #expect(try await Sample.entry(ledger, reminders[2].key)?.state == .sent)
        }
    }

    @Test(arguments: LedgerFactory.all)
    func snoozeSkipsOpenRowsDueBeforeItEnds(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let reminders = Sample.reminders(3)  // send times t0, t0+60, t0+120
            _ = try await ledger.recordDue(reminders, at: Sample.at(120))
            try await ledger.snooze(
                Sample.occurrenceID, units: reminders.map(\.unit), until: Sample.at(120), by: Sample.admin,
                note: "Chờ họp",
                at: Sample.at(125))
            let states = try await ledger.entries(deadlineID: "5418-de-xuat").map(\.state)
            #expect(states == [.skipped, .skipped, .pending])
            #expect(
                try await Sample.entry(ledger, reminders[0].key)?.reason
                    == "5418-de-xuat@2020-12-10 was snoozed for so-0 until 2020-12-03T01:02:00Z by nguyenvana")
            #expect(try await ledger.plannerState().snoozedUntil(Sample.occurrenceID, unit: "so-2") == Sample.at(120))
        }
    }

    @Test(arguments: LedgerFactory.all)
    func anEmptyUserIsRefused(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let error = await #expect(throws: StoreError.self) {
                _ = try await ledger.markDone(Sample.occurrenceID, units: ["so-0"], by: "", note: nil, at: Sample.t0)
            }
            #expect(error?.code == .invalidInput)
            let counter = try await ledger.changeCounter()
            #expect(counter == 0)
            #expect(try await ledger.occurrenceEvents(deadlineID: nil).isEmpty)
        }
    }
}

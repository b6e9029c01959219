import DeadlineKit
import Testing

@testable import DeadlineStore

/// What survives a daemon that dies between writes, and how late results are fenced. Runs against every backend
/// (the reopen tests against those whose data outlives a ledger value).
@Suite("Ledger conformance: crash recovery and fencing")
struct CrashRecoveryConformanceTests {
    @Test(arguments: LedgerFactory.persistentOnes)
    func aRowLeftSendingIsSentAgainAfterItsLease(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { storage, _ async throws in
            let reminder = Sample.reminder()
            let lost = try await {
                let first = try await storage.open()
                _ = try await first.recordDue([reminder], at: Sample.t0)
                return try await first.beginAttempt(
                    key: reminder.key, owner: Sample.owner, leaseUntil: Sample.at(300), at: Sample.at(1))
                // The daemon dies here, the ledger value with it: the server may have accepted the message, the
                // ledger never heard.
            }()
            do {
                let ledger = try await storage.open()
                #expect(try await ledger.readyToSend(at: Sample.at(299), limit: 10).isEmpty)
                #expect(try await ledger.nextRetry() == Sample.at(300))
                let ready = try await ledger.readyToSend(at: Sample.at(300), limit: 10)
                #expect(ready.map(\.key) == [reminder.key])
                #expect(ready.first?.state == .sending)
                #expect(ready.first?.attempts == 1)

                let claim = try await ledger.beginAttempt(
                    key: reminder.key, owner: "daemon-restarted", leaseUntil: Sample.at(600), at: Sample.at(300))
                #expect(claim.attempt == 2)
                try await ledger.recordSent(claim, response: "250 OK", at: Sample.at(301))
                let entry = try #require(try await Sample.entry(ledger, reminder.key))
                #expect(entry.state == .sent)
                #expect(entry.attempts == 2)
                #expect(
                    entry.attemptLog == [
                        AttemptRecord(
                            number: 1, owner: Sample.owner, startedAt: Sample.at(1), finishedAt: Sample.at(300),
                            outcome: .interrupted, detail: LedgerText.interrupted),
                        AttemptRecord(
                            number: 2, owner: "daemon-restarted", startedAt: Sample.at(300), finishedAt: Sample.at(301),
                            outcome: .sent, detail: "250 OK"),
                    ])
                // The dead daemon's claim can no longer write.
                let late = await #expect(throws: StoreError.self) {
                    try await ledger.recordSent(lost, response: "250 late", at: Sample.at(302))
                }
                #expect(late?.code == .fenced)
            }
        }
    }

    @Test(arguments: LedgerFactory.persistentOnes)
    func everyWrittenStateSurvivesReopening(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { storage, _ async throws in
            do {
                let first = try await storage.open()
                let reminders = Sample.reminders(3)
                _ = try await first.recordDue(reminders, at: Sample.t0)
                let claim = try await first.beginAttempt(
                    key: reminders[1].key, owner: Sample.owner, leaseUntil: Sample.at(300), at: Sample.t0)
                try await first.recordFailure(
                    claim, error: "421 busy", disposition: .retry(at: Sample.at(120)), at: Sample.at(1))
                _ = try await first.markDone(
                    Sample.occurrenceID, units: reminders.map(\.unit), by: Sample.admin, note: nil, at: Sample.at(2))
                try await first.setMeta("scan_watermark", "1606957200")
            }
            do {
                let ledger = try await storage.open()
                let states = try await ledger.entries(deadlineID: "5418-de-xuat").map(\.state)
                #expect(states == [.skipped, .skipped, .skipped])  // marked done: nothing more goes out
                #expect(
                    try await ledger.plannerState().done == [
                        Sample.occurrenceID: ["so-0": Sample.at(2), "so-1": Sample.at(2), "so-2": Sample.at(2)]
                    ])
                #expect(try await ledger.meta("scan_watermark") == "1606957200")
                #expect(try await ledger.changeCounter() == 3)  // one per unit marked done
            }
        }
    }

    @Test(arguments: LedgerFactory.all)
    func aResultAfterTheLeaseWasTakenOverIsFenced(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let reminder = Sample.reminder()
            _ = try await ledger.recordDue([reminder], at: Sample.t0)
            let slow = try await ledger.beginAttempt(
                key: reminder.key, owner: "daemon-a", leaseUntil: Sample.at(60), at: Sample.t0)
            let fast = try await ledger.beginAttempt(
                key: reminder.key, owner: "daemon-b", leaseUntil: Sample.at(120), at: Sample.at(60))
            #expect(fast.attempt == 2)

            let error = await #expect(throws: StoreError.self) {
                try await ledger.recordFailure(
                    slow, error: "timed out", disposition: .retry(at: Sample.at(600)), at: Sample.at(61))
            }
            #expect(error?.code == .fenced)
            #expect(
                error?.message
                    == "the result of attempt 1 of reminder '\(reminder.key)' was not recorded: the reminder is "
                    + "sending, now attempt 2 by daemon-b; the claim's lease ended at 2020-12-03T01:01:00Z")
            let during = try #require(try await Sample.entry(ledger, reminder.key))
            #expect(during.state == .sending)
            #expect(during.claimedBy == "daemon-b")

            try await ledger.recordSent(fast, response: "250 OK", at: Sample.at(62))
            let entry = try #require(try await Sample.entry(ledger, reminder.key))
            #expect(entry.state == .sent)
            #expect(entry.attemptLog?.map(\.outcome) == [.interrupted, .sent])
            #expect(entry.attemptLog?.map(\.owner) == ["daemon-a", "daemon-b"])
        }
    }

    @Test(arguments: LedgerFactory.all)
    func givingUpRespectsALiveClaim(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let reminder = Sample.reminder()
            _ = try await ledger.recordDue([reminder], at: Sample.t0)
            _ = try await ledger.beginAttempt(
                key: reminder.key, owner: "daemon-a", leaseUntil: Sample.at(60), at: Sample.t0)
            let live = await #expect(throws: StoreError.self) {
                try await ledger.recordGivenUp(key: reminder.key, reason: "too old", at: Sample.at(59))
            }
            #expect(live?.code == .notClaimable)
            try await ledger.recordGivenUp(key: reminder.key, reason: "too old", at: Sample.at(60))
            let entry = try #require(try await Sample.entry(ledger, reminder.key))
            #expect(entry.state == .givenUp)
            #expect(entry.attemptLog?.map(\.outcome) == [.interrupted])
            #expect(try await ledger.nextRetry() == nil)
        }
    }
}

import DeadlineKit
import Testing

@testable import DeadlineStore

/// The outbox: recording due reminders, claiming, recording results. Runs against every backend.
@Suite("Ledger conformance: outbox")
struct OutboxConformanceTests {
    @Test(arguments: LedgerFactory.all)
    func recordDueIsIdempotentAndReturnsOnlyNewKeys(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let first = Sample.reminders(3)
            #expect(try await ledger.recordDue(first, at: Sample.t0) == Set(first.map(\.key)))
            #expect(try await ledger.recordDue(first, at: Sample.at(60)).isEmpty)
            let more = Sample.reminders(5)
            #expect(try await ledger.recordDue(more, at: Sample.at(120)) == [more[3].key, more[4].key])
            // A duplicate key within one batch is recorded once.
            let twice = [Sample.reminder(9), Sample.reminder(9)]
            #expect(try await ledger.recordDue(twice, at: Sample.at(180)) == [twice[0].key])
            #expect(try await ledger.recordDue([], at: Sample.at(180)).isEmpty)

            let entries = try await ledger.entries(deadlineID: "5418-de-xuat")
            #expect(entries.count == 6)
            let entry = try #require(entries.first { $0.key == first[0].key })
            #expect(entry.reminder == first[0])
            #expect(entry.state == .pending)
            #expect(entry.attempts == 0)
            #expect(entry.createdAt == Sample.t0)
            #expect(entry.attemptLog == [])
            let known = try await ledger.knownKeys([first[0].key, "unknown|key", more[4].key])
            #expect(known == [first[0].key, more[4].key])
        }
    }

    @Test(arguments: LedgerFactory.all)
    func tenThousandRemindersInOneCall(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let many = Sample.reminders(10_000)
            #expect(try await ledger.recordDue(many, at: Sample.t0).count == 10_000)
            #expect(try await ledger.recordDue(many, at: Sample.t0).isEmpty)
            #expect(try await ledger.knownKeys(many.map(\.key)).count == 10_000)
            #expect(try await ledger.readyToSend(at: Sample.t0, limit: 20_000).count == 10_000)
        }
    }

    @Test(arguments: LedgerFactory.all)
    func pendingToSendingToSent(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let reminder = Sample.reminder()
            _ = try await ledger.recordDue([reminder], at: Sample.t0)
            #expect(try await ledger.readyToSend(at: Sample.t0, limit: 10).map(\.key) == [reminder.key])

            let claim = try await ledger.beginAttempt(
                key: reminder.key, owner: Sample.owner, leaseUntil: Sample.at(300), at: Sample.at(1))
            #expect(claim.attempt == 1)
            #expect(claim.key == reminder.key)
            #expect(claim.leaseUntil == Sample.at(300))
            let sending = try #require(try await Sample.entry(ledger, reminder.key))
            #expect(sending.state == .sending)
            #expect(sending.attempts == 1)
            #expect(sending.claimedBy == Sample.owner)
            #expect(sending.nextAttemptAt == Sample.at(300))
            // Claimed and its lease running: not ready, not claimable by anyone.
            #expect(try await ledger.readyToSend(at: Sample.at(2), limit: 10).isEmpty)
            let again = await #expect(throws: StoreError.self) {
                _ = try await ledger.beginAttempt(
                    key: reminder.key, owner: "daemon-b", leaseUntil: Sample.at(400), at: Sample.at(2))
            }
            #expect(again?.code == .notClaimable)
            #expect(try await ledger.nextRetry() == Sample.at(300))

            try await ledger.recordSent(claim, response: "250 2.0.0 Ok: queued as 4F2B", at: Sample.at(3))
            let sent = try #require(try await Sample.entry(ledger, reminder.key))
            #expect(sent.state == .sent)
            #expect(sent.response == "250 2.0.0 Ok: queued as 4F2B")
            #expect(sent.sentAt == Sample.at(3))
            #expect(sent.claimedBy == nil)
            #expect(sent.nextAttemptAt == nil)
            #expect(sent.updatedAt == Sample.at(3))
            #expect(
                sent.attemptLog == [
                    AttemptRecord(
                        number: 1, owner: Sample.owner, startedAt: Sample.at(1), finishedAt: Sample.at(3),
                        outcome: .sent,
                        detail: "250 2.0.0 Ok: queued as 4F2B")
                ])
            #expect(try await ledger.readyToSend(at: Sample.at(10_000), limit: 10).isEmpty)
            #expect(try await ledger.nextRetry() == nil)
            // The same result written twice: the second write is fenced, the first stands.
            let duplicate = await #expect(throws: StoreError.self) {
                try await ledger.recordSent(claim, response: "250 again", at: Sample.at(4))
            }
            #expect(duplicate?.code == .fenced)
            #expect(try await Sample.entry(ledger, reminder.key)?.response == "250 2.0.0 Ok: queued as 4F2B")
        }
    }

    @Test(arguments: LedgerFactory.all)
    func retryThenSent(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let reminder = Sample.reminder()
            _ = try await ledger.recordDue([reminder], at: Sample.t0)
            let first = try await ledger.beginAttempt(
                key: reminder.key, owner: Sample.owner, leaseUntil: Sample.at(300), at: Sample.t0)
            let error = "smtp mail.hanoi.gov.vn:587: the server is not available now (421 4.3.2 Try again later)"
            try await ledger.recordFailure(
                first, error: error, disposition: .retry(at: Sample.at(600)), at: Sample.at(5))

            let waiting = try #require(try await Sample.entry(ledger, reminder.key))
            #expect(waiting.state == .retry)
            #expect(waiting.lastError == error)
            #expect(waiting.nextAttemptAt == Sample.at(600))
            #expect(try await ledger.nextRetry() == Sample.at(600))
            #expect(try await ledger.readyToSend(at: Sample.at(599), limit: 10).isEmpty)
            let early = await #expect(throws: StoreError.self) {
                _ = try await ledger.beginAttempt(
                    key: reminder.key, owner: Sample.owner, leaseUntil: Sample.at(900), at: Sample.at(599))
            }
            #expect(early?.code == .notClaimable)
            #expect(try await ledger.readyToSend(at: Sample.at(600), limit: 10).map(\.key) == [reminder.key])

            let second = try await ledger.beginAttempt(
                key: reminder.key, owner: Sample.owner, leaseUntil: Sample.at(900), at: Sample.at(600))
            #expect(second.attempt == 2)
            #expect(second.token != first.token)
            try await ledger.recordSent(second, response: "250 OK", at: Sample.at(601))
            let sent = try #require(try await Sample.entry(ledger, reminder.key))
            #expect(sent.state == .sent)
            #expect(sent.attempts == 2)
            #expect(sent.lastError == error)
            #expect(sent.attemptLog?.map(\.outcome) == [.retry, .sent])
            #expect(sent.attemptLog?.map(\.detail) == [error, "250 OK"])
        }
    }

    @Test(arguments: LedgerFactory.all)
    func permanentFailureGivenUpAndSkipped(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let reminders = Sample.reminders(4)
            _ = try await ledger.recordDue(Array(reminders[0..<3]), at: Sample.t0)

            let a = try await ledger.beginAttempt(
                key: reminders[0].key, owner: Sample.owner, leaseUntil: Sample.at(300), at: Sample.t0)
            try await ledger.recordFailure(
                a, error: "550 5.1.1 mailbox unavailable", disposition: .permanent, at: Sample.at(1))

            let b = try await ledger.beginAttempt(
                key: reminders[1].key, owner: Sample.owner, leaseUntil: Sample.at(300), at: Sample.t0)
            try await ledger.recordFailure(
                b, error: "timed out", disposition: .givenUp(reason: "8 attempts failed (retry_limit = 8)"),
                at: Sample.at(2))

            try await ledger.recordGivenUp(
                key: reminders[2].key, reason: "still failing 2 days after its send time", at: Sample.at(3))

            let skipped = try await ledger.recordSkipped(
                [reminders[2], reminders[3]], reason: "missed by more than catch_up (24h)", at: Sample.at(4))
            #expect(skipped == [reminders[3].key])

            let byKey = Dictionary(
                uniqueKeysWithValues: try await ledger.entries(deadlineID: "5418-de-xuat").map { ($0.key, $0) })
            #expect(byKey[reminders[0].key]?.state == .failed)
            #expect(byKey[reminders[0].key]?.lastError == "550 5.1.1 mailbox unavailable")
            #expect(byKey[reminders[0].key]?.attemptLog?.map(\.outcome) == [.failed])
            #expect(byKey[reminders[1].key]?.state == .givenUp)
            #expect(byKey[reminders[1].key]?.reason == "8 attempts failed (retry_limit = 8)")
            #expect(byKey[reminders[1].key]?.attemptLog?.map(\.outcome) == [.givenUp])
            #expect(byKey[reminders[2].key]?.state == .givenUp)
            #expect(byKey[reminders[2].key]?.attempts == 0)
            #expect(byKey[reminders[3].key]?.state == .skipped)
            #expect(byKey[reminders[3].key]?.reason == "missed by more than catch_up (24h)")
            #expect(try await ledger.readyToSend(at: Sample.at(10_000), limit: 10).isEmpty)

            for (key, code) in [(reminders[0].key, StoreError.Code.notClaimable), ("no|such|key", .notFound)] {
                let error = await #expect(throws: StoreError.self) {
                    _ = try await ledger.beginAttempt(key: key, owner: "x", leaseUntil: Sample.at(9), at: Sample.at(5))
                }
                #expect(error?.code == code)
            }
            let final = await #expect(throws: StoreError.self) {
                try await ledger.recordGivenUp(key: reminders[3].key, reason: "again", at: Sample.at(6))
            }
            #expect(final?.code == .notClaimable)
            #expect(final?.message == "reminder '\(reminders[3].key)' cannot be given up: it is already skipped")
        }
    }

    @Test(arguments: LedgerFactory.all)
    func readyToSendIsOldestFirstAndLimited(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let reminders = Sample.reminders(5)
            _ = try await ledger.recordDue(reminders.reversed(), at: Sample.at(1_000))
            let ready = try await ledger.readyToSend(at: Sample.at(1_000), limit: 3)
            #expect(ready.map(\.key) == reminders[0..<3].map(\.key))
            #expect(try await ledger.readyToSend(at: Sample.at(1_000), limit: 0).isEmpty)
        }
    }

    @Test(arguments: LedgerFactory.all)
    func invalidInputIsRefusedBeforeWriting(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            var bad = Sample.reminder()
            bad.recipients = ["a@b.example\nBcc: x@y.example"]
            let error = await #expect(throws: StoreError.self) {
                _ = try await ledger.recordDue([Sample.reminder(1), bad], at: Sample.t0)
            }
            #expect(error?.code == .invalidInput)
            #expect(try await ledger.knownKeys([Sample.reminder(1).key]).isEmpty)
        }
    }

    /// `deadlinectl resend`: failed and given-up rows, filtered by deadline, channel and time, go back to pending;
    /// retry_limit and retry_max_age count from the resend.
    @Test(arguments: LedgerFactory.all)
    func requeuePutsFailedAndGivenUpRowsBack(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let reminders = Sample.reminders(3) + [Sample.reminder(0, deadline: "khac")]
            _ = try await ledger.recordDue(reminders, at: Sample.t0)
            for (index, reminder) in reminders.enumerated() where index != 2 {
                let claim = try await ledger.beginAttempt(
                    key: reminder.key, owner: Sample.owner, leaseUntil: Sample.at(300), at: Sample.at(1))
                let disposition: FailureDisposition = index == 1 ? .givenUp(reason: "retry_limit") : .permanent
                try await ledger.recordFailure(
                    claim, error: "550 no such user", disposition: disposition, at: Sample.at(2))
            }
            let none = try await ledger.requeue(
                deadlineID: "5418-de-xuat", channel: "chat", since: nil, reason: "x", at: Sample.at(10))
            #expect(none.isEmpty)
            let back = try await ledger.requeue(
                deadlineID: "5418-de-xuat", channel: nil, since: Sample.at(2), reason: "put back by nguyenvana",
                at: Sample.at(20))
            #expect(back.map(\.key) == [reminders[0].key, reminders[1].key])
            #expect(back.map(\.state) == [.failed, .givenUp])
            let entry = try #require(try await Sample.entry(ledger, reminders[1].key))
            #expect(entry.state == .pending)
            #expect(entry.reason == "put back by nguyenvana")
            #expect(entry.requeuedAt == Sample.at(20))
            #expect(entry.requeuedAfter == 1)
            #expect(entry.lastError == "550 no such user")
            #expect(
                Set(try await ledger.readyToSend(at: Sample.at(21), limit: 10).map(\.key)) == [
                    reminders[0].key, reminders[1].key, reminders[2].key,
                ])
            let claim = try await ledger.beginAttempt(
                key: reminders[1].key, owner: Sample.owner, leaseUntil: Sample.at(300), at: Sample.at(22))
            #expect(claim.attempt == 2)
            // The other deadline's failure stays until asked for.
            #expect(try await Sample.entry(ledger, reminders[3].key, deadline: "khac")?.state == .failed)
        }
    }

    /// After the clock went back: rows a clock that was ahead skipped are forgotten (and planned again); rows
    /// skipped before, or attempted, stay.
    @Test(arguments: LedgerFactory.all)
    func forgetSkippedTakesBackWhatAClockAheadSetAside(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let reminders = Sample.reminders(3)
            _ = try await ledger.recordSkipped([reminders[0]], reason: "missed", at: Sample.at(100))
            _ = try await ledger.recordSkipped([reminders[1]], reason: "missed", at: Sample.at(86_400 * 8))
            _ = try await ledger.recordDue([reminders[2]], at: Sample.at(86_400 * 8))
            try await ledger.recordSkipped(key: reminders[2].key, reason: "superseded", at: Sample.at(86_400 * 8))
            #expect(try await ledger.forgetSkipped(decidedAfter: Sample.at(86_400 * 5)) == 2)
            #expect(try await ledger.knownKeys(reminders.map(\.key)) == [reminders[0].key])
        }
    }
}

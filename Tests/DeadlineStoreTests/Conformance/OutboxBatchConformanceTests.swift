import DeadlineKit
import Testing

@testable import DeadlineStore

/// `commit`: the claims of sends about to start and the results of sends that finished, in one transaction (group
/// commit). Each write is decided as its single-write method would decide it; one refused leaves the others.
/// Runs against every backend.
@Suite("Ledger conformance: outbox batches")
struct OutboxBatchConformanceTests {
    @Test(arguments: LedgerFactory.all)
    func claimsAndResultsInOneBatch(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let r = Sample.reminders(4)
            _ = try await ledger.recordDue(r, at: Sample.t0)
            #expect(try await ledger.commit([]).isEmpty)
            let first = try await ledger.commit([
                .claim(key: r[0].key, owner: Sample.owner, leaseUntil: Sample.at(300), at: Sample.at(1)),
                .claim(key: r[1].key, owner: Sample.owner, leaseUntil: Sample.at(300), at: Sample.at(1)),
            ])
            let a = try first[0].claim()
            let b = try first[1].claim()
            #expect(a.key == r[0].key && a.attempt == 1 && a.leaseUntil == Sample.at(300))
            #expect(b.key == r[1].key && b.attempt == 1 && a.token != b.token)
            #expect(try await Sample.entry(ledger, r[0].key)?.state == .sending)
            #expect(try await ledger.readyToSend(at: Sample.at(2), limit: 10).map(\.key) == [r[2].key, r[3].key])

            // Two results, the next claim, and a claim of a row already being sent (refused alone).
            let error = "webhook http://127.0.0.1/hook: 503 Service Unavailable"
            let second = try await ledger.commit([
                .sent(a, response: "250 2.0.0 Ok: queued as 4F2B", at: Sample.at(3)),
                .failure(b, error: error, disposition: .retry(at: Sample.at(600)), at: Sample.at(3)),
                .claim(key: r[2].key, owner: Sample.owner, leaseUntil: Sample.at(303), at: Sample.at(3)),
                .claim(key: r[0].key, owner: "daemon-b", leaseUntil: Sample.at(303), at: Sample.at(3)),
            ])
            #expect(second.count == 4)
            #expect(second[0] == .recorded)
            #expect(second[1] == .recorded)
            let c = try second[2].claim()
            #expect(c.key == r[2].key)
            guard case .refused(let refusal) = second[3] else {
                throw StoreError(.unknown, "not refused: \(second[3])")
            }
            #expect(refusal.code == .notClaimable)

            let sent = try #require(try await Sample.entry(ledger, r[0].key))
            #expect(sent.state == .sent)
            #expect(sent.response == "250 2.0.0 Ok: queued as 4F2B")
            #expect(sent.sentAt == Sample.at(3))
            #expect(sent.claimedBy == nil)
            #expect(
                sent.attemptLog == [
                    AttemptRecord(
                        number: 1, owner: Sample.owner, startedAt: Sample.at(1), finishedAt: Sample.at(3),
                        outcome: .sent,
                        detail: "250 2.0.0 Ok: queued as 4F2B")
                ])
            let waiting = try #require(try await Sample.entry(ledger, r[1].key))
            #expect(waiting.state == .retry)
            #expect(waiting.lastError == error)
            #expect(waiting.nextAttemptAt == Sample.at(600))
            #expect(waiting.attemptLog?.map(\.outcome) == [.retry])
            #expect(try await Sample.entry(ledger, r[2].key)?.state == .sending)
            #expect(try await ledger.nextRetry() == Sample.at(303))
        }
    }

    @Test(arguments: LedgerFactory.all)
    func aFencedResultAndAnUnknownKeyAreRefusedAlone(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            let r = Sample.reminders(2)
            _ = try await ledger.recordDue(r, at: Sample.t0)
            let old = try await ledger.beginAttempt(
                key: r[0].key, owner: Sample.owner, leaseUntil: Sample.at(60), at: Sample.t0)
            // The lease ran out; another daemon claimed the row again.
            let newer = try await ledger.commit([
                .claim(key: r[0].key, owner: "daemon-b", leaseUntil: Sample.at(400), at: Sample.at(100)),
                .claim(key: r[1].key, owner: "daemon-b", leaseUntil: Sample.at(400), at: Sample.at(100)),
            ]).map { try $0.claim() }
            #expect(newer.map(\.attempt) == [2, 1])
            let results = try await ledger.commit([
                .sent(old, response: "250 late", at: Sample.at(101)),
                .claim(
                    key: "khong-co|2020-12-10|7d|so-9|email", owner: Sample.owner, leaseUntil: Sample.at(400),
                    at: Sample.at(101)),
                .sent(newer[0], response: "250 OK", at: Sample.at(102)),
                .sent(newer[1], response: "250 OK", at: Sample.at(102)),
            ])
            let codes = results.map { result -> StoreError.Code? in
                if case .refused(let error) = result { return error.code }
                return nil
            }
            #expect(codes == [.fenced, .notFound, nil, nil])
            let entry = try #require(try await Sample.entry(ledger, r[0].key))
            #expect(entry.state == .sent)
            #expect(entry.response == "250 OK")
            #expect(entry.attemptLog?.map(\.outcome) == [.interrupted, .sent])
            #expect(try await Sample.entry(ledger, r[1].key)?.state == .sent)
        }
    }

    @Test(arguments: LedgerFactory.persistentOnes)
    func aCommittedBatchIsThereAfterReopening(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { storage, ledger async throws in
            let r = Sample.reminders(3)
            _ = try await ledger.recordDue(r, at: Sample.t0)
            let claims = try await ledger.commit(
                r.map { .claim(key: $0.key, owner: Sample.owner, leaseUntil: Sample.at(300), at: Sample.at(1)) }
            ).map { try $0.claim() }
            _ = try await ledger.commit([.sent(claims[0], response: "250 OK", at: Sample.at(2))])
            let reopened = try await storage.open()
            let states = try await reopened.entries(deadlineID: "5418-de-xuat").map(\.state)
            #expect(states == [.sent, .sending, .sending])
        }
    }
}

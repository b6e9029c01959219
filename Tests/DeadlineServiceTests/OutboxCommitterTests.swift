import DeadlineKit
import Testing

@testable import DeadlineService
@testable import DeadlineStore

/// ``OutboxCommitter``: the writes of concurrent sends share transactions, and each caller gets exactly its own
/// results, as if it had written alone.
@Suite("group commit of the outbox")
struct OutboxCommitterTests {
    static let t0 = Instant(secondsSinceEpoch: 1_606_957_200)

    static func reminders(_ n: Int) -> [LedgerReminder] {
        (0..<n).map { i in
            LedgerReminder(
                key: "de-xuat|2020-12-10|7d|so-\(i)|email", deadlineID: "de-xuat",
                occurrence: CivilDate(year: 2020, month: 12, day: 10)!,
                rule: "7d", kind: .before, unit: "so-\(i)", channel: "email", recipients: ["vanthu@so\(i).example"],
                due: t0.adding(seconds: 86_400),
                sendAt: t0)
        }
    }

    @Test("60 senders at once: each gets its own claim, then its own result; fewer transactions than writes")
    func concurrentWritesShareTransactions() async throws {
        let ledger = try SQLiteLedger.inMemory()
        let rows = Self.reminders(60)
        _ = try await ledger.recordDue(rows, at: Self.t0)
        let committer = OutboxCommitter(ledger: ledger)
        let claims = await withTaskGroup(of: (String, AttemptClaim?).self) { group in
            for row in rows {
                group.addTask {
                    let written = await committer.commit([
                        .claim(key: row.key, owner: "a", leaseUntil: Self.t0.adding(seconds: 300), at: Self.t0)
                    ])
                    return (row.key, try? written.get().first?.claim())
                }
            }
            return await group.reduce(into: [String: AttemptClaim]()) { $0[$1.0] = $1.1 }
        }
        #expect(claims.count == 60)
        #expect(claims.allSatisfy { $0.key == $0.value.key })
        // Each sender writes its result and claims the same row again (refused: it is sent), in one call.
        let answers = await withTaskGroup(of: [OutboxWriteResult].self) { group in
            for (_, claim) in claims {
                group.addTask {
                    let written = await committer.commit([
                        .sent(claim, response: "250 OK \(claim.key)", at: Self.t0.adding(seconds: 1)),
                        .claim(
                            key: claim.key, owner: "a", leaseUntil: Self.t0.adding(seconds: 300),
                            at: Self.t0.adding(seconds: 1)),
                    ])
                    return (try? written.get()) ?? []
                }
            }
            return await group.reduce(into: [[OutboxWriteResult]]()) { $0.append($1) }
        }
        #expect(answers.count == 60)
        #expect(answers.allSatisfy { $0.count == 2 && $0[0] == .recorded })
        #expect(
            answers.allSatisfy { if case .refused(let error) = $0[1] { error.code == .notClaimable } else { false } })
        let entries = try await ledger.entries(deadlineID: "de-xuat")
        #expect(entries.allSatisfy { $0.state == .sent && $0.response == "250 OK \($0.key)" })
        let statistics = committer.statistics
        #expect(statistics.writes == 180)
        #expect(statistics.commits < 180)
    }

    @Test("a failed transaction fails every write in it, and only those")
    func aFailedTransactionFailsItsWrites() async throws {
        let ledger = try SQLiteLedger.inMemory()
        _ = try await ledger.recordDue(Self.reminders(1), at: Self.t0)
        try await ledger.execute(
            "CREATE TRIGGER no_claims BEFORE INSERT ON attempts BEGIN SELECT RAISE(ABORT, 'closed for the test'); END")
        let committer = OutboxCommitter(ledger: ledger)
        let written = await committer.commit([
            .claim(key: Self.reminders(1)[0].key, owner: "a", leaseUntil: Self.t0.adding(seconds: 300), at: Self.t0)
        ])
        #expect(throws: StoreError.self) { try written.get() }
        #expect(try await ledger.entries(deadlineID: "de-xuat").first?.state == .pending)
        #expect(await committer.commit([]).map(\.count) == .success(0))
    }
}

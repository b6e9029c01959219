import DeadlineStore
import Synchronization

/// Group commit for the outbox: the claims and results of concurrent sends go to the ledger together, in one
/// transaction and one commit (``Ledger/commit(_:)``), instead of two transactions (and two `fsync`s) per message.
///
/// A caller hands in its writes and waits for their results. If no commit is under way it leads: it commits its
/// own writes with every write queued so far. Writes handed in while a commit is under way wait for the next one,
/// which the first of their callers leads once the current one is done; so a commit carries everything that came
/// in during the one before it, and nothing waits for a timer. Every write is durable when its caller gets its
/// result, exactly as with the single-write calls, so the crash guarantees do not change: a claim is written before
/// its send starts, a result before it is reported.
final class OutboxCommitter: Sendable {
    let ledger: any Ledger

    init(ledger: any Ledger) {
        self.ledger = ledger
    }

    /// What a caller's writes became: each write's result, or the error that failed the whole transaction.
    typealias Outcome = Result<[OutboxWriteResult], StoreError>

    private struct Waiter: Sendable {
        let writes: [OutboxWrite]
        let continuation: CheckedContinuation<Reply, Never>
    }

    private enum Reply: Sendable {
        case done(Outcome)
        case lead
    }

    private struct State: Sendable {
        var waiting: [Waiter] = []
        var leading = false
    }

    private let state = Mutex(State())
    /// Transactions made and writes they carried, since the start (for tests and benchmarks).
    private let totals = Mutex((commits: 0, writes: 0))

    var statistics: (commits: Int, writes: Int) { totals.withLock { $0 } }

    /// Writes `writes` with whatever else is queued; returns their results in order.
    func commit(_ writes: [OutboxWrite]) async -> Outcome {
        guard !writes.isEmpty else { return .success([]) }
        let reply = await withCheckedContinuation { (continuation: CheckedContinuation<Reply, Never>) in
            let lead = state.withLock { state -> Bool in
                if state.leading {
                    state.waiting.append(Waiter(writes: writes, continuation: continuation))
                    return false
                }
                state.leading = true
                return true
            }
            if lead { continuation.resume(returning: .lead) }
        }
        switch reply {
        case .done(let outcome): return outcome
        case .lead: return await lead(writes)
        }
    }

    /// Commits `own` with every write waiting, hands each waiter its results, then passes the lead to the first
    /// writer that came in meanwhile (or gives it up).
    private func lead(_ own: [OutboxWrite]) async -> Outcome {
        let waiters = state.withLock { state in
            defer { state.waiting.removeAll() }
            return state.waiting
        }
        var batch = own
        for waiter in waiters { batch += waiter.writes }
        totals.withLock { $0 = ($0.commits + 1, $0.writes + batch.count) }
        let outcome: Outcome
        do {
            outcome = .success(try await ledger.commit(batch))
        } catch {
            outcome = .failure(error)
        }
        var offset = own.count
        for waiter in waiters {
            waiter.continuation.resume(returning: .done(Self.slice(outcome, offset..<offset + waiter.writes.count)))
            offset += waiter.writes.count
        }
        let next = state.withLock { state -> Waiter? in
            guard !state.waiting.isEmpty else {
                state.leading = false
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.continuation.resume(returning: .lead)
        return Self.slice(outcome, 0..<own.count)
    }

    private static func slice(_ outcome: Outcome, _ range: Range<Int>) -> Outcome {
        outcome.map { Array($0[range]) }
    }
}

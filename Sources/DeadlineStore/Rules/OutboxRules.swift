import DeadlineKit

/// The outbox's transaction steps, decided once for every backend from a row's ``RowStanding`` (read, and on
/// PostgreSQL locked, in the same transaction).
enum OutboxRules {
    /// Claims a row for an attempt: refused unless it is claimable; a `sending` row whose lease ran out has its
    /// attempt closed as interrupted first.
    static func claim(
        _ standing: RowStanding, owner: String, leaseUntil: Instant, token: String, at now: Instant
    ) throws(StoreError) -> (statements: [LedgerStatement], claim: AttemptClaim) {
        try standing.requireClaimable(at: now, action: "cannot be claimed")
        var statements: [LedgerStatement] = []
        if standing.state == .sending { statements.append(LedgerSQL.markInterrupted(standing.key, at: now)) }
        let attempt = standing.attempts + 1
        statements += LedgerSQL.claim(
            standing.key, attempt: attempt, owner: owner, leaseUntil: leaseUntil, token: token, at: now)
        return (
            statements,
            AttemptClaim(key: standing.key, attempt: attempt, token: token, owner: owner, leaseUntil: leaseUntil)
        )
    }

    /// Sets aside a row that is not being sent: `given_up` or `skipped`.
    static func setAside(
        _ standing: RowStanding, as state: ReminderState, reason: String, at now: Instant
    )
        throws(StoreError) -> [LedgerStatement]
    {
        try standing.requireClaimable(at: now, action: state == .skipped ? "cannot be skipped" : "cannot be given up")
        var statements: [LedgerStatement] = []
        if standing.state == .sending { statements.append(LedgerSQL.markInterrupted(standing.key, at: now)) }
        statements.append(LedgerSQL.setAside(standing.key, as: state, reason: reason, at: now))
        return statements
    }

    /// A result write's columns, its attempt's outcome and detail.
    struct Outcome: Sendable {
        let result: LedgerSQL.Result
        let attempt: AttemptOutcome
        let detail: String
    }

    static func sent(response: String, at now: Instant) -> Outcome {
        let response = LedgerText.capped(response)
        return Outcome(
            result: LedgerSQL.Result(state: .sent, response: response, sentAt: now.secondsSinceEpoch), attempt: .sent,
            detail: response)
    }

    static func failed(error: String, disposition: FailureDisposition) -> Outcome {
        let error = LedgerText.capped(error)
        switch disposition {
        case .retry(let at):
            return Outcome(
                result: LedgerSQL.Result(state: .retry, lastError: error, nextAttemptAt: at.secondsSinceEpoch),
                attempt: .retry,
                detail: error)
        case .permanent:
            return Outcome(result: LedgerSQL.Result(state: .failed, lastError: error), attempt: .failed, detail: error)
        case .givenUp(let reason):
            return Outcome(
                result: LedgerSQL.Result(state: .givenUp, lastError: error, reason: LedgerText.capped(reason)),
                attempt: .givenUp,
                detail: error)
        }
    }
}

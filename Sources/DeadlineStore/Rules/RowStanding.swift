import DeadlineKit

/// The part of a reminder row that decides whether it may be claimed, skipped or given up, read inside the
/// transaction that changes it. The same rules for every backend.
struct RowStanding: Sendable {
    let key: String
    let state: ReminderState
    let attempts: Int
    let nextAttemptAt: Instant?
    let claimedBy: String?

    /// The columns it is read from, in this order.
    static let columns = "state, attempts, next_attempt_at, claimed_by"

    init(key: String, state: ReminderState, attempts: Int, nextAttemptAt: Instant?, claimedBy: String?) {
        self.key = key
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.claimedBy = claimedBy
    }

    /// Reads ``columns`` from a row.
    init(key: String, _ cells: some LedgerCells) throws {
        self.init(
            key: key, state: try cells.enumValue(0), attempts: try cells.int(1),
            nextAttemptAt: try cells.optionalInstant(2),
            claimedBy: try cells.optionalText(3))
    }

    /// Pending; retry whose time has come; sending whose lease has run out (or that has no lease).
    func requireClaimable(at now: Instant, action: String) throws(StoreError) {
        switch state {
        case .pending:
            return
        case .retry, .sending:
            guard let next = nextAttemptAt, next > now else { return }
            let why =
                state == .retry
                ? "its next attempt is not due until \(next.utcText)"
                : "\(claimedBy ?? "another instance") is sending it (lease until \(next.utcText))"
            throw StoreError(.notClaimable, "reminder '\(key)' \(action): \(why)")
        case .sent, .failed, .givenUp, .skipped:
            throw StoreError(.notClaimable, "reminder '\(key)' \(action): it is already \(state.rawValue)")
        }
    }
}

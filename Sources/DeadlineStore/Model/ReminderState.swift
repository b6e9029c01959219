/// Where one reminder stands in the ledger's outbox.
///
/// ```
///            recordDue                beginAttempt             recordSent
/// (planned) ──────────> pending ─────────────────> sending ──────────────> sent
///                                                  │    ^
///                           recordFailure(.retry)  v    │ beginAttempt, once next_attempt_at has come
///                                                  retry
///   recordFailure(.permanent): sending -> failed
///   recordFailure(.givenUp), recordGivenUp: sending/pending/retry -> given_up
///   recordSkipped: (planned) -> skipped;  markDone/snooze: pending/retry -> skipped
/// ```
///
/// A row left in ``sending`` by a crash becomes claimable again when its claim's lease runs out (see
/// ``Ledger/beginAttempt(key:owner:leaseUntil:at:)``).
package enum ReminderState: String, Sendable, Hashable, CaseIterable {
    /// Recorded as due; not yet attempted.
    case pending
    /// An attempt is under way (the intent is written down; the result is not yet).
    case sending
    /// A server accepted the message. Final.
    case sent
    /// The last attempt failed temporarily; another follows at `next_attempt_at`.
    case retry
    /// An attempt failed permanently (the server refused for good). Final; needs an administrator.
    case failed
    /// Temporary failures went on too long (`retry_limit`, `retry_max_age`). Final.
    case givenUp = "given_up"
    /// Never sent on purpose: too old after downtime (`catch_up`), or its occurrence was marked done or
    /// snoozed. Final.
    case skipped

    /// Whether nothing more will happen to a reminder in this state.
    package var isFinal: Bool {
        switch self {
        case .sent, .failed, .givenUp, .skipped: true
        case .pending, .sending, .retry: false
        }
    }
}

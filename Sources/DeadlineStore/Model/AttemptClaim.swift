package import DeadlineKit

/// The right to send one reminder once, returned by ``Ledger/beginAttempt(key:owner:leaseUntil:at:)`` and
/// passed back with the result.
///
/// The result write is fenced by ``token``: it succeeds only while the row is still `sending` under this claim.
/// If the lease ran out and another daemon claimed the row again, the late result is refused with
/// ``StoreError/Code/fenced``.
package struct AttemptClaim: Sendable, Hashable {
    /// The reminder's key.
    package var key: String
    /// The attempt's number: 1 for the first.
    package var attempt: Int
    /// A random token that identifies this claim.
    package var token: String
    /// The instance that claimed it.
    package var owner: String
    /// Until when no other instance may claim the row.
    package var leaseUntil: Instant

    /// A claim from plain values (backends make these; callers only pass them back).
    package init(key: String, attempt: Int, token: String, owner: String, leaseUntil: Instant) {
        self.key = key
        self.attempt = attempt
        self.token = token
        self.owner = owner
        self.leaseUntil = leaseUntil
    }
}

/// What follows a failed attempt: the caller decides, from the channel's outcome and the retry settings.
package enum FailureDisposition: Sendable, Hashable {
    /// A temporary failure: state `retry`, next attempt no sooner than this moment.
    case retry(at: Instant)
    /// A permanent failure: state `failed`.
    case permanent
    /// A temporary failure, but retries are exhausted (`retry_limit`, `retry_max_age`): state `given_up`, with
    /// the reason shown to the admin.
    case givenUp(reason: String)
}

package import DeadlineKit

/// One write of the outbox, for ``Ledger/commit(_:)``: the intent of a send about to start, or the result of one
/// that has finished. Each is the write that ``Ledger/beginAttempt(key:owner:leaseUntil:at:)``,
/// ``Ledger/recordSent(_:response:at:)`` or ``Ledger/recordFailure(_:error:disposition:at:)`` makes alone.
package enum OutboxWrite: Sendable, Hashable {
    /// Claim a row for an attempt (state `sending`, attempts + 1), as ``Ledger/beginAttempt(key:owner:leaseUntil:at:)``.
    case claim(key: String, owner: String, leaseUntil: Instant, at: Instant)
    /// A server accepted the message, as ``Ledger/recordSent(_:response:at:)``.
    case sent(AttemptClaim, response: String, at: Instant)
    /// The attempt failed, as ``Ledger/recordFailure(_:error:disposition:at:)``.
    case failure(AttemptClaim, error: String, disposition: FailureDisposition, at: Instant)

    /// The reminder's key.
    package var key: String {
        switch self {
        case .claim(let key, _, _, _): key
        case .sent(let claim, _, _), .failure(let claim, _, _, _): claim.key
        }
    }
}

/// What became of one ``OutboxWrite`` of a batch.
package enum OutboxWriteResult: Sendable, Equatable {
    /// The claim was written: send, then write the result with this claim.
    case claimed(AttemptClaim)
    /// The result was written.
    case recorded
    /// This write alone was refused, and nothing of it written: a claim on a row that is not claimable or unknown, a
    /// result fenced by a newer claim, a value the ledger refuses. The other writes of the batch are not affected.
    case refused(StoreError)

    /// The claim, or the error that refused it (a result's outcome is ``recorded``).
    package func claim() throws(StoreError) -> AttemptClaim {
        switch self {
        case .claimed(let claim): return claim
        case .refused(let error): throw error
        case .recorded: throw StoreError(.invalidInput, "a result write was read as a claim")
        }
    }

    /// Nothing, or the error that refused the write.
    package func recorded() throws(StoreError) {
        if case .refused(let error) = self { throw error }
    }
}

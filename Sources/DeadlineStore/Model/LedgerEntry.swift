package import DeadlineKit

/// One row of the ledger: a reminder and what has happened to it. For the scheduler and for
/// `deadlinectl status/history/report`.
package struct LedgerEntry: Sendable, Hashable {
    /// What was planned.
    package var reminder: LedgerReminder
    /// Where it stands.
    package var state: ReminderState
    /// Attempts begun so far (an attempt interrupted by a crash counts).
    package var attempts: Int
    /// `retry`: when the next attempt may begin. `sending`: when the claim's lease ends.
    package var nextAttemptAt: Instant?
    /// The last failure's message (secret-free, as the channel reported it).
    package var lastError: String?
    /// Why it was skipped or given up.
    package var reason: String?
    /// The server's answer when sent, e.g. `250 2.0.0 Ok: queued as 4F2B`.
    package var response: String?
    /// When a server accepted it.
    package var sentAt: Instant?
    /// Who holds the current claim (`sending` only): an instance id.
    package var claimedBy: String?
    /// When it was first recorded.
    package var createdAt: Instant
    /// When it last changed.
    package var updatedAt: Instant
    /// When an administrator last put it back to be sent (`deadlinectl resend`), and how many attempts it had
    /// then: `retry_limit` and `retry_max_age` count from there.
    package var requeuedAt: Instant?
    package var requeuedAfter: Int
    /// Every attempt, oldest first; `nil` unless the query asked for them
    /// (``Ledger/entries(deadlineID:)`` does).
    package var attemptLog: [AttemptRecord]?

    /// An entry from plain values (backends build these from rows).
    package init(
        reminder: LedgerReminder, state: ReminderState, attempts: Int = 0, nextAttemptAt: Instant? = nil,
        lastError: String? = nil, reason: String? = nil, response: String? = nil, sentAt: Instant? = nil,
        claimedBy: String? = nil, createdAt: Instant, updatedAt: Instant, requeuedAt: Instant? = nil,
        requeuedAfter: Int = 0,
        attemptLog: [AttemptRecord]? = nil
    ) {
        self.reminder = reminder
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.reason = reason
        self.response = response
        self.sentAt = sentAt
        self.claimedBy = claimedBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.requeuedAt = requeuedAt
        self.requeuedAfter = requeuedAfter
        self.attemptLog = attemptLog
    }

    /// The reminder's key.
    package var key: String { reminder.key }
}

/// One attempt to send a reminder.
package struct AttemptRecord: Sendable, Hashable {
    /// 1, 2, ...
    package var number: Int
    /// Who made it: the instance id given to ``Ledger/beginAttempt(key:owner:leaseUntil:at:)``.
    package var owner: String
    /// When the intent was written down.
    package var startedAt: Instant
    /// When the result was written down; `nil` while under way.
    package var finishedAt: Instant?
    /// How it ended; `nil` while under way.
    package var outcome: AttemptOutcome?
    /// The server's answer or the error, secret-free.
    package var detail: String?

    /// A record from plain values.
    package init(
        number: Int, owner: String, startedAt: Instant, finishedAt: Instant? = nil, outcome: AttemptOutcome? = nil,
        detail: String? = nil
    ) {
        self.number = number
        self.owner = owner
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outcome = outcome
        self.detail = detail
    }
}

/// How an attempt ended.
package enum AttemptOutcome: String, Sendable, Hashable, CaseIterable {
    /// A server accepted the message.
    case sent
    /// A temporary failure; a retry was scheduled.
    case retry
    /// A permanent failure.
    case failed
    /// A failure after which the reminder was given up.
    case givenUp = "given_up"
    /// The daemon stopped (crash, `kill -9`, power loss) before it wrote the result: the message may or may not
    /// have gone out. Found when the reminder was claimed again.
    case interrupted
}

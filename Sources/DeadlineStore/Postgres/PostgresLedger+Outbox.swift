import DeadlineKit
import PostgresNIO

extension PostgresLedger {
    /// See ``Ledger/recordDue(_:at:)``: `INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING`, keys in
    /// order, so that daemons recording the same reminders at once take the key locks in the same order.
    public func recordDue(_ reminders: [LedgerReminder], at now: Instant) async throws(StoreError) -> Set<String> {
        try await insert(reminders, state: .pending, reason: nil, at: now)
    }

    /// See ``Ledger/recordSkipped(_:reason:at:)``.
    public func recordSkipped(
        _ reminders: [LedgerReminder], reason: String, at now: Instant
    ) async throws(StoreError) -> Set<String> {
        try await insert(reminders, state: .skipped, reason: LedgerText.capped(reason), at: now)
    }

    /// Rows per statement: each column travels as one array parameter, so this bounds only the message size.
    static let insertChunk = 5000

    private func insert(
        _ reminders: [LedgerReminder], state: ReminderState, reason: String?, at now: Instant
    ) async throws(StoreError) -> Set<String> {
        try LedgerText.validate(reminders)
        guard !reminders.isEmpty else { return [] }
        let logger = queryLogger
        let sorted = reminders.sorted { $0.key < $1.key }
        return try await link.transaction { connection in
            var new: Set<String> = []
            var start = sorted.startIndex
            while start < sorted.endIndex {
                let chunk = sorted[start..<min(start + Self.insertChunk, sorted.endIndex)]
                let query: PostgresQuery = """
                    INSERT INTO reminders (reminder_key, deadline_id, occurrence, rule, kind, unit, channel,
                        recipients, due_at, send_at, state, reason, created_at, updated_at)
                    SELECT k, d, o, r, kd, u, c, rc, du, s, \(state.rawValue), \(reason), \(now.secondsSinceEpoch),
                        \(now.secondsSinceEpoch)
                    FROM unnest(\(chunk.map(\.key)), \(chunk.map(\.deadlineID)), \(chunk.map(\.occurrence.iso)),
                        \(chunk.map(\.rule)), \(chunk.map(\.kind.rawValue)), \(chunk.map(\.unit)),
                        \(chunk.map(\.channel)), \(chunk.map { $0.recipients.joined(separator: "\n") }),
                        \(chunk.map(\.due.secondsSinceEpoch)), \(chunk.map(\.sendAt.secondsSinceEpoch)))
                        AS t(k, d, o, r, kd, u, c, rc, du, s)
                    ORDER BY k
                    ON CONFLICT (reminder_key) DO NOTHING RETURNING reminder_key
                    """
                for try await key in try await connection.query(query, logger: logger).decode(String.self) {
                    new.insert(key)
                }
                start += chunk.count
            }
            return new
        }
    }

    /// See ``Ledger/knownKeys(_:)``.
    public func knownKeys(_ keys: [String]) async throws(StoreError) -> Set<String> {
        guard !keys.isEmpty else { return [] }
        let logger = queryLogger
        return try await link.run { connection in
            var known: Set<String> = []
            let query: PostgresQuery = "SELECT reminder_key FROM reminders WHERE reminder_key = ANY(\(keys))"
            for try await key in try await connection.query(query, logger: logger).decode(String.self) {
                known.insert(key)
            }
            return known
        }
    }

    /// See ``Ledger/readyToSend(at:limit:)``.
    public func readyToSend(at now: Instant, limit: Int) async throws(StoreError) -> [LedgerEntry] {
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in
            let query: PostgresQuery = """
                SELECT \(unescaped: PostgresRows.entryColumns) FROM reminders
                WHERE state = 'pending' OR (state IN ('retry', 'sending') AND next_attempt_at <= \(now.secondsSinceEpoch))
                ORDER BY send_at, reminder_key LIMIT \(max(0, limit))
                """
            return try await PostgresRows.all(query, on: connection, logger: logger)
                .map { try PostgresRows.entry($0, database: database) }
        }
    }

    /// See ``Ledger/beginAttempt(key:owner:leaseUntil:at:)``: the row is locked with `FOR UPDATE SKIP LOCKED`, so
    /// a row that another daemon is claiming at this moment is reported as not claimable instead of waited for.
    public func beginAttempt(
        key: String, owner: String, leaseUntil: Instant, at now: Instant
    ) async throws(StoreError) -> AttemptClaim {
        let token = LedgerText.newClaimToken()
        let logger = queryLogger
        let database = displayName
        return try await link.transaction { connection in
            guard let row = try await Self.lockedRow(key, on: connection, skipLocked: true, database: database, logger)
            else {
                throw try await Self.missing(key, on: connection, database: database, logger)
            }
            try row.requireClaimable(at: now, action: "cannot be claimed")
            if row.state == .sending {
                try await Self.markInterrupted(key, on: connection, at: now, logger)
                try await Self.announce(.leaseTakenOver(key: key, from: row.claimedBy, by: owner), on: connection, logger: logger)
            }
            let attempt = row.attempts + 1
            let lease = leaseUntil.secondsSinceEpoch
            try await connection.query(
                """
                UPDATE reminders SET state = 'sending', attempts = \(attempt), next_attempt_at = \(lease),
                    claimed_by = \(owner), lease_until = \(lease), claim_token = \(token),
                    updated_at = \(now.secondsSinceEpoch)
                WHERE reminder_key = \(key)
                """, logger: logger)
            try await connection.query(
                """
                INSERT INTO attempts (reminder_key, attempt, owner, started_at)
                VALUES (\(key), \(attempt), \(owner), \(now.secondsSinceEpoch))
                """, logger: logger)
            return AttemptClaim(key: key, attempt: attempt, token: token, owner: owner, leaseUntil: leaseUntil)
        }
    }

    /// See ``Ledger/recordSent(_:response:at:)``.
    public func recordSent(_ claim: AttemptClaim, response: String, at now: Instant) async throws(StoreError) {
        let response = LedgerText.capped(response)
        try await finish(
            claim, outcome: .sent, detail: response, at: now,
            result: Result(state: .sent, response: response, sentAt: now.secondsSinceEpoch))
    }

    /// See ``Ledger/recordFailure(_:error:disposition:at:)``.
    public func recordFailure(
        _ claim: AttemptClaim, error: String, disposition: FailureDisposition, at now: Instant
    ) async throws(StoreError) {
        let error = LedgerText.capped(error)
        switch disposition {
        case .retry(let at):
            try await finish(
                claim, outcome: .retry, detail: error, at: now,
                result: Result(state: .retry, lastError: error, nextAttemptAt: at.secondsSinceEpoch))
        case .permanent:
            try await finish(claim, outcome: .failed, detail: error, at: now, result: Result(state: .failed, lastError: error))
        case .givenUp(let reason):
            try await finish(
                claim, outcome: .givenUp, detail: error, at: now,
                result: Result(state: .givenUp, lastError: error, reason: LedgerText.capped(reason)))
        }
    }

    /// The columns a result write sets; `nil` leaves a column as it was (`next_attempt_at` is always set).
    struct Result: Sendable {
        var state: ReminderState
        var response: String? = nil
        var sentAt: Int64? = nil
        var lastError: String? = nil
        var reason: String? = nil
        var nextAttemptAt: Int64? = nil
    }

    /// The fenced result write: changes the row only while it is `sending` under this claim's token.
    private func finish(
        _ claim: AttemptClaim, outcome: AttemptOutcome, detail: String, at now: Instant, result: Result
    ) async throws(StoreError) {
        let logger = queryLogger
        let database = displayName
        try await link.transaction { connection in
            let changed = try await PostgresRows.all(
                """
                UPDATE reminders SET state = \(result.state.rawValue), response = COALESCE(\(result.response), response),
                    sent_at = COALESCE(\(result.sentAt), sent_at), last_error = COALESCE(\(result.lastError), last_error),
                    reason = COALESCE(\(result.reason), reason), next_attempt_at = \(result.nextAttemptAt),
                    claimed_by = NULL, lease_until = NULL, claim_token = NULL, updated_at = \(now.secondsSinceEpoch)
                WHERE reminder_key = \(claim.key) AND state = 'sending' AND claim_token = \(claim.token)
                RETURNING reminder_key
                """, on: connection, logger: logger)
            guard changed.count == 1 else {
                throw try await Self.fencingError(claim, on: connection, database: database, logger)
            }
            try await connection.query(
                """
                UPDATE attempts SET finished_at = \(now.secondsSinceEpoch), outcome = \(outcome.rawValue),
                    detail = \(detail)
                WHERE reminder_key = \(claim.key) AND attempt = \(claim.attempt)
                """, logger: logger)
        }
    }

    /// See ``Ledger/recordGivenUp(key:reason:at:)``.
    public func recordGivenUp(key: String, reason: String, at now: Instant) async throws(StoreError) {
        try await setAside(key: key, as: .givenUp, reason: reason, at: now)
    }

    /// See ``Ledger/recordSkipped(key:reason:at:)``.
    public func recordSkipped(key: String, reason: String, at now: Instant) async throws(StoreError) {
        try await setAside(key: key, as: .skipped, reason: reason, at: now)
    }

    private func setAside(key: String, as state: ReminderState, reason: String, at now: Instant) async throws(StoreError) {
        let reason = LedgerText.capped(reason)
        let logger = queryLogger
        let database = displayName
        try await link.transaction { connection in
            guard let row = try await Self.lockedRow(key, on: connection, skipLocked: false, database: database, logger)
            else {
                throw StoreError(.notFound, "no reminder '\(key)' in the ledger \(database)")
            }
            try row.requireClaimable(at: now, action: state == .skipped ? "cannot be skipped" : "cannot be given up")
            if row.state == .sending { try await Self.markInterrupted(key, on: connection, at: now, logger) }
            try await connection.query(
                """
                UPDATE reminders SET state = \(state.rawValue), reason = \(reason), next_attempt_at = NULL,
                    claimed_by = NULL, lease_until = NULL, claim_token = NULL, updated_at = \(now.secondsSinceEpoch)
                WHERE reminder_key = \(key)
                """, logger: logger)
        }
    }

    /// See ``Ledger/forgetSkipped(decidedAfter:)``.
    public func forgetSkipped(decidedAfter: Instant) async throws(StoreError) -> Int {
        let logger = queryLogger
        return try await link.transaction { connection in
            try await PostgresRows.all(
                """
                DELETE FROM reminders WHERE state = 'skipped' AND attempts = 0 AND updated_at > \(decidedAfter.secondsSinceEpoch)
                RETURNING reminder_key
                """, on: connection, logger: logger
            ).count
        }
    }

    /// See ``Ledger/requeue(deadlineID:channel:since:reason:at:)``.
    public func requeue(
        deadlineID: String?, channel: String?, since: Instant?, reason: String, at now: Instant
    ) async throws(StoreError) -> [LedgerEntry] {
        let logger = queryLogger
        let database = displayName
        let reason = LedgerText.capped(reason)
        let seconds = now.secondsSinceEpoch
        let from = since?.secondsSinceEpoch ?? Int64.min
        return try await link.transaction { connection in
            let rows = try await PostgresRows.all(
                """
                SELECT \(unescaped: PostgresRows.entryColumns) FROM reminders
                WHERE state IN ('failed', 'given_up') AND (\(deadlineID)::text IS NULL OR deadline_id = \(deadlineID))
                    AND (\(channel)::text IS NULL OR channel = \(channel)) AND updated_at >= \(from)
                ORDER BY send_at, reminder_key FOR UPDATE
                """, on: connection, logger: logger
            ).map { try PostgresRows.entry($0, database: database) }
            let keys = rows.map(\.key)
            try await connection.query(
                """
                UPDATE reminders SET state = 'pending', reason = \(reason), next_attempt_at = NULL,
                    requeued_at = \(seconds), requeued_after = attempts, updated_at = \(seconds)
                WHERE reminder_key = ANY(\(keys))
                """, logger: logger)
            if !keys.isEmpty { try await Self.announce(.occurrencesChanged, on: connection, logger: logger) }
            return rows
        }
    }

    /// See ``Ledger/nextRetry()``.
    public func nextRetry() async throws(StoreError) -> Instant? {
        let logger = queryLogger
        return try await link.run { connection in
            var next: Int64?
            for try await value in try await connection.query(
                "SELECT MIN(next_attempt_at) FROM reminders WHERE state IN ('retry', 'sending')", logger: logger
            ).decode(Int64?.self) {
                next = value
            }
            return next.map(Instant.init(secondsSinceEpoch:))
        }
    }

    /// See ``Ledger/releaseClaims(notOwnedBy:at:)``. Never called by a daemon on a shared ledger: other live
    /// instances hold claims there.
    public func releaseClaims(notOwnedBy owner: String, at now: Instant) async throws(StoreError) -> Int {
        let logger = queryLogger
        let seconds = now.secondsSinceEpoch
        return try await link.run { connection in
            try await PostgresRows.all(
                """
                UPDATE reminders SET lease_until = \(seconds), next_attempt_at = \(seconds)
                WHERE state = 'sending' AND (claimed_by IS NULL OR claimed_by <> \(owner)) AND next_attempt_at > \(seconds)
                RETURNING reminder_key
                """, on: connection, logger: logger
            ).count
        }
    }

    /// See ``SharedLedger/renewLeases(_:until:at:)``.
    public func renewLeases(_ claims: [AttemptClaim], until: Instant, at now: Instant) async throws(StoreError) -> Set<String> {
        guard !claims.isEmpty else { return [] }
        let logger = queryLogger
        let lease = until.secondsSinceEpoch
        return try await link.run { connection in
            var held: Set<String> = []
            let query: PostgresQuery = """
                UPDATE reminders r SET lease_until = \(lease), next_attempt_at = \(lease)
                FROM unnest(\(claims.map(\.key)), \(claims.map(\.token))) AS c(k, t)
                WHERE r.reminder_key = c.k AND r.claim_token = c.t AND r.state = 'sending'
                RETURNING r.reminder_key
                """
            for try await key in try await connection.query(query, logger: logger).decode(String.self) {
                held.insert(key)
            }
            return held
        }
    }
}

import Logging
package import DeadlineKit
import PostgresNIO

extension PostgresLedger {
    /// See ``Ledger/recordDue(_:at:)``: `INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING`, keys in
    /// order, so that daemons recording the same reminders at once take the key locks in the same order.
    package func recordDue(_ reminders: [LedgerReminder], at now: Instant) async throws(StoreError) -> Set<String> {
        try await insert(reminders, state: .pending, reason: nil, at: now)
    }

    /// See ``Ledger/recordSkipped(_:reason:at:)``.
    package func recordSkipped(
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
    package func knownKeys(_ keys: [String]) async throws(StoreError) -> Set<String> {
        guard !keys.isEmpty else { return [] }
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in
            var known: Set<String> = []
            var start = keys.startIndex
            while start < keys.endIndex {
                let chunk = keys[start..<min(start + 500, keys.endIndex)]
                for cells in try await connection.rows(LedgerSQL.knownKeys(chunk), location: database, logger: logger) {
                    known.insert(try cells.text(0))
                }
                start += chunk.count
            }
            return known
        }
    }

    /// See ``Ledger/readyToSend(at:limit:)``.
    package func readyToSend(at now: Instant, limit: Int) async throws(StoreError) -> [LedgerEntry] {
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in
            try await connection.rows(LedgerSQL.readyToSend(at: now, limit: limit), location: database, logger: logger)
                .map(LedgerRows.entry)
        }
    }

    /// See ``Ledger/beginAttempt(key:owner:leaseUntil:at:)``: the row is locked with `FOR UPDATE SKIP LOCKED`, so
    /// a row that another daemon is claiming at this moment is reported as not claimable instead of waited for.
    package func beginAttempt(
        key: String, owner: String, leaseUntil: Instant, at now: Instant
    ) async throws(StoreError) -> AttemptClaim {
        let token = LedgerText.newClaimToken()
        let logger = queryLogger
        let database = displayName
        return try await link.transaction { connection in
            try await Self.claim(
                key, owner: owner, leaseUntil: leaseUntil, token: token, at: now, on: connection, database: database,
                logger)
        }
    }

    /// See ``Ledger/commit(_:)``: one transaction, each write decided by the rules as it comes (rows locked as for
    /// the single writes); a write the rules refuse has written nothing, a database error rolls back all.
    package func commit(_ writes: [OutboxWrite]) async throws(StoreError) -> [OutboxWriteResult] {
        guard !writes.isEmpty else { return [] }
        let tokens = writes.map { write -> String? in if case .claim = write { LedgerText.newClaimToken() } else { nil }
        }
        let logger = queryLogger
        let database = displayName
        return try await link.transaction { connection in
            var results: [OutboxWriteResult] = []
            results.reserveCapacity(writes.count)
            for (write, token) in zip(writes, tokens) {
                do {
                    switch write {
                    case .claim(let key, let owner, let leaseUntil, let now):
                        results.append(
                            .claimed(
                                try await Self.claim(
                                    key, owner: owner, leaseUntil: leaseUntil, token: token ?? "", at: now,
                                    on: connection,
                                    database: database, logger)))
                    case .sent(let claim, let response, let now):
                        try await Self.finish(
                            claim, OutboxRules.sent(response: response, at: now), at: now, on: connection,
                            database: database, logger)
                        results.append(.recorded)
                    case .failure(let claim, let error, let disposition, let now):
                        try await Self.finish(
                            claim, OutboxRules.failed(error: error, disposition: disposition), at: now, on: connection,
                            database: database,
                            logger)
                        results.append(.recorded)
                    }
                } catch let refusal as StoreError {
                    results.append(.refused(refusal))
                }
            }
            return results
        }
    }

    /// A claim's statements in the caller's transaction: the row locked with `FOR UPDATE SKIP LOCKED`.
    static func claim(
        _ key: String, owner: String, leaseUntil: Instant, token: String, at now: Instant,
        on connection: PostgresConnection,
        database: String, _ logger: Logger
    ) async throws -> AttemptClaim {
        guard let standing = try await lockedRow(key, on: connection, skipLocked: true, database: database, logger)
        else {
            throw try await missing(key, on: connection, database: database, logger)
        }
        let (statements, claim) = try OutboxRules.claim(
            standing, owner: owner, leaseUntil: leaseUntil, token: token, at: now)
        for statement in statements { try await connection.run(statement, logger: logger) }
        if standing.state == .sending {
            try await announce(
                .leaseTakenOver(key: key, from: standing.claimedBy, by: owner), on: connection, logger: logger)
        }
        return claim
    }

    /// The fenced result write in the caller's transaction.
    static func finish(
        _ claim: AttemptClaim, _ outcome: OutboxRules.Outcome, at now: Instant, on connection: PostgresConnection,
        database: String, _ logger: Logger
    ) async throws {
        let changed = try await connection.rows(
            LedgerSQL.finish(claim, outcome.result, at: now), location: database, logger: logger)
        guard changed.count == 1 else {
            throw try await fencingError(claim, on: connection, database: database, logger)
        }
        try await connection.run(
            LedgerSQL.closeAttempt(claim, outcome: outcome.attempt, detail: outcome.detail, at: now), logger: logger)
    }

    /// See ``Ledger/recordSent(_:response:at:)``.
    package func recordSent(_ claim: AttemptClaim, response: String, at now: Instant) async throws(StoreError) {
        try await finish(claim, OutboxRules.sent(response: response, at: now), at: now)
    }

    /// See ``Ledger/recordFailure(_:error:disposition:at:)``.
    package func recordFailure(
        _ claim: AttemptClaim, error: String, disposition: FailureDisposition, at now: Instant
    ) async throws(StoreError) {
        try await finish(claim, OutboxRules.failed(error: error, disposition: disposition), at: now)
    }

    /// The fenced result write: changes the row only while it is `sending` under this claim's token.
    private func finish(_ claim: AttemptClaim, _ outcome: OutboxRules.Outcome, at now: Instant) async throws(StoreError)
    {
        let logger = queryLogger
        let database = displayName
        try await link.transaction { connection in
            try await Self.finish(claim, outcome, at: now, on: connection, database: database, logger)
        }
    }

    /// See ``Ledger/recordGivenUp(key:reason:at:)``.
    package func recordGivenUp(key: String, reason: String, at now: Instant) async throws(StoreError) {
        try await setAside(key: key, as: .givenUp, reason: reason, at: now)
    }

    /// See ``Ledger/recordSkipped(key:reason:at:)``.
    package func recordSkipped(key: String, reason: String, at now: Instant) async throws(StoreError) {
        try await setAside(key: key, as: .skipped, reason: reason, at: now)
    }

    private func setAside(
        key: String, as state: ReminderState, reason: String, at now: Instant
    ) async throws(StoreError) {
        let logger = queryLogger
        let database = displayName
        try await link.transaction { connection in
            guard
                let standing = try await Self.lockedRow(
                    key, on: connection, skipLocked: false, database: database, logger)
            else {
                throw LedgerText.noSuchReminder(key, in: database)
            }
            for statement in try OutboxRules.setAside(standing, as: state, reason: reason, at: now) {
                try await connection.run(statement, logger: logger)
            }
        }
    }

    /// See ``Ledger/forgetSkipped(decidedAfter:)``.
    package func forgetSkipped(decidedAfter: Instant) async throws(StoreError) -> Int {
        let logger = queryLogger
        let database = displayName
        return try await link.transaction { connection in
            try await connection.rows(
                LedgerSQL.forgetSkipped(decidedAfter: decidedAfter), location: database, logger: logger
            ).count
        }
    }

    /// See ``Ledger/requeue(deadlineID:channel:since:reason:at:)``.
    package func requeue(
        deadlineID: String?, channel: String?, since: Instant?, reason: String, at now: Instant
    ) async throws(StoreError) -> [LedgerEntry] {
        let logger = queryLogger
        let database = displayName
        return try await link.transaction { connection in
            let candidates = LedgerSQL.requeueCandidates(deadlineID: deadlineID, channel: channel, since: since)
            let locked = LedgerStatement(candidates.sql + " FOR UPDATE", candidates.arguments)
            let rows = try await connection.rows(locked, location: database, logger: logger).map(LedgerRows.entry)
            try await connection.run(
                LedgerSQL.requeue(deadlineID: deadlineID, channel: channel, since: since, reason: reason, at: now),
                logger: logger)
            if !rows.isEmpty { try await Self.announce(.occurrencesChanged, on: connection, logger: logger) }
            return rows
        }
    }

    /// See ``Ledger/nextRetry()``.
    package func nextRetry() async throws(StoreError) -> Instant? {
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in
            try await connection.rows(LedgerSQL.nextRetry, location: database, logger: logger).first?.optionalInstant(0)
        }
    }

    /// See ``Ledger/releaseClaims(notOwnedBy:at:)``. Never called by a daemon on a shared ledger: other live
    /// instances hold claims there.
    package func releaseClaims(notOwnedBy owner: String, at now: Instant) async throws(StoreError) -> Int {
        let logger = queryLogger
        let database = displayName
        return try await link.transaction { connection in
            try await connection.rows(
                LedgerSQL.releaseClaims(notOwnedBy: owner, at: now), location: database, logger: logger
            ).count
        }
    }

    /// See ``SharedLedger/renewLeases(_:until:at:)``: PostgreSQL only (`unnest` of the claims' keys and tokens).
    package func renewLeases(
        _ claims: [AttemptClaim], until: Instant, at now: Instant
    ) async throws(StoreError) -> Set<String> {
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

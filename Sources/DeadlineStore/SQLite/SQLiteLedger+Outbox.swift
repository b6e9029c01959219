import DeadlineKit
import GRDB

extension SQLiteLedger {
    /// See ``Ledger/recordDue(_:at:)``: one transaction, one prepared `INSERT ... ON CONFLICT DO NOTHING`.
    public func recordDue(_ reminders: [LedgerReminder], at now: Instant) async throws(StoreError) -> Set<String> {
        try await insert(reminders, state: .pending, reason: nil, at: now)
    }

    /// See ``Ledger/recordSkipped(_:reason:at:)``.
    public func recordSkipped(
        _ reminders: [LedgerReminder], reason: String, at now: Instant
    ) async throws(StoreError) -> Set<String> {
        try await insert(reminders, state: .skipped, reason: LedgerText.capped(reason), at: now)
    }

    /// One transaction; multi-row `INSERT ... ON CONFLICT DO NOTHING RETURNING` statements of up to
    /// ``insertChunk`` rows each, so that per-statement costs are paid once per chunk, not once per row.
    private func insert(
        _ reminders: [LedgerReminder], state: ReminderState, reason: String?, at now: Instant
    ) async throws(StoreError) -> Set<String> {
        try LedgerText.validate(reminders)
        guard !reminders.isEmpty else { return [] }
        return try await write { db in
            var new: Set<String> = []
            var start = reminders.startIndex
            while start < reminders.endIndex {
                let chunk = reminders[start..<min(start + Self.insertChunk, reminders.endIndex)]
                let sql = Self.insertSQL(rows: chunk.count)
                let statement =
                    chunk.count == Self.insertChunk ? try db.cachedStatement(sql: sql) : try db.makeStatement(sql: sql)
                var arguments = StatementArguments()
                for r in chunk {
                    arguments += [
                        r.key, r.deadlineID, r.occurrence.iso, r.rule, r.kind.rawValue, r.unit, r.channel,
                        r.recipients.joined(separator: "\n"), r.due.secondsSinceEpoch, r.sendAt.secondsSinceEpoch,
                        state.rawValue, reason, now.secondsSinceEpoch, now.secondsSinceEpoch,
                    ]
                }
                new.formUnion(try String.fetchAll(statement, arguments: arguments))
                start += chunk.count
            }
            return new
        }
    }

    /// Rows per `INSERT` statement: 14 values each, well under SQLite's 32 766 variables.
    static let insertChunk = 100

    private static func insertSQL(rows: Int) -> String {
        let tuple = "(" + Array(repeating: "?", count: 14).joined(separator: ", ") + ")"
        return """
            INSERT INTO reminders (reminder_key, deadline_id, occurrence, rule, kind, unit, channel, recipients,
                due_at, send_at, state, reason, created_at, updated_at)
            VALUES \(Array(repeating: tuple, count: rows).joined(separator: ", "))
            ON CONFLICT (reminder_key) DO NOTHING RETURNING reminder_key
            """
    }

    /// See ``Ledger/knownKeys(_:)``: looked up 500 keys at a time.
    public func knownKeys(_ keys: [String]) async throws(StoreError) -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return try await read { db in
            var known: Set<String> = []
            var start = keys.startIndex
            while start < keys.endIndex {
                let chunk = Array(keys[start..<min(start + 500, keys.endIndex)])
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                let found = try String.fetchAll(
                    db, sql: "SELECT reminder_key FROM reminders WHERE reminder_key IN (\(marks))",
                    arguments: StatementArguments(chunk))
                known.formUnion(found)
                start += chunk.count
            }
            return known
        }
    }

    /// See ``Ledger/readyToSend(at:limit:)``.
    public func readyToSend(at now: Instant, limit: Int) async throws(StoreError) -> [LedgerEntry] {
        let path = self.path
        return try await read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(SQLiteRows.entryColumns) FROM reminders
                    WHERE state = 'pending' OR (state IN ('retry', 'sending') AND next_attempt_at <= ?)
                    ORDER BY send_at, reminder_key LIMIT ?
                    """, arguments: [now.secondsSinceEpoch, max(0, limit)]
            ).map { try SQLiteRows.entry($0, path: path) }
        }
    }

    /// See ``Ledger/beginAttempt(key:owner:leaseUntil:at:)``: the check and the claim share one IMMEDIATE
    /// transaction, so two ledgers on the file cannot both claim a row.
    public func beginAttempt(
        key: String, owner: String, leaseUntil: Instant, at now: Instant
    ) async throws(StoreError) -> AttemptClaim {
        let token = LedgerText.newClaimToken()
        return try await write { db in
            let row = try OpenRow.fetch(db, key: key, path: self.path)
            try row.requireClaimable(at: now, action: "cannot be claimed")
            if row.state == .sending { try OpenRow.markInterrupted(db, key: key, at: now) }
            let attempt = row.attempts + 1
            try db.execute(
                sql: """
                    UPDATE reminders SET state = 'sending', attempts = ?, next_attempt_at = ?, claimed_by = ?,
                        lease_until = ?, claim_token = ?, updated_at = ?
                    WHERE reminder_key = ?
                    """,
                arguments: [
                    attempt, leaseUntil.secondsSinceEpoch, owner, leaseUntil.secondsSinceEpoch, token,
                    now.secondsSinceEpoch, key,
                ])
            try db.execute(
                sql: "INSERT INTO attempts (reminder_key, attempt, owner, started_at) VALUES (?, ?, ?, ?)",
                arguments: [key, attempt, owner, now.secondsSinceEpoch])
            return AttemptClaim(key: key, attempt: attempt, token: token, owner: owner, leaseUntil: leaseUntil)
        }
    }

    /// See ``Ledger/recordSent(_:response:at:)``.
    public func recordSent(_ claim: AttemptClaim, response: String, at now: Instant) async throws(StoreError) {
        let response = LedgerText.capped(response)
        try await finish(
            claim, outcome: .sent, detail: response, at: now,
            set: "state = 'sent', response = ?, sent_at = ?, next_attempt_at = NULL",
            arguments: [response, now.secondsSinceEpoch])
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
                set: "state = 'retry', last_error = ?, next_attempt_at = ?",
                arguments: [error, at.secondsSinceEpoch])
        case .permanent:
            try await finish(
                claim, outcome: .failed, detail: error, at: now,
                set: "state = 'failed', last_error = ?, next_attempt_at = NULL", arguments: [error])
        case .givenUp(let reason):
            try await finish(
                claim, outcome: .givenUp, detail: error, at: now,
                set: "state = 'given_up', last_error = ?, reason = ?, next_attempt_at = NULL",
                arguments: [error, LedgerText.capped(reason)])
        }
    }

    /// The fenced result write: changes the row only while it is `sending` under this claim's token.
    private func finish(
        _ claim: AttemptClaim, outcome: AttemptOutcome, detail: String, at now: Instant, set: String,
        arguments: StatementArguments
    ) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE reminders SET \(set), claimed_by = NULL, lease_until = NULL, claim_token = NULL,
                        updated_at = ?
                    WHERE reminder_key = ? AND state = 'sending' AND claim_token = ?
                    """,
                arguments: arguments + [now.secondsSinceEpoch, claim.key, claim.token])
            guard db.changesCount == 1 else { throw try OpenRow.fencingError(db, claim: claim, path: self.path) }
            try db.execute(
                sql: """
                    UPDATE attempts SET finished_at = ?, outcome = ?, detail = ?
                    WHERE reminder_key = ? AND attempt = ?
                    """,
                arguments: [now.secondsSinceEpoch, outcome.rawValue, detail, claim.key, claim.attempt])
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
        try await write { db in
            let row = try OpenRow.fetch(db, key: key, path: self.path)
            try row.requireClaimable(at: now, action: state == .skipped ? "cannot be skipped" : "cannot be given up")
            if row.state == .sending { try OpenRow.markInterrupted(db, key: key, at: now) }
            try db.execute(
                sql: """
                    UPDATE reminders SET state = ?, reason = ?, next_attempt_at = NULL, claimed_by = NULL,
                        lease_until = NULL, claim_token = NULL, updated_at = ?
                    WHERE reminder_key = ?
                    """, arguments: [state.rawValue, reason, now.secondsSinceEpoch, key])
        }
    }

    /// See ``Ledger/forgetSkipped(decidedAfter:)``.
    public func forgetSkipped(decidedAfter: Instant) async throws(StoreError) -> Int {
        try await write { db in
            try db.execute(
                sql: "DELETE FROM reminders WHERE state = 'skipped' AND attempts = 0 AND updated_at > ?",
                arguments: [decidedAfter.secondsSinceEpoch])
            return db.changesCount
        }
    }

    /// See ``Ledger/requeue(deadlineID:channel:since:reason:at:)``.
    public func requeue(
        deadlineID: String?, channel: String?, since: Instant?, reason: String, at now: Instant
    ) async throws(StoreError) -> [LedgerEntry] {
        let path = self.path
        let reason = LedgerText.capped(reason)
        return try await write { db in
            let filter = """
                state IN ('failed', 'given_up') AND (? IS NULL OR deadline_id = ?) AND (? IS NULL OR channel = ?)
                AND updated_at >= ?
                """
            let arguments: StatementArguments = [
                deadlineID, deadlineID, channel, channel, since?.secondsSinceEpoch ?? Int64.min,
            ]
            let rows = try Row.fetchAll(
                db, sql: "SELECT \(SQLiteRows.entryColumns) FROM reminders WHERE \(filter) ORDER BY send_at, reminder_key",
                arguments: arguments
            ).map { try SQLiteRows.entry($0, path: path) }
            try db.execute(
                sql: """
                    UPDATE reminders SET state = 'pending', reason = ?, next_attempt_at = NULL, requeued_at = ?,
                        requeued_after = attempts, updated_at = ?
                    WHERE \(filter)
                    """, arguments: [reason, now.secondsSinceEpoch, now.secondsSinceEpoch] + arguments)
            return rows
        }
    }

    /// See ``Ledger/nextRetry()``.
    public func nextRetry() async throws(StoreError) -> Instant? {
        try await read { db in
            try Int64.fetchOne(
                db, sql: "SELECT MIN(next_attempt_at) FROM reminders WHERE state IN ('retry', 'sending')"
            ).map(Instant.init(secondsSinceEpoch:))
        }
    }

    /// See ``Ledger/releaseClaims(notOwnedBy:at:)``.
    public func releaseClaims(notOwnedBy owner: String, at now: Instant) async throws(StoreError) -> Int {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE reminders SET lease_until = ?, next_attempt_at = ?
                    WHERE state = 'sending' AND (claimed_by IS NULL OR claimed_by <> ?) AND next_attempt_at > ?
                    """,
                arguments: [now.secondsSinceEpoch, now.secondsSinceEpoch, owner, now.secondsSinceEpoch])
            return db.changesCount
        }
    }
}

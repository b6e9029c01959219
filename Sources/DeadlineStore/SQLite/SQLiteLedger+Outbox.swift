package import DeadlineKit

extension SQLiteLedger {
    /// See ``Ledger/recordDue(_:at:)``: one transaction, one prepared `INSERT ... ON CONFLICT DO NOTHING`.
    package func recordDue(_ reminders: [LedgerReminder], at now: Instant) async throws(StoreError) -> Set<String> {
        try await insert(reminders, state: .pending, reason: nil, at: now)
    }

    /// See ``Ledger/recordSkipped(_:reason:at:)``.
    package func recordSkipped(
        _ reminders: [LedgerReminder], reason: String, at now: Instant
    ) async throws(StoreError) -> Set<String> {
        try await insert(reminders, state: .skipped, reason: LedgerText.capped(reason), at: now)
    }

    /// One transaction; multi-row `INSERT ... ON CONFLICT DO NOTHING RETURNING` statements of up to
    /// ``insertChunk`` rows each, so that per-statement costs are paid once per chunk, not once per row (a full
    /// chunk's statement is compiled once and kept; a last, shorter one is compiled again).
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
                var arguments: [LedgerValue] = []
                arguments.reserveCapacity(chunk.count * 14)
                for r in chunk {
                    arguments += [
                        .text(r.key), .text(r.deadlineID), .text(r.occurrence.iso), .text(r.rule),
                        .text(r.kind.rawValue),
                        .text(r.unit), .text(r.channel), .text(r.recipients.joined(separator: "\n")),
                        .integer(r.due.secondsSinceEpoch), .integer(r.sendAt.secondsSinceEpoch), .text(state.rawValue),
                        .of(reason), .integer(now.secondsSinceEpoch), .integer(now.secondsSinceEpoch),
                    ]
                }
                new.formUnion(
                    try db.rows(Self.insertSQL(rows: chunk.count), arguments).compactMap { $0.values.first?.text })
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
    package func knownKeys(_ keys: [String]) async throws(StoreError) -> Set<String> {
        guard !keys.isEmpty else { return [] }
        return try await read { db in
            var known: Set<String> = []
            var start = keys.startIndex
            while start < keys.endIndex {
                let chunk = keys[start..<min(start + 500, keys.endIndex)]
                let statement = LedgerSQL.knownKeys(chunk)
                known.formUnion(try db.rows(statement).compactMap { $0.values.first?.text })
                start += chunk.count
            }
            return known
        }
    }

    /// See ``Ledger/readyToSend(at:limit:)``.
    package func readyToSend(at now: Instant, limit: Int) async throws(StoreError) -> [LedgerEntry] {
        let path = self.path
        return try await read { db in
            try db.rows(LedgerSQL.readyToSend(at: now, limit: limit)).cells(path).map(LedgerRows.entry)
        }
    }

    /// See ``Ledger/beginAttempt(key:owner:leaseUntil:at:)``: the check and the claim share one IMMEDIATE
    /// transaction, so two ledgers on the file cannot both claim a row.
    package func beginAttempt(
        key: String, owner: String, leaseUntil: Instant, at now: Instant
    ) async throws(StoreError) -> AttemptClaim {
        let token = LedgerText.newClaimToken()
        let path = self.path
        return try await write { db in
            try Self.claim(db, key: key, owner: owner, leaseUntil: leaseUntil, token: token, at: now, path: path)
        }
    }

    /// See ``Ledger/commit(_:)``: one IMMEDIATE transaction, each write decided by the rules as it comes; a write the
    /// rules refuse has written nothing (they refuse before any statement runs), a SQLite error rolls back all.
    package func commit(_ writes: [OutboxWrite]) async throws(StoreError) -> [OutboxWriteResult] {
        guard !writes.isEmpty else { return [] }
        let tokens = writes.map { write -> String? in if case .claim = write { LedgerText.newClaimToken() } else { nil }
        }
        let path = self.path
        return try await write { db in
            var results: [OutboxWriteResult] = []
            results.reserveCapacity(writes.count)
            for (write, token) in zip(writes, tokens) {
                do {
                    switch write {
                    case .claim(let key, let owner, let leaseUntil, let now):
                        results.append(
                            .claimed(
                                try Self.claim(
                                    db, key: key, owner: owner, leaseUntil: leaseUntil, token: token ?? "", at: now,
                                    path: path)))
                    case .sent(let claim, let response, let now):
                        try Self.finish(db, claim, OutboxRules.sent(response: response, at: now), at: now, path: path)
                        results.append(.recorded)
                    case .failure(let claim, let error, let disposition, let now):
                        try Self.finish(
                            db, claim, OutboxRules.failed(error: error, disposition: disposition), at: now, path: path)
                        results.append(.recorded)
                    }
                } catch let refusal as StoreError {
                    results.append(.refused(refusal))
                }
            }
            return results
        }
    }

    /// The claim's statements, in the caller's transaction.
    static func claim(
        _ db: SQLiteConnection, key: String, owner: String, leaseUntil: Instant, token: String, at now: Instant,
        path: String
    ) throws -> AttemptClaim {
        let (statements, claim) = try OutboxRules.claim(
            try standing(db, key: key, path: path), owner: owner, leaseUntil: leaseUntil, token: token, at: now)
        for statement in statements { try db.run(statement) }
        return claim
    }

    /// The fenced result write, in the caller's transaction: changes the row only while it is `sending` under this
    /// claim's token.
    static func finish(
        _ db: SQLiteConnection, _ claim: AttemptClaim, _ outcome: OutboxRules.Outcome, at now: Instant, path: String
    ) throws {
        guard try db.rows(LedgerSQL.finish(claim, outcome.result, at: now)).count == 1 else {
            throw try fencingError(db, claim: claim, path: path)
        }
        try db.run(LedgerSQL.closeAttempt(claim, outcome: outcome.attempt, detail: outcome.detail, at: now))
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
        let path = self.path
        try await write { db in try Self.finish(db, claim, outcome, at: now, path: path) }
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
        let path = self.path
        try await write { db in
            for statement in try OutboxRules.setAside(
                try Self.standing(db, key: key, path: path), as: state, reason: reason, at: now)
            {
                try db.run(statement)
            }
        }
    }

    /// See ``Ledger/forgetSkipped(decidedAfter:)``.
    package func forgetSkipped(decidedAfter: Instant) async throws(StoreError) -> Int {
        try await write { db in try db.rows(LedgerSQL.forgetSkipped(decidedAfter: decidedAfter)).count }
    }

    /// See ``Ledger/requeue(deadlineID:channel:since:reason:at:)``.
    package func requeue(
        deadlineID: String?, channel: String?, since: Instant?, reason: String, at now: Instant
    ) async throws(StoreError) -> [LedgerEntry] {
        let path = self.path
        return try await write { db in
            let rows = try db.rows(LedgerSQL.requeueCandidates(deadlineID: deadlineID, channel: channel, since: since))
                .cells(path).map(LedgerRows.entry)
            try db.run(
                LedgerSQL.requeue(deadlineID: deadlineID, channel: channel, since: since, reason: reason, at: now))
            return rows
        }
    }

    /// See ``Ledger/nextRetry()``.
    package func nextRetry() async throws(StoreError) -> Instant? {
        try await read { db in
            try db.integer(LedgerSQL.nextRetry.sql).map(Instant.init(secondsSinceEpoch:))
        }
    }

    /// See ``Ledger/releaseClaims(notOwnedBy:at:)``.
    package func releaseClaims(notOwnedBy owner: String, at now: Instant) async throws(StoreError) -> Int {
        try await write { db in try db.rows(LedgerSQL.releaseClaims(notOwnedBy: owner, at: now)).count }
    }
}

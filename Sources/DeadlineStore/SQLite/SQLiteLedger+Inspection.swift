package import DeadlineKit

extension SQLiteLedger {
    /// See ``Ledger/entries(deadlineID:)``.
    package func entries(deadlineID: String) async throws(StoreError) -> [LedgerEntry] {
        let path = self.path
        return try await read { db in
            var entries = try db.rows(LedgerSQL.entries(deadlineID: deadlineID)).cells(path).map(LedgerRows.entry)
            var log: [String: [AttemptRecord]] = [:]
            for cells in try db.rows(LedgerSQL.attempts(deadlineID: deadlineID)).cells(path) {
                let (key, record) = try LedgerRows.attempt(cells)
                log[key, default: []].append(record)
            }
            for index in entries.indices {
                entries[index].attemptLog = log[entries[index].key] ?? []
            }
            return entries
        }
    }

    /// See ``Ledger/entries(states:since:limit:)``.
    package func entries(
        states: Set<ReminderState>, since: Instant?, limit: Int
    ) async throws(StoreError) -> [LedgerEntry] {
        let path = self.path
        return try await read { db in
            try db.rows(LedgerSQL.entries(states: states, since: since, limit: limit)).cells(path).map(LedgerRows.entry)
        }
    }

    /// See ``Ledger/heartbeat(_:)``.
    package func heartbeat(_ instance: InstanceRecord) async throws(StoreError) {
        try await write { db in
            for statement in LedgerSQL.heartbeat(instance) { try db.run(statement) }
        }
    }

    /// See ``Ledger/instances()``.
    package func instances() async throws(StoreError) -> [InstanceRecord] {
        let path = self.path
        return try await read { db in try db.rows(LedgerSQL.instances).cells(path).map(LedgerRows.instance) }
    }

    /// See ``Ledger/meta(_:)``.
    package func meta(_ key: String) async throws(StoreError) -> String? {
        try await read { db in
            let statement = LedgerSQL.meta(key)
            return try db.text(statement.sql, statement.arguments)
        }
    }

    /// See ``Ledger/setMeta(_:_:)``.
    package func setMeta(_ key: String, _ value: String) async throws(StoreError) {
        _ = try await write { db in try db.run(LedgerSQL.setMeta(key, value)) }
    }
}

import DeadlineKit
import GRDB

extension SQLiteLedger {
    /// See ``Ledger/entries(deadlineID:)``.
    public func entries(deadlineID: String) async throws(StoreError) -> [LedgerEntry] {
        let path = self.path
        return try await read { db in
            var entries = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(SQLiteRows.entryColumns) FROM reminders WHERE deadline_id = ?
                    ORDER BY send_at, reminder_key
                    """, arguments: [deadlineID]
            ).map { try SQLiteRows.entry($0, path: path) }
            var log: [String: [AttemptRecord]] = [:]
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT a.* FROM attempts a JOIN reminders r ON r.reminder_key = a.reminder_key
                    WHERE r.deadline_id = ? ORDER BY a.reminder_key, a.attempt
                    """, arguments: [deadlineID])
            for row in rows {
                log[try row.decode(String.self, forColumn: "reminder_key"), default: []]
                    .append(try SQLiteRows.attempt(row, path: path))
            }
            for index in entries.indices {
                entries[index].attemptLog = log[entries[index].key] ?? []
            }
            return entries
        }
    }

    /// See ``Ledger/entries(states:since:limit:)``.
    public func entries(
        states: Set<ReminderState>, since: Instant?, limit: Int
    ) async throws(StoreError) -> [LedgerEntry] {
        let path = self.path
        let wanted = states.isEmpty ? ReminderState.allCases : states.sorted { $0.rawValue < $1.rawValue }
        let marks = Array(repeating: "?", count: wanted.count).joined(separator: ", ")
        var arguments = StatementArguments(wanted.map(\.rawValue))
        arguments += [since?.secondsSinceEpoch ?? Int64.min, max(0, limit)]
        return try await read { [arguments] db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT \(SQLiteRows.entryColumns) FROM reminders
                    WHERE state IN (\(marks)) AND updated_at >= ?
                    ORDER BY updated_at DESC, reminder_key LIMIT ?
                    """, arguments: arguments
            ).map { try SQLiteRows.entry($0, path: path) }
        }
    }

    /// See ``Ledger/heartbeat(_:)``.
    public func heartbeat(_ instance: InstanceRecord) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO instances (instance_id, host, pid, started_at, heartbeat_at, config_loaded_at,
                        config_summary, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (instance_id) DO UPDATE SET host = excluded.host, pid = excluded.pid,
                        started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at,
                        config_loaded_at = excluded.config_loaded_at, config_summary = excluded.config_summary,
                        status = excluded.status
                    """,
                arguments: [
                    instance.instanceID, instance.host, Int64(instance.pid), instance.startedAt.secondsSinceEpoch,
                    instance.heartbeatAt.secondsSinceEpoch, instance.configLoadedAt?.secondsSinceEpoch,
                    instance.configSummary, instance.status,
                ])
            try db.execute(
                sql: "DELETE FROM instances WHERE heartbeat_at < ? AND instance_id <> ?",
                arguments: [
                    instance.heartbeatAt.secondsSinceEpoch - Self.instanceRetentionSeconds, instance.instanceID,
                ])
        }
    }

    /// Instances silent for longer than this are forgotten at the next heartbeat: 30 days.
    static let instanceRetentionSeconds: Int64 = 30 * 86_400

    /// See ``Ledger/instances()``.
    public func instances() async throws(StoreError) -> [InstanceRecord] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM instances ORDER BY heartbeat_at DESC, instance_id")
                .map(SQLiteRows.instance)
        }
    }

    /// See ``Ledger/meta(_:)``.
    public func meta(_ key: String) async throws(StoreError) -> String? {
        try await read { db in
            try String.fetchOne(db, sql: "SELECT value FROM meta WHERE name = ?", arguments: [key])
        }
    }

    /// See ``Ledger/setMeta(_:_:)``.
    public func setMeta(_ key: String, _ value: String) async throws(StoreError) {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO meta (name, value) VALUES (?, ?)
                    ON CONFLICT (name) DO UPDATE SET value = excluded.value
                    """,
                arguments: [key, value])
        }
    }
}

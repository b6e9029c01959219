import DeadlineKit
import PostgresNIO

extension PostgresLedger {
    /// See ``Ledger/entries(deadlineID:)``.
    public func entries(deadlineID: String) async throws(StoreError) -> [LedgerEntry] {
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in
            var entries = try await PostgresRows.all(
                """
                SELECT \(unescaped: PostgresRows.entryColumns) FROM reminders WHERE deadline_id = \(deadlineID)
                ORDER BY send_at, reminder_key
                """, on: connection, logger: logger
            ).map { try PostgresRows.entry($0, database: database) }
            var log: [String: [AttemptRecord]] = [:]
            let rows = try await PostgresRows.all(
                """
                SELECT \(unescaped: PostgresRows.attemptColumns) FROM attempts
                WHERE reminder_key IN (SELECT reminder_key FROM reminders WHERE deadline_id = \(deadlineID))
                ORDER BY reminder_key, attempt
                """, on: connection, logger: logger)
            for row in rows {
                let (key, record) = try PostgresRows.attempt(row, database: database)
                log[key, default: []].append(record)
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
        let logger = queryLogger
        let database = displayName
        let wanted = (states.isEmpty ? Set(ReminderState.allCases) : states).map(\.rawValue).sorted()
        let from = since?.secondsSinceEpoch ?? Int64.min
        return try await link.run { connection in
            try await PostgresRows.all(
                """
                SELECT \(unescaped: PostgresRows.entryColumns) FROM reminders
                WHERE state = ANY(\(wanted)) AND updated_at >= \(from)
                ORDER BY updated_at DESC, reminder_key LIMIT \(max(0, limit))
                """, on: connection, logger: logger
            ).map { try PostgresRows.entry($0, database: database) }
        }
    }

    /// See ``Ledger/heartbeat(_:)``. When the instance's configuration was loaded anew since its previous heartbeat
    /// from this process (a reload), announces ``LedgerChange/configurationLoaded(instanceID:summary:)``.
    public func heartbeat(_ instance: InstanceRecord) async throws(StoreError) {
        let logger = queryLogger
        let loaded = instance.configLoadedAt?.secondsSinceEpoch ?? 0
        let previous = loadedAt.withLock { known in
            defer { known[instance.instanceID] = loaded }
            return known[instance.instanceID]
        }
        let announce = previous != nil && previous != loaded
        let forget = instance.heartbeatAt.secondsSinceEpoch - SQLiteLedger.instanceRetentionSeconds
        try await link.transaction { connection in
            try await connection.query(
                """
                INSERT INTO instances (instance_id, host, pid, started_at, heartbeat_at, config_loaded_at,
                    config_summary, status)
                VALUES (\(instance.instanceID), \(instance.host), \(Int64(instance.pid)),
                    \(instance.startedAt.secondsSinceEpoch), \(instance.heartbeatAt.secondsSinceEpoch),
                    \(instance.configLoadedAt?.secondsSinceEpoch), \(instance.configSummary), \(instance.status))
                ON CONFLICT (instance_id) DO UPDATE SET host = excluded.host, pid = excluded.pid,
                    started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at,
                    config_loaded_at = excluded.config_loaded_at, config_summary = excluded.config_summary,
                    status = excluded.status
                """, logger: logger)
            try await connection.query(
                "DELETE FROM instances WHERE heartbeat_at < \(forget) AND instance_id <> \(instance.instanceID)",
                logger: logger)
            if announce {
                let change = LedgerChange.configurationLoaded(
                    instanceID: instance.instanceID, summary: instance.configSummary)
                try await Self.announce(change, on: connection, logger: logger)
            }
        }
    }

    /// See ``Ledger/instances()``.
    public func instances() async throws(StoreError) -> [InstanceRecord] {
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in
            try await PostgresRows.all(
                """
                SELECT \(unescaped: PostgresRows.instanceColumns) FROM instances
                ORDER BY heartbeat_at DESC, instance_id
                """, on: connection, logger: logger
            ).map { try PostgresRows.instance($0, database: database) }
        }
    }

    /// See ``SharedLedger/instanceActivity(at:)``.
    public func instanceActivity(at now: Instant) async throws(StoreError) -> [InstanceActivity] {
        let logger = queryLogger
        return try await link.run { connection in
            var leases: [String: Int] = [:]
            for try await (owner, count) in try await connection.query(
                """
                SELECT claimed_by, COUNT(*) FROM reminders
                WHERE state = 'sending' AND claimed_by IS NOT NULL AND lease_until > \(now.secondsSinceEpoch)
                GROUP BY claimed_by
                """, logger: logger
            ).decode((String, Int).self) {
                leases[owner] = count
            }
            var sent: [String: Int] = [:]
            for try await (owner, count) in try await connection.query(
                "SELECT owner, COUNT(*) FROM attempts WHERE outcome = 'sent' GROUP BY owner", logger: logger
            ).decode((String, Int).self) {
                sent[owner] = count
            }
            var lastSent: [String: [SentReminder]] = [:]
            for try await (owner, key, at) in try await connection.query(
                """
                SELECT owner, reminder_key, finished_at FROM (
                    SELECT owner, reminder_key, finished_at,
                        row_number() OVER (PARTITION BY owner ORDER BY finished_at DESC, reminder_key) AS n
                    FROM attempts WHERE outcome = 'sent') latest
                WHERE n <= \(InstanceActivity.recentLimit) ORDER BY owner, n
                """, logger: logger
            ).decode((String, String, Int64).self) {
                lastSent[owner, default: []].append(SentReminder(key: key, sentAt: Instant(secondsSinceEpoch: at)))
            }
            var activity: [InstanceActivity] = []
            for try await id in try await connection.query(
                "SELECT instance_id FROM instances ORDER BY heartbeat_at DESC, instance_id", logger: logger
            ).decode(String.self) {
                activity.append(
                    InstanceActivity(
                        instanceID: id, leasesHeld: leases[id] ?? 0, remindersSent: sent[id] ?? 0, lastSent: lastSent[id] ?? []))
            }
            return activity
        }
    }

    /// See ``Ledger/meta(_:)``.
    public func meta(_ key: String) async throws(StoreError) -> String? {
        let logger = queryLogger
        return try await link.run { connection in
            var value: String?
            for try await text in try await connection.query(
                "SELECT value FROM meta WHERE name = \(key)", logger: logger
            ).decode(String.self) {
                value = text
            }
            return value
        }
    }

    /// See ``Ledger/setMeta(_:_:)``.
    public func setMeta(_ key: String, _ value: String) async throws(StoreError) {
        let logger = queryLogger
        try await link.run { connection in
            _ = try await connection.query(
                """
                INSERT INTO meta (name, value) VALUES (\(key), \(value))
                ON CONFLICT (name) DO UPDATE SET value = excluded.value
                """, logger: logger)
        }
    }
}

package import DeadlineKit
import PostgresNIO
import Synchronization

extension PostgresLedger {
    /// See ``Ledger/entries(deadlineID:)``.
    package func entries(deadlineID: String) async throws(StoreError) -> [LedgerEntry] {
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in
            var entries = try await connection.rows(
                LedgerSQL.entries(deadlineID: deadlineID), location: database, logger: logger
            )
            .map(LedgerRows.entry)
            var log: [String: [AttemptRecord]] = [:]
            for cells in try await connection.rows(
                LedgerSQL.attempts(deadlineID: deadlineID), location: database, logger: logger)
            {
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
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in
            try await connection.rows(
                LedgerSQL.entries(states: states, since: since, limit: limit), location: database, logger: logger
            )
            .map(LedgerRows.entry)
        }
    }

    /// See ``Ledger/heartbeat(_:)``.
    package func heartbeat(_ instance: InstanceRecord) async throws(StoreError) {
        let logger = queryLogger
        let loaded = instance.configLoadedAt?.secondsSinceEpoch ?? 0
        let previous = loadedAt.withLock { known in
            defer { known[instance.instanceID] = loaded }
            return known[instance.instanceID]
        }
        // A reload since the last heartbeat: the other daemons hear of it (status shows who runs what).
        let announce = previous != nil && previous != loaded
        try await link.transaction { connection in
            for statement in LedgerSQL.heartbeat(instance) { try await connection.run(statement, logger: logger) }
            if announce {
                let change = LedgerChange.configurationLoaded(
                    instanceID: instance.instanceID, summary: instance.configSummary)
                try await Self.announce(change, on: connection, logger: logger)
            }
        }
    }

    /// See ``Ledger/instances()``.
    package func instances() async throws(StoreError) -> [InstanceRecord] {
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in
            try await connection.rows(LedgerSQL.instances, location: database, logger: logger).map(LedgerRows.instance)
        }
    }

    /// See ``SharedLedger/instanceActivity(at:)``.
    package func instanceActivity(at now: Instant) async throws(StoreError) -> [InstanceActivity] {
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
                        instanceID: id, leasesHeld: leases[id] ?? 0, remindersSent: sent[id] ?? 0,
                        lastSent: lastSent[id] ?? []))
            }
            return activity
        }
    }

    /// See ``Ledger/meta(_:)``.
    package func meta(_ key: String) async throws(StoreError) -> String? {
        let logger = queryLogger
        let database = displayName
        return try await link.run { connection in
            try await connection.rows(LedgerSQL.meta(key), location: database, logger: logger).first?.text(0)
        }
    }

    /// See ``Ledger/setMeta(_:_:)``.
    package func setMeta(_ key: String, _ value: String) async throws(StoreError) {
        let logger = queryLogger
        try await link.run { connection in try await connection.run(LedgerSQL.setMeta(key, value), logger: logger) }
    }
}

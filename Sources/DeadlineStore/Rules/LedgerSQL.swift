import DeadlineKit

/// The ledger's statements, written once for both dialects (see ``LedgerStatement``). What differs between SQLite
/// and PostgreSQL stays with each backend: SQLite's multi-row `INSERT` and PostgreSQL's `unnest`, PostgreSQL's row
/// locks (`FOR UPDATE SKIP LOCKED`) and announcements (`NOTIFY`).
enum LedgerSQL {
    // MARK: Reading

    static func standing(_ key: String) -> LedgerStatement {
        LedgerStatement("SELECT \(RowStanding.columns) FROM reminders WHERE reminder_key = ?", [.text(key)])
    }

    static func readyToSend(at now: Instant, limit: Int) -> LedgerStatement {
        LedgerStatement(
            """
            SELECT \(LedgerRows.entryColumns) FROM reminders
            WHERE state = 'pending' OR (state IN ('retry', 'sending') AND next_attempt_at <= ?)
            ORDER BY send_at, reminder_key LIMIT ?
            """, [.integer(now.secondsSinceEpoch), .of(max(0, limit))])
    }

    static let nextRetry = LedgerStatement(
        "SELECT MIN(next_attempt_at) FROM reminders WHERE state IN ('retry', 'sending')")

    static func knownKeys(_ keys: ArraySlice<String>) -> LedgerStatement {
        let marks = Array(repeating: "?", count: keys.count).joined(separator: ", ")
        return LedgerStatement(
            "SELECT reminder_key FROM reminders WHERE reminder_key IN (\(marks))", keys.map(LedgerValue.text))
    }

    static func entries(deadlineID: String) -> LedgerStatement {
        LedgerStatement(
            """
            SELECT \(LedgerRows.entryColumns) FROM reminders WHERE deadline_id = ?
            ORDER BY send_at, reminder_key
            """, [.text(deadlineID)])
    }

    static func attempts(deadlineID: String) -> LedgerStatement {
        LedgerStatement(
            """
            SELECT \(LedgerRows.attemptColumns.split(separator: ",").map { "a." + $0.trimmingSpaces }.joined(separator: ", "))
            FROM attempts a JOIN reminders r ON r.reminder_key = a.reminder_key
            WHERE r.deadline_id = ? ORDER BY a.reminder_key, a.attempt
            """, [.text(deadlineID)])
    }

    static func entries(states: Set<ReminderState>, since: Instant?, limit: Int) -> LedgerStatement {
        let wanted = states.isEmpty ? ReminderState.allCases : states.sorted { $0.rawValue < $1.rawValue }
        let marks = Array(repeating: "?", count: wanted.count).joined(separator: ", ")
        return LedgerStatement(
            """
            SELECT \(LedgerRows.entryColumns) FROM reminders
            WHERE state IN (\(marks)) AND updated_at >= ?
            ORDER BY updated_at DESC, reminder_key LIMIT ?
            """,
            wanted.map { .text($0.rawValue) } + [.integer(since?.secondsSinceEpoch ?? Int64.min), .of(max(0, limit))])
    }

    static func events(deadlineID: String?) -> LedgerStatement {
        LedgerStatement(
            """
            SELECT \(LedgerRows.eventColumns) FROM occurrence_events
            WHERE CAST(? AS TEXT) IS NULL OR deadline_id = ? ORDER BY sequence
            """, [.of(deadlineID), .of(deadlineID)])
    }

    static func marks(_ id: OccurrenceID) -> LedgerStatement {
        LedgerStatement(
            """
            SELECT \(LedgerRows.markColumns) FROM occurrence_units
            WHERE deadline_id = ? AND occurrence = ? AND (done_at IS NOT NULL OR snoozed_until IS NOT NULL)
            ORDER BY unit
            """, [.text(id.deadlineID), .text(id.date.iso)])
    }

    static let plannerState = LedgerStatement(
        """
        SELECT \(LedgerRows.plannerStateColumns) FROM occurrence_units
        WHERE done_at IS NOT NULL OR snoozed_until IS NOT NULL
        """)

    static let changeCounter = LedgerStatement("SELECT value FROM counters WHERE name = 'changes'")

    static let instances = LedgerStatement(
        "SELECT \(LedgerRows.instanceColumns) FROM instances ORDER BY heartbeat_at DESC, instance_id")

    static func meta(_ key: String) -> LedgerStatement {
        LedgerStatement("SELECT value FROM meta WHERE name = ?", [.text(key)])
    }

    // MARK: The outbox

    /// The intent to send: the row claimed by `owner` until `leaseUntil` under a fresh `token`, its attempt begun.
    static func claim(
        _ key: String, attempt: Int, owner: String, leaseUntil: Instant, token: String, at now: Instant
    )
        -> [LedgerStatement]
    {
        [
            LedgerStatement(
                """
                UPDATE reminders SET state = 'sending', attempts = ?, next_attempt_at = ?, claimed_by = ?,
                    lease_until = ?, claim_token = ?, updated_at = ?
                WHERE reminder_key = ?
                """,
                [
                    .of(attempt), .integer(leaseUntil.secondsSinceEpoch), .text(owner),
                    .integer(leaseUntil.secondsSinceEpoch),
                    .text(token), .integer(now.secondsSinceEpoch), .text(key),
                ]),
            LedgerStatement(
                "INSERT INTO attempts (reminder_key, attempt, owner, started_at) VALUES (?, ?, ?, ?)",
                [.text(key), .of(attempt), .text(owner), .integer(now.secondsSinceEpoch)]),
        ]
    }

    /// What a result write sets; `nil` leaves a column as it was (`next_attempt_at` is always set).
    struct Result: Sendable {
        var state: ReminderState
        var response: String? = nil
        var sentAt: Int64? = nil
        var lastError: String? = nil
        var reason: String? = nil
        var nextAttemptAt: Int64? = nil
    }

    /// The fenced result write: it changes the row only while it is `sending` under the claim's token, and
    /// returns the key when it did (no row: ``LedgerText/fenced(_:standing:)``).
    static func finish(_ claim: AttemptClaim, _ result: Result, at now: Instant) -> LedgerStatement {
        LedgerStatement(
            """
            UPDATE reminders SET state = ?, response = COALESCE(CAST(? AS TEXT), response),
                sent_at = COALESCE(CAST(? AS BIGINT), sent_at), last_error = COALESCE(CAST(? AS TEXT), last_error),
                reason = COALESCE(CAST(? AS TEXT), reason), next_attempt_at = CAST(? AS BIGINT),
                claimed_by = NULL, lease_until = NULL, claim_token = NULL, updated_at = ?
            WHERE reminder_key = ? AND state = 'sending' AND claim_token = ?
            RETURNING reminder_key
            """,
            [
                .text(result.state.rawValue), .of(result.response), .of(result.sentAt), .of(result.lastError),
                .of(result.reason), .of(result.nextAttemptAt), .integer(now.secondsSinceEpoch), .text(claim.key),
                .text(claim.token),
            ])
    }

    /// Closes the claim's attempt with its outcome.
    static func closeAttempt(
        _ claim: AttemptClaim, outcome: AttemptOutcome, detail: String, at now: Instant
    ) -> LedgerStatement {
        LedgerStatement(
            "UPDATE attempts SET finished_at = ?, outcome = ?, detail = ? WHERE reminder_key = ? AND attempt = ?",
            [
                .integer(now.secondsSinceEpoch), .text(outcome.rawValue), .text(detail), .text(claim.key),
                .of(claim.attempt),
            ])
    }

    /// Closes an attempt a crash (or a lost lease) left open: its result is unknown.
    static func markInterrupted(_ key: String, at now: Instant) -> LedgerStatement {
        LedgerStatement(
            """
            UPDATE attempts SET finished_at = ?, outcome = 'interrupted', detail = ?
            WHERE reminder_key = ? AND finished_at IS NULL
            """, [.integer(now.secondsSinceEpoch), .text(LedgerText.interrupted), .text(key)])
    }

    /// A row not being sent set aside for good: `given_up` or `skipped`, with why.
    static func setAside(_ key: String, as state: ReminderState, reason: String, at now: Instant) -> LedgerStatement {
        LedgerStatement(
            """
            UPDATE reminders SET state = ?, reason = ?, next_attempt_at = NULL, claimed_by = NULL, lease_until = NULL,
                claim_token = NULL, updated_at = ?
            WHERE reminder_key = ?
            """, [.text(state.rawValue), .text(LedgerText.capped(reason)), .integer(now.secondsSinceEpoch), .text(key)])
    }

    /// `failed` and `given_up` rows, of a deadline and a channel when given, changed at or after `since`.
    private static func requeueFilter(deadlineID: String?, channel: String?, since: Instant?) -> (String, [LedgerValue])
    {
        (
            """
            state IN ('failed', 'given_up') AND (CAST(? AS TEXT) IS NULL OR deadline_id = ?)
            AND (CAST(? AS TEXT) IS NULL OR channel = ?) AND updated_at >= ?
            """,
            [
                .of(deadlineID), .of(deadlineID), .of(channel), .of(channel),
                .integer(since?.secondsSinceEpoch ?? Int64.min),
            ]
        )
    }

    static func requeueCandidates(deadlineID: String?, channel: String?, since: Instant?) -> LedgerStatement {
        let (filter, arguments) = requeueFilter(deadlineID: deadlineID, channel: channel, since: since)
        return LedgerStatement(
            "SELECT \(LedgerRows.entryColumns) FROM reminders WHERE \(filter) ORDER BY send_at, reminder_key", arguments
        )
    }

    static func requeue(
        deadlineID: String?, channel: String?, since: Instant?, reason: String, at now: Instant
    )
        -> LedgerStatement
    {
        let (filter, arguments) = requeueFilter(deadlineID: deadlineID, channel: channel, since: since)
        return LedgerStatement(
            """
            UPDATE reminders SET state = 'pending', reason = ?, next_attempt_at = NULL, requeued_at = ?,
                requeued_after = attempts, updated_at = ?
            WHERE \(filter)
            """,
            [.text(LedgerText.capped(reason)), .integer(now.secondsSinceEpoch), .integer(now.secondsSinceEpoch)]
                + arguments)
    }

    static func forgetSkipped(decidedAfter: Instant) -> LedgerStatement {
        LedgerStatement(
            "DELETE FROM reminders WHERE state = 'skipped' AND attempts = 0 AND updated_at > ? RETURNING reminder_key",
            [.integer(decidedAfter.secondsSinceEpoch)])
    }

    static func releaseClaims(notOwnedBy owner: String, at now: Instant) -> LedgerStatement {
        LedgerStatement(
            """
            UPDATE reminders SET lease_until = ?, next_attempt_at = ?
            WHERE state = 'sending' AND (claimed_by IS NULL OR claimed_by <> ?) AND next_attempt_at > ?
            RETURNING reminder_key
            """,
            [
                .integer(now.secondsSinceEpoch), .integer(now.secondsSinceEpoch), .text(owner),
                .integer(now.secondsSinceEpoch),
            ])
    }

    // MARK: Instances and small values

    /// Instances silent for longer than this are forgotten at the next heartbeat: 30 days.
    static let instanceRetentionSeconds: Int64 = 30 * 86_400

    static func heartbeat(_ instance: InstanceRecord) -> [LedgerStatement] {
        [
            LedgerStatement(
                """
                INSERT INTO instances (instance_id, host, pid, started_at, heartbeat_at, config_loaded_at,
                    config_summary, status)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (instance_id) DO UPDATE SET host = excluded.host, pid = excluded.pid,
                    started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at,
                    config_loaded_at = excluded.config_loaded_at, config_summary = excluded.config_summary,
                    status = excluded.status
                """,
                [
                    .text(instance.instanceID), .text(instance.host), .integer(Int64(instance.pid)),
                    .integer(instance.startedAt.secondsSinceEpoch), .integer(instance.heartbeatAt.secondsSinceEpoch),
                    .of(instance.configLoadedAt?.secondsSinceEpoch), .text(instance.configSummary),
                    .text(instance.status),
                ]),
            LedgerStatement(
                "DELETE FROM instances WHERE heartbeat_at < ? AND instance_id <> ?",
                [
                    .integer(instance.heartbeatAt.secondsSinceEpoch - instanceRetentionSeconds),
                    .text(instance.instanceID),
                ]),
        ]
    }

    static func setMeta(_ key: String, _ value: String) -> LedgerStatement {
        LedgerStatement(
            "INSERT INTO meta (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            [.text(key), .text(value)])
    }

    // MARK: Occurrences (see OccurrenceRules)

    static func ensureOccurrence(_ id: OccurrenceID, at now: Instant) -> LedgerStatement {
        LedgerStatement(
            """
            INSERT INTO occurrences (deadline_id, occurrence, updated_at) VALUES (?, ?, ?)
            ON CONFLICT (deadline_id, occurrence) DO NOTHING
            """, [.text(id.deadlineID), .text(id.date.iso), .integer(now.secondsSinceEpoch)])
    }

    static func setDone(
        _ id: OccurrenceID, unit: String, at: Instant?, by user: String?, note: String?, now: Instant
    )
        -> LedgerStatement
    {
        LedgerStatement(
            """
            INSERT INTO occurrence_units (deadline_id, occurrence, unit, done_at, done_by, done_note, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (deadline_id, occurrence, unit) DO UPDATE SET
                done_at = excluded.done_at, done_by = excluded.done_by, done_note = excluded.done_note,
                updated_at = excluded.updated_at
            """,
            [
                .text(id.deadlineID), .text(id.date.iso), .text(unit), .of(at?.secondsSinceEpoch), .of(user), .of(note),
                .integer(now.secondsSinceEpoch),
            ])
    }

    static func clearDone(_ id: OccurrenceID, unit: String, at now: Instant) -> LedgerStatement {
        LedgerStatement(
            """
            UPDATE occurrence_units SET done_at = NULL, done_by = NULL, done_note = NULL, updated_at = ?
            WHERE deadline_id = ? AND occurrence = ? AND unit = ?
            """, [.integer(now.secondsSinceEpoch), .text(id.deadlineID), .text(id.date.iso), .text(unit)])
    }

    static func setSnooze(
        _ id: OccurrenceID, unit: String, until: Instant, by user: String, at now: Instant
    ) -> LedgerStatement {
        LedgerStatement(
            """
            INSERT INTO occurrence_units (deadline_id, occurrence, unit, snoozed_until, snoozed_by, updated_at)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (deadline_id, occurrence, unit) DO UPDATE SET
                snoozed_until = excluded.snoozed_until, snoozed_by = excluded.snoozed_by, updated_at = excluded.updated_at
            """,
            [
                .text(id.deadlineID), .text(id.date.iso), .text(unit), .integer(until.secondsSinceEpoch), .text(user),
                .integer(now.secondsSinceEpoch),
            ])
    }

    /// A unit's rows of an occurrence that would still be sent (`pending`, `retry`, or `sending` whose lease has
    /// run out), with a send time before `sendBefore` if given, become `skipped`; a row being sent now is left
    /// to finish.
    static func skipOpenRows(
        _ id: OccurrenceID, unit: String, sendBefore: Instant?, reason: String, at now: Instant
    )
        -> [LedgerStatement]
    {
        let row = "deadline_id = ? AND occurrence = ? AND unit = ? AND send_at < ?"
        let rowArguments: [LedgerValue] = [
            .text(id.deadlineID), .text(id.date.iso), .text(unit), .integer(sendBefore?.secondsSinceEpoch ?? Int64.max),
        ]
        let seconds = LedgerValue.integer(now.secondsSinceEpoch)
        return [
            LedgerStatement(
                """
                UPDATE attempts SET finished_at = ?, outcome = 'interrupted', detail = ?
                WHERE finished_at IS NULL AND reminder_key IN (
                    SELECT reminder_key FROM reminders WHERE \(row) AND state = 'sending' AND next_attempt_at <= ?)
                """, [seconds, .text(LedgerText.interrupted)] + rowArguments + [seconds]),
            LedgerStatement(
                """
                UPDATE reminders SET state = 'skipped', reason = ?, next_attempt_at = NULL, claimed_by = NULL,
                    lease_until = NULL, claim_token = NULL, updated_at = ?
                WHERE \(row) AND (state IN ('pending', 'retry') OR (state = 'sending' AND next_attempt_at <= ?))
                """, [.text(LedgerText.capped(reason)), seconds] + rowArguments + [seconds]),
        ]
    }

    /// An entry in the append-only audit log, and the change counter bumped, in the caller's transaction.
    static func logEvent(
        _ id: OccurrenceID, unit: String, _ action: OccurrenceAction, user: String, note: String?, until: Instant?,
        at now: Instant
    ) -> [LedgerStatement] {
        [
            LedgerStatement(
                """
                INSERT INTO occurrence_events (
                    deadline_id, occurrence, unit, action, actor, note, snoozed_until, happened_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(id.deadlineID), .text(id.date.iso), .text(unit), .text(action.rawValue), .text(user),
                    .of(note),
                    .of(until?.secondsSinceEpoch), .integer(now.secondsSinceEpoch),
                ]),
            LedgerStatement("UPDATE counters SET value = value + 1 WHERE name = 'changes'"),
        ]
    }
}

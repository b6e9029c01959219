/// The ledger's schema: one list of numbered steps that every backend applies in order, with the few statements
/// that differ between SQL dialects kept apart (``SQLDialect``).
///
/// Each backend records the applied steps in `schema_migrations (version, name, applied_at)` and refuses a
/// database whose highest version is above ``latestVersion`` (written by a newer deadlined). SQLite also keeps the
/// version in `PRAGMA user_version`, so `sqlite3 state.db 'PRAGMA user_version'` tells it at a glance.
///
/// Rules for new steps: never edit a released step, only append; use types both dialects read the same way
/// (`TEXT`, `INTEGER` for small counts, `BIGINT` for Unix seconds); keep names clear of reserved words (`user`,
/// `key`, `at`), hence `actor`, `reminder_key`, `happened_at`.
package enum LedgerSchema {
    /// One migration step.
    package struct Step: Sendable {
        /// 1, 2, ...: the value of `schema_migrations.version` and `PRAGMA user_version` once applied.
        package let version: Int
        /// A short name, stored with the version.
        package let name: String
        /// The statements, in order, for a dialect; run in one transaction with the version row.
        package let statements: @Sendable (SQLDialect) -> [String]
    }

    /// The statement that creates the table of applied steps, the same in every dialect.
    package static let createMigrationTable = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)
        """

    /// Every step, oldest first.
    package static let steps: [Step] = [
        Step(version: 1, name: "ledger", statements: ledgerTables),
        Step(version: 2, name: "claims", statements: { _ in claimColumns }),
        Step(version: 3, name: "per-unit completion", statements: { _ in unitMarks }),
    ]

    /// The highest version this build knows.
    package static var latestVersion: Int { steps.last?.version ?? 0 }

    private static func ledgerTables(_ dialect: SQLDialect) -> [String] {
        let states = ReminderState.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let outcomes = AttemptOutcome.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let actions = OccurrenceAction.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return [
            """
            CREATE TABLE reminders (
                reminder_key TEXT PRIMARY KEY, deadline_id TEXT NOT NULL, occurrence TEXT NOT NULL,
                rule TEXT NOT NULL, kind TEXT NOT NULL, unit TEXT NOT NULL, channel TEXT NOT NULL,
                recipients TEXT NOT NULL, due_at BIGINT NOT NULL, send_at BIGINT NOT NULL,
                state TEXT NOT NULL CHECK (state IN (\(states))),
                attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at BIGINT, last_error TEXT, reason TEXT,
                response TEXT, sent_at BIGINT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX reminders_by_state ON reminders (state, next_attempt_at)",
            "CREATE INDEX reminders_by_occurrence ON reminders (deadline_id, occurrence)",
            "CREATE INDEX reminders_by_update ON reminders (updated_at)",
            """
            CREATE TABLE attempts (
                reminder_key TEXT NOT NULL REFERENCES reminders (reminder_key) ON DELETE CASCADE,
                attempt INTEGER NOT NULL, owner TEXT NOT NULL, started_at BIGINT NOT NULL, finished_at BIGINT,
                outcome TEXT CHECK (outcome IN (\(outcomes))), detail TEXT,
                PRIMARY KEY (reminder_key, attempt))
            """,
            """
            CREATE TABLE occurrences (
                deadline_id TEXT NOT NULL, occurrence TEXT NOT NULL,
                done_at BIGINT, done_by TEXT, done_note TEXT, snoozed_until BIGINT, snoozed_by TEXT,
                updated_at BIGINT NOT NULL,
                PRIMARY KEY (deadline_id, occurrence))
            """,
            """
            CREATE TABLE occurrence_events (
                sequence \(dialect.autoIncrementPrimaryKey),
                deadline_id TEXT NOT NULL, occurrence TEXT NOT NULL,
                action TEXT NOT NULL CHECK (action IN (\(actions))),
                actor TEXT NOT NULL, note TEXT, snoozed_until BIGINT, happened_at BIGINT NOT NULL,
                FOREIGN KEY (deadline_id, occurrence) REFERENCES occurrences (deadline_id, occurrence))
            """,
            "CREATE INDEX occurrence_events_by_occurrence ON occurrence_events (deadline_id, occurrence)",
        ] + dialect.appendOnly(table: "occurrence_events") + [
            """
            CREATE TABLE instances (
                instance_id TEXT PRIMARY KEY, host TEXT NOT NULL, pid BIGINT NOT NULL,
                started_at BIGINT NOT NULL, heartbeat_at BIGINT NOT NULL, config_loaded_at BIGINT,
                config_summary TEXT NOT NULL, status TEXT NOT NULL)
            """,
            "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)",
            "INSERT INTO counters (name, value) VALUES ('changes', 0)",
        ]
    }

    /// Step 2 (issue 9): a claim with a lease on each row being sent, fenced by a token.
    private static let claimColumns = [
        "ALTER TABLE reminders ADD COLUMN claimed_by TEXT",
        "ALTER TABLE reminders ADD COLUMN lease_until BIGINT",
        "ALTER TABLE reminders ADD COLUMN claim_token TEXT",
    ]
}

extension LedgerSchema {
    /// Step 3 (issues 19 and 20): done and snooze per unit of an occurrence, and `resend`. The marks move to `occurrence_units`; a
    /// whole occurrence marked by an older deadlined becomes the unit `*` (every unit). The columns `done_*` and
    /// `snoozed_*` of `occurrences` keep their values as of the upgrade and are no longer read or written.
    fileprivate static let unitMarks = [
        """
        CREATE TABLE occurrence_units (
            deadline_id TEXT NOT NULL, occurrence TEXT NOT NULL, unit TEXT NOT NULL,
            done_at BIGINT, done_by TEXT, done_note TEXT, snoozed_until BIGINT, snoozed_by TEXT,
            updated_at BIGINT NOT NULL,
            PRIMARY KEY (deadline_id, occurrence, unit),
            FOREIGN KEY (deadline_id, occurrence) REFERENCES occurrences (deadline_id, occurrence))
        """,
        """
        INSERT INTO occurrence_units (
            deadline_id, occurrence, unit, done_at, done_by, done_note, snoozed_until, snoozed_by, updated_at)
        SELECT deadline_id, occurrence, '*', done_at, done_by, done_note, snoozed_until, snoozed_by, updated_at
        FROM occurrences WHERE done_at IS NOT NULL OR snoozed_until IS NOT NULL
        """,
        "ALTER TABLE occurrence_events ADD COLUMN unit TEXT NOT NULL DEFAULT '*'",
        // `deadlinectl resend` (issue 20): when a failed reminder was put back, and after how many attempts, so
        // that retry_limit and retry_max_age count from there.
        "ALTER TABLE reminders ADD COLUMN requeued_at BIGINT",
        "ALTER TABLE reminders ADD COLUMN requeued_after INTEGER NOT NULL DEFAULT 0",
    ]
}

/// The SQL dialects the schema is written for.
package enum SQLDialect: Sendable, Hashable {
    /// SQLite 3.35 or later.
    case sqlite
    /// PostgreSQL 12 or later: ``PostgresLedger`` (tested with PostgreSQL 15).
    case postgresql

    /// A 64-bit key that the database assigns in increasing order.
    var autoIncrementPrimaryKey: String {
        switch self {
        case .sqlite: "INTEGER PRIMARY KEY AUTOINCREMENT"
        case .postgresql: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        }
    }

    /// Triggers that refuse every UPDATE and DELETE on `table`.
    func appendOnly(table: String) -> [String] {
        let message = "'\(table) is append-only'"
        switch self {
        case .sqlite:
            return ["UPDATE", "DELETE"].map { operation in
                """
                CREATE TRIGGER \(table)_no_\(operation.lowercased()) BEFORE \(operation) ON \(table)
                BEGIN SELECT RAISE(ABORT, \(message)); END
                """
            }
        case .postgresql:
            return [
                """
                CREATE FUNCTION \(table)_append_only() RETURNS trigger LANGUAGE plpgsql AS
                $$ BEGIN RAISE EXCEPTION \(message); END $$
                """,
                """
                CREATE TRIGGER \(table)_append_only BEFORE UPDATE OR DELETE ON \(table)
                FOR EACH ROW EXECUTE FUNCTION \(table)_append_only()
                """,
            ]
        }
    }
}

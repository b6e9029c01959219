import DeadlineKit
import TestSupport
import Testing

@testable import DeadlineStore

/// Migrations: a new file gets every step, an old one is brought up to date, a newer one is refused untouched.
@Suite("SQLiteLedger: schema versions")
struct SQLiteSchemaTests {
    static let future = LedgerSchema.Step(version: LedgerSchema.latestVersion + 1, name: "future") { _ in
        ["CREATE TABLE future_things (name TEXT PRIMARY KEY)"]
    }

    @Test func aNewFileGetsEveryStep() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = try await SQLiteLedger(path: directory.path + "/state.db")
        #expect(LedgerSchema.latestVersion == 3)
        #expect(try await ledger.pragma("user_version") == "3")
        let applied = try await ledger.texts("SELECT version || ' ' || name FROM schema_migrations ORDER BY version")
        #expect(applied == ["1 ledger", "2 claims", "3 per-unit completion"])
    }

    @Test func anOlderFileIsMigratedWithItsData() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/state.db"
        do {
            // Rows as version 1 wrote them (version 1's code is gone, so raw SQL).
            let old = try await SQLiteLedger(path: path, schema: Array(LedgerSchema.steps.prefix(1)))
            #expect(try await old.pragma("user_version") == "1")
            try await old.execute(
                """
                INSERT INTO reminders (reminder_key, deadline_id, occurrence, rule, kind, unit, channel, recipients,
                    due_at, send_at, state, attempts, next_attempt_at, last_error, created_at, updated_at)
                VALUES ('\(Sample.reminder(1).key)', '5418-de-xuat', '2020-12-10', '7d', 'before', 'so-1', 'email',
                    'vanthu1@khdt.hanoi.example', 1607594400, 1606957260, 'retry', 1, 1606957800, '421 busy',
                    1606957260, 1606957300);
                INSERT INTO attempts (reminder_key, attempt, owner, started_at, finished_at, outcome, detail)
                VALUES ('\(Sample.reminder(1).key)', 1, 'daemon-v1', 1606957260, 1606957300, 'retry', '421 busy');
                INSERT INTO occurrences (deadline_id, occurrence, done_at, done_by, updated_at)
                VALUES ('5418-bao-cao-thang', '2020-11-20', 1606000000, 'nguyenvana', 1606000000);
                INSERT INTO occurrence_events (deadline_id, occurrence, action, actor, note, happened_at)
                VALUES ('5418-bao-cao-thang', '2020-11-20', 'done', 'nguyenvana', 'trước khi nâng cấp', 1606000000);
                INSERT INTO meta (name, value) VALUES ('scan_watermark', '1606957200');
                UPDATE counters SET value = 1;
                """)
        }
        let ledger = try await SQLiteLedger(path: path)
        #expect(try await ledger.pragma("user_version") == "3")
        let entry = try #require(try await Sample.entry(ledger, Sample.reminder(1).key))
        #expect(entry.state == .retry)
        #expect(entry.reminder.recipients == ["vanthu1@khdt.hanoi.example"])
        #expect(entry.attemptLog?.map(\.owner) == ["daemon-v1"])
        #expect(entry.claimedBy == nil)
        #expect(try await ledger.occurrenceEvents(deadlineID: nil).map(\.note) == ["trước khi nâng cấp"])
        // A whole occurrence marked done before per-unit completion counts for every unit.
        let november = OccurrenceID(deadlineID: "5418-bao-cao-thang", date: CivilDate(year: 2020, month: 11, day: 20)!)
        #expect(
            try await ledger.plannerState().done == [
                november: [PlannerState.everyUnit: Instant(secondsSinceEpoch: 1_606_000_000)]
            ])
        #expect(try await ledger.plannerState().isDone(november, units: ["so-khdt", "so-tc"]))
        #expect(try await ledger.occurrenceEvents(deadlineID: nil).map(\.unit) == [PlannerState.everyUnit])
        #expect(try await ledger.meta("scan_watermark") == "1606957200")
        #expect(try await ledger.changeCounter() == 1)

        let claim = try await ledger.beginAttempt(
            key: entry.key, owner: Sample.owner, leaseUntil: Instant(secondsSinceEpoch: 1_606_958_100),
            at: Instant(secondsSinceEpoch: 1_606_957_800))
        #expect(claim.attempt == 2)
        try await ledger.recordSent(claim, response: "250 OK", at: Instant(secondsSinceEpoch: 1_606_957_801))
        #expect(try await Sample.entry(ledger, entry.key)?.attemptLog?.map(\.outcome) == [.retry, .sent])

        // `undone --unit so-tc` on that old mark: so-tc is open again, the others keep the mark as it was.
        try await ledger.markUndone(
            november, units: ["so-tc"], allUnits: ["so-khdt", "so-tc", "so-nv"], by: "tranthib", note: nil,
            at: Instant(secondsSinceEpoch: 1_606_957_900))
        let state = try await ledger.plannerState()
        #expect(
            state.done == [
                november: [
                    "so-khdt": Instant(secondsSinceEpoch: 1_606_000_000),
                    "so-nv": Instant(secondsSinceEpoch: 1_606_000_000),
                ]
            ])
        #expect(try await ledger.unitMarks(november).map(\.doneBy) == ["nguyenvana", "nguyenvana"])
    }

    @Test func aNewerFileIsRefusedAndLeftAlone() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/state.db"
        do {
            let newer = try await SQLiteLedger(path: path, schema: LedgerSchema.steps + [Self.future])
            try await newer.setMeta("written-by", "deadlined 2.0")
        }
        let error = await #expect(throws: StoreError.self) { _ = try await SQLiteLedger(path: path) }
        #expect(error?.code == .schemaTooNew)
        #expect(
            error?.message
                == "\(path) was written by a newer deadlined (schema version 4; this one knows up to 3); upgrade "
                + "deadlined, or restore the backup taken before the upgrade")
        let newer = try await SQLiteLedger(path: path, schema: LedgerSchema.steps + [Self.future])
        #expect(try await newer.pragma("user_version") == "4")
        #expect(try await newer.meta("written-by") == "deadlined 2.0")
    }

    @Test func aNewerUserVersionAloneIsEnoughToRefuse() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/state.db"
        do {
            let ledger = try await SQLiteLedger(path: path)
            try await ledger.execute("PRAGMA user_version = 9")
        }
        let error = await #expect(throws: StoreError.self) { _ = try await SQLiteLedger(path: path) }
        #expect(error?.code == .schemaTooNew)
        #expect(error?.message.contains("schema version 9; this one knows up to 3") == true)
    }

    @Test func sqliteAndPostgresStatementsDifferOnlyInTheDialectBits() {
        for step in LedgerSchema.steps {
            let sqlite = step.statements(.sqlite)
            let postgres = step.statements(.postgresql)
            let shared = Set(sqlite).intersection(postgres)
            let differing = sqlite.filter { !shared.contains($0) } + postgres.filter { !shared.contains($0) }
            for statement in differing {
                #expect(
                    statement.contains("occurrence_events")
                        && (statement.contains("sequence")
                            || statement.contains("append")),
                    "unexpected dialect difference in step \(step.version): \(statement)")
            }
        }
    }
}

import DeadlineKit
import TestSupport
import Testing

@testable import DeadlineStore

/// The schema on PostgreSQL: the same numbered steps as SQLite, applied once even when daemons start together,
/// a newer database refused untouched, the audit log append-only; and `deadlinectl migrate`'s copy from SQLite.
@Suite("PostgresLedger: schema and migration from SQLite", .enabled(if: PostgresServer.isAvailable, "needs PostgreSQL"))
struct PostgresSchemaTests {
    @Test func daemonsStartingTogetherApplyTheStepsOnce() async throws {
        try await LedgerStorage.with(.postgres) { storage, first async throws in
            let ledgers = try await withThrowingTaskGroup(of: (any Ledger).self) { group in
                for _ in 0..<4 { group.addTask { try await storage.open() } }
                return try await group.reduce(into: [any Ledger]()) { $0.append($1) }
            }
            #expect(ledgers.count == 4)
            let ledger = try #require(first as? PostgresLedger)
            let applied = try await ledger.texts(
                "SELECT version || ' ' || name FROM schema_migrations ORDER BY version")
            #expect(applied == LedgerSchema.steps.map { "\($0.version) \($0.name)" })
        }
    }

    @Test func aNewerDatabaseIsRefusedAndLeftAlone() async throws {
        let server = try await PostgresServer.shared()
        let database = try server.createDatabase()
        defer { server.dropDatabase(database) }
        let configuration = PostgresFixture.configuration(server, database: database)
        let future = SQLiteSchemaTests.future
        do {
            let newer = try await PostgresLedger(configuration: configuration, schema: LedgerSchema.steps + [future])
            try await newer.setMeta("written-by", "deadlined 2.0")
            await newer.close()
        }
        let error = await #expect(throws: StoreError.self) {
            _ = try await PostgresLedger(configuration: configuration)
        }
        #expect(error?.code == .schemaTooNew)
        #expect(
            error?.message
                == "\(configuration.displayName) was written by a newer deadlined (schema version \(future.version); "
                + "this one knows up to \(LedgerSchema.latestVersion)); upgrade deadlined on every server, or restore "
                + "the backup taken before the upgrade")
        #expect(
            try server.psql("SELECT value FROM meta WHERE name = 'written-by'", database: database) == "deadlined 2.0")
    }

    @Test func theAuditLogIsAppendOnly() async throws {
        try await LedgerStorage.with(.postgres) { _, first async throws in
            let ledger = try #require(first as? PostgresLedger)
            _ = try await ledger.markDone(
                Sample.occurrenceID, units: ["so-0"], by: Sample.admin, note: "Đã xong", at: Sample.t0)
            for sql in ["UPDATE occurrence_events SET actor = 'someone-else'", "DELETE FROM occurrence_events"] {
                let error = await #expect(throws: StoreError.self) { try await ledger.execute(sql) }
                #expect(error?.code == .invalidInput)
                #expect(
                    error?.message
                        == "\(ledger.displayName): a value was refused by the ledger's rules (PostgreSQL: "
                        + "occurrence_events is append-only (SQLSTATE P0001))")
            }
            #expect(try await ledger.occurrenceEvents(deadlineID: nil).map(\.user) == [Sample.admin])
        }
    }

    /// Every row of a SQLite ledger with some history arrives in PostgreSQL, and the copy goes on working there.
    @Test func migrationCopiesTheWholeHistory() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let sqlite = try await SQLiteLedger(path: directory.path + "/state.db")
        let reminders = Sample.reminders(1_200)
        _ = try await sqlite.recordDue(reminders, at: Sample.t0)
        for (index, reminder) in reminders.prefix(3).enumerated() {
            let claim = try await sqlite.beginAttempt(
                key: reminder.key, owner: "vp-ubnd-01:4242:1", leaseUntil: Sample.at(300), at: Sample.at(1))
            if index == 0 { try await sqlite.recordSent(claim, response: "250 OK", at: Sample.at(2)) }
            if index == 1 {
                try await sqlite.recordFailure(
                    claim, error: "421", disposition: .retry(at: Sample.at(600)), at: Sample.at(2))
            }
        }
        let monthly = OccurrenceConformanceTests.monthly
        try await sqlite.snooze(
            monthly, units: ["so-0"], until: Sample.at(86_400), by: Sample.admin, note: "Chờ họp", at: Sample.at(3))
        _ = try await sqlite.markDone(
            Sample.occurrenceID, units: ["so-0"], by: "tranthib", note: "Đã nộp", at: Sample.at(4))
        try await sqlite.setMeta("scan_watermark", "1606957200")
        try await sqlite.heartbeat(InstanceConformanceTests.instance("vp-ubnd-01:4242:1", heartbeat: Sample.at(5)))

        try await LedgerStorage.with(.postgres) { storage, first async throws in
            let target = try #require(first as? PostgresLedger)
            let report = try await LedgerMigration.copy(from: sqlite, to: target)
            #expect(report.tables.map(\.name) == LedgerMigration.tables)
            #expect(report.tables.first { $0.name == "reminders" }?.rows == 1_200)
            #expect(report.tables.first { $0.name == "occurrence_events" }?.rows == 2)
            #expect(try await target.entries(deadlineID: "5418-de-xuat") == sqlite.entries(deadlineID: "5418-de-xuat"))
            #expect(try await target.occurrenceEvents(deadlineID: nil) == sqlite.occurrenceEvents(deadlineID: nil))
            let copiedState = try await target.plannerState()
            let originalState = try await sqlite.plannerState()
            #expect(copiedState.done == originalState.done)
            #expect(copiedState.snoozedUntil == originalState.snoozedUntil)
            #expect(!copiedState.done.isEmpty && !copiedState.snoozedUntil.isEmpty)
            #expect(try await target.instances() == sqlite.instances())
            #expect(try await target.meta("scan_watermark") == "1606957200")
            #expect(try await target.changeCounter() == 2)
            // The copy goes on: a new audit event numbers after the copied ones, a claim left in flight expires.
            try await target.markUndone(
                Sample.occurrenceID, units: ["so-0"], allUnits: ["so-0"], by: "tranthib", note: nil, at: Sample.at(6))
            let sequences = try await target.occurrenceEvents(deadlineID: nil).map(\.sequence)
            #expect(sequences.count == 3 && sequences[2] > sequences[1])
            let ready = try await target.readyToSend(at: Sample.at(300), limit: 2_000)
            #expect(ready.contains { $0.key == reminders[2].key && $0.state == .sending })
            let again = await #expect(throws: StoreError.self) {
                _ = try await LedgerMigration.copy(from: sqlite, to: target)
            }
            #expect(again?.code == .invalidInput)
            #expect(again?.message.contains("already holds a ledger") == true)
            _ = storage
        }
    }
}

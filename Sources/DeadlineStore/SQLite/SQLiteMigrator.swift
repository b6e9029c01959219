#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import GRDB

/// Applies ``LedgerSchema`` steps to a SQLite database in one IMMEDIATE transaction, after checking that the
/// database is not from a newer deadlined (by `schema_migrations` and by `PRAGMA user_version`). Two processes
/// opening the same old file at once are serialised by the transaction: the second finds the work done.
struct SQLiteMigrator {
    let steps: [LedgerSchema.Step]
    let path: String

    func migrate(_ writer: any DatabaseWriter) throws(StoreError) {
        let latest = steps.last?.version ?? 0
        do {
            try writer.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try migrate(db, latest: latest)
                    return .commit
                }
            }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    private func migrate(_ db: Database, latest: Int) throws {
        let userVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        try db.execute(sql: LedgerSchema.createMigrationTable)
        let applied = try Int.fetchOne(db, sql: "SELECT MAX(version) FROM schema_migrations") ?? 0
        let found = max(applied, userVersion)
        if found > latest {
            throw StoreError(
                .schemaTooNew,
                "\(path) was written by a newer deadlined (schema version \(found); this one knows up to "
                    + "\(latest)); upgrade deadlined, or restore the backup taken before the upgrade")
        }
        for step in steps where step.version > applied {
            for statement in step.statements(.sqlite) {
                try db.execute(sql: statement)
            }
            try db.execute(
                sql: "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                arguments: [step.version, step.name, Int64(time(nil))])
        }
        if userVersion != latest {
            try db.execute(sql: "PRAGMA user_version = \(latest)")
        }
    }
}

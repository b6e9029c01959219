#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

import Platform

/// Applies ``LedgerSchema`` steps to a SQLite database in one IMMEDIATE transaction, after checking that the
/// database is not from a newer deadlined (by `schema_migrations` and by `PRAGMA user_version`). Two processes
/// opening the same old file at once are serialised by the transaction: the second finds the work done.
struct SQLiteMigrator {
    let steps: [LedgerSchema.Step]
    let path: String

    func migrate(_ connection: SQLiteConnection) throws(StoreError) {
        let latest = steps.last?.version ?? 0
        do {
            try connection.transaction(.immediate) { try migrate(connection, latest: latest) }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    private func migrate(_ db: SQLiteConnection, latest: Int) throws {
        let userVersion = Int(try db.integer("PRAGMA user_version") ?? 0)
        try db.execute(LedgerSchema.createMigrationTable)
        let applied = Int(try db.integer("SELECT MAX(version) FROM schema_migrations") ?? 0)
        let found = max(applied, userVersion)
        if found > latest {
            throw StoreError(
                .schemaTooNew,
                "\(path) was written by a newer deadlined (schema version \(found); this one knows up to "
                    + "\(latest)); upgrade deadlined, or restore the backup taken before the upgrade")
        }
        for step in steps where step.version > applied {
            for statement in step.statements(.sqlite) {
                try db.execute(statement)
            }
            try db.run(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                [.of(step.version), .text(step.name), .integer(WallClock.seconds())])
        }
        if userVersion != latest {
            try db.execute("PRAGMA user_version = \(latest)")
        }
    }
}

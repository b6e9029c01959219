#if canImport(Glibc)
    import Glibc
#endif
import Platform
import PostgresNIO

/// Applies ``LedgerSchema`` to a PostgreSQL database: the steps not yet recorded in `schema_migrations`, each with
/// its version row, all in one transaction.
///
/// A transaction-scoped advisory lock makes daemons that start at the same moment take turns: the first applies
/// the steps, the others find them applied. A database whose highest version is above the steps given (written
/// by a newer deadlined) is refused with ``StoreError/Code/schemaTooNew`` and left untouched.
enum PostgresMigrator {
    /// The advisory lock's key: "deadline" in ASCII, an arbitrary constant that other programs are unlikely to use.
    static let lockKey: Int64 = 0x6465_6164_6c69_6e65

    static func migrate(_ link: PostgresLink, steps: [LedgerSchema.Step]) async throws(StoreError) {
        let database = link.configuration.displayName
        let logger = link.queryLogger
        let latest = steps.last?.version ?? 0
        try await link.transaction { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            try await connection.query(PostgresQuery(unsafeSQL: LedgerSchema.createMigrationTable), logger: logger)
            var applied = 0
            for try await version in try await connection.query(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", logger: logger
            ).decode(Int.self) {
                applied = version
            }
            if applied > latest {
                throw StoreError(
                    .schemaTooNew,
                    "\(database) was written by a newer deadlined (schema version \(applied); this one knows up to "
                        + "\(latest)); upgrade deadlined on every server, or restore the backup taken before the "
                        + "upgrade")
            }
            for step in steps where step.version > applied {
                for statement in step.statements(.postgresql) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                let version = step.version, name = step.name, now = WallClock.seconds()
                try await connection.query(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(version), \(name), \(now))",
                    logger: logger)
            }
        }
    }
}

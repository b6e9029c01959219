import DeadlineKit
import GRDB

/// The ``Ledger`` in one SQLite file (`state.db` in the state directory), through GRDB.
///
/// - WAL journal, `synchronous = FULL` (a commit survives a power loss, not only a crash), foreign keys on, and a
///   busy timeout of ``busyTimeoutSeconds``: the daemon and `deadlinectl` (or two daemons by mistake) may write
///   at once and simply wait their turn.
/// - The file is created 0600 and missing folders 0700.
/// - Schema: ``LedgerSchema``, applied on open; a database written by a newer deadlined is refused with
///   ``StoreError/Code/schemaTooNew``, its tables and rows left as they were.
/// - SQLite calls (opening too) run on the ledger's own thread, ``SQLiteThread``, through GRDB's synchronous API:
///   never on the caller's executor, and not on libdispatch's queues. Writes run to the end even if the calling
///   task is cancelled, so that an outcome the daemon learned during shutdown is still written down; a read asked
///   for by a cancelled task fails with ``StoreError/Code/cancelled`` without running.
///
/// When not to use it: on a network file system (SQLite's locking is not reliable there) or for several daemons
/// on several hosts; that is the PostgreSQL backend's job (issue 9).
public final class SQLiteLedger: Ledger {
    /// How long a write waits for another process's write to finish before failing with
    /// ``StoreError/Code/locked``.
    public static let busyTimeoutSeconds = 5.0

    /// The ledger's file name inside the state directory: `state.db`.
    public static let defaultFileName = "state.db"

    /// The database file, or `:memory:`; named in error messages.
    public let path: String
    let writer: any DatabaseWriter
    /// Where every SQLite call runs.
    let thread: SQLiteThread

    /// Opens the ledger at `path` and brings its schema up to date.
    ///
    /// - Parameter create: create the file (0600) and its folders (0700) when missing: the daemon's choice.
    ///   Admin commands pass `false`, so that `sudo deadlinectl` never leaves a root-owned ledger that the daemon's
    ///   user cannot open; a missing file is then ``StoreError/Code/notFound``.
    public convenience init(path: String, create: Bool = true) async throws(StoreError) {
        try await self.init(path: path, schema: LedgerSchema.steps, create: create)
    }

    /// Opens the ledger with the given schema steps; tests use a prefix of ``LedgerSchema/steps`` to build an
    /// old database, or extra steps to build a newer one.
    convenience init(path: String, schema: [LedgerSchema.Step], create: Bool = true) async throws(StoreError) {
        let thread = SQLiteThread()
        let writer: any DatabaseWriter
        do {
            writer = try await thread.run { () throws -> any DatabaseWriter in
                try StateFile.prepare(path: path, create: create)
                let pool = try DatabasePool(path: path, configuration: Self.configuration())
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA synchronous = FULL")
                    try db.execute(sql: "PRAGMA journal_size_limit = 4194304")
                }
                try SQLiteMigrator(steps: schema, path: path).migrate(pool)
                return pool
            }
        } catch {
            thread.shutdownWithoutWaiting()
            throw StoreError.from(error, path: path)
        }
        self.init(path: path, writer: writer, thread: thread)
    }

    private init(path: String, writer: any DatabaseWriter, thread: SQLiteThread) {
        self.path = path
        self.writer = writer
        self.thread = thread
    }

    deinit {
        thread.shutdownWithoutWaiting()
    }

    /// A private ledger in memory, gone when the value is released: for unit tests of code that uses a
    /// ``Ledger``. Same schema and behaviour, except WAL and durability.
    public static func inMemory() throws(StoreError) -> SQLiteLedger {
        let path = ":memory:"
        do {
            let queue = try DatabaseQueue(configuration: configuration())
            try SQLiteMigrator(steps: LedgerSchema.steps, path: path).migrate(queue)
            return SQLiteLedger(path: path, writer: queue, thread: SQLiteThread())
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    static func configuration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "deadlined.ledger"
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeoutSeconds)
        configuration.maximumReaderCount = 2
        return configuration
    }

    /// Runs `body` in one IMMEDIATE transaction on the writer, to the end even if the caller is cancelled.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        let writer = self.writer
        do {
            return try await thread.run { try writer.write(body) }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Runs `body` in a read transaction (a snapshot, concurrent with writes in WAL mode).
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        let writer = self.writer
        do {
            try Task.checkCancellation()
            return try await thread.run { try writer.read(body) }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// A PRAGMA's value as text, for tests and diagnostics (`journal_mode`, `busy_timeout`, `user_version`).
    func pragma(_ name: String) async throws(StoreError) -> String? {
        try await read { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }

    /// The writer connection's PRAGMA value (per-connection settings such as `synchronous`).
    func writerPragma(_ name: String) async throws(StoreError) -> String? {
        try await write { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }
}

extension SQLiteLedger {
    /// Runs raw SQL in a write transaction: for tests that build odd databases, never for the daemon.
    func execute(_ sql: String) async throws(StoreError) {
        try await write { db in try db.execute(sql: sql) }
    }

    /// The first column of every row of a query, as text: for tests.
    func texts(_ sql: String) async throws(StoreError) -> [String] {
        try await read { db in try String.fetchAll(db, sql: sql) }
    }
}

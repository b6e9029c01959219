import DeadlineKit

/// The ``Ledger`` in one SQLite file (`state.db` in the state directory), through SQLite's C API
/// (``SQLiteConnection``).
///
/// - WAL journal, `synchronous = FULL` (a commit survives a power loss, not only a crash), foreign keys on, and a
///   busy timeout of ``busyTimeoutSeconds``: the daemon and `deadlinectl` (or two daemons by mistake) may write
///   at once and simply wait their turn.
/// - The file is created 0600 and missing folders 0700.
/// - Schema: ``LedgerSchema``, applied on open; a database written by a newer deadlined is refused with
///   ``StoreError/Code/schemaTooNew``, its tables and rows left as they were.
/// - SQLite calls (opening too) run on the ledger's own thread, ``SQLiteThread``, on one connection whose compiled
///   statements are kept: never on the caller's executor, and not on libdispatch's queues. Writes run to the end even if the calling
///   task is cancelled, so that an outcome the daemon learned during shutdown is still written down; a read asked
///   for by a cancelled task fails with ``StoreError/Code/cancelled`` without running.
///
/// When not to use it: on a network file system (SQLite's locking is not reliable there) or for several daemons
/// on several hosts; that is the PostgreSQL backend's job (issue 9).
package final class SQLiteLedger: Ledger {
    /// How long a write waits for another process's write to finish before failing with
    /// ``StoreError/Code/locked``.
    package static let busyTimeoutSeconds = 5.0

    /// The ledger's file name inside the state directory: `state.db`.
    package static let defaultFileName = "state.db"

    /// The database file, or `:memory:`; named in error messages.
    package let path: String
    /// The one connection; used only on ``thread``.
    let connection: SQLiteConnection
    /// Where every SQLite call runs.
    let thread: SQLiteThread

    /// Opens the ledger at `path` and brings its schema up to date.
    ///
    /// - Parameter create: create the file (0600) and its folders (0700) when missing: the daemon's choice.
    ///   Admin commands pass `false`, so that `sudo deadlinectl` never leaves a root-owned ledger that the daemon's
    ///   user cannot open; a missing file is then ``StoreError/Code/notFound``.
    package convenience init(path: String, create: Bool = true) async throws(StoreError) {
        try await self.init(path: path, schema: LedgerSchema.steps, create: create)
    }

    /// Opens the ledger with the given schema steps; tests use a prefix of ``LedgerSchema/steps`` to build an
    /// old database, or extra steps to build a newer one.
    convenience init(path: String, schema: [LedgerSchema.Step], create: Bool = true) async throws(StoreError) {
        let thread = SQLiteThread()
        let connection: SQLiteConnection
        do {
            connection = try await thread.run { () throws -> SQLiteConnection in
                try StateFile.prepare(path: path, create: create)
                let connection = try SQLiteLedger.open(path)
                try connection.execute("PRAGMA journal_mode = WAL")
                try connection.execute("PRAGMA synchronous = FULL")
                try connection.execute("PRAGMA journal_size_limit = 4194304")
                try SQLiteMigrator(steps: schema, path: path).migrate(connection)
                return connection
            }
        } catch {
            thread.shutdownWithoutWaiting()
            throw StoreError.from(error, path: path)
        }
        self.init(path: path, connection: connection, thread: thread)
    }

    private init(path: String, connection: SQLiteConnection, thread: SQLiteThread) {
        self.path = path
        self.connection = connection
        self.thread = thread
    }

    deinit {
        thread.shutdownWithoutWaiting()
    }

    /// A private ledger in memory, gone when the value is released: for unit tests of code that uses a
    /// ``Ledger``. Same schema and behaviour, except WAL and durability.
    package static func inMemory() throws(StoreError) -> SQLiteLedger {
        let path = ":memory:"
        do {
            let connection = try open(path)
            try SQLiteMigrator(steps: LedgerSchema.steps, path: path).migrate(connection)
            return SQLiteLedger(path: path, connection: connection, thread: SQLiteThread())
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// A connection with the ledger's settings: foreign keys on, and a busy timeout of ``busyTimeoutSeconds``.
    static func open(_ path: String) throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: path)
        connection.setBusyTimeout(milliseconds: Int32(busyTimeoutSeconds * 1000))
        try connection.execute("PRAGMA foreign_keys = ON")
        return connection
    }

    /// Runs `body` in one IMMEDIATE transaction on the connection, to the end even if the caller is cancelled.
    func write<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws(StoreError) -> T {
        let connection = self.connection
        do {
            return try await thread.run { try connection.transaction(.immediate) { try body(connection) } }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// Runs `body` in a read transaction (a snapshot, concurrent with other processes' writes in WAL mode).
    func read<T: Sendable>(_ body: @escaping @Sendable (SQLiteConnection) throws -> T) async throws(StoreError) -> T {
        let connection = self.connection
        do {
            try Task.checkCancellation()
            return try await thread.run { try connection.transaction(.deferred) { try body(connection) } }
        } catch {
            throw StoreError.from(error, path: path)
        }
    }

    /// A PRAGMA's value as text, for tests and diagnostics (`journal_mode`, `busy_timeout`, `user_version`).
    func pragma(_ name: String) async throws(StoreError) -> String? {
        try await read { db in try db.text("PRAGMA \(name)") }
    }

    /// The same as ``pragma(_:)``: reads and writes share one connection.
    func writerPragma(_ name: String) async throws(StoreError) -> String? {
        try await write { db in try db.text("PRAGMA \(name)") }
    }
}

extension SQLiteLedger {
    /// Runs raw SQL in a write transaction: for tests that build odd databases, never for the daemon.
    func execute(_ sql: String) async throws(StoreError) {
        try await write { db in try db.execute(sql) }
    }

    /// The first column of every row of a query, as text: for tests.
    func texts(_ sql: String) async throws(StoreError) -> [String] {
        try await read { db in try db.rows(sql).compactMap { $0.values.first?.text } }
    }
}

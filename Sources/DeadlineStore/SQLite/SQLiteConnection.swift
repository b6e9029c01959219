import CSQLite

/// One connection to a SQLite database through SQLite's C API, with its prepared statements kept for reuse.
///
/// The ledger's calls are few and always the same (claim, result, record due), so each statement's SQL is compiled
/// once per connection and then only bound and stepped: compiling was a third of a claim's cost. Errors are
/// ``SQLiteError``s with SQLite's own short message; ``StoreError/from(_:path:)`` says what they mean for an admin.
///
/// Not thread-safe: a connection is used by one thread at a time (``SQLiteThread`` runs every call of a
/// ``SQLiteLedger``), which is why it is opened in SQLite's multi-thread mode, without SQLite's own mutexes.
final class SQLiteConnection: @unchecked Sendable {
    private let handle: OpaquePointer
    /// Compiled statements by SQL text. Bounded: statements with a variable number of `?` (`IN (?, ?, ...)`) come in
    /// many lengths, so the cache is emptied when it would grow past ``cacheLimit``.
    private var cache: [String: OpaquePointer] = [:]
    static let cacheLimit = 64

    /// Opens (never creates: ``StateFile`` does that with the right mode) the database at `path`, or a private one in
    /// memory for `:memory:`.
    init(path: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (path == ":memory:" ? SQLITE_OPEN_CREATE : 0)
        let code = sqlite3_open_v2(path, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(code: code, message: handle.map { String(cString: sqlite3_errmsg($0)) })
            sqlite3_close_v2(handle)
            throw error
        }
        self.handle = handle
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        for statement in cache.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }

    /// How long a statement waits for another connection's lock before failing with `SQLITE_BUSY`.
    func setBusyTimeout(milliseconds: Int32) {
        sqlite3_busy_timeout(handle, milliseconds)
    }

    // MARK: Statements

    /// Runs one or more statements without arguments or results (schema, PRAGMAs, transaction control).
    func execute(_ sql: String) throws(SQLiteError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code) }
    }

    /// Runs a statement, discarding any rows; returns how many rows it changed.
    @discardableResult
    func run(_ sql: String, _ arguments: [LedgerValue] = []) throws(SQLiteError) -> Int {
        try withStatement(sql, arguments) { statement throws(SQLiteError) in
            while try step(statement) {}
        }
        return Int(sqlite3_changes(handle))
    }

    /// Every row of a query, each as its column values.
    func rows(_ sql: String, _ arguments: [LedgerValue] = []) throws(SQLiteError) -> [SQLiteRow] {
        try withStatement(sql, arguments) { statement throws(SQLiteError) in
            var rows: [SQLiteRow] = []
            let count = sqlite3_column_count(statement)
            while try step(statement) {
                rows.append(SQLiteRow(values: (0..<count).map { Self.value(statement, $0) }))
            }
            return rows
        }
    }

    /// The column names of a query and its rows (`deadlinectl migrate`, which copies whole tables).
    func table(_ sql: String) throws(SQLiteError) -> (columns: [String], rows: [SQLiteRow]) {
        try withStatement(sql, []) { statement throws(SQLiteError) in
            let count = sqlite3_column_count(statement)
            let columns = (0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }
            var rows: [SQLiteRow] = []
            while try step(statement) {
                rows.append(SQLiteRow(values: (0..<count).map { Self.value(statement, $0) }))
            }
            return (columns, rows)
        }
    }

    /// The first column of the first row, as text (`nil` for no row or NULL).
    func text(_ sql: String, _ arguments: [LedgerValue] = []) throws(SQLiteError) -> String? {
        try rows(sql, arguments).first?.values.first?.text
    }

    /// The first column of the first row, as an integer (`nil` for no row or NULL).
    func integer(_ sql: String, _ arguments: [LedgerValue] = []) throws(SQLiteError) -> Int64? {
        try rows(sql, arguments).first?.values.first?.integer
    }

    // MARK: Transactions

    enum TransactionKind: String {
        /// Takes the write lock at once (`BEGIN IMMEDIATE`): what was read cannot change before the commit.
        case immediate = "BEGIN IMMEDIATE"
        /// A snapshot for reading (`BEGIN`).
        case deferred = "BEGIN"
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    func transaction<T>(_ kind: TransactionKind, _ body: () throws -> T) throws -> T {
        try execute(kind.rawValue)
        let result: T
        do {
            result = try body()
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        do {
            try execute("COMMIT")
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
        return result
    }

    // MARK: Internals

    /// Binds `arguments` to the compiled `sql` and runs `body` with it, then resets it for the next use.
    private func withStatement<T>(
        _ sql: String, _ arguments: [LedgerValue], _ body: (OpaquePointer) throws(SQLiteError) -> T
    ) throws(SQLiteError) -> T {
        let statement = try prepared(sql)
        defer {
            sqlite3_reset(statement)
            sqlite3_clear_bindings(statement)
        }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch argument {
            case .null: code = sqlite3_bind_null(statement, index)
            case .integer(let number): code = sqlite3_bind_int64(statement, index, number)
            case .text(let text):
                code = text.withCString {
                    sqlite3_bind_text(statement, index, $0, Int32(text.utf8.count), csqlite_transient())
                }
            }
            guard code == SQLITE_OK else { throw error(code) }
        }
        return try body(statement)
    }

    /// The compiled statement for `sql`, from the cache or compiled now.
    private func prepared(_ sql: String) throws(SQLiteError) -> OpaquePointer {
        if let statement = cache[sql] { return statement }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code) }
        if cache.count >= Self.cacheLimit {
            for old in cache.values { sqlite3_finalize(old) }
            cache.removeAll(keepingCapacity: true)
        }
        cache[sql] = statement
        return statement
    }

    /// Steps once: `true` while there is a row.
    private func step(_ statement: OpaquePointer) throws(SQLiteError) -> Bool {
        switch sqlite3_step(statement) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code: throw error(code)
        }
    }

    private static func value(_ statement: OpaquePointer, _ column: Int32) -> SQLiteValue {
        switch sqlite3_column_type(statement, column) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
        case SQLITE_TEXT:
            let count = Int(sqlite3_column_bytes(statement, column))
            guard let bytes = sqlite3_column_text(statement, column) else { return .text("") }
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        case SQLITE_BLOB: return .blob
        default: return .null
        }
    }

    private func error(_ code: Int32) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)))
    }
}

/// A SQLite failure: its (extended) result code and SQLite's short message, never the SQL or its arguments.
struct SQLiteError: Error, Sendable {
    let code: Int32
    let message: String?

    /// The primary result code (`SQLITE_BUSY` for `SQLITE_BUSY_SNAPSHOT`).
    var primaryCode: Int32 { code & 0xFF }
}

/// One value read from SQLite.
enum SQLiteValue: Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob

    var text: String? {
        switch self {
        case .text(let text): text
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .null, .blob: nil
        }
    }

    var integer: Int64? {
        switch self {
        case .integer(let number): number
        case .text(let text): Int64(text)
        case .real(let number): Int64(exactly: number)
        case .null, .blob: nil
        }
    }
}

/// One result row: its values in column order.
struct SQLiteRow: Sendable {
    let values: [SQLiteValue]
}

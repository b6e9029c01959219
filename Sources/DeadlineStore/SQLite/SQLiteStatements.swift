/// Runs the shared ``LedgerStatement``s on SQLite, as written.
extension SQLiteConnection {
    @discardableResult
    func run(_ statement: LedgerStatement) throws(SQLiteError) -> Int {
        try run(statement.sql, statement.arguments)
    }

    func rows(_ statement: LedgerStatement) throws(SQLiteError) -> [SQLiteRow] {
        try rows(statement.sql, statement.arguments)
    }
}

/// A SQLite row read by position (see ``LedgerCells``).
struct SQLiteCells: LedgerCells {
    let row: SQLiteRow
    let location: String

    func text(_ index: Int) throws -> String {
        guard let text = try optionalText(index) else { throw missing(index) }
        return text
    }

    func optionalText(_ index: Int) throws -> String? {
        guard index < row.values.count else { throw missing(index) }
        return row.values[index].text
    }

    func int64(_ index: Int) throws -> Int64 {
        guard let number = try optionalInt64(index) else { throw missing(index) }
        return number
    }

    func optionalInt64(_ index: Int) throws -> Int64? {
        guard index < row.values.count else { throw missing(index) }
        if case .null = row.values[index] { return nil }
        guard let number = row.values[index].integer else {
            throw StoreError(.corrupt, "\(location): a number in the ledger is not a number; restore the latest backup")
        }
        return number
    }

    private func missing(_ index: Int) -> StoreError {
        StoreError(
            .corrupt,
            "\(location): a value the ledger needs is missing (column \(index + 1)); restore the latest backup")
    }
}

extension Array where Element == SQLiteRow {
    /// The rows as ``LedgerCells`` of the ledger at `location`.
    func cells(_ location: String) -> [SQLiteCells] { map { SQLiteCells(row: $0, location: location) } }
}

import GRDB

/// Runs the shared ``LedgerStatement``s on SQLite, as written.
extension Database {
    func run(_ statement: LedgerStatement) throws {
        try execute(sql: statement.sql, arguments: statement.sqliteArguments)
    }

    func rows(_ statement: LedgerStatement) throws -> [Row] {
        try Row.fetchAll(self, sql: statement.sql, arguments: statement.sqliteArguments)
    }
}

extension LedgerStatement {
    var sqliteArguments: StatementArguments {
        StatementArguments(
            arguments.map { value -> (any DatabaseValueConvertible)? in
                switch value {
                case .text(let text): text
                case .integer(let number): number
                case .null: nil
                }
            })
    }
}

/// A SQLite row read by position (see ``LedgerCells``).
struct SQLiteCells: LedgerCells {
    let row: Row
    let location: String

    func text(_ index: Int) throws -> String { try row.decode(String.self, atIndex: index) }
    func optionalText(_ index: Int) throws -> String? { try row.decode(String?.self, atIndex: index) }
    func int64(_ index: Int) throws -> Int64 { try row.decode(Int64.self, atIndex: index) }
    func optionalInt64(_ index: Int) throws -> Int64? { try row.decode(Int64?.self, atIndex: index) }
}

extension Array where Element == Row {
    /// The rows as ``LedgerCells`` of the ledger at `location`.
    func cells(_ location: String) -> [SQLiteCells] { map { SQLiteCells(row: $0, location: location) } }
}

import Logging
import PostgresNIO

/// Runs the shared ``LedgerStatement``s on PostgreSQL: the `?`s numbered, the values bound.
extension LedgerStatement {
    var postgres: PostgresQuery {
        var bindings = PostgresBindings(capacity: arguments.count)
        for value in arguments {
            switch value {
            case .text(let text): bindings.append(text)
            case .integer(let number): bindings.append(number)
            case .null: bindings.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: numberedSQL, binds: bindings)
    }
}

extension PostgresConnection {
    func run(_ statement: LedgerStatement, logger: Logger) async throws {
        try await query(statement.postgres, logger: logger)
    }

    func rows(_ statement: LedgerStatement, location: String, logger: Logger) async throws -> [PostgresCells] {
        try await query(statement.postgres, logger: logger).collect().map {
            PostgresCells(row: $0.makeRandomAccess(), location: location)
        }
    }
}

/// A PostgreSQL row read by position (see ``LedgerCells``).
struct PostgresCells: LedgerCells {
    let row: PostgresRandomAccessRow
    let location: String

    func text(_ index: Int) throws -> String { try row[index].decode(String.self) }
    func optionalText(_ index: Int) throws -> String? { try row[index].decode(String?.self) }
    func int64(_ index: Int) throws -> Int64 { try row[index].decode(Int64.self) }
    func optionalInt64(_ index: Int) throws -> Int64? { try row[index].decode(Int64?.self) }
}

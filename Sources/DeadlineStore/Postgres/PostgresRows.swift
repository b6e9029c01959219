import Logging
import PostgresNIO

/// Raw PostgreSQL rows, for the few queries outside the shared statements (``LedgerSQL``), e.g. `migrate`'s counts.
enum PostgresRows {
    /// All rows of a query.
    static func all(
        _ query: PostgresQuery, on connection: PostgresConnection, logger: Logger
    ) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }
}

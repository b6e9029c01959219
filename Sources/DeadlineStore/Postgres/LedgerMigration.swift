import Logging
import DeadlineKit
import PostgresNIO

/// `deadlinectl migrate`: copies a whole SQLite ledger into an empty PostgreSQL one, every row of every table,
/// so that nothing of its history is lost: reminders with their states and claims, the attempt log, done and
/// snoozed occurrences, the audit log (with its sequence numbers), instances, the scan watermark and the change
/// counter.
///
/// The source is read in one snapshot; the target is written in one transaction, then counted table by table
/// against the source. A target that already holds reminders, occurrences or audit events is refused, untouched.
package enum LedgerMigration {
    /// How many rows each table received, in copy order.
    package struct Report: Sendable, Equatable {
        /// `(table, rows)` pairs.
        package var tables: [Table]

        /// One table's count.
        package struct Table: Sendable, Equatable {
            /// The table's name, e.g. `reminders`.
            package var name: String
            /// The rows copied.
            package var rows: Int
        }
    }

    /// The tables copied, parents before children (foreign keys).
    static let tables = [
        "reminders", "attempts", "occurrences", "occurrence_units", "occurrence_events", "instances", "meta",
        "counters",
    ]

    /// Rows per `INSERT`.
    static let batch = 500

    /// Copies `source` into `target`; see the type's documentation.
    package static func copy(from source: SQLiteLedger, to target: PostgresLedger) async throws(StoreError) -> Report {
        let snapshot = try await source.read { db in
            try tables.map { table in
                let (columns, rows) = try db.table("SELECT * FROM \(table) ORDER BY rowid")
                return TableRows(
                    name: table, columns: rows.isEmpty ? [] : columns,
                    rows: try rows.map { row in try row.values.map(Value.init) })
            }
        }
        let logger = target.queryLogger
        let database = target.displayName
        try await target.link.transaction(limit: .seconds(3600)) { connection in  // every row in one transaction
            let existing = try await PostgresRows.all(
                """
                SELECT (SELECT COUNT(*) FROM reminders) + (SELECT COUNT(*) FROM occurrences)
                    + (SELECT COUNT(*) FROM occurrence_events)
                """, on: connection, logger: logger)
            let count = try existing.first.map { try $0.decode(Int.self) } ?? 0
            guard count == 0 else {
                throw StoreError(
                    .invalidInput,
                    "\(database) already holds a ledger (\(count) reminders, occurrences and audit events); "
                        + "migrate into an empty database, or drop and re-create it first")
            }
            for table in snapshot where !table.rows.isEmpty {
                try await insert(table, on: connection, logger: logger)
            }
            try await connection.query(
                """
                SELECT setval(pg_get_serial_sequence('occurrence_events', 'sequence'),
                    COALESCE((SELECT MAX(sequence) FROM occurrence_events), 0) + 1, false)
                """, logger: logger)
        }
        var report = Report(tables: [])
        for table in snapshot {
            let copied = try await target.link.run { connection in
                try await PostgresRows.all(
                    PostgresQuery(unsafeSQL: "SELECT COUNT(*) FROM \(table.name)"), on: connection, logger: logger
                ).first.map { try $0.decode(Int.self) } ?? 0
            }
            guard copied == table.rows.count else {
                throw StoreError(
                    .unknown,
                    "\(database): \(table.name) holds \(copied) rows after the copy, the SQLite ledger \(table.rows.count)"
                )
            }
            report.tables.append(Report.Table(name: table.name, rows: copied))
        }
        return report
    }

    /// One table of the snapshot.
    struct TableRows: Sendable {
        let name: String
        let columns: [String]
        let rows: [[Value]]
    }

    /// A SQLite value, as the ledger's schema allows them (no blobs).
    enum Value: Sendable {
        case null, integer(Int64), real(Double), text(String)

        init(_ value: SQLiteValue) throws {
            switch value {
            case .null: self = .null
            case .integer(let n): self = .integer(n)
            case .real(let d): self = .real(d)
            case .text(let s): self = .text(s)
            case .blob: throw StoreError(.corrupt, "the SQLite ledger holds binary data where the schema has none")
            }
        }
    }

    /// Inserts a table's rows, ``batch`` at a time; the audit log keeps its sequence numbers; the change counter
    /// and meta rows made by the schema are replaced.
    private static func insert(_ table: TableRows, on connection: PostgresConnection, logger: Logger) async throws {
        let columns = table.columns.joined(separator: ", ")
        let overriding = table.name == "occurrence_events" ? " OVERRIDING SYSTEM VALUE" : ""
        let conflict =
            switch table.name {
            case "counters", "meta": " ON CONFLICT (name) DO UPDATE SET value = excluded.value"
            default: ""
            }
        var start = 0
        while start < table.rows.count {
            let rows = table.rows[start..<min(start + batch, table.rows.count)]
            var bindings = PostgresBindings(capacity: rows.count * table.columns.count)
            var tuples: [String] = []
            for row in rows {
                var marks: [String] = []
                for value in row {
                    switch value {
                    case .null: bindings.appendNull()
                    case .integer(let n): bindings.append(n)
                    case .real(let d): bindings.append(d)
                    case .text(let s): bindings.append(s)
                    }
                    marks.append("$\(bindings.count)")
                }
                tuples.append("(" + marks.joined(separator: ", ") + ")")
            }
            let sql =
                "INSERT INTO \(table.name) (\(columns))\(overriding) VALUES \(tuples.joined(separator: ", "))\(conflict)"
            try await connection.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
            start += rows.count
        }
    }
}

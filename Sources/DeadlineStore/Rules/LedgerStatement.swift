/// One SQL statement written once for both dialects: `?` placeholders, bound in order. SQLite runs it as written;
/// the PostgreSQL ledger numbers the placeholders (`$1`, `$2`, ...). Write `CAST(? AS TEXT)` (or `BIGINT`) where a
/// parameter may be NULL and nothing else gives PostgreSQL its type.
struct LedgerStatement: Sendable {
    let sql: String
    let arguments: [LedgerValue]

    init(_ sql: String, _ arguments: [LedgerValue] = []) {
        self.sql = sql
        self.arguments = arguments
    }

    /// The SQL with `$1`, `$2`, ... in place of the `?`s, for PostgreSQL.
    var numberedSQL: String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + arguments.count * 2)
        var n = 0
        for character in sql {
            if character == "?" {
                n += 1
                out += "$\(n)"
            } else {
                out.append(character)
            }
        }
        return out
    }
}

/// A value bound to a ``LedgerStatement``: the ledger stores text and 64-bit integers only.
enum LedgerValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case null

    static func of(_ text: String?) -> LedgerValue { text.map(LedgerValue.text) ?? .null }
    static func of(_ number: Int64?) -> LedgerValue { number.map(LedgerValue.integer) ?? .null }
    static func of(_ number: Int) -> LedgerValue { .integer(Int64(number)) }
}

extension LedgerValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    init(stringLiteral value: String) { self = .text(value) }
    init(integerLiteral value: Int64) { self = .integer(value) }
}

import PostgresNIO

/// What a PostgreSQL failure means for the ledger: the ``StoreError`` to report, and whether the connection is
/// gone (so the ``PostgresLink`` opens a new one after a pause).
///
/// Messages name the database (never the password), quote the server's own short message and SQLSTATE, and say
/// what to do; never the SQL or its arguments (PSQLError's own description hides them too).
struct PostgresFailure {
    let error: StoreError
    /// The connection can no longer be used: the server went away, restarted, or ended the session.
    let connectionLost: Bool

    init(_ error: any Error, database: String) {
        if let error = error as? StoreError {
            self.error = error
            connectionLost = false
            return
        }
        if let error = error as? AbandonedQuery {
            self.error = Self.unreachable(database, error.reason)
            connectionLost = true
            return
        }
        if error is CancellationError {
            self.error = StoreError(
                .cancelled, "\(database): cancelled before the ledger was read; nothing was changed")
            connectionLost = false
            return
        }
        guard let error = error as? PSQLError else {
            if error is PostgresDecodingError {
                self.error = StoreError(.corrupt, "\(database) holds a value of an unexpected type; is it a ledger?")
                connectionLost = false
            } else {
                self.error = Self.unreachable(database, "\(error)")
                connectionLost = true
            }
            return
        }
        (self.error, connectionLost) = Self.classify(error, database: database)
    }

    static func unreachable(_ database: String, _ why: String) -> StoreError {
        StoreError(
            .unavailable,
            "the ledger's database \(database) cannot be reached (\(why)); is the PostgreSQL server running and "
                + "reachable from this host?")
    }

    private static func classify(_ error: PSQLError, database: String) -> (StoreError, Bool) {
        let underlying = error.underlying.map { "\($0)" } ?? "no detail"
        switch error.code {
        case .server:
            return server(error, database: database)
        case .sslUnsupported:
            return (
                StoreError(
                    .cannotOpen,
                    "\(database) does not offer TLS, which [store] sslmode requires; turn on ssl in the server's "
                        + "postgresql.conf, or set sslmode = \"disable\" only for a server on this machine"), true
            )
        case .unsupportedAuthMechanism, .authMechanismRequiresPassword, .saslError:
            return (
                StoreError(
                    .cannotOpen,
                    "\(database) asked for a password that deadlined could not give (\(error.code)); set "
                        + "[store] password_file to a file holding the user's password"), true
            )
        case .queryCancelled:
            return (StoreError(.cancelled, "\(database): the query was cancelled; nothing was changed"), false)
        case .tooManyParameters, .invalidCommandTag:
            return (StoreError(.unknown, "\(database): \(error.code)"), false)
        default:
            return (unreachable(database, "\(error.code): \(underlying)"), true)
        }
    }

    private static func server(_ error: PSQLError, database: String) -> (StoreError, Bool) {
        let state = error.serverInfo?[.sqlState] ?? "?????"
        let said = "PostgreSQL: \(error.serverInfo?[.message] ?? "error") (SQLSTATE \(state))"
        switch state {
        case "28000", "28P01":
            return (
                StoreError(
                    .cannotOpen,
                    "\(database) refused to log in (\(said)); check [store] password_file and the server's "
                        + "pg_hba.conf"), true
            )
        case "3D000":
            return (
                StoreError(
                    .cannotOpen,
                    "\(database) does not exist (\(said)); create it first, e.g. createdb -O deadlined deadlined"), true
            )
        case "42501":
            return (
                StoreError(
                    .readOnly,
                    "\(database): the database user may not do this (\(said)); make it the owner of the database"),
                false
            )
        case "40001", "40P01", "55P03":
            return (StoreError(.locked, "\(database): another session held the rows (\(said)); try again"), false)
        case "53100":
            return (StoreError(.diskFull, "the disk of \(database) is full (\(said)); free some space"), false)
        case "57014":
            return (StoreError(.cancelled, "\(database): the statement took too long (\(said))"), false)
        case "P0001":
            return (
                StoreError(.invalidInput, "\(database): a value was refused by the ledger's rules (\(said))"), false
            )
        default:
            break
        }
        if state.hasPrefix("23") || state.hasPrefix("22") {
            return (
                StoreError(.invalidInput, "\(database): a value was refused by the ledger's rules (\(said))"), false
            )
        }
        if state.hasPrefix("08") || state.hasPrefix("57P") || state == "25P03" || state.hasPrefix("53") {
            return (unreachable(database, said), true)
        }
        return (StoreError(.unknown, "\(database): \(said)"), false)
    }
}

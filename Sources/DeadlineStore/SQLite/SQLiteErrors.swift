import CSQLite

extension StoreError {
    /// Maps anything SQLite or the task system throws to a ``StoreError`` that names the file and says what to do.
    /// Uses SQLite's short message and result code only: never the SQL or its arguments.
    static func from(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if error is CancellationError {
            return StoreError(.cancelled, "\(path): cancelled before the ledger was read; nothing was changed")
        }
        guard let error = error as? SQLiteError else {
            return StoreError(.unknown, "\(path): \(error)")
        }
        let sqlite = "SQLite: \(error.message ?? "error \(error.code)")"
        switch error.primaryCode {
        case SQLITE_BUSY, SQLITE_LOCKED:
            let seconds = Int(SQLiteLedger.busyTimeoutSeconds)
            return StoreError(
                .locked,
                "\(path) stayed locked by another process for more than \(seconds) s (\(sqlite)); "
                    + "is a backup, a sqlite3 shell or a stuck deadlinectl holding it open?")
        case SQLITE_NOTADB, SQLITE_CORRUPT:
            return StoreError(
                .corrupt,
                "\(path) is not a deadlined ledger or is damaged (\(sqlite)); move it aside and restore the "
                    + "latest backup, or let deadlined start a new, empty ledger")
        case SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH:
            return StoreError(
                .cannotOpen,
                "cannot open \(path) (\(sqlite)); the user running deadlined must be able to read and write "
                    + "the file and its folder")
        case SQLITE_READONLY:
            return StoreError(
                .readOnly,
                "\(path) is read-only for this user (\(sqlite)); run as the user that owns it (deadlined) or "
                    + "with sudo")
        case SQLITE_FULL:
            return StoreError(.diskFull, "the disk holding \(path) is full (\(sqlite)); free some space")
        case SQLITE_IOERR:
            return StoreError(.io, "\(path): the operating system reported an I/O error (\(sqlite))")
        case SQLITE_CONSTRAINT:
            return StoreError(.invalidInput, "\(path): a value was refused by the ledger's rules (\(sqlite))")
        case SQLITE_INTERRUPT:
            return StoreError(.cancelled, "\(path): interrupted (\(sqlite)); nothing was changed")
        default:
            return StoreError(.unknown, "\(path): \(sqlite)")
        }
    }
}

/// Why the ledger could not do what was asked, in words an administrator can act on.
///
/// ``message`` names the database file (or server) and says what to do, e.g. `/var/lib/deadlined/state.db was
/// written by a newer deadlined (schema version 3; this one knows up to 2): upgrade deadlined, or restore the
/// backup taken before the upgrade`. It never contains a password or a connection string with credentials, nor the
/// SQL and its arguments.
package struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A machine-readable category, for tests and the scheduler.
    package var code: Code
    /// What went wrong and, where possible, what to do about it.
    package var message: String

    /// Creates an error; `message` must be secret-free.
    package init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    package var description: String { message }

    /// A growable set of categories (a struct wrapping a private enum, as swift-nio's `FileSystemError.Code`).
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case notFound, notClaimable, fenced, invalidInput, schemaTooNew, cannotOpen, readOnly, locked
            case corrupt, diskFull, io, unavailable, cancelled, unknown
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// No such reminder key; (undone) the occurrence is not marked done; (opening without `create`) no
        /// ledger file.
        package static let notFound = Code(.notFound)
        /// The reminder cannot be claimed or changed now: it is final, claimed by another instance whose lease
        /// has not run out, or not yet due for its retry. The caller skips it.
        package static let notClaimable = Code(.notClaimable)
        /// A result write carried a claim that is no longer the row's claim (its lease ran out and the row was
        /// claimed again, or the result was already written). Nothing was changed.
        package static let fenced = Code(.fenced)
        /// An argument cannot be stored, e.g. a recipient with a line break or an empty user name.
        package static let invalidInput = Code(.invalidInput)
        /// The database was written by a newer deadlined; this one refuses to touch it.
        package static let schemaTooNew = Code(.schemaTooNew)
        /// The database file or its folder cannot be opened or created (missing folder, permissions).
        package static let cannotOpen = Code(.cannotOpen)
        /// The database is read-only for this user.
        package static let readOnly = Code(.readOnly)
        /// Another process held the database locked longer than the busy timeout.
        package static let locked = Code(.locked)
        /// The file is not a ledger database, or is damaged.
        package static let corrupt = Code(.corrupt)
        /// The disk is full.
        package static let diskFull = Code(.diskFull)
        /// The operating system reported an I/O error.
        package static let io = Code(.io)
        /// The database server cannot be reached (server backends).
        package static let unavailable = Code(.unavailable)
        /// The calling task was cancelled before the operation ran; nothing was changed.
        package static let cancelled = Code(.cancelled)
        /// Anything else.
        package static let unknown = Code(.unknown)

        /// The category's name, e.g. `schemaTooNew`.
        package var description: String { base.rawValue }
    }
}

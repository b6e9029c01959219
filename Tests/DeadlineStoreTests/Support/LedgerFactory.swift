import DeadlineKit
import TestSupport
import Testing

@testable import DeadlineStore

/// Makes fresh, empty ledgers of one backend for the conformance suite. Add a factory here (e.g. PostgreSQL on a
/// throwaway database, issue 9) and every conformance test runs against it too.
struct LedgerFactory: Sendable, CustomTestStringConvertible {
    let name: String
    /// Whether a ledger opened again on the same storage sees what the first one wrote (a file, a server).
    let persistent: Bool
    let make: @Sendable () async throws -> LedgerStorage

    var testDescription: String { name }

    /// Every backend.
    static let all: [LedgerFactory] = [sqliteFile, sqliteMemory]
    /// The backends whose data outlives a ledger value: for crash-recovery tests.
    static let persistentOnes: [LedgerFactory] = all.filter(\.persistent)

    static let sqliteFile = LedgerFactory(name: "sqlite-file", persistent: true) {
        let directory = try TemporaryDirectory(prefix: "deadlined-ledger")
        let path = directory.path + "/state/state.db"
        return LedgerStorage(
            open: { try await SQLiteLedger(path: path) },
            destroy: { directory.remove() })
    }

    static let sqliteMemory = LedgerFactory(name: "sqlite-memory", persistent: false) {
        LedgerStorage(open: { try SQLiteLedger.inMemory() }, destroy: {})
    }
}

/// One backend's storage for one test: `open()` gives a new ledger value on it (for a file or a server, the same
/// data each time).
struct LedgerStorage: Sendable {
    let open: @Sendable () async throws -> any Ledger
    let destroy: @Sendable () -> Void

    /// Runs `body` with a freshly opened ledger, then removes the storage.
    static func with<T>(
        _ factory: LedgerFactory, _ body: (LedgerStorage, any Ledger) async throws -> T
    ) async throws -> T {
        let storage = try await factory.make()
        defer { storage.destroy() }
        return try await body(storage, try await storage.open())
    }
}

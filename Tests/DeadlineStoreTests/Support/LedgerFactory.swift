import DeadlineKit
import Synchronization
import TestSupport
import Testing

@testable import DeadlineStore

/// Makes fresh, empty ledgers of one backend for the conformance suite. Every factory here runs every
/// conformance test: SQLite (a file, and in memory) and PostgreSQL (a new database on the test server, when
/// PostgreSQL is installed).
struct LedgerFactory: Sendable, CustomTestStringConvertible {
    let name: String
    /// Whether a ledger opened again on the same storage sees what the first one wrote (a file, a server).
    let persistent: Bool
    let make: @Sendable () async throws -> LedgerStorage

    var testDescription: String { name }

    /// Every backend.
    static let all: [LedgerFactory] = [sqliteFile, sqliteMemory] + (PostgresServer.isAvailable ? [postgres] : [])
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

    /// A new database on the test process's PostgreSQL server; every ledger opened on it is closed, and the
    /// database dropped, by `destroy`.
    static let postgres = LedgerFactory(name: "postgresql", persistent: true) {
        let server = try await PostgresServer.shared()
        let database = try server.createDatabase()
        let configuration = PostgresFixture.configuration(server, database: database)
        let opened = Mutex<[PostgresLedger]>([])
        return LedgerStorage(
            open: {
                let ledger = try await PostgresLedger(configuration: configuration)
                opened.withLock { $0.append(ledger) }
                return ledger
            },
            destroy: {
                for ledger in opened.withLock({ $0 }) { await ledger.close() }
                server.dropDatabase(database)
            })
    }
}

/// Connection settings for the PostgreSQL test server.
enum PostgresFixture {
    /// TCP to 127.0.0.1 as the superuser, with its password; no TLS.
    static func configuration(
        _ server: PostgresServer, database: String, user: String = PostgresServer.user,
        password: String? = PostgresServer.password
    ) -> PostgresLedgerConfiguration {
        PostgresLedgerConfiguration(
            server: .tcp(host: "127.0.0.1", port: server.port), user: user, database: database, password: password,
            sslMode: .disable, connectTimeoutSeconds: 5, applicationName: "deadlined tests")
    }
}

/// One backend's storage for one test: `open()` gives a new ledger value on it (for a file or a server, the same
/// data each time).
struct LedgerStorage: Sendable {
    let open: @Sendable () async throws -> any Ledger
    let destroy: @Sendable () async -> Void

    /// Runs `body` with the storage and a freshly opened ledger, then removes the storage (also when it throws).
    static func with<T>(
        _ factory: LedgerFactory, _ body: (LedgerStorage, any Ledger) async throws -> T
    ) async throws -> T {
        let storage = try await factory.make()
        do {
            let result = try await body(storage, try await storage.open())
            await storage.destroy()
            return result
        } catch {
            await storage.destroy()
            throw error
        }
    }
}

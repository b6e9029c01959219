import DeadlineKit
import Foundation
import TestSupport
import Testing

@testable import DeadlineStore

/// The SQLite file itself: where and how it is created, and the settings every connection gets.
@Suite("SQLiteLedger: file and settings")
struct SQLiteFileTests {
    static func mode(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test func createsPrivateFoldersAndFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/var/lib/deadlined/state.db"
        let ledger = try await SQLiteLedger(path: path)
        try await ledger.setMeta("k", "v")
        #expect(try Self.mode(directory.path + "/var") == 0o700)
        #expect(try Self.mode(directory.path + "/var/lib/deadlined") == 0o700)
        #expect(try Self.mode(path) == 0o600)
        #expect(try Self.mode(path + "-wal") == 0o600)
        #expect(try Self.mode(path + "-shm") == 0o600)
        #expect(ledger.path == path)
    }

    @Test func adminCommandsDoNotCreateALedger() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/deadlined/state.db"
        let error = await #expect(throws: StoreError.self) { _ = try await SQLiteLedger(path: path, create: false) }
        #expect(error?.code == .notFound)
        #expect(
            error?.message
                == "there is no ledger at \(path): deadlined has not run yet, or [daemon] state_directory or "
                + "$STATE_DIRECTORY points elsewhere")
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/deadlined"))
        try await SQLiteLedger(path: path).setMeta("k", "v")
        #expect(try await SQLiteLedger(path: path, create: false).meta("k") == "v")
    }

    @Test func anExistingFilesModeIsKept() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("state.db", "", mode: 0o640)
        _ = try await SQLiteLedger(path: path)
        #expect(try Self.mode(path) == 0o640)
    }

    @Test func connectionSettings() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let ledger = try await SQLiteLedger(path: directory.path + "/state.db")
        #expect(try await ledger.pragma("journal_mode") == "wal")
        #expect(Int(try await ledger.pragma("busy_timeout") ?? "") ?? 0 > 0)
        #expect(try await ledger.pragma("foreign_keys") == "1")
        #expect(try await ledger.writerPragma("busy_timeout") == "5000")
        #expect(try await ledger.writerPragma("synchronous") == "2")  // FULL
        #expect(try await ledger.writerPragma("foreign_keys") == "1")
    }

    @Test func theAuditLogIsAppendOnly() async throws {
        let ledger = try SQLiteLedger.inMemory()
        _ = try await ledger.markDone(
            Sample.occurrenceID, units: ["so-0"], by: Sample.admin, note: "Đã xong", at: Sample.t0)
        for sql in ["UPDATE occurrence_events SET actor = 'someone-else'", "DELETE FROM occurrence_events"] {
            let error = await #expect(throws: StoreError.self) { try await ledger.execute(sql) }
            #expect(error?.code == .invalidInput)
            #expect(
                error?.message
                    == ":memory:: a value was refused by the ledger's rules (SQLite: occurrence_events is append-only)")
        }
        #expect(try await ledger.occurrenceEvents(deadlineID: nil).map(\.user) == [Sample.admin])
    }

    @Test func aFileThatIsNotADatabaseIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("state.db", String(repeating: "Không phải cơ sở dữ liệu.\n", count: 200))
        let error = await #expect(throws: StoreError.self) { _ = try await SQLiteLedger(path: path) }
        #expect(error?.code == .corrupt)
        #expect(
            error?.message
                == "\(path) is not a deadlined ledger or is damaged (SQLite: file is not a database); move it aside "
                + "and restore the latest backup, or let deadlined start a new, empty ledger")
    }

    @Test func aFolderThatIsAFileIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("lib", "a file, not a folder")
        let error = await #expect(throws: StoreError.self) {
            _ = try await SQLiteLedger(path: directory.path + "/lib/deadlined/state.db")
        }
        #expect(error?.code == .cannotOpen)
        // The folder is named as Folders walks it: `/tmp//x` is `/tmp/x`.
        let folder = (directory.path + "/lib").replacingOccurrences(of: "//", with: "/")
        #expect(error?.message == "cannot create the ledger's folder: '\(folder)' is not a folder")
    }

    @Test(.enabled(if: geteuid() != 0, "root may write anywhere"))
    func anUnwritableFolderIsReportedWithTheRemedy() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(
            atPath: directory.path + "/ro", withIntermediateDirectories: false, attributes: [.posixPermissions: 0o500])
        let path = directory.path + "/ro/state.db"
        let error = await #expect(throws: StoreError.self) { _ = try await SQLiteLedger(path: path) }
        #expect(error?.code == .cannotOpen)
        #expect(
            error?.message
                == "cannot open \(path): Permission denied; the user running deadlined must be able to read and "
                + "write it and its folder")
    }
}

import DeadlineKit
import Foundation
import TestSupport
import Testing

@testable import DeadlineStore

/// Several writers on one file: two ledgers in this process, and a second process (Python's sqlite3 module, the
/// same libsqlite3) holding the write lock. The busy timeout makes them wait their turn.
@Suite("SQLiteLedger: concurrent writers")
struct SQLiteConcurrencyTests {
    @Test func twoLedgersOnOneFileWriteAtOnce() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/state.db"
        let first = try await SQLiteLedger(path: path)
        let second = try await SQLiteLedger(path: path)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (name, ledger) in [("a", first), ("b", second)] {
                for day in 0..<200 {
                    group.addTask {
                        let date = CivilDate(daysSinceEpoch: 18_000 + day)
                        let id = OccurrenceID(deadlineID: "bao-cao-\(name)", date: date)
                        _ = try await ledger.markDone(
                            id, units: ["so-khdt"], by: "admin-\(name)", note: nil, at: Sample.at(Int64(day)))
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(try await first.plannerState().done.count == 400)
        #expect(try await second.occurrenceEvents(deadlineID: nil).count == 400)
        #expect(try await second.occurrenceEvents(deadlineID: "bao-cao-b").count == 200)
        #expect(try await first.changeCounter() == 400)
    }

    /// A Python child writes 200 rows, one transaction each, while this process marks 200 occurrences done.
    @Test(.enabled(if: ProcessRunner.locate("python3") != nil, "needs python3"))
    func anotherProcessWritesAtTheSameTime() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/state.db"
        let ledger = try await SQLiteLedger(path: path)
        let script = """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=5)
            for i in range(200):
                db.execute("BEGIN IMMEDIATE")
                db.execute("INSERT INTO meta (name, value) VALUES (?, ?)", ("python-%d" % i, str(i)))
                db.execute("COMMIT")
            """
        async let child = ProcessRunner.run("python3", ["-c", script, path], timeout: .seconds(60))
        for day in 0..<200 {
            let id = OccurrenceID(deadlineID: "bao-cao", date: CivilDate(daysSinceEpoch: 18_000 + day))
            _ = try await ledger.markDone(
                id, units: ["so-khdt"], by: Sample.admin, note: nil, at: Sample.at(Int64(day)))
        }
        let result = try await child
        #expect(result.succeeded, "\(result)")
        #expect(try await ledger.plannerState().done.count == 200)
        #expect(try await ledger.texts("SELECT COUNT(*) FROM meta WHERE name LIKE 'python-%'") == ["200"])
    }

    /// The write cannot finish while the other process holds the lock, and finishes once it lets go. The order is
    /// checked, not a duration, so that a loaded machine cannot fail it.
    @Test(.enabled(if: ProcessRunner.locate("python3") != nil, "needs python3"))
    func aWriteWaitsForAnotherProcesssLock() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/state.db"
        let ledger = try await SQLiteLedger(path: path)
        let holder = try await LockHolder(path: path, in: directory)
        let write = Task {
            try await ledger.setMeta("after", "the lock")
            return holder.released
        }
        try await Task.sleep(for: .milliseconds(300))
        holder.release()
        let wasReleasedBeforeTheWriteEnded = try await write.value
        let result = try await holder.finish()
        #expect(result.succeeded, "\(result)")
        #expect(wasReleasedBeforeTheWriteEnded, "the write ended while the other process held the lock")
        #expect(try await ledger.meta("python") == "was here")
        #expect(try await ledger.meta("after") == "the lock")
    }

    /// The other process holds the lock until told to let go, so the busy timeout runs out however slow the
    /// machine is.
    @Test(.enabled(if: ProcessRunner.locate("python3") != nil, "needs python3"))
    func aLockHeldPastTheBusyTimeoutIsReported() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path + "/state.db"
        let ledger = try await SQLiteLedger(path: path)
        let holder = try await LockHolder(path: path, in: directory)
        let error = await #expect(throws: StoreError.self) { try await ledger.setMeta("too", "late") }
        holder.release()
        _ = try await holder.finish()
        #expect(error?.code == .locked)
        #expect(
            error?.message
                == "\(path) stayed locked by another process for more than 5 s (SQLite: database is locked); is a "
                + "backup, a sqlite3 shell or a stuck deadlinectl holding it open?")
        #expect(try await ledger.meta("too") == nil)
    }
}

/// A Python process that takes the write lock (`BEGIN IMMEDIATE`), writes one row, and holds the lock until
/// ``release()`` (at most 60 s), then commits. Ready once it has the lock.
final class LockHolder: Sendable {
    let child: Task<ProcessResult, any Error>
    private let releaseMarker: String

    init(path: String, in directory: TemporaryDirectory) async throws {
        let lockedMarker = directory.path + "/locked"
        releaseMarker = directory.path + "/release"
        let script = """
            import os, sqlite3, sys, time
            db = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=5)
            db.execute("BEGIN IMMEDIATE")
            db.execute("INSERT INTO meta (name, value) VALUES ('python', 'was here')")
            open(sys.argv[2], "w").close()
            for _ in range(3000):
                if os.path.exists(sys.argv[3]):
                    break
                time.sleep(0.02)
            db.execute("COMMIT")
            """
        child = Task {
            try await ProcessRunner.run(
                "python3", ["-c", script, path, lockedMarker, directory.path + "/release"], timeout: .seconds(90))
        }
        let deadline = ContinuousClock.now + .seconds(30)
        while !FileManager.default.fileExists(atPath: lockedMarker) {
            guard ContinuousClock.now < deadline else {
                throw LockHolderError(result: try await child.value)
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Whether ``release()`` was called: the marker file exists.
    var released: Bool { FileManager.default.fileExists(atPath: releaseMarker) }

    func release() { _ = FileManager.default.createFile(atPath: releaseMarker, contents: nil) }

    func finish() async throws -> ProcessResult { try await child.value }
}

struct LockHolderError: Error, CustomStringConvertible {
    let result: ProcessResult
    var description: String { "python3 did not take the lock: \(result)" }
}

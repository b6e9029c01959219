@testable import DeadlineService
import Foundation
import TestSupport
import Testing

/// One daemon per state directory, whatever the ledger, and a control socket that a slow request cannot block.
@Suite("the state lock and the control socket", .serialized)
struct DaemonLockTests {
    /// Runs `body` on a thread of its own (the control client blocks in `recv`).
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: body()) }
        }
    }

    @Test("SQLite: a second daemon on the same state directory stops at the lock, before it opens any ledger")
    func sqliteLockFirst() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(in: dir, smtpPort: nil, units: 1)
        let first = try RunningDaemon(
            config: config, arguments: ["--pretend-now", "2021-03-01T07:00:00+07:00"], logPath: dir.path + "/log-1")
        defer { first.stop() }
        #expect(await first.waitForLog("deadlined started"), "\(first.log)")
        // The second names a ledger it cannot open: it must say who holds the state directory, not that.
        let second = try dir.write(
            "second.toml",
            try String(contentsOfFile: config, encoding: .utf8)
                + "\n[store]\nurl = \"sqlite:/proc/deadlined-test/state.db\"\n")
        let result = try await ProcessRunner.run(
            BuiltProducts.path("deadlined"), ["--config", second, "--log-target", "console"],
            environment: ProcessRunner.environment(removing: ["DEADLINED_CONFIG", "STATE_DIRECTORY"]))
        #expect(result.status == 1, "\(result)")
        #expect(
            result.stderr.contains(
                "cannot start: another deadlined (pid \(first.process.pid)) is using \(dir.path)/state; stop it first"),
            "\(result)")
        #expect(!result.stderr.contains("cannot open the ledger"), "\(result)")
        #expect(FileManager.default.fileExists(atPath: dir.path + "/state/control.sock"))
    }

    @Test(
        "PostgreSQL: a second daemon on the same state directory stops at the lock and leaves the first one's control socket",
        .enabled(if: PostgresServer.isAvailable, "needs PostgreSQL"))
    func postgresLock() async throws {
        let cluster = try DaemonCluster(
            server: try await PostgresServer.shared(), units: 1, startAt: "2021-03-01T00:00:00Z")
        defer { cluster.remove() }
        let first = try cluster.start(0)
        #expect(await first.waitForLog("deadlined started"), "\(cluster.logs)")
        let second = try RunningDaemon(
            config: cluster.config, arguments: ["--pretend-now", cluster.pretendNow()],
            environment: ["STATE_DIRECTORY": cluster.dir.path + "/state-0"], logPath: cluster.dir.path + "/log-second")
        defer { second.stop() }
        #expect(second.process.waitForExit(timeout: .seconds(20)), "\(cluster.logs)")
        #expect(second.process.status.map { $0 >> 8 } == 1)  // the wait status: exit code 1
        #expect(
            second.log.contains(
                "cannot start: another deadlined (pid \(first.process.pid)) is using \(cluster.dir.path)/state-0; stop it first"
            ), "\(second.log)")
        #expect(FileManager.default.fileExists(atPath: cluster.dir.path + "/state-0/control.sock"))
        let answer = await Self.onThread {
            try? ControlClient.request("PING", stateDirectory: cluster.dir.path + "/state-0", timeoutSeconds: 10)
        }
        #expect(answer == ["PONG \(first.process.pid)"])
    }

    @Test("the control socket answers PING while a RELOAD waits, and at most 8 requests at once")
    func concurrentRequests() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let gate = Gate()
        let server = try ControlServer(path: dir.path + "/control.sock") { request in
            if request == "RELOAD" {
                gate.arrived()
                gate.waitForRelease()
                return ["ACCEPTED"]
            }
            return ["PONG"]
        }
        server.start()
        defer { server.stop() }
        let reloads = Task {
            await withTaskGroup(of: [String]?.self) { group in
                for _ in 0..<ControlServer.maximumConnections {
                    group.addTask {
                        await Self.onThread {
                            try? ControlClient.request("RELOAD", stateDirectory: dir.path, timeoutSeconds: 30)
                        }
                    }
                }
                var answers: [[String]?] = []
                for await answer in group { answers.append(answer) }
                return answers
            }
        }
        #expect(await eventually(timeout: .seconds(20)) { gate.arrivals == ControlServer.maximumConnections })
        let busy = await Self.onThread {
            try? ControlClient.request("PING", stateDirectory: dir.path, timeoutSeconds: 10)
        }
        #expect(busy == ["ERROR deadlined is busy with 8 requests; try again"])
        gate.release()
        let answers = await reloads.value
        #expect(answers.allSatisfy { $0 == ["ACCEPTED"] }, "\(answers)")
        // One RELOAD waiting: a PING is still answered at once.
        gate.reset()
        let reload = Task {
            await Self.onThread { try? ControlClient.request("RELOAD", stateDirectory: dir.path, timeoutSeconds: 30) }
        }
        #expect(await eventually(timeout: .seconds(20)) { gate.arrivals == 1 })
        let pong = await Self.onThread {
            try? ControlClient.request("PING", stateDirectory: dir.path, timeoutSeconds: 10)
        }
        #expect(pong == ["PONG"])
        #expect(gate.arrivals == 1)  // the RELOAD is still waiting
        gate.release()
        #expect(await reload.value == ["ACCEPTED"])
    }
}

/// A gate the test opens: handlers wait at it (bounded), the test counts them.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var count = 0
    private var open = false

    var arrivals: Int { condition.withLock { count } }

    func arrived() { condition.withLock { count += 1 } }

    func waitForRelease() {
        condition.lock()
        let deadline = Date().addingTimeInterval(25)
        while !open, condition.wait(until: deadline) {}
        condition.unlock()
    }

    func release() {
        condition.withLock { open = true }
        condition.broadcast()
    }

    func reset() {
        condition.withLock {
            count = 0
            open = false
        }
    }
}

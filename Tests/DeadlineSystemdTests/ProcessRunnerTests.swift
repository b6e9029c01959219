import Foundation
import TestSupport
import Testing

/// The shared test helper itself: output capture, exit status, timeouts, stray grandchildren.
@Suite("ProcessRunner")
struct ProcessRunnerTests {
    @Test("captures stdout, stderr and the exit status separately")
    func capture() async throws {
        let result = try await ProcessRunner.run("/bin/sh", ["-c", "printf 'ra\\n'; printf 'lỗi\\n' >&2; exit 3"])
        #expect(result.stdout == "ra\n")
        #expect(result.stderr == "lỗi\n")
        #expect(result.status == 3)
        #expect(!result.succeeded && !result.timedOut && !result.terminatedBySignal)
    }

    @Test("feeds stdin and passes the given environment")
    func stdinAndEnvironment() async throws {
        let result = try await ProcessRunner.run(
            "sh",
            ["-c", "read line; echo \"$line/$GREETING/${NOTIFY_SOCKET:-unset}\""],
            environment: ProcessRunner.environment(adding: ["GREETING": "chào"]),
            standardInput: Data("Hà Nội\n".utf8)
        )
        #expect(result.succeeded, "\(result)")
        #expect(result.stdout == "Hà Nội/chào/unset\n")
    }

    @Test("kills a process that outlives its timeout")
    func timeout() async throws {
        let start = ContinuousClock.now
        let result = try await ProcessRunner.run("/bin/sleep", ["120"], timeout: .milliseconds(300))
        #expect(result.timedOut)
        #expect(result.terminatedBySignal)
        // Far below the child's own 120 s, with room for a loaded machine.
        #expect(ContinuousClock.now - start < .seconds(60))
    }

    @Test("returns promptly when a grandchild keeps the pipes open")
    func lingeringGrandchild() async throws {
        let start = ContinuousClock.now
        let result = try await ProcessRunner.run(
            "/bin/sh", ["-c", "sleep 120 & echo started $!"], timeout: .seconds(200))
        let words = result.stdout.split(separator: " ")
        if words.count == 2, let pid = Int32(words[1].dropLast()) { kill(pid, SIGKILL) }
        #expect(words.first == "started")
        #expect(result.status == 0)
        // Far below the grandchild's 120 s sleep, with room for a loaded machine.
        #expect(ContinuousClock.now - start < .seconds(60), "did not wait for the grandchild's sleep")
    }

    @Test("a missing executable is an error, not a crash")
    func missing() async {
        await #expect(throws: ProcessRunnerError.self) {
            try await ProcessRunner.run("/nonexistent/deadlined-test-binary")
        }
    }
}

import DeadlineSystemd
import Foundation
import TestSupport
import Testing

/// Sets environment variables for the duration of `body`, then restores them. Only for `.serialized` suites.
func withEnvironment<T>(_ variables: [String: String?], _ body: () async throws -> T) async rethrows -> T {
    let saved = variables.keys.map { ($0, getenv($0).map { String(cString: $0) }) }
    for (name, value) in variables {
        if let value { setenv(name, value, 1) } else { unsetenv(name) }
    }
    defer {
        for (name, value) in saved {
            if let value { setenv(name, value, 1) } else { unsetenv(name) }
        }
    }
    return try await body()
}

/// The notifier against a real datagram socket. Serialized: these tests change this process's environment.
@Suite("sd_notify against a real NOTIFY_SOCKET", .serialized)
struct SystemdNotifierTests {
    @Test("without NOTIFY_SOCKET every call is a no-op")
    func notConfigured() async {
        await withEnvironment(["NOTIFY_SOCKET": nil, "WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) {
            let notifier = SystemdNotifier()
            #expect(!notifier.isEnabled)
            #expect(notifier.ready(status: "x") == .notConfigured)
            #expect(notifier.reloading() == .notConfigured)
            #expect(notifier.stopping() == .notConfigured)
            #expect(notifier.watchdog() == .notConfigured)
            #expect(notifier.watchdogInterval == nil)
        }
    }

    @Test("READY, STATUS, RELOADING with MONOTONIC_USEC, STOPPING and WATCHDOG arrive as sent")
    func lifecycle() async throws {
        let listener = try NotifySocketListener()
        defer { listener.stop() }
        try await withEnvironment(["NOTIFY_SOCKET": listener.address]) {
            let notifier = SystemdNotifier()
            #expect(notifier.isEnabled)

            #expect(notifier.ready(status: "Đang theo dõi 12 hạn\nchót") == .sent)
            let ready = listener.waitFor(line: "READY=1")
            #expect(ready == "READY=1\nSTATUS=Đang theo dõi 12 hạn chót")

            #expect(notifier.status("Đã gửi 3 nhắc hạn") == .sent)
            #expect(listener.waitFor(line: "STATUS=Đã gửi 3 nhắc hạn") == "STATUS=Đã gửi 3 nhắc hạn")

            let before = SystemdNotifier.monotonicMicroseconds()
            #expect(notifier.reloading() == .sent)
            let after = SystemdNotifier.monotonicMicroseconds()
            let reloading = try #require(listener.waitFor(line: "RELOADING=1"))
            let lines = reloading.split(separator: "\n").map(String.init)
            try #require(lines.count == 2, "\(reloading)")
            #expect(lines[0] == "RELOADING=1")
            #expect(lines[1].hasPrefix("MONOTONIC_USEC="))
            let stamp = try #require(UInt64(lines[1].dropFirst("MONOTONIC_USEC=".count)), "\(lines[1])")
            let digitsOnly = lines[1].dropFirst("MONOTONIC_USEC=".count).allSatisfy { ("0"..."9").contains($0) }
            #expect(digitsOnly, "\(lines[1])")
            #expect(before <= stamp && stamp <= after)

            #expect(notifier.stopping() == .sent)
            #expect(listener.waitFor(line: "STOPPING=1") == "STOPPING=1")
            #expect(notifier.watchdog() == .sent)
            #expect(listener.waitFor(line: "WATCHDOG=1") == "WATCHDOG=1")
            #expect(notifier.mainPID(getpid()) == .sent)
            #expect(listener.waitFor(line: "MAINPID=\(getpid())") != nil)

            #expect(
                listener.messages == [
                    "READY=1\nSTATUS=Đang theo dõi 12 hạn chót", "STATUS=Đã gửi 3 nhắc hạn", reloading, "STOPPING=1",
                    "WATCHDOG=1", "MAINPID=\(getpid())",
                ]
            )
        }
    }

    @Test("an abstract @name socket works too")
    func abstractSocket() async throws {
        let listener = try NotifySocketListener(
            abstractName: "deadlined-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        )
        defer { listener.stop() }
        #expect(listener.address.hasPrefix("@"))
        await withEnvironment(["NOTIFY_SOCKET": listener.address]) {
            #expect(SystemdNotifier().ready() == .sent)
            #expect(listener.waitFor(line: "READY=1") == "READY=1")
        }
    }

    @Test("a socket nobody listens on reports the error")
    func nobodyListening() async throws {
        let listener = try NotifySocketListener()
        let address = listener.address
        listener.stop()
        await withEnvironment(["NOTIFY_SOCKET": address]) {
            let outcome = SystemdNotifier().ready()
            #expect(outcome == .failed(errno: ENOENT) || outcome == .failed(errno: ECONNREFUSED), "\(outcome)")
        }
    }

    @Test("watchdogInterval is half of WATCHDOG_USEC, only for the PID in WATCHDOG_PID")
    func watchdogInterval() async {
        await withEnvironment(["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": String(getpid())]) {
            #expect(SystemdNotifier().watchdogInterval == .milliseconds(1_500))
        }
        await withEnvironment(["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": nil]) {
            #expect(SystemdNotifier().watchdogInterval == .milliseconds(1_500))
        }
        await withEnvironment(["WATCHDOG_USEC": "3000000", "WATCHDOG_PID": String(getpid() + 1)]) {
            #expect(SystemdNotifier().watchdogInterval == nil)
        }
        await withEnvironment(["WATCHDOG_USEC": "0", "WATCHDOG_PID": String(getpid())]) {
            #expect(SystemdNotifier().watchdogInterval == nil)
        }
        await withEnvironment(["WATCHDOG_USEC": nil, "WATCHDOG_PID": nil]) {
            #expect(SystemdNotifier().watchdogInterval == nil)
        }
    }

    @Test("a child process's notifications reach the listener (probe with NOTIFY_SOCKET)")
    func crossProcess() async throws {
        let listener = try NotifySocketListener()
        defer { listener.stop() }
        let result = try await ProcessRunner.run(
            try ProbeBinary.path(),
            ["notify", "Sẵn sàng: 4 hạn chót"],
            environment: ProcessRunner.environment(adding: ["NOTIFY_SOCKET": listener.address])
        )
        try #require(result.succeeded, "\(result)")
        let pidLine = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("pid=") })
        let childPID = String(pidLine.dropFirst(4))
        #expect(result.stdout.contains("ready=sent\n"), "\(result)")
        #expect(listener.waitFor(line: "STOPPING=1") != nil)
        #expect(listener.messages == ["MAINPID=\(childPID)", "READY=1\nSTATUS=Sẵn sàng: 4 hạn chót", "STOPPING=1"])
    }
}

import Foundation
import TestSupport
import Testing

/// `deadlined` between events: no thread of it wakes up (issue 8). Before ``DaemonExecutor``, libdispatch's
/// workqueue monitor woke its manager thread once a second for the life of the process.
@Suite("deadlined at rest")
struct DaemonIdleTests {
    @Test("with its next reminder an hour away and no watchdog, no thread of deadlined is switched in for 2 s")
    func noWakeUps() async throws {
        let resting = try RestingDaemon()
        defer { resting.stop() }
        let (daemon, listener) = (resting.daemon, resting.listener)
        #expect(listener.waitFor(timeout: .seconds(20)) { $0.contains("READY=1") } != nil, "\(daemon.log)")
        // The status goes out just before the scheduler goes to sleep until 08:00.
        let status = listener.waitFor(timeout: .seconds(10)) { $0.hasPrefix("STATUS=1 hạn, lời nhắc tiếp theo 08:00") }
        #expect(status != nil, "\(listener.messages)")
        // Start-up work may still finish in the first windows; a quiet 2-second window must come. libdispatch's
        // monitor alone switches a thread in twice in every such window, so it never would.
        var woken: [[String]] = []
        for _ in 0..<10 {
            let before = ThreadSwitches(pid: daemon.process.pid)
            try await Task.sleep(for: .seconds(2))
            let after = ThreadSwitches(pid: daemon.process.pid)
            let busy = after.busier(than: before)
            if busy.isEmpty { break }
            woken.append(busy)
        }
        #expect(woken.count < 10, "threads switched in, window by window: \(woken)")
        #expect(daemon.process.isRunning, "\(daemon.log)")
    }

    @Test("before an hour-long sleep it hands back the pages it touched to start, and again after a reload")
    func memoryHandedBack() async throws {
        let resting = try RestingDaemon(arguments: ["--log-level", "debug"])
        defer { resting.stop() }
        let daemon = resting.daemon
        #expect(await daemon.waitForLog("KiB of clean mapped pages handed back"), "\(daemon.log)")
        // Resident now below the peak: what start-up touched is no longer held.
        let status = (try? String(contentsOfFile: "/proc/\(daemon.process.pid)/status", encoding: .utf8)) ?? ""
        func kilobytes(_ field: String) -> Int? {
            status.split(separator: "\n").first { $0.hasPrefix(field + ":") }
                .flatMap { Int($0.dropFirst(field.count + 1).trimmingCharacters(in: .whitespaces).dropLast(3)) }
        }
        let (resident, peak) = (kilobytes("VmRSS"), kilobytes("VmHWM"))
        #expect((resident ?? .max) < (peak ?? 0), "\(status)")
        // The pages come back when needed: a reload runs the parser and the planner again.
        daemon.process.send(SIGHUP)
        #expect(await daemon.waitForLog("configuration reloaded"), "\(daemon.log)")
        // ... and are handed back again before the next sleep.
        let handedBack = await eventually(timeout: .seconds(20)) {
            daemon.log.components(separatedBy: "clean mapped pages handed back").count == 3
        }
        #expect(handedBack, "\(daemon.log)")
        #expect(daemon.process.isRunning, "\(daemon.log)")
    }
}

/// deadlined started at 07:00, an hour before its next reminder, with a real NOTIFY_SOCKET listener.
private struct RestingDaemon {
    let dir: TemporaryDirectory
    let listener: NotifySocketListener
    let daemon: RunningDaemon

    init(arguments: [String] = []) throws {
        dir = try TemporaryDirectory()
        let config = try daemonConfig(in: dir, smtpPort: nil)
        listener = try NotifySocketListener()
        daemon = try RunningDaemon(
            config: config, arguments: ["--pretend-now", "2021-03-01T07:00:00+07:00"] + arguments,
            environment: ["NOTIFY_SOCKET": listener.address], logPath: dir.path + "/log")
    }

    func stop() {
        daemon.stop()
        listener.stop()
        dir.remove()
    }
}

/// Context switches (voluntary and not) of each thread of a process, from `/proc/PID/task/*/status`.
struct ThreadSwitches {
    /// "TID name" to switches.
    var counts: [String: Int] = [:]

    init(pid: pid_t) {
        let tasks = "/proc/\(pid)/task"
        for tid in (try? FileManager.default.contentsOfDirectory(atPath: tasks)) ?? [] {
            let name = (try? String(contentsOfFile: "\(tasks)/\(tid)/comm", encoding: .utf8)) ?? "?"
            guard let status = try? String(contentsOfFile: "\(tasks)/\(tid)/status", encoding: .utf8) else { continue }
            let switches = status.split(separator: "\n")
                .filter { $0.hasPrefix("voluntary_ctxt_switches:") || $0.hasPrefix("nonvoluntary_ctxt_switches:") }
                .compactMap { $0.split(separator: "\t").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } }
                .reduce(0, +)
            counts["\(tid) \(name.trimmingCharacters(in: .newlines))"] = switches
        }
    }

    /// Threads that were switched in since `earlier`, or appeared, with how many times: `"1234 deadlined-db +3"`.
    func busier(than earlier: ThreadSwitches) -> [String] {
        counts.compactMap { thread, now in
            let delta = now - (earlier.counts[thread] ?? 0)
            return delta > 0 ? "\(thread) +\(delta)" : nil
        }.sorted()
    }
}

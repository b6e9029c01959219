import DeadlineService
import Foundation
import Synchronization
import Testing

/// ``DaemonExecutor``: the one thread `deadlined`'s tasks run on instead of libdispatch's global queues.
@Suite("the daemon's executor")
struct DaemonExecutorTests {
    @Test("jobs run on its thread in the order they were enqueued")
    func order() async {
        let executor = DaemonExecutor(name: "test-order")
        defer { executor.shutdown() }
        let seen = Tally()
        let tasks = (0..<200).map { i in
            Task(executorPreference: executor) { seen.append(executor.isCurrentThread ? i : -1) }
        }
        for task in tasks { await task.value }
        #expect(seen.values == Array(0..<200))
        #expect(!executor.isCurrentThread)
    }

    @Test("child tasks, async let, actors and continuations resumed elsewhere stay on it; Task {} does not")
    func nested() async {
        let executor = DaemonExecutor(name: "test-nested")
        defer { executor.shutdown() }
        let places = await withTaskExecutorPreference(executor) { () async -> [String: Bool] in
            var places = ["body": executor.isCurrentThread]
            let children = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<5 { group.addTask { executor.isCurrentThread } }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            places["task group"] = children == Array(repeating: true, count: 5)
            async let child = executor.isCurrentThread
            places["async let"] = await child
            places["actor"] = await ThreadProbe().isOn(executor)
            // As the curl, SQLite and waker threads do: resume from a thread that is not Swift's.
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                Thread.detachNewThread { continuation.resume() }
            }
            places["after a continuation"] = executor.isCurrentThread
            places["Task {}"] = await Task { executor.isCurrentThread }.value
            let preferring = Task(executorPreference: executor) { executor.isCurrentThread }
            places["Task(executorPreference:)"] = await preferring.value
            return places
        }
        #expect(
            places == [
                "body": true, "task group": true, "async let": true, "actor": true, "after a continuation": true,
                "Task {}": false, "Task(executorPreference:)": true,
            ])
    }

    @Test("shutdown runs what was queued, then joins the thread")
    func shutdownJoins() async {
        let executor = DaemonExecutor(name: "test-shutdown")
        let threadPath = await Task(executorPreference: executor) { ThreadProbe.procPath() }.value
        #expect(FileManager.default.fileExists(atPath: threadPath), "\(threadPath)")
        let ran = Tally()
        let tasks = (0..<50).map { i in Task(executorPreference: executor) { ran.append(i) } }
        executor.shutdown()
        #expect(ran.values == Array(0..<50))
        #expect(!FileManager.default.fileExists(atPath: threadPath), "the thread \(threadPath) is still there")
        for task in tasks { await task.value }
    }
}

/// A default actor: its jobs run where the calling task prefers.
actor ThreadProbe {
    func isOn(_ executor: DaemonExecutor) -> Bool { executor.isCurrentThread }

    /// `/proc/PID/task/TID` of the calling thread.
    nonisolated static func procPath() -> String {
        "/proc/" + ((try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/thread-self")) ?? "?")
    }
}

/// Integers appended from any thread.
final class Tally: Sendable {
    private let storage = Mutex<[Int]>([])
    func append(_ value: Int) { storage.withLock { $0.append(value) } }
    var values: [Int] { storage.withLock { $0 } }
}

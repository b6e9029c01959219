import Foundation
import Testing
import Threads

/// What the jobs saw, guarded by a lock (they run on the job thread, the test reads on its own).
final class Record: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int] = []
    private var onThread: [Bool] = []

    func append(_ value: Int, onThread flag: Bool) {
        lock.withLock {
            values.append(value)
            onThread.append(flag)
        }
    }

    var snapshot: (values: [Int], onThread: [Bool]) { lock.withLock { (values, onThread) } }
}

@Suite("JobThread: one thread, jobs in order, sleeping when idle")
struct JobThreadTests {
    @Test("jobs run one at a time, in the order they came, on the thread; shutdown runs those queued, then refuses")
    func orderAndShutdown() {
        let thread = JobThread<Int>(name: "test-jobs")
        let record = Record()
        let started = thread.start { value in record.append(value, onThread: thread.isCurrentThread) }
        #expect(started)
        for value in 0..<1000 { #expect(thread.submit(value)) }
        thread.shutdown(waiting: true)
        let seen = record.snapshot
        #expect(seen.values == Array(0..<1000))
        #expect(seen.onThread.allSatisfy { $0 })
        #expect(!thread.isCurrentThread)
        #expect(!thread.submit(1000), "refused after shutdown")
        #expect(record.snapshot.values.count == 1000)
    }

    @Test("jobs from many threads at once all run, each once")
    func concurrentSubmitters() {
        let thread = JobThread<Int>(name: "test-jobs")
        let record = Record()
        let started = thread.start { value in record.append(value, onThread: true) }
        #expect(started)
        DispatchQueue.concurrentPerform(iterations: 8) { submitter in
            for i in 0..<250 { _ = thread.submit(submitter * 1000 + i) }
        }
        thread.shutdown(waiting: true)
        let values = record.snapshot.values
        #expect(values.count == 2000)
        #expect(Set(values).count == 2000)
        // Each submitter's jobs keep their order.
        for submitter in 0..<8 {
            let own = values.filter { $0 / 1000 == submitter }
            #expect(own == own.sorted())
        }
    }

    @Test("the thread carries its name, as ps -L shows it")
    func name() throws {
        let thread = JobThread<Int>(name: "test-jobs-named")
        let names = Record()
        let started = thread.start { _ in
            let comm = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
            names.append(comm == "test-jobs-named\n" ? 1 : 0, onThread: true)
        }
        #expect(started)
        #expect(thread.submit(0))
        thread.shutdown(waiting: true)
        #expect(names.snapshot.values == [1])
    }

    @Test("JobQueue: first in, first out, across refills after running empty")
    func queue() {
        var queue = JobQueue<Int>()
        #expect(queue.isEmpty && queue.popFirst() == nil)
        for round in 0..<3 {
            for i in 0..<5 { queue.append(round * 10 + i) }
            #expect(queue.popFirst() == round * 10)
            #expect(queue.count == 4)
            queue.append(round * 10 + 5)
            var taken: [Int] = []
            while let next = queue.popFirst() { taken.append(next) }
            #expect(taken == Array((round * 10 + 1)...(round * 10 + 5)))
            #expect(queue.isEmpty && queue.count == 0)
        }
    }

    @Test("JobQueue: a job taken is let go although the queue never runs empty (a producer always ahead)")
    func takenJobsAreReleased() {
        final class Job {}
        var queue = JobQueue<Job>()
        var taken: [() -> Job?] = []  // weak references to what was taken
        queue.append(Job())
        for _ in 0..<1000 {
            queue.append(Job())
            guard let job = queue.popFirst() else { break }
            taken.append { [weak job] in job }
        }
        #expect(queue.count == 1)
        #expect(taken.count == 1000)
        #expect(taken.allSatisfy { $0() == nil })
    }
}

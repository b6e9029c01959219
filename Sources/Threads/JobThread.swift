#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import CLinuxShim

/// One OS thread that runs the jobs given to it one at a time, in the order they came, and sleeps on a condition
/// variable while it has none: no timer, no wake-up. After ``shutdown(waiting:)`` it runs the jobs already queued,
/// then exits.
///
/// deadlined keeps blocking work off Swift's thread pool and off libdispatch (whose global queues start a timer
/// that fires every second): its task tree runs on one of these (`DaemonExecutor`), and so do its SQLite calls
/// (`SQLiteThread`).
package final class JobThread<Job>: @unchecked Sendable {
    /// The thread's name as `ps -L` shows it (its first 15 bytes).
    package let name: String
    private let lock = ConditionLock()
    // Guarded by `lock`:
    private var jobs = JobQueue<Job>()
    private var isShutDown = false
    private var thread: pthread_t?
    private var threadID: Int32 = 0  // the kernel's id, set before the first job runs

    /// A thread not started yet: ``start(_:)`` starts it.
    package init(name: String) {
        self.name = name
    }

    /// Starts the thread, which calls `perform` for each job in turn (and keeps this object alive until it exits).
    /// Returns false when the system cannot start a thread; then ``submit(_:)`` refuses every job.
    @discardableResult
    package func start(_ perform: @escaping (Job) -> Void) -> Bool {
        let thread = OSThread.start(name: name, joinable: true) { [self] in run(perform) }
        lock.withLock {
            if let thread { self.thread = thread } else { isShutDown = true }
        }
        return thread != nil
    }

    /// Queues `job`; `false` (and nothing queued) once the thread is shut down or if it never started.
    package func submit(_ job: Job) -> Bool {
        lock.withLock {
            guard !isShutDown else { return false }
            jobs.append(job)
            lock.signal()
            return true
        }
    }

    /// Whether the caller runs on this thread.
    package var isCurrentThread: Bool {
        lock.withLock { threadID != 0 && threadID == clinux_thread_id() }
    }

    /// Refuses new jobs and lets the thread exit once those already queued have run. With `waiting`, returns only
    /// after it exited (never call that from the thread itself); without, returns at once.
    package func shutdown(waiting: Bool) {
        let thread = lock.withLock {
            isShutDown = true
            let thread = self.thread
            self.thread = nil
            lock.signal()
            return thread
        }
        guard let thread else { return }
        if waiting {
            precondition(pthread_equal(thread, pthread_self()) == 0, "\(name) cannot wait for itself to exit")
            pthread_join(thread, nil)
        } else {
            pthread_detach(thread)
        }
    }

    /// Blocks until a job is queued (returns it) or the thread is shut down with nothing queued (`nil`).
    private func nextJob() -> Job? {
        lock.withLock {
            while jobs.isEmpty && !isShutDown { lock.wait() }
            return jobs.popFirst()
        }
    }

    /// The thread's body (named by ``OSThread``): run jobs until shut down with an empty queue.
    private func run(_ perform: (Job) -> Void) {
        lock.withLock { threadID = clinux_thread_id() }
        while let job = nextJob() {
            perform(job)
        }
    }
}

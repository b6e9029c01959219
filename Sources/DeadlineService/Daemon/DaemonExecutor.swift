#if canImport(Glibc)
    import Glibc
#endif
import CLinuxShim

/// One thread that runs Swift tasks' jobs one at a time, in the order they come, and sleeps on a condition variable
/// when there are none: `deadlined`'s whole task tree runs on it (`withTaskExecutorPreference`, SE-0417).
///
/// Why it exists: on Linux, Swift's default executor is libdispatch's global concurrent queues, and the first job
/// such a queue runs starts libdispatch's workqueue monitor (`_dispatch_workq_init_once` in its
/// `src/event/workqueue.c`), a timer on its manager thread that fires once a second for the life of the process. A
/// daemon that otherwise sleeps until its next event woke 60 times a minute for it. Serial dispatch queues
/// (GRDB's, swift-service-lifecycle's signal queue) and the main queue run on other, unmonitored workers, so they
/// do not start it; only jobs on the global concurrent queues do.
///
/// What keeps working on it and what does not:
/// - child tasks (task groups, `async let`) inherit the preference, and so do actors' jobs run for a task that has
///   it; continuations resumed from other threads (curl, SQLite, the waker) come back here;
/// - an unstructured `Task {}` or `Task.detached {}` does not inherit it and runs on libdispatch again: the daemon
///   uses structured tasks only;
/// - `Task.sleep` schedules its wake-up on libdispatch (an executor that schedules timers itself is still SPI in
///   Swift 6.3), so the SQLite daemon never sleeps that way; the PostgreSQL path's lease renewal does.
///
/// Blocking calls must not run here, as on Swift's own pool: curl, SQLite, the waker and the control socket have
/// threads of their own. When not to use it: for CPU-heavy parallel work (it is one thread), or from tests that
/// need Swift's pool.
public final class DaemonExecutor: TaskExecutor, @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `mutex`:
    private var jobs: [UnownedJob] = []
    private var head = 0
    private var isShutDown = false
    private var thread: pthread_t?
    private var threadID: Int32 = 0  // the kernel's id, set before the first job runs

    /// The thread's name as `ps -L` shows it (its first 15 bytes).
    public let name: String

    /// Starts the thread.
    public init(name: String = "deadlined-tasks") {
        self.name = name
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
        let retained = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(
            &thread, nil,
            { context in
                let executor = Unmanaged<DaemonExecutor>.fromOpaque(context!).takeRetainedValue()
                executor.run()
                return nil
            }, retained)
        precondition(created == 0, "deadlined: cannot start its executor thread: \(String(cString: strerror(created)))")
        self.thread = thread
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        pthread_mutex_lock(mutex)
        precondition(!isShutDown, "deadlined: a job was enqueued on \(name) after its shutdown")
        jobs.append(job)
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Whether the caller runs on this executor's thread.
    public var isCurrentThread: Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return threadID == clinux_thread_id()
    }

    /// Runs the jobs already queued, then stops the thread and waits until it has exited. Call it when no task
    /// can enqueue here any more, and never from the thread itself.
    public func shutdown() {
        pthread_mutex_lock(mutex)
        isShutDown = true
        let thread = self.thread
        self.thread = nil
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
        guard let thread else { return }
        precondition(pthread_equal(thread, pthread_self()) == 0, "deadlined: \(name) cannot shut itself down")
        pthread_join(thread, nil)
    }

    /// The thread's body: run jobs until shut down with an empty queue.
    private func run() {
        name.withCString { _ = clinux_set_thread_name($0) }
        pthread_mutex_lock(mutex)
        threadID = clinux_thread_id()
        pthread_mutex_unlock(mutex)
        while let job = nextJob() {
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    /// Blocks until a job is queued (returns it) or the executor is shut down with nothing queued (`nil`).
    private func nextJob() -> UnownedJob? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while head == jobs.count && !isShutDown {
            pthread_cond_wait(condition, mutex)
        }
        guard head < jobs.count else { return nil }
        let job = jobs[head]
        head += 1
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            head = 0
        }
        return job
    }
}

#if canImport(Glibc)
    import Glibc
#endif
import Threads

/// One thread that runs Swift tasks' jobs one at a time, in the order they come, and sleeps on a condition variable
/// when there are none: `deadlined`'s whole task tree runs on it (`withTaskExecutorPreference`, SE-0417).
///
/// Why it exists: on Linux, Swift's default executor is libdispatch's global concurrent queues, and the first job
/// such a queue runs starts libdispatch's workqueue monitor (`_dispatch_workq_init_once` in its
/// `src/event/workqueue.c`), a timer on its manager thread that fires once a second for the life of the process. A
/// daemon that otherwise sleeps until its next event woke 60 times a minute for it. Serial dispatch queues
/// (swift-service-lifecycle's signal queue) and the main queue run on other, unmonitored workers, so they
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
package final class DaemonExecutor: TaskExecutor, Sendable {
    private let thread: JobThread<UnownedJob>

    /// The thread's name as `ps -L` shows it (its first 15 bytes).
    package var name: String { thread.name }

    /// Starts the thread.
    package init(name: String = "deadlined-tasks") {
        thread = JobThread(name: name)
        let started = thread.start { [unowned self] job in job.runSynchronously(on: self.asUnownedTaskExecutor()) }
        precondition(started, "deadlined: cannot start its executor thread")
    }

    package func enqueue(_ job: consuming ExecutorJob) {
        let accepted = thread.submit(UnownedJob(job))
        precondition(accepted, "deadlined: a job was enqueued on \(name) after its shutdown")
    }

    /// Whether the caller runs on this executor's thread.
    package var isCurrentThread: Bool { thread.isCurrentThread }

    /// Runs the jobs already queued, then stops the thread and waits until it has exited. Call it when no task
    /// can enqueue here any more, and never from the thread itself.
    package func shutdown() {
        thread.shutdown(waiting: true)
    }
}

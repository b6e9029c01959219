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
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `mutex`:
    private var jobs = JobQueue<Job>()
    private var isShutDown = false
    private var thread: pthread_t?
    private var threadID: Int32 = 0  // the kernel's id, set before the first job runs

    /// A thread not started yet: ``start(_:)`` starts it.
    package init(name: String) {
        self.name = name
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Starts the thread, which calls `perform` for each job in turn (and keeps this object alive until it exits).
    /// Returns `pthread_create`'s error, 0 on success; without a thread, ``submit(_:)`` refuses every job.
    package func start(_ perform: @escaping (Job) -> Void) -> Int32 {
        let entry = Unmanaged.passRetained(ThreadEntry { [self] in run(perform) }).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(
            &thread, nil,
            { entry in
                Unmanaged<ThreadEntry>.fromOpaque(entry!).takeRetainedValue().main()
                return nil
            }, entry)
        if created != 0 { Unmanaged<ThreadEntry>.fromOpaque(entry).release() }
        pthread_mutex_lock(mutex)
        if created == 0 { self.thread = thread } else { isShutDown = true }
        pthread_mutex_unlock(mutex)
        return created
    }

    /// Queues `job`; `false` (and nothing queued) once the thread is shut down or if it never started.
    package func submit(_ job: Job) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard !isShutDown else { return false }
        jobs.append(job)
        pthread_cond_signal(condition)
        return true
    }

    /// Whether the caller runs on this thread.
    package var isCurrentThread: Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return threadID != 0 && threadID == clinux_thread_id()
    }

    /// Refuses new jobs and lets the thread exit once those already queued have run. With `waiting`, returns only
    /// after it exited (never call that from the thread itself); without, returns at once.
    package func shutdown(waiting: Bool) {
        pthread_mutex_lock(mutex)
        isShutDown = true
        let thread = self.thread
        self.thread = nil
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
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
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while jobs.isEmpty && !isShutDown {
            pthread_cond_wait(condition, mutex)
        }
        return jobs.popFirst()
    }

    /// The thread's body: name it, then run jobs until shut down with an empty queue.
    private func run(_ perform: (Job) -> Void) {
        name.withCString { _ = clinux_set_thread_name($0) }
        pthread_mutex_lock(mutex)
        threadID = clinux_thread_id()
        pthread_mutex_unlock(mutex)
        while let job = nextJob() {
            perform(job)
        }
    }
}

/// What `pthread_create` hands the new thread: a C function pointer cannot carry a generic type, a closure can.
private final class ThreadEntry {
    let main: () -> Void

    init(_ main: @escaping () -> Void) {
        self.main = main
    }
}

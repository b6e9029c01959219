#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import CLinuxShim

/// The dedicated OS thread on which a ``SQLiteLedger`` makes its blocking SQLite calls (through GRDB's synchronous
/// API), one at a time, in the order they were asked for.
///
/// Blocking calls never run on the caller's executor (Swift's pool, or `deadlined`'s one thread), and not on
/// libdispatch either: GRDB's asynchronous API would run them on dispatch queues, whose worker threads come and go
/// with the load. An async caller queues a job and suspends on a continuation that this thread resumes. The thread
/// sleeps on a condition variable while idle (no wake-ups) and exits once its ledger is gone and the jobs already
/// queued have run.
final class SQLiteThread: @unchecked Sendable {
    private typealias Job = () -> Void

    /// The thread's name as `ps -L` shows it (its first 15 bytes).
    private let name: String
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `mutex`:
    private var jobs: [Job] = []
    private var head = 0
    private var isShutDown = false

    /// Starts the thread; without one (`pthread_create` failed) jobs run on the caller's thread.
    init(name: String = "deadlined-db") {
        self.name = name
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
        let retained = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(
            &thread, nil,
            { context in
                let worker = Unmanaged<SQLiteThread>.fromOpaque(context!).takeRetainedValue()
                worker.run()
                return nil
            }, retained)
        if created == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<SQLiteThread>.fromOpaque(retained).release()
            isShutDown = true
        }
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` on the thread and returns what it returns or throws. Once queued, `body` runs to the end even if
    /// the calling task is cancelled meanwhile.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, any Error>, Never>) in
            let job: Job = { continuation.resume(returning: Result { try body() }) }
            if !submit(job) { job() }
        }
        return try result.get()
    }

    /// Lets the thread exit once the jobs already queued have run; later jobs run on their caller's thread.
    func shutdownWithoutWaiting() {
        pthread_mutex_lock(mutex)
        isShutDown = true
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    private func submit(_ job: @escaping Job) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard !isShutDown else { return false }
        jobs.append(job)
        pthread_cond_signal(condition)
        return true
    }

    private func run() {
        name.withCString { _ = clinux_set_thread_name($0) }
        while let job = nextJob() {
            job()
        }
    }

    /// Blocks until a job is queued (returns it) or the thread is shut down with nothing queued (`nil`).
    private func nextJob() -> Job? {
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

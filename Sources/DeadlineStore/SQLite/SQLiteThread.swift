import Threads

/// The dedicated OS thread on which a ``SQLiteLedger`` makes its blocking SQLite calls, one at a time, in the order
/// they were asked for.
///
/// Blocking calls never run on the caller's executor (Swift's pool, or `deadlined`'s one thread), and not on
/// libdispatch either, whose worker threads come and go with the load. An async caller queues a job and suspends on a continuation that this thread resumes. The thread
/// sleeps while idle (no wake-ups) and exits once its ledger is gone and the jobs already queued have run.
final class SQLiteThread: Sendable {
    private let thread: JobThread<@Sendable () -> Void>

    /// Starts the thread; without one (`pthread_create` failed) jobs run on the caller's thread.
    init(name: String = "deadlined-db") {
        thread = JobThread(name: name)
        _ = thread.start { job in job() }
    }

    /// Runs `body` on the thread and returns what it returns or throws. Once queued, `body` runs to the end even if
    /// the calling task is cancelled meanwhile.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, any Error>, Never>) in
            let job: @Sendable () -> Void = { continuation.resume(returning: Result { try body() }) }
            if !thread.submit(job) { job() }
        }
        return try result.get()
    }

    /// Lets the thread exit once the jobs already queued have run; later jobs run on their caller's thread.
    func shutdownWithoutWaiting() {
        thread.shutdown(waiting: false)
    }
}

import Threads

/// One OS thread of a ``CurlWorkerPool``: it owns one ``CurlEasy`` handle (and so its cached connection) and runs
/// the pool's jobs on it, one at a time, until the pool is shut down and its queue is empty; then it destroys the
/// handle, which closes the connection, and exits.
///
/// While idle it sleeps on a condition of its own under the pool's lock (no wake-ups), so that the pool can hand
/// a job to one particular thread: the one whose connection was used last.
final class CurlWorkerThread: @unchecked Sendable {
    /// Signalled (with the pool's lock held) when a job is there for this thread or the pool shuts down.
    private let condition: ConditionLock.Condition

    /// Starts a thread that takes its jobs from `pool`; `nil` if the system cannot start another thread.
    /// The running thread keeps `pool` and this object alive until it exits.
    init?(name: String, pool: CurlWorkerPool) {
        condition = pool.lock.makeCondition()
        let started = OSThread.start(name: name) { [self] in
            var easy = CurlEasy()
            while let job = pool.nextJob(for: self) {
                var reported = false
                job(easy) {
                    if !reported { pool.jobDone() }
                    reported = true
                }
                if !reported { pool.jobDone() }
            }
            easy = nil  // curl_easy_cleanup: closes cached connections
            pool.threadExited()
        }
        guard started != nil else { return nil }
    }

    /// Sleeps until ``signal()``; call with the pool's lock held (released meanwhile).
    func wait() {
        condition.wait()
    }

    /// Wakes the thread if it sleeps in ``wait()``. Call with the pool's lock held.
    func signal() {
        condition.signal()
    }
}

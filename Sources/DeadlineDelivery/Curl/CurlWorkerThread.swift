import CCurlShim

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// One OS thread of a ``CurlWorkerPool``: it owns one ``CurlEasy`` handle (and so its cached connection) and runs
/// the pool's jobs on it, one at a time, until the pool is shut down and its queue is empty; then it destroys the
/// handle, which closes the connection, and exits.
///
/// While idle it sleeps on its own condition variable (no wake-ups), so that the pool can hand a job to one
/// particular thread: the one whose connection was used last.
final class CurlWorkerThread: @unchecked Sendable {
    /// Signalled (under the pool's mutex) when a job is there for this thread or the pool shuts down.
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    /// Starts a thread that takes its jobs from `pool`; `nil` if the system cannot start another thread.
    /// The running thread keeps `pool` alive until it exits.
    init?(name: String, pool: CurlWorkerPool) {
        pthread_cond_init(condition, nil)
        let context = Unmanaged.passRetained(Context(thread: self, pool: pool, name: name)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(
            &thread, nil,
            { context in
                Unmanaged<Context>.fromOpaque(context!).takeRetainedValue().run()
                return nil
            }, context)
        guard created == 0 else {
            Unmanaged<Context>.fromOpaque(context).release()
            return nil
        }
        pthread_detach(thread)
    }

    deinit {
        pthread_cond_destroy(condition)
        condition.deallocate()
    }

    /// Sleeps until ``signal()``, releasing `mutex` meanwhile (the pool's; held by the caller).
    func wait(releasing mutex: UnsafeMutablePointer<pthread_mutex_t>) {
        pthread_cond_wait(condition, mutex)
    }

    /// Wakes the thread if it sleeps in ``wait(releasing:)``. Call with the pool's mutex held.
    func signal() {
        pthread_cond_signal(condition)
    }

    /// What the running thread holds: itself, its pool, its name.
    private final class Context {
        let thread: CurlWorkerThread
        let pool: CurlWorkerPool
        let name: String

        init(thread: CurlWorkerThread, pool: CurlWorkerPool, name: String) {
            self.thread = thread
            self.pool = pool
            self.name = name
        }

        /// The thread's body: take a job, run it, until the pool has no more.
        func run() {
            name.withCString { _ = ccurl_set_thread_name($0) }
            var easy = CurlEasy()
            while let job = pool.nextJob(for: thread) {
                job(easy)
            }
            easy = nil  // curl_easy_cleanup: closes cached connections
            pool.threadExited()
        }
    }
}

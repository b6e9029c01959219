import CCurlShim

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A dedicated OS thread that owns one ``CurlEasy`` handle and runs blocking transfers on it, one at a time, in
/// the order they were submitted.
///
/// Blocking calls such as `curl_easy_perform` must never run on Swift's cooperative thread pool: that pool has
/// one thread per core, and a blocked thread starves every other task (see swift-nio's `NIOThreadPool`). Each
/// transport therefore has its own thread; an async caller submits a job and suspends on a continuation that the
/// thread resumes. The queue is bounded: a full queue rejects the job at once instead of growing.
///
/// The thread sleeps on a condition variable while idle (no wake-ups) and exits after ``shutdown()``, running the
/// jobs already queued first and then destroying the handle (which closes its cached connections).
final class CurlWorkerThread: @unchecked Sendable {
    /// A job gets the thread's handle, or `nil` if libcurl could not create one.
    typealias Job = @Sendable (CurlEasy?) -> Void

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `mutex`:
    private var jobs: [Job] = []
    private var head = 0
    private var isShutDown = false
    private var exitWaiters: [CheckedContinuation<Void, Never>] = []
    private var hasExited = false

    /// The most jobs that may wait; more are rejected.
    let capacity: Int
    /// The thread's name as `ps -L` shows it (at most 15 bytes).
    let name: String

    /// Starts the thread. `capacity` bounds the queue of waiting jobs.
    init(name: String, capacity: Int) {
        self.name = String(name.utf8.prefix(15)) ?? "deadlined-curl"
        self.capacity = max(1, capacity)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
        let retained = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(
            &thread, nil,
            { context in
                let worker = Unmanaged<CurlWorkerThread>.fromOpaque(context!).takeRetainedValue()
                worker.run()
                return nil
            }, retained)
        if created == 0 {
            pthread_detach(thread)
        } else {
            // No thread: every job is rejected.
            Unmanaged<CurlWorkerThread>.fromOpaque(retained).release()
            isShutDown = true
            hasExited = true
        }
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Queues a job; `false` if the queue is full or the thread was shut down (the job is then not run).
    func submit(_ job: @escaping Job) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard !isShutDown, jobs.count - head < capacity else { return false }
        jobs.append(job)
        pthread_cond_signal(condition)
        return true
    }

    /// Runs `body` on the thread and returns its result; returns `rejected()` at once if the job was not queued.
    /// Cancelling the calling task sets `cancellation`, which running transfers poll to abort.
    func run<T: Sendable>(
        cancellation: CancellationFlag,
        rejected: @Sendable () -> T,
        _ body: @escaping @Sendable (CurlEasy?) -> T
    ) async -> T {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
                let queued = submit { easy in continuation.resume(returning: body(easy)) }
                if !queued { continuation.resume(returning: rejected()) }
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// Stops accepting jobs, lets the queued ones finish, and waits until the thread has destroyed its handle
    /// and exited.
    func shutdown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            pthread_mutex_lock(mutex)
            isShutDown = true
            if hasExited {
                pthread_mutex_unlock(mutex)
                continuation.resume()
                return
            }
            exitWaiters.append(continuation)
            pthread_cond_signal(condition)
            pthread_mutex_unlock(mutex)
        }
    }

    /// Stops accepting jobs without waiting; the thread exits once its queue is empty.
    func shutdownWithoutWaiting() {
        pthread_mutex_lock(mutex)
        isShutDown = true
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    /// The thread's body: take a job, run it, until shut down with an empty queue.
    private func run() {
        name.withCString { _ = ccurl_set_thread_name($0) }
        var easy = CurlEasy()
        while let job = nextJob() {
            job(easy)
        }
        easy = nil  // curl_easy_cleanup: closes cached connections
        pthread_mutex_lock(mutex)
        hasExited = true
        let waiters = exitWaiters
        exitWaiters.removeAll()
        pthread_mutex_unlock(mutex)
        for waiter in waiters { waiter.resume() }
    }

    /// Blocks until a job is available (returns it) or the thread is shut down with nothing queued (`nil`).
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

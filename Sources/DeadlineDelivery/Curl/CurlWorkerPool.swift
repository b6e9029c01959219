import Threads

/// Up to ``threadLimit`` ``CurlWorkerThread``s sharing one bounded queue of blocking transfers: a job goes to
/// whichever thread is free, so a transport with N threads keeps N connections (one per thread's handle) and
/// runs N transfers at once.
///
/// Blocking calls such as `curl_easy_perform` must never run on Swift's cooperative thread pool: that pool has
/// one thread per core, and a blocked thread starves every other task (see swift-nio's `NIOThreadPool`). An async
/// caller submits a job and suspends on a continuation that a worker thread resumes. The queue is bounded: a full
/// queue rejects the job at once instead of growing.
///
/// Threads are started when work needs them, never more than ``threadLimit``: a pool that only ever has one job
/// at a time runs one thread and keeps one connection. A job goes to the idle thread that finished last, whose
/// connection is the most recently used, so sequential sends keep reusing one connection. Idle threads sleep on
/// condition variables (no wake-ups). ``shutdown()`` runs the jobs already queued, then every thread destroys
/// its handle (closing its connections) and exits.
final class CurlWorkerPool: @unchecked Sendable {
    /// A job gets the running thread's handle, or `nil` if libcurl could not create one.
    typealias Job = @Sendable (CurlEasy?) -> Void
    /// A job that says when its work is done (before it hands the result on): from then on its thread counts as
    /// free, so that a job submitted in answer to that result waits for it instead of starting another thread.
    typealias ReportingJob = @Sendable (CurlEasy?, _ done: () -> Void) -> Void

    /// The pool's lock; each thread sleeps on a condition of its own under it.
    let lock = ConditionLock()
    // Guarded by `lock`:
    private var jobs = JobQueue<ReportingJob>()
    private var threads: [CurlWorkerThread] = []
    /// Threads waiting for a job, the one that went idle last at the end.
    private var idle: [CurlWorkerThread] = []
    /// Threads running a job now; the others are idle, starting, or on their way back for the next job.
    private var running = 0
    private var exited = 0
    private var isShutDown = false
    private var exitWaiters: [CheckedContinuation<Void, Never>] = []

    /// The most jobs that may wait; more are rejected.
    let capacity: Int
    /// The most threads (and so connections) the pool runs.
    let threadLimit: Int
    /// The threads' name as `ps -L` shows it (at most 15 bytes).
    let name: String

    /// Creates the pool; its first thread starts with the first job.
    init(name: String, threads: Int, capacity: Int) {
        self.name = String(name.utf8.prefix(15)) ?? "deadlined-curl"
        self.threadLimit = max(1, threads)
        self.capacity = max(1, capacity)
    }

    /// How many threads have been started so far.
    var startedThreads: Int {
        lock.lock()
        defer { lock.unlock() }
        return threads.count
    }

    /// Queues a job; `false` if the queue is full or the pool was shut down (the job is then not run).
    func submit(_ job: @escaping Job) -> Bool {
        submit(reporting: { easy, _ in job(easy) })
    }

    /// Queues a job that reports when its work is done (see ``ReportingJob``); `false` as ``submit(_:)-(Job)``.
    func submit(reporting job: @escaping ReportingJob) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard !isShutDown, jobs.count < capacity else { return false }
        if let thread = idle.popLast() {
            jobs.append(job)
            thread.signal()
            return true
        }
        // A thread that just finished a job (or just started) takes the next queued one before it would sleep: no
        // new thread, and so no new connection, while one is about to be free.
        let free = threads.count - running
        if free <= jobs.count, threads.count < threadLimit, let thread = CurlWorkerThread(name: name, pool: self) {
            threads.append(thread)
        } else if threads.isEmpty {
            return false  // no thread could be started: nothing would ever run the job
        }
        // A started, returning or busy thread takes it when it next asks for a job.
        jobs.append(job)
        return true
    }

    /// Runs `body` on a worker thread and returns its result; returns `rejected()` at once if the job was not
    /// queued. Cancelling the calling task sets `cancellation`, which running transfers poll to abort.
    func run<T: Sendable>(
        cancellation: CancellationFlag,
        rejected: @Sendable () -> T,
        _ body: @escaping @Sendable (CurlEasy?) -> T
    ) async -> T {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
                let queued = submit(reporting: { easy, done in
                    let result = body(easy)
                    done()  // this thread is free before the caller, resumed, submits its next job
                    continuation.resume(returning: result)
                })
                if !queued { continuation.resume(returning: rejected()) }
            }
        } onCancel: {
            cancellation.cancel()
        }
    }

    /// Stops accepting jobs, lets the queued ones finish, and waits until every thread has destroyed its handle
    /// and exited.
    func shutdown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            lock.lock()
            isShutDown = true
            if exited == threads.count {
                lock.unlock()
                continuation.resume()
                return
            }
            exitWaiters.append(continuation)
            for thread in idle { thread.signal() }
            lock.unlock()
        }
    }

    /// Stops accepting jobs without waiting; the threads exit once the queue is empty.
    func shutdownWithoutWaiting() {
        lock.lock()
        isShutDown = true
        for thread in idle { thread.signal() }
        lock.unlock()
    }

    // MARK: Called by the worker threads

    /// Blocks `thread` until a job is available (returns it) or the pool is shut down with nothing queued (`nil`).
    func nextJob(for thread: CurlWorkerThread) -> ReportingJob? {
        lock.lock()
        defer { lock.unlock() }
        while jobs.isEmpty && !isShutDown {
            if !idle.contains(where: { $0 === thread }) { idle.append(thread) }
            thread.wait()
        }
        // Woken by a signal, spuriously, or never asleep: this thread is busy now.
        idle.removeAll { $0 === thread }
        guard let job = jobs.popFirst() else { return nil }
        running += 1
        return job
    }

    /// A job's work is done: its thread counts as free (called once per job, by the job or after it).
    func jobDone() {
        lock.lock()
        running -= 1
        lock.unlock()
    }

    /// `thread` has destroyed its handle and is about to exit.
    func threadExited() {
        lock.lock()
        exited += 1
        let waiters = exited == threads.count ? exitWaiters : []
        if !waiters.isEmpty { exitWaiters.removeAll() }
        lock.unlock()
        for waiter in waiters { waiter.resume() }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Work split over the processors, with the results handed back in order: `work` runs for each index on the calling
/// thread and on a few short-lived threads of its own, and `consume` sees every result on the calling thread, index
/// 0 first, as soon as it and those before it are ready.
///
/// For a batch that is all CPU (reading and checking the 5 000 drop-in files of a large configuration) where what
/// follows must stay in order (diagnostics, "defined twice"). Not for work that blocks on I/O for long, nor for the
/// daemon's steady state: the threads end with the batch.
package enum InOrderWork {
    /// The processors online, at least 1.
    package static var processorCount: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

    /// Runs `work(i)` for `i` in `0..<count` and calls `consume(i, result)` for each `i` in increasing order.
    ///
    /// - Parameters:
    ///   - threads: threads to start besides the caller's (fewer when there are fewer items, none when the system
    ///     refuses one: the caller then does all the work itself). The caller works too whenever the next result
    ///     it needs is not ready.
    ///   - name: the threads' name, as `ps -L` shows it.
    package static func run<Output: Sendable>(
        count: Int, threads: Int, name: String, work: @escaping @Sendable (Int) -> Output,
        consume: (Int, Output) -> Void
    ) {
        guard count > 0 else { return }
        let batch = Batch<Output>(count: count, work: work)
        var started: [pthread_t] = []
        for _ in 0..<min(max(0, threads), count - 1) {
            guard let thread = OSThread.start(name: name, joinable: true, { batch.runAsHelper() }) else { break }
            started.append(thread)
        }
        for index in 0..<count {
            consume(index, batch.result(at: index))
        }
        for thread in started {
            pthread_join(thread, nil)
        }
    }

    /// The shared state of one run: the next index nobody has taken, and the results not yet consumed.
    private final class Batch<Output: Sendable>: @unchecked Sendable {
        private let work: @Sendable (Int) -> Output
        private let lock = ConditionLock()
        // Guarded by `lock`:
        private var next = 0
        private var results: [Output?]

        init(count: Int, work: @escaping @Sendable (Int) -> Output) {
            self.work = work
            results = Array(repeating: nil, count: count)
        }

        /// A helper thread's body: take indices until none is left.
        func runAsHelper() {
            while let index = take() {
                let output = work(index)
                lock.withLock {
                    results[index] = output
                    lock.signal()  // only the caller waits
                }
            }
        }

        private func take() -> Int? {
            lock.withLock {
                guard next < results.count else { return nil }
                defer { next += 1 }
                return next
            }
        }

        /// The result at `index`, for the caller: waits for it, doing untaken work meanwhile.
        func result(at index: Int) -> Output {
            lock.lock()
            defer { lock.unlock() }
            while true {
                if let output = results[index] {
                    results[index] = nil  // consumed: no need to keep it
                    return output
                }
                if next < results.count {
                    let taken = next
                    next += 1
                    lock.unlock()
                    let output = work(taken)
                    lock.lock()
                    results[taken] = output
                } else {
                    lock.wait()
                }
            }
        }
    }
}

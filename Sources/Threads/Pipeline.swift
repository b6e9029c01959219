#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Two stages of one job on the machine's two cores: `produce` runs on a thread of its own and hands what it makes
/// to `consume`, which runs on the caller's thread, in the order it was made. At most `depth` pieces wait between
/// them (the producer sleeps while the consumer is behind), so memory stays bounded whatever the job's length.
///
/// `deadlinectl plan --json` plans on one core while it writes the JSON on the other.
package enum Pipeline {
    /// Returns when both stages are done. When no thread can be started, the stages run one after the other on
    /// the caller's thread, piece by piece: the same output, without the overlap.
    package static func run<Piece>(
        name: String, depth: Int = 4, produce: @escaping (_ hand: (Piece) -> Void) -> Void,
        consume: (Piece) -> Void
    ) {
        let handoff = Handoff<Piece>(depth: max(depth, 1))
        let thread = OSThread.start(name: name, joinable: true) {
            produce { handoff.put($0) }
            handoff.finish()
        }
        guard let thread else {
            produce(consume)
            return
        }
        while let piece = handoff.take() { consume(piece) }
        pthread_join(thread, nil)
    }
}

/// The bounded queue between ``Pipeline``'s two stages: one producer, one consumer.
final class Handoff<Piece>: @unchecked Sendable {
    private let lock = ConditionLock()
    private let depth: Int
    // Guarded by `lock`:
    private var pieces = JobQueue<Piece>()
    private var finished = false

    init(depth: Int) {
        self.depth = depth
    }

    /// Queues `piece`, sleeping first while `depth` pieces wait.
    func put(_ piece: Piece) {
        lock.withLock {
            while pieces.count >= depth { lock.wait() }
            pieces.append(piece)
            lock.broadcast()
        }
    }

    /// No piece follows: ``take()`` returns `nil` once the queue is empty.
    func finish() {
        lock.withLock {
            finished = true
            lock.broadcast()
        }
    }

    /// The oldest piece, sleeping while none waits; `nil` after ``finish()`` and the last piece.
    func take() -> Piece? {
        lock.withLock {
            while pieces.isEmpty && !finished { lock.wait() }
            let piece = pieces.popFirst()
            lock.broadcast()
            return piece
        }
    }
}

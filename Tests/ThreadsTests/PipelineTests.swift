import Testing
import Threads

@Suite("Pipeline: a producer thread and the caller, in order, bounded")
struct PipelineTests {
    @Test("every piece arrives once, in the order made, with at most `depth` waiting", arguments: [1, 4])
    func orderAndBound(depth: Int) {
        let made = Counter()
        var received: [Int] = []
        Pipeline.run(
            name: "test-pipe", depth: depth,
            produce: { hand in
                for piece in 0..<10_000 {
                    made.increment()
                    hand(piece)
                }
            },
            consume: { piece in
                // The producer is at most `depth` pieces ahead (+1 for the one it is handing over).
                #expect(made.value - piece <= depth + 2)
                received.append(piece)
            })
        #expect(received == Array(0..<10_000))
    }

    @Test("a producer that makes nothing ends the run")
    func empty() {
        var received: [Int] = []
        Pipeline.run(name: "test-pipe", produce: { (_: (Int) -> Void) in }, consume: { received.append($0) })
        #expect(received.isEmpty)
    }
}

/// A count the producer thread raises and the consumer reads.
private final class Counter: @unchecked Sendable {
    private let lock = ConditionLock()
    private var count = 0

    func increment() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

import Testing
import Threads

@Suite("InOrderWork: work on several threads, results consumed in order on the caller's")
struct InOrderWorkTests {
    @Test("every index is worked once and consumed once, in increasing order", arguments: [0, 1, 2, 7, 1000])
    func order(count: Int) {
        var consumed: [Int] = []
        var outputs: [Int] = []
        InOrderWork.run(
            count: count, threads: 3, name: "test-in-order",
            work: { index in
                // Uneven work, so that later indices often finish first.
                var sum = 0
                for i in 0..<((count - index) % 7 * 500) { sum &+= i }
                return index * 10 + (sum & 0)
            },
            consume: { index, output in
                consumed.append(index)
                outputs.append(output)
            })
        #expect(consumed == Array(0..<count))
        #expect(outputs == (0..<count).map { $0 * 10 })
    }

    @Test("without helper threads the caller does all the work")
    func callerAlone() {
        var consumed: [String] = []
        InOrderWork.run(
            count: 5, threads: 0, name: "test-in-order", work: { "item \($0)" }, consume: { _, s in consumed.append(s) }
        )
        #expect(consumed == ["item 0", "item 1", "item 2", "item 3", "item 4"])
    }

    @Test("the processor count is at least one")
    func processors() {
        #expect(InOrderWork.processorCount >= 1)
    }
}

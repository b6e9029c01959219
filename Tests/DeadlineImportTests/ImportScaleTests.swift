import DeadlineImport
import DeadlineKit
import Testing

/// A sentence as long as a document: the work and what the proposals hold grow with the input, not its square.
/// (Before, each proposal copied its whole sentence and looked back to the sentence's start: 45 KB took a minute,
/// 12.5 MB passed 7 GB.) Nothing here is timed; the sizes say it.
@Suite("deadlinectl import: one very long sentence")
struct ImportScaleTests {
    static let clause = "các sở báo cáo kết quả trước ngày 10/12/2030; "

    @Test("3 000 deadlines in one sentence: each proposal holds an excerpt of at most 600 Characters and a short task")
    func longSentence() throws {
        let count = 3_000
        let text = "UBND thành phố yêu cầu " + String(repeating: Self.clause, count: count) + "hoàn thành các nhiệm vụ."
        let proposal = DocumentImporter.propose(text)
        #expect(proposal.deadlines.count == count)
        let held = proposal.deadlines.reduce(0) {
            $0 + $1.sentence.count + $1.task.count + $1.phrase.count + ($1.unit?.count ?? 0)
        }
        // Bounded per proposal: about 800 Characters, whatever the sentence's length (here 141 000).
        #expect(held <= 1_000 * count)
        #expect(proposal.deadlines.allSatisfy { $0.sentence.count <= 602 && $0.task.count <= 400 })
        let length = text.count
        #expect(proposal.deadlines.allSatisfy { $0.sentenceLength == length && $0.offset == 0 })
        let d = try #require(proposal.deadlines.dropFirst(1_500).first)
        #expect(d.sentence.hasPrefix("…") && d.sentence.hasSuffix("…"))
        #expect(d.sentence.contains("trước ngày 10/12/2030"))
        #expect(d.due?.date == CivilDate(year: 2030, month: 12, day: 10))
        #expect(d.unit == "các sở")
        #expect(d.task == "Báo cáo kết quả")
    }

    @Test("twice the sentence, twice the proposals' text (linear, not quadratic)")
    func linear() {
        func held(_ count: Int) -> Int {
            let text = "UBND thành phố yêu cầu " + String(repeating: Self.clause, count: count) + "."
            return DocumentImporter.propose(text).deadlines.reduce(0) { $0 + $1.sentence.count + $1.task.count }
        }
        let small = held(1_000)
        let large = held(2_000)
        // Quadratic holding (each proposal copying the sentence) would make this ratio 4.
        #expect(Double(large) / Double(small) < 2.2)
    }

    @Test("an order as long as a document, then 1 000 bare deadlines: each task is the order's bounded window")
    func longOrderThenBareDeadlines() throws {
        let count = 1_000
        // The order (giao Sở Nội vụ ...) and, in the next sentence, deadlines that only say "hoàn thành": each
        // task is the order given before, read within a bounded window of it, and a plan named in full near the
        // unit is found there, not by reading the whole order again for every deadline.
        let order =
            "UBND thành phố giao Sở Nội vụ chủ trì xây dựng kế hoạch tổng thể, "
            + String(repeating: "phối hợp các quận, huyện rà soát hồ sơ, ", count: count) + "báo cáo UBND thành phố."
        let text = order + " " + String(repeating: "Hoàn thành trước ngày 10/12/2030; ", count: count) + "."
        let proposal = DocumentImporter.propose(text)
        #expect(proposal.deadlines.count == count)
        #expect(proposal.deadlines.allSatisfy { $0.unit == "Sở Nội vụ" && $0.task.count <= 800 })
        #expect(
            proposal.deadlines.allSatisfy { $0.task.hasSuffix("báo cáo UBND thành phố") },
            "\(proposal.deadlines[1].task)")
        let held = proposal.deadlines.reduce(0) { $0 + $1.sentence.count + $1.task.count }
        #expect(held <= 1_500 * count)
    }

    @Test("a short sentence is kept whole")
    func shortSentence() throws {
        let text = "Sở Tài chính báo cáo trước ngày 10/12/2030."
        let d = try #require(DocumentImporter.propose(text).deadlines.first)
        #expect(d.sentence == text)
        #expect(d.sentenceLength == text.count)
    }
}

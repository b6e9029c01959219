import DeadlineImport
import DeadlineService
import Testing

/// The drop-in printed for a document of thousands of deadlines grows with the document: ids, grouping by
/// document and quoted sentences are all linear.
@Suite("deadlinectl import: the drop-in of a very long document")
struct ImportDropInScaleTests {
    @Test("2 000 deadlines with one task in one sentence: ids -2 ... -2000, output linear in the input")
    func longDocument() {
        let count = 2_000
        let text =
            "Kế hoạch số 12-KH/UBND ngày 1/12/2029.\nUBND thành phố yêu cầu "
            + String(repeating: "các sở báo cáo kết quả trước ngày 10/12/2030; ", count: count) + "."
        let draft = ImportDraft(proposal: DocumentImporter.propose(text), context: ImportContext())
        #expect(draft.entries.count == count)
        #expect(Set(draft.entries.map(\.id)).count == count)
        #expect(draft.entries.last?.id == "import-bao-cao-ket-qua-\(count)")
        let dropIn = ImportDropIn.render(draft, source: "long.txt")
        // Each entry prints its excerpt (at most 600 Characters) and a few lines: linear in the input.
        #expect(dropIn.count <= 1_500 * count)
        #expect(dropIn.count >= 200 * count)
    }
}

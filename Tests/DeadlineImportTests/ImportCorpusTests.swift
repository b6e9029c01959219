import ImportEvaluation
import Testing

/// The import corpus scored as `make import-eval` prints it: the figures must not fall below `floor.toml`.
@Suite("deadlinectl import: the corpus of real directives")
struct ImportCorpusTests {
    static let corpus =
        String(#filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(2).joined(separator: "/"))
        + "/Fixtures/import-corpus"

    @Test("precision, recall, F1 and unit accuracy hold their floor; no sentence is proposed twice with one date")
    func floor() throws {
        let evaluation = Evaluation(try GoldCorpus.load(directory: Self.corpus))
        let floor = try Floor.load(directory: Self.corpus)
        let shortfalls = floor.shortfalls(of: evaluation)
        #expect(shortfalls.isEmpty, "\(shortfalls)\n\(evaluation.report())")
    }

    @Test("the gold file's quotes are each found once in their document, and every class is a known one")
    func goldFile() throws {
        let corpus = try GoldCorpus.load(directory: Self.corpus)
        #expect(corpus.documents.count >= 60)
        let deadlineClasses: Set = ["date", "dots", "words", "recurring", "report-period", "relative", "period"]
        let otherClasses: Set = [
            "cutoff", "announcement", "lead", "past", "horizon", "span", "background", "event", "other",
        ]
        for doc in corpus.documents {
            for d in doc.deadlines { #expect(deadlineClasses.contains(d.phraseClass), "\(doc.file): \(d.phraseClass)") }
            for n in doc.nonDeadlines { #expect(otherClasses.contains(n.phraseClass), "\(doc.file): \(n.phraseClass)") }
        }
    }
}

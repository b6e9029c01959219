import DeadlineImport
import ImportEvaluation
import DeadlineKit

#if canImport(Glibc)
    import Glibc
#endif

// `make import-eval`: scores `deadlinectl import` on the corpus (default Tests/Fixtures/import-corpus).
// `import-eval DIR --show FILE`: the proposals for one document of the corpus, for looking into a miss.
var arguments = Array(CommandLine.arguments.dropFirst())
var show: String?
// `--tasks`: each found deadline's task beside the gold's, the worst first.
let tasks = arguments.contains("--tasks")
arguments.removeAll { $0 == "--tasks" }
if let i = arguments.firstIndex(of: "--show"), i + 1 < arguments.count {
    show = arguments[i + 1]
    arguments.removeSubrange(i...(i + 1))
}
let directory = arguments.first ?? "Tests/Fixtures/import-corpus"
do {
    let corpus = try GoldCorpus.load(directory: directory)
    if let show {
        for doc in corpus.documents where doc.file.contains(show) {
            let proposal = DocumentImporter.propose(doc.text, options: ImportOptions(issued: doc.issued))
            print(
                "\(doc.file): documents \(proposal.documents.map { "\($0.ref ?? "-") \($0.issued?.vietnamese ?? "-") \($0.issuer ?? "-") | \($0.title ?? "-")" })"
            )
            for d in proposal.deadlines {
                print(
                    "- \(d.due.map { $0.date.vietnamese } ?? d.recurrence?.rrule ?? "no date") [\(d.phrase)] unit \(d.unit ?? "none") \(d.unitParts)"
                )
                print("  task: \(d.task)")
            }
        }
    } else if tasks {
        var rows: [(Double, String)] = []
        for r in Evaluation(corpus).results {
            for (g, p) in r.matches {
                let (proposed, gold) = (r.proposals[p].task, r.document.deadlines[g].task)
                rows.append(
                    (Evaluation.taskOverlap(proposed, gold), "\(r.document.file)\n  gold: \(gold)\n  got:  \(proposed)")
                )
            }
        }
        for (score, row) in rows.sorted(by: { $0.0 < $1.0 }) {
            print("\((score * 100).rounded() / 100) \(row)")
        }
    } else {
        print(Evaluation(corpus).report(), terminator: "")
    }
} catch {
    let message = Array("import-eval: \(error)\n".utf8)
    _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

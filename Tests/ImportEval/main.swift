import ImportEvaluation

#if canImport(Glibc)
    import Glibc
#endif

// `make import-eval`: scores `deadlinectl import` on the corpus (default Tests/Fixtures/import-corpus).
let directory = CommandLine.arguments.dropFirst().first ?? "Tests/Fixtures/import-corpus"
do {
    let corpus = try GoldCorpus.load(directory: directory)
    print(Evaluation(corpus).report(), terminator: "")
} catch {
    let message = Array("import-eval: \(error)\n".utf8)
    _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

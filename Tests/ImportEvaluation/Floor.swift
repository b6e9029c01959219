import DeadlineConfig
import DeadlineKit

/// The lowest figures the importer may score on the corpus (`floor.toml`): raised when the importer improves, so
/// that a change that makes it worse fails `ImportCorpusTests`.
package struct Floor: Sendable {
    /// Per part (`all`, `heldout`): the least precision, recall, F1 and unit accuracy.
    package var figures: [Evaluation.Part: [String: Double]] = [:]
    /// The most duplicate proposals allowed.
    package var duplicates = 0

    package static func load(directory: String) throws(GoldError) -> Floor {
        let path = directory + "/floor.toml"
        let (document, diagnostics) = TOMLReader.parse(utf8: try GoldCorpus.readFile(path), file: path)
        if let error = diagnostics.first(where: { $0.severity == .error }) { throw GoldError(error.description) }
        var floor = Floor()
        for part in Evaluation.Part.allCases {
            guard let table = document.root[part.rawValue]?.value.tableValue else { continue }
            var values: [String: Double] = [:]
            for entry in table.entries {
                guard let v = entry.node.value.floatValue ?? entry.node.value.integerValue.map(Double.init) else {
                    throw GoldError("\(path): [\(part.rawValue)] \(entry.key) is not a number")
                }
                values[entry.key] = v
            }
            floor.figures[part] = values
        }
        floor.duplicates = Int(document.root["duplicates"]?.value.integerValue ?? 0)
        return floor
    }

    /// Each figure below its floor, as `heldout recall 0.71 < 0.80`.
    package func shortfalls(of evaluation: Evaluation) -> [String] {
        var out: [String] = []
        for part in Evaluation.Part.allCases {
            let s = evaluation.scores(part)
            let actual = ["precision": s.precision, "recall": s.recall, "f1": s.f1, "units": s.unitAccuracy]
            for (name, least) in (figures[part] ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let value = actual[name] else {
                    out.append("\(part.rawValue) \(name): no such figure (precision, recall, f1, units)")
                    continue
                }
                if value + 1e-9 < least { out.append("\(part.rawValue) \(name) \(value) < \(least)") }
            }
        }
        if evaluation.duplicates > duplicates { out.append("duplicates \(evaluation.duplicates) > \(duplicates)") }
        return out
    }
}

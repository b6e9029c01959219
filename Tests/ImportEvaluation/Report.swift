import DeadlineImport

extension Evaluation {
    /// The figures as `make import-eval` prints them: overall (all, development, held-out documents), per phrasing
    /// class, then each miss and each false proposal.
    package func report() -> String {
        var out = "Import corpus: \(results.count) documents (\(results.filter(\.document.heldout).count) held out), "
        out += "\(scores().gold) deadlines, \(listedNonDeadlines().values.reduce(0, +)) listed not-deadlines\n\n"
        out +=
            pad("", 14) + pad("gold", 6) + pad("found", 7) + pad("proposed", 10) + pad("precision", 11)
            + pad("recall", 8) + pad("F1", 7) + pad("units", 7) + "task words\n"
        for part in Part.allCases {
            let s = scores(part)
            out +=
                pad(part.rawValue, 14) + pad("\(s.gold)", 6) + pad("\(s.matched)", 7) + pad("\(s.proposed)", 10)
                + pad(fmt(s.precision), 11) + pad(fmt(s.recall), 8) + pad(fmt(s.f1), 7) + pad(fmt(s.unitAccuracy), 7)
                + fmt(s.meanTaskOverlap) + "\n"
        }
        out += "duplicate proposals (same sentence, same date): \(duplicates)\n\n"
        out += "By phrasing class (all documents)\n"
        out +=
            pad("class", 24) + pad("gold", 6) + pad("found", 7) + pad("proposed", 10) + pad("precision", 11)
            + pad("recall", 8) + pad("F1", 7) + "units\n"
        let listed = listedNonDeadlines()
        for (name, s) in classScores() {
            if name.hasPrefix("not: ") {
                let key = String(name.dropFirst(5))
                out +=
                    pad(name, 24) + pad("\(listed[key] ?? 0)", 6) + pad("-", 7) + pad("\(s.proposed)", 10)
                    + "(false proposals)\n"
            } else {
                out +=
                    pad(name, 24) + pad("\(s.gold)", 6) + pad("\(s.matched)", 7) + pad("\(s.proposed)", 10)
                    + pad(fmt(s.precision), 11) + pad(fmt(s.recall), 8) + pad(fmt(s.f1), 7) + fmt(s.unitAccuracy) + "\n"
            }
        }
        out += "\nMisses (gold deadlines not proposed with their date)\n"
        for r in results {
            for (g, gold) in r.document.deadlines.enumerated() where r.matches[g] == nil {
                let inSentence = r.proposals.filter { Self.overlaps($0, gold.span) }.map {
                    Self.describe(Self.expected(of: $0))
                }
                out +=
                    "  \(r.document.file) [\(gold.phraseClass)] \"\(gold.fragment)\": want \(Self.describe(gold.expected))"
                out +=
                    inSentence.isEmpty ? ", nothing proposed\n" : ", proposed \(inSentence.joined(separator: ", "))\n"
            }
        }
        out += "\nWrong units (gold deadlines found, unit not the one written)\n"
        for r in results {
            for (g, p) in r.matches.sorted(by: { $0.key < $1.key })
            where !Self.unitRight(r.proposals[p], r.document.deadlines[g]) {
                let gold = r.document.deadlines[g]
                let got = r.proposals[p].unit.map { "\"\($0)\"" } ?? "none"
                out +=
                    "  \(r.document.file) \"\(gold.fragment)\": want \"\(gold.units.joined(separator: " | "))\", got \(got)\n"
            }
        }
        out += "\nFalse proposals\n"
        for r in results {
            for f in r.falseProposals {
                let p = r.proposals[f.proposal]
                out +=
                    "  \(r.document.file) [\(f.phraseClass)] \(Self.describe(Self.expected(of: p))) from \"\(p.phrase)\" in \"\(excerpt(p.sentence))\"\n"
            }
        }
        return out
    }

    private func fmt(_ x: Double) -> String {
        let hundredths = Int((x * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count)
    }

    private func excerpt(_ s: String) -> String {
        s.count <= 110 ? s : String(s.prefix(107)) + "..."
    }
}

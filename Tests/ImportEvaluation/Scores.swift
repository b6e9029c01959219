import DeadlineImport
/// Counts and the figures made from them, for a set of documents or a phrasing class.
package struct Scores: Sendable, Hashable {
    package var gold = 0
    package var proposed = 0
    package var matched = 0
    package var unitsRight = 0
    package var taskOverlap = 0.0

    package var precision: Double { proposed == 0 ? 1 : Double(matched) / Double(proposed) }
    package var recall: Double { gold == 0 ? 1 : Double(matched) / Double(gold) }
    package var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    package var unitAccuracy: Double { matched == 0 ? 1 : Double(unitsRight) / Double(matched) }
    package var meanTaskOverlap: Double { matched == 0 ? 0 : taskOverlap / Double(matched) }
}

extension Evaluation {
    /// Which documents a figure covers.
    package enum Part: String, Sendable, CaseIterable {
        case all, development, heldout
    }

    /// Overall scores over `part`.
    package func scores(_ part: Part = .all) -> Scores {
        var s = Scores()
        for r in results where include(r, part) {
            s.gold += r.document.deadlines.count
            s.proposed += r.proposals.count
            for (g, p) in r.matches {
                s.matched += 1
                if Self.unitRight(r.proposals[p], r.document.deadlines[g]) { s.unitsRight += 1 }
                s.taskOverlap += Self.taskOverlap(r.proposals[p].task, r.document.deadlines[g].task)
            }
        }
        return s
    }

    /// Scores per phrasing class of the gold deadlines (proposals: the matches and the wrong dates in their
    /// sentences), and for the not-deadline classes the number of false proposals in them.
    package func classScores(_ part: Part = .all) -> [(phraseClass: String, scores: Scores)] {
        var table: [String: Scores] = [:]
        for r in results where include(r, part) {
            for (g, gold) in r.document.deadlines.enumerated() {
                table[gold.phraseClass, default: Scores()].gold += 1
                if let p = r.matches[g] {
                    table[gold.phraseClass, default: Scores()].matched += 1
                    table[gold.phraseClass, default: Scores()].proposed += 1
                    if Self.unitRight(r.proposals[p], gold) {
                        table[gold.phraseClass, default: Scores()].unitsRight += 1
                    }
                }
            }
            for n in r.document.nonDeadlines { table["not: " + n.phraseClass, default: Scores()].gold += 0 }
            for f in r.falseProposals {
                let isDeadlineClass = r.document.deadlines.contains {
                    $0.phraseClass == f.phraseClass && Self.overlaps(r.proposals[f.proposal], $0.span)
                }
                table[(isDeadlineClass ? "" : "not: ") + f.phraseClass, default: Scores()].proposed += 1
            }
        }
        return table.keys.sorted().map { ($0, table[$0]!) }
    }

    /// Listed not-deadlines per class, over `part`.
    package func listedNonDeadlines(_ part: Part = .all) -> [String: Int] {
        var counts: [String: Int] = [:]
        for r in results where include(r, part) {
            for n in r.document.nonDeadlines { counts[n.phraseClass, default: 0] += 1 }
        }
        return counts
    }

    /// Proposals that repeat another of their sentence's.
    package var duplicates: Int { results.reduce(0) { $0 + $1.duplicates } }

    func include(_ r: DocumentResult, _ part: Part) -> Bool {
        switch part {
        case .all: return true
        case .development: return !r.document.heldout
        case .heldout: return r.document.heldout
        }
    }
}

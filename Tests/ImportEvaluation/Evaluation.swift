package import DeadlineImport
import DeadlineKit

/// The importer's proposals on the corpus scored against the gold file, deadline by deadline.
///
/// A proposal matches a gold deadline when its sentence holds the gold's quoted part and its due date (written as
/// `10/12/2020`, `12/2020`, `Q4/2020`, `H2/2020` or `2020`) or recurrence rule is the gold's. Every other proposal
/// is false; it is put in the class of the gold deadline whose sentence it is in (a wrong date), else of the
/// listed not-deadline it is in, else `unlisted`. A unit is right when its words (folded, `và` and punctuation
/// left out) are the gold's, or the text names nobody and nothing was proposed.
package struct Evaluation: Sendable {
    /// One document's result.
    package struct DocumentResult: Sendable {
        package let document: GoldDocument
        package let proposals: [ProposedDeadline]
        /// Gold deadline index -> matching proposal index.
        package let matches: [Int: Int]
        /// Proposals that match nothing, with the class they fall in.
        package let falseProposals: [(proposal: Int, phraseClass: String)]
        /// Proposals that repeat another of the same sentence with the same date.
        package let duplicates: Int
    }

    package let results: [DocumentResult]

    /// Runs the importer on each document (with its `issued`, as `--issued` would give it) and scores it.
    package init(_ corpus: GoldCorpus) {
        results = corpus.documents.map(Self.score)
    }

    static func score(_ doc: GoldDocument) -> DocumentResult {
        let proposal = DocumentImporter.propose(doc.text, options: ImportOptions(issued: doc.issued))
        let proposals = proposal.deadlines
        var matches: [Int: Int] = [:]
        var used: Set<Int> = []
        for (g, gold) in doc.deadlines.enumerated() {
            for (p, candidate) in proposals.enumerated() where !used.contains(p) {
                guard overlaps(candidate, gold.span), expected(of: candidate) == gold.expected else { continue }
                matches[g] = p
                used.insert(p)
                break
            }
        }
        var falseProposals: [(Int, String)] = []
        for (p, candidate) in proposals.enumerated() where !used.contains(p) {
            let phraseClass =
                doc.deadlines.first { overlaps(candidate, $0.span) }?.phraseClass
                ?? doc.nonDeadlines.first { overlaps(candidate, $0.span) }?.phraseClass ?? "unlisted"
            falseProposals.append((p, phraseClass))
        }
        var seen: Set<String> = []
        var duplicates = 0
        for candidate in proposals
        where !seen.insert("\(candidate.offset) \(describe(expected(of: candidate)))").inserted {
            duplicates += 1
        }
        return DocumentResult(
            document: doc, proposals: proposals, matches: matches, falseProposals: falseProposals,
            duplicates: duplicates)
    }

    static func overlaps(_ p: ProposedDeadline, _ span: Range<Int>) -> Bool {
        (p.offset..<(p.offset + max(1, p.sentenceLength))).overlaps(span)
    }

    /// A proposal's date in the gold file's notation.
    static func expected(of p: ProposedDeadline) -> GoldDeadline.Expected? {
        if let r = p.recurrence { return .recurrence(r.rrule) }
        guard let due = p.due else { return nil }
        let d = due.date
        let mm = (d.month < 10 ? "0" : "") + "\(d.month)"
        switch due.granularity {
        case .day: return .due(d.vietnamese)
        case .month: return .due("\(mm)/\(d.year)")
        case .quarter: return .due("Q\(d.month / 3)/\(d.year)")
        case .halfYear: return .due("H\(d.month / 6)/\(d.year)")
        case .year: return .due("\(d.year)")
        }
    }

    static func describe(_ e: GoldDeadline.Expected?) -> String {
        switch e {
        case .due(let d): return d
        case .recurrence(let r): return r
        case nil: return "no date"
        }
    }

    /// Whether the proposal names the gold's units.
    static func unitRight(_ p: ProposedDeadline, _ gold: GoldDeadline) -> Bool {
        guard !gold.units.isEmpty else { return p.unit == nil }
        guard let unit = p.unit else { return false }
        let want = unitKey(gold.units.joined(separator: " "))
        return unitKey(p.unitParts.joined(separator: " ")) == want || unitKey(unit) == want
    }

    static func unitKey(_ text: String) -> [String] {
        UnitNameMatcher.normalised(text).filter { $0 != "va" }
    }

    /// Words of the gold task found in the proposed one, and of the proposed one found in the gold (an F1).
    package static func taskOverlap(_ proposed: String, _ gold: String) -> Double {
        let a = VietnameseFolding.words(proposed)
        let b = VietnameseFolding.words(gold)
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let common = Double(Set(a).intersection(Set(b)).count)
        let precision = common / Double(Set(a).count)
        let recall = common / Double(Set(b).count)
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
}

package import DeadlineKit

/// "did you mean ...?" for near misses: the closest candidate within a small edit distance.
package enum Suggestions {
    package static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            let c = Array(candidate.lowercased().unicodeScalars)
            let d = distance(w, c)
            let allowed = max(1, min(3, max(w.count, c.count) / 3))
            if d <= allowed, d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// `; did you mean 'x'?` or the empty string.
    package static func hint(for word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// ``hint(for:in:)`` as a catalog phrase: `common.didYouMean`, or nothing.
    package static func hintPhrase(for word: String, in candidates: some Sequence<String>) -> Phrase {
        guard let suggestion = closest(to: word, in: candidates) else { return .empty }
        return Phrase("; did you mean '\(suggestion)'?", "common.didYouMean", ["suggestion": suggestion])
    }

    /// Damerau-Levenshtein distance (adjacent transpositions count as one edit).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}

import DeadlineKit

/// Matches unit names as a document writes them against the configured units (`[units.ID] name = ...`),
/// ignoring accents, case, punctuation and the usual abbreviations (`UBND`, `TP`, `HĐND`, `KH&ĐT`).
///
/// A written name matches a unit when, after folding, it is the same as the unit's name (best), the same up to a
/// qualifier such as `trực thuộc ...`, `có liên quan`, `của thành phố` (good), or when the written name, cut at such
/// a qualifier, is at least three words long and begins the unit's (`các sở, ban, ngành có liên quan` and `Các sở,
/// ban, ngành, cơ quan, đơn vị trực thuộc UBND Thành phố`). A tie between units at the best level is no match.
package struct UnitNameMatcher: Sendable {
    /// One written name and the unit it matched, if any.
    package struct Match: Sendable, Hashable {
        /// The name as written.
        package let written: String
        /// The matched unit's id, or nil.
        package let id: String?
        /// With no match: the units that matched equally well (two or more), for the admin to choose from.
        package var tied: [String] = []
    }

    private let units: [(id: String, key: [String], core: [String])]

    /// - Parameter units: (id, name) of each configured unit.
    package init(units: [(id: String, name: String)]) {
        self.units = units.map { ($0.id, Self.normalised($0.name), Self.core(Self.normalised($0.name))) }
    }

    /// The id of the unit `written` names, or nil when none (or more than one equally) matches.
    package func match(_ written: String) -> String? {
        let ids = candidates(written)
        return ids.count == 1 ? ids[0] : nil
    }

    /// The units that match `written` best: one, none, or several that match it equally well.
    package func candidates(_ written: String) -> [String] {
        let key = Self.normalised(written)
        let core = Self.core(key)
        guard !key.isEmpty else { return [] }
        var best: (score: Int, ids: [String]) = (0, [])
        for unit in units {
            var score = 0
            if unit.key == key {
                score = 3
            } else if !core.isEmpty, unit.core == core {
                score = 2
            } else if core.count >= 3, unit.core.starts(with: core) {
                score = 1
            }
            if score > best.score {
                best = (score, [unit.id])
            } else if score > 0, score == best.score {
                best.ids.append(unit.id)
            }
        }
        return best.ids
    }

    /// Each unit a responsible-unit phrase names: each of its parts when it has several (`A và B`), else the whole
    /// phrase; a part that does not match is tried as a comma-separated list whose every item matches.
    package func matchAll(unit: String, parts: [String]) -> [Match] {
        var result: [Match] = []
        for part in parts.count > 1 ? parts : [unit] {
            let whole = candidates(part)
            if whole.count == 1 {
                result.append(Match(written: part, id: whole[0]))
                continue
            }
            let items = part.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
            let ids = items.map(match)
            if items.count > 1, ids.allSatisfy({ $0 != nil }) {
                result += zip(items, ids).map { Match(written: $0, id: $1) }
            } else {
                result.append(Match(written: part, id: nil, tied: whole))
            }
        }
        return result
    }

    private static let abbreviations: [String: [String]] = [
        "ubnd": ["uy", "ban", "nhan", "dan"], "hdnd": ["hoi", "dong", "nhan", "dan"], "tp": ["thanh", "pho"],
        "mttq": ["mat", "tran", "to", "quoc"], "ubmttq": ["uy", "ban", "mat", "tran", "to", "quoc"],
        "khdt": ["ke", "hoach", "va", "dau", "tu"], "tc": ["tai", "chinh"], "nv": ["noi", "vu"],
    ]
    private static let dropped: Set<String> = ["cac", "nhung"]
    private static let qualifiers: [[String]] = [
        ["truc", "thuoc"], ["co", "lien", "quan"], ["lien", "quan"], ["cua"], ["thuoc"], ["tren", "dia", "ban"],
    ]

    /// Folded words, abbreviations spelt out, `các`/`những` dropped; `KH&ĐT` becomes `ke hoach va dau tu`.
    package static func normalised(_ name: String) -> [String] {
        var words = VietnameseFolding.words(name)
        for i in words.indices.dropLast() where words[i] == "kh" && words[i + 1] == "dt" {
            words[i] = "khdt"
            words[i + 1] = ""
        }
        return words.filter { !$0.isEmpty && !dropped.contains($0) }.flatMap { abbreviations[$0] ?? [$0] }
    }

    /// The words before the first qualifier.
    static func core(_ words: [String]) -> [String] {
        for i in words.indices where i > 0 {
            for q in qualifiers where words[i...].starts(with: q) { return Array(words[..<i]) }
        }
        return words
    }
}

import DeadlineKit

/// Vietnamese text without accents or case, for comparing names the way people read them: `Sở Kế hoạch và Đầu tư`
/// and `SO KE HOACH VA DAU TU` fold to the same words.
package enum VietnameseFolding {
    private static let table: [Character: Character] = {
        var map: [Character: Character] = ["đ": "d"]
        let groups: [(Character, String)] = [
            ("a", "àáảãạăằắẳẵặâầấẩẫậ"), ("e", "èéẻẽẹêềếểễệ"), ("i", "ìíỉĩị"), ("o", "òóỏõọôồốổỗộơờớởỡợ"),
            ("u", "ùúủũụưừứửữự"), ("y", "ỳýỷỹỵ"),
        ]
        for (base, letters) in groups {
            for letter in letters { map[letter] = base }
        }
        return map
    }()

    /// Lowercased, without diacritics (`đ` as `d`); other characters are kept. The input should be NFC.
    package static func fold(_ text: String) -> String {
        String(text.lowercased().map { table[$0] ?? $0 })
    }

    /// The folded words of `text`: letters and digits only, everything else a separator.
    package static func words(_ text: String) -> [String] {
        fold(text).split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    /// Whether `c` is a letter that Vietnamese uses and Western European languages do not (`ă`, `đ`, `ơ`, `ư`,
    /// `ạ`, `ế`...). Expects a precomposed (NFC) character.
    package static func isVietnameseLetter(_ c: Character) -> Bool {
        guard let lower = c.lowercased().first, table[lower] != nil else { return false }
        return !"àáâãèéêìíòóôõùúý".contains(lower)
    }

    /// A comparison key: the folded words joined by single spaces.
    package static func key(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// An ASCII slug of at most `maxWords` words: `[a-z0-9]` runs joined by `-`.
    package static func slug(_ text: String, maxWords: Int = .max) -> String {
        let ascii = words(text).map { String($0.unicodeScalars.filter { $0.isASCIILetter || $0.asciiDigit != nil }) }
        return ascii.filter { !$0.isEmpty }.prefix(maxWords).joined(separator: "-")
    }
}

/// Numbers written in digits or in Vietnamese words: `15`, `mười lăm`, `hai mươi mốt`, `tháng tư`, `quý một`.
enum VietnameseNumbers {
    static let digits: [String: Int] = [
        "một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
    ]

    /// The number at token `i` and how many tokens it takes, or nil.
    ///
    /// `năm` (five, but also "year"), `tư` (four, also "private"), `giêng` (the first month) and `chạp` (the last)
    /// are read alone only where a month or quarter number is expected (`monthContext`); after `mười`/`mươi`,
    /// five is `lăm` and one may be `mốt`, so `mười năm` (ten years) is not fifteen.
    static func parse(_ t: [ImportToken], at i: Int, monthContext: Bool = false) -> (value: Int, length: Int)? {
        guard i >= 0, i < t.count else { return nil }
        if let v = t[i].value { return (v, 1) }
        guard let w = t.word(i) else { return nil }
        if w == "mười" {
            if let next = t.word(i + 1), let u = unitAfterTen(next) { return (10 + u, 2) }
            return (10, 1)
        }
        if let u = digits[w], u >= 2, t.word(i + 1) == "mươi" {
            if let next = t.word(i + 2), let v = unitAfterTen(next) { return (u * 10 + v, 3) }
            return (u * 10, 2)
        }
        if monthContext {
            if w == "giêng" { return (1, 1) }
            if w == "chạp" { return (12, 1) }
        }
        if let u = digits[w], monthContext || (w != "năm" && w != "tư") { return (u, 1) }
        return nil
    }

    private static func unitAfterTen(_ word: String) -> Int? {
        switch word {
        case "lăm", "nhăm": return 5
        case "mốt": return 1
        case "năm": return nil
        default: return digits[word]
        }
    }

    /// `I`, `II`, `III`, `IV` (for quarters), lowercased.
    static func roman(_ word: String) -> Int? {
        ["i": 1, "ii": 2, "iii": 3, "iv": 4][word]
    }
}

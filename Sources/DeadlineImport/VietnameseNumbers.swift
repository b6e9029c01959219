import DeadlineKit

/// Numbers written in digits or in Vietnamese words: `15`, `mười lăm`, `hai mươi mốt`, `tháng tư`, `quý một`, and
/// years (`năm hai nghìn không trăm hai mươi hai`).
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

    /// A year in words, as a date written out in full has it after `năm`: `hai nghìn không trăm hai mươi hai`
    /// (2022), `hai nghìn hai mươi mốt` (2021, the spoken short form), `hai nghìn không trăm linh năm` (2005),
    /// `một nghìn chín trăm chín mươi` (1990); `ngàn` for `nghìn`, `lẻ` for `linh`. The year (1900–2199) and how
    /// many tokens it takes, or nil.
    static func year(_ t: [ImportToken], at i: Int) -> (value: Int, length: Int)? {
        guard let w = t.word(i), let thousands = digits[w], thousands <= 2,
            let n = t.word(i + 1), n == "nghìn" || n == "ngàn"
        else { return nil }
        var value = thousands * 1000
        var k = i + 2
        var hundredsSaid = false
        if let w = t.word(k), let h = w == "không" ? 0 : digits[w], t.word(k + 1) == "trăm" {
            value += h * 100
            k += 2
            hundredsSaid = true
        }
        if let w = t.word(k), w == "linh" || w == "lẻ", let u = t.word(k + 1).flatMap({ digits[$0] }) {
            value += u
            k += 2
        } else if let (tens, l) = parse(t, at: k), tens >= 10 || hundredsSaid, tens < 100 {
            value += tens
            k += l
        }
        guard (1900...2199).contains(value) else { return nil }
        return (value, k - i)
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

import DeadlineKit

/// A date, period or year range written in a sentence: tokens `start..<end`.
struct DateMention: Hashable {
    enum Value: Hashable {
        /// `10/12/2020`, `ngày 30/1`, `15 giờ ngày 10/12/2020`, `ngày mười lăm tháng mười hai`.
        case day(day: Int, month: Int, year: Int?, time: TimeOfDay?)
        /// `ngày 20` alone: only meaningful in a recurring form (`hằng tháng trước ngày 20`).
        case dayOfMonth(Int)
        /// `tháng 12/2020`, `tháng 1 năm 2021`, `tháng 9 tới` (upcoming).
        case month(Int, year: Int?, upcoming: Bool)
        /// `quý I/2024`, `quí 3-2024`, `quý một`.
        case quarter(Int, year: Int?)
        /// `6 tháng đầu năm 2024` (1), `6 tháng cuối năm` (2).
        case half(Int, year: Int?)
        /// `năm 2024`; nil for `năm nay` (the document's year).
        case year(Int?)
        /// `Tết Nguyên đán 2024`, `Tết Giáp Thìn` (a year of the 60-year cycle, as its residue), or plain `Tết`.
        case tet(lunarYear: Int?, cycle: Int?)
        /// `2020-2025`, `2025 – 2030`: a term or a stage, never a deadline.
        case yearRange(Int, Int)
        /// `30 ngày`, `10 ngày làm việc (kể từ ngày nhận được văn bản)`: counted from the document's date.
        /// `countable` is false when counted from an event the text does not date (`kể từ ngày đoàn về nước`).
        case relative(days: Int, working: Bool, countable: Bool)
    }

    var value: Value
    var start: Int
    var end: Int
}

/// Finds ``DateMention``s in a sentence's tokens.
enum DateMentionParser {
    /// Every mention, left to right, not overlapping; reference numbers such as `97/2019/QH14` are skipped.
    static func all(_ t: [ImportToken]) -> [DateMention] {
        var result: [DateMention] = []
        var i = 0
        while i < t.count {
            if let end = referenceRun(t, at: i) {
                i = end
            } else if let m = parse(t, at: i) {
                result.append(m)
                i = m.end
            } else {
                i += 1
            }
        }
        return result
    }

    /// The end of a reference number starting at `i` (`04-KH/TU`, `5418/UBND-TKBT`): a run of tokens without
    /// spaces that holds a `/` and a word of two or more letters.
    static func referenceRun(_ t: [ImportToken], at i: Int) -> Int? {
        guard i == 0 || !t[i - 1].touches(t[i]), t[i].kind != .punctuation else { return nil }
        var j = i + 1
        while j < t.count, t[j - 1].touches(t[j]) { j += 1 }
        let run = t[i..<j]
        guard run.contains(where: { $0.text == "/" }), run.contains(where: { $0.kind == .word && $0.text.count >= 2 })
        else { return nil }
        return j
    }

    static func parse(_ t: [ImportToken], at i: Int) -> DateMention? {
        guard i >= 0, i < t.count else { return nil }
        return yearRange(t, i) ?? timeThenDay(t, i) ?? day(t, i) ?? half(t, i) ?? month(t, i) ?? quarter(t, i)
            ?? year(t, i) ?? endOf(t, i) ?? tet(t, i) ?? relative(t, i)
    }

    // MARK: Pieces

    static func year4(_ t: [ImportToken], _ i: Int) -> Int? {
        guard i >= 0, i < t.count, t[i].kind == .number, t[i].text.count == 4, let y = t[i].value,
            (1900...2199).contains(y)
        else { return nil }
        return y
    }

    /// The year after `năm` at `i`: four digits, or words (`hai nghìn không trăm hai mươi hai`); with its length.
    static func yearAfterNăm(_ t: [ImportToken], _ i: Int) -> (value: Int, length: Int)? {
        if let y = year4(t, i) { return (y, 1) }
        return VietnameseNumbers.year(t, at: i)
    }

    /// Whether tokens `i` and `i + 1` are joined by no space and `i` is one of `marks`.
    private static func joinedMark(_ t: [ImportToken], _ i: Int, _ marks: String) -> Bool {
        t.isMark(i, marks) && i > 0 && i + 1 < t.count && t[i - 1].touches(t[i]) && t[i].touches(t[i + 1])
    }

    private static func yearRange(_ t: [ImportToken], _ i: Int) -> DateMention? {
        guard let y1 = year4(t, i), t.isMark(i + 1, "-–—"), let y2 = year4(t, i + 2), y2 > y1 else { return nil }
        return DateMention(value: .yearRange(y1, y2), start: i, end: i + 3)
    }

    /// Day, month and maybe year at `j`: `10/12/2020`, `5-12-2022`, `10.1.2023`, `30/1`, `31 tháng 12 năm 2024`.
    static func dayCore(_ t: [ImportToken], _ j: Int) -> (day: Int, month: Int, year: Int?, end: Int)? {
        guard let (d, dl) = VietnameseNumbers.parse(t, at: j), (1...31).contains(d) else { return nil }
        var k = j + dl
        if t.word(k) == "và", let later = dayCore(t, k + 1) { return later }  // ngày 23 và 24/11/2023
        if dl == 1, t[j].kind == .number, t[j].text.count <= 2, joinedMark(t, k, "/-."), t[k + 1].kind == .number,
            t[k + 1].text.count <= 2, let m = t[k + 1].value, (1...12).contains(m)
        {
            k += 2
            var year: Int?
            if joinedMark(t, k, "/-.") {
                guard let y = year4(t, k + 1) else { return nil }  // 1.2.3 or 10/12/20: not a date
                year = y
                k += 2
            }
            if joinedMark(t, k, "/-"), t[k + 1].kind == .word { return nil }  // 12/2021/NĐ-CP: a reference
            return valid(d, m, year) ? (d, m, year, k) : nil
        }
        guard t.word(k) == "tháng", let (m, ml) = VietnameseNumbers.parse(t, at: k + 1, monthContext: true),
            (1...12).contains(m)
        else { return nil }
        k += 1 + ml
        var year: Int?
        if t.word(k) == "năm", let (y, l) = yearAfterNăm(t, k + 1) {
            year = y
            k += 1 + l
        } else if joinedMark(t, k, "/-"), let y = year4(t, k + 1) {
            year = y
            k += 2
        }
        return valid(d, m, year) ? (d, m, year, k) : nil
    }

    private static func valid(_ d: Int, _ m: Int, _ y: Int?) -> Bool {
        if let y { return CivilDate(year: y, month: m, day: d) != nil }
        return d <= (m == 2 ? 29 : CivilDate.daysIn(month: m, year: 2001))
    }

    private static func day(_ t: [ImportToken], _ i: Int) -> DateMention? {
        var j = i
        let prefixed = ["ngày", "mùng", "mồng"].contains(t.word(i) ?? "")
        if prefixed {
            j += 1
            if ["mùng", "mồng"].contains(t.word(j) ?? "") { j += 1 }
        }
        if let core = dayCore(t, j) {
            return DateMention(
                value: .day(day: core.day, month: core.month, year: core.year, time: nil), start: i, end: core.end)
        }
        guard prefixed, let (d, dl) = VietnameseNumbers.parse(t, at: j), (1...31).contains(d), !t.isMark(j + dl, "/")
        else { return nil }
        return DateMention(value: .dayOfMonth(d), start: i, end: j + dl)
    }

    /// `15 giờ ngày 10/12/2020`, `15h30 10/12/2020`, `15:00, ngày 10/12/2020`.
    private static func timeThenDay(_ t: [ImportToken], _ i: Int) -> DateMention? {
        guard t[i].kind == .number, t[i].text.count <= 2, let h = t[i].value, h <= 23 else { return nil }
        var k = i + 1
        var minute = 0
        if t.word(k) == "giờ" {
            k += 1
            if k < t.count, t[k].kind == .number, t[k].text.count <= 2, let mm = t[k].value {
                minute = mm
                k += 1
                if t.word(k) == "phút" { k += 1 }
            }
        } else if t.word(k) == "h", t[i].touches(t[k]) {
            k += 1
            if k < t.count, t[k - 1].touches(t[k]), t[k].kind == .number, let mm = t[k].value {
                minute = mm
                k += 1
            }
        } else if joinedMark(t, k, ":"), t[k + 1].text.count == 2, let mm = t[k + 1].value {
            minute = mm
            k += 2
        } else {
            return nil
        }
        guard let time = TimeOfDay(hour: h, minute: minute) else { return nil }
        if t.isMark(k, ",") { k += 1 }
        guard let d = day(t, k), case .day(let dd, let mm, let yy, nil) = d.value else { return nil }
        return DateMention(value: .day(day: dd, month: mm, year: yy, time: time), start: i, end: d.end)
    }

    private static func half(_ t: [ImportToken], _ i: Int) -> DateMention? {
        var k: Int
        var h: Int
        if (t[i].kind == .number && t[i].value == 6) || t.word(i) == "sáu", t.word(i + 1) == "tháng",
            let w = t.word(i + 2), w == "đầu" || w == "cuối", t.word(i + 3) == "năm"
        {
            h = w == "đầu" ? 1 : 2
            k = i + 4
        } else if t.word(i) == "nửa", let w = t.word(i + 1), w == "đầu" || w == "cuối", t.word(i + 2) == "năm" {
            h = w == "đầu" ? 1 : 2
            k = i + 3
        } else if t.word(i) == "h", i + 1 < t.count, t[i].touches(t[i + 1]), let n = t[i + 1].value,
            (1...2).contains(n),
            joinedMark(t, i + 2, "/-"), let y = year4(t, i + 3)
        {
            return DateMention(value: .half(n, year: y), start: i, end: i + 4)
        } else {
            return nil
        }
        let y = yearAfterNăm(t, k)
        k += y?.length ?? 0
        return DateMention(value: .half(h, year: y?.value), start: i, end: k)
    }

    private static func month(_ t: [ImportToken], _ i: Int) -> DateMention? {
        guard t.word(i) == "tháng", let (m, ml) = VietnameseNumbers.parse(t, at: i + 1, monthContext: true),
            (1...12).contains(m)
        else { return nil }
        var k = i + 1 + ml
        var year: Int?
        if joinedMark(t, k, "/-"), let y = year4(t, k + 1) {
            year = y
            k += 2
        } else if t.word(k) == "năm", let (y, l) = yearAfterNăm(t, k + 1) {
            year = y
            k += 1 + l
        }
        // A list of months sharing a year: `tháng 11, tháng 12 năm 2025` is due with its last month.
        if year == nil, t.isMark(k, ",") || t.word(k) == "và", t.word(k + 1) == "tháng", let next = month(t, k + 1),
            case .month(let m2, let y2?, _) = next.value
        {
            return DateMention(value: .month(m2, year: y2, upcoming: false), start: i, end: next.end)
        }
        var upcoming = false
        if year == nil, t.word(k) == "tới" {
            upcoming = true
            k += 1
        } else if year == nil, t.word(k) == "sắp", t.word(k + 1) == "tới" {
            upcoming = true
            k += 2
        }
        return DateMention(value: .month(m, year: year, upcoming: upcoming), start: i, end: k)
    }

    private static func quarter(_ t: [ImportToken], _ i: Int) -> DateMention? {
        var k: Int
        var q: Int
        if t.word(i) == "quý" {
            if i + 1 < t.count, t[i + 1].kind == .number, t[i + 1].text.count == 1, let v = t[i + 1].value {
                (q, k) = (v, i + 2)
            } else if let w = t.word(i + 1), let r = VietnameseNumbers.roman(w) {
                (q, k) = (r, i + 2)
            } else if let (v, l) = VietnameseNumbers.parse(t, at: i + 1, monthContext: true) {
                (q, k) = (v, i + 1 + l)
            } else {
                return nil
            }
        } else if t.word(i) == "q", i + 1 < t.count, t[i].touches(t[i + 1]), let v = t[i + 1].value {
            (q, k) = (v, i + 2)
        } else {
            return nil
        }
        guard (1...4).contains(q) else { return nil }
        var year: Int?
        if joinedMark(t, k, "/-"), let y = year4(t, k + 1) {
            year = y
            k += 2
        } else if t.word(k) == "năm", let (y, l) = yearAfterNăm(t, k + 1) {
            year = y
            k += 1 + l
        }
        return DateMention(value: .quarter(q, year: year), start: i, end: k)
    }

    private static func year(_ t: [ImportToken], _ i: Int) -> DateMention? {
        guard t.word(i) == "năm" else { return nil }
        if let (y, l) = yearAfterNăm(t, i + 1) {
            if let range = yearRange(t, i + 1) { return DateMention(value: range.value, start: i, end: range.end) }
            return DateMention(value: .year(y), start: i, end: i + 1 + l)
        }
        return t.word(i + 1) == "nay" ? DateMention(value: .year(nil), start: i, end: i + 2) : nil
    }

    /// `cuối năm 2023`, `cuối tháng 6`, `cuối quý II/2024`: the period itself (its last day).
    private static func endOf(_ t: [ImportToken], _ i: Int) -> DateMention? {
        guard t.word(i) == "cuối" else { return nil }
        if t.word(i + 1) == "năm" {
            let y = yearAfterNăm(t, i + 2)
            return DateMention(value: .year(y?.value), start: i, end: i + 2 + (y?.length ?? 0))
        }
        guard let inner = month(t, i + 1) ?? quarter(t, i + 1) else { return nil }
        return DateMention(value: inner.value, start: i, end: inner.end)
    }

    /// Documents whose receipt, signing or issue starts a count (`kể từ ngày nhận được văn bản này`).
    private static let countStarts = ImportLexicon.phrases(
        "nhận được văn bản", "nhận được công văn", "nhận được kế hoạch", "nhận được thông báo", "nhận được quyết định",
        "nhận được chỉ thị", "nhận văn bản", "nhận được", "ký", "ban hành")

    /// `30 ngày`, `05 ngày làm việc`, `mười ngày`, then maybe `, kể từ ngày nhận được văn bản này`.
    private static func relative(_ t: [ImportToken], _ i: Int) -> DateMention? {
        guard let (n, l) = VietnameseNumbers.parse(t, at: i), (1...365).contains(n), t.word(i + l) == "ngày",
            t.word(i - 1) != "ngày"
        else { return nil }
        var k = i + l + 1
        let working = t.has("làm việc", at: k)
        if working { k += 2 }
        var countable = true
        var j = k
        if t.isMark(j, ",") { j += 1 }
        if t.has("kể từ", at: j) {
            j += 2
            if t.word(j) == "ngày" { j += 1 }
            if let m = t.longestMatch(countStarts, at: j) {
                j += m
                // The object of the verb: `văn bản này`, `Kế hoạch`, up to the next mark.
                var e = j
                while e < t.count, e < j + 4, t[e].kind == .word, t.predicateStarter(at: e) == nil { e += 1 }
                if let w = t.word(e - 1), w == "này" || !ImportLexicon.documentKinds.ending(with: w).isEmpty {
                    j = e
                } else if e > j, t.word(j - 1) == "được" || t.word(j - 1) == "nhận" {
                    // The receipt of something else (`nhận được hồ sơ`, `nhận được đơn`): an event the text does
                    // not date.
                    countable = false
                    j = e
                }
            } else {
                countable = false
                while j < t.count, !t.isMark(j, ",.;:"), t.predicateStarter(at: j) == nil || t.word(j) == "được" {
                    j += 1
                }
            }
            k = j
        }
        return DateMention(value: .relative(days: n, working: working, countable: countable), start: i, end: k)
    }

    private static func tet(_ t: [ImportToken], _ i: Int) -> DateMention? {
        guard t.word(i) == "tết" else { return nil }
        var k = i + 1
        if t.has("nguyên đán", at: k) || t.has("âm lịch", at: k) { k += 2 }
        if let y = year4(t, k) { return DateMention(value: .tet(lunarYear: y, cycle: nil), start: i, end: k + 1) }
        if t.word(k) == "năm", let (y, l) = yearAfterNăm(t, k + 1) {
            return DateMention(value: .tet(lunarYear: y, cycle: nil), start: i, end: k + 1 + l)
        }
        if let stem = t.word(k), let branch = t.word(k + 1),
            let cycle = SexagenaryCycle.residue(stem: stem, branch: branch)
        {
            return DateMention(value: .tet(lunarYear: nil, cycle: cycle), start: i, end: k + 2)
        }
        return DateMention(value: .tet(lunarYear: nil, cycle: nil), start: i, end: k)
    }
}

/// Years named in the 60-year cycle: `Giáp Thìn` is 2024, 1964, 2084...
enum SexagenaryCycle {
    static let stems = [
        "canh": 0, "tân": 1, "nhâm": 2, "quý": 3, "giáp": 4, "ất": 5, "bính": 6, "đinh": 7, "mậu": 8, "kỷ": 9,
    ]
    static let branches = [
        "thân": 0, "dậu": 1, "tuất": 2, "hợi": 3, "tý": 4, "sửu": 5, "dần": 6, "mão": 7, "mẹo": 7, "thìn": 8, "tỵ": 9,
        "tị": 9, "ngọ": 10, "mùi": 11,
    ]

    /// The year modulo 60 of a stem and branch (lowercased), or nil if they do not name a year.
    static func residue(stem: String, branch: String) -> Int? {
        guard let s = stems[stem], let b = branches[branch] else { return nil }
        return (0..<60).first { $0 % 10 == s && $0 % 12 == b }
    }
}

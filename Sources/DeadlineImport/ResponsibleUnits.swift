import DeadlineKit

/// Finds who must do a task: the agent (`Hội nghị do các quận, huyện ... hoàn thành`), the unit a task is handed
/// to (`UBND TP giao Sở Kế hoạch và Đầu tư chủ trì`), or the subject (`Các sở, ban, ngành ... báo cáo`).
enum ResponsibleUnits {
    private static let determiners = ImportLexicon.phrases(
        "các quý", "quý", "các", "những", "toàn thể", "mỗi", "từng", "tất cả")
    /// Words that end a unit's name even though they are not verbs (a date phrase, a purpose, an agent).
    private static let stops: Set<String> = [
        "trước", "chậm", "trong", "vào", "từ", "hằng", "định", "để", "nhằm", "theo", "với", "do",
    ]

    /// The unit phrase at `i` (determiners, a unit head, the rest of the name up to the predicate), or nil. A verb
    /// written with a capital letter is part of a name (`Sở Xây dựng`, `Ban Tổ chức Thành ủy`).
    static func phrase(_ t: [ImportToken], from i: Int, limit: Int) -> Range<Int>? {
        var j = i
        if j < limit, t[j].kind == .number,
            t.unitHead(at: j + 1) != nil || t.longestMatch(determiners, at: j + 1) != nil
        {
            j += 1  // 4 bộ, ngành; 63 tỉnh, thành phố
        }
        if let n = t.longestMatch(determiners, at: j) { j += n }
        guard j < limit, let head = t.unitHead(at: j) else { return nil }
        var e = j + head
        // A name is at most 45 tokens: no look goes further (a long sentence is read in linear time).
        while e < limit, e - i <= 45, !t.isMark(e, ".;:!?()“”\""), t[e].capitalized || t.predicateStarter(at: e) == nil
        {
            if let w = t.word(e), stops.contains(w) { break }
            // An apposition after a spaced dash: `Sở Kế hoạch và Đầu tư - cơ quan thường trực ...`.
            if t.isMark(e, "-–"), e > 0, !t[e - 1].touches(t[e]), let next = t[safe: e + 1], next.kind == .word,
                !next.capitalized
            {
                break
            }
            e += 1
            // `các đơn vị được giao`, `các phòng ban được phân công`: who was given the task; `nêu trên`: named above.
            if t.has("được phân công", at: e) || t.has("được giao", at: e) || t.has("nêu trên", at: e) {
                e += t.word(e + 1) == "phân" ? 3 : 2
                if t.longestMatch(ImportLexicon.predicateStarters, at: e) != nil { break }
            }
        }
        guard e - i <= 45 else { return nil }
        while e > j, t.isMark(e - 1, ",-–") { e -= 1 }
        return i..<e
    }

    /// Past people's titles (`giám đốc, thủ trưởng các sở` gives `các sở`), when a unit follows them.
    static func skipTitles(_ t: [ImportToken], from i: Int, limit: Int) -> Int {
        var j = i
        while j < limit, let n = t.longestMatch(ImportLexicon.titles, at: j) {
            var k = j + n
            if t.isMark(k, ",") { k += 1 }
            guard k < limit,
                t.unitHead(at: k) != nil || t.longestMatch(determiners, at: k) != nil
                    || t.longestMatch(ImportLexicon.titles, at: k) != nil
            else { break }
            j = k
        }
        return j
    }

    /// Where a clause's own words start: after connectives (`Đồng thời`) and fronted phrases ending in a comma
    /// (`Theo đó,`, `Về việc ...,`, `Ngày 19/11,`).
    static func clauseStart(_ t: [ImportToken], _ clause: Range<Int>) -> Int {
        var i = clause.lowerBound
        // A list item's number: `1.`, `a)`, `(2)`, `II.`
        if t.isMark(i, "("), i + 2 < clause.upperBound, t.isMark(i + 2, ")") {
            i += 3
        } else if i + 1 < clause.upperBound, t[i].kind != .punctuation, t[i].text.count <= 3, t[i].touches(t[i + 1]),
            t.isMark(i + 1, ".)"),
            t[i].kind == .number || !t[i].text.contains(where: { !"ivxlc".contains($0) }) || t[i].text.count == 1
        {
            i += 2
        }
        // After a colon and an opening quote, the quoted sentence's own words (`Bộ Tài chính nêu rõ: “Các bộ ...`).
        let near = i..<min(clause.upperBound, i + ImportLimits.lookBack)
        if let colon = near.first(where: { t.isMark($0, ":") && t.isMark($0 + 1, "“\"") }) {
            i = colon + 2
        }
        // A headline's statement after its speaker (`Bộ trưởng Nội vụ: Ngày 1/5, 63 tỉnh ... phải gửi`).
        else if let colon = near.first(where: { t.isMark($0, ":") }), t[safe: colon + 1]?.capitalized == true,
            !(i..<colon).contains(where: { t.predicateStarter(at: $0) != nil })
        {
            i = colon + 1
        }
        for _ in 0..<3 {
            if let n = t.longestMatch(ImportLexicon.connectives, at: i), !t.isMark(i + n, ",") {
                i += n
                continue
            }
            guard
                t.longestMatch(ImportLexicon.fronting, at: i) != nil
                    || t.longestMatch(ImportLexicon.connectives, at: i) != nil,
                let comma = (i..<max(i, min(clause.upperBound, i + 25))).first(where: { t.isMark($0, ",") }),
                comma + 1 < clause.upperBound, !t.isMark(comma + 1, ".;:")
            else { break }
            i = comma + 1
        }
        return i
    }

    /// Whether a comma at `k` starts a new clause: a unit and its verb follow (`..., Sở Tài chính báo cáo`).
    static func startsNewClause(_ t: [ImportToken], after k: Int, limit: Int) -> Bool {
        guard t.isMark(k, ","), let r = phrase(t, from: k + 1, limit: limit) else { return false }
        return t.predicateStarter(at: r.upperBound) != nil
    }

    /// The clause's subject when it names a unit that does the task: not when it hands the task on (`Sở Xây dựng
    /// đề nghị các quý cơ quan ...`, `Chủ tịch UBND tỉnh giao Sở ...`): the unit it is handed to is then the one.
    static func subject(_ t: [ImportToken], _ clause: Range<Int>) -> Range<Int>? {
        let start = clauseStart(t, clause)
        guard
            let r = phrase(t, from: start, limit: clause.upperBound)
                ?? phrase(t, from: skipTitles(t, from: start, limit: clause.upperBound), limit: clause.upperBound)
        else { return nil }
        var k = r.upperBound
        if t.word(k) == "vừa" || t.word(k) == "đã" { k += 1 }
        if t.longestMatch(ImportLexicon.assigners, at: k) != nil { return nil }
        return r
    }

    /// `X do <unit> <verb>`: the agent before token `limit` in the clause.
    static func agent(_ t: [ImportToken], _ clause: Range<Int>, before limit: Int) -> Range<Int>? {
        for k in stride(from: limit - 1, through: max(clause.lowerBound, limit - ImportLimits.lookBack), by: -1)
        where t.word(k) == "do" {
            if let r = phrase(t, from: k + 1, limit: limit) { return r }
        }
        return nil
    }

    /// The unit the last `giao`, `đề nghị`, `yêu cầu`, `chỉ đạo` before `limit` hands a task to; a list of units
    /// may go on across `;` (`giao giám đốc các sở ...; chủ tịch UBND các quận ...`).
    static func assignee(
        _ t: [ImportToken], before limit: Int, lookBack: Int = ImportLimits.unitLookBack
    ) -> Range<Int>? {
        for k in stride(from: limit - 1, through: max(0, limit - lookBack), by: -1) {
            // `văn bản gửi X`, `Công văn số 12/UBND gửi X`: X is asked.
            let n: Int
            if let m = t.longestMatch(ImportLexicon.assigners, at: k), t.predicateStarter(at: k) != nil {
                n = m
            } else if t.word(k) == "gửi",
                t.match(ImportLexicon.documentKinds, endingBefore: k) != nil
                    || (k > 0 && t[k - 1].kind != .word && !t.isMark(k - 1, ",;"))
            {
                n = 1
            } else {
                continue
            }
            var j = k + n
            if t.isMark(j, ",") { j += 1 }
            guard var r = phrase(t, from: skipTitles(t, from: j, limit: limit), limit: limit) else { continue }
            while t.isMark(r.upperBound, ";"),
                let next = phrase(t, from: skipTitles(t, from: r.upperBound + 1, limit: limit), limit: limit)
            {
                r = r.lowerBound..<next.upperBound
            }
            return r
        }
        return nil
    }

    /// The unit a list's lead-in names (`yêu cầu BHXH các tỉnh, thành phố thực hiện:`, `(1) Thời hạn các cơ quan, tổ
    /// chức ... gửi báo cáo:`): the one it hands the list to, its subject, or else its first unit that does something.
    static func leadInUnit(_ t: [ImportToken]) -> Range<Int>? {
        if let r = assignee(t, before: t.count, lookBack: t.count) { return r }
        if let r = subject(t, 0..<t.count) { return r }
        let possessive: Set<String> = ["của", "với", "cho", "về", "tại", "theo", "đến", "từ", "qua"]
        for i in t.indices where t.unitHead(at: i) != nil || t.word(i) == "các" || t.word(i) == "những" {
            // Not a unit something belongs to or is for (`Thông tư ... của Bộ Tài chính`, `đối với các đơn vị ...
            // và các tổ chức`): back to the last verb, no possessive word.
            var k = i - 1
            var owned = false
            while k >= 0, k >= i - 15, t.predicateStarter(at: k) == nil {
                if let w = t.word(k), possessive.contains(w) {
                    owned = true
                    break
                }
                k -= 1
            }
            if owned { continue }
            if let r = phrase(t, from: i, limit: t.count), t.predicateStarter(at: r.upperBound) != nil { return r }
        }
        return nil
    }

    /// The units a phrase names: split at `;` and at `và` when a unit follows (`... thành phố và UBND các quận`),
    /// each without people's titles.
    static func parts(_ s: ImportSentence, _ range: Range<Int>) -> [String] {
        let t = s.tokens
        var cuts: [(Int, Int)] = []  // (end of a part, start of the next)
        for k in range
        where t.isMark(k, ";") || (t.word(k) == "và" && phrase(t, from: k + 1, limit: range.upperBound) != nil) {
            cuts.append((k, k + 1))
        }
        var parts: [String] = []
        var start = range.lowerBound
        for (end, next) in cuts + [(range.upperBound, range.upperBound)] {
            let from = skipTitles(t, from: start, limit: end)
            var to = end
            while to > from, t.isMark(to - 1, ",;") { to -= 1 }
            if from < to { parts.append(s.text(from: from, to: to)) }
            start = next
        }
        return parts
    }

    /// The task's tokens: the clause from `start`, without the date phrase `removed`, modal words and connectives at
    /// its start, a purpose after the date (`để theo dõi, chỉ đạo`), brackets the date leaves empty or closing marks.
    /// At most ``ImportLimits/taskWindow`` tokens before the date, from a comma: a clause can be as long as its
    /// document.
    static func taskIndices(
        _ s: ImportSentence, clause: Range<Int>, from start: Int, removing removed: Range<Int>
    ) -> [Int] {
        let t = s.tokens
        var a = max(start, clause.lowerBound)
        if removed.lowerBound - a > ImportLimits.taskWindow {
            a = removed.lowerBound - ImportLimits.taskWindow
            if let comma = (a..<removed.lowerBound).first(where: { t.isMark($0, ",") }) { a = comma + 1 }
        }
        while a < clause.upperBound {
            if t.isMark(a, ",") {
                a += 1
            } else if let n = t.longestMatch(ImportLexicon.connectives, at: a) {
                a += n
            } else if let w = t.word(a), ["sẽ", "cần", "phải", "được"].contains(w) {
                a += 1
            } else {
                break
            }
        }
        var e = min(clause.upperBound, removed.upperBound + ImportLimits.lookBack)
        if e < clause.upperBound, let comma = (removed.upperBound..<e).last(where: { t.isMark($0, ",") }) { e = comma }
        // Why, not what: a purpose after the date, when the task came before it.
        if a < removed.lowerBound,
            let p = (removed.upperBound..<max(removed.upperBound, e)).first(where: {
                ["để", "nhằm"].contains(t.word($0) ?? "")
            })
        {
            e = p
        }
        while e > a, t.isMark(e - 1, ".…!?,/;:") { e -= 1 }
        var indices = Array(a..<max(a, min(removed.lowerBound, e)))
        var b = max(removed.upperBound, a)
        while b < e, t.isMark(b, ",.…/") { b += 1 }
        if let last = indices.last, t.isMark(last, "("), t.isMark(b, ")") {
            indices.removeLast()
            b += 1
        }
        if b < e { indices += b..<e }
        while let last = indices.last, t.isMark(last, ",;:-–") { indices.removeLast() }
        return indices
    }

    /// Where the task of an order in `clause` starts: after the unit it is handed to, or its subject, or else after
    /// the clause's fronted words.
    static func orderStart(_ t: [ImportToken], _ clause: Range<Int>) -> Int {
        if let r = assignee(t, before: clause.upperBound, lookBack: clause.count), clause.contains(r.lowerBound) {
            return r.upperBound
        }
        if let r = subject(t, clause) { return r.upperBound }
        return clauseStart(t, clause)
    }
}

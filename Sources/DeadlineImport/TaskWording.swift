import DeadlineKit

/// A task worded as an order (the register of Nghị định 30/2020/NĐ-CP): the verb first, in the active, nothing lost.
///
/// The task's words are rearranged, not rewritten. A passive agent (`Hội nghị do các quận, huyện hoàn thành`)
/// becomes `Hoàn thành hội nghị do các quận, huyện tổ chức`: the one added verb is `tổ chức` for an event and
/// `thực hiện` otherwise. A document sent on (`Dự thảo kế hoạch trình UBND thành phố`, `Báo cáo yêu cầu gửi về Văn
/// phòng UBND tỉnh`) becomes `Trình UBND thành phố dự thảo kế hoạch`, `Gửi báo cáo về Văn phòng UBND tỉnh`. Words
/// that only pass the order on (`Yêu cầu`, `Có trách nhiệm`) and a data cut-off before the task (`thời gian chốt
/// số liệu ngày 25 tháng báo cáo,`) are left out. A fronted topic (`Về báo cáo tháng ..., gửi về ...`) becomes the
/// object of a sending verb that has none.
enum TaskWording {
    /// A word of the task: a token of the sentence, or a word the wording adds.
    enum Piece: Equatable {
        case token(Int)
        case word(String)
    }

    /// Words at the task's start that pass the order on.
    private static let relays = ImportLexicon.phrases(
        "yêu cầu", "đề nghị", "có trách nhiệm", "chịu trách nhiệm", "quan tâm")
    /// Nouns of what is sent, drafted or submitted.
    static let documentNouns = ImportLexicon.phrases(
        "báo cáo", "dự thảo", "kế hoạch", "hồ sơ", "văn bản", "đề án", "số liệu", "ý kiến", "danh sách", "tờ trình",
        "công văn", "chương trình", "phương án", "đề cương", "dự toán")
    /// Verbs that send a document somewhere.
    private static let sending = ImportLexicon.phrases("gửi", "gởi", "nộp", "trình")
    /// Words that say where a document goes.
    private static let toward: Set<String> = ["về", "cho", "đến", "tới", "lên"]
    /// Words that start what is not part of a noun's own name (`kế hoạch để ...`, `báo cáo về ...`).
    private static let prepositions: Set<String> = [
        "để", "nhằm", "của", "theo", "trong", "và", "với", "cho", "về", "đã", "vào", "tại", "trên", "đến", "từ", "do",
        "năm",
    ]
    /// Nouns of events, held (`tổ chức`) rather than carried out (`thực hiện`).
    private static let events: Set<String> = [
        "hội", "lớp", "đại", "buổi", "cuộc", "đợt", "kỳ", "lễ", "phiên", "chuyến",
    ]
    /// The words of a date phrase (`trước ngày 10/12/2030`, `chậm nhất trong tháng 12`).
    private static let dateWords: Set<String> = [
        "trước", "ngày", "tháng", "năm", "quý", "chậm", "nhất", "là", "hạn", "chót", "trong", "vào", "đến", "hết",
    ]
    /// Verbs that, alone, only say the task is to be done (`Các đơn vị thực hiện trước ngày 24/3/2016`).
    private static let bareWords: Set<String> = [
        "hoàn", "thành", "thực", "hiện", "xong", "triển", "khai", "việc", "này", "trên",
    ]

    /// The order made from the task's tokens `indices` (positions in `s.tokens`, in text order, the date phrase
    /// left out). `topic` is a fronted `Về <document>` the clause speaks of.
    static func order(_ s: ImportSentence, _ indices: [Int], topic: Range<Int>? = nil) -> [Piece] {
        let t = s.tokens
        var idx = indices
        // A duty after a subject's relative clause (`nhận báo cáo ... của các cơ quan có trách nhiệm rà soát ...`).
        if let k = idx.prefix(40).firstIndex(where: {
            t.has("có trách nhiệm", at: $0) || t.has("chịu trách nhiệm", at: $0)
        }), k > 0 {
            idx.removeFirst(k)
        }
        // Relays and a cut-off before the task.
        while let first = idx.first, let n = t.longestMatch(relays, at: first) {
            idx.removeFirst(min(n, idx.count))
            while let first = idx.first, t.isMark(first, ",") { idx.removeFirst() }
        }
        if let first = idx.first, t.has("thời gian chốt số liệu", at: first) || t.has("chốt số liệu", at: first),
            let comma = idx.firstIndex(where: { t.isMark($0, ",") })
        {
            idx.removeFirst(comma + 1)
        }
        while let first = idx.first, let w = t.word(first), ["phải", "được", "cần", "sẽ"].contains(w) {
            idx.removeFirst()
        }
        if let pieces = passiveAgent(t, idx) ?? sentOn(t, idx) { return pieces }
        // `gửi về X` with the document in a fronted topic: `gửi báo cáo tháng ... về X`.
        if let topic, let first = idx.first, let n = t.longestMatch(sending, at: first),
            n == idx.count || t.word(idx[n]).map({ toward.contains($0) }) == true
        {
            return idx.prefix(n).map(Piece.token) + topic.map(Piece.token) + idx.dropFirst(n).map(Piece.token)
        }
        return idx.map(Piece.token)
    }

    /// Whether the task only says to do something said elsewhere (`thực hiện`, `hoàn thành`, `triển khai thực hiện`).
    static func isBare(_ s: ImportSentence, _ pieces: [Piece]) -> Bool {
        let t = s.tokens
        return !pieces.contains { piece in
            guard case .token(let i) = piece else { return true }
            // A date phrase left in (the clause before, read whole) says nothing of what to do either.
            return t[i].kind == .word && !bareWords.contains(t[i].text.lowercased()) && !dateWords.contains(t[i].text)
        }
    }

    /// Whether the task sends or reports without saying what (`Trình UBND tỉnh`, `báo cáo UBND tỉnh`): what it
    /// sends is what the order before it asked for.
    static func sendsWhatCameBefore(_ s: ImportSentence, _ pieces: [Piece]) -> Bool {
        let t = s.tokens
        guard case .token(let first)? = pieces.first else { return false }
        let n: Int
        if let m = t.longestMatch(sending, at: first) {
            n = m
        } else if t.has("báo cáo", at: first) {
            n = 2
        } else {
            return false
        }
        guard pieces.count > n, case .token(let next) = pieces[n] else { return false }
        // What is sent is named (`Trình UBND TP dự thảo đề án`).
        for case .token(let i) in pieces.dropFirst(n) where t.longestMatch(documentNouns, at: i) != nil { return false }
        // A recipient, not a document: `UBND tỉnh`, `Thủ tướng Chính phủ`, `Chủ tịch UBND tỉnh`.
        return t.longestMatch(documentNouns, at: next) == nil && t.word(next).map { !toward.contains($0) } ?? false
            && (t.unitHead(at: next) != nil || t.longestMatch(ImportLexicon.titles, at: next) != nil
                || t[next].capitalized)
    }

    /// Whether the task has a verb of its own, rather than only what a list item adds to its lead-in (`đối với báo
    /// cáo định kỳ hằng quý`).
    static func hasVerb(_ s: ImportSentence, _ pieces: [Piece]) -> Bool {
        guard case .token(let first)? = pieces.first else { return true }
        return s.tokens.predicateStarter(at: first) != nil
            || s.tokens.longestMatch(ImportLexicon.predicateStarters, at: first) != nil
    }

    /// `N do A V` -> `V N do A tổ chức`; `N do A V1 V2` -> `V2 N do A V1`.
    private static func passiveAgent(_ t: [ImportToken], _ idx: [Int]) -> [Piece]? {
        guard idx.count > 3, t.predicateStarter(at: idx[0]) == nil,
            let p = idx.firstIndex(where: { t.word($0) == "do" }), p > 0, p + 1 < idx.count,
            let agent = ResponsibleUnits.phrase(t, from: idx[p + 1], limit: t.count),
            let q = idx.firstIndex(where: { $0 >= agent.upperBound }), let n1 = t.predicateStarter(at: idx[q])
        else { return nil }
        let noun = idx[0..<p].map(Piece.token)
        let byAgent = idx[p..<q].map(Piece.token)  // do A
        var rest = Array(idx[q...])
        let verb1 = rest.prefix(n1).map(Piece.token)
        rest.removeFirst(min(n1, rest.count))
        if let second = rest.first, let n2 = t.longestMatch(ImportLexicon.completionVerbs, at: second) {
            // `Các lớp do Ban Tuyên giáo tổ chức hoàn thành ...` -> `Hoàn thành ... các lớp do Ban Tuyên giáo tổ chức`.
            return rest.prefix(n2).map(Piece.token) + rest.dropFirst(n2).map(Piece.token) + noun + byAgent + verb1
        }
        guard case .token(let v)? = verb1.first, t.longestMatch(ImportLexicon.completionVerbs, at: v) != nil else {
            return nil
        }
        let head =
            idx[0..<p].first { t[$0].kind == .word && !["các", "những"].contains(t[$0].text.lowercased()) } ?? idx[0]
        let held = events.contains(t[head].text.lowercased())
        return verb1 + rest.map(Piece.token) + noun + byAgent + [.word(held ? "tổ chức" : "thực hiện")]
    }

    /// `Dự thảo kế hoạch trình UBND thành phố` -> `Trình UBND thành phố dự thảo kế hoạch`; `Báo cáo yêu cầu gửi về
    /// X` -> `Gửi báo cáo về X`; `Số liệu phải được gửi về X` -> `Gửi số liệu về X`.
    private static func sentOn(_ t: [ImportToken], _ idx: [Int]) -> [Piece]? {
        guard idx.count > 2, t.longestMatch(documentNouns, at: idx[0]) != nil else { return nil }
        for (k, i) in idx.enumerated().dropFirst() where k < 25 {
            guard let n = t.longestMatch(sending, at: i), t.predicateStarter(at: i) != nil else {
                // Another verb first: the document is not what is sent (`Báo cáo kết quả thực hiện, gửi ...`).
                if k > 1, t.predicateStarter(at: i) != nil,
                    !["báo", "cáo", "yêu", "cầu", "phải", "được", "cần", "thảo"].contains(t[i].text)
                {
                    return nil
                }
                continue
            }
            var nounEnd = k
            while nounEnd > 0 {
                let j = idx[nounEnd - 1]
                if t.isMark(j, ",") || ["phải", "được", "cần"].contains(t.word(j) ?? "") {
                    nounEnd -= 1
                } else if nounEnd >= 2, t.has("yêu cầu", at: idx[nounEnd - 2]) {
                    nounEnd -= 2
                } else {
                    break
                }
            }
            guard nounEnd > 0 else { return nil }
            let noun = idx[0..<nounEnd].map(Piece.token)
            let verb = idx[k..<(k + n)].map(Piece.token)
            let object = idx[(k + n)...].map(Piece.token)
            if object.isEmpty { return verb + noun }
            if case .token(let o) = object[0], let w = t.word(o), toward.contains(w) { return verb + noun + object }
            // `trình UBND thành phố`: the recipient, then what is sent.
            return verb + object + noun
        }
        return nil
    }

    /// `kế hoạch` named in full where the unit was given the task (`ban hành kế hoạch tổng thể để ...`): the order
    /// is read alone, away from the sentence that named it. Only a document noun with nothing after it in `s` is
    /// completed, with the words that follow it in `earlier` up to a verb, a purpose or a mark (at most 4).
    static func completingNouns(
        _ pieces: [Piece], in s: ImportSentence, from earlier: ImportSentence, near unit: Range<Int>
    ) -> [Piece] {
        let t = s.tokens
        let e = earlier.tokens
        var out: [Piece] = []
        var k = 0
        while k < pieces.count {
            guard case .token(let i) = pieces[k], let n = t.longestMatch(documentNouns, at: i), n >= 2,
                t.word(i) != "dự" || t.word(i + 1) != "thảo"
            else {
                out.append(pieces[k])
                k += 1
                continue
            }
            out += pieces[k..<min(pieces.count, k + n)]
            k += n
            let next = i + n
            // Only a noun the sentence sends on bare (`Dự thảo kế hoạch trình ...`).
            guard next < t.count, t.longestMatch(sending, at: next) != nil else { continue }
            let words = Array(t[i..<next].map { $0.text.lowercased() })
            // Where the unit was given the task: from its name on, within a bounded look.
            let window = unit.lowerBound..<min(e.count, unit.upperBound + ImportLimits.unitLookBack)
            for j in window
            where e.matches(words, at: j) || (e[j].text.lowercased() == words[0] && e.word(j + 1) == words[1]) {
                var m = j + n
                var added: [String] = []
                while m < e.count, added.count < 4, let w = e.word(m), !e[m].capitalized,
                    e.predicateStarter(at: m) == nil, !prepositions.contains(w)
                {
                    added.append(String(earlier.characters[e[m].start..<e[m].end]))
                    m += 1
                }
                if !added.isEmpty, m < e.count, e[m].kind != .number {
                    out += added.map(Piece.word)
                    break
                }
            }
        }
        return out
    }

    /// The text of the pieces. The first letter is a capital; a word moved away from the start of its name keeps
    /// its capital only when a capital word follows it (`Kế hoạch số`, `Hội đồng Nhân dân`).
    static func text(_ s: ImportSentence, _ pieces: [Piece]) -> String {
        let t = s.tokens
        var out = ""
        var previous: Int?
        for (n, piece) in pieces.enumerated() {
            let word: String
            var joined = false
            switch piece {
            case .word(let w):
                word = w
                previous = nil
            case .token(let i):
                var w = String(s.characters[t[i].start..<t[i].end])
                let moved = previous.map { $0 + 1 != i } ?? (n > 0)
                if n > 0, t[i].kind == .word, t[i].capitalized, i == 0 || moved, t[safe: i + 1]?.capitalized != true {
                    w = w.lowercased()  // a capital that only started the sentence
                }
                if let p = previous, p + 1 == i { joined = t[p].touches(t[i]) }
                if t[i].kind == .punctuation, ",.;:)…".contains(t[i].text) { joined = true }
                if let p = previous, t.isMark(p, "(“\"") { joined = true }
                word = w
                previous = i
            }
            out += out.isEmpty || joined ? word : " " + word
        }
        guard let first = out.first else { return out }
        return first.uppercased() + out.dropFirst()
    }
}

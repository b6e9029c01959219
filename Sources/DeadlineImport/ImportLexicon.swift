import DeadlineKit

/// The words the importer recognises: verbs that start a predicate, nouns that head a unit's name, and the
/// connectives that front a clause. Each entry is a phrase of lowercased syllables.
enum ImportLexicon {
    /// Verbs, modals and adverbs that end a subject: the predicate starts at the first of them.
    static let predicateStarters = phrases(
        "báo cáo", "chủ trì", "phối hợp", "tham mưu", "hoàn thành", "tổ chức", "xây dựng", "triển khai", "thực hiện",
        "trình", "gửi", "nộp", "rà soát", "ban hành", "khẩn trương", "chỉ đạo", "nghiên cứu", "tổng hợp", "đề xuất",
        "kiểm tra", "chịu trách nhiệm", "có trách nhiệm", "cần", "phải", "sẽ", "được", "tập trung", "chuẩn bị",
        "tiếp tục", "chủ động", "bám sát", "đẩy mạnh", "đẩy nhanh", "tăng cường", "quán triệt", "lập", "hoàn thiện",
        "xem xét", "đánh giá", "cập nhật", "tiếp thu", "hướng dẫn", "theo dõi", "đôn đốc", "phấn đấu", "quyết tâm",
        "đề nghị", "yêu cầu", "giao", "là", "đã", "vừa", "đang", "thành lập", "giải quyết", "bảo đảm", "đảm bảo",
        "đề ra", "bố trí", "khởi công", "thông qua", "nêu", "họp", "xong", "làm", "sớm", "nhận định", "cho ý kiến",
        "nghiêm túc", "kịp thời", "tích cực", "thừa ủy quyền", "thay mặt", "ký", "chỉnh sửa", "sửa đổi", "soạn thảo",
        "trả lời", "xác minh", "thẩm định", "gởi", "quan tâm", "có văn bản", "phân công", "xác định", "thống nhất",
        "tham gia", "góp ý", "cung cấp", "đăng ký", "xử lý", "khắc phục", "tuyên truyền", "phổ biến", "giải trình",
        "duy trì", "chấp hành", "tiến hành", "thu", "nắm", "rà", "có trách nhiệm", "vừa", "nghe", "nhận")

    /// Verbs that hand a task to the unit that follows them (`UBND TP giao Sở Kế hoạch và Đầu tư chủ trì`).
    static let assigners = phrases("giao", "đề nghị", "yêu cầu", "chỉ đạo", "phân công", "giao cho")

    /// Nouns that start a unit's name (or a group of units, or the people who head them).
    static let unitHeads = phrases(
        "sở", "ban", "ngành", "ubnd", "ủy ban", "hđnd", "hội đồng", "thành ủy", "quận ủy", "huyện ủy", "thị ủy",
        "đảng ủy", "cấp ủy", "quận", "huyện", "thị xã", "xã", "phường", "thị trấn", "cơ quan", "đơn vị", "bộ",
        "văn phòng", "công an", "tòa án", "viện", "mặt trận", "ubmttq", "đoàn", "hội", "tiểu ban", "thành phố",
        "tp", "trung tâm", "chi bộ", "đảng bộ", "cán bộ", "giám đốc", "thủ trưởng", "chủ tịch", "lãnh đạo",
        "người đứng đầu", "bí thư", "tổ chức", "doanh nghiệp", "chủ đầu tư", "kho bạc", "cục", "chi cục", "các cấp",
        "cấp", "tỉnh", "thanh tra", "bhxh", "bảo hiểm xã hội", "tổng cục", "vụ", "phòng", "trường", "bệnh viện",
        "địa phương",
        "kiểm toán", "chính phủ", "cơ sở")

    /// A unit head followed by one of these is another word (`ban hành`, `hội nghị`, `đoàn kết`, `cơ sở`).
    static let notUnitHeads = phrases(
        "ban hành", "hội nghị", "đoàn kết", "bộ phận", "cấp bách", "cấp thiết", "tổ chức thực hiện",
        "tổ chức triển khai",
        "tổ chức hội nghị", "tổ chức nghiên cứu", "bộ trưởng", "vụ việc", "phòng chống", "phòng, chống", "trường hợp",
        "thanh tra chuyên ngành", "cơ sở dữ liệu", "cơ sở hạ tầng", "cơ sở vật chất", "cơ sở pháp lý", "cơ sở khoa học",
        "cơ sở thực tiễn", "cơ sở để")

    /// People's titles before a unit (`giám đốc, thủ trưởng các sở`): dropped from the unit as written.
    static let titles = phrases(
        "giám đốc", "thủ trưởng", "chủ tịch", "lãnh đạo", "người đứng đầu", "bí thư", "trưởng", "phó", "bộ trưởng",
        "thứ trưởng", "cục trưởng", "vụ trưởng", "viện trưởng", "chánh văn phòng", "chánh thanh tra", "quyền",
        "hiệu trưởng",
        "tổng giám đốc")

    /// Words that front a clause and end at its first comma (`Theo đó,`, `Về việc ...,`).
    static let fronting = phrases(
        "theo", "về", "đồng thời", "cùng", "trong đó", "ngoài ra", "bên cạnh", "trước mắt", "đặc biệt", "riêng",
        "đối với", "sau đó", "tại", "để", "trên cơ sở", "qua", "nhằm", "với", "thứ nhất", "thứ hai", "thứ ba",
        "thứ tư", "thứ năm", "đáng kể", "đáng chú ý", "cụ thể", "vì vậy", "do đó", "hiện nay", "ngày", "sáng",
        "chiều", "tối", "năm", "trong", "cùng đó", "cùng với đó", "mặt khác", "trước hết", "tiếp đó", "trước",
        "chậm nhất",
        "muộn nhất", "định kỳ", "hằng", "hàng", "từ", "đến", "sau", "kể từ", "tại văn bản", "văn bản nêu rõ",
        "công văn nêu rõ")

    /// Words that join a clause without a comma and are dropped from its start (`Đồng thời tham mưu ...`).
    static let connectives = phrases("đồng thời", "trong đó", "và", "sau đó", "tiếp đó", "cùng đó")

    /// Completion verbs: a `trong tháng 12/2020` after one of them is a deadline even mid-clause.
    static let completionVerbs = phrases(
        "hoàn thành", "xong", "ban hành", "trình", "nộp", "gửi", "báo cáo", "tổ chức", "khởi công", "thông qua",
        "kết thúc", "bàn giao", "đưa vào", "phê duyệt", "sơ kết", "tổng kết")

    /// The completion verbs that also make a fronted `Trong tháng 12/2020, ...` a deadline.
    static let strongCompletionVerbs = phrases("hoàn thành", "xong", "ban hành", "nộp", "gửi", "báo cáo", "trình")

    /// Verbs of a reporting or meeting duty: they make `hằng tháng` a recurring deadline.
    static let dutyVerbs = phrases(
        "báo cáo", "gửi", "nộp", "tổng hợp", "họp", "giao ban", "cập nhật", "kiểm tra", "rà soát", "sơ kết",
        "tổng kết", "đánh giá", "thống kê")

    /// Kinds of document that carry a reference number (`Kế hoạch số 04-KH/TU`).
    static let documentKinds = phrases(
        "kế hoạch", "văn bản", "công văn", "chỉ thị", "nghị quyết", "quyết định", "kết luận", "thông báo",
        "chương trình", "hướng dẫn", "công điện", "tờ trình", "báo cáo", "thông tư", "nghị định", "đề án",
        "quy định", "quy chế")

    /// Splits each phrase into syllables (in NFC, which token comparison by bytes relies on).
    static func phrases(_ list: String...) -> Phrases {
        Phrases(list.map { ImportText.nfc($0).split(separator: " ").map(String.init) })
    }
}

/// A lexicon's phrases, indexed by their first and last syllables so that a look-up at a token compares only the
/// phrases that can match there.
struct Phrases: Sendable {
    /// Every phrase, as syllables.
    let all: [[String]]
    private let byFirst: [String: [[String]]]
    private let byLast: [String: [[String]]]

    init(_ all: [[String]]) {
        self.all = all
        byFirst = Dictionary(grouping: all.filter { !$0.isEmpty }, by: { $0[0] })
        byLast = Dictionary(grouping: all.filter { !$0.isEmpty }, by: { $0[$0.count - 1] })
    }

    /// The phrases whose first syllable is `word`.
    func starting(with word: String) -> [[String]] { byFirst[word] ?? [] }

    /// The phrases whose last syllable is `word`.
    func ending(with word: String) -> [[String]] { byLast[word] ?? [] }
}

extension Array where Element == ImportToken {
    /// The word at `i`, or nil for a number, a mark or past the end.
    func word(_ i: Int) -> String? {
        guard i >= 0, i < count, self[i].kind == .word else { return nil }
        return self[i].text
    }

    /// Whether the syllables `phrase` (space-separated, NFC) start at token `i`.
    func has(_ phrase: StaticString, at i: Int) -> Bool {
        phrase.withUTF8Buffer { bytes in
            var k = i
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == 0x20 {
                guard k >= 0, k < count, self[k].text.utf8.elementsEqual(bytes[start..<end]) else { return false }
                k += 1
                start = end + 1
            }
            return true
        }
    }

    /// Whether the syllables `words` start at token `i`. Compares bytes: tokens and lexicons are both NFC.
    func matches(_ words: [String], at i: Int) -> Bool {
        guard i >= 0, i + words.count <= count else { return false }
        for (k, w) in words.enumerated() where !self[i + k].text.utf8.elementsEqual(w.utf8) { return false }
        return true
    }

    /// The length in tokens of the longest phrase of `list` starting at `i`, or nil.
    func longestMatch(_ list: Phrases, at i: Int) -> Int? {
        guard i >= 0, i < count else { return nil }
        var best: Int?
        for words in list.starting(with: self[i].text) where matches(words, at: i) && words.count > (best ?? 0) {
            best = words.count
        }
        return best
    }

    /// The length of a phrase of `list` that ends just before token `end`, or nil.
    func match(_ list: Phrases, endingBefore end: Int) -> Int? {
        guard end - 1 >= 0, end - 1 < count else { return nil }
        for words in list.ending(with: self[end - 1].text) where matches(words, at: end - words.count) {
            return words.count
        }
        return nil
    }

    /// Whether token `i` is a punctuation mark in `marks`.
    func isMark(_ i: Int, _ marks: String) -> Bool {
        i >= 0 && i < count && self[i].kind == .punctuation && marks.contains(self[i].text)
    }

    /// The length of a predicate starter at `i` (a verb used as a verb, not inside a noun such as `chương trình`
    /// or `các tổ chức`), or nil.
    func predicateStarter(at i: Int) -> Int? {
        guard let n = longestMatch(ImportLexicon.predicateStarters, at: i) else { return nil }
        // Inside a name (`Ban Chỉ đạo`, `Sở Xây dựng`): a capital after a capital.
        if self[i].capitalized, i > 0, self[i - 1].capitalized, self[i - 1].kind == .word { return nil }
        if let previous = word(i - 1),
            ["các", "những", "chương", "quy", "tiến", "lộ", "công", "hành", "giáo"].contains(previous)
        {
            return nil
        }
        if let next = word(i + n), self[i].text == "báo", next == "viên" { return nil }
        if self[i].text == "giao", let next = word(i + 1), ["thông", "dịch", "lưu", "ban", "thương"].contains(next) {
            return nil
        }
        if self[i].text == "là", i > 0, word(i - 1) == "đó" { return nil }
        // A noun in a list (`các cơ quan, tổ chức, cá nhân`).
        if isMark(i - 1, ","), isMark(i + n, ",") || word(i + n) == "và" { return nil }
        return n
    }

    /// The length of a unit head at `i`, or nil.
    func unitHead(at i: Int) -> Int? {
        guard let n = longestMatch(ImportLexicon.unitHeads, at: i) else { return nil }
        if longestMatch(ImportLexicon.notUnitHeads, at: i) != nil { return nil }
        if self[i].text == "sở", word(i - 1) == "cơ" { return nil }
        // `vụ` (a case), `phòng` (a room), `trường` (a field) head a name only when written with a capital.
        if ["vụ", "phòng", "trường"].contains(self[i].text), !self[i].capitalized { return nil }
        return n
    }
}

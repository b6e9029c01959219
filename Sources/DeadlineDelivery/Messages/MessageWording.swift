package import DeadlineKit

/// Small pieces of wording shared by messages, as a Vietnamese office writes them (Nghị định 30/2020/NĐ-CP) and
/// as an English-speaking office does.
enum Wording {
    /// A task cut to about 80 characters at a word boundary, for subjects, chat titles and digest lines.
    static func short(_ task: String) -> String {
        guard task.count > 80 else { return task }
        let cut = task.prefix(80)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + "…"
    }

    /// `nhất`, `hai`, `ba`, `tư` ... as in "lần đôn đốc thứ nhất"; `first`, `second` ... in English.
    static func ordinal(_ n: Int, _ language: Language) -> String {
        switch language {
        case .vi:
            switch n {
            case 1: return "nhất"
            case 4: return "tư"
            case 2...10: return ["hai", "ba", "", "năm", "sáu", "bảy", "tám", "chín", "mười"][n - 2]
            default: return String(n)
            }
        case .en:
            let words = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
            if (1...10).contains(n) { return words[n - 1] }
            let suffix =
                (11...13).contains(n % 100)
                ? "th" : (n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th")
            return "\(n)\(suffix)"
        }
    }

    /// The weekday as it stands inside a sentence: `thứ Năm`, `Chủ nhật`; `Thursday`.
    static func weekday(_ w: Weekday, _ language: Language) -> String {
        switch language {
        case .vi: ["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật"][w.rawValue - 1]
        case .en: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][w.rawValue - 1]
        }
    }

    /// `17 giờ 00`, `7 giờ 30`; `17:00`.
    static func clock(_ time: TimeOfDay, _ language: Language) -> String {
        switch language {
        case .vi: "\(time.hour) giờ " + (time.minute < 10 ? "0" : "") + String(time.minute)
        case .en: time.description
        }
    }

    /// `thứ Năm, ngày 10/12/2020`; `Thursday, 10 December 2020`.
    static func day(_ date: CivilDate, _ language: Language) -> String {
        switch language {
        case .vi: "\(weekday(date.weekday, .vi)), ngày \(date.vietnamese)"
        case .en: "\(weekday(date.weekday, .en)), \(englishDate(date))"
        }
    }

    /// `17 giờ 00, thứ Năm, ngày 10/12/2020`; `17:00 on Thursday, 10 December 2020`.
    static func moment(_ local: LocalDateTime, _ language: Language) -> String {
        switch language {
        case .vi: "\(clock(local.time, .vi)), \(day(local.date, .vi))"
        case .en: "\(clock(local.time, .en)) on \(day(local.date, .en))"
        }
    }

    /// `10 December 2020`.
    static func englishDate(_ date: CivilDate) -> String {
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ]
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// `2 nhiệm vụ`; `2 tasks`, `1 task`.
    static func tasks(_ n: Int, _ language: Language) -> String {
        language == .vi ? "\(n) nhiệm vụ" : (n == 1 ? "1 task" : "\(n) tasks")
    }

    /// `6 lần`; `once`, `twice`, `6 times`.
    static func times(_ n: Int, _ language: Language) -> String {
        switch (language, n) {
        case (.vi, _): "\(n) lần"
        case (.en, 1): "once"
        case (.en, 2): "twice"
        case (.en, _): "\(n) times"
        }
    }

    static func duration(days: Int, _ language: Language) -> String {
        language == .vi ? "\(days) ngày" : (days == 1 ? "1 day" : "\(days) days")
    }

    static func duration(hours: Int, _ language: Language) -> String {
        language == .vi ? "\(hours) giờ" : (hours == 1 ? "1 hour" : "\(hours) hours")
    }

    static func duration(minutes: Int, _ language: Language) -> String {
        language == .vi ? "\(minutes) phút" : (minutes == 1 ? "1 minute" : "\(minutes) minutes")
    }
}

/// How a message cites the document that set a task, as an office cites one in a công văn:
/// `Công văn số 5418/UBND-TKBT ngày 19/11/2020 của UBND thành phố Hà Nội về việc triển khai …`; in English
/// `Official Letter No. 5418/UBND-TKBT of 19 November 2020 from UBND thành phố Hà Nội on “Triển khai …”`.
package struct DocumentCitation: Sendable, Hashable {
    package var ref: String
    package var kind: DocumentKind?
    package var issued: CivilDate?
    package var issuer: String?
    package var title: String?

    package init(
        ref: String, kind: DocumentKind? = nil, issued: CivilDate? = nil, issuer: String? = nil, title: String? = nil
    ) {
        self.ref = ref
        self.kind = kind
        self.issued = issued
        self.issuer = issuer
        self.title = title
    }

    /// The citation of a configured document: its kind and issuer as given or as its reference shows them.
    package init(_ document: Document) {
        self.init(
            ref: document.ref, kind: document.citedKind, issued: document.issued, issuer: document.citedIssuer,
            title: document.title)
    }

    /// The citation in a language. A part the configuration does not give is left out; a document of unknown
    /// kind is a `Văn bản` (`Document`).
    package func text(_ language: Language) -> String {
        switch language {
        case .vi:
            var out = "\(kind?.capitalized ?? "Văn bản") số \(ref)"
            if let issued { out += " ngày \(issued.vietnamese)" }
            if let issuer { out += " của \(issuer)" }
            if let title = title.map(Self.asClause), !title.isEmpty {
                out += (kind == .congVan || kind == nil ? " về việc " : " về ") + title
            }
            return out
        case .en:
            var out = "\(kind?.english ?? "Document") No. \(ref)"
            if let issued { out += " of \(Wording.englishDate(issued))" }
            if let issuer { out += " from \(issuer)" }
            if let title, !title.isEmpty { out += " on “\(title)”" }
            return out
        }
    }

    /// A trích yếu as it continues a sentence: its first letter in lower case, unless its first word is an
    /// abbreviation (`UBND`) or a number.
    static func asClause(_ title: String) -> String {
        let trimmed = title.trimmingSpaces
        guard let first = trimmed.first, first.isUppercase else { return trimmed }
        let word = trimmed.prefix { $0 != " " && $0 != "," }
        guard word.dropFirst().allSatisfy({ !$0.isUppercase }) else { return trimmed }
        return first.lowercased() + trimmed.dropFirst()
    }
}

/// A moment as the messages write it, for other modules' pages and texts: `17 giờ 00, thứ Năm, ngày 10/12/2020`;
/// `17:00 on Thursday, 10 December 2020`.
package enum MessageMoment {
    package static func text(_ local: LocalDateTime, _ language: Language) -> String {
        Wording.moment(local, language)
    }
}

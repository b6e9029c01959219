import DeadlineKit

/// The imported text made ready for reading: NFC, a saved web page's header skipped, cut into sentences.
package enum ImportText {
    /// `text` in Unicode normalisation form C (composed), so `Việt` written with combining marks compares equal to
    /// the precomposed spelling. Uses the standard library's normaliser; no Foundation.
    package static func nfc(_ text: String) -> String {
        String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    /// The offset (in Characters) where the body starts: after a header of `key: value` lines ended by a line
    /// `---`, as a saved web page has; 0 when the text has no such header.
    package static func bodyStart(of characters: [Character]) -> Int {
        var lineStart = 0
        var headerLines = 0
        while lineStart < characters.count, headerLines <= 40 {
            var end = lineStart
            while end < characters.count, !characters[end].isNewline { end += 1 }
            let line = String(characters[lineStart..<end]).trimmingSpaces
            if line == "---" { return headerLines > 0 ? min(end + 1, characters.count) : 0 }
            guard isHeaderLine(line) else { return 0 }
            headerLines += 1
            lineStart = end + 1
        }
        return 0
    }

    /// `title: ...`, `url: https://...`, `date: 2020-11-19`: a key of ASCII letters, digits, `-` or `_`.
    static func isHeaderLine(_ line: String) -> Bool {
        guard let colon = line.firstIndex(of: ":"), colon != line.startIndex else { return false }
        return line[..<colon].unicodeScalars.allSatisfy {
            $0.isASCIILetter || $0.asciiDigit != nil || $0 == "-" || $0 == "_"
        }
    }

    /// The header's `date`, `issued` or `published` value, when it is a date (ISO or dd/mm/yyyy).
    static func headerDate(_ characters: [Character], bodyStart: Int) -> CivilDate? {
        guard bodyStart > 0 else { return nil }
        for line in String(characters[..<bodyStart]).split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].lowercased().trimmingSpaces
            guard ["date", "issued", "published", "ngay"].contains(key) else { continue }
            var value = String(line[line.index(after: colon)...]).trimmingSpaces
            if let t = value.firstIndex(of: "T") { value = String(value[..<t]) }
            if case .success(let due) = DueDateParser.parse(value, issued: nil), due.granularity == .day {
                return due.date
            }
        }
        return nil
    }

    /// The value of the first of `keys` the saved page's header has (`url: https://...`).
    static func headerValue(_ characters: [Character], bodyStart: Int, keys: Set<String>) -> String? {
        guard bodyStart > 0 else { return nil }
        for line in String(characters[..<bodyStart]).split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":"), keys.contains(line[..<colon].lowercased().trimmingSpaces) else {
                continue
            }
            let value = line[line.index(after: colon)...].trimmingSpaces
            if !value.isEmpty { return value }
        }
        return nil
    }

    /// The sentences of the body, each with its offset and paragraph number.
    static func sentences(_ characters: [Character], from start: Int) -> [ImportSentence] {
        var result: [ImportSentence] = []
        var i = start
        var paragraph = 0
        let n = characters.count
        while i < n {
            while i < n, characters[i].isWhitespace {
                if characters[i].isNewline { paragraph += 1 }
                i += 1
            }
            var bulleted = false
            while i < n, isBullet(characters[i]), i + 1 == n || characters[i + 1].isWhitespace {
                bulleted = true
                i += 1
                while i < n, characters[i].isWhitespace, !characters[i].isNewline { i += 1 }
            }
            guard i < n, !characters[i].isNewline else { continue }
            let begin = i
            var end = i
            while end < n, !characters[end].isNewline {
                let c = characters[end]
                end += 1
                guard isTerminator(c) else { continue }
                while end < n, isTerminator(characters[end]) || isCloser(characters[end]) { end += 1 }
                if end == n || characters[end].isWhitespace, !isAbbreviation(characters, before: end, from: begin) {
                    break
                }
            }
            var last = end
            while last > begin, characters[last - 1].isWhitespace { last -= 1 }
            if last > begin {
                let startsLine = begin == start || characters[begin - 1].isNewline || bulleted
                result.append(
                    ImportSentence(
                        offset: begin, characters: Array(characters[begin..<last]), paragraph: paragraph,
                        bulleted: bulleted && startsLine))
            }
            i = end
        }
        return result
    }

    private static func isBullet(_ c: Character) -> Bool { "*•-+–|·".contains(c) }
    private static func isTerminator(_ c: Character) -> Bool { ".!?…".contains(c) }
    private static func isCloser(_ c: Character) -> Bool { "/)]\"”’»".contains(c) }

    /// `TP.` or an initial such as `V.` does not end a sentence.
    private static func isAbbreviation(_ characters: [Character], before end: Int, from begin: Int) -> Bool {
        guard characters[end - 1] == "." else { return false }
        var s = end - 1
        while s > begin, characters[s - 1].isLetter { s -= 1 }
        let word = String(characters[s..<(end - 1)])
        return word == "TP" || (word.count == 1 && word.first!.isUppercase)
    }
}

/// A sentence of the imported text, with its tokens.
struct ImportSentence {
    /// Offset of the first Character in the whole (NFC) input.
    let offset: Int
    let characters: [Character]
    /// Sentences in the same paragraph (line) share this number.
    let paragraph: Int
    let tokens: [ImportToken]
    /// Whether it is an item of a list: its line starts with a bullet (`-`, `+`, `•`) or a number (`1.`, `a)`, `(1)`).
    let isListItem: Bool

    init(offset: Int, characters: [Character], paragraph: Int, bulleted: Bool = false) {
        self.offset = offset
        self.characters = characters
        self.paragraph = paragraph
        let tokens = ImportToken.droppingSpelledOutNumbers(ImportToken.tokenize(characters))
        self.tokens = tokens
        // `1.`, `a)`, `(1)`, `II.` at the start of the line.
        let numbered =
            (tokens.count > 2 && (tokens[0].kind == .number || (tokens[0].kind == .word && tokens[0].text.count == 1))
                && tokens[0].touches(tokens[1]) && tokens.isMark(1, ".)"))
            || (tokens.count > 3 && tokens.isMark(0, "(") && tokens[1].kind != .punctuation && tokens.isMark(2, ")"))
        isListItem = bulleted || numbered
    }

    /// Whether it introduces a list: it ends with `:`.
    var isLeadIn: Bool { characters.last == ":" }

    var text: String { String(characters) }

    /// The sentence, or for one longer than ``ImportLimits/sentenceExcerpt`` Characters the part around tokens
    /// `tokens` (at most that many Characters), with `…` where text was left out.
    func excerpt(around range: Range<Int>) -> String {
        let limit = ImportLimits.sentenceExcerpt
        guard characters.count > limit, range.lowerBound < tokens.count else { return text }
        let from = tokens[range.lowerBound].start
        let to = tokens[min(range.upperBound, tokens.count) - 1].end
        let side = max(0, (limit - (to - from)) / 2)
        var a = max(0, from - side)
        var b = min(characters.count, to + side)
        // Whole words at both ends.
        while a > 0, a < from, !characters[a - 1].isWhitespace { a += 1 }
        while b < characters.count, b > to, !characters[b].isWhitespace { b -= 1 }
        return (a > 0 ? "…" : "") + String(characters[a..<b]).trimmingSpaces + (b < characters.count ? "…" : "")
    }

    /// The source text from token `from` up to (not including) token `to`, as written.
    func text(from: Int, to: Int) -> String {
        guard from < to, from < tokens.count else { return "" }
        return String(characters[tokens[from].start..<tokens[min(to, tokens.count) - 1].end])
    }
}

/// A word, a number or a punctuation mark of a sentence.
struct ImportToken {
    enum Kind { case word, number, punctuation }
    let kind: Kind
    /// Lowercased words in one canonical spelling (`uỷ` as `ủy`, `quí` as `quý`); digits; the mark itself.
    let text: String
    /// Character range in the sentence.
    let start: Int
    let end: Int
    /// Whether the word was written with a capital letter (part of a name such as `Sở Xây dựng`).
    var capitalized = false

    /// The value of a number token (nil for words and punctuation, or for more than nine digits).
    var value: Int? {
        guard kind == .number, text.count <= 9 else { return nil }
        return Int(text)
    }

    /// Whether `next` follows with no space in between.
    func touches(_ next: ImportToken) -> Bool { end == next.start }

    static func tokenize(_ characters: [Character]) -> [ImportToken] {
        var tokens: [ImportToken] = []
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c.isWhitespace {
                i += 1
            } else if c.isLetter {
                var j = i + 1
                while j < characters.count, characters[j].isLetter { j += 1 }
                let word = String(characters[i..<j])
                tokens.append(
                    ImportToken(
                        kind: .word, text: canonical(word.lowercased()), start: i, end: j, capitalized: c.isUppercase))
                i = j
            } else if c.isASCIIDigit {
                var j = i + 1
                while j < characters.count, characters[j].isASCIIDigit { j += 1 }
                tokens.append(ImportToken(kind: .number, text: String(characters[i..<j]), start: i, end: j))
                i = j
            } else {
                tokens.append(ImportToken(kind: .punctuation, text: String(c), start: i, end: i + 1))
                i += 1
            }
        }
        return tokens
    }

    /// Without the words that repeat a number in parentheses, as regulations write it: `ngày 15 (mười lăm)`, `06
    /// (sáu) tháng` read as `ngày 15`, `06 tháng`. The dropped tokens' text stays in phrases that span them.
    static func droppingSpelledOutNumbers(_ tokens: [ImportToken]) -> [ImportToken] {
        var result: [ImportToken] = []
        result.reserveCapacity(tokens.count)
        var i = 0
        while i < tokens.count {
            result.append(tokens[i])
            if let n = tokens[i].value, i + 3 < tokens.count, tokens[i + 1].kind == .punctuation,
                tokens[i + 1].text == "(",
                let close = (i + 2..<min(tokens.count, i + 8)).first(where: {
                    tokens[$0].kind == .punctuation && tokens[$0].text == ")"
                }),
                close > i + 2, let (v, l) = VietnameseNumbers.parse(tokens, at: i + 2, monthContext: true), v == n,
                i + 2 + l == close
            {
                i = close + 1
                continue
            }
            i += 1
        }
        return result
    }

    /// Old and new tone placement spelt one way, so lexicons list each word once.
    static func canonical(_ word: String) -> String {
        for (old, new) in spellings where word.utf8.elementsEqual(old.utf8) { return new }
        return word
    }

    private static let spellings = [
        ("uỷ", "ủy"), ("quí", "quý"), ("khoá", "khóa"), ("hoà", "hòa"), ("hoá", "hóa"), ("thuỷ", "thủy"),
    ].map { (ImportText.nfc($0.0), ImportText.nfc($0.1)) }
}

extension Character {
    /// `0`...`9` only (not other scripts' digits).
    fileprivate var isASCIIDigit: Bool { asciiValue.map { (48...57).contains($0) } ?? false }
}

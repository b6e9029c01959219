import DeadlineKit

/// The header block of an administrative document in the layout of Nghị định 30/2020/NĐ-CP (Phụ lục I): the
/// issuing body top left (its parent above it), the national motto top right, then the number, the subject of a
/// công văn and the place and date.
///
/// ```
/// BẢO HIỂM XÃ HỘI                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
/// VIỆT NAM                        Độc lập – Tự do – Hạnh phúc
/// -------                         --------------
/// Số: 2618/BHXH-KHTC              Hà Nội, ngày 28 tháng 06 năm 2010
/// V/v chỉ tiêu báo cáo thống kê
/// ```
///
/// Text taken from such a page (or from `pdftotext`, which reads the left column first) has these as lines; the
/// header is read from the lines around the first `Số: .../...` among the first ``maxLines`` lines, table cell
/// marks (`|`) left out.
struct DocumentHeader: Equatable {
    /// The number as printed after `Số:`.
    var number: String
    /// The issuing body as printed (top left, under its parent when its own name heads one: `UBND TỈNH QUẢNG NAM` /
    /// `SỞ XÂY DỰNG` gives `SỞ XÂY DỰNG`; a name broken over two lines is joined).
    var issuer: String?
    /// A công văn's subject without `V/v` / `Về việc`, its lines joined (`Chỉ tiêu báo cáo thống kê`); else the
    /// name under the document's kind, as printed.
    var subject: String?
    /// The place and date line's date.
    var date: CivilDate?

    /// How far into the body the header is looked for: a news item may quote the document after its lead.
    static let maxLines = 80

    /// The header of the body starting at `start`, or nil when there is no `Số: .../...` line.
    static func read(_ characters: [Character], from start: Int) -> DocumentHeader? {
        var lines: [String] = []
        var i = start
        while i < characters.count, lines.count < maxLines {
            var end = i
            while end < characters.count, !characters[end].isNewline, end - i < 2000 { end += 1 }
            // A table's cell marks (`Số: 186/KH-UBND |`) are no part of the header's text.
            lines.append(String(characters[i..<end]).trimmingSpaces.trimmingCharacters(in: "|").trimmingSpaces)
            i = end
            while i < characters.count, !characters[i].isNewline { i += 1 }  // the rest of an overlong line
            i += 1
        }
        guard let n = lines.firstIndex(where: { number(in: $0) != nil }), let found = number(in: lines[n]) else {
            return nil
        }
        var header = DocumentHeader(number: found.number)
        header.issuer = issuer(above: n, lines)
        header.date = date(near: n, lines)
        if let rest = found.rest, let subject = subjectStart(rest) {
            header.subject = subjectText([subject] + continuation(after: n, lines))
        } else {
            // `pdftotext` reads the date (right cell) between the number and the subject (left cell).
            for k in (n + 1)..<min(lines.count, n + 8) where !skippable(lines[k]) && !isDateLine(lines[k]) {
                guard let first = subjectStart(lines[k]) else { break }
                header.subject = subjectText([first] + continuation(after: k, lines))
                break
            }
        }
        if header.subject == nil { header.subject = kindTitle(after: n, lines) }
        return header
    }

    /// A directive's, plan's or decision's name under its kind (`CHỈ THỊ` / `VỀ VIỆC XÂY DỰNG KẾ HOẠCH ...`),
    /// as printed, without `VỀ VIỆC`: the lines in capitals after the kind, up to the body or the authority that
    /// enacts it (`CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH`).
    private static func kindTitle(after n: Int, _ lines: [String]) -> String? {
        let kinds: Set<String> = [
            "chi thi", "ke hoach", "quyet dinh", "thong bao", "chuong trinh", "huong dan", "nghi quyet", "cong dien",
        ]
        guard
            let k = ((n + 1)..<min(lines.count, n + 12)).first(where: {
                kinds.contains(VietnameseFolding.key(lines[$0])) && isCapitals(lines[$0])
            })
        else { return nil }
        var title: [String] = []
        var j = k + 1
        while j < lines.count, title.count < 4 {
            let line = lines[j]
            j += 1
            if line.isEmpty, title.isEmpty { continue }
            let folded = VietnameseFolding.key(line)
            guard isCapitals(line), !line.isEmpty,
                !["chu tich", "bo truong", "giam doc", "thu tuong", "uy ban", "hoi dong"].contains(
                    where: folded.hasPrefix)
            else { break }
            title.append(line)
        }
        var text = title.joined(separator: " ").split(separator: " ").joined(separator: " ")
        for marker in ["VỀ VIỆC ", "VỀ "] where text.hasPrefix(marker) { text.removeFirst(marker.count) }
        return text.isEmpty ? nil : text
    }

    /// `Hà Nội, ngày 28 tháng 06 năm 2010` near the number, also broken over two lines (`Thanh Hoá, ngày` / `10
    /// tháng 10 năm 2019`, `Quảng Bình,` / `ngày 25 tháng 5 năm 2015`).
    private static func date(near n: Int, _ lines: [String]) -> CivilDate? {
        for k in max(0, n - 10)..<min(lines.count, n + 10) where lines[k].contains(",") && lines[k].count <= 60 {
            for text in [lines[k], k + 1 < lines.count ? lines[k] + " " + lines[k + 1] : ""] where !text.isEmpty {
                let t = ImportToken.tokenize(Array(ImportText.nfc(text)))
                guard let comma = t.indices.first(where: { t.isMark($0, ",") }), comma <= 6,
                    t.word(comma + 1) == "ngày",
                    let m = DateMentionParser.parse(t, at: comma + 1), case .day(let d, let mo, let y?, _) = m.value
                else { continue }
                return CivilDate(year: y, month: mo, day: d)
            }
        }
        return nil
    }

    /// `Số: 2618/BHXH-KHTC` (or `Số 2618/BHXH-KHTC`, with what follows it on the line).
    private static func number(in line: String) -> (number: String, rest: String?)? {
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard let first = words.first, first == "Số:" || first == "Số" || first == "SỐ:", words.count >= 2 else {
            return nil
        }
        var k = 1
        if words[k] == ":" { k += 1 }
        guard k < words.count else { return nil }
        let number = words[k].trimmingCharacters(in: ",.;")
        guard number.contains("/"), number.count <= 40, number.first?.isLetter == true || number.first?.isNumber == true
        else { return nil }
        let rest = words[(k + 1)...].joined(separator: " ")
        guard words.count - k <= 30 else { return nil }  // a sentence that starts with Số, not a header line
        return (number, rest.isEmpty ? nil : rest)
    }

    /// Blank lines, rules (`-------`, `_____`) and the national motto: nothing of the issuer's or the subject's.
    private static func skippable(_ line: String) -> Bool {
        if line.isEmpty || !line.contains(where: \.isLetter) { return true }
        // The motto, also broken over lines (`CỘNG HÒA XÃ HỘI` / `CHỦ NGHĨA VIỆT NAM`).
        let folded = VietnameseFolding.key(line)
        return folded.contains("cong hoa") || folded.contains("chu nghia") || folded.hasPrefix("doc lap")
            || (folded.count >= 4 && "cong hoa xa hoi".hasPrefix(folded))
    }

    /// Whether a line is written in capitals (`BỘ NỘI VỤ`, `UBND TỈNH LAI CHÂU`).
    private static func isCapitals(_ line: String) -> Bool {
        line.contains(where: \.isLetter) && !line.contains(where: \.isLowercase)
    }

    /// The issuer: the lines in capitals above the number, motto and rules skipped.
    private static func issuer(above n: Int, _ lines: [String]) -> String? {
        var names: [String] = []
        var top = n  // the line of names[0]
        var k = n - 1
        while k >= 0, n - k <= 10, names.count < 3 {
            let line = lines[k]
            k -= 1
            if skippable(line) {
                guard !names.isEmpty else { continue }
                // The motto's last word wrapped onto a line of its own (`CỘNG HÒA ... VIỆT` / `NAM`), as pdftotext
                // gives a narrow cell: not the issuer.
                if top == k + 2, names.count == 1, names[0].split(separator: " ").count <= 2,
                    VietnameseFolding.key(line).contains("cong hoa")
                {
                    names = []
                    continue
                }
                if line.isEmpty || line.contains(where: \.isLetter) { break }  // a blank or the motto above the name
                continue
            }
            guard isCapitals(line), line.count <= 80 else { break }
            names.insert(line, at: 0)
            top = k + 1
        }
        guard let last = names.last else { return nil }
        // `UBND TỈNH QUẢNG NAM` / `SỞ XÂY DỰNG`: the body is the last line when it is a name of its own.
        let tokens = ImportToken.tokenize(Array(ImportText.nfc(last.lowercased())))
        let place: Set<String> = ["tỉnh", "thành", "tp", "huyện", "quận", "xã", "phường", "thị", "việt"]
        if names.count > 1, tokens.unitHead(at: 0) != nil, !place.contains(tokens.first?.text ?? "") { return last }
        return names.joined(separator: " ")
    }

    /// The subject after `V/v` or `Về việc` at the start of `line`, or nil.
    private static func subjectStart(_ line: String) -> String? {
        for marker in ["V/v", "V/V", "v/v", "Về việc", "VỀ VIỆC"] where line.hasPrefix(marker) {
            let rest = line.dropFirst(marker.count).drop { $0 == " " || $0 == ":" }
            return rest.isEmpty ? nil : String(rest)
        }
        return nil
    }

    /// The lines that go on with a subject broken over several: up to a blank line, the place and date, `Kính
    /// gửi`, the motto or a rule.
    private static func continuation(after k: Int, _ lines: [String]) -> [String] {
        var more: [String] = []
        var j = k + 1
        while j < lines.count, more.count < 4 {
            let line = lines[j]
            let folded = VietnameseFolding.key(line)
            if skippable(line) || folded.hasPrefix("kinh gui") || isDateLine(line) || number(in: line) != nil { break }
            more.append(line)
            j += 1
        }
        return more
    }

    /// `Hà Nội, ngày 28 tháng 06 năm 2010`, `Lai Châu, ngày …`
    private static func isDateLine(_ line: String) -> Bool {
        guard let comma = line.firstIndex(of: ",") else { return false }
        return line[line.index(after: comma)...].trimmingSpaces.lowercased().hasPrefix("ngày")
    }

    private static func subjectText(_ lines: [String]) -> String {
        let text = lines.joined(separator: " ").split(separator: " ").joined(separator: " ")
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters(in marks: String) -> String {
        var s = Substring(self)
        while let last = s.last, marks.contains(last) { s = s.dropLast() }
        while let first = s.first, marks.contains(first) { s = s.dropFirst() }
        return String(s)
    }
}

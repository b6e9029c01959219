/// The kind of an administrative document (thể loại văn bản), as Nghị định 30/2020/NĐ-CP, Phụ lục III, names
/// and abbreviates them, and as party documents (Hướng dẫn 36-HD/VPTW) use them: the word a message cites the
/// document by, "Công văn số 5418/UBND-TKBT", "Kế hoạch số 04-KH/TU".
///
/// The raw value is the Vietnamese name as written inside a sentence (`[[document]] kind = "kế hoạch"`).
package enum DocumentKind: String, Sendable, Hashable, CaseIterable {
    case congVan = "công văn"
    case keHoach = "kế hoạch"
    case chiThi = "chỉ thị"
    case quyetDinh = "quyết định"
    case thongBao = "thông báo"
    case nghiQuyet = "nghị quyết"
    case ketLuan = "kết luận"
    case chuongTrinh = "chương trình"
    case huongDan = "hướng dẫn"
    case quyDinh = "quy định"
    case baoCao = "báo cáo"
    case toTrinh = "tờ trình"
    case congDien = "công điện"
    case deAn = "đề án"
    case nghiDinh = "nghị định"
    case thongTu = "thông tư"

    /// The name at the start of a sentence or a line: `Công văn`, `Kế hoạch`.
    package var capitalized: String {
        guard let first = rawValue.first else { return rawValue }
        return first.uppercased() + rawValue.dropFirst()
    }

    /// The English name, as an English-speaking office cites it: `Official Letter`, `Plan`, `Directive`.
    package var english: String {
        switch self {
        case .congVan: "Official Letter"
        case .keHoach: "Plan"
        case .chiThi: "Directive"
        case .quyetDinh: "Decision"
        case .thongBao: "Notice"
        case .nghiQuyet: "Resolution"
        case .ketLuan: "Conclusion"
        case .chuongTrinh: "Programme"
        case .huongDan: "Guidance"
        case .quyDinh: "Regulation"
        case .baoCao: "Report"
        case .toTrinh: "Submission"
        case .congDien: "Official Telegram"
        case .deAn: "Scheme"
        case .nghiDinh: "Decree"
        case .thongTu: "Circular"
        }
    }

    /// The abbreviations of the kind in reference numbers (upper case).
    var codes: [String] {
        switch self {
        case .congVan: ["CV"]
        case .keHoach: ["KH"]
        case .chiThi: ["CT"]
        case .quyetDinh: ["QĐ"]
        case .thongBao: ["TB"]
        case .nghiQuyet: ["NQ"]
        case .ketLuan: ["KL"]
        case .chuongTrinh: ["CTR"]
        case .huongDan: ["HD"]
        case .quyDinh: ["QĐI", "QYĐ"]
        case .baoCao: ["BC"]
        case .toTrinh: ["TTR"]
        case .congDien: ["CĐ"]
        case .deAn: ["ĐA"]
        case .nghiDinh: ["NĐ"]
        case .thongTu: ["TT"]
        }
    }

    /// The kind a reference number shows, or nil when it shows none:
    /// - party documents, `04-KH/TU`, `15-CT/TU`: the code between the number and the slash;
    /// - state documents, `123/QĐ-UBND`, `45/TB-VP`, `12/2020/NĐ-CP`: the code after the number (and year);
    /// - `5418/UBND-TKBT`, `1234/CV-UBND`: a công văn, whose reference names its issuer and drafting unit
    ///   instead of a kind.
    package static func inferred(fromReference ref: String) -> DocumentKind? {
        let parts = ref.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else { return nil }
        let head = parts[0].split(separator: "-", maxSplits: 1).map(String.init)
        if head.count == 2, head[0].first?.isNumber == true {
            return kind(code: head[1])
        }
        guard parts[0].first?.isNumber == true else { return nil }
        let rest = parts.dropFirst().drop { $0.allSatisfy(\.isNumber) }
        guard let symbol = rest.first, let code = symbol.split(separator: "-").first.map(String.init),
            symbol.contains("-")
        else { return nil }
        return kind(code: code) ?? .congVan
    }

    /// The kind an admin names: its Vietnamese name in any case (`Kế hoạch`, `kế hoạch`) or its abbreviation
    /// (`KH`, `QĐ`).
    package static func named(_ text: String) -> DocumentKind? {
        let name = text.trimmingSpaces.lowercased()
        return DocumentKind(rawValue: name) ?? kind(code: text.trimmingSpaces)
    }

    static func kind(code: String) -> DocumentKind? {
        let upper = code.uppercased()
        return allCases.first { $0.codes.contains(upper) }
    }
}

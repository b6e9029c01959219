import DeadlineImport
import DeadlineKit
import Testing

/// The units of etc/deadlined/deadlined.toml.
private let exampleUnits: [(id: String, name: String)] = [
    ("so-khdt", "Sở Kế hoạch và Đầu tư"), ("so-tc", "Sở Tài chính"), ("so-nv", "Sở Nội vụ"),
    ("cac-so-nganh", "Các sở, ban, ngành, cơ quan, đơn vị trực thuộc UBND Thành phố"),
    ("ubnd-ba-dinh", "UBND quận Ba Đình"), ("ubnd-dong-anh", "UBND huyện Đông Anh"),
    ("ubnd-son-tay", "UBND thị xã Sơn Tây"), ("ubnd-quan-huyen", "UBND các quận, huyện, thị xã"),
    ("quan-uy-ba-dinh", "Quận ủy Ba Đình"), ("huyen-uy-dong-anh", "Huyện ủy Đông Anh"),
    ("dang-uy-khoi", "Đảng ủy Khối các cơ quan Thành phố"),
    ("cap-uy-truc-thuoc", "Các quận, huyện, thị ủy, đảng ủy khối trực thuộc Thành ủy"),
    ("dang-uy-co-so", "Các đảng ủy cơ sở"), ("ban-tuyen-giao", "Ban Tuyên giáo Thành ủy"),
]

struct UnitCase: Sendable, CustomTestStringConvertible {
    let written: String
    let id: String?
    var testDescription: String { written }
}

@Suite("deadlinectl import: matching units as written against the configured ones")
struct ImportUnitMatcherTests {
    static let cases: [UnitCase] = [
        UnitCase(written: "Sở Kế hoạch và Đầu tư", id: "so-khdt"),
        UnitCase(written: "SỞ KẾ HOẠCH VÀ ĐẦU TƯ", id: "so-khdt"),
        UnitCase(written: "So Ke hoach va Dau tu", id: "so-khdt"),
        UnitCase(written: "Sở KH&ĐT", id: "so-khdt"),
        UnitCase(written: "UBND các quận, huyện, thị xã", id: "ubnd-quan-huyen"),
        UnitCase(written: "Ủy ban nhân dân các quận, huyện, thị xã", id: "ubnd-quan-huyen"),
        UnitCase(written: "Các sở, ban, ngành, cơ quan, đơn vị trực thuộc UBND thành phố", id: "cac-so-nganh"),
        UnitCase(written: "các sở, ban, ngành có liên quan của thành phố", id: "cac-so-nganh"),
        UnitCase(written: "các quận, huyện, thị ủy, đảng ủy khối trực thuộc Thành ủy", id: "cap-uy-truc-thuoc"),
        UnitCase(written: "đảng ủy cơ sở", id: "dang-uy-co-so"),
        UnitCase(written: "Ban Tuyên giáo Thành ủy", id: "ban-tuyen-giao"),
        UnitCase(written: "UBND quận Ba Đình", id: "ubnd-ba-dinh"),
        UnitCase(written: "Thành phố", id: nil),
        UnitCase(written: "các cán bộ chủ chốt thành phố", id: nil),
        UnitCase(written: "UBND", id: nil),
        UnitCase(written: "Sở Y tế", id: nil),
    ]

    @Test("a written name matches its unit, or none", arguments: cases)
    func match(_ c: UnitCase) {
        #expect(UnitNameMatcher(units: exampleUnits).match(c.written) == c.id)
    }

    @Test("a phrase naming several units matches each: parts joined by và, or a comma list of known units")
    func several() {
        let matcher = UnitNameMatcher(units: exampleUnits)
        let both = matcher.matchAll(
            unit: "Các sở, ban, ngành, cơ quan, đơn vị trực thuộc UBND thành phố và UBND các quận, huyện, thị xã",
            parts: ["Các sở, ban, ngành, cơ quan, đơn vị trực thuộc UBND thành phố", "UBND các quận, huyện, thị xã"])
        #expect(both.map(\.id) == ["cac-so-nganh", "ubnd-quan-huyen"])
        let list = matcher.matchAll(unit: "Sở Tài chính, Sở Nội vụ", parts: ["Sở Tài chính, Sở Nội vụ"])
        #expect(list.map(\.written) == ["Sở Tài chính", "Sở Nội vụ"])
        #expect(list.map(\.id) == ["so-tc", "so-nv"])
        let unknown = matcher.matchAll(unit: "Sở Tài chính, Sở Y tế", parts: ["Sở Tài chính, Sở Y tế"])
        #expect(unknown.map(\.id) == [nil])
        #expect(unknown.map(\.tied) == [[]])
    }

    @Test("two units with the same name: no match, and both named for the admin to choose")
    func tie() {
        let matcher = UnitNameMatcher(units: exampleUnits + [("so-tc-2", "Sở Tài chính")])
        #expect(matcher.match("Sở Tài chính") == nil)
        #expect(matcher.candidates("Sở Tài chính") == ["so-tc", "so-tc-2"])
        let matches = matcher.matchAll(unit: "Sở Tài chính", parts: ["Sở Tài chính"])
        #expect(matches.map(\.id) == [nil])
        #expect(matches.map(\.tied) == [["so-tc", "so-tc-2"]])
    }

    @Test("folding drops accents and case; slugs are ASCII words joined by -")
    func folding() {
        #expect(VietnameseFolding.fold("Đảng ủy Khối") == "dang uy khoi")
        #expect(VietnameseFolding.key("Sở KH&ĐT,  Hà Nội") == "so kh dt ha noi")
        #expect(VietnameseFolding.slug("5418/UBND-TKBT") == "5418-ubnd-tkbt")
        #expect(
            VietnameseFolding.slug("Báo cáo tham mưu, đề xuất của các đơn vị", maxWords: 5) == "bao-cao-tham-muu-de")
        #expect(VietnameseFolding.isVietnameseLetter("ệ"))
        #expect(!VietnameseFolding.isVietnameseLetter("é"))
    }
}

import DeadlineImport
import DeadlineImportFiles
import DeadlineKit
import Foundation
import Testing

/// `deadlinectl import`'s inputs, each from a real file of `Tests/Fixtures/import-corpus/formats` (see its README:
/// made by LibreOffice from corpus texts), and the header block of a công văn read from them and from the corpus.
@Suite("deadlinectl import: PDF, Word, web pages and a công văn's header")
struct ImportFormatTests {
    static let corpus = ImportCorpusTests.corpus
    static let formats = corpus + "/formats/"
    /// `make test` (DEADLINED_TESTS_REQUIRE_SERVERS=1) runs the PDF tests even without pdftotext, so they fail.
    static let pdftotext =
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/pdftotext") }
        || ProcessInfo.processInfo.environment["DEADLINED_TESTS_REQUIRE_SERVERS"] == "1"

    /// What công văn 2618/BHXH-KHTC gives, whatever its file's format.
    private func expectCongVan2618(_ input: ImportInput) throws {
        let proposal = DocumentImporter.propose(input.text)
        let document = try #require(proposal.documents.first)
        #expect(proposal.documents.count == 1, "the legal basis recalls 2070/BHXH-KHTC: not a document of this text")
        #expect(document.ref == "2618/BHXH-KHTC")
        #expect(document.issued == CivilDate(year: 2010, month: 6, day: 28))
        #expect(document.issuer == "BẢO HIỂM XÃ HỘI VIỆT NAM")
        #expect(document.title == "Chỉ tiêu báo cáo thống kê")
        let d = try #require(proposal.deadlines.first)
        #expect(proposal.deadlines.count == 1)
        #expect(d.recurrence?.rrule == "FREQ=MONTHLY;BYMONTHDAY=28")
        #expect(d.unit == "BHXH các tỉnh, thành phố")
        #expect(d.task == "Gửi báo cáo tháng theo các chỉ tiêu từ A1 đến B4 về Bảo hiểm xã hội Việt Nam")
        #expect(d.documentIndex == 0)
    }

    @Test("a .docx: word/document.xml from the ZIP, the header table's cells as lines")
    func docx() throws {
        let input = try ImportFile.read(path: Self.formats + "cv-2618-bhxh-khtc.docx").get()
        #expect(input.format == .docx)
        try expectCongVan2618(input)
    }

    @Test(
        "a PDF through pdftotext: the header's cells in reading order, a paragraph's lines joined again",
        .enabled(if: pdftotext, "pdftotext is not installed (apt-get install poppler-utils)"))
    func pdf() throws {
        let input = try ImportFile.read(path: Self.formats + "cv-2618-bhxh-khtc.pdf").get()
        #expect(input.format == .pdf)
        // The sentence that wraps over three lines of the page is one line of text.
        #expect(input.text.contains("gửi về Bảo hiểm xã hội Việt Nam trước ngày 28 hàng tháng."))
        try expectCongVan2618(input)
    }

    @Test(
        "a scanned PDF (a picture of the page, no text layer) is refused, saying so",
        .enabled(if: pdftotext, "pdftotext is not installed (apt-get install poppler-utils)"))
    func scannedPDF() throws {
        let path = Self.formats + "cv-2618-bhxh-khtc-scan.pdf"
        let error = try #require(ImportFile.read(path: path).failureValue)
        #expect(
            error.description
                == "'\(path)' is a PDF with no text in it: it looks scanned (pages are pictures); run text recognition on it (e.g. ocrmypdf -l vie) or type the text, then import that"
        )
    }

    @Test("a saved web page: the article, without menus, share bar, related links, comment form or scripts")
    func html() throws {
        let input = try ImportFile.read(path: Self.formats + "thanhtra-404-vpubnd.html").get()
        #expect(input.format == .html)
        for chrome in [
            "Trang chủ", "Facebook", "Tin liên quan", "Ý kiến của bạn", "gtag", "Cơ quan của Thanh tra Chính phủ",
        ] {
            #expect(!input.text.contains(chrome), "\(chrome)")
        }
        let proposal = DocumentImporter.propose(input.text)
        #expect(proposal.documents.map(\.ref) == ["404/VPUBND-TCD-NC"])
        #expect(proposal.documents.first?.issued == CivilDate(year: 2021, month: 4, day: 8))
        // 30 working days from 08/4/2021; the dates of the related link and the comment form are not read.
        #expect(proposal.deadlines.map { $0.due?.date.iso } == ["2021-05-25", "2021-08-30"])
        #expect(proposal.deadlines.allSatisfy { $0.unit == "Sở Tài nguyên và Môi trường" })
    }

    @Test(
        "the header block of real layouts: number, date, issuer (parent above it), subject or name under its kind",
        arguments: [
            (
                "09-bhxh-2618-khtc.txt", "2618/BHXH-KHTC", "28/06/2010", "BẢO HIỂM XÃ HỘI VIỆT NAM",
                "Chỉ tiêu báo cáo thống kê"
            ),
            (
                "29-bnv-2291-cqdp.txt", "2291/BNV-CQĐP", "25/04/2024", "BỘ NỘI VỤ",
                "Một số lưu ý khi xây dựng và trình Đề án sắp xếp ĐVHC cấp huyện, cấp xã giai đoạn 2023-2025"
            ),
            // A table's cells broken over lines, the motto too (`CỘNG` / `HÒA XÃ HỘI ...`), the date over three.
            (
                "64-sonla-2862-qd-ubnd.txt", "2862/QĐ-UBND", "16/11/2018", "ỦY BAN NHÂN DÂN TỈNH SƠN LA",
                "BAN HÀNH QUY CHẾ TIẾP NHẬN, XỬ LÝ VÀ TRẢ LỜI PHẢN ÁNH, KIẾN NGHỊ CỦA NGƯỜI DÂN, DOANH NGHIỆP TRÊN CỔNG THÔNG TIN ĐIỆN TỬ TỈNH SƠN LA"
            ),
            // A news item that quotes the công văn after its lead.
            (
                "54-bgddt-1277-qlcl-thi-thpt-2024.txt", "1277/BGDĐT-QLCL", "22/03/2024", "BỘ GIÁO DỤC VÀ ĐÀO TẠO",
                "Hướng dẫn tổ chức Kỳ thi tốt nghiệp trung học phổ thông năm 2024"
            ),
        ])
    func header(_ file: String, _ ref: String, _ issued: String, _ issuer: String, _ title: String) throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.corpus + "/docs/" + file))
        let proposal = DocumentImporter.propose(String(decoding: bytes, as: UTF8.self))
        let document = try #require(proposal.documents.first { $0.ref == ref })
        #expect(document.issued?.vietnamese == issued)
        #expect(document.issuer == issuer)
        #expect(document.title == title)
        #expect(document.url?.hasPrefix("https://") == true, "the page's url: header")
    }

    @Test("a PDF's wrapped lines: joined within a paragraph, not across a header's short lines, an item or an end")
    func wrappedLines() {
        let page = """
            UBND TỈNH LAI CHÂU
            Số: 846/UBND-TH
            Kính gửi: Các sở, ngành tỉnh; Ủy ban nhân dân các huyện, thành phố ở đây
            Giao các sở, ngành tỉnh báo cáo tình hình triển khai thực hiện và giải ngân
            kế hoạch đầu tư công năm 2019 theo đề nghị của Bộ Kế hoạch và Đầu tư.
            Yêu cầu gửi báo cáo về Sở Kế hoạch và Đầu tư trước ngày 23/5/2019, như
            sau:
            - Báo cáo tình hình giải ngân kế hoạch đầu tư công của các chương trình,
            dự án được giao.
            """
        #expect(
            WrappedLines.unwrap(page) == """
                UBND TỈNH LAI CHÂU
                Số: 846/UBND-TH
                Kính gửi: Các sở, ngành tỉnh; Ủy ban nhân dân các huyện, thành phố ở đây
                Giao các sở, ngành tỉnh báo cáo tình hình triển khai thực hiện và giải ngân kế hoạch đầu tư công năm 2019 theo đề nghị của Bộ Kế hoạch và Đầu tư.
                Yêu cầu gửi báo cáo về Sở Kế hoạch và Đầu tư trước ngày 23/5/2019, như sau:
                - Báo cáo tình hình giải ngân kế hoạch đầu tư công của các chương trình, dự án được giao.
                """)
        // Short lines only (a header, a poem): left alone.
        #expect(WrappedLines.unwrap("BỘ NỘI VỤ\nSố: 2291/BNV-CQĐP\n") == "BỘ NỘI VỤ\nSố: 2291/BNV-CQĐP\n")
    }
}

extension Result {
    fileprivate var failureValue: Failure? {
        if case .failure(let e) = self { return e }
        return nil
    }
}

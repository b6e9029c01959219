import DeadlineImport
import DeadlineKit
import Testing

private func day(_ d: Int, _ m: Int, _ y: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

@Suite("deadlinectl import: documents, headers, offsets and normalisation")
struct ImportDocumentTests {
    @Test("a saved web page's key: value header ended by --- is skipped; offsets still count from the start")
    func webHeader() throws {
        let header = "title: Hà Nội triển khai Nghị quyết\nurl: https://example.vn/a\ndate: 2020-11-19\n---\n"
        let text = header + "Sở Nội vụ báo cáo trước ngày 30/1."
        let proposal = DocumentImporter.propose(text)
        #expect(proposal.bodyOffset == header.count)
        let d = try #require(proposal.deadlines.first)
        #expect(d.offset == header.count)
        #expect(d.sentence == "Sở Nội vụ báo cáo trước ngày 30/1.")
        #expect(d.due?.date == day(30, 1, 2021))  // the year counts from the page's date
        #expect(d.due?.yearInferred == true)
    }

    @Test("lines that only look like a header, with no --- after them, are text")
    func notAHeader() {
        let text = "Ghi chú: Sở Tài chính báo cáo trước ngày 10/12/2020.\nSở Nội vụ báo cáo trước ngày 11/12/2020."
        let proposal = DocumentImporter.propose(text)
        #expect(proposal.bodyOffset == 0)
        #expect(proposal.deadlines.map(\.offset) == [0, 53])
    }

    @Test("a directive's own header gives its reference and date")
    func directiveHeader() throws {
        let text = """
            ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI
            Số: 5418/UBND-TKBT
            Hà Nội, ngày 19 tháng 11 năm 2020
            Các sở, ban, ngành báo cáo trước ngày 30/1.
            """
        let proposal = DocumentImporter.propose(text)
        // The issuer above the number.
        #expect(
            proposal.documents == [
                ImportedDocument(
                    ref: "5418/UBND-TKBT", issued: day(19, 11, 2020), offset: 33,
                    issuer: "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI")
            ])
        #expect(proposal.mainDocument == 0)
        let d = try #require(proposal.deadlines.first)
        #expect(d.due?.date == day(30, 1, 2021))
        #expect(d.documentIndex == 0)
    }

    static let twoDocuments = """
        Đây là những yêu cầu trong Kế hoạch số 04-KH/TU ngày 18/11/2020 của Ban Thường vụ Thành ủy Hà Nội.
        Hội nghị do các quận, huyện hoàn thành trước ngày 15/1.
        * Ngày 19/11, UBND TP Hà Nội ban hành Văn bản số 5418/UBND-TKBT về việc triển khai Chương trình hành động.
        Sở Tài chính báo cáo trước ngày 30/1.
        """

    @Test("two documents: each deadline belongs to the one whose part of the text it is in")
    func twoDocumentsByPosition() {
        let proposal = DocumentImporter.propose(Self.twoDocuments)
        #expect(proposal.documents.map(\.ref) == ["04-KH/TU", "5418/UBND-TKBT"])
        // 19/11 has no year: the first 19/11 on or after the previous document's 18/11/2020.
        #expect(proposal.documents.map(\.issued) == [day(18, 11, 2020), day(19, 11, 2020)])
        #expect(proposal.deadlines.map(\.documentIndex) == [0, 1])
        #expect(proposal.deadlines.map { $0.due?.date } == [day(15, 1, 2021), day(30, 1, 2021)])
    }

    @Test("--ref selects a document the text introduces, renames the first otherwise, or names the only one")
    func refOption() {
        #expect(
            DocumentImporter.propose(Self.twoDocuments, options: ImportOptions(ref: "5418/ubnd-tkbt")).mainDocument == 1
        )
        let renamed = DocumentImporter.propose(Self.twoDocuments, options: ImportOptions(ref: "05-KH/TU"))
        #expect(renamed.documents.map(\.ref) == ["05-KH/TU", "5418/UBND-TKBT"])
        let named = DocumentImporter.propose(
            "Sở Tài chính báo cáo trước ngày 30/1.", options: ImportOptions(issued: day(2, 1, 2021), ref: "12/UBND-KT"))
        #expect(named.documents == [ImportedDocument(ref: "12/UBND-KT", issued: day(2, 1, 2021), offset: 0)])
        #expect(named.deadlines.map { $0.due?.date } == [day(30, 1, 2021)])
    }

    @Test("a document recalled as issued in the past (đã ban hành) is not the text's document")
    func pastDocument() {
        let text = "Ngày 7/8/2023, Ban Thường vụ Thành ủy đã ban hành Chỉ thị số 24-CT/TU về tăng cường kỷ cương."
        #expect(DocumentImporter.propose(text).documents.isEmpty)
        let signed = "Phó Bí thư Thường trực Thành ủy đã ký ban hành kết luận số 143-KL/TU."
        #expect(DocumentImporter.propose(signed).documents.map(\.ref) == ["143-KL/TU"])
    }

    @Test("decomposed diacritics (NFD) read exactly like composed ones (NFC)")
    func decomposed() {
        let composed = "Sở Tài chính báo cáo trước ngày 10/12/2020; Sở Nội vụ hoàn thành trong tháng mười hai năm 2020."
        let decomposed =
            "So\u{031B}\u{0309} Ta\u{0300}i chi\u{0301}nh ba\u{0301}o ca\u{0301}o tru\u{031B}o\u{031B}\u{0301}c nga\u{0300}y 10/12/2020; "
            + "So\u{031B}\u{0309} No\u{0302}\u{0323}i vu\u{0323} hoa\u{0300}n tha\u{0300}nh trong tha\u{0301}ng mu\u{031B}\u{01A1}\u{0300}i hai "
            + "na\u{0306}m 2020."
        #expect(decomposed.unicodeScalars.count > composed.unicodeScalars.count)
        #expect(ImportText.nfc(decomposed).unicodeScalars.elementsEqual(composed.unicodeScalars))
        let a = DocumentImporter.propose(composed)
        let b = DocumentImporter.propose(decomposed)
        #expect(a == b)
        #expect(a.deadlines.count == 2)
    }

    @Test("sentences end at . ! ? … (also …/.) but not at TP. or an initial")
    func sentenceEnds() {
        let text =
            "UBND TP. Hà Nội giao Sở Tài chính báo cáo trước ngày 10/12/2020…/. Sở Nội vụ báo cáo trước ngày 11/12/2020!"
        let proposal = DocumentImporter.propose(text)
        #expect(
            proposal.deadlines.map(\.sentence) == [
                "UBND TP. Hà Nội giao Sở Tài chính báo cáo trước ngày 10/12/2020…/.",
                "Sở Nội vụ báo cáo trước ngày 11/12/2020!",
            ])
        #expect(proposal.deadlines.map(\.unit) == ["Sở Tài chính", "Sở Nội vụ"])
    }
}

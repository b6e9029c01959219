import DeadlineKit
import Testing

@Suite("The kind of a document, read from its reference number")
struct DocumentKindTests {
    @Test(
        "party and state references, công văn by their issuer's symbol",
        arguments: [
            ("04-KH/TU", DocumentKind.keHoach), ("15-CT/TU", .chiThi), ("01-KL/TW", .ketLuan),
            ("123/QĐ-UBND", .quyetDinh),
            ("123/QĐ-TTg", .quyetDinh), ("45/TB-VP", .thongBao), ("12/2020/NĐ-CP", .nghiDinh),
            ("06-CTr/TU", .chuongTrinh),
            ("5418/UBND-TKBT", .congVan), ("1234/CV-UBND", .congVan), ("215/TTr-KHĐT", .toTrinh),
        ])
    func inferred(ref: String, kind: DocumentKind) {
        #expect(DocumentKind.inferred(fromReference: ref) == kind)
    }

    @Test("a reference that shows no kind", arguments: ["BC-7", "5418", "", "UBND/TKBT"])
    func unknown(ref: String) {
        #expect(DocumentKind.inferred(fromReference: ref) == nil)
    }

    @Test("an admin names a kind by its name in any case, or by its abbreviation")
    func named() {
        #expect(DocumentKind.named("Kế hoạch") == .keHoach)
        #expect(DocumentKind.named("công văn") == .congVan)
        #expect(DocumentKind.named("QĐ") == .quyetDinh)
        #expect(DocumentKind.named("thư") == nil)
    }

    @Test("the issuer a reference names beyond doubt, when the configuration gives none")
    func issuer() {
        #expect(Document(ref: "123/QĐ-TTg", issued: nil).citedIssuer == "Thủ tướng Chính phủ")
        #expect(Document(ref: "12/2020/NĐ-CP", issued: nil).citedIssuer == "Chính phủ")
        #expect(Document(ref: "5418/UBND-TKBT", issued: nil).citedIssuer == nil)
        #expect(
            Document(ref: "5418/UBND-TKBT", issued: nil, issuer: "UBND thành phố Hà Nội").citedIssuer
                == "UBND thành phố Hà Nội")
    }
}

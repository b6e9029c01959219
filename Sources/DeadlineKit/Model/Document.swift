/// A directive or plan that hands out tasks: `5418/UBND-TKBT` of 19/11/2020.
package struct Document: Sendable, Hashable {
    /// The reference number as printed on the document, e.g. `5418/UBND-TKBT`, `04-KH/TU`.
    package let ref: String
    /// The date of issue; a due date written without a year (`30/1`) falls on or after it.
    package let issued: CivilDate?
    /// What it is about (trích yếu), as printed under its kind: `Triển khai thực hiện Chương trình hành động ...`.
    package let title: String?
    package let issuer: String?
    package let url: String?
    /// The kind as the configuration gives it (`kind = "kế hoạch"`); see ``citedKind``.
    package let kind: DocumentKind?

    package init(
        ref: String, issued: CivilDate?, title: String? = nil, issuer: String? = nil, url: String? = nil,
        kind: DocumentKind? = nil
    ) {
        self.ref = ref
        self.issued = issued
        self.title = title
        self.issuer = issuer
        self.url = url
        self.kind = kind
    }

    /// The kind messages cite the document by: the configured one, else the one its reference shows
    /// (``DocumentKind/inferred(fromReference:)``); nil when neither says.
    package var citedKind: DocumentKind? { kind ?? DocumentKind.inferred(fromReference: ref) }

    /// The issuer messages name: the configured one, else the one its reference names when that is beyond doubt
    /// (`/TTg`: Thủ tướng Chính phủ, `/NĐ-CP`: Chính phủ); nil otherwise.
    package var citedIssuer: String? {
        if let issuer { return issuer }
        let symbol = ref.split(separator: "/").last.map { $0.split(separator: "-").last.map(String.init) ?? "" } ?? ""
        switch symbol {
        case "TTg": return "Thủ tướng Chính phủ"
        case "CP": return "Chính phủ"
        default: return nil
        }
    }
}

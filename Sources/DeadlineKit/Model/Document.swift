/// A directive or plan that hands out tasks: `5418/UBND-TKBT` of 19/11/2020.
public struct Document: Sendable, Hashable {
    /// The reference number as printed on the document, e.g. `5418/UBND-TKBT`, `04-KH/TU`.
    public let ref: String
    /// The date of issue; a due date written without a year (`30/1`) falls on or after it.
    public let issued: CivilDate?
    public let title: String?
    public let issuer: String?
    public let url: String?

    public init(ref: String, issued: CivilDate?, title: String? = nil, issuer: String? = nil, url: String? = nil) {
        self.ref = ref
        self.issued = issued
        self.title = title
        self.issuer = issuer
        self.url = url
    }
}

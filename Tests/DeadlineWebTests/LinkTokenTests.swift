import DeadlineKit
import Testing

@testable import DeadlineWeb

@Suite("link tokens")
struct LinkTokenTests {
    static let key = LinkKey.parse(String(repeating: "0123456789abcdef", count: 4))!
    static let links = WebLinks(
        publicURL: "https://nhacviec.hanoi.example/", key: key, linkLifetimeSeconds: 60 * 86_400)

    @Test("a confirmation link reads back as what it names, under the public URL")
    func roundTrip() throws {
        let url = Self.links.confirmURL(
            deadlineID: "5418-de-xuat", occurrence: CivilDate(year: 2020, month: 12, day: 10)!, unitID: "so-khdt",
            language: .vi,
            sentAt: Instant(secondsSinceEpoch: 1_606_957_200))
        #expect(url.hasPrefix("https://nhacviec.hanoi.example/xac-nhan/"))
        let token = try #require(url.split(separator: "/").last)
        let link = try #require(Self.links.confirmation(token: token))
        #expect(
            link
                == ConfirmationLink(
                    deadlineID: "5418-de-xuat", occurrence: CivilDate(year: 2020, month: 12, day: 10)!,
                    unitID: "so-khdt",
                    language: .vi, expires: Instant(secondsSinceEpoch: 1_606_957_200 + 60 * 86_400)))
    }
}

import DeadlineKit
import Testing

@testable import DeadlineWeb

/// The small pure pieces of the web side.
@Suite("web side pieces")
struct WebPiecesTests {
    @Test("base64url: round trips, one spelling per token, no padding", arguments: [0, 1, 2, 3, 4, 5, 16, 31, 32, 33])
    func base64url(length: Int) throws {
        let bytes = (0..<length).map { UInt8(($0 * 37 + 11) % 256) }
        let text = Base64URL.encode(bytes)
        #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
        #expect(Base64URL.decode(text) == bytes)
        if length % 3 != 0 {
            // Any other last character that decodes to the same bytes would be a second spelling: there is none.
            let stem = String(text.dropLast())
            let alphabet: [Character] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
            let spellings = alphabet.filter { (c: Character) -> Bool in Base64URL.decode(stem + String(c)) == bytes }
            #expect(spellings.count == 1)
        }
    }

    @Test("base64url refuses what no encoding gives", arguments: ["A", "AB=C", "AB+C", "AB/C", "ABCDE", "ä"])
    func base64urlRefuses(text: String) {
        #expect(Base64URL.decode(text) == nil)
    }

    @Test("a signature changed anywhere, or a key changed, is refused; the kinds do not cross")
    func signatures() throws {
        let key = LinkKey.generate().key
        let token = LinkToken.calendar(unit: "so-1", key: key)
        #expect(LinkToken.calendarUnit(from: token, key: key) == "so-1")
        #expect(LinkToken.calendarUnit(from: token, key: LinkKey.generate().key) == nil)
        #expect(LinkToken.confirmation(from: token, key: key) == nil)
        #expect(!LinkToken.isReport(token, key: key))
        #expect(LinkToken.isReport(LinkToken.report(key: key), key: key))
        var bytes = try #require(Base64URL.decode(token))
        for index in bytes.indices {
            bytes[index] ^= 0x01
            #expect(LinkToken.open(Base64URL.encode(bytes), key: key) == nil, "byte \(index)")
            bytes[index] ^= 0x01
        }
    }

    @Test("the key file's text: 64 hexadecimal digits")
    func keyText() {
        let (_, text) = LinkKey.generate()
        #expect(text.count == 65 && text.hasSuffix("\n"))
        #expect(LinkKey.parse(text) != nil)
        #expect(LinkKey.parse(String(text.dropFirst(2))) == nil)
        #expect(LinkKey.parse(String(repeating: "g", count: 64)) == nil)
    }

    @Test(
        "HTML escaping",
        arguments: [
            ("a < b & c > d", "a &lt; b &amp; c &gt; d"), ("\"x\" 'y'", "&quot;x&quot; &#39;y&#39;"),
            ("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"),
            ("</textarea><script>", "&lt;/textarea&gt;&lt;script&gt;"),
        ])
    func escaping(input: String, expected: String) {
        #expect(HTML.escape(input) == expected)
    }

    @Test("form bodies: percent and plus decoded, the note trimmed, folded onto one line and cut")
    func forms() {
        let fields = FormBody.fields(Array("note=%C4%90%C3%A3+g%E1%BB%ADi%0D%0A++b%C3%A1o+c%C3%A1o&note=second&x".utf8))
        #expect(fields["note"] == "Đã gửi\r\n  báo cáo" && fields["x"] == "")
        #expect(FormBody.note(fields) == "Đã gửi báo cáo")
        #expect(FormBody.note(["note": "   "]) == nil)
        #expect(FormBody.note(["note": String(repeating: "a", count: 900)])?.count == FormBody.maxNoteLength)
        #expect(FormBody.fields(Array("%ZZ=%4".utf8)) == ["%ZZ": "%4"])
    }

    @Test("the rate limit: a burst, then one more each refill, per address")
    func rateLimit() {
        let limiter = PostRateLimiter(burst: 3, refillSeconds: 10, capacity: 2)
        let start = ContinuousClock.now
        #expect((0..<4).map { _ in limiter.allow("a", now: start) } == [true, true, true, false])
        #expect(limiter.allow("b", now: start))
        #expect(!limiter.allow("a", now: start + .seconds(9)))
        #expect(limiter.allow("a", now: start + .seconds(11)))
        // Past its capacity it forgets addresses whose allowance is full again, never the one being asked about.
        #expect(limiter.allow("c", now: start + .seconds(100)))
        #expect(limiter.allow("c", now: start + .seconds(100)) && limiter.allow("c", now: start + .seconds(100)))
        #expect(!limiter.allow("c", now: start + .seconds(100)))
    }

    @Test(
        "the Date header",
        arguments: [
            (Int64(0), "Thu, 01 Jan 1970 00:00:00 GMT"), (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
            (1_607_475_600, "Wed, 09 Dec 2020 01:00:00 GMT"),
        ])
    func date(seconds: Int64, expected: String) {
        #expect(HTTPDate.format(seconds) == expected)
    }

    @Test("a page's policy allows its own style by hash and nothing else")
    func policy() {
        let page = HTMLDocument(language: .vi, title: "<t>", body: "<main></main>")
        #expect(page.rendered.contains("<title>&lt;t&gt;</title>") && page.rendered.contains("<html lang=\"vi\">"))
        let policy = page.contentSecurityPolicy
        #expect(
            policy.hasPrefix("default-src 'none'; style-src 'sha256-")
                && policy.hasSuffix("'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"))
        let other = HTMLDocument(language: .vi, title: "t", style: "body{}", body: "")
        #expect(other.contentSecurityPolicy != policy)
    }
}

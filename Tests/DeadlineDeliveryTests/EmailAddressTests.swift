import Testing

@testable import DeadlineDelivery

@Suite("E-mail addresses: parsing, validation, rendering")
struct EmailAddressTests {
    @Test(
        "parses display names and bare addresses",
        arguments: [
            ("Văn phòng UBND Thành phố <nhacviec@hanoi.gov.vn>", "Văn phòng UBND Thành phố", "nhacviec@hanoi.gov.vn"),
            ("\"Nguyễn, Văn A\" <a.nguyen@hanoi.gov.vn>", "Nguyễn, Văn A", "a.nguyen@hanoi.gov.vn"),
            ("\"Say \\\"hi\\\"\" <x@example.org>", "Say \"hi\"", "x@example.org"),
            ("  chanh.vp@hanoi.gov.vn  ", nil, "chanh.vp@hanoi.gov.vn"),
            ("<only@example.org>", nil, "only@example.org"),
            ("tester+tag@localhost", nil, "tester+tag@localhost"),
        ] as [(String, String?, String)])
    func parses(text: String, name: String?, address: String) throws {
        let parsed = try EmailAddress(parsing: text)
        #expect(parsed.displayName == name)
        #expect(parsed.address == address)
    }

    @Test(
        "rejects malformed addresses and header injection",
        arguments: [
            "no-at-sign", "@example.org", "user@", "a..b@example.org", ".a@example.org", "user@-bad.example",
            "user@exa mple.org", "người@example.org", "x@example.org\r\nBcc: victim@example.org",
            "Name\n <x@example.org>", "Evil <x@example.org\r\nBcc: y@example.org>", "user@host..org",
        ])
    func rejects(text: String) {
        #expect(throws: MessageFormatError.self) { try EmailAddress(parsing: text) }
    }

    @Test("a display name with CR/LF is rejected")
    func displayNameInjection() {
        #expect(throws: MessageFormatError.self) {
            try EmailAddress("x@example.org", displayName: "Name\r\nBcc: victim@example.org")
        }
    }

    @Test("non-ASCII addresses get an actionable message")
    func nonASCIIAddressMessage() {
        #expect {
            try EmailAddress("ai@hànội.vn")
        } throws: { error in
            (error as? MessageFormatError)?.problem.contains("punycode") == true
        }
    }

    @Test("From with a Vietnamese display name renders as an encoded-word and the address")
    func renderVietnameseFrom() throws {
        var writer = HeaderWriter()
        writer.appendAddresses("From", [try EmailAddress(parsing: "Văn phòng UBND Thành phố <nhacviec@hanoi.gov.vn>")])
        // 82 columns on one line, so the address folds onto the next.
        #expect(
            writer.text == "From: =?UTF-8?B?VsSDbiBwaMOybmcgVUJORCBUaMOgbmggcGjhu5E=?=\r\n <nhacviec@hanoi.gov.vn>\r\n")
        #expect(writer.text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    }

    @Test(
        "ASCII display names: atoms stay bare, specials are quoted and escaped",
        arguments: [
            ("Van phong", "From: Van phong <a@example.org>\r\n"),
            ("Nguyen, Van A", "From: \"Nguyen, Van A\" <a@example.org>\r\n"),
            ("Dr. \"X\"", "From: \"Dr. \\\"X\\\"\" <a@example.org>\r\n"),
        ])
    func renderASCIIDisplayNames(name: String, expected: String) throws {
        var writer = HeaderWriter()
        writer.appendAddresses("From", [try EmailAddress("a@example.org", displayName: name)])
        #expect(writer.text == expected)
    }

    @Test("an address list folds after commas, every line within 78 columns")
    func addressListFolds() throws {
        let addresses = try (1...6).map {
            try EmailAddress("nguoi.nhan.\($0)@so-tai-chinh.hanoi.gov.vn", displayName: "Phòng \($0)")
        }
        var writer = HeaderWriter()
        writer.appendAddresses("To", addresses)
        let lines = writer.text.split(separator: "\r\n")
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(writer.text.split(separator: ">,").count == 6)
    }
}

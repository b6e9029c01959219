import Testing

@testable import DeadlineDelivery

@Suite("Rendering a reminder e-mail")
struct EmailMessageTests {
    static func sample(calendar: CalendarAttachment? = nil, html: String? = "<p>Xin chào</p>") throws -> EmailMessage {
        EmailMessage(
            from: try EmailAddress(parsing: "Văn phòng UBND Thành phố <nhacviec@hanoi.gov.vn>"),
            to: [try EmailAddress(parsing: "Chánh Văn phòng <chanh.vp@hanoi.gov.vn>")],
            bcc: [try EmailAddress("luu.tru@hanoi.gov.vn")],
            subject: "Nhắc hạn: Báo cáo trình UBND TP trước ngày 10/12/2020",
            textBody: "Kính gửi anh/chị,\n.Dòng bắt đầu bằng dấu chấm\nHạn: 10/12/2020",
            htmlBody: html, calendar: calendar, idempotencyKey: "5418/2020-12-10/email",
            date: MessageDate(unixSeconds: 1_607_562_000, utcOffsetSeconds: 7 * 3600),
            messageID: "<0123456789abcdef@hanoi.gov.vn>")
    }

    @Test(
        "Date headers use RFC 5322 with a numeric zone",
        arguments: [
            (1_607_562_000, 25_200, "Thu, 10 Dec 2020 08:00:00 +0700"),
            (0, 0, "Thu, 1 Jan 1970 00:00:00 +0000"),
            (-1, 0, "Wed, 31 Dec 1969 23:59:59 +0000"),
            (1_709_251_199, -18_000, "Thu, 29 Feb 2024 18:59:59 -0500"),
            (1_700_000_000, 20_700, "Wed, 15 Nov 2023 03:58:20 +0545"),
        ] as [(Int64, Int, String)])
    func dates(unix: Int64, offset: Int, expected: String) {
        #expect(MessageDate(unixSeconds: unix, utcOffsetSeconds: offset).rfc5322 == expected)
    }

    @Test("the header block is exact, CRLF only, and folded")
    func headerBlock() throws {
        let bytes = try Self.sample(html: nil).render()
        let text = String(decoding: bytes, as: UTF8.self)
        let headers = String(text.split(separator: "\r\n\r\n", maxSplits: 1)[0])
        #expect(
            headers == """
                Date: Thu, 10 Dec 2020 08:00:00 +0700\r
                From: =?UTF-8?B?VsSDbiBwaMOybmcgVUJORCBUaMOgbmggcGjhu5E=?=\r
                 <nhacviec@hanoi.gov.vn>\r
                To: =?UTF-8?B?Q2jDoW5oIFbEg24gcGjDsm5n?= <chanh.vp@hanoi.gov.vn>\r
                Subject: =?UTF-8?B?Tmjhuq9jIGjhuqFuOiBCw6FvIGPDoW8gdHLDrG5oIFVCTkQgVFAgdHI=?=\r
                 =?UTF-8?B?xrDhu5tjIG5nw6B5IDEwLzEyLzIwMjA=?=\r
                Message-ID: <0123456789abcdef@hanoi.gov.vn>\r
                MIME-Version: 1.0\r
                Auto-Submitted: auto-generated\r
                X-Auto-Response-Suppress: All\r
                X-Deadlined-Key: 5418/2020-12-10/email\r
                Content-Type: text/plain; charset=UTF-8\r
                Content-Transfer-Encoding: quoted-printable
                """)
        #expect(!text.contains("luu.tru"))  // Bcc only in the envelope
        #expect(bytes.enumerated().allSatisfy { $0.element != 10 || ($0.offset > 0 && bytes[$0.offset - 1] == 13) })
    }

    @Test("the envelope has every recipient once, Bcc included")
    func envelope() throws {
        var message = try Self.sample()
        message.cc = [try EmailAddress("CHANH.VP@hanoi.gov.vn")]
        #expect(
            message.envelope
                == SMTPEnvelope(
                    sender: "nhacviec@hanoi.gov.vn", recipients: ["chanh.vp@hanoi.gov.vn", "luu.tru@hanoi.gov.vn"]))
    }

    @Test("text + HTML + calendar nest as multipart/mixed ⊃ multipart/alternative, boundaries closed")
    func multipartStructure() throws {
        let calendar = CalendarAttachment(filename: "Lịch hạn.ics", content: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
        let text = String(decoding: try Self.sample(calendar: calendar).render(), as: UTF8.self)
        let mixed = MIMEBody.boundary("<0123456789abcdef@hanoi.gov.vn>", "mix")
        let alternative = MIMEBody.boundary("<0123456789abcdef@hanoi.gov.vn>", "alt")
        #expect(text.contains("Content-Type: multipart/mixed; boundary=\"\(mixed)\"\r\n"))
        #expect(text.contains("--\(mixed)--\r\n"))
        #expect(text.contains("--\(alternative)--\r\n"))
        #expect(text.contains("Content-Type: text/calendar; charset=UTF-8; method=PUBLISH;"))
        #expect(text.contains("filename*=UTF-8''L%E1%BB%8Bch%20h%E1%BA%A1n.ics"))
        #expect(text.contains("\r\n.D=C3=B2ng b=E1=BA=AFt"))  // a dot-led line, left to libcurl's dot-stuffing
        #expect(text.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 78 })
    }

    @Test("boundaries start with '=_', which quoted-printable and base64 never produce")
    func boundaryShape() {
        let boundary = MIMEBody.boundary("<x@y>", "alt")
        #expect(boundary.hasPrefix("=_dl_") && boundary.hasSuffix("_alt") && boundary.utf8.count <= 70)
    }

    @Test(
        "RFC 2045/2231 parameters",
        arguments: [
            ("nhac-han.ics", "filename=nhac-han.ics"),
            ("nhắc hạn.ics", "filename*=UTF-8''nh%E1%BA%AFc%20h%E1%BA%A1n.ics"),
            ("with space.ics", "filename=\"with space.ics\""),
            ("q\"uote.ics", "filename=\"q\\\"uote.ics\""),
        ])
    func parameters(value: String, expected: String) {
        #expect(MIMEParameter.render("filename", value) == expected)
    }

    @Test("bad keys, IDs and filenames are refused before anything is sent")
    func refusals() throws {
        var message = try Self.sample()
        message.idempotencyKey = "key with space"
        #expect(throws: MessageFormatError.self) { try message.render() }
        message = try Self.sample()
        message.messageID = "no-brackets@x"
        #expect(throws: MessageFormatError.self) { try message.render() }
        message = try Self.sample(calendar: CalendarAttachment(filename: "../etc/passwd", content: ""))
        #expect(throws: MessageFormatError.self) { try message.render() }
        message = try Self.sample()
        message.subject = "Nhắc hạn\r\nBcc: victim@example.org"
        #expect(throws: MessageFormatError.self) { try message.render() }
    }

    @Test("Message-IDs are unique and use the sender's domain")
    func messageIDs() {
        let first = MessageID.generate(domain: "hanoi.gov.vn")
        let second = MessageID.generate(domain: "hanoi.gov.vn")
        #expect(first != second)
        #expect(first.hasPrefix("<") && first.hasSuffix("@hanoi.gov.vn>") && first.utf8.count == 32 + 15)
    }
}

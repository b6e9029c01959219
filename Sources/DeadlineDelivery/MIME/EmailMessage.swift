/// An `.ics` file attached to a message as `text/calendar; method=PUBLISH; charset=UTF-8`.
package struct CalendarAttachment: Sendable, Equatable {
    /// The file name readers see, e.g. `nhac-han.ics` or `Lịch hạn.ics` (non-ASCII is encoded per RFC 2231).
    package var filename: String
    /// The iCalendar text, e.g. from ``ICalendarWriter/document(events:)``.
    package var content: String

    /// Creates an attachment.
    package init(filename: String, content: String) {
        self.filename = filename
        self.content = content
    }
}

/// A reminder e-mail: headers, a plain-text body, an optional HTML alternative and an optional calendar file.
///
/// ``render()`` produces RFC 5322/MIME bytes ready for ``SMTPTransport/send(_:envelope:)``: CRLF line endings
/// only, header lines folded at 78 characters, non-ASCII header text as RFC 2047 encoded-words, bodies in
/// quoted-printable (text) and base64 (calendar) so no line passes 76 characters. It marks the message
/// `Auto-Submitted: auto-generated` (RFC 3834) so auto-responders stay quiet, and carries the caller's
/// idempotency key in `X-Deadlined-Key`. Rendering is pure: the date and Message-ID are fields.
package struct EmailMessage: Sendable, Equatable {
    /// The author and `MAIL FROM`.
    package var from: EmailAddress
    /// Visible recipients.
    package var to: [EmailAddress]
    /// Visible copies.
    package var cc: [EmailAddress]
    /// Hidden copies: in the envelope only, never in a header.
    package var bcc: [EmailAddress]
    /// Where replies go, if not to ``from``.
    package var replyTo: EmailAddress?
    /// The subject, any Unicode text on one line.
    package var subject: String
    /// The plain-text body (`\n` line breaks).
    package var textBody: String
    /// An HTML alternative of the same content, if any.
    package var htmlBody: String?
    /// A calendar file, if any.
    package var calendar: CalendarAttachment?
    /// The caller's idempotency key (printable ASCII, e.g. `5418/2020-12-10/email`), sent as `X-Deadlined-Key`.
    package var idempotencyKey: String
    /// The `Date:` header's moment and zone.
    package var date: MessageDate
    /// `<…@domain>`; generated from ``from``'s domain unless given.
    package var messageID: String

    /// The header that carries ``idempotencyKey``.
    package static let idempotencyHeader = "X-Deadlined-Key"

    /// Creates a message; a `nil` `messageID` gets a new random one.
    package init(
        from: EmailAddress, to: [EmailAddress], cc: [EmailAddress] = [], bcc: [EmailAddress] = [],
        replyTo: EmailAddress? = nil, subject: String, textBody: String, htmlBody: String? = nil,
        calendar: CalendarAttachment? = nil, idempotencyKey: String, date: MessageDate, messageID: String? = nil
    ) {
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.replyTo = replyTo
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.calendar = calendar
        self.idempotencyKey = idempotencyKey
        self.date = date
        self.messageID = messageID ?? MessageID.generate(domain: from.domain)
    }

    /// The SMTP envelope: ``from`` and every recipient (To, Cc, Bcc), each address once.
    package var envelope: SMTPEnvelope {
        var seen = Set<String>()
        let recipients = (to + cc + bcc).map(\.address).filter { seen.insert($0.lowercased()).inserted }
        return SMTPEnvelope(sender: from.address, recipients: recipients)
    }

    /// The complete message as bytes with CRLF line endings.
    package func render() throws(MessageFormatError) -> [UInt8] {
        guard !(to + cc + bcc).isEmpty else {
            throw MessageFormatError(field: "To", problem: "the message has no recipient")
        }
        try checkHeaderToken(idempotencyKey, field: Self.idempotencyHeader)
        try checkHeaderToken(messageID, field: "Message-ID")
        guard messageID.hasPrefix("<"), messageID.hasSuffix(">"), messageID.contains("@") else {
            throw MessageFormatError(field: "Message-ID", problem: "'\(messageID)' is not of the form <id@domain>")
        }

        var headers = HeaderWriter()
        headers.append("Date", segments: [date.rfc5322])
        headers.appendAddresses("From", [from])
        if to.isEmpty && cc.isEmpty {
            headers.append("To", segments: ["undisclosed-recipients:;"])
        } else if !to.isEmpty {
            headers.appendAddresses("To", to)
        }
        if !cc.isEmpty { headers.appendAddresses("Cc", cc) }
        if let replyTo { headers.appendAddresses("Reply-To", [replyTo]) }
        try headers.appendUnstructured("Subject", subject)
        headers.append("Message-ID", segments: [messageID])
        headers.append("MIME-Version", segments: ["1.0"])
        headers.append("Auto-Submitted", segments: ["auto-generated"])
        headers.append("X-Auto-Response-Suppress", segments: ["All"])
        headers.append(Self.idempotencyHeader, segments: [idempotencyKey])

        let body = try MIMEBody.build(text: textBody, html: htmlBody, calendar: calendar, messageID: messageID)
        headers.append("Content-Type", segments: body.contentType)
        if let encoding = body.transferEncoding {
            headers.append("Content-Transfer-Encoding", segments: [encoding])
        }
        return Array((headers.text + "\r\n" + body.content).utf8)
    }

    private func checkHeaderToken(_ value: String, field: String) throws(MessageFormatError) {
        guard !value.isEmpty, value.utf8.count <= 900,
            value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else {
            throw MessageFormatError(
                field: field, problem: "must be 1–900 printable ASCII characters without spaces")
        }
    }
}

import Crypto

/// Assembles a message body: one text part, or `multipart/alternative` (text + HTML), inside
/// `multipart/mixed` when a calendar file is attached.
struct MIMEBody {
    /// The top-level `Content-Type` value as header segments.
    var contentType: [String]
    /// The top-level `Content-Transfer-Encoding`, for a single-part body.
    var transferEncoding: String?
    /// The body after the header block, CRLF line endings, ending with CRLF.
    var content: String

    static func build(
        text: String, html: String?, calendar: CalendarAttachment?, messageID: String
    )
        throws(MessageFormatError) -> MIMEBody
    {
        let textPart = MIMEPart.text(text, subtype: "plain")
        var main = textPart
        if let html {
            main = MIMEPart.multipart(
                subtype: "alternative", boundary: boundary(messageID, "alt"),
                parts: [textPart, MIMEPart.text(html, subtype: "html")])
        }
        if let calendar {
            main = MIMEPart.multipart(
                subtype: "mixed", boundary: boundary(messageID, "mix"),
                parts: [main, try MIMEPart.calendar(calendar)])
        }
        let content = main.body.hasSuffix("\r\n") ? main.body : main.body + "\r\n"
        return MIMEBody(contentType: main.contentType, transferEncoding: main.transferEncoding, content: content)
    }

    /// A boundary unique to the message, that cannot occur in quoted-printable or base64 text (which never
    /// contain `=_`): `=_dl_<24 hex digits>_<label>`.
    static func boundary(_ messageID: String, _ label: String) -> String {
        let digest = SHA256.hash(data: Array((messageID + "/" + label).utf8))
        return "=_dl_" + digest.prefix(12).map { pad(Int($0), 2, radix: 16) }.joined() + "_" + label
    }
}

/// One MIME entity: its `Content-Type`, transfer encoding, other headers, and encoded body.
struct MIMEPart {
    var contentType: [String]
    var transferEncoding: String?
    var extraHeaders: [(name: String, segments: [String])] = []
    var body: String

    /// `text/<subtype>; charset=UTF-8`, quoted-printable.
    static func text(_ text: String, subtype: String) -> MIMEPart {
        MIMEPart(
            contentType: ["text/\(subtype);", "charset=UTF-8"], transferEncoding: "quoted-printable",
            body: QuotedPrintable.encode(text))
    }

    /// `text/calendar; charset=UTF-8; method=PUBLISH`, base64, as an attachment named per RFC 2231.
    static func calendar(_ attachment: CalendarAttachment) throws(MessageFormatError) -> MIMEPart {
        let name = attachment.filename
        try HeaderText.checkNoControlCharacters(name, field: "attachment filename")
        guard (1...200).contains(name.utf8.count), !name.contains("/"), !name.contains("\\") else {
            throw MessageFormatError(
                field: "attachment filename", problem: "'\(name)' must be 1–200 bytes without '/' or '\\'")
        }
        var encoded = Base64.encodeLines(Array(attachment.content.utf8))
        if encoded.hasSuffix("\r\n") { encoded.removeLast() }  // "\r\n" is one Character
        return MIMEPart(
            contentType: ["text/calendar;", "charset=UTF-8;", "method=PUBLISH;", MIMEParameter.render("name", name)],
            transferEncoding: "base64",
            extraHeaders: [("Content-Disposition", ["attachment;", MIMEParameter.render("filename", name)])],
            body: encoded)
    }

    /// `multipart/<subtype>` holding `parts`, each introduced by the boundary.
    static func multipart(subtype: String, boundary: String, parts: [MIMEPart]) -> MIMEPart {
        var body = ""
        for part in parts {
            body += "--\(boundary)\r\n" + part.headerBlock + "\r\n" + part.body + "\r\n"
        }
        body += "--\(boundary)--\r\n"
        return MIMEPart(
            contentType: ["multipart/\(subtype);", "boundary=\"\(boundary)\""], transferEncoding: nil, body: body)
    }

    /// The part's own header lines.
    var headerBlock: String {
        var writer = HeaderWriter()
        writer.append("Content-Type", segments: contentType)
        if let transferEncoding { writer.append("Content-Transfer-Encoding", segments: [transferEncoding]) }
        for header in extraHeaders { writer.append(header.name, segments: header.segments) }
        return writer.text
    }
}

/// MIME header parameters (`name=value`): a token, a quoted string, or RFC 2231 `name*=UTF-8''%XX…` when the
/// value is not ASCII.
enum MIMEParameter {
    /// RFC 2045 `tspecials`: characters that force a quoted string.
    private static let specials = Set("()<>@,;:\\\"/[]?=".utf8)
    /// RFC 2231 `attribute-char`s left unescaped besides letters and digits.
    private static let attributeSymbols = Set("!#$&+-.^_`|~".utf8)
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// `name=value`, `name="va lue"` or `name*=UTF-8''%C4%90…`.
    static func render(_ name: String, _ value: String) -> String {
        let bytes = Array(value.utf8)
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            if !bytes.isEmpty, bytes.allSatisfy({ $0 > 0x20 && !specials.contains($0) }) {
                return "\(name)=\(value)"
            }
            let escaped = value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
            return "\(name)=\"\(escaped)\""
        }
        var encoded: [UInt8] = []
        for byte in bytes {
            if EmailAddress.isAlphanumeric(byte) || attributeSymbols.contains(byte) {
                encoded.append(byte)
            } else {
                encoded += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            }
        }
        return "\(name)*=UTF-8''" + String(decoding: encoded, as: UTF8.self)
    }
}

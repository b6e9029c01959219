/// A message read back as a person reads it: headers unfolded and decoded (RFC 2047 encoded-words), and the
/// plain text, with its transfer encoding undone. For `deadlinectl outbox`, which shows what the outbox channel
/// wrote without a mail client.
package struct ReadMessage: Sendable, Hashable {
    /// Every header, in order, with encoded-words decoded.
    package var headers: [Header]
    /// The first `text/plain` part (the whole body for a single-part text message), decoded; `nil` if none.
    package var text: String?

    package struct Header: Sendable, Hashable {
        package var name: String
        package var value: String
    }

    /// The first header called `name` (case-insensitive).
    package func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}

/// Reads RFC 5322 messages with MIME bodies: enough for what deadlined writes and for ordinary mail. Never traps
/// on malformed input: what cannot be decoded is shown as it is.
package enum MIMEReader {
    /// Parts nested deeper than this are not looked into.
    static let maximumDepth = 8

    package static func read(_ bytes: [UInt8]) -> ReadMessage {
        let (head, body) = split(bytes)
        let headers = parseHeaders(head)
        return ReadMessage(headers: headers, text: plainText(headers: headers, body: body, depth: 0))
    }

    /// Header block and body, at the first empty line (CRLF or LF).
    static func split(_ bytes: [UInt8]) -> (head: [UInt8], body: [UInt8]) {
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                var next = index + 1
                if next < bytes.count, bytes[next] == 0x0D { next += 1 }
                if next < bytes.count, bytes[next] == 0x0A {
                    return (Array(bytes[..<index]), Array(bytes[(next + 1)...]))
                }
                if next == bytes.count { return (Array(bytes[..<index]), []) }
            }
            index += 1
        }
        return (bytes, [])
    }

    /// Unfolded, decoded headers.
    static func parseHeaders(_ head: [UInt8]) -> [ReadMessage.Header] {
        var lines: [String] = []
        // By bytes: in a Swift String, CR LF is one Character, which a split on "\n" would not find.
        for raw in Self.lines(head) where !raw.isEmpty {
            let line = String(decoding: raw, as: UTF8.self)
            if let first = line.first, first == " " || first == "\t", !lines.isEmpty {
                lines[lines.count - 1] += line
            } else {
                lines.append(line)
            }
        }
        return lines.compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = String(line[..<colon])
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: " \t")
            return ReadMessage.Header(name: name, value: decodeWords(value))
        }
    }

    /// The text of a part: its own if it is `text/plain`, else the first plain text among its parts.
    static func plainText(headers: [ReadMessage.Header], body: [UInt8], depth: Int) -> String? {
        let message = ReadMessage(headers: headers, text: nil)
        let (type, parameters) = contentType(message.header("Content-Type") ?? "text/plain")
        if type.hasPrefix("multipart/") {
            guard depth < maximumDepth, let boundary = parameters["boundary"], !boundary.isEmpty else { return nil }
            for part in parts(body, boundary: boundary) {
                let (head, partBody) = split(part)
                if let text = plainText(headers: parseHeaders(head), body: partBody, depth: depth + 1) { return text }
            }
            return nil
        }
        guard type == "text/plain" else { return nil }
        let encoding = (message.header("Content-Transfer-Encoding") ?? "7bit").lowercased()
        let decoded: [UInt8] =
            switch encoding {
            case "base64": Base64.decode(String(decoding: body.filter { $0 > 0x20 }, as: UTF8.self)) ?? body
            case "quoted-printable": quotedPrintableDecode(body)
            default: body
            }
        var text = String(decoding: decoded, as: UTF8.self)
        text = text.replacingCRLF()
        return text
    }

    /// `text/plain` and its parameters (names lower-cased, quotes removed) from a `Content-Type` value.
    static func contentType(_ value: String) -> (String, [String: String]) {
        let pieces = value.split(separator: ";").map { $0.trimmingCharacters(in: " \t") }
        var parameters: [String: String] = [:]
        for piece in pieces.dropFirst() {
            guard let equals = piece.firstIndex(of: "=") else { continue }
            var parameterValue = String(piece[piece.index(after: equals)...])
            if parameterValue.hasPrefix("\""), parameterValue.hasSuffix("\""), parameterValue.count >= 2 {
                parameterValue = String(parameterValue.dropFirst().dropLast())
            }
            parameters[piece[..<equals].lowercased()] = parameterValue
        }
        return ((pieces.first ?? "text/plain").lowercased(), parameters)
    }

    /// The parts between `--boundary` lines, up to `--boundary--`.
    static func parts(_ body: [UInt8], boundary: String) -> [[UInt8]] {
        let delimiter = "--" + boundary
        var parts: [[UInt8]] = []
        var current: [UInt8]?
        for line in lines(body) {
            let text = String(decoding: line, as: UTF8.self)
            if text == delimiter || text == delimiter + "--" {
                // The line break before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
                if var part = current {
                    if part.last == 0x0A { part.removeLast() }
                    parts.append(part)
                }
                if text.hasSuffix("--"), text != delimiter { return parts }
                current = []
                continue
            }
            if var part = current {
                part += line + [0x0A]
                current = part
            }
        }
        if let part = current, !part.isEmpty { parts.append(part) }
        return parts
    }

    /// Lines without their CRLF or LF.
    static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var start = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            var end = index
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            out.append(Array(bytes[start..<end]))
            start = index + 1
        }
        if start < bytes.count {
            var end = bytes.count
            if bytes[end - 1] == 0x0D { end -= 1 }
            out.append(Array(bytes[start..<end]))
        }
        return out
    }

    /// Quoted-printable (RFC 2045): `=XX` bytes, soft line breaks `=` at a line's end.
    static func quotedPrintableDecode(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "=") else {
                out.append(byte)
                index += 1
                continue
            }
            // Soft line break: "=\r\n" or "=\n".
            if index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                index += 2
                continue
            }
            if index + 2 < bytes.count, bytes[index + 1] == 0x0D, bytes[index + 2] == 0x0A {
                index += 3
                continue
            }
            if index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) {
                out.append(high << 4 | low)
                index += 3
                continue
            }
            out.append(byte)
            index += 1
        }
        return out
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    /// A header value with its RFC 2047 encoded-words (`=?UTF-8?B?...?=`, `=?UTF-8?Q?...?=`) decoded; the white
    /// space between two adjacent encoded-words is dropped, as the RFC says.
    package static func decodeWords(_ value: String) -> String {
        var out = ""
        var pendingSpace = ""
        var lastWasEncoded = false
        var rest = Substring(value)
        var steps = 0
        while !rest.isEmpty, steps < value.utf8.count + 1 {
            steps += 1
            if rest.hasPrefix("=?"), let (decoded, after) = encodedWord(rest) {
                if !lastWasEncoded { out += pendingSpace }
                pendingSpace = ""
                out += decoded
                lastWasEncoded = true
                rest = after
                continue
            }
            guard let first = rest.first else { break }
            if first == " " || first == "\t" {
                pendingSpace.append(first)
            } else {
                out += pendingSpace
                pendingSpace = ""
                out.append(first)
                lastWasEncoded = false
            }
            rest = rest.dropFirst()
        }
        return out + pendingSpace
    }

    /// One encoded-word at the start of `text`, decoded, and what follows it; `nil` if it is not one.
    static func encodedWord(_ text: Substring) -> (String, Substring)? {
        let parts = text.dropFirst(2).split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count == 4, parts[3].hasPrefix("=") else { return nil }
        let encoding = parts[1].uppercased()
        let payload = String(parts[2])
        let bytes: [UInt8]?
        switch encoding {
        case "B": bytes = Base64.decode(payload)
        case "Q":
            let underscores = payload.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: " ") : $0 }
            bytes = quotedPrintableDecode(underscores)
        default: bytes = nil
        }
        guard let bytes else { return nil }
        return (String(decoding: bytes, as: UTF8.self), parts[3].dropFirst())
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let first = scalars.first, set.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.contains(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }

    fileprivate func replacingCRLF() -> String {
        var out = ""
        out.reserveCapacity(utf8.count)
        var previousCR = false
        for scalar in unicodeScalars {
            if previousCR, scalar != "\n" { out.unicodeScalars.append("\r") }
            previousCR = scalar == "\r"
            if !previousCR { out.unicodeScalars.append(scalar) }
        }
        if previousCR { out.unicodeScalars.append("\r") }
        return out
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String { String(self).trimmingCharacters(in: set) }
}

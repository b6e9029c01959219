/// One SMTP reply, possibly multi-line (`250-…` lines then a final `250 …`).
struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    /// The three-digit reply code, e.g. `550`.
    var code: Int
    /// The reply's lines without their code and separator.
    var lines: [String]

    /// `550 5.1.1 <x@example.org>: unknown mailbox` (lines joined with a space).
    var description: String {
        let text = lines.filter { !$0.isEmpty }.joined(separator: " ")
        return text.isEmpty ? "\(code)" : "\(code) \(text)"
    }

    var isPositive: Bool { (200..<400).contains(code) }
    var isTransient: Bool { (400..<500).contains(code) }
    var isPermanent: Bool { code >= 500 }
}

/// An SMTP command as recorded, without any argument that could be a secret.
enum SMTPCommand: Sendable, Equatable {
    case greeting, hello, starttls, data, reset, quit
    /// `AUTH PLAIN`, `AUTH LOGIN`: the mechanism only; the credentials are never recorded.
    case auth(mechanism: String)
    /// A line sent during an AUTH exchange (base64 credentials): recorded as a fact, never as text.
    case authContinuation
    case mailFrom(String)
    case recipient(String)
    /// Any other verb (at most 16 characters of it).
    case other(String)
}

/// A command and the replies it received, in order. `DATA` gets two: `354` and the reply to the message.
struct SMTPExchange: Sendable, Equatable {
    var command: SMTPCommand
    var replies: [SMTPReply] = []
    /// The last complete reply to this command.
    var finalReply: SMTPReply? { replies.last }
}

/// Builds the transcript of one SMTP transfer from libcurl's debug callback: `CURLINFO_HEADER_OUT` chunks are
/// commands we sent, `CURLINFO_HEADER_IN` chunks are reply lines. Bounded: at most ``exchangeLimit`` exchanges,
/// ``lineLimit`` lines per reply, 512 characters per line.
struct SMTPTranscriptRecorder: Sendable {
    private(set) var exchanges: [SMTPExchange] = []
    private var pendingLines: [String] = []
    private var inAuthentication = false
    let exchangeLimit = 1024
    let lineLimit = 32

    /// Records a command sent by libcurl. During AUTH, the lines are credentials: only the fact is kept.
    mutating func recordSent(_ raw: UnsafeRawBufferPointer) {
        guard exchanges.count < exchangeLimit else { return }
        if inAuthentication {
            exchanges.append(SMTPExchange(command: .authContinuation))
            return
        }
        let verbBytes = raw.prefix { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: ":") && $0 != 13 && $0 != 10 }
        let verb = String(decoding: verbBytes.prefix(16), as: UTF8.self).uppercased()
        let command: SMTPCommand
        switch verb {
        case "EHLO", "HELO", "LHLO": command = .hello
        case "STARTTLS": command = .starttls
        case "DATA": command = .data
        case "RSET": command = .reset
        case "QUIT": command = .quit
        case "AUTH":
            let words = String(decoding: raw.prefix(64), as: UTF8.self).split(whereSeparator: {
                $0 == " " || $0.isNewline
            })
            command = .auth(mechanism: words.count > 1 ? String(words[1].prefix(20)) : "")
            inAuthentication = true
        case "MAIL": command = .mailFrom(Self.angleAddress(in: raw))
        case "RCPT": command = .recipient(Self.angleAddress(in: raw))
        default: command = .other(verb)
        }
        exchanges.append(SMTPExchange(command: command))
    }

    /// Records reply lines received; a final line (`250 …`) completes a reply and attaches it to the last command.
    mutating func recordReceived(_ raw: UnsafeRawBufferPointer) {
        let text = String(decoding: raw, as: UTF8.self)
        // Swift treats "\r\n" as one Character: split on any newline.
        for line in text.split(whereSeparator: \.isNewline).prefix(lineLimit) {
            let bytes = Array(line.utf8)
            guard bytes.count >= 3, bytes[0...2].allSatisfy({ (48...57).contains($0) }),
                let code = Int(String(line.prefix(3)))
            else { continue }
            let isContinuation = bytes.count > 3 && bytes[3] == UInt8(ascii: "-")
            let rest = String(line.dropFirst(4).prefix(512))
            if pendingLines.count < lineLimit { pendingLines.append(rest) }
            if isContinuation { continue }
            let reply = SMTPReply(code: code, lines: pendingLines)
            pendingLines.removeAll()
            if code != 334 { inAuthentication = false }
            if exchanges.isEmpty {
                exchanges.append(SMTPExchange(command: .greeting))
            }
            exchanges[exchanges.count - 1].replies.append(reply)
        }
    }

    /// The address between `<` and `>` of a MAIL/RCPT command, at most 320 characters.
    private static func angleAddress(in raw: UnsafeRawBufferPointer) -> String {
        let line = String(decoding: raw.prefix(400), as: UTF8.self)
        guard let open = line.firstIndex(of: "<"), let close = line[open...].firstIndex(of: ">") else { return "" }
        return String(line[line.index(after: open)..<close])
    }
}

extension Array where Element == SMTPExchange {
    /// Each `RCPT TO` address with the server's final reply to it (`nil` if the transfer ended before one came).
    var recipientReplies: [(address: String, reply: SMTPReply?)] {
        compactMap { exchange in
            if case .recipient(let address) = exchange.command { return (address, exchange.finalReply) }
            return nil
        }
    }

    /// The server's reply to the message body: the reply after `354` in the `DATA` exchange.
    var messageReply: SMTPReply? {
        guard let data = last(where: { $0.command == .data }), data.replies.count >= 2 else { return nil }
        return data.finalReply
    }
}

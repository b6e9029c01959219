package import DeadlineKit
import Platform

/// Email through an SMTP server: one message per reminder, to all of the unit's recipients in one transaction.
package final class SMTPChannel: Channel {
    package let name: String
    package var kind: ChannelKind { .smtp }
    package var templateParts: Set<TemplatePart> { [.subject, .text, .html] }
    let settings: SMTPSettings
    let from: EmailAddress
    let replyTo: EmailAddress?
    let transport: SMTPTransport

    package init(_ settings: SMTPSettings) throws(DeliveryConfigurationError) {
        name = settings.name
        self.settings = settings
        let (scheme, host, port) = try SMTPChannel.parse(settings.url)
        let credentials: SMTPCredentials? =
            if let user = settings.username, let file = settings.passwordFile {
                SMTPCredentials(username: user, password: try readSecret(file, setting: "password_file"))
            } else {
                nil
            }
        let server = SMTPServer(
            host: host, port: port ?? (scheme == "smtps" ? 465 : 587),
            security: scheme == "smtps" ? .implicitTLS : .starttls(settings.startTLS), caFile: settings.caFile,
            credentials: credentials, clientName: SMTPChannel.clientName,
            connectTimeout: .seconds(settings.connectTimeoutSeconds),
            totalTimeout: .seconds(settings.timeoutSeconds), channelName: settings.name)
        do {
            from = try EmailAddress(settings.from.address, displayName: settings.from.displayName)
            replyTo = try settings.replyTo.map { m throws(MessageFormatError) in
                try EmailAddress(m.address, displayName: m.displayName)
            }
        } catch {
            throw DeliveryConfigurationError(setting: "from", problem: error.description)
        }
        transport = try SMTPTransport(server: server, connections: settings.connections)
    }

    /// The host name to greet the server with, if it is a plain DNS name.
    static let clientName: String? = {
        let host = HostName.current
        return host.utf8.allSatisfy {
            $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") || (48...57).contains($0) || (65...90).contains($0)
                || (97...122).contains($0)
        } && !host.isEmpty ? host : nil
    }()

    static func parse(_ url: String) throws(DeliveryConfigurationError) -> (scheme: String, host: String, port: Int?) {
        guard let sep = url.firstRange(of: "://") else {
            throw DeliveryConfigurationError(
                setting: "url", problem: "'\(url)' is not smtp://host:port or smtps://host:port")
        }
        let scheme = url[..<sep.lowerBound].lowercased()
        var authority = url[sep.upperBound...]
        if let slash = authority.firstIndex(of: "/") { authority = authority[..<slash] }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = String(authority)
        var portText: Substring?
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            let after = host[host.index(after: close)...]
            portText = after.hasPrefix(":") ? after.dropFirst() : nil
            host = String(host[host.index(after: host.startIndex)..<close])
        } else if let colon = host.lastIndex(of: ":") {
            portText = host[host.index(after: colon)...]
            host = String(host[..<colon])
        }
        var port: Int?
        if let portText {
            // A port that is not a number is an error here, never dropped for the scheme's default.
            guard let value = Int(portText), (1...65535).contains(value) else {
                throw DeliveryConfigurationError(setting: "url", problem: "the port must be a number from 1 to 65535")
            }
            port = value
        }
        guard scheme == "smtp" || scheme == "smtps", !host.isEmpty else {
            throw DeliveryConfigurationError(
                setting: "url", problem: "'\(url)' is not smtp://host:port or smtps://host:port")
        }
        return (scheme, host, port)
    }

    package func deliver(_ reminder: OutgoingReminder) async -> DeliveryOutcome {
        do {
            let message = try email(for: reminder)
            return await transport.send(message)
        } catch {
            return .permanentFailure(
                DeliveryError(channel: name, host: "-", kind: .messageRejected, cause: error.description))
        }
    }

    /// The RFC 5322 message for a reminder (also used by the outbox).
    func email(for reminder: OutgoingReminder) throws(MessageFormatError) -> EmailMessage {
        try EmailComposer.message(for: reminder, from: from, replyTo: replyTo, attachICS: settings.attachICS)
    }

    package func shutdown() async {
        await transport.shutdown()
    }
}

/// Turns a rendered reminder into an email (shared by the SMTP and outbox channels).
enum EmailComposer {
    /// The subject on one line: each run of control characters (a line break that a template or a name brought in,
    /// `\r\n` included) becomes one space, so that no text can end the header and no message fails for it.
    static func oneLine(_ subject: String) -> String {
        func isControl(_ s: Unicode.Scalar) -> Bool {
            s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s == "\u{2028}" || s == "\u{2029}"
        }
        guard subject.unicodeScalars.contains(where: isControl) else { return subject }
        var out = String.UnicodeScalarView()
        var inRun = false
        for s in subject.unicodeScalars {
            if isControl(s) {
                if !inRun, out.last != " " { out.append(" ") }
                inRun = true
            } else {
                if inRun, s == " ", out.last == " " { continue }
                inRun = false
                out.append(s)
            }
        }
        return String(out)
    }

    static func message(
        for reminder: OutgoingReminder, from: EmailAddress, replyTo: EmailAddress?, attachICS: Bool
    )
        throws(MessageFormatError) -> EmailMessage
    {
        let facts = reminder.facts
        var to: [EmailAddress] = []
        for m in facts.recipients { to.append(try EmailAddress(m.address, displayName: m.displayName)) }
        guard !to.isEmpty else {
            throw MessageFormatError(field: "To", problem: "the unit '\(facts.unitID)' has no recipients")
        }
        let date = MessageDate(
            unixSeconds: reminder.now.secondsSinceEpoch, utcOffsetSeconds: facts.zone.offset(at: reminder.now))
        var calendar: CalendarAttachment?
        if attachICS, !facts.isDigest {
            let event = CalendarEvent(
                key: "\(facts.deadlineID)|\(facts.occurrence.iso)", stampUnixSeconds: reminder.now.secondsSinceEpoch,
                timing: .interval(
                    startUnixSeconds: facts.due.secondsSinceEpoch - 3600, endUnixSeconds: facts.due.secondsSinceEpoch),
                summary: (facts.language == .vi ? "Hạn: " : "Due: ") + facts.taskShort,
                description: facts.task + (facts.documentRef.map { "\n\($0)" } ?? "")
                    + (facts.confirmURL.map {
                        "\n\n" + (facts.language == .vi ? "Xác nhận đã hoàn thành: " : "Confirm the task done: ") + $0
                    } ?? ""),
                location: facts.unitName,
                alarms: [CalendarAlarm(minutesBefore: 24 * 60, message: facts.taskShort)])
            calendar = CalendarAttachment(
                filename: "han-\(facts.deadlineID).ics", content: ICalendarWriter.document(events: [event]))
        }
        return EmailMessage(
            from: from, to: to, replyTo: replyTo, subject: oneLine(reminder.message.subject),
            textBody: reminder.message.text,
            htmlBody: reminder.message.html, calendar: calendar, idempotencyKey: facts.key, date: date)
    }
}

import DeadlineKit

/// Writes RFC 5545 iCalendar documents: `VCALENDAR` with `VEVENT`s and their `VALARM`s.
///
/// TEXT values are escaped (`\\`, `\;`, `\,`, line breaks as `\n`); content lines are folded at 75 octets with
/// CRLF and one space, between grapheme clusters, so a UTF-8 sequence or a combining sequence is never split.
/// Lines end with CRLF.
package enum ICalendarWriter {
    /// The product identifier written as `PRODID`.
    package static let productID = "-//deadlined//deadlined//VI"
    /// RFC 5545's limit for one content line, in octets, without the CRLF.
    static let lineLimit = 75

    /// A whole `VCALENDAR` with `METHOD:PUBLISH` (an announcement, no RSVP) holding `events`; `name`, for a
    /// calendar people subscribe to, is the name their calendar program shows (`X-WR-CALNAME`).
    package static func document(events: [CalendarEvent], name: String? = nil) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(productID)", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
        if let name { lines.append("X-WR-CALNAME:\(escape(name))") }
        for event in events {
            lines += self.lines(for: event)
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func lines(for event: CalendarEvent) -> [String] {
        var lines = [
            "BEGIN:VEVENT",
            "UID:\(escape(event.uid))",
            "DTSTAMP:\(utc(event.stampUnixSeconds))",
        ]
        switch event.timing {
        case .allDay(let first, let last):
            let end = CivilDate(daysSinceEpoch: max(last.daysSinceEpoch, first.daysSinceEpoch) + 1)
            lines.append("DTSTART;VALUE=DATE:\(date(first))")
            lines.append("DTEND;VALUE=DATE:\(date(end))")
        case .interval(let start, let end):
            lines.append("DTSTART:\(utc(start))")
            lines.append("DTEND:\(utc(max(start, end)))")
        }
        lines.append("SEQUENCE:\(max(0, event.sequence))")
        lines.append("SUMMARY:\(escape(event.summary))")
        if let description = event.description { lines.append("DESCRIPTION:\(escape(description))") }
        if let location = event.location { lines.append("LOCATION:\(escape(location))") }
        lines.append("TRANSP:TRANSPARENT")
        for alarm in event.alarms {
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:\(escape(alarm.message))",
                "TRIGGER:\(alarm.trigger)",
                "END:VALARM",
            ]
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// RFC 5545 §3.3.11 TEXT escaping. Control characters other than line breaks and TAB are not allowed in
    /// TEXT and become spaces.
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default:
                if character.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\t") || $0.value == 0x7F }) {
                    result += " "
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }

    /// Folds a content line: at most 75 octets per line, continuation lines start with one space (which counts).
    /// Breaks fall between grapheme clusters; a cluster longer than a whole line (rare) is split between scalars.
    package static func fold(_ line: String) -> String {
        guard line.utf8.count > lineLimit else { return line }
        var output = ""
        var used = 0
        func append(_ piece: String) {
            let size = piece.utf8.count
            if used + size > lineLimit, used > 1 {
                output += "\r\n "
                used = 1
            }
            output += piece
            used += size
        }
        for character in line {
            if character.utf8.count <= lineLimit - 1 {
                append(String(character))
            } else {
                for scalar in character.unicodeScalars { append(String(scalar)) }
            }
        }
        return output
    }

    /// `20201210T010000Z`.
    static func utc(_ unixSeconds: Int64) -> String {
        let days = Int(unixSeconds.floorDivided(by: 86_400))
        let second = Int(unixSeconds - Int64(days) * 86_400)
        return "\(date(CivilDate(daysSinceEpoch: days)))T\(pad(second / 3600, 2))\(pad(second / 60 % 60, 2))"
            + "\(pad(second % 60, 2))Z"
    }

    /// `20201210`.
    static func date(_ date: CivilDate) -> String {
        "\(pad(date.year, 4))\(pad(date.month, 2))\(pad(date.day, 2))"
    }
}

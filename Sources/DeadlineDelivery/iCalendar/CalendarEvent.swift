import Crypto
package import DeadlineKit

/// One deadline as an RFC 5545 `VEVENT`, for the `.ics` attachment of a reminder.
package struct CalendarEvent: Sendable, Equatable {
    /// When the event takes place.
    package enum Timing: Sendable, Equatable {
        /// All-day, from `first` through `last` inclusive (`DTSTART;VALUE=DATE`, `DTEND` the day after `last`).
        case allDay(first: CivilDate, last: CivilDate)
        /// From one moment to another, seconds since the Unix epoch, written in UTC (`…Z`), so no `VTIMEZONE`.
        case interval(startUnixSeconds: Int64, endUnixSeconds: Int64)
    }

    /// A stable key from the caller, e.g. `5418/2020-12-10`: the same key gives the same `UID`, so a calendar
    /// updates the event it already has instead of adding a second one.
    package var key: String
    /// When this version of the event was made (`DTSTAMP`), seconds since the Unix epoch.
    package var stampUnixSeconds: Int64
    /// Day(s) or interval.
    package var timing: Timing
    /// `SUMMARY`: one line, e.g. `Hạn nộp báo cáo trình UBND TP`.
    package var summary: String
    /// `DESCRIPTION`: any text, line breaks allowed.
    package var description: String?
    /// `LOCATION`, if any.
    package var location: String?
    /// `SEQUENCE`: raise it when the deadline changes.
    package var sequence: Int
    /// Reminders the calendar shows before the start (`VALARM`).
    package var alarms: [CalendarAlarm]

    /// Creates an event.
    package init(
        key: String, stampUnixSeconds: Int64, timing: Timing, summary: String, description: String? = nil,
        location: String? = nil, sequence: Int = 0, alarms: [CalendarAlarm] = []
    ) {
        self.key = key
        self.stampUnixSeconds = stampUnixSeconds
        self.timing = timing
        self.summary = summary
        self.description = description
        self.location = location
        self.sequence = sequence
        self.alarms = alarms
    }

    /// `UID`: the first 128 bits of SHA-256 of ``key`` in hex, `@deadlined`. Stable, and safe whatever the key
    /// holds.
    package var uid: String {
        let digest = SHA256.hash(data: Array(key.utf8))
        let hex = digest.prefix(16).map { pad(Int($0), 2, radix: 16) }.joined()
        return "\(hex)@deadlined"
    }
}

/// A `VALARM` with `ACTION:DISPLAY`, triggered some time before the event starts.
package struct CalendarAlarm: Sendable, Equatable {
    /// How long before the start, in minutes (`1440` → `TRIGGER:-P1D`; `0` → at the start).
    package var minutesBefore: Int
    /// The text the calendar shows.
    package var message: String

    /// Creates an alarm; negative `minutesBefore` is treated as 0.
    package init(minutesBefore: Int, message: String) {
        self.minutesBefore = max(0, minutesBefore)
        self.message = message
    }

    /// The RFC 5545 duration before the start: `-P1D`, `-PT2H`, `-P1DT2H30M`, `PT0S`.
    package var trigger: String {
        guard minutesBefore > 0 else { return "PT0S" }
        let days = minutesBefore / 1440
        let hours = minutesBefore % 1440 / 60
        let minutes = minutesBefore % 60
        var text = "-P"
        if days > 0 { text += "\(days)D" }
        if hours > 0 || minutes > 0 {
            text += "T"
            if hours > 0 { text += "\(hours)H" }
            if minutes > 0 { text += "\(minutes)M" }
        }
        return text
    }
}

/// Zero-padded number in the given radix (lowercase).
func pad(_ value: Int, _ width: Int, radix: Int) -> String {
    let digits = String(value, radix: radix)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

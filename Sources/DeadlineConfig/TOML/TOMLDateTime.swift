package import DeadlineKit

/// A TOML date and/or time as written: an offset date-time (`1979-05-27T07:32:00-07:00`), a local date-time
/// (`1979-05-27T07:32:00`), a local date (`1979-05-27`) or a local time (`07:32:00`).
///
/// The parser has already checked that the date exists (no 2024-02-30) and that each field is in range.
/// Fractional seconds beyond nanoseconds are truncated, as the TOML specification asks.
/// Converting a local value to an instant needs a time zone, which is the config layer's business.
package struct TOMLDateTime: Sendable, Hashable, CustomStringConvertible {
    /// A time of day: hour 0-23, minute 0-59, second 0-60 (60 only for a leap second), nanosecond below 10⁹.
    package struct Time: Sendable, Hashable {
        /// 0-23.
        package let hour: Int
        /// 0-59.
        package let minute: Int
        /// 0-60.
        package let second: Int
        /// 0-999 999 999.
        package let nanosecond: Int

        /// A time of day, or `nil` when a field is out of range.
        package init?(hour: Int, minute: Int, second: Int, nanosecond: Int = 0) {
            guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
                (0..<1_000_000_000).contains(nanosecond)
            else { return nil }
            self.hour = hour
            self.minute = minute
            self.second = second
            self.nanosecond = nanosecond
        }
    }

    /// Which of TOML's four date and time forms a value is.
    package enum Kind: Sendable, Hashable {
        /// Date, time and offset from UTC: `1979-05-27T07:32:00Z`.
        case offsetDateTime
        /// Date and time without an offset: `1979-05-27T07:32:00`.
        case localDateTime
        /// A date only: `1979-05-27`.
        case localDate
        /// A time only: `07:32:00`.
        case localTime
    }

    /// The date, absent for a local time.
    package let date: CivilDate?
    /// The time of day, absent for a local date.
    package let time: Time?
    /// Minutes east of UTC (`+07:00` is 420, `Z` is 0); present only for an offset date-time.
    package let offsetMinutes: Int?

    /// A date-time, or `nil` for a combination TOML cannot express: neither a date nor a time, or an offset
    /// without both a date and a time, or an offset beyond ±23:59.
    package init?(date: CivilDate?, time: Time?, offsetMinutes: Int? = nil) {
        guard date != nil || time != nil else { return nil }
        if let offsetMinutes {
            guard date != nil, time != nil, abs(offsetMinutes) < 24 * 60 else { return nil }
        }
        self.date = date
        self.time = time
        self.offsetMinutes = offsetMinutes
    }

    /// Which form was written.
    package var kind: Kind {
        switch (date, time, offsetMinutes) {
        case (.some, .some, .some): .offsetDateTime
        case (.some, .some, .none): .localDateTime
        case (.some, .none, _): .localDate
        case (.none, _, _): .localTime
        }
    }

    /// The hour, when there is a time.
    package var hour: Int? { time?.hour }
    /// The minute, when there is a time.
    package var minute: Int? { time?.minute }
    /// The second, when there is a time.
    package var second: Int? { time?.second }
    /// The fraction of the second in nanoseconds, when there is a time.
    package var nanosecond: Int? { time?.nanosecond }

    /// RFC 3339 text in TOML's own form: `1979-05-27T00:32:00.999999-07:00`, `1979-05-27`, `07:32:00`.
    /// Fractional seconds are shown without trailing zeros and omitted when zero; a zero offset is `Z`.
    package var description: String {
        var text = ""
        if let date {
            text += date.iso
        }
        if let time {
            if date != nil {
                text += "T"
            }
            text += Self.twoDigits(time.hour) + ":" + Self.twoDigits(time.minute) + ":" + Self.twoDigits(time.second)
            if time.nanosecond > 0 {
                var digits = String(time.nanosecond)
                digits = String(repeating: "0", count: 9 - digits.count) + digits
                while digits.last == "0" {
                    digits.removeLast()
                }
                text += "." + digits
            }
        }
        if let offsetMinutes {
            if offsetMinutes == 0 {
                text += "Z"
            } else {
                let magnitude = abs(offsetMinutes)
                text +=
                    (offsetMinutes < 0 ? "-" : "+") + Self.twoDigits(magnitude / 60) + ":"
                    + Self.twoDigits(magnitude % 60)
            }
        }
        return text
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}

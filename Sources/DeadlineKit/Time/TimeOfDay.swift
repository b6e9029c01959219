/// A wall-clock time in a day, to the minute: `08:00`, `15:00`.
package struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let hour: Int
    package let minute: Int

    package init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Midnight, the start of a day.
    package static let midnight = TimeOfDay(hour: 0, minute: 0)!

    /// Minutes since midnight.
    package var minutesSinceMidnight: Int { hour * 60 + minute }

    package init(minutesSinceMidnight m: Int) {
        let clamped = min(max(m, 0), 24 * 60 - 1)
        self.hour = clamped / 60
        self.minute = clamped % 60
    }

    /// Parses `8:00`, `08:00`, `8h`, `8h30`, `15 giờ`, `15 giờ 30` (Vietnamese offices write all of these).
    package init?(parsing text: String) {
        var scanner = TextScanner(text.trimmingSpaces)
        guard let h = scanner.integer(maxDigits: 2) else { return nil }
        var m = 0
        if scanner.skip(":") || scanner.skip("h") || scanner.skip("H") {
            if let mm = scanner.integer(maxDigits: 2) {
                guard mm < 60 else { return nil }
                m = mm
            } else if scanner.isAtEnd == false {
                return nil
            }
        } else {
            scanner.skipSpaces()
            guard scanner.skip("giờ") else { return nil }
            scanner.skipSpaces()
            if let mm = scanner.integer(maxDigits: 2) { m = mm }
            scanner.skipSpaces()
            _ = scanner.skip("phút")
        }
        scanner.skipSpaces()
        guard scanner.isAtEnd else { return nil }
        self.init(hour: h, minute: m)
    }

    package static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }

    /// `08:00`
    package var description: String { "\(pad(hour, 2)):\(pad(minute, 2))" }
}

/// A civil date and a wall-clock time, in no particular time zone: `15:00 10/12/2020`.
package struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var date: CivilDate
    package var time: TimeOfDay

    package init(_ date: CivilDate, _ time: TimeOfDay) {
        self.date = date
        self.time = time
    }

    /// Seconds since 1970-01-01T00:00 on this wall clock (not an instant: no zone applied).
    package var localSeconds: Int64 {
        Int64(date.daysSinceEpoch) * 86_400 + Int64(time.minutesSinceMidnight) * 60
    }

    package init(localSeconds: Int64) {
        let days = Int(localSeconds >= 0 ? localSeconds / 86_400 : (localSeconds - 86_399) / 86_400)
        let rest = Int(localSeconds - Int64(days) * 86_400)
        self.date = CivilDate(daysSinceEpoch: days)
        self.time = TimeOfDay(minutesSinceMidnight: rest / 60)
    }

    package static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        lhs.localSeconds < rhs.localSeconds
    }

    /// `2020-12-10T15:00`
    package var description: String { "\(date.iso)T\(time)" }

    /// `15:00 10/12/2020`
    package var vietnamese: String { "\(time) \(date.vietnamese)" }
}

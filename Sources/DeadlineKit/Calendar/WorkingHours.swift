/// The office hours of a working day, `08:00-17:00`: from the start, inclusive, to the end, exclusive.
///
/// Reminders that would go out outside them (or on a day off) are moved; see ``ReminderRules/offHours``. The end may
/// be `24:00`, so `00:00-24:00` is the whole day.
package struct WorkingHours: Sendable, Hashable, CustomStringConvertible {
    /// Minutes since midnight at which work starts.
    package let startMinutes: Int
    /// Minutes since midnight at which work ends (1440 for midnight at the end of the day).
    package let endMinutes: Int

    /// Hours from `startMinutes` to `endMinutes`, or `nil` unless `0 <= start < end <= 1440`.
    package init?(startMinutes: Int, endMinutes: Int) {
        guard startMinutes >= 0, startMinutes < endMinutes, endMinutes <= 1440 else { return nil }
        self.startMinutes = startMinutes
        self.endMinutes = endMinutes
    }

    /// 08:00 to 17:00, the hours of Hanoi's offices (the end is the default `closing_time`).
    package static let office = WorkingHours(startMinutes: 8 * 60, endMinutes: 17 * 60)!

    /// The whole day: no time of a working day is outside working hours.
    package static let wholeDay = WorkingHours(startMinutes: 0, endMinutes: 1440)!

    /// Parses `08:00-17:00`, `7:30 - 17:00`, `7h30-17h` or `07:30–17:00` (an en dash); the end may be `24:00`.
    package init?(parsing text: String) {
        let separators: Set<Character> = ["-", "–", "—"]
        let parts = text.split(maxSplits: 1, whereSeparator: { separators.contains($0) })
        guard parts.count == 2, let start = TimeOfDay(parsing: String(parts[0])) else { return nil }
        let endText = String(parts[1]).trimmingSpaces
        let end: Int
        if ["24:00", "24h", "24h00", "24 giờ"].contains(endText) {
            end = 1440
        } else if let time = TimeOfDay(parsing: endText) {
            end = time.minutesSinceMidnight
        } else {
            return nil
        }
        self.init(startMinutes: start.minutesSinceMidnight, endMinutes: end)
    }

    /// The time work starts.
    package var start: TimeOfDay { TimeOfDay(minutesSinceMidnight: startMinutes) }

    /// Whether `time` lies within the hours.
    package func contains(_ time: TimeOfDay) -> Bool {
        time.minutesSinceMidnight >= startMinutes && time.minutesSinceMidnight < endMinutes
    }

    /// `08:00-17:00`
    package var description: String {
        let end = endMinutes == 1440 ? "24:00" : TimeOfDay(minutesSinceMidnight: endMinutes).description
        return "\(start)-\(end)"
    }
}

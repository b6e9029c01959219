/// A day in the proleptic Gregorian calendar, without a time or a time zone: `10/12/2020`.
///
/// Arithmetic is done on the count of days since 1970-01-01, so no ICU calendar is needed.
/// Use ``LocalDateTime`` when a time of day matters and ``Instant`` for a moment in time.
package struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let year: Int
    package let month: Int
    package let day: Int

    /// A valid date, or `nil` for an impossible one such as 31/2/2024.
    package init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            day >= 1, day <= CivilDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` days after 1970-01-01 (negative before it).
    package init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01.
    package var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    package static func isLeap(year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year: year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The last day of the given month.
    package static func lastDay(ofMonth month: Int, year: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: daysIn(month: month, year: year))!
    }

    /// Day `day` of the month, or the month's last day when the month is shorter (31 -> 30/4, 28 or 29/2).
    package static func clamped(year: Int, month: Int, day: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: min(max(day, 1), daysIn(month: month, year: year)))!
    }

    package var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO 4).
        let d = daysSinceEpoch
        let index = ((d % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday(rawValue: index + 1)!
    }

    package func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The same day `months` months later, clamped to the end of a shorter month.
    package func adding(months: Int) -> CivilDate {
        let total = year * 12 + (month - 1) + months
        return CivilDate.clamped(year: total / 12, month: total % 12 + 1, day: day)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    package func days(until other: CivilDate) -> Int {
        other.daysSinceEpoch - daysSinceEpoch
    }

    package static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `2020-12-10`
    package var iso: String {
        guard (0...9999).contains(year) else { return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
        return String(unsafeUninitializedCapacity: 10) { buffer in
            var at = 0
            writeISO(into: buffer, at: &at)
            return at
        }
    }

    /// `yyyy-mm-dd` written into `buffer` at `at` (10 bytes; years 0...9999).
    func writeISO(into buffer: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
        writeDigits(year, width: 4, into: buffer, at: &at)
        buffer[at] = UInt8(ascii: "-")
        at += 1
        writeDigits(month, width: 2, into: buffer, at: &at)
        buffer[at] = UInt8(ascii: "-")
        at += 1
        writeDigits(day, width: 2, into: buffer, at: &at)
    }

    /// `10/12/2020`, the way Vietnamese offices write dates.
    package var vietnamese: String {
        "\(pad(day, 2))/\(pad(month, 2))/\(year)"
    }

    package var description: String { iso }
}

/// ISO weekday numbers: Monday is 1, Sunday is 7.
package enum Weekday: Int, Sendable, CaseIterable, Hashable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday
}

/// `value` (0 or more, below 10^width) as exactly `width` decimal digits written into `buffer` at `at`. Dates
/// are written this way because `plan --json` and the logs format millions of them.
@inline(__always)
func writeDigits(_ value: Int, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
    var rest = value
    for position in stride(from: at + width - 1, through: at, by: -1) {
        buffer[position] = UInt8(truncatingIfNeeded: 48 + rest % 10)
        rest /= 10
    }
    at += width
}

/// Zero-padded decimal, e.g. `pad(7, 2) == "07"`.
@inline(__always)
func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}

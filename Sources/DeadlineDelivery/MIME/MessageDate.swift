import DeadlineKit

/// A moment for a `Date:` header: seconds since the Unix epoch and the sender's UTC offset at that moment.
///
/// The caller supplies both (the daemon reads the clock and its time zone rules); rendering reads no clock.
package struct MessageDate: Sendable, Hashable {
    /// Seconds since 1970-01-01T00:00:00Z.
    package var unixSeconds: Int64
    /// The UTC offset shown in the header, in seconds east of UTC (`25200` for Vietnam, `+0700`).
    package var utcOffsetSeconds: Int

    /// Creates a moment. Offsets are shown to the minute; seconds of an offset are dropped.
    package init(unixSeconds: Int64, utcOffsetSeconds: Int) {
        self.unixSeconds = unixSeconds
        self.utcOffsetSeconds = utcOffsetSeconds
    }

    private static let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// RFC 5322 §3.3 `date-time` with a numeric zone: `Thu, 10 Dec 2020 08:00:00 +0700`.
    package var rfc5322: String {
        let local = unixSeconds + Int64(utcOffsetSeconds)
        let days = Int(local.floorDivided(by: 86_400))
        let secondOfDay = Int(local - Int64(days) * 86_400)
        let date = CivilDate(daysSinceEpoch: days)
        let weekday = Self.weekdays[((days % 7) + 7) % 7]
        let offsetMinutes = abs(utcOffsetSeconds) / 60
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        return "\(weekday), \(date.day) \(Self.months[date.month - 1]) \(pad(date.year, 4)) "
            + "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2)) "
            + "\(sign)\(pad(offsetMinutes / 60, 2))\(pad(offsetMinutes % 60, 2))"
    }
}

/// Zero-padded decimal.
func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

extension Int64 {
    /// Division rounding toward negative infinity.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

/// Message-IDs: `<random@domain>` with 128 random bits.
package enum MessageID {
    /// A new, globally unique Message-ID for mail from `domain`, e.g. `<3f9c…e1@hanoi.gov.vn>`.
    package static func generate(domain: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return generate(domain: domain, using: &generator)
    }

    /// A Message-ID from the given random source (for reproducible tests).
    package static func generate(domain: String, using generator: inout some RandomNumberGenerator) -> String {
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        return "<\(hex16(high))\(hex16(low))@\(domain.isEmpty ? "deadlined.invalid" : domain)>"
    }

    private static func hex16(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// The rules of one time zone: its UTC offset at any moment, read from the system's TZif data.
///
/// `Asia/Ho_Chi_Minh` has been UTC+7 since 1975, but admins may name any zone, so we read the real
/// rules (transitions plus the POSIX TZ footer for times past the last transition) without ICU.
/// Parsing is pure: the caller reads `/usr/share/zoneinfo/NAME` and hands the bytes in.
package struct ZoneRules: Sendable, Hashable {
    package let identifier: String
    /// UTC instants at which the offset changes, ascending.
    let transitions: [Int64]
    /// The UTC offset in seconds in force from each transition on.
    let offsets: [Int32]
    /// The offset before the first transition.
    let initialOffset: Int32
    /// Rules for instants after the last transition.
    let footer: PosixTimeZone?

    init(identifier: String, transitions: [Int64], offsets: [Int32], initialOffset: Int32, footer: PosixTimeZone?) {
        self.identifier = identifier
        self.transitions = transitions
        self.offsets = offsets
        self.initialOffset = initialOffset
        self.footer = footer
    }

    /// A zone with one fixed offset, e.g. `.fixed(hours: 7)` for Vietnam today.
    package static func fixed(offsetSeconds: Int, identifier: String) -> ZoneRules {
        ZoneRules(
            identifier: identifier, transitions: [], offsets: [], initialOffset: Int32(offsetSeconds),
            footer: nil)
    }

    /// Vietnam's zone as it has been since 1975 (UTC+7, no daylight saving), for tests and defaults.
    package static let vietnam = ZoneRules.fixed(offsetSeconds: 7 * 3600, identifier: "Asia/Ho_Chi_Minh")

    /// The UTC offset in seconds at `instant`.
    package func offset(at instant: Instant) -> Int {
        let t = instant.secondsSinceEpoch
        if transitions.isEmpty || t < transitions[0] {
            if transitions.isEmpty, let footer { return footer.offset(atUTC: t) }
            return Int(initialOffset)
        }
        if t >= transitions[transitions.count - 1], let footer {
            return footer.offset(atUTC: t)
        }
        // Last transition <= t.
        var lo = 0
        var hi = transitions.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if transitions[mid] <= t { lo = mid } else { hi = mid - 1 }
        }
        return Int(offsets[lo])
    }

    /// The wall-clock date and time at `instant` in this zone.
    package func localDateTime(at instant: Instant) -> LocalDateTime {
        LocalDateTime(localSeconds: instant.secondsSinceEpoch + Int64(offset(at: instant)))
    }

    /// The instant a wall-clock time names. In a gap (clocks jump forward) the time is moved forward by the
    /// gap; in an overlap (clocks fall back) the earlier of the two instants is chosen.
    package func instant(for local: LocalDateTime) -> Instant {
        let t = local.localSeconds
        let before = offset(at: Instant(secondsSinceEpoch: t - 86_400))
        let after = offset(at: Instant(secondsSinceEpoch: t + 86_400))
        // No transition within a day of it (every time in Việt Nam since 1975): one offset, nothing to choose.
        if before == after { return Instant(secondsSinceEpoch: t - Int64(before)) }
        var best: Int64?
        for o in [before, after] {
            let candidate = t - Int64(o)
            if offset(at: Instant(secondsSinceEpoch: candidate)) == o {
                best = min(best ?? candidate, candidate)
            }
        }
        return Instant(secondsSinceEpoch: best ?? (t - Int64(before)))
    }

    /// `+07:00`, the ISO 8601 form of the offset at `instant`.
    package func isoOffset(at instant: Instant) -> String {
        ZoneRules.isoOffset(seconds: offset(at: instant))
    }

    static func isoOffset(seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let m = abs(seconds) / 60
        return "\(sign)\(pad(m / 60, 2)):\(pad(m % 60, 2))"
    }

    /// `2020-12-10T17:00:00+07:00`
    package func iso8601(_ instant: Instant) -> String {
        let offset = offset(at: instant)
        let localSeconds = instant.secondsSinceEpoch + Int64(offset)
        let local = LocalDateTime(localSeconds: localSeconds)
        let seconds = Int((localSeconds % 60 + 60) % 60)
        let offsetMinutes = abs(offset) / 60
        guard (0...9999).contains(local.date.year), offsetMinutes / 60 < 100 else {
            return "\(local.date.iso)T\(local.time):\(pad(seconds, 2))\(ZoneRules.isoOffset(seconds: offset))"
        }
        return String(unsafeUninitializedCapacity: 25) { buffer in
            var at = 0
            local.date.writeISO(into: buffer, at: &at)
            func field(_ separator: Unicode.Scalar, _ value: Int) {
                buffer[at] = UInt8(ascii: separator)
                at += 1
                writeDigits(value, width: 2, into: buffer, at: &at)
            }
            field("T", local.time.hour)
            field(":", local.time.minute)
            field(":", seconds)
            field(offset < 0 ? "-" : "+", offsetMinutes / 60)
            field(":", offsetMinutes % 60)
            return at
        }
    }

    package static func == (lhs: ZoneRules, rhs: ZoneRules) -> Bool {
        lhs.identifier == rhs.identifier && lhs.transitions == rhs.transitions && lhs.offsets == rhs.offsets
            && lhs.initialOffset == rhs.initialOffset && lhs.footer == rhs.footer
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(identifier)
        hasher.combine(transitions.count)
    }
}

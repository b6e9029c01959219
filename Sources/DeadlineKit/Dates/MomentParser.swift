/// Reads a moment given on the command line (`--now`, `--from`, `--to`, `--until`):
/// `dd/mm/yyyy` (the start of that day), `dd/mm/yyyy HH:MM`, `HH:MM dd/mm/yyyy`, and ISO 8601
/// (`2020-11-20`, `2020-11-20T08:00`, `2020-11-20T08:00:00+07:00`, `...Z`). Times without an offset are in `zone`.
package enum MomentParser {
    package static func parse(_ text: String, zone: ZoneRules) -> Result<Instant, DueDateError> {
        let trimmed = text.trimmingSpaces
        if let (date, instant) = isoWithOffset(trimmed) {
            guard SupportedYears.contains(date.year) else {
                return .failure(
                    DueDateError(SupportedYears.outOfRange(year: date.year).about(trimmed), isAboutYear: true))
            }
            return .success(instant)
        }
        switch DueDateParser.parse(trimmed, issued: nil) {
        case .success(let due) where due.granularity == .day:
            return .success(zone.instant(for: LocalDateTime(due.date, due.time ?? .midnight)))
        case .success:
            return .failure(
                DueDateError(
                    "'\(trimmed)' is a period, not a moment; write a day such as 20/11/2020", "momentIsPeriod",
                    ["text": trimmed]))
        case .failure(let error) where error.isAboutYear:
            return .failure(error)
        case .failure:
            return .failure(
                DueDateError(
                    "'\(trimmed)' is not a moment; write 20/11/2020, '20/11/2020 08:00' or 2020-11-20T08:00:00+07:00",
                    "notMoment", ["text": trimmed]))
        }
    }

    /// `YYYY-MM-DDTHH:MM[:SS][.fff](Z|±HH:MM)`: the date as written and the instant.
    static func isoWithOffset(_ text: String) -> (CivilDate, Instant)? {
        var s = TextScanner(text)
        guard s.digitRunLength == 4, let y = s.integer(maxDigits: 4), s.skip("-"), let mo = s.integer(maxDigits: 2),
            s.skip("-"), let d = s.integer(maxDigits: 2), s.skip("T") || s.skip(" "),
            let h = s.integer(maxDigits: 2), s.skip(":"), let mi = s.integer(maxDigits: 2),
            let date = CivilDate(year: y, month: mo, day: d), let time = TimeOfDay(hour: h, minute: mi)
        else { return nil }
        var seconds = 0
        if s.skip(":") {
            guard let sec = s.integer(maxDigits: 2), sec < 61 else { return nil }
            seconds = sec
            if s.skip(".") { _ = s.integer(maxDigits: 9) }
        }
        var offset = 0
        if s.skip("Z") {
            offset = 0
        } else if let c = s.current, c == "+" || c == "-" {
            s.advance()
            guard let oh = s.integer(maxDigits: 2) else { return nil }
            _ = s.skip(":")
            let om = s.integer(maxDigits: 2) ?? 0
            offset = (c == "+" ? 1 : -1) * (oh * 3600 + om * 60)
        } else {
            return nil
        }
        guard s.isAtEnd else { return nil }
        let local = LocalDateTime(date, time).localSeconds + Int64(seconds)
        return (date, Instant(secondsSinceEpoch: local - Int64(offset)))
    }
}

/// Reads a length of time from the config: `24h`, `90s`, `30m`, `2d`, `1h30m`, `1d 12h`.
package enum DurationParser {
    /// Seconds, or nil when the text is not a duration. A sum beyond `Int64.max` seconds is `Int64.max`, so that
    /// the caller's range check reports it as too long (no arithmetic here can overflow).
    package static func seconds(_ text: String) -> Int64? {
        var s = TextScanner(text.trimmingSpaces)
        var total: Int64 = 0
        var parts = 0
        while !s.isAtEnd {
            s.skipSpaces()
            guard let n = s.integer(maxDigits: 9) else { return nil }
            s.skipSpaces()
            let unit: Int64
            if s.skip("ms") {
                unit = 0
            } else if s.skip("s") {
                unit = 1
            } else if s.skip("min") || s.skip("m") {
                unit = 60
            } else if s.skip("h") {
                unit = 3600
            } else if s.skip("d") {
                unit = 86_400
            } else if s.skip("w") {
                unit = 7 * 86_400
            } else {
                return nil
            }
            let (part, productOverflow) = Int64(n).multipliedReportingOverflow(by: unit)
            let (sum, sumOverflow) = total.addingReportingOverflow(part)
            total = productOverflow || sumOverflow ? Int64.max : sum
            parts += 1
            s.skipSpaces()
        }
        return parts > 0 ? total : nil
    }

    /// `1d 2h`, `45m`, `30s`: the shortest way to write a duration back.
    package static func format(seconds: Int64) -> String {
        if seconds == 0 { return "0s" }
        var rest = seconds
        var parts: [String] = []
        for (unit, name) in [(Int64(86_400), "d"), (3600, "h"), (60, "m"), (1, "s")] where rest >= unit {
            parts.append("\(rest / unit)\(name)")
            rest %= unit
        }
        return parts.joined(separator: " ")
    }
}

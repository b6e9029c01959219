import DeadlineKit

/// RFC 9110 §10.2.3 `Retry-After`: delta-seconds or an HTTP-date.
enum RetryAfter {
    /// The delay a `Retry-After` value asks for, relative to `nowUnixSeconds`; `nil` if the value is neither
    /// form. A date in the past means "now" (zero).
    static func parse(_ value: String, nowUnixSeconds: Int64) -> Duration? {
        let trimmed = value.trimmingHeaderWhitespace
        if !trimmed.isEmpty, trimmed.utf8.allSatisfy({ (48...57).contains($0) }) {
            // Cap absurd values at ten years rather than overflow.
            return .seconds(Int64(trimmed.prefix(12)).map { min($0, 315_360_000) } ?? 315_360_000)
        }
        guard let date = HTTPDate.parse(trimmed) else { return nil }
        return .seconds(max(0, date - nowUnixSeconds))
    }
}

/// The three HTTP-date forms a recipient must accept (RFC 9110 §5.6.7), as Unix seconds.
enum HTTPDate {
    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `Sun, 06 Nov 1994 08:49:37 GMT` (IMF-fixdate), `Sunday, 06-Nov-94 08:49:37 GMT` (RFC 850) or
    /// `Sun Nov  6 08:49:37 1994` (asctime).
    static func parse(_ text: String) -> Int64? {
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let day: Int?
        let month: Int?
        let year: Int?
        let time: String
        switch words.count {
        case 6 where words[0].hasSuffix(",") && words[5] == "GMT":  // IMF-fixdate
            day = Int(words[1])
            month = monthNumber(words[2])
            year = words[3].count == 4 ? Int(words[3]) : nil
            time = words[4]
        case 4 where words[0].hasSuffix(",") && words[3] == "GMT":  // RFC 850
            let parts = words[1].split(separator: "-").map(String.init)
            guard parts.count == 3, parts[2].count == 2, let shortYear = Int(parts[2]) else { return nil }
            day = Int(parts[0])
            month = monthNumber(parts[1])
            year = shortYear < 70 ? 2000 + shortYear : 1900 + shortYear
            time = words[2]
        case 5:  // asctime
            month = monthNumber(words[1])
            day = Int(words[2])
            time = words[3]
            year = words[4].count == 4 ? Int(words[4]) : nil
        default:
            return nil
        }
        let clock = time.split(separator: ":").map { Int($0) }
        guard let day, let month, let year, clock.count == 3, let hour = clock[0], let minute = clock[1],
            let second = clock[2], (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
            let date = CivilDate(year: year, month: month, day: day)
        else { return nil }
        return Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    private static func monthNumber(_ name: String) -> Int? {
        months.firstIndex(of: name.lowercased()).map { $0 + 1 }
    }
}

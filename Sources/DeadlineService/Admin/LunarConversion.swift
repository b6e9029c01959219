import DeadlineKit

/// Why a date given to `deadlinectl lunar` cannot be converted.
public struct LunarConversionError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ message: String) { description = message }
}

/// Reading and showing the dates of `deadlinectl lunar`.
public enum LunarConversion {
    /// A solar date written `18/04/2024`, `18-4-2024` or `2024-04-18`, within the calendar's years.
    public static func solarDate(_ text: String) -> Result<CivilDate, LunarConversionError> {
        let hint = "write it as 18/04/2024 or 2024-04-18"
        switch DueDateParser.parse(text, issued: nil) {
        case .success(let due) where due.granularity == .day && due.time == nil && !due.yearInferred:
            guard VietnameseLunarCalendar.supportedYears.contains(due.date.year) else {
                return .failure(LunarConversionError(outsideYears(due.date.year)))
            }
            return .success(due.date)
        case .success:
            return .failure(LunarConversionError("'\(text)' is not a single day; \(hint)"))
        case .failure(let error):
            return .failure(LunarConversionError("\(error); \(hint)"))
        }
    }

    /// A lunar date written `day/month/year`, with `+` after the month of a leap month: `10/3/2024`, `1/4+/2020`.
    /// Checked only for its form; ``solarDate(of:)`` checks that the day exists.
    public static func lunarDate(_ text: String) -> Result<LunarDate, LunarConversionError> {
        let parts = text.trimmingSpaces.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var monthText = parts.count == 3 ? parts[1].trimmingSpaces : ""
        let isLeap = monthText.hasSuffix("+")
        if isLeap { monthText.removeLast() }
        guard parts.count == 3, let day = Int(parts[0].trimmingSpaces), let month = Int(monthText),
            let year = Int(parts[2].trimmingSpaces)
        else {
            return .failure(
                LunarConversionError(
                    "'\(text)' is not a lunar date; write day/month/year, e.g. 10/3/2024, with + after a leap month: 1/4+/2020"
                ))
        }
        return .success(LunarDate(year: year, month: month, day: day, isLeapMonth: isLeap))
    }

    /// The lunar date with its solar day, or why that lunar day does not exist.
    public static func solarDate(of lunar: LunarDate) -> Result<(LunarDate, CivilDate), LunarConversionError> {
        guard VietnameseLunarCalendar.supportedYears.contains(lunar.year) else {
            return .failure(LunarConversionError(outsideYears(lunar.year)))
        }
        guard (1...12).contains(lunar.month) else {
            return .failure(LunarConversionError("there is no lunar month \(lunar.month); months are 1 to 12"))
        }
        if lunar.isLeapMonth, VietnameseLunarCalendar.leapMonth(ofLunarYear: lunar.year) != lunar.month {
            let actual = VietnameseLunarCalendar.leapMonth(ofLunarYear: lunar.year)
            let which = actual.map { "its leap month is \($0)+" } ?? "it has no leap month"
            return .failure(
                LunarConversionError("lunar year \(lunar.year) has no leap month \(lunar.month) (\(which))"))
        }
        let days =
            VietnameseLunarCalendar.daysInMonth(lunar.month, isLeapMonth: lunar.isLeapMonth, ofLunarYear: lunar.year)
            ?? 0
        guard let solar = VietnameseLunarCalendar.solarDate(for: lunar) else {
            let month = "\(lunar.month)\(lunar.isLeapMonth ? "+" : "")"
            return .failure(
                LunarConversionError("month \(month) of lunar year \(lunar.year) has \(days) days, not \(lunar.day)"))
        }
        return .success((lunar, solar))
    }

    /// `{ "solar", "lunar", "lunar_day", "lunar_month", "lunar_year", "leap_month" }`.
    public static func json(solar: CivilDate, lunar: LunarDate) -> JSONValue {
        .object([
            ("solar", .string(solar.iso)),
            ("lunar", .string(lunar.descriptionWithYear)),
            ("lunar_day", .integer(Int64(lunar.day))),
            ("lunar_month", .integer(Int64(lunar.month))),
            ("lunar_year", .integer(Int64(lunar.year))),
            ("leap_month", .bool(lunar.isLeapMonth)),
        ])
    }

    private static func outsideYears(_ year: Int) -> String {
        let years = VietnameseLunarCalendar.supportedYears
        return "\(year) is outside the years the lunar calendar is computed for (\(years.lowerBound)–\(years.upperBound))"
    }
}

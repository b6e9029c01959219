package import DeadlineKit

/// Why a date given to `deadlinectl lunar` cannot be converted: an entry of the catalog and its arguments.
package struct LunarConversionError: Error, Sendable, CustomStringConvertible {
    let entry: CalendarText
    let arguments: [String: String]

    init(_ entry: CalendarText, _ arguments: [String: String] = [:]) {
        self.entry = entry
        self.arguments = arguments
    }

    /// The reason in the catalog's language.
    func text(_ say: Catalog) -> String { say(entry, arguments) }

    /// The reason in English.
    package var description: String { text(Catalog(.en)) }
}

/// Reading and showing the dates of `deadlinectl lunar`.
package enum LunarConversion {
    /// A solar date written `18/04/2024`, `18-4-2024` or `2024-04-18`, within the calendar's years.
    package static func solarDate(_ text: String) -> Result<CivilDate, LunarConversionError> {
        switch DueDateParser.parse(text, issued: nil) {
        case .success(let due) where due.granularity == .day && due.time == nil && !due.yearInferred:
            guard VietnameseLunarCalendar.supportedYears.contains(due.date.year) else {
                return .failure(outsideYears(due.date.year))
            }
            return .success(due.date)
        case .success:
            return .failure(LunarConversionError(.notASingleDay, ["text": text]))
        case .failure:
            let numbers = text.trimmingSpaces.split(whereSeparator: { $0 == "/" || $0 == "-" }).map { Int($0) }
            if numbers.count == 3, let day = numbers[0], let month = numbers[1], let year = numbers[2],
                (1...12).contains(month),
                year >= 1, day > CivilDate.daysIn(month: month, year: year)
            {
                let days = String(CivilDate.daysIn(month: month, year: year))
                return .failure(
                    LunarConversionError(
                        .dayOutOfMonth, ["text": text, "month": String(month), "year": String(year), "days": days]))
            }
            return .failure(LunarConversionError(.notASolarDate, ["text": text]))
        }
    }

    /// A lunar date written `day/month/year`, with `+` after the month of a leap month: `10/3/2024`, `1/4+/2020`.
    /// Checked only for its form; ``solarDate(of:)`` checks that the day exists.
    package static func lunarDate(_ text: String) -> Result<LunarDate, LunarConversionError> {
        let parts = text.trimmingSpaces.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var monthText = parts.count == 3 ? parts[1].trimmingSpaces : ""
        let isLeap = monthText.hasSuffix("+")
        if isLeap { monthText.removeLast() }
        guard parts.count == 3, let day = Int(parts[0].trimmingSpaces), let month = Int(monthText),
            let year = Int(parts[2].trimmingSpaces)
        else {
            return .failure(LunarConversionError(.notALunarDate, ["text": text]))
        }
        return .success(LunarDate(year: year, month: month, day: day, isLeapMonth: isLeap))
    }

    /// The lunar date with its solar day, or why that lunar day does not exist.
    package static func solarDate(of lunar: LunarDate) -> Result<(LunarDate, CivilDate), LunarConversionError> {
        guard VietnameseLunarCalendar.supportedYears.contains(lunar.year) else {
            return .failure(outsideYears(lunar.year))
        }
        guard (1...12).contains(lunar.month) else {
            return .failure(LunarConversionError(.noSuchLunarMonth, ["month": String(lunar.month)]))
        }
        if lunar.isLeapMonth, VietnameseLunarCalendar.leapMonth(ofLunarYear: lunar.year) != lunar.month {
            var arguments = ["year": String(lunar.year), "month": String(lunar.month)]
            guard let actual = VietnameseLunarCalendar.leapMonth(ofLunarYear: lunar.year) else {
                return .failure(LunarConversionError(.noLeapMonth, arguments))
            }
            arguments["leap"] = String(actual)
            return .failure(LunarConversionError(.noSuchLeapMonth, arguments))
        }
        let days =
            VietnameseLunarCalendar.daysInMonth(lunar.month, isLeapMonth: lunar.isLeapMonth, ofLunarYear: lunar.year)
            ?? 0
        guard let solar = VietnameseLunarCalendar.solarDate(for: lunar) else {
            return .failure(
                LunarConversionError(
                    .monthTooShort,
                    [
                        "month": "\(lunar.month)\(lunar.isLeapMonth ? "+" : "")", "year": String(lunar.year),
                        "days": String(days), "day": String(lunar.day),
                    ]))
        }
        return .success((lunar, solar))
    }

    /// `{ "solar", "lunar", "lunar_day", "lunar_month", "lunar_year", "leap_month" }`.
    package static func json(solar: CivilDate, lunar: LunarDate) -> JSONValue {
        .object([
            ("solar", .string(solar.iso)),
            ("lunar", .string(lunar.descriptionWithYear)),
            ("lunar_day", .integer(Int64(lunar.day))),
            ("lunar_month", .integer(Int64(lunar.month))),
            ("lunar_year", .integer(Int64(lunar.year))),
            ("leap_month", .bool(lunar.isLeapMonth)),
        ])
    }

    private static func outsideYears(_ year: Int) -> LunarConversionError {
        let years = VietnameseLunarCalendar.supportedYears
        return LunarConversionError(
            .lunarOutsideYears,
            ["year": String(year), "first": String(years.lowerBound), "last": String(years.upperBound)])
    }
}

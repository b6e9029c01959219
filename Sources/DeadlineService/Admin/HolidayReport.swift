import DeadlineKit

/// `deadlinectl holidays YEAR`: a year's days off besides the weekly ones (public holidays, nghỉ bù, declared and
/// announced days off), each with its source, and the announced working days, from a working calendar.
public struct HolidayReport {
    public let year: Int
    /// The days off, sorted by date.
    public let daysOff: [Holiday]
    /// Announced working days (làm bù) in the year, sorted.
    public let workingDays: [CivilDate]
    /// The weekly days off, Monday first.
    public let weekend: [Weekday]
    /// How many distinct days off fall on other days than weekly days off: what the office does not work
    /// because of holidays.
    public let daysOffBesidesWeekly: Int
    /// How many distinct days of holidays (not nghỉ bù) fall on weekly days off.
    public let holidaysOnWeeklyDaysOff: Int

    public init(year: Int, calendar: WorkingCalendar) {
        self.year = year
        self.daysOff = calendar.daysOff(in: year)
        self.workingDays = calendar.rules.workingDays.filter { $0.year == year }.sorted()
        self.weekend = Weekday.allCases.filter { calendar.rules.weeklyDaysOff.contains($0) }
        let dates = Set(daysOff.map(\.date))
        self.daysOffBesidesWeekly = dates.count(where: { !calendar.rules.isWeeklyDayOff($0) })
        self.holidaysOnWeeklyDaysOff = Set(daysOff.filter { $0.kind != .weekendCompensation }.map(\.date))
            .count(where: { calendar.rules.isWeeklyDayOff($0) })
    }

    /// Whether some day of the year is a forecast (``HolidaySource/forecast``): the government has not announced
    /// it, or it is not written in the configuration yet.
    public var hasForecast: Bool { daysOff.contains { $0.source == .forecast } }

    /// A list of `{ "date", "name", "kind", "source", "lunar" }`; `lunar` (`"10/3"`, `"1/4+"` in a leap month) only
    /// for the days the lunar calendar fixes.
    public func json(language: Language) -> JSONValue {
        .array(
            daysOff.map { day in
                var members: [(String, JSONValue)] = [
                    ("date", .string(day.date.iso)),
                    ("name", .string(language == .vi ? day.nameVietnamese : day.nameEnglish)),
                    ("kind", .string(day.kind.rawValue)),
                    ("source", .string(day.source.rawValue)),
                ]
                if let lunar = day.lunar { members.append(("lunar", .string(lunar.description))) }
                return .object(members)
            })
    }

    /// A table for the terminal, then a summary line, what a forecast is, and the working days.
    public func text(language: Language) -> String {
        let words = CalendarWording(language: language)
        var out = ""
        if !daysOff.isEmpty {
            var table = TextTable(header: words.holidayHeader)
            for day in daysOff {
                table.append([
                    day.date.vietnamese, words.weekday(day.date.weekday), day.lunar?.description ?? "",
                    language == .vi ? day.nameVietnamese : day.nameEnglish, words.source(day.source),
                ])
            }
            out += table.rendered()
        }
        out += words.summary(
            count: daysOffBesidesWeekly, onWeeklyDaysOff: holidaysOnWeeklyDaysOff, year: year,
            weekend: weekend.map(words.weekday))
        if hasForecast { out += words.forecastNote(year: year) }
        if !workingDays.isEmpty {
            out += words.workingDays(workingDays.map { "\(words.weekday($0.weekday)) \($0.vietnamese)" })
        }
        return out
    }
}

/// The words of the calendar commands, in Vietnamese and English.
struct CalendarWording {
    let language: Language

    func weekday(_ day: Weekday) -> String {
        switch (language, day) {
        case (.vi, .monday): "thứ Hai"
        case (.vi, .tuesday): "thứ Ba"
        case (.vi, .wednesday): "thứ Tư"
        case (.vi, .thursday): "thứ Năm"
        case (.vi, .friday): "thứ Sáu"
        case (.vi, .saturday): "thứ Bảy"
        case (.vi, .sunday): "Chủ nhật"
        case (.en, .monday): "Monday"
        case (.en, .tuesday): "Tuesday"
        case (.en, .wednesday): "Wednesday"
        case (.en, .thursday): "Thursday"
        case (.en, .friday): "Friday"
        case (.en, .saturday): "Saturday"
        case (.en, .sunday): "Sunday"
        }
    }

    var holidayHeader: [String] {
        switch language {
        case .vi: ["NGÀY", "THỨ", "ÂM LỊCH", "NGHỈ", "NGUỒN"]
        case .en: ["DATE", "WEEKDAY", "LUNAR", "DAY OFF", "SOURCE"]
        }
    }

    func source(_ source: HolidaySource) -> String {
        switch (language, source) {
        case (.vi, .law): "luật"
        case (.vi, .configuration): "cấu hình"
        case (.vi, .announced): "thông báo"
        case (.vi, .forecast): "dự kiến"
        case (.en, .law): "law"
        case (.en, .configuration): "configuration"
        case (.en, .announced): "announced"
        case (.en, .forecast): "forecast"
        }
    }

    func summary(count: Int, onWeeklyDaysOff: Int, year: Int, weekend: [String]) -> String {
        let weekly = weekend.isEmpty ? nil : weekend.joined(separator: ", ")
        switch language {
        case .vi:
            return "\(count) ngày nghỉ lễ, tết năm \(year)"
                + (weekly.map { " ngoài các ngày nghỉ hằng tuần (\($0))" } ?? "")
                + (onWeeklyDaysOff > 0 ? "; ngoài ra \(onWeeklyDaysOff) ngày lễ, tết trùng ngày nghỉ hằng tuần" : "")
                + ".\n"
        case .en:
            return "\(count) day\(count == 1 ? "" : "s") off in \(year)"
                + (weekly.map { " besides the weekly days off (\($0))" } ?? "")
                + (onWeeklyDaysOff > 0
                    ? "; \(onWeeklyDaysOff) more holiday\(onWeeklyDaysOff == 1 ? " falls" : "s fall") on weekly days off" : "")
                + ".\n"
        }
    }

    func forecastNote(year: Int) -> String {
        switch language {
        case .vi:
            "Ngày \"dự kiến\": Thủ tướng Chính phủ quyết định hằng năm; lịch nghỉ năm \(year) chưa được ghi trong [[calendar.year]] của cấu hình.\n"
        case .en:
            "\"forecast\": the Prime Minister decides these days each year; the announcement for \(year) is not written in the configuration's [[calendar.year]].\n"
        }
    }

    func workingDays(_ days: [String]) -> String {
        switch language {
        case .vi: "Ngày làm việc theo thông báo: \(days.joined(separator: ", ")).\n"
        case .en: "Working days announced: \(days.joined(separator: ", ")).\n"
        }
    }

    func lunarSuffix(leap: Bool) -> String {
        switch language {
        case .vi: leap ? " (âm lịch, tháng nhuận)" : " (âm lịch)"
        case .en: leap ? " (lunar, leap month)" : " (lunar)"
        }
    }

    var solarSuffix: String { language == .vi ? " (dương lịch)" : " (solar)" }
}

extension HolidayReport {
    /// The Labour Code's table of holidays (``HolidayRule/labourCode``) as README shows it, one row per rule with
    /// its article; a test keeps README equal to it.
    public static func lawTableMarkdown() -> String {
        var out = "| holiday | date | from | until | nghỉ bù | article |\n|---|---|---|---|---|---|\n"
        for rule in HolidayRule.labourCode {
            let cells = [
                rule.nameVietnamese, rule.date.vietnamese, rule.firstYear.map(String.init) ?? "—",
                rule.lastYear.map(String.init) ?? "—", rule.compensated ? "yes" : "no", rule.basis,
            ]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return out
    }
}

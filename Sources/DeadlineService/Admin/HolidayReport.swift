import DeadlineKit

/// `deadlinectl holidays YEAR`: a year's days off besides the weekly ones (public holidays, nghỉ bù, announced days
/// off), and the announced working days, from a working calendar.
public struct HolidayReport {
    public let year: Int
    /// The days off, sorted by date.
    public let daysOff: [Holiday]
    /// Announced working days (làm bù) in the year, sorted.
    public let workingDays: [CivilDate]
    /// The weekly days off, Monday first.
    public let weekend: [Weekday]

    public init(year: Int, calendar: WorkingCalendar) {
        self.year = year
        self.daysOff = calendar.daysOff(in: year)
        self.workingDays = calendar.rules.workingDays.filter { $0.year == year }.sorted()
        self.weekend = Weekday.allCases.filter { calendar.rules.weeklyDaysOff.contains($0) }
    }

    /// A list of `{ "date", "name", "kind", "lunar" }`; `lunar` (`"10/3"`, `"1/4+"` in a leap month) only for the days
    /// the lunar calendar fixes.
    public func json(language: Language) -> JSONValue {
        .array(
            daysOff.map { day in
                var members: [(String, JSONValue)] = [
                    ("date", .string(day.date.iso)),
                    ("name", .string(language == .vi ? day.nameVietnamese : day.nameEnglish)),
                    ("kind", .string(day.kind.rawValue)),
                ]
                if let lunar = day.lunar { members.append(("lunar", .string(lunar.description))) }
                return .object(members)
            })
    }

    /// A table for the terminal, then a summary line and the working days.
    public func text(language: Language) -> String {
        let words = CalendarWording(language: language)
        var out = ""
        if !daysOff.isEmpty {
            var table = TextTable(header: words.holidayHeader)
            for day in daysOff {
                table.append([
                    day.date.vietnamese, words.weekday(day.date.weekday), day.lunar?.description ?? "",
                    language == .vi ? day.nameVietnamese : day.nameEnglish,
                ])
            }
            out += table.rendered()
        }
        out += words.summary(count: daysOff.count, year: year, weekend: weekend.map(words.weekday))
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
        case .vi: ["NGÀY", "THỨ", "ÂM LỊCH", "NGHỈ"]
        case .en: ["DATE", "WEEKDAY", "LUNAR", "DAY OFF"]
        }
    }

    func summary(count: Int, year: Int, weekend: [String]) -> String {
        let weekly = weekend.isEmpty ? nil : weekend.joined(separator: ", ")
        switch language {
        case .vi:
            return "\(count) ngày nghỉ lễ, tết năm \(year)"
                + (weekly.map { ", ngoài các ngày nghỉ hằng tuần (\($0))" } ?? "") + ".\n"
        case .en:
            return "\(count) day\(count == 1 ? "" : "s") off in \(year)"
                + (weekly.map { " besides the weekly days off (\($0))" } ?? "") + ".\n"
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

package import DeadlineKit

/// `deadlinectl holidays YEAR`: a year's days off besides the weekly ones (public holidays, nghỉ bù, declared and
/// announced days off), each with its source, and the announced working days, from a working calendar.
package struct HolidayReport {
    package let year: Int
    /// The days off, sorted by date.
    package let daysOff: [Holiday]
    /// Announced working days (làm bù) in the year, sorted.
    package let workingDays: [CivilDate]
    /// The weekly days off, Monday first.
    package let weekend: [Weekday]
    /// How many distinct days off fall on other days than weekly days off: what the office does not work
    /// because of holidays.
    package let daysOffBesidesWeekly: Int
    /// How many distinct days of holidays (not nghỉ bù) fall on weekly days off.
    package let holidaysOnWeeklyDaysOff: Int

    package init(year: Int, calendar: WorkingCalendar) {
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
    package var hasForecast: Bool { daysOff.contains { $0.source == .forecast } }

    /// A list of `{ "date", "name", "kind", "source", "lunar" }`; `lunar` (`"10/3"`, `"1/4+"` in a leap month) only
    /// for the days the lunar calendar fixes.
    package func json(language: Language) -> JSONValue {
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
    package func text(language: Language) -> String {
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
        if !workingDays.isEmpty { out += words.workingDays(workingDays) }
        return out
    }
}

/// The words of the calendar commands, from the catalog (``CalendarText``).
struct CalendarWording {
    let say: Catalog

    init(language: Language) {
        say = Catalog(language)
    }

    func weekday(_ day: Weekday) -> String {
        switch day {
        case .monday: say(CalendarText.monday)
        case .tuesday: say(CalendarText.tuesday)
        case .wednesday: say(CalendarText.wednesday)
        case .thursday: say(CalendarText.thursday)
        case .friday: say(CalendarText.friday)
        case .saturday: say(CalendarText.saturday)
        case .sunday: say(CalendarText.sunday)
        }
    }

    var holidayHeader: [String] {
        [CalendarText.headerDate, .headerWeekday, .headerLunar, .headerDayOff, .headerSource].map { say($0) }
    }

    func source(_ source: HolidaySource) -> String {
        switch source {
        case .law: say(CalendarText.sourceLaw)
        case .configuration: say(CalendarText.sourceConfiguration)
        case .announced: say(CalendarText.sourceAnnounced)
        case .forecast: say(CalendarText.sourceForecast)
        }
    }

    func summary(count: Int, onWeeklyDaysOff: Int, year: Int, weekend: [String]) -> String {
        let weekly = weekend.isEmpty ? "" : say(CalendarText.summaryWeekly, ["days": say.list(weekend)])
        let more =
            onWeeklyDaysOff > 0 ? say(CalendarText.summaryOnWeeklyDaysOff, ["count": String(onWeeklyDaysOff)]) : ""
        return say(
            CalendarText.summary, ["count": String(count), "year": String(year), "weekly": weekly, "more": more])
    }

    func forecastNote(year: Int) -> String { say(CalendarText.forecastNote, ["year": String(year)]) }

    func workingDays(_ days: [CivilDate]) -> String {
        let list = days.map { say(CalendarText.workingDay, ["weekday": weekday($0.weekday), "date": $0.vietnamese]) }
        return say(CalendarText.workingDays, ["days": say.list(list)])
    }

    func lunar(_ date: LunarDate) -> String {
        say(
            date.isLeapMonth ? CalendarText.lunarLeapSuffix : CalendarText.lunarSuffix,
            ["date": date.descriptionWithYear])
    }

    func solar(_ date: CivilDate) -> String { say(CalendarText.solarSuffix, ["date": date.vietnamese]) }
}

import DeadlineConfig
import DeadlineKit

/// The logic of `deadlinectl holidays` and `deadlinectl lunar`. Each returns the exit code: 0, 1 for an invalid
/// configuration, 2 for an argument it cannot use (with the reason on stderr).
public enum CalendarSession {
    /// `deadlinectl holidays [YEAR]`: the year's days off under the configuration's `[calendar]` when one is given
    /// (`--config`, `$DEADLINED_CONFIG`) or the default file exists, else under the defaults.
    public static func holidays(
        year: Int?, json: Bool, language: String?, configOption: String?, environment: [String: String]
    ) -> Int32 {
        let mainFile = ConfigSession.mainFile(configOption, environment: environment)
        let explicit = configOption != nil || environment["DEADLINED_CONFIG"] != nil
        var settings = AgendaSettings()
        if explicit || ConfigLoader.fileExists(mainFile) {
            guard let configuration = ConfigSession.load(mainFile, environment: environment) else { return 1 }
            settings = configuration.agenda.settings
        }
        guard let chosen = self.language(language, default: settings.language) else { return 2 }
        let year = year ?? settings.zone.localDateTime(at: Clock.now()).date.year
        let years = WorkingCalendar.supportedYears
        guard years.contains(year) else {
            Console.err(
                "deadlinectl: holidays: \(year) is outside the years the calendar is computed for (\(years.lowerBound)–\(years.upperBound))\n"
            )
            return 2
        }
        let calendar = WorkingCalendar(rules: settings.holidayRules, hours: settings.workingHours)
        let report = HolidayReport(year: year, calendar: calendar)
        Console.out(json ? report.json(language: chosen).rendered() + "\n" : report.text(language: chosen))
        return 0
    }

    /// `deadlinectl lunar DATE` (solar to lunar) or `deadlinectl lunar --to-solar D/M/YYYY` (lunar to solar).
    public static func lunar(date: String?, toSolar: String?, json: Bool, language: String?) -> Int32 {
        guard let chosen = self.language(language, default: .vi) else { return 2 }
        let words = CalendarWording(language: chosen)
        let solar: CivilDate
        let lunar: LunarDate
        switch (date, toSolar) {
        case (let text?, nil):
            switch LunarConversion.solarDate(text) {
            case .success(let day): solar = day
            case .failure(let error): return refuse(error)
            }
            lunar = VietnameseLunarCalendar.lunarDate(for: solar)
        case (nil, let text?):
            switch LunarConversion.lunarDate(text).flatMap(LunarConversion.solarDate(of:)) {
            case .success(let pair): (lunar, solar) = pair
            case .failure(let error): return refuse(error)
            }
        default:
            return refuse(LunarConversionError("give one of a solar DATE (18/04/2024) and --to-solar D/M/YYYY (10/3/2024)"))
        }
        if json {
            Console.out(LunarConversion.json(solar: solar, lunar: lunar).rendered() + "\n")
        } else if toSolar == nil {
            Console.out(lunar.descriptionWithYear + words.lunarSuffix(leap: lunar.isLeapMonth) + "\n")
        } else {
            Console.out(solar.vietnamese + words.solarSuffix + "\n")
        }
        return 0
    }

    private static func refuse(_ error: LunarConversionError) -> Int32 {
        Console.err("deadlinectl: lunar: \(error)\n")
        return 2
    }

    /// `vi` or `en`, or `fallback` when none is given; nil after saying why on stderr.
    private static func language(_ text: String?, default fallback: Language) -> Language? {
        guard let text else { return fallback }
        guard let language = Language(rawValue: text.lowercased()) else {
            Console.err("deadlinectl: --lang: '\(text)' is not a language; use vi or en\n")
            return nil
        }
        return language
    }
}

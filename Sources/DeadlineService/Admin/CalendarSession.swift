import DeadlineConfig
import DeadlineKit
import Platform

/// The logic of `deadlinectl holidays` and `deadlinectl lunar`. Each returns the exit code: 0, 1 for an invalid
/// configuration, 2 for an argument it cannot use (with the reason on stderr).
package enum CalendarSession {
    /// `deadlinectl holidays [YEAR]`: the year's days off under the configuration's `[calendar]` when one is given
    /// (`--config`, `$DEADLINED_CONFIG`) or the default file exists, else under the defaults. `language` is `--lang`.
    package static func holidays(
        year: Int?, json: Bool, language option: String?, configOption: String?, environment: [String: String]
    ) -> Int32 {
        let mainFile = ConfigSession.mainFile(configOption, environment: environment)
        guard let early = AdminLanguage.early(option, environment: environment, mainFile: mainFile) else { return 2 }
        let explicit = configOption != nil || environment["DEADLINED_CONFIG"] != nil
        var settings = AgendaSettings()
        var configuration: Configuration?
        if explicit || ConfigLoader.fileExists(mainFile) {
            configuration = ConfigSession.load(mainFile, environment: environment, language: early)
            guard let configuration else { return 1 }
            settings = configuration.agenda.settings
        }
        let chosen = AdminLanguage.of(configuration, option: option, environment: environment)
        let year = year ?? settings.zone.localDateTime(at: WallClock.now()).date.year
        let years = WorkingCalendar.supportedYears
        guard years.contains(year) else {
            Console.err(
                Catalog(chosen)(
                    CalendarText.outsideYears,
                    ["year": String(year), "first": String(years.lowerBound), "last": String(years.upperBound)]))
            return 2
        }
        let calendar = WorkingCalendar(rules: settings.holidayRules, hours: settings.workingHours)
        let report = HolidayReport(year: year, calendar: calendar)
        Console.out(json ? report.json(language: chosen).rendered() + "\n" : report.text(language: chosen))
        return 0
    }

    /// `deadlinectl lunar DATE` (solar to lunar) or `deadlinectl lunar --to-solar D/M/YYYY` (lunar to solar), in
    /// the language `--lang` (`language`), the configuration (`$DEADLINED_CONFIG` or the default file) or the
    /// locale gives.
    package static func lunar(
        date: String?, toSolar: String?, json: Bool, language option: String?, environment: [String: String]
    ) -> Int32 {
        guard AdminLanguage.early(option, environment: environment) != nil else { return 2 }
        // The configuration only says the language here: read quietly, when there is one.
        let mainFile = ConfigSession.mainFile(nil, environment: environment)
        let configuration =
            environment["DEADLINED_CONFIG"] != nil || ConfigLoader.fileExists(mainFile)
            ? ConfigLoader.load(mainFile: mainFile, environment: environment).configuration : nil
        let words = CalendarWording(language: AdminLanguage.of(configuration, option: option, environment: environment))
        let solar: CivilDate
        let lunar: LunarDate
        switch (date, toSolar) {
        case (let text?, nil):
            switch LunarConversion.solarDate(text) {
            case .success(let day): solar = day
            case .failure(let error): return refuse(error, words.say)
            }
            lunar = VietnameseLunarCalendar.lunarDate(for: solar)
        case (nil, let text?):
            switch LunarConversion.lunarDate(text).flatMap(LunarConversion.solarDate(of:)) {
            case .success(let pair): (lunar, solar) = pair
            case .failure(let error): return refuse(error, words.say)
            }
        default:
            return refuse(LunarConversionError(.giveOneDate), words.say)
        }
        if json {
            Console.out(LunarConversion.json(solar: solar, lunar: lunar).rendered() + "\n")
        } else if toSolar == nil {
            Console.out(words.lunar(lunar))
        } else {
            Console.out(words.solar(solar))
        }
        return 0
    }

    private static func refuse(_ error: LunarConversionError, _ say: Catalog) -> Int32 {
        Console.err(say(CalendarText.lunarRefused, ["problem": error.text(say)]))
        return 2
    }
}

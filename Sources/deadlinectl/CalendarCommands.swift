import ArgumentParser
import DeadlineService

/// `deadlinectl holidays [YEAR]`: the year's days off.
struct Holidays: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A year's public holidays, nghỉ bù and announced days off (with the config's [calendar]).",
        discussion: """
            Reads the [calendar] of --config, of $DEADLINED_CONFIG, or of /etc/deadlined/deadlined.toml if it \
            exists; otherwise lists the days the Labour Code of that year gives. Each day's source is the law, the \
            configuration ([[calendar.holiday]]), an announcement written in it ([[calendar.override]], \
            [[calendar.year]]), or a forecast of what the government will announce.
            """)

    @Argument(help: "The year, 1901–2199 (default: this year).") var year: Int?
    @Flag(help: "Print JSON: a list of { date, name, kind, source, lunar }.") var json = false
    @OptionGroup var config: ConfigOptions

    func run() throws {
        let code = CalendarSession.holidays(
            year: year, json: json, language: config.language.value, configOption: config.path,
            environment: Console.environment)
        if code != 0 { throw ExitCode(code) }
    }
}

/// `deadlinectl lunar DATE` and `deadlinectl lunar --to-solar D/M/YYYY`.
struct Lunar: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert a solar date to the Vietnamese lunar calendar, or back with --to-solar.")

    @Argument(help: "A solar date: dd/mm/yyyy or yyyy-mm-dd.") var date: String?
    @Option(
        name: .customLong("to-solar"),
        help: "A lunar date to convert to solar: day/month/year, + after a leap month (1/4+/2020).")
    var toSolar: String?
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var language: LanguageOption

    func run() throws {
        let code = CalendarSession.lunar(
            date: date, toSolar: toSolar, json: json, language: language.value, environment: Console.environment)
        if code != 0 { throw ExitCode(code) }
    }
}

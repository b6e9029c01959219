import ArgumentParser
import DeadlineConfig
import DeadlineKit
import DeadlineService
import Platform

#if canImport(Glibc)
    import Glibc
#endif

// The entry point is this top-level call, not `@main`: a target whose main.swift sits beside other files cannot use
// `@main` (SwiftPM passes -parse-as-library only to single-file executables).
await runRoot(Deadlinectl.self)

/// Runs `Root` through `AsyncParsableCommand`'s `main`, which async subcommands need (in an async function the async
/// overload is chosen; top-level code would pick the synchronous one).
func runRoot<Root: AsyncParsableCommand>(_: Root.Type) async { await Root.main() }

/// `deadlinectl`: the admin's tool. Each subcommand parses its flags and calls into DeadlineService.
struct Deadlinectl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadlinectl",
        abstract: "Check, plan and control deadlined, the deadline-reminder daemon.",
        subcommands: [
            Check.self, List.self, Plan.self, TestSendCommand.self, ConfigReference.self, ConfigReferenceMdoc.self,
            Import.self, Holidays.self, Lunar.self, Reload.self, Done.self, Undone.self, Snooze.self, Resend.self,
            Status.self, Outbox.self, History.self, Report.self, Edit.self, Migrate.self, WebKey.self,
            WebLinksCommand.self,
        ])

    /// `deadlinectl --lang en check`: given before the subcommand, `--lang` reaches it as well.
    @OptionGroup var language: LanguageOption
}

/// Options every subcommand that reads the configuration accepts.
struct ConfigOptions: ParsableArguments {
    @Option(
        name: .customLong("config"),
        help: "Main config file (default: $DEADLINED_CONFIG or /etc/deadlined/deadlined.toml).")
    var path: String?

    @OptionGroup var language: LanguageOption

    var mainFile: String { ConfigSession.mainFile(path, environment: Console.environment) }

    /// The configuration, or exit 1 after printing its errors (2 for a `--lang` that is not a language).
    func load(showWarnings: Bool = true) throws -> Configuration {
        let early = try language.early(mainFile: mainFile)
        guard
            let configuration = ConfigSession.load(
                mainFile, environment: Console.environment, showWarnings: showWarnings, language: early)
        else { throw ExitCode(1) }
        return configuration
    }
}

/// `--lang`, which every subcommand accepts: the language of what it prints.
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help:
            "Language of the output: vi or en (default: [daemon] language if set, else the locale: vi_VN… Vietnamese, any other English; else vi)."
    )
    var value: String?

    /// The language before the configuration is read; exit 2 after saying why `--lang` is not one.
    func early(mainFile: String? = nil) throws -> Language {
        guard let language = AdminLanguage.early(value, environment: Console.environment, mainFile: mainFile) else {
            throw ExitCode(2)
        }
        return language
    }

    /// The language once the configuration is read.
    func of(_ configuration: Configuration?) -> Language {
        AdminLanguage.of(configuration, option: value, environment: Console.environment)
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the configuration; print every problem as file:line:column: error: message.")

    @OptionGroup var config: ConfigOptions

    func run() throws {
        let code = ConfigSession.check(
            config.mainFile, environment: Console.environment, language: config.language.value)
        if code != 0 { throw ExitCode(code) }
    }
}

struct List: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Every deadline with its next due occurrence, status (as the ledger says: done, per unit) and next reminder."
    )

    @OptionGroup var config: ConfigOptions
    @Option(help: "Pretend it is this moment (dd/mm/yyyy, 'dd/mm/yyyy HH:MM' or ISO 8601).") var now: String?
    @Flag(help: "Print stable JSON.") var json = false
    @Flag(help: "Ignore the ledger: the configuration's view alone, as if nothing were done or snoozed.")
    var configOnly = false

    func run() async throws {
        let configuration = try config.load()
        let language = config.language.of(configuration)
        let now = try momentOption(now, "--now", configuration, language)
        let state = configOnly ? PlannerState.empty : await ledgerState(configuration, language)
        let report = ListReport(planner: ReminderPlanner(agenda: configuration.agenda), now: now, state: state)
        Console.out(json ? report.json().rendered() + "\n" : report.text(language: language))
    }
}

struct Plan: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The reminders that would go out in a window, in send order (a dry run: nothing is sent).",
        discussion: """
            Occurrences marked done in the ledger, for some units or all, and snoozes are left out, as the daemon \
            would leave them out; --config-only shows the configuration's plan alone.
            """)

    @OptionGroup var config: ConfigOptions
    @Option(help: "Pretend it is this moment (dd/mm/yyyy, 'dd/mm/yyyy HH:MM' or ISO 8601).") var now: String?
    @Option(help: "Start of the window (default: now).") var from: String?
    @Option(help: "End of the window (default: 30 days after its start).") var to: String?
    @Flag(help: "Print stable JSON.") var json = false
    @Flag(help: "Ignore the ledger: the configuration's plan alone, as if nothing were done or snoozed.")
    var configOnly = false

    func run() async throws {
        let configuration = try config.load()
        let language = config.language.of(configuration)
        let now = try momentOption(now, "--now", configuration, language)
        let start = try from.map { try momentOption($0, "--from", configuration, language) } ?? now
        let end =
            try to.map { try momentOption($0, "--to", configuration, language) } ?? start.adding(seconds: 30 * 86_400)
        guard start < end else {
            Console.err(Catalog(language)(PlanText.toBeforeFrom))
            throw ExitCode(2)
        }
        let state = configOnly ? PlannerState.empty : await ledgerState(configuration, language)
        let report = PlanReport(
            planner: ReminderPlanner(agenda: configuration.agenda), from: start, to: end, state: state)
        if json {
            report.writeJSON(toFileDescriptor: 1)
            Console.out("\n")
        } else {
            Console.out(report.text(language: language))
        }
    }
}

/// The moment an option names (`--now`, `--from`, `--to`), in the configuration's zone; now when it is not given.
/// A moment that cannot be read: the reason on stderr, exit 2.
func momentOption(
    _ text: String?, _ option: String, _ configuration: Configuration, _ language: Language
) throws -> Instant {
    guard let text else { return WallClock.now() }
    guard
        let moment = ConfigSession.moment(
            text, option: option, zone: configuration.agenda.settings.zone, language: language)
    else { throw ExitCode(2) }
    return moment
}

/// The ledger's done and snoozed occurrences for `list` and `plan`; a note on stderr when it cannot be read.
func ledgerState(_ configuration: Configuration, _ language: Language) async -> PlannerState {
    let (state, note) = await LedgerSelection.plannerState(configuration)
    if let note {
        Console.err(
            Catalog(language)(CommonText.ledgerUnreadable, ["error": RecordedText.translate(note, to: language)]))
    }
    return state
}

struct ConfigReference: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config-reference",
        abstract: "Print the reference of every config key (Markdown, in English, as in docs/configuration.md).")

    func run() throws {
        Console.out(ConfigReferenceDocument.markdown())
    }
}

struct TestSendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test-send",
        abstract: "Send one clearly marked test reminder through a channel; exit 0 only if delivered.")

    @OptionGroup var config: ConfigOptions
    @Argument(help: "The channel's name, as in [channels.NAME].") var channel: String
    @Option(help: "Recipient address for email and outbox channels (default: a recipient of a unit using the channel).")
    var to: String?

    func run() async throws {
        let configuration = try config.load(showWarnings: false)
        let code = await TestSend.run(
            configuration, channel: channel, to: to, now: WallClock.now(), language: config.language.of(configuration))
        if code != 0 { throw ExitCode(code) }
    }
}

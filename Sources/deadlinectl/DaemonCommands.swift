import ArgumentParser
import DeadlineConfig
import DeadlineKit
import DeadlineService
import DeadlineStore
import Platform

struct Reload: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Ask the running deadlined to reload its configuration; exit 1 if the new one is rejected (the old one keeps running)."
    )

    @OptionGroup var config: ConfigOptions

    func run() throws {
        let environment = Console.environment
        let early = try config.language.early(mainFile: config.mainFile)
        let loaded = ConfigLoader.load(mainFile: config.mainFile, environment: environment)
        let directory = ReloadRequest.stateDirectory(loaded, mainFile: config.mainFile, environment: environment)
        let language = loaded.configuration.map { config.language.of($0) } ?? early
        let code = ReloadRequest.run(
            stateDirectory: directory, language: language, localDiagnostics: loaded.diagnostics)
        if code != 0 { throw ExitCode(code) }
    }
}

struct OccurrenceOptions: ParsableArguments {
    @Argument(help: "The deadline's id (deadlinectl list shows them).") var id: String
    @Option(help: "Which occurrence, by its due day (dd/mm/yyyy); default: the open one (overdue, else the next).")
    var occurrence: String?
    @Option(
        name: .customLong("unit"),
        help: "Only this unit (repeatable; a group means its members); default: every unit of the occurrence.")
    var units: [String] = []
    @Option(help: "A note kept in the ledger with the change.") var note: String?
}

struct Done: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mark an occurrence of a deadline done: its reminders stop at once, also in a running daemon.")
    @OptionGroup var config: ConfigOptions
    @OptionGroup var target: OccurrenceOptions
    @Option(
        help: "When the work was done, if not now (e.g. the date on the unit's report), for on-time counts in 'report'."
    )
    var at: String?

    func run() async throws {
        let configuration = try config.load(showWarnings: false)
        let language = config.language.of(configuration)
        var moment = WallClock.now()
        if let at {
            let given = try momentOption(at, "--at", configuration, language)
            guard given <= moment else {
                Console.err(Catalog(language)(OccurrenceText.atInFuture, ["at": at]))
                throw ExitCode(2)
            }
            moment = given
        }
        let code = await OccurrenceCommands.run(
            .done, deadlineID: target.id, occurrence: target.occurrence, units: target.units, note: target.note,
            configuration: configuration, now: moment, language: language)
        if code != 0 { throw ExitCode(code) }
    }
}

struct Undone: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Take back a 'done': the occurrence's reminders resume.")
    @OptionGroup var config: ConfigOptions
    @OptionGroup var target: OccurrenceOptions

    func run() async throws {
        let configuration = try config.load(showWarnings: false)
        let code = await OccurrenceCommands.run(
            .undone, deadlineID: target.id, occurrence: target.occurrence, units: target.units, note: target.note,
            configuration: configuration, now: WallClock.now(), language: config.language.of(configuration))
        if code != 0 { throw ExitCode(code) }
    }
}

struct Snooze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Pause an occurrence's reminders until a moment.")
    @OptionGroup var config: ConfigOptions
    @OptionGroup var target: OccurrenceOptions
    @Option(help: "Until when (dd/mm/yyyy, 'dd/mm/yyyy HH:MM' or ISO 8601); a moment to come.") var until: String
    @Option(help: "Count as if it were this moment (for tests and what-ifs).") var now: String?

    func run() async throws {
        let configuration = try config.load(showWarnings: false)
        let language = config.language.of(configuration)
        let moment = try momentOption(now, "--now", configuration, language)
        let code = await OccurrenceCommands.run(
            .snooze(until: until), deadlineID: target.id, occurrence: target.occurrence, units: target.units,
            note: target.note,
            configuration: configuration, now: moment, language: language)
        if code != 0 { throw ExitCode(code) }
    }
}

struct Resend: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Put reminders that failed permanently or were given up back to be sent, once the cause is fixed.",
        discussion: """
            Each keeps its history (deadlinectl history ID shows the earlier attempts and who put it back); \
            retry_limit and retry_max_age count again from now. Without ID, every deadline's.
            """)
    @OptionGroup var config: ConfigOptions
    @Argument(help: "Only this deadline's reminders.") var id: String?
    @Option(help: "Only those of this channel.") var channel: String?
    @Option(help: "Only those that failed at or after this moment (dd/mm/yyyy, 'dd/mm/yyyy HH:MM' or ISO 8601).")
    var since: String?

    func run() async throws {
        let configuration = try config.load(showWarnings: false)
        let code = await ResendCommand.run(
            deadlineID: id, channel: channel, since: since, configuration: configuration, now: WallClock.now(),
            language: config.language.of(configuration))
        if code != 0 { throw ExitCode(code) }
    }
}

struct Outbox: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "The messages the outbox channel wrote, with their subjects decoded; --show N prints one as a person reads it."
    )
    @OptionGroup var config: ConfigOptions
    @Option(help: "Print one message: its number in the list, its file name, or 'last'.") var show: String?
    @Flag(help: "Print stable JSON.") var json = false

    func run() throws {
        let configuration = try config.load(showWarnings: false)
        let code = OutboxReport.run(
            show: show, json: json, configuration: configuration, language: config.language.of(configuration))
        if code != 0 { throw ExitCode(code) }
    }
}

struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Is deadlined running; next reminders, deliveries waiting for a retry, given up lately, overdue work by unit."
    )
    @OptionGroup var config: ConfigOptions
    @Flag(help: "Print stable JSON.") var json = false
    @Option(help: "Count as if it were this moment (for demonstrations and what-ifs).") var now: String?

    func run() async throws {
        let configuration = try config.load(showWarnings: false)
        let language = config.language.of(configuration)
        let moment = try momentOption(now, "--now", configuration, language)
        do {
            let ledger = try await LedgerSelection.openForCommand(configuration).ledger
            let report = try await StatusReport.gather(configuration: configuration, ledger: ledger, now: moment)
            Console.out(json ? report.json().rendered() + "\n" : report.text(language: language))
        } catch {
            Console.err(
                Catalog(language)(
                    CommonText.ledgerUnusable, ["error": RecordedText.translate("\(error)", to: language)]))
            throw ExitCode(1)
        }
    }
}

struct History: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Every reminder of a deadline: time, channel, recipients, outcome, attempts; and the journalctl command for its log."
    )
    @OptionGroup var config: ConfigOptions
    @Argument(help: "The deadline's id.") var id: String
    @Flag(help: "Print stable JSON.") var json = false

    func run() async throws {
        let configuration = try config.load(showWarnings: false)
        let language = config.language.of(configuration)
        guard let deadline = configuration.agenda.deadline(id: id) else {
            Console.err(HistoryReport.unknownDeadline(id, in: configuration.agenda, language: language))
            throw ExitCode(2)
        }
        do {
            let ledger = try await LedgerSelection.openForCommand(configuration).ledger
            let planner = ReminderPlanner(agenda: configuration.agenda)
            let report = HistoryReport(
                deadline: deadline, entries: try await ledger.entries(deadlineID: id),
                events: try await ledger.occurrenceEvents(deadlineID: id), zone: configuration.agenda.settings.zone,
                units: configuration.agenda.deadlineIndex[id].map { planner.unitsByDeadline[$0] } ?? [],
                state: try await ledger.plannerState())
            Console.out(json ? report.json().rendered() + "\n" : report.text(language: language))
        } catch {
            Console.err(
                Catalog(language)(
                    CommonText.ledgerUnusable, ["error": RecordedText.translate("\(error)", to: language)]))
            throw ExitCode(1)
        }
    }
}

struct Report: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, md, json, html
    }

    static let configuration = CommandConfiguration(
        abstract:
            "Per unit: occurrences due in a period, done on time, done late, still overdue (the figures reported upward)."
    )
    @OptionGroup var config: ConfigOptions
    @Option(help: "First due day of the period (dd/mm/yyyy; default: the first day of this month).") var from: String?
    @Option(help: "Last due day of the period (dd/mm/yyyy; default: today).") var to: String?
    @Option(
        help:
            "table, csv (for spreadsheets; its header is the same in every language), md (Markdown), json, or html (one self-contained page with charts)."
    )
    var format: Format = .table
    @Option(help: "Count as if it were this moment (for tests and what-ifs).") var now: String?

    func run() async throws {
        let configuration = try config.load(showWarnings: false)
        let language = config.language.of(configuration)
        let zone = configuration.agenda.settings.zone
        let moment = try momentOption(now, "--now", configuration, language)
        let today = zone.localDateTime(at: moment).date
        let first =
            try from.map { zone.localDateTime(at: try momentOption($0, "--from", configuration, language)).date }
            ?? CivilDate(year: today.year, month: today.month, day: 1) ?? today
        let last =
            try to.map { zone.localDateTime(at: try momentOption($0, "--to", configuration, language)).date } ?? today
        guard first <= last else {
            Console.err(Catalog(language)(ReportText.fromAfterTo, ["from": first.vietnamese, "to": last.vietnamese]))
            throw ExitCode(2)
        }
        let state: PlannerState
        do {
            state = try await LedgerSelection.openForCommand(configuration).ledger.plannerState()
        } catch {
            Console.err(
                Catalog(language)(
                    CommonText.ledgerUnusable, ["error": RecordedText.translate("\(error)", to: language)]))
            throw ExitCode(1)
        }
        let report = CompletionReport.build(
            agenda: configuration.agenda, state: state, from: first, to: last, now: moment)
        switch format {
        case .table: Console.out(report.text(language: language))
        case .csv: Console.out(report.csv())
        case .md: Console.out(report.markdown(language: language))
        case .json: Console.out(report.json().rendered() + "\n")
        case .html:
            Console.out(
                WebAdmin.reportPage(
                    configuration: configuration, state: state, from: first, to: last, now: moment, language: language))
        }
    }
}

struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Edit a config file safely: check the whole configuration with the change, install it atomically, reload deadlined.",
        discussion: """
            Opens a copy of FILE (default: the main file; a name alone means a file in the drop-in folder, which may be \
            new) in $VISUAL or $EDITOR. A copy with errors is never installed: you may edit it again or leave, and the \
            installed files stay byte for byte as they were.
            """)
    @OptionGroup var config: ConfigOptions
    @Argument(help: "The file to edit: the main file, or a drop-in (path or name).") var file: String?

    func run() throws {
        let code = ConfigEdit.run(
            file: file, mainFile: config.mainFile, environment: Console.environment, language: config.language.value)
        if code != 0 { throw ExitCode(code) }
    }
}

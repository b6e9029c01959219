import ArgumentParser
import DeadlineConfig
import DeadlineKit
import DeadlineService
import DeadlineStore

struct Reload: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask the running deadlined to reload its configuration; exit 1 if the new one is rejected (the old one keeps running).")

    @OptionGroup var config: ConfigOptions

    func run() throws {
        let environment = Console.environment
        let directory = ReloadRequest.stateDirectory(mainFile: config.mainFile, environment: environment)
        let code = ReloadRequest.run(stateDirectory: directory)
        if code != 0 { throw ExitCode(code) }
    }
}

/// Loads the configuration for a command, or exits 1 after printing its errors.
func loadConfiguration(_ options: ConfigOptions) throws -> Configuration {
    guard let configuration = ConfigSession.load(options.mainFile, environment: Console.environment, showWarnings: false) else {
        throw ExitCode(1)
    }
    return configuration
}

struct OccurrenceOptions: ParsableArguments {
    @Argument(help: "The deadline's id (deadlinectl list shows them).") var id: String
    @Option(help: "Which occurrence, by its due day (dd/mm/yyyy); default: the open one (overdue, else the next).")
    var occurrence: String?
    @Option(help: "A note kept in the ledger with the change.") var note: String?
}

struct Done: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mark an occurrence of a deadline done: its reminders stop at once, also in a running daemon.")
    @OptionGroup var config: ConfigOptions
    @OptionGroup var target: OccurrenceOptions
    @Option(help: "When the work was done, if not now (e.g. the date on the unit's report), for on-time counts in 'report'.")
    var at: String?

    func run() async throws {
        let configuration = try loadConfiguration(config)
        var moment = Clock.now()
        if let at {
            guard let given = ConfigSession.moment(at, option: "--at", zone: configuration.agenda.settings.zone) else { throw ExitCode(2) }
            guard given <= moment else {
                Console.err("deadlinectl: --at \(at) is in the future; work is marked done when it is done\n")
                throw ExitCode(2)
            }
            moment = given
        }
        let code = await OccurrenceCommands.run(
            .done, deadlineID: target.id, occurrence: target.occurrence, note: target.note,
            configuration: configuration, now: moment)
        if code != 0 { throw ExitCode(code) }
    }
}

struct Undone: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Take back a 'done': the occurrence's reminders resume.")
    @OptionGroup var config: ConfigOptions
    @OptionGroup var target: OccurrenceOptions

    func run() async throws {
        let code = await OccurrenceCommands.run(
            .undone, deadlineID: target.id, occurrence: target.occurrence, note: target.note,
            configuration: try loadConfiguration(config), now: Clock.now())
        if code != 0 { throw ExitCode(code) }
    }
}

struct Snooze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Pause an occurrence's reminders until a moment.")
    @OptionGroup var config: ConfigOptions
    @OptionGroup var target: OccurrenceOptions
    @Option(help: "Until when (dd/mm/yyyy, 'dd/mm/yyyy HH:MM' or ISO 8601).") var until: String

    func run() async throws {
        let code = await OccurrenceCommands.run(
            .snooze(until: until), deadlineID: target.id, occurrence: target.occurrence, note: target.note,
            configuration: try loadConfiguration(config), now: Clock.now())
        if code != 0 { throw ExitCode(code) }
    }
}

struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Is deadlined running; next reminders, deliveries waiting for a retry, given up lately, overdue work by unit.")
    @OptionGroup var config: ConfigOptions
    @Flag(help: "Print stable JSON.") var json = false

    func run() async throws {
        let configuration = try loadConfiguration(config)
        do {
            let ledger = try await LedgerSelection.openForCommand(configuration).ledger
            let report = try await StatusReport.gather(configuration: configuration, ledger: ledger, now: Clock.now())
            Console.out(json ? report.json().rendered() + "\n" : report.text(language: configuration.agenda.settings.language))
        } catch {
            Console.err("deadlinectl: the ledger cannot be used: \(error)\n")
            throw ExitCode(1)
        }
    }
}

struct History: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Every reminder of a deadline: time, channel, recipients, outcome, attempts; and the journalctl command for its log.")
    @OptionGroup var config: ConfigOptions
    @Argument(help: "The deadline's id.") var id: String
    @Flag(help: "Print stable JSON.") var json = false

    func run() async throws {
        let configuration = try loadConfiguration(config)
        guard let deadline = configuration.agenda.deadline(id: id) else {
            Console.err("deadlinectl: no deadline has the id '\(id)' (deadlinectl list shows them)\n")
            throw ExitCode(2)
        }
        do {
            let ledger = try await LedgerSelection.openForCommand(configuration).ledger
            let report = HistoryReport(
                deadline: deadline, entries: try await ledger.entries(deadlineID: id),
                events: try await ledger.occurrenceEvents(deadlineID: id), zone: configuration.agenda.settings.zone)
            Console.out(json ? report.json().rendered() + "\n" : report.text(language: configuration.agenda.settings.language))
        } catch {
            Console.err("deadlinectl: the ledger cannot be used: \(error)\n")
            throw ExitCode(1)
        }
    }
}

struct Report: AsyncParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, csv, md, json
    }

    static let configuration = CommandConfiguration(
        abstract: "Per unit: occurrences due in a period, done on time, done late, still overdue (the figures reported upward).")
    @OptionGroup var config: ConfigOptions
    @Option(help: "First due day of the period (dd/mm/yyyy; default: the first day of this month).") var from: String?
    @Option(help: "Last due day of the period (dd/mm/yyyy; default: today).") var to: String?
    @Option(help: "table, csv (for spreadsheets), md (Markdown) or json.") var format: Format = .table
    @Option(help: "Count as if it were this moment (for tests and what-ifs).") var now: String?

    func run() async throws {
        let configuration = try loadConfiguration(config)
        let zone = configuration.agenda.settings.zone
        func day(_ text: String?, option: String) throws -> CivilDate? {
            guard let text else { return nil }
            guard let moment = ConfigSession.moment(text, option: option, zone: zone) else { throw ExitCode(2) }
            return zone.localDateTime(at: moment).date
        }
        let moment = try now.map { text in
            guard let m = ConfigSession.moment(text, option: "--now", zone: zone) else { throw ExitCode(2) }
            return m
        } ?? Clock.now()
        let today = zone.localDateTime(at: moment).date
        let first = try day(from, option: "--from") ?? CivilDate(year: today.year, month: today.month, day: 1) ?? today
        let last = try day(to, option: "--to") ?? today
        guard first <= last else {
            Console.err("deadlinectl: --from \(first.vietnamese) is after --to \(last.vietnamese)\n")
            throw ExitCode(2)
        }
        let state: PlannerState
        do {
            state = try await LedgerSelection.openForCommand(configuration).ledger.plannerState()
        } catch {
            Console.err("deadlinectl: the ledger cannot be used: \(error)\n")
            throw ExitCode(1)
        }
        let report = CompletionReport.build(agenda: configuration.agenda, state: state, from: first, to: last, now: moment)
        let language = configuration.agenda.settings.language
        switch format {
        case .table: Console.out(report.text(language: language))
        case .csv: Console.out(report.csv(language: language))
        case .md: Console.out(report.markdown(language: language))
        case .json: Console.out(report.json().rendered() + "\n")
        }
    }
}

struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Edit a config file safely: check the whole configuration with the change, install it atomically, reload deadlined.",
        discussion: """
            Opens a copy of FILE (default: the main file; a name alone means a file in the drop-in folder, which may be \
            new) in $VISUAL or $EDITOR. A copy with errors is never installed: you may edit it again or leave, and the \
            installed files stay byte for byte as they were.
            """)
    @OptionGroup var config: ConfigOptions
    @Argument(help: "The file to edit: the main file, or a drop-in (path or name).") var file: String?

    func run() throws {
        let code = ConfigEdit.run(file: file, mainFile: config.mainFile, environment: Console.environment)
        if code != 0 { throw ExitCode(code) }
    }
}

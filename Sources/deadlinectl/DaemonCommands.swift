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

    func run() async throws {
        let code = await OccurrenceCommands.run(
            .done, deadlineID: target.id, occurrence: target.occurrence, note: target.note,
            configuration: try loadConfiguration(config), now: Clock.now())
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
            let ledger = try await SQLiteLedger(path: configuration.daemon.stateDirectory + "/state.db", create: false)
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
            let ledger = try await SQLiteLedger(path: configuration.daemon.stateDirectory + "/state.db", create: false)
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

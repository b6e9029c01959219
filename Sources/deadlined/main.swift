import ArgumentParser
import DeadlineKit
import DeadlineService

/// `deadlined`: the deadline-reminder daemon. It parses flags and calls into DeadlineService.
@main
struct Deadlined: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadlined", abstract: "The deadline-reminder daemon.")

    @Option(name: .customLong("config"), help: "Main config file (default: $DEADLINED_CONFIG or /etc/deadlined/deadlined.toml).")
    var path: String?

    @Flag(help: "Load and validate the configuration, print the plan for the next days, and exit.")
    var printPlan = false

    @Option(help: "Pretend it is this moment (dd/mm/yyyy, 'dd/mm/yyyy HH:MM' or ISO 8601).") var now: String?

    @Option(help: "With --print-plan: how many days ahead to plan.") var days = 7

    func run() throws {
        let environment = Console.environment
        let mainFile = ConfigSession.mainFile(path, environment: environment)
        guard let configuration = ConfigSession.load(mainFile, environment: environment) else { throw ExitCode(1) }
        let zone = configuration.agenda.settings.zone
        guard let start = now.map({ ConfigSession.moment($0, option: "--now", zone: zone) }) ?? .some(Clock.now()) else {
            throw ExitCode(2)
        }
        Console.out("deadlined: \(mainFile): \(configuration.summary)\n")
        let report = PlanReport(
            planner: ReminderPlanner(agenda: configuration.agenda), from: start,
            to: start.adding(seconds: Int64(max(days, 1)) * 86_400))
        Console.out(report.text(language: configuration.agenda.settings.language))
    }
}

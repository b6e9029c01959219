import ArgumentParser
import DeadlineKit
import DeadlineService
import DeadlineSystemd
import Logging
import Platform
import DeadlineConfig

/// The entry point: the whole command, daemon included, runs on one ``DaemonExecutor`` thread instead of
/// libdispatch's global queues, whose first job would start libdispatch's once-a-second workqueue monitor for the
/// life of the process (see ``DaemonExecutor``). Public API only: a task executor preference (SE-0417).
@main
enum DeadlinedMain {
    static func main() async {
        await withTaskExecutorPreference(DaemonExecutor()) {
            await Deadlined.main()
        }
    }
}

/// `deadlined`: the deadline-reminder daemon. It parses flags and calls into DeadlineService.
struct Deadlined: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deadlined",
        abstract: "The deadline-reminder daemon: plans reminders and sends them when their time comes.",
        discussion: "Run by systemd (deadlined.service). SIGHUP reloads the configuration; SIGTERM stops cleanly.")

    @Option(
        name: .customLong("config"),
        help: "Main config file (default: $DEADLINED_CONFIG or /etc/deadlined/deadlined.toml).")
    var path: String?

    @Flag(help: "Plan, send what is due now, and exit (for a systemd timer).")
    var once = false

    @Flag(help: "Load and validate the configuration, print the plan for the next days, and exit; send nothing.")
    var printPlan = false

    @Option(help: "With --print-plan: how many days ahead to plan, 1–\(Deadlined.maximumDays).") var days = 7

    /// The longest `--print-plan` window: a year.
    static let maximumDays = 366

    @Option(
        help:
            "Live at this moment (dd/mm/yyyy HH:MM or ISO 8601) instead of now; the clock runs on from it. For demonstrations and tests."
    )
    var pretendNow: String?

    @Option(help: "Where logs go: auto (journald when run by systemd, else stderr), journal, console.")
    var logTarget: String = "auto"

    @Option(help: "Least important log level shown: trace, debug, info, notice, warning, error, critical.")
    var logLevel: String = "info"

    func run() async throws {
        let environment = Console.environment
        let mainFile = ConfigSession.mainFile(path, environment: environment)
        if printPlan {
            guard (1...Self.maximumDays).contains(days) else {
                Console.err("deadlined: --days must be a whole number from 1 to \(Self.maximumDays), not \(days)\n")
                throw ExitCode(2)
            }
            guard let configuration = ConfigSession.load(mainFile, environment: environment) else { throw ExitCode(1) }
            let zone = configuration.agenda.settings.zone
            var start = WallClock.now()
            if let text = pretendNow {
                switch MomentParser.parse(text, zone: zone) {
                case .success(let moment): start = moment
                case .failure(let error):
                    Console.err("deadlined: --pretend-now: \(error)\n")
                    throw ExitCode(2)
                }
            }
            Console.out("deadlined: \(mainFile): \(configuration.summary)\n")
            let report = PlanReport(
                planner: ReminderPlanner(agenda: configuration.agenda), from: start,
                to: start.adding(seconds: Int64(days) * 86_400))
            Console.out(report.text(language: configuration.agenda.settings.language))
            return
        }
        guard let target = LogTarget(rawValue: logTarget) else {
            throw ValidationError("--log-target must be auto, journal or console")
        }
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level must be one of trace, debug, info, notice, warning, error, critical")
        }
        let code = await DaemonRunner.run(
            DaemonOptions(mainFile: mainFile, once: once, pretendNow: pretendNow, logTarget: target, logLevel: level))
        if code != 0 { throw ExitCode(code) }
    }
}

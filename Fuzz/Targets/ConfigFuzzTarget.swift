import DeadlineConfig
import DeadlineKit

/// A configuration's text, loaded as `deadlinectl check` loads the main file (the bytes stand in for the file, so
/// nothing is written to disk), then planned as `list` and `plan` would, over a few weeks around its first deadline.
package enum ConfigFuzzTarget {
    /// Where the bytes pretend to be: a folder that does not exist, so no drop-in or secret file is found.
    static let mainFile = "/nonexistent/deadlined-fuzz/deadlined.toml"

    package static func run(_ bytes: [UInt8]) {
        run(bytes, environment: [:])
    }

    /// Loads `bytes` as the main file with `environment` (the daemon's reload passes `WATCHDOG_USEC`), renders
    /// every diagnostic as `check` prints it, and plans what loaded.
    static func run(_ bytes: [UInt8], environment: [String: String]) {
        let result = ConfigLoader.load(mainFile: mainFile, environment: environment, pending: (mainFile, bytes))
        var printed = 0
        for diagnostic in result.diagnostics { printed &+= diagnostic.description.utf8.count }
        guard let configuration = result.configuration else { return }
        printed &+= configuration.summary.utf8.count
        plan(configuration.agenda)
    }

    /// A plan of 40 days from 8 days before the first one-off deadline (or 20/11/2020), and every status then.
    static func plan(_ agenda: Agenda) {
        let planner = ReminderPlanner(agenda: agenda)
        var start = agenda.settings.zone.instant(
            for: LocalDateTime(CivilDate(year: 2020, month: 11, day: 20) ?? CivilDate(daysSinceEpoch: 0), .midnight))
        for deadline in agenda.deadlines {
            if case .once(let moment) = deadline.schedule {
                start = agenda.settings.zone.instant(for: moment).adding(seconds: -8 * 86_400)
                break
            }
        }
        let reminders = planner.reminders(from: start, to: start.adding(seconds: 40 * 86_400))
        for reminder in reminders.prefix(200) { _ = planner.key(of: reminder) }
        _ = planner.statuses(now: start.adding(seconds: 10 * 86_400))
        _ = planner.dueMoments(from: start, to: start.adding(seconds: 40 * 86_400))
    }
}

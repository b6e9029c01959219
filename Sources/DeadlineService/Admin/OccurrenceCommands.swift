#if canImport(Glibc)
    import Glibc
#endif
import DeadlineConfig
import DeadlineKit
import DeadlineStore
import DeadlineSystemd
import Logging

/// `deadlinectl done`, `undone` and `snooze`: change an occurrence in the ledger, tell a running daemon at once
/// (over its control socket), and leave a journald entry saying who did what.
///
/// They write the ledger directly (SQLite in WAL mode with a busy timeout: safe while the daemon writes), so
/// they work whether or not the daemon runs; the daemon re-plans as soon as it is told, or at its next wake-up.
public enum OccurrenceCommands {
    public enum Action: Sendable {
        case done
        case undone
        case snooze(until: String)
    }

    /// Runs one action; returns the exit status (0 done; 1 refused; 2 bad arguments).
    public static func run(
        _ action: Action, deadlineID: String, occurrence occurrenceText: String?, note: String?, configuration: Configuration,
        now: Instant
    ) async -> Int32 {
        let agenda = configuration.agenda
        guard let index = agenda.deadlineIndex[deadlineID] else {
            let hint = closestID(deadlineID, in: agenda.deadlines.map(\.id)).map { "; did you mean '\($0)'?" } ?? ""
            Console.err("deadlinectl: no deadline has the id '\(deadlineID)'\(hint) (deadlinectl list shows them)\n")
            return 2
        }
        let deadline = agenda.deadlines[index]
        let planner = ReminderPlanner(agenda: agenda)
        let occurrence: CivilDate
        if let occurrenceText {
            guard case .success(let due) = DueDateParser.parse(occurrenceText, issued: nil), due.granularity == .day else {
                Console.err("deadlinectl: --occurrence: '\(occurrenceText)' is not a day such as 20/12/2020\n")
                return 2
            }
            let around = planner.occurrences(of: deadline, from: due.date.adding(days: -400), through: due.date.adding(days: 400))
            guard around.contains(due.date) else {
                let near = around.min { abs($0.days(until: due.date)) < abs($1.days(until: due.date)) }
                let hint = near.map { "; the nearest is \($0.vietnamese)" } ?? ""
                Console.err("deadlinectl: \(due.date.vietnamese) is not a due day of '\(deadlineID)'\(hint)\n")
                return 2
            }
            occurrence = due.date
        } else if case .once(let moment) = deadline.schedule {
            occurrence = moment.date
        } else {
            let ledger: any Ledger
            do { ledger = try await open(configuration) } catch { return fail(error) }
            let state = (try? await ledger.plannerState()) ?? PlannerState()
            guard let current = planner.status(ofDeadlineAt: index, now: now, state: state).occurrence else {
                Console.err("deadlinectl: '\(deadlineID)' has no occurrence near now; give one with --occurrence dd/mm/yyyy\n")
                return 2
            }
            occurrence = current
        }
        let id = OccurrenceID(deadlineID: deadlineID, date: occurrence)
        let user = unixUser()
        let zone = agenda.settings.zone
        let event: LogEventID
        let summary: String
        let ledger: any Ledger
        do { ledger = try await open(configuration) } catch { return fail(error) }
        do {
            switch action {
            case .done:
                try await ledger.markDone(id, by: user, note: note, at: now)
                event = .reminderMarkedDone
                summary = "\(deadlineID) (due \(occurrence.vietnamese)) marked done by \(user); its reminders stop"
            case .undone:
                try await ledger.markUndone(id, by: user, note: note, at: now)
                event = .reminderMarkedDone
                summary = "\(deadlineID) (due \(occurrence.vietnamese)) is no longer marked done (\(user)); its reminders resume"
            case .snooze(let untilText):
                guard case .success(let until) = MomentParser.parse(untilText, zone: zone) else {
                    Console.err("deadlinectl: --until: '\(untilText)' is not a moment; write 15/12/2020 or '15/12/2020 08:00'\n")
                    return 2
                }
                try await ledger.snooze(id, until: until, by: user, note: note, at: now)
                event = .reminderSnoozed
                summary = "\(deadlineID) (due \(occurrence.vietnamese)): reminders paused until \(zone.vietnamese(until)) by \(user)"
            }
        } catch let error as StoreError where error.code == .notFound {
            Console.err("deadlinectl: \(deadlineID) (due \(occurrence.vietnamese)) is not marked done; nothing to undo\n")
            return 1
        } catch {
            return fail(error)
        }
        journal(event, summary, id: id, user: user, note: note, configuration: configuration)
        Console.out(summary + ".\n")
        if configuration.store.sqlitePath(stateDirectory: "") != nil { notifyDaemon(configuration) }  // PostgreSQL: NOTIFY told all
        return 0
    }

    static func open(_ configuration: Configuration) async throws -> any Ledger {
        try await LedgerSelection.openForCommand(configuration).ledger
    }

    static func fail(_ error: any Error) -> Int32 {
        Console.err("deadlinectl: the ledger cannot be used: \(error)\n")
        return 1
    }

    /// Tells a running daemon to re-plan now; says so when none runs (it will see the change when it starts).
    static func notifyDaemon(_ configuration: Configuration) {
        do {
            _ = try ControlClient.request("CHANGED", stateDirectory: configuration.daemon.stateDirectory, timeoutSeconds: 10)
        } catch {
            Console.err("note: \(error); the change takes effect when it starts\n")
        }
    }

    /// Writes the admin's action to journald (when there is one), as `deadlinectl`.
    static func journal(_ event: LogEventID, _ message: String, id: OccurrenceID, user: String, note: String?, configuration: Configuration) {
        guard LogEnvironment.current().journalSocketExists else { return }
        var logger = Logger(label: "deadlinectl") { _ in LogDestination.journal(fallback: .plain).makeHandler(identifier: "deadlinectl") }
        logger.logLevel = .info
        var metadata: Logger.Metadata = [
            LogMetadataKey.deadlineID: .string(id.deadlineID), "occurrence": .string(id.date.iso), "admin_user": .string(user),
        ]
        if let note { metadata["note"] = .string(note) }
        if let ref = configuration.agenda.deadline(id: id.deadlineID)?.documentRef { metadata[LogMetadataKey.documentRef] = .string(ref) }
        logger.notice("\(message)", metadata: event.metadata(metadata))
    }

    /// The Unix user running the command, with the invoking user under sudo: `root (sudo: lan)`.
    public static func unixUser(environment: [String: String] = Console.environment) -> String {
        var name = "uid \(getuid())"
        if let pw = getpwuid(getuid()), let cName = pw.pointee.pw_name { name = String(cString: cName) }
        if let sudoUser = environment["SUDO_USER"], !sudoUser.isEmpty, sudoUser != name { name += " (sudo: \(sudoUser))" }
        return name
    }

    static func closestID(_ id: String, in ids: [String]) -> String? {
        ids.first { $0.hasPrefix(id) || id.hasPrefix($0) } ?? ids.first { $0.contains(id) }
    }
}

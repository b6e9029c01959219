#if canImport(Glibc)
    import Glibc
#endif
package import DeadlineConfig
package import DeadlineKit
import DeadlineStore
import DeadlineSystemd
import Logging

/// `deadlinectl done`, `undone` and `snooze`: change an occurrence in the ledger, tell a running daemon at once
/// (over its control socket), and leave a journald entry saying who did what.
///
/// They write the ledger directly (SQLite in WAL mode with a busy timeout: safe while the daemon writes), so
/// they work whether or not the daemon runs; the daemon re-plans as soon as it is told, or at its next wake-up.
package enum OccurrenceCommands {
    package enum Action: Sendable {
        case done
        case undone
        case snooze(until: String)
    }

    /// Runs one action for `units` of an occurrence (every unit of it when empty); returns the exit status (0 done;
    /// 1 refused; 2 bad arguments). It speaks `language`; its journal entry is in English, as every journal entry.
    package static func run(
        _ action: Action, deadlineID: String, occurrence occurrenceText: String?, units unitArguments: [String] = [],
        note: String?, configuration: Configuration, now: Instant, language: Language
    ) async -> Int32 {
        let agenda = configuration.agenda
        let words = OccurrenceWords(language: language)
        let english = OccurrenceWords(language: .en)
        guard let index = agenda.deadlineIndex[deadlineID] else {
            Console.err(
                words.unknownDeadline(deadlineID, suggestion: closestID(deadlineID, in: agenda.deadlines.map(\.id))))
            return 2
        }
        let deadline = agenda.deadlines[index]
        let planner = ReminderPlanner(agenda: agenda)
        let allUnits = planner.unitsByDeadline[index]
        let units: [String]
        switch resolveUnits(unitArguments, of: deadline, allUnits: allUnits, agenda: agenda) {
        case .success(let resolved): units = resolved
        case .failure(let problem):
            Console.err(
                words.unknownUnit(
                    problem.argument, deadlineID: deadlineID, units: allUnits, suggestion: problem.suggestion))
            return 2
        }
        let zone = agenda.settings.zone
        var until: Instant?
        if case .snooze(let untilText) = action {
            let parsed = MomentParser.parse(untilText, zone: zone)
            if case .failure(let error) = parsed, error.isAboutYear {
                Console.err(
                    words.say(CommonText.momentReason, ["option": "--until", "reason": words.say(error.phrase)]))
                return 2
            }
            guard case .success(let moment) = parsed else {
                Console.err(words.badUntil(untilText))
                return 2
            }
            guard moment > now else {
                Console.err(words.untilInThePast(untilText, now: zone.vietnamese(now)))
                return 2
            }
            until = moment
        }
        // done and snooze create the ledger when deadlined has not run yet, as it would; undone needs a mark.
        let create: Bool
        if case .undone = action { create = false } else { create = true }
        let ledger: any Ledger
        do { ledger = try await open(configuration, create: create) } catch { return fail(error, language) }
        let occurrence: CivilDate
        if let occurrenceText {
            guard case .success(let due) = DueDateParser.parse(occurrenceText, issued: nil), due.granularity == .day
            else {
                Console.err(words.badOccurrence(occurrenceText))
                return 2
            }
            let around = planner.occurrences(
                of: deadline, from: due.date.adding(days: -400), through: due.date.adding(days: 400))
            guard around.contains(due.date) else {
                let near = around.min { abs($0.days(until: due.date)) < abs($1.days(until: due.date)) }
                Console.err(
                    words.notAnOccurrence(due.date.vietnamese, deadlineID: deadlineID, nearest: near?.vietnamese))
                return 2
            }
            occurrence = due.date
        } else if case .once(let moment) = deadline.schedule {
            occurrence = moment.date
        } else {
            let state = (try? await ledger.plannerState()) ?? PlannerState()
            guard let current = planner.status(ofDeadlineAt: index, now: now, state: state).occurrence else {
                Console.err(words.noOccurrenceNearNow(deadlineID))
                return 2
            }
            occurrence = current
        }
        let id = OccurrenceID(deadlineID: deadlineID, date: occurrence)
        let user = unixUser()
        let event: LogEventID
        var lines: [String] = []
        var journalMessage = ""
        do {
            switch action {
            case .done:
                let already = try await ledger.markDone(id, units: units, by: user, note: note, at: now)
                let alreadyUnits = Set(
                    units.filter { unit in already.contains { $0.unit == unit || $0.unit == PlannerState.everyUnit } })
                for unit in units where alreadyUnits.contains(unit) {
                    guard let mark = already.first(where: { $0.unit == unit || $0.unit == PlannerState.everyUnit })
                    else { continue }
                    lines.append(
                        words.alreadyDone(
                            id, unit: name(unit, agenda), at: mark.doneAt.map(zone.vietnamese), by: mark.doneBy))
                }
                let marked = units.filter { !alreadyUnits.contains($0) }
                guard !marked.isEmpty else {
                    Console.out(lines.joined())
                    return 0
                }
                lines.insert(words.markedDone(id, units: marked.map { name($0, agenda) }, by: user), at: 0)
                journalMessage = english.markedDone(id, units: marked.map { name($0, agenda) }, by: user)
                event = .reminderMarkedDone
            case .undone:
                try await ledger.markUndone(id, units: units, allUnits: allUnits, by: user, note: note, at: now)
                lines.append(words.markedUndone(id, units: units.map { name($0, agenda) }, by: user))
                journalMessage = english.markedUndone(id, units: units.map { name($0, agenda) }, by: user)
                event = .reminderMarkedDone
            case .snooze:
                guard let until else { return 2 }
                try await ledger.snooze(id, units: units, until: until, by: user, note: note, at: now)
                lines.append(
                    words.snoozed(id, units: units.map { name($0, agenda) }, until: zone.vietnamese(until), by: user))
                journalMessage = english.snoozed(
                    id, units: units.map { name($0, agenda) }, until: zone.vietnamese(until), by: user)
                event = .reminderSnoozed
            }
        } catch {
            guard error.code == .notFound else { return fail(error, language) }
            Console.err(words.notDone(id, units: units.map { name($0, agenda) }))
            return 1
        }
        if case .snooze = action {
        } else if allUnits.count > 1, let state = try? await ledger.plannerState() {
            let done = allUnits.filter { state.isDone(id, unit: $0) }
            lines.append(
                words.progress(
                    done: done.count, of: allUnits.count,
                    pending: allUnits.filter { !done.contains($0) }.map { name($0, agenda) }))
        }
        journal(
            event, journalMessage.trimmingNewline, id: id, units: units, user: user, note: note,
            configuration: configuration)
        Console.out(lines.joined())
        // PostgreSQL: NOTIFY told all
        if configuration.store.sqlitePath(stateDirectory: "") != nil { notifyDaemon(configuration, language) }
        return 0
    }

    /// `--unit` arguments resolved to the occurrence's units: a unit of the deadline, or a group whose members are.
    static func resolveUnits(
        _ arguments: [String], of deadline: Deadline, allUnits: [String], agenda: Agenda
    )
        -> Result<[String], UnitProblem>
    {
        guard !arguments.isEmpty else { return .success(allUnits) }
        var units: [String] = []
        for argument in arguments {
            let members =
                agenda.units[argument] == nil ? [] : ReminderPlanner.expandUnits([argument], agenda: agenda).map(\.id)
            let mine = members.filter { allUnits.contains($0) }
            guard !mine.isEmpty else {
                let candidates = allUnits + deadline.units
                return .failure(
                    UnitProblem(argument: argument, suggestion: Suggestions.closest(to: argument, in: candidates)))
            }
            for unit in mine where !units.contains(unit) { units.append(unit) }
        }
        return .success(allUnits.filter { units.contains($0) })
    }

    struct UnitProblem: Error {
        let argument: String
        let suggestion: String?
    }

    /// A unit's name from the configuration, or its id.
    static func name(_ unit: String, _ agenda: Agenda) -> String { agenda.units[unit]?.name ?? unit }

    static func open(_ configuration: Configuration, create: Bool) async throws -> any Ledger {
        try await LedgerSelection.openForCommand(configuration, create: create).ledger
    }

    static func fail(_ error: any Error, _ language: Language) -> Int32 {
        Console.err(
            Catalog(language)(CommonText.ledgerUnusable, ["error": RecordedText.translate("\(error)", to: language)]))
        return 1
    }

    /// Tells a running daemon to re-plan now; says so when none runs (it will see the change when it starts).
    static func notifyDaemon(_ configuration: Configuration, _ language: Language) {
        do {
            _ = try ControlClient.request(
                "CHANGED", stateDirectory: configuration.daemon.stateDirectory, timeoutSeconds: 10)
        } catch {
            Console.err(ControlProblem.note(error, Catalog(language)))
        }
    }

    /// Writes the admin's action to journald (when there is one), as `deadlinectl`.
    static func journal(
        _ event: LogEventID, _ message: String, id: OccurrenceID, units: [String], user: String, note: String?,
        configuration: Configuration
    ) {
        guard LogEnvironment.current().journalSocketExists else { return }
        var logger = Logger(label: "deadlinectl") { _ in
            LogDestination.journal(fallback: .plain).makeHandler(identifier: "deadlinectl")
        }
        logger.logLevel = .info
        var metadata: Logger.Metadata = [
            LogMetadataKey.deadlineID: .string(id.deadlineID), "occurrence": .string(id.date.iso),
            "admin_user": .string(user),
            LogMetadataKey.unit: .string(units.joined(separator: ", ")),
        ]
        if let note { metadata["note"] = .string(note) }
        if let ref = configuration.agenda.deadline(id: id.deadlineID)?.documentRef {
            metadata[LogMetadataKey.documentRef] = .string(ref)
        }
        logger.notice("\(message)", metadata: event.metadata(metadata))
    }

    /// The Unix user running the command, with the invoking user under sudo: `root (sudo: lan)`.
    package static func unixUser(environment: [String: String] = Console.environment) -> String {
        var name = "uid \(getuid())"
        if let pw = getpwuid(getuid()), let cName = pw.pointee.pw_name { name = String(cString: cName) }
        if let sudoUser = environment["SUDO_USER"], !sudoUser.isEmpty, sudoUser != name {
            // machine: the user's name as `root (sudo: lan)`
            name += " (sudo: \(sudoUser))"
        }
        return name
    }

    /// The id the admin most likely meant: the nearest by edit distance (`5418-dexuat`), else one that starts
    /// with or contains what was typed.
    static func closestID(_ id: String, in ids: [String]) -> String? {
        Suggestions.closest(to: id, in: ids) ?? ids.first { $0.hasPrefix(id) || id.hasPrefix($0) }
            ?? ids.first { $0.contains(id) }
    }
}

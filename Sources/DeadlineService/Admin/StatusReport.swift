#if canImport(Glibc)
    import Glibc
#endif
package import DeadlineConfig
package import DeadlineKit
package import DeadlineStore

/// `deadlinectl status`: is the daemon running, what config it runs, what goes out next, what waits for a retry,
/// what was given up lately, and which units are late.
package struct StatusReport: Sendable {
    package struct Daemon: Sendable {
        package var running: Bool
        package var pid: Int32?
        package var instance: InstanceRecord?
    }

    package var daemon: Daemon
    package var next: [PlannedReminder]
    package var retrying: [LedgerEntry]
    package var givenUp: [LedgerEntry]
    package var overdue: [(unit: String, deadlines: [DeadlineStatus])]
    let planner: ReminderPlanner
    let now: Instant
    /// The daemons sharing a PostgreSQL ledger; empty for SQLite.
    package var instances: [InstanceStatus] = []
    var recheckSeconds: Int64 = 60

    /// Gathers the report. The daemon counts as running when it answers on its control socket.
    package static func gather(
        configuration: Configuration, ledger: any Ledger, now: Instant, nextCount: Int = 10
    ) async throws
        -> StatusReport
    {
        let state = try await ledger.plannerState()
        let planner = ReminderPlanner(agenda: configuration.agenda)
        let instances = try await ledger.instances()
        var pid: Int32?
        if let pong = try? ControlClient.request(
            "PING", stateDirectory: configuration.daemon.stateDirectory, timeoutSeconds: 5
        ).first,
            pong.hasPrefix("PONG ")
        {
            pid = Int32(pong.dropFirst(5))
        }
        let instance = instances.first { pid != nil && $0.pid == pid } ?? instances.first
        var next: [PlannedReminder] = []
        for days: Int64 in [1, 7, 60, 400] where next.isEmpty {
            next = Array(
                planner.reminders(from: now, to: now.adding(seconds: days * 86_400), state: state).prefix(nextCount))
        }
        let retrying = try await ledger.entries(states: [.retry, .sending], since: nil, limit: 200)
        let givenUp = try await ledger.entries(
            states: [.givenUp, .failed], since: now.adding(seconds: -7 * 86_400), limit: 200)
        var byUnit: [String: [DeadlineStatus]] = [:]
        for index in configuration.agenda.deadlines.indices {
            let status = planner.status(ofDeadlineAt: index, now: now, state: state)
            guard case .overdue = status.state else { continue }
            for unit in status.unitsPending { byUnit[unit, default: []].append(status) }
        }
        var report = StatusReport(
            daemon: Daemon(running: pid != nil, pid: pid, instance: instance), next: next, retrying: retrying,
            givenUp: givenUp,
            overdue: byUnit.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, planner: planner, now: now)
        report.instances = try await InstanceStatus.gather(ledger, now: now)
        report.recheckSeconds = configuration.store.recheckSeconds
        return report
    }

    var zone: ZoneRules { planner.agenda.settings.zone }

    package func json() -> JSONValue {
        let d = daemon.instance
        return .object(
            [
                ("version", 1),
                ("now", .string(zone.iso8601(now))),
                (
                    "daemon",
                    .object([
                        ("running", .bool(daemon.running)),
                        ("pid", daemon.pid.map { .integer(Int64($0)) } ?? .null),
                        ("host", .optional(d?.host)),
                        ("started_at", .optional(d.map { zone.iso8601($0.startedAt) })),
                        ("heartbeat_at", .optional(d.map { zone.iso8601($0.heartbeatAt) })),
                        ("config_loaded_at", .optional(d?.configLoadedAt.map(zone.iso8601))),
                        ("config", .optional(d?.configSummary)),
                        ("status", .optional(d?.status)),
                    ])
                ),
                ("next_reminders", .array(next.map(nextJSON))),
                ("pending_retry", .array(retrying.map(entryJSON))),
                ("given_up_last_7_days", .array(givenUp.map(entryJSON))),
                (
                    "overdue_by_unit",
                    .array(
                        overdue.map { unit, statuses in
                            .object([
                                ("unit", .string(unit)), ("name", .optional(planner.agenda.units[unit]?.name)),
                                (
                                    "deadlines",
                                    .array(
                                        statuses.map { s in
                                            let days: Int64 = if case .overdue(let n) = s.state { Int64(n) } else { 0 }
                                            return .object([
                                                ("id", .string(planner.agenda.deadlines[s.deadlineIndex].id)),
                                                ("due", .optional(s.due.map(zone.iso8601))),
                                                ("days_overdue", .integer(days)),
                                            ])
                                        })
                                ),
                            ])
                        })
                ),
            ] + instancesJSON())
    }

    func nextJSON(_ r: PlannedReminder) -> JSONValue {
        let t = planner.target(of: r)
        return .object([
            ("send_at", .string(zone.iso8601(r.sendAt))), ("deadline_id", .string(planner.deadlineID(of: r))),
            ("kind", .string(r.kind.rawValue)), ("unit", .string(t.unitID)), ("channel", .string(t.channel)),
        ])
    }

    func entryJSON(_ e: LedgerEntry) -> JSONValue {
        .object([
            ("key", .string(e.key)), ("deadline_id", .string(e.reminder.deadlineID)),
            ("state", .string(e.state.rawValue)),
            ("attempts", .integer(Int64(e.attempts))), ("send_at", .string(zone.iso8601(e.reminder.sendAt))),
            ("next_attempt_at", .optional(e.nextAttemptAt.map(zone.iso8601))), ("last_error", .optional(e.lastError)),
            ("reason", .optional(e.reason)),
        ])
    }

    package func text(language: Language) -> String {
        let say = Catalog(language)
        let words = Wording(language: language)
        var out = ""
        if daemon.running, let pid = daemon.pid {
            out += say(StatusText.running, ["pid": String(pid)])
        } else {
            out += say(StatusText.notRunning)
            if let beat = daemon.instance?.heartbeatAt {
                out += say(StatusText.lastSeen, ["at": zone.vietnamese(beat)])
            }
        }
        out += "\n"
        if let d = daemon.instance {
            if let loaded = d.configLoadedAt {
                out += say(
                    StatusText.configurationLoaded,
                    ["at": zone.vietnamese(loaded), "summary": RecordedText.translate(d.configSummary, to: language)])
            }
            if !d.status.isEmpty { out += "  \(RecordedText.translate(d.status, to: language))\n" }
        }
        out += instancesText(language: language)
        out += "\n" + say(StatusText.nextReminders)
        if next.isEmpty { out += "  \(say(CommonText.nothing))\n" }
        // Columns lined up like the other tables (no header: the section's title says what they are).
        var table = TextTable(header: [])
        for r in next {
            let t = planner.target(of: r)
            table.append(
                ["", zone.vietnamese(r.sendAt), planner.deadlineID(of: r), words.kind(r.rule), t.unitID, t.channel])
        }
        if !next.isEmpty { out += table.renderedRows() }
        out += "\n" + say(StatusText.waitingForRetry, ["count": String(retrying.count)])
        for e in retrying {
            out += say(
                StatusText.retryLine,
                [
                    "key": e.key, "attempts": String(e.attempts),
                    "next": e.nextAttemptAt.map(zone.vietnamese) ?? words.none,
                    "error": RecordedText.translate(e.lastError ?? "", to: language),
                ])
        }
        out += "\n" + say(StatusText.givenUp, ["count": String(givenUp.count)])
        for e in givenUp {
            out += say(
                StatusText.givenUpLine,
                [
                    "key": e.key, "state": HistoryReport.state(e.state, say),
                    "reason": RecordedText.translate(e.reason ?? e.lastError ?? "", to: language),
                ])
        }
        out += "\n" + say(StatusText.overdueByUnit)
        if overdue.isEmpty { out += "  \(say(CommonText.nothing))\n" }
        for (unit, statuses) in overdue {
            let name = planner.agenda.units[unit]?.name ?? unit
            let items = statuses.map {
                say(
                    StatusText.overdueItem,
                    ["id": planner.agenda.deadlines[$0.deadlineIndex].id, "state": words.state($0.state)])
            }
            out += say(StatusText.overdueUnitLine, ["name": name, "unit": unit, "items": say.list(items)])
        }
        return out
    }
}

/// `deadlinectl history ID`: every reminder of one deadline, with outcome and attempts, and the admins' actions.
package struct HistoryReport: Sendable {
    package let deadline: Deadline
    package let entries: [LedgerEntry]
    package let events: [OccurrenceEvent]
    let zone: ZoneRules
    /// The units the deadline is given to, and which finished each occurrence that has a reminder or an action.
    let units: [String]
    let state: PlannerState

    package init(
        deadline: Deadline, entries: [LedgerEntry], events: [OccurrenceEvent], zone: ZoneRules, units: [String] = [],
        state: PlannerState = .empty
    ) {
        self.deadline = deadline
        self.entries = entries
        self.events = events
        self.zone = zone
        self.units = units
        self.state = state
    }

    /// Per occurrence seen in the ledger, oldest first: the units that finished it and those that did not.
    var completion: [(occurrence: CivilDate, done: [String], pending: [String])] {
        let dates = Set(entries.map(\.reminder.occurrence) + events.map(\.occurrence.date)).sorted()
        return dates.map { date in
            let id = OccurrenceID(deadlineID: deadline.id, date: date)
            let done = units.filter { state.isDone(id, unit: $0) }
            return (date, done, units.filter { !done.contains($0) })
        }
    }

    /// The journalctl command that shows this deadline's log entries: the daemon's, and the admins' `done`,
    /// `undone` and `snooze`, which deadlinectl logs under its own name (so no `-u deadlined`).
    package var journalctlCommand: String { "journalctl DEADLINE_ID=\(deadline.id)" }  // machine: a command to run

    package func json() -> JSONValue {
        .object([
            ("deadline_id", .string(deadline.id)),
            ("task", .string(deadline.task)),
            ("document", .optional(deadline.documentRef)),
            (
                "reminders",
                .array(
                    entries.map { e in
                        .object([
                            ("key", .string(e.key)), ("occurrence", .string(e.reminder.occurrence.iso)),
                            ("rule", .string(e.reminder.rule)),
                            ("kind", .string(e.reminder.kind.rawValue)),
                            ("send_at", .string(zone.iso8601(e.reminder.sendAt))),
                            ("unit", .string(e.reminder.unit)), ("channel", .string(e.reminder.channel)),
                            ("recipients", .array(e.reminder.recipients.map { .string($0) })),
                            ("state", .string(e.state.rawValue)),
                            ("attempts", .integer(Int64(e.attempts))),
                            ("sent_at", .optional(e.sentAt.map(zone.iso8601))),
                            ("response", .optional(e.response)), ("last_error", .optional(e.lastError)),
                            ("reason", .optional(e.reason)),
                            (
                                "attempt_log",
                                .array(
                                    (e.attemptLog ?? []).map { a in
                                        .object([
                                            ("attempt", .integer(Int64(a.number))), ("instance", .string(a.owner)),
                                            ("started_at", .string(zone.iso8601(a.startedAt))),
                                            ("outcome", .optional(a.outcome?.rawValue)),
                                            ("detail", .optional(a.detail)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            (
                "completion",
                .array(
                    completion.map { c in
                        .object([
                            ("occurrence", .string(c.occurrence.iso)),
                            ("units_done", .array(c.done.map { .string($0) })),
                            ("units_pending", .array(c.pending.map { .string($0) })),
                        ])
                    })
            ),
            (
                "admin_actions",
                .array(
                    events.map { e in
                        .object([
                            ("at", .string(zone.iso8601(e.at))), ("occurrence", .string(e.occurrence.date.iso)),
                            ("unit", .string(e.unit)),
                            ("action", .string(e.action.rawValue)), ("user", .string(e.user)),
                            ("note", .optional(e.note)),
                            ("snoozed_until", .optional(e.snoozedUntil.map(zone.iso8601))),
                        ])
                    })
            ),
            ("journalctl", .string(journalctlCommand)),
        ])
    }

    package func text(language: Language) -> String {
        let say = Catalog(language)
        let words = Wording(language: language)
        var out = "\(deadline.id): \(deadline.task)"
        if let ref = deadline.documentRef { out += " (\(ref))" }
        out += "\n\n"
        if entries.isEmpty {
            out += say(StatusText.historyNothingYet)
        } else {
            var table = TextTable(
                header: [
                    say(StatusText.historySendAt), say(StatusText.historyOccurrence), say(StatusText.historyRule),
                    say(PlanText.headerUnit), say(PlanText.headerChannel), say(PlanText.headerRecipients),
                    say(StatusText.historyOutcome), say(StatusText.historyAttempts),
                ])
            for e in entries {
                let state = Self.state(e.state, say)
                let outcome =
                    (e.response ?? e.reason ?? e.lastError).map {
                        say(StatusText.outcome, ["state": state, "detail": RecordedText.translate($0, to: language)])
                    } ?? state
                table.append([
                    zone.vietnamese(e.reminder.sendAt), e.reminder.occurrence.vietnamese,
                    ReminderRule(e.reminder.rule).map(words.kind) ?? e.reminder.rule, e.reminder.unit,
                    e.reminder.channel, TextTable.truncate(e.reminder.recipients.joined(separator: ", "), 40),
                    TextTable.truncate(outcome, 60), String(e.attempts),
                ])
            }
            out += table.rendered()
        }
        if !events.isEmpty {
            out += say(StatusText.adminActions)
            for e in events {
                let unit = e.unit == PlannerState.everyUnit ? say(CommonText.everyUnit) : e.unit
                var line =
                    "  \(zone.vietnamese(e.at))  \(Self.action(e.action, say))  \(e.occurrence.date.vietnamese)  \(unit)  \(e.user)"
                if let until = e.snoozedUntil { line += say(StatusText.actionUntil, ["until": zone.vietnamese(until)]) }
                if let note = e.note { line += "  \"\(note)\"" }
                out += line + "\n"
            }
        }
        if !units.isEmpty, !completion.isEmpty {
            out += say(StatusText.completionByUnit)
            for c in completion {
                var arguments = [
                    "occurrence": c.occurrence.vietnamese, "done": String(c.done.count), "total": String(units.count),
                ]
                if c.pending.isEmpty {
                    out += say(StatusText.completionAllDone, arguments)
                } else {
                    arguments["pending"] = say.list(c.pending)
                    out += say(StatusText.completionSomeDone, arguments)
                }
            }
        }
        out += say(StatusText.logEntries, ["command": journalctlCommand])
        return out
    }

    /// `history` given an id no deadline has: the reason, with the id the admin most likely meant.
    package static func unknownDeadline(_ id: String, in agenda: Agenda, language: Language) -> String {
        OccurrenceWords(language: language)
            .unknownDeadline(id, suggestion: OccurrenceCommands.closestID(id, in: agenda.deadlines.map(\.id)))
    }

    /// A ledger state as the admin reads it: `đã gửi`, `bỏ qua`; `sent`, `skipped`.
    static func state(_ state: ReminderState, _ say: Catalog) -> String {
        switch state {
        case .pending: say(StatusText.statePending)
        case .sending: say(StatusText.stateSending)
        case .sent: say(StatusText.stateSent)
        case .retry: say(StatusText.stateRetry)
        case .failed: say(StatusText.stateFailed)
        case .givenUp: say(StatusText.stateGivenUp)
        case .skipped: say(StatusText.stateSkipped)
        }
    }

    static func action(_ action: OccurrenceAction, _ say: Catalog) -> String {
        switch action {
        case .done: say(StatusText.actionDone)
        case .undone: say(StatusText.actionUndone)
        case .snoozed: say(StatusText.actionSnoozed)
        }
    }
}

package import DeadlineKit
import Threads

/// `deadlinectl plan`: the reminders that would go out in a window, in send order.
///
/// The plan is made when it is written, not kept: ``writeJSON(toFileDescriptor:)`` streams a year of 100 000
/// deadlines (two million reminders) in bounded memory.
package struct PlanReport {
    package let planner: ReminderPlanner
    package let from: Instant
    package let to: Instant
    let state: PlannerState

    package init(planner: ReminderPlanner, from: Instant, to: Instant, state: PlannerState = .empty) {
        self.planner = planner
        self.from = from
        self.to = to
        self.state = state
    }

    /// The whole plan as one array (for the terminal's table and for tests).
    package var reminders: [PlannedReminder] { planner.reminders(from: from, to: to, state: state) }

    var zone: ZoneRules { planner.agenda.settings.zone }

    /// The stable JSON form. Times are ISO 8601 with the zone's offset (`2020-12-10T17:00:00+07:00`).
    package func json() -> JSONValue {
        .object(jsonHead + [("reminders", .array(reminders.map(json)))])
    }

    /// The same text as `json().rendered()`, written to a file descriptor (stdout: 1) as the plan is made, in
    /// pieces of 1 MB: a year of 100 000 deadlines needs neither its whole plan nor its JSON in memory.
    package func writeJSON(toFileDescriptor descriptor: Int32) {
        writeJSON { PlanJSONWriter.write($0, to: descriptor) }
    }

    /// The same text as `json().rendered()`, handed to `output` in pieces as the plan is made: the planner runs on
    /// a thread of its own, a week of reminders ahead at most, while this thread writes.
    package func writeJSON(to output: @escaping (UnsafeRawBufferPointer) -> Void) {
        var writer = PlanJSONWriter(planner: planner, state: state, output: output)
        writer.begin(head: jsonHead)
        let (planner, from, to, state) = (planner, from, to, state)
        Pipeline.run(
            name: "plan",  // machine: the planner thread's name, as `ps -L` shows it
            produce: { hand in planner.forEachBatch(from: from, to: to, state: state, hand) },
            consume: { batch in
                for reminder in batch { writer.write(reminder) }
            })
        writer.end()
    }

    private var jsonHead: [(String, JSONValue)] {
        [
            ("version", 1),
            ("timezone", .string(zone.identifier)),
            ("from", .string(zone.iso8601(from))),
            ("to", .string(zone.iso8601(to))),
        ]
    }

    /// One reminder. A digest has `deadline_id` null, `due` null, and `items`: the deadlines it lists.
    func json(_ r: PlannedReminder) -> JSONValue {
        PlanReport.json(r, planner: planner, state: state)
    }

    static func json(_ r: PlannedReminder, planner: ReminderPlanner, state: PlannerState) -> JSONValue {
        let zone = planner.agenda.settings.zone
        let target = planner.target(of: r)
        let deadline = r.isDigest ? nil : planner.deadline(of: r)
        var members: [(String, JSONValue)] = [
            ("deadline_id", .optional(deadline?.id)),
            ("occurrence", .string(r.occurrence.iso)),
            ("due", r.isDigest ? .null : .string(zone.iso8601(r.due))),
            ("send_at", .string(zone.iso8601(r.sendAt))),
            ("kind", .string(r.kind.rawValue)),
            ("rule", .string(r.rule.description)),
            ("unit", .string(target.unitID)),
            ("channel", .string(target.channel)),
            ("recipients", .array(target.recipients.map { .string($0.address) })),
            ("document", .optional(deadline?.documentRef)),
            ("key", .string(planner.key(of: r))),
        ]
        if r.isDigest {
            members.append(
                (
                    "items",
                    .array(
                        planner.digestItems(of: r, state: state).map { item in
                            .object([
                                ("deadline_id", .string(planner.agenda.deadlines[Int(item.deadlineIndex)].id)),
                                ("occurrence", .string(item.occurrence.iso)), ("due", .string(zone.iso8601(item.due))),
                                ("overdue", .bool(item.overdue)),
                            ])
                        })
                ))
        }
        return .object(members)
    }

    /// A table for the terminal, dates as `dd/mm/yyyy`.
    package func text(language: Language) -> String {
        let words = Wording(language: language)
        let fromText = zone.vietnamese(from)
        let toText = zone.vietnamese(to)
        let reminders = self.reminders
        guard !reminders.isEmpty else { return words.noReminders(from: fromText, to: toText) }
        var table = TextTable(header: words.planHeader)
        for r in reminders {
            let target = planner.target(of: r)
            let recipients = target.recipients.isEmpty ? "—" : target.recipients.map(\.address).joined(separator: ", ")
            let what =
                r.isDigest
                ? planner.digestItems(of: r, state: state).map { planner.agenda.deadlines[Int($0.deadlineIndex)].id }
                    .joined(separator: ", ")
                : planner.deadline(of: r).id
            table.append([
                zone.vietnamese(r.sendAt), words.kind(r.rule), r.isDigest ? "—" : zone.vietnamese(r.due),
                TextTable.truncate(what, 60), target.unitID, target.channel, TextTable.truncate(recipients, 60),
            ])
        }
        return table.rendered() + "\n" + words.reminderCount(reminders.count, from: fromText, to: toText)
    }
}

/// `deadlinectl list`: every deadline with its current occurrence, status and next reminder.
package struct ListReport {
    package let planner: ReminderPlanner
    package let now: Instant
    package let statuses: [DeadlineStatus]

    package init(planner: ReminderPlanner, now: Instant, state: PlannerState = .empty) {
        self.planner = planner
        self.now = now
        self.statuses = planner.statuses(now: now, state: state)
    }

    var zone: ZoneRules { planner.agenda.settings.zone }

    package func json() -> JSONValue {
        .object([
            ("version", 1),
            ("now", .string(zone.iso8601(now))),
            ("deadlines", .array(statuses.map(json))),
        ])
    }

    func json(_ s: DeadlineStatus) -> JSONValue {
        let d = planner.agenda.deadlines[s.deadlineIndex]
        let (state, days): (String, JSONValue) =
            switch s.state {
            case .upcoming(let n): ("upcoming", .integer(Int64(n)))
            case .dueToday: ("due_today", 0)
            case .overdue(let n): ("overdue", .integer(Int64(n)))
            case .done: ("done", .null)
            case .ended: ("ended", .null)
            }
        var next: JSONValue = .null
        if let r = s.nextReminder {
            next = .object([
                ("send_at", .string(zone.iso8601(r.sendAt))), ("kind", .string(r.kind.rawValue)),
                ("rule", .string(r.rule.description)),
            ])
        }
        return .object([
            ("id", .string(d.id)),
            ("task", .string(d.task)),
            ("document", .optional(d.documentRef)),
            ("units", .array(d.units.map { .string($0) })),
            ("recurring", .bool(d.schedule.isRecurring)),
            ("occurrence", .optional(s.occurrence?.iso)),
            ("due", .optional(s.due.map(zone.iso8601))),
            ("status", .string(state)),
            ("days", days),
            ("units", .array(s.units.map { .string($0) })),
            ("units_done", .array(s.unitsDone.map { .string($0) })),
            ("next_reminder", next),
        ])
    }

    package func text(language: Language) -> String {
        let words = Wording(language: language)
        var table = TextTable(header: words.listHeader)
        for s in statuses {
            let d = planner.agenda.deadlines[s.deadlineIndex]
            table.append([
                d.id, s.due.map(zone.vietnamese) ?? "—",
                words.state(s.state) + words.progress(s) + words.snoozed(s, zone: zone),
                s.nextReminder.map { zone.vietnamese($0.sendAt) } ?? "—", TextTable.truncate(d.task, 70),
            ])
        }
        return table.rendered()
    }
}

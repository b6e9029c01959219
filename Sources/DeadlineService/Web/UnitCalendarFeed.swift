import DeadlineDelivery
import DeadlineKit
import DeadlineWeb

/// A unit's calendar (`/lich/TOKEN.ics`): every occurrence of its deadlines due in the next 12 months that it has not
/// finished, and those of the last 90 days still overdue, each an event ending at the due moment with alarms before
/// it, and in its description the link to confirm it done. Made from the configuration in force at each request, so
/// it follows every change; the UID is the one the reminders' `.ics` attachments give the same occurrence, so a
/// calendar holds each once.
struct UnitCalendarFeed {
    let context: DaemonContext
    let unitID: String
    let state: PlannerState
    let now: Instant

    static let lookBackDays = 90
    static let months = 12

    /// The occurrences, by due moment.
    func occurrences() -> [(deadline: Deadline, occurrence: CivilDate, due: Instant)] {
        let agenda = context.agenda
        let today = context.zone.localDateTime(at: now).date
        let first = today.adding(days: -Self.lookBackDays)
        let last = today.adding(months: Self.months)
        var found: [(deadline: Deadline, occurrence: CivilDate, due: Instant)] = []
        for deadline in agenda.deadlines
        where ReminderPlanner.expandUnits(deadline.units, agenda: agenda).contains(where: { $0.id == unitID }) {
            for occurrence in context.planner.occurrences(of: deadline, from: first, through: last) {
                let due = agenda.dueInstant(of: deadline, occurrence: occurrence)
                let local = context.zone.localDateTime(at: due).date
                guard local <= last,
                    !state.isDone(OccurrenceID(deadlineID: deadline.id, date: occurrence), unit: unitID)
                else { continue }
                if due < now, local < first { continue }
                found.append((deadline, occurrence, due))
            }
        }
        return found.sorted { ($0.due, $0.deadline.id) < ($1.due, $1.deadline.id) }
    }

    func document() -> String {
        let agenda = context.agenda
        let language = agenda.settings.language
        let unitName = agenda.units[unitID]?.name ?? unitID
        let events = occurrences().map { item -> CalendarEvent in
            let overdue = item.due < now
            let summary =
                (language == .vi ? (overdue ? "QUÁ HẠN: " : "Hạn: ") : (overdue ? "OVERDUE: " : "Due: "))
                + Self.short(item.deadline.task)
            var description = item.deadline.task
            if let ref = item.deadline.documentRef {
                description += "\n" + (agenda.documents[ref]?.title.map { "\(ref): \($0)" } ?? ref)
            }
            if let links = context.web.links {
                let url = links.confirmURL(
                    deadlineID: item.deadline.id, occurrence: item.occurrence, unitID: unitID, language: language,
                    sentAt: now)
                description += "\n\n" + (language == .vi ? "Xác nhận đã hoàn thành: " : "Confirm the task done: ") + url
            }
            return CalendarEvent(
                key: "\(item.deadline.id)|\(item.occurrence.iso)", stampUnixSeconds: now.secondsSinceEpoch,
                timing: .interval(
                    startUnixSeconds: item.due.secondsSinceEpoch - 3600, endUnixSeconds: item.due.secondsSinceEpoch),
                summary: summary, description: description, location: unitName,
                alarms: Self.alarms(item.deadline.rules, message: Self.short(item.deadline.task)))
        }
        let name = language == .vi ? "Hạn nhiệm vụ — \(unitName)" : "Deadlines — \(unitName)"
        return ICalendarWriter.document(events: events, name: name)
    }

    /// Alarms at the deadline's reminders before its due moment (working days and weeks as calendar days), at
    /// most three, or one day before when it has none.
    static func alarms(_ rules: ReminderRules, message: String) -> [CalendarAlarm] {
        let minutes = rules.before.map { offset -> Int in
            switch offset {
            case .minutes(let n): n
            case .hours(let n): n * 60
            case .days(let n), .workingDays(let n): n * 1440
            case .weeks(let n): n * 7 * 1440
            }
        }
        let chosen = Array(Set(minutes.filter { $0 > 0 }).sorted(by: >).suffix(3))
        return (chosen.isEmpty ? [1440] : chosen).map { CalendarAlarm(minutesBefore: $0, message: message) }
    }

    /// A task cut to about 80 characters at a word boundary.
    static func short(_ task: String) -> String {
        guard task.count > 80 else { return task }
        let cut = task.prefix(80)
        return String(cut[..<(cut.lastIndex(of: " ") ?? cut.endIndex)]) + "…"
    }
}

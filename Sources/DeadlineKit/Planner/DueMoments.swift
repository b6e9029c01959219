/// The moment an occurrence falls due: when it becomes overdue if nobody marks it done.
package struct DueMoment: Sendable, Hashable {
    package let deadlineIndex: Int
    package let occurrence: CivilDate
    /// The due moment, after the deadline's move off a day off.
    package let due: Instant
    /// The units that have not finished it, in the deadline's order (all of them unless some were marked done).
    package let pendingUnits: [String]
}

extension ReminderPlanner {
    /// The occurrences not finished by every unit whose due moment falls in `from <= due < to`, in due order (then agenda
    /// order): the daemon says in the journal when each becomes overdue, whether or not urging follows.
    package func dueMoments(from: Instant, to: Instant, state: PlannerState = .empty) -> [DueMoment] {
        guard from < to else { return [] }
        let zone = agenda.settings.zone
        let calendar = calendar(from: from, to: to)
        // A due day moved off a run of days off (Tết) lands up to that run away from its nominal day.
        let slack = ReminderPlanner.calendarSlackDays
        let first = zone.localDateTime(at: from).date.adding(days: -slack)
        let last = zone.localDateTime(at: to).date.adding(days: slack)
        var out: [DueMoment] = []
        for (index, deadline) in agenda.deadlines.enumerated() {
            for date in occurrences(of: deadline, from: first, through: last) {
                let due = zone.instant(for: agenda.dueMoment(of: deadline, occurrence: date, calendar: calendar))
                let id = OccurrenceID(deadlineID: deadline.id, date: date)
                let units = unitsByDeadline[index]
                guard due >= from, due < to, !state.isDone(id, units: units) else { continue }
                let pending = units.filter { !state.isDone(id, unit: $0) }
                out.append(DueMoment(deadlineIndex: index, occurrence: date, due: due, pendingUnits: pending))
            }
        }
        out.sort { ($0.due, $0.deadlineIndex) < ($1.due, $1.deadlineIndex) }
        return out
    }
}

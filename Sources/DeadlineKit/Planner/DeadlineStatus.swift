/// Where a deadline stands at a moment: what `deadlinectl list` shows.
public struct DeadlineStatus: Sendable, Hashable {
    public enum State: Sendable, Hashable {
        /// Due in this many days (1 = tomorrow).
        case upcoming(daysLeft: Int)
        /// Due later today.
        case dueToday
        /// Past its due moment and not done; `days` since the due day (0 = since earlier today).
        case overdue(days: Int)
        /// The current occurrence is marked done.
        case done
        /// A recurrence that has no occurrences left.
        case ended
    }

    public let deadlineIndex: Int
    /// The occurrence this status is about (the open overdue one, else the next one).
    public let occurrence: CivilDate?
    public let due: Instant?
    public let state: State
    /// The next reminder that will go out for this deadline, if any.
    public let nextReminder: PlannedReminder?
}

extension ReminderPlanner {
    /// How far ahead `status` looks for the next occurrence and reminder.
    static let statusHorizonDays = 400

    /// The status of one deadline at `now`.
    public func status(ofDeadlineAt index: Int, now: Instant, state: PlannerState = .empty) -> DeadlineStatus {
        let deadline = agenda.deadlines[index]
        let zone = agenda.settings.zone
        let today = zone.localDateTime(at: now).date
        let window = ReminderPlanner.statusHorizonDays
        let dates = occurrences(of: deadline, from: today.adding(days: -window), through: today.adding(days: window))
        let next = dates.first { agenda.dueInstant(of: deadline, occurrence: $0) >= now }
        let previous = dates.last { agenda.dueInstant(of: deadline, occurrence: $0) < now }

        let chosen: CivilDate?
        let stateOfChosen: DeadlineStatus.State
        if let previous, !state.isDone(OccurrenceID(deadlineID: deadline.id, date: previous)) {
            chosen = previous
            stateOfChosen = .overdue(days: previous.days(until: today))
        } else if let next {
            chosen = next
            if state.isDone(OccurrenceID(deadlineID: deadline.id, date: next)) {
                stateOfChosen = .done
            } else {
                let dueDay = agenda.dueMoment(of: deadline, occurrence: next).date
                let left = today.days(until: dueDay)
                stateOfChosen = left == 0 ? .dueToday : .upcoming(daysLeft: left)
            }
        } else if let previous {
            chosen = previous
            stateOfChosen = deadline.schedule.isRecurring ? .ended : .done
        } else {
            chosen = nil
            stateOfChosen = .ended
        }
        let upcoming = reminders(
            ofDeadlineAt: index, from: now, to: now.adding(seconds: Int64(window) * 86_400), state: state)
        return DeadlineStatus(
            deadlineIndex: index, occurrence: chosen,
            due: chosen.map { agenda.dueInstant(of: deadline, occurrence: $0) }, state: stateOfChosen,
            nextReminder: upcoming.first)
    }
}

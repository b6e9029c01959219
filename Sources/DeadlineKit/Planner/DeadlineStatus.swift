/// Where a deadline stands at a moment: what `deadlinectl list` shows.
package struct DeadlineStatus: Sendable, Hashable {
    package enum State: Sendable, Hashable {
        /// Due in this many days (1 = tomorrow).
        case upcoming(daysLeft: Int)
        /// Due later today.
        case dueToday
        /// Past its due moment and not done; `days` since the due day (0 = since earlier today). The due day is the
        /// one the deadline's ``ReminderRules/dueOnDayOff`` policy gives.
        case overdue(days: Int)
        /// Every unit finished the current occurrence.
        case done
        /// A recurrence that has no occurrences left.
        case ended
    }

    package let deadlineIndex: Int
    /// The occurrence this status is about (the open overdue one, else the next one).
    package let occurrence: CivilDate?
    package let due: Instant?
    package let state: State
    /// The next reminder that will go out for this deadline, if any.
    package let nextReminder: PlannedReminder?
    /// The units the occurrence is given to (groups expanded), and those of them that finished it.
    package let units: [String]
    package let unitsDone: [String]
    /// When every unit still working on the occurrence is snoozed: until when the first of them is (reminders
    /// resume then); nil otherwise.
    package var snoozedUntil: Instant? = nil

    /// The units still working on the occurrence, in the deadline's order.
    package var unitsPending: [String] { units.filter { !unitsDone.contains($0) } }
}

extension ReminderPlanner {
    /// How far ahead `status` looks for the next occurrence and reminder.
    static let statusHorizonDays = 400

    /// The status of one deadline at `now`.
    package func status(ofDeadlineAt index: Int, now: Instant, state: PlannerState = .empty) -> DeadlineStatus {
        status(ofDeadlineAt: index, now: now, state: state, calendar: statusCalendar(now: now))
    }

    /// The status of every deadline at `now`, in agenda order: the same as calling
    /// ``status(ofDeadlineAt:now:state:)`` for each, with the working calendar extended once for all of them.
    package func statuses(now: Instant, state: PlannerState = .empty) -> [DeadlineStatus] {
        let calendar = statusCalendar(now: now)
        return agenda.deadlines.indices.map { status(ofDeadlineAt: $0, now: now, state: state, calendar: calendar) }
    }

    private func statusCalendar(now: Instant) -> WorkingCalendar {
        let horizon = Int64(ReminderPlanner.statusHorizonDays) * 86_400
        return calendar(from: now.adding(seconds: -horizon), to: now.adding(seconds: horizon))
    }

    private func status(
        ofDeadlineAt index: Int, now: Instant, state: PlannerState, calendar: WorkingCalendar
    )
        -> DeadlineStatus
    {
        let deadline = agenda.deadlines[index]
        let zone = agenda.settings.zone
        let today = zone.localDateTime(at: now).date
        let window = ReminderPlanner.statusHorizonDays
        func due(_ occurrence: CivilDate) -> LocalDateTime {
            agenda.dueMoment(of: deadline, occurrence: occurrence, calendar: calendar)
        }
        // A one-off deadline has its single occurrence however far away; a recurring one is looked at near now.
        var dates = occurrences(of: deadline, from: today.adding(days: -window), through: today.adding(days: window))
        if case .once(let moment) = deadline.schedule { dates = [moment.date] }
        let next = dates.first { zone.instant(for: due($0)) >= now }
        let previous = dates.last { zone.instant(for: due($0)) < now }

        let chosen: CivilDate?
        let stateOfChosen: DeadlineStatus.State
        let units = unitsByDeadline[index]
        func finished(_ date: CivilDate) -> Bool {
            state.isDone(OccurrenceID(deadlineID: deadline.id, date: date), units: units)
        }
        if let previous, !finished(previous) {
            chosen = previous
            stateOfChosen = .overdue(days: due(previous).date.days(until: today))
        } else if let next {
            chosen = next
            if finished(next) {
                stateOfChosen = .done
            } else {
                let left = today.days(until: due(next).date)
                stateOfChosen = left == 0 ? .dueToday : .upcoming(daysLeft: left)
            }
        } else if let previous {
            chosen = previous
            stateOfChosen = deadline.schedule.isRecurring ? .ended : .done
        } else {
            chosen = nil
            stateOfChosen = .ended
        }
        var upcoming: [PlannedReminder] = []
        let end = now.adding(seconds: Int64(window) * 86_400)
        var noFolding: DigestDays? = nil
        appendReminders(
            ofDeadlineAt: index, from: now, to: end, state: state, calendar: calendar, into: &upcoming,
            folding: &noFolding)
        let done =
            chosen.map { date in
                units.filter { state.isDone(OccurrenceID(deadlineID: deadline.id, date: date), unit: $0) }
            } ?? []
        var status = DeadlineStatus(
            deadlineIndex: index, occurrence: chosen, due: chosen.map { zone.instant(for: due($0)) },
            state: stateOfChosen, nextReminder: upcoming.min(by: ReminderPlanner.sendOrder), units: units,
            unitsDone: stateOfChosen == .done && done.isEmpty ? units : done)
        if let chosen, stateOfChosen != .done {
            let id = OccurrenceID(deadlineID: deadline.id, date: chosen)
            let snoozes = status.unitsPending.map { state.snoozedUntil(id, unit: $0) }
            if !snoozes.isEmpty, snoozes.allSatisfy({ $0.map { $0 > now } ?? false }) {
                status.snoozedUntil = snoozes.compactMap { $0 }.min()
            }
        }
        return status
    }
}

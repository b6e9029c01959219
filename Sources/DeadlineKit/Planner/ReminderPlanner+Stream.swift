/// The plan of a long window handed out in send order without holding it whole: `deadlinectl plan --json` for a
/// year of 100 000 deadlines is two million reminders.
///
/// Occurrences are planned once each, in order of their nominal due day, a week of days at a time; the reminders
/// made so far wait in a buffer. After each week, every reminder earlier than the week's *bound* is sorted and
/// handed out: no occurrence still to come can send before it. The bound is the planner's own premise, the one
/// ``ReminderPlanner/reminders(from:to:state:)`` already relies on when it picks the occurrences a window needs:
/// an occurrence sends nothing more than its deadline's lead, ``ReminderPlanner/calendarSlackDays`` and a day
/// (digests) before its nominal due day. So the buffer holds about seven weeks of reminders, whatever the window.
extension ReminderPlanner {
    /// Every reminder with `from <= sendAt < to`, for occurrences not done, in send order: exactly what
    /// ``reminders(from:to:state:)`` returns, handed to `body` one at a time.
    ///
    /// Use it for long windows (a year); for a day or a week the array is as cheap.
    package func forEachReminder(
        from: Instant, to: Instant, state: PlannerState = .empty, _ body: (PlannedReminder) -> Void
    ) {
        forEachBatch(from: from, to: to, state: state) { batch in
            for reminder in batch { body(reminder) }
        }
    }

    /// The same reminders in the same order, handed out a batch at a time (about a week of them): what a
    /// consumer on another thread takes, one hand-over per batch rather than per reminder.
    package func forEachBatch(
        from: Instant, to: Instant, state: PlannerState = .empty, _ body: ([PlannedReminder]) -> Void
    ) {
        guard from < to else { return }
        let zone = agenda.settings.zone
        let calendar = calendar(from: from, to: to)
        let occurrences = occurrencesByDay(from: from, to: to)
        guard !occurrences.isEmpty else { return }
        // How long before its nominal due day an occurrence can send (digests: a day more, a day's time earlier).
        let reach = Int64(longestLeadMinutes) * 60 + Int64(ReminderPlanner.calendarSlackDays + 3) * 86_400
        var buffer: [PlannedReminder] = []
        var folding: DigestDays? = DigestDays()
        var digestDaysSeen: Set<DigestDays.Pair> = []
        var next = 0
        while next < occurrences.count {
            let weekEnd = occurrences[next].day + ReminderPlanner.streamDaysPerStep
            while next < occurrences.count, occurrences[next].day < weekEnd {
                let occurrence = occurrences[next]
                appendReminders(
                    ofDeadlineAt: Int(occurrence.index), occurrence: CivilDate(daysSinceEpoch: Int(occurrence.day)),
                    from: from,
                    to: to, state: state, calendar: calendar, into: &buffer, folding: &folding)
                next += 1
            }
            // Each (unit, day) a digest covers makes one digest reminder, the first time it is seen.
            if let found = folding, !found.days.isEmpty {
                let fresh = DigestDays(days: found.days.subtracting(digestDaysSeen))
                digestDaysSeen.formUnion(fresh.days)
                appendDigests(fresh, from: from, to: to, into: &buffer)
                folding = DigestDays()
            }
            let bound: Instant
            if next < occurrences.count {
                let nextDay = CivilDate(daysSinceEpoch: Int(occurrences[next].day))
                bound = zone.instant(for: LocalDateTime(nextDay, .midnight)).adding(seconds: -reach)
            } else {
                bound = to
            }
            let ready = buffer.partition { $0.sendAt >= bound }
            if ready > 0 {
                buffer[..<ready].sort(by: ReminderPlanner.sendOrder)
                body(Array(buffer[..<ready]))
                buffer.removeSubrange(..<ready)
            }
        }
    }

    /// Occurrences planned per step of ``forEachReminder(from:to:state:_:)``: a week of nominal due days.
    static let streamDaysPerStep: Int32 = 7

    /// One occurrence to plan: its nominal due day (days since 1970-01-01) and its deadline.
    struct DayAndDeadline {
        let day: Int32
        let index: Int32
    }

    /// The occurrences whose reminders can fall in the window (the same as ``reminders(from:to:state:)`` plans), by
    /// nominal due day, then deadline.
    func occurrencesByDay(from: Instant, to: Instant) -> [DayAndDeadline] {
        var found: [DayAndDeadline] = []
        for index in agenda.deadlines.indices where plansAnything(ofDeadlineAt: index) {
            let range = occurrenceRange(ofDeadlineAt: index, from: from, to: to, folding: true)
            for date in occurrences(of: agenda.deadlines[index], from: range.first, through: range.last) {
                found.append(DayAndDeadline(day: Int32(clamping: date.daysSinceEpoch), index: Int32(index)))
            }
        }
        found.sort { ($0.day, $0.index) < ($1.day, $1.index) }
        return found
    }
}

/// The planner: a pure function from (agenda, ledger state, window) to the reminders that go out in that
/// window, in send order. No I/O and no clock: the caller passes `now` and the window.
///
/// Build one per agenda (it precomputes who each deadline reaches) and call it as often as needed.
public struct ReminderPlanner: Sendable {
    public let agenda: Agenda
    /// Every distinct (unit, channel, recipients) a reminder can go to.
    public let targets: [ReminderTarget]
    /// For each deadline (by index), the indices of its targets.
    let targetsByDeadline: [[Int32]]
    /// The longest lead and trail of any deadline's rules, in minutes (bounds the years a window needs).
    let longestLeadMinutes: Int
    let longestTrailMinutes: Int

    /// Days added around each deadline's lead and trail when looking for occurrences whose reminders fall in a
    /// window: moves off days off (a due date moved to a working day, a reminder moved past or before a Tết break)
    /// shift send times by up to about ten days.
    static let calendarSlackDays = 31

    public init(agenda: Agenda) {
        self.agenda = agenda
        var targets: [ReminderTarget] = []
        var targetIndex: [ReminderTarget: Int32] = [:]
        var byDeadline: [[Int32]] = []
        byDeadline.reserveCapacity(agenda.deadlines.count)
        var cache: [String: [Int32]] = [:]  // by "units|channels" signature: many deadlines share units
        for deadline in agenda.deadlines {
            let signature = deadline.units.joined(separator: ",") + "|" + (deadline.channels?.joined(separator: ",") ?? "*")
            if let known = cache[signature] {
                byDeadline.append(known)
                continue
            }
            var indices: [Int32] = []
            for target in ReminderPlanner.expandTargets(deadline, agenda: agenda) {
                if let i = targetIndex[target] {
                    if !indices.contains(i) { indices.append(i) }
                } else {
                    let i = Int32(targets.count)
                    targets.append(target)
                    targetIndex[target] = i
                    indices.append(i)
                }
            }
            cache[signature] = indices
            byDeadline.append(indices)
        }
        self.targets = targets
        self.targetsByDeadline = byDeadline
        var lead = 0
        var trail = 0
        for deadline in agenda.deadlines {
            lead = max(lead, deadline.rules.leadMinutes)
            trail = max(trail, deadline.rules.trailMinutes)
        }
        longestLeadMinutes = lead
        longestTrailMinutes = trail
    }

    /// The agenda's working calendar, extended to every year a call with this window can look at.
    func calendar(from: Instant, to: Instant) -> WorkingCalendar {
        let zone = agenda.settings.zone
        let slack = Int64(ReminderPlanner.calendarSlackDays) * 2 * 86_400
        let first = zone.localDateTime(at: from.adding(seconds: -Int64(longestTrailMinutes) * 60 - slack)).date
        let last = zone.localDateTime(at: to.adding(seconds: Int64(longestLeadMinutes) * 60 + slack)).date
        guard first.year <= last.year else { return agenda.calendar }
        return agenda.calendar.covering(first.year...last.year)
    }

    /// The units a deadline reaches (groups expanded to their members), each with its channels.
    static func expandTargets(_ deadline: Deadline, agenda: Agenda) -> [ReminderTarget] {
        var result: [ReminderTarget] = []
        for unit in expandUnits(deadline.units, agenda: agenda) {
            let channelNames = deadline.channels ?? (unit.channels.isEmpty ? agenda.settings.defaultChannels : unit.channels)
            for name in channelNames {
                guard let channel = agenda.channels[name] else { continue }
                if !channel.kind.addressesRecipients {
                    result.append(ReminderTarget(unitID: unit.id, channel: name, channelKind: channel.kind, recipients: []))
                } else if unit.recipients.isEmpty {
                    continue
                } else if channel.onePerRecipient {
                    for r in unit.recipients {
                        result.append(ReminderTarget(unitID: unit.id, channel: name, channelKind: channel.kind, recipients: [r]))
                    }
                } else {
                    result.append(
                        ReminderTarget(unitID: unit.id, channel: name, channelKind: channel.kind, recipients: unit.recipients))
                }
            }
        }
        return result
    }

    /// Units in order, groups replaced by their members (a group with recipients of its own is kept too).
    static func expandUnits(_ ids: [String], agenda: Agenda) -> [Unit] {
        var seen: Set<String> = []
        var out: [Unit] = []
        func visit(_ id: String, depth: Int) {
            guard depth < 16, let unit = agenda.units[id], seen.insert(id).inserted else { return }
            if unit.members.isEmpty || !unit.recipients.isEmpty { out.append(unit) }
            for m in unit.members { visit(m, depth: depth + 1) }
        }
        for id in ids { visit(id, depth: 0) }
        return out
    }

    public func deadline(of reminder: PlannedReminder) -> Deadline { agenda.deadlines[Int(reminder.deadlineIndex)] }
    public func target(of reminder: PlannedReminder) -> ReminderTarget { targets[Int(reminder.targetIndex)] }

    /// The reminder's stable ledger key: `deadline|occurrence|rule|unit|channel[|recipient]`.
    public func key(of reminder: PlannedReminder) -> String {
        let t = target(of: reminder)
        var key = "\(deadline(of: reminder).id)|\(reminder.occurrence.iso)|\(reminder.rule)|\(t.unitID)|\(t.channel)"
        if t.recipients.count == 1, agenda.channels[t.channel]?.onePerRecipient == true {
            key += "|\(t.recipients[0].address)"
        }
        return key
    }

    public func occurrenceID(of reminder: PlannedReminder) -> OccurrenceID {
        OccurrenceID(deadlineID: deadline(of: reminder).id, date: reminder.occurrence)
    }

    /// The nominal due days of a deadline's occurrences in `from...through`.
    public func occurrences(of deadline: Deadline, from: CivilDate, through: CivilDate) -> [CivilDate] {
        switch deadline.schedule {
        case .once(let moment):
            return (from...through).contains(moment.date) ? [moment.date] : []
        case .recurring(let r):
            return r.dates(from: from, through: through)
        }
    }

    /// Every reminder with `from <= sendAt < to`, for occurrences not done, in send order.
    public func reminders(from: Instant, to: Instant, state: PlannerState = .empty) -> [PlannedReminder] {
        var out: [PlannedReminder] = []
        let calendar = calendar(from: from, to: to)
        for index in agenda.deadlines.indices {
            appendReminders(ofDeadlineAt: index, from: from, to: to, state: state, calendar: calendar, into: &out)
        }
        out.sort(by: ReminderPlanner.sendOrder)
        return out
    }

    /// The reminders of one deadline with `from <= sendAt < to`, in send order.
    public func reminders(ofDeadlineAt index: Int, from: Instant, to: Instant, state: PlannerState = .empty)
        -> [PlannedReminder]
    {
        var out: [PlannedReminder] = []
        let calendar = calendar(from: from, to: to)
        appendReminders(ofDeadlineAt: index, from: from, to: to, state: state, calendar: calendar, into: &out)
        out.sort(by: ReminderPlanner.sendOrder)
        return out
    }

    /// Send time, then deadline order, occurrence, rule, target: a total order, so plans are stable.
    public static func sendOrder(_ a: PlannedReminder, _ b: PlannedReminder) -> Bool {
        if a.sendAt != b.sendAt { return a.sendAt < b.sendAt }
        if a.deadlineIndex != b.deadlineIndex { return a.deadlineIndex < b.deadlineIndex }
        if a.occurrence != b.occurrence { return a.occurrence < b.occurrence }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.targetIndex < b.targetIndex
    }

    func appendReminders(
        ofDeadlineAt index: Int, from: Instant, to: Instant, state: PlannerState, calendar: WorkingCalendar,
        into out: inout [PlannedReminder]
    ) {
        let deadline = agenda.deadlines[index]
        let targetIndices = targetsByDeadline[index]
        guard !targetIndices.isEmpty, from < to else { return }
        let zone = agenda.settings.zone
        let rules = deadline.rules
        // Occurrences whose reminders can fall in the window.
        let slack = Int64(ReminderPlanner.calendarSlackDays) * 86_400
        let firstDue = zone.localDateTime(at: from.adding(seconds: -Int64(rules.trailMinutes) * 60 - slack)).date
        let lastDue = zone.localDateTime(at: to.adding(seconds: Int64(rules.leadMinutes) * 60 + slack)).date
        for occurrence in occurrences(of: deadline, from: firstDue, through: lastDue) {
            let id = OccurrenceID(deadlineID: deadline.id, date: occurrence)
            if state.isDone(id) { continue }
            let snoozedUntil = state.snoozedUntil[id]
            let dueLocal = agenda.dueMoment(of: deadline, occurrence: occurrence, calendar: calendar)
            let due = zone.instant(for: dueLocal)
            for (rule, sendAt) in sendTimes(rules: rules, dueLocal: dueLocal, due: due, calendar: calendar) {
                guard sendAt >= from, sendAt < to else { continue }
                if let snoozedUntil, sendAt < snoozedUntil { continue }
                for t in targetIndices {
                    out.append(
                        PlannedReminder(
                            deadlineIndex: Int32(index), targetIndex: t, occurrence: occurrence, rule: rule,
                            sendAt: sendAt, due: due))
                }
            }
        }
    }
}

extension ReminderPlanner {
    /// The targets of one deadline (empty when it reaches nobody).
    public func targetIndices(ofDeadlineAt index: Int) -> [Int32] { targetsByDeadline[index] }
}

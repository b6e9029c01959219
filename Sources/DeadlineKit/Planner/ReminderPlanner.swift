/// The planner: a pure function from (agenda, ledger state, window) to the reminders that go out in that
/// window, in send order. No I/O and no clock: the caller passes `now` and the window.
///
/// Build one per agenda (it precomputes who each deadline reaches) and call it as often as needed.
package struct ReminderPlanner: Sendable {
    package let agenda: Agenda
    /// Every distinct (unit, channel, recipients, audience) a reminder can go to.
    package let targets: [ReminderTarget]
    /// For each deadline (by index), the indices of its targets: the units' recipients.
    let targetsByDeadline: [[Int32]]
    /// For each deadline, its escalation groups: units that escalate at the same moments to the same people.
    let escalationGroupsByDeadline: [[EscalationGroup]]
    /// For each deadline, the units its occurrences are given to (groups expanded to their members): the units
    /// that each finish it (``PlannerState``).
    package let unitsByDeadline: [[String]]
    /// For each unit with a digest, the deadlines (by index) that reach it.
    let deadlinesByDigestUnit: [String: [Int32]]
    /// For each target, the digest of its unit when it addresses the unit's recipients and the unit has one.
    let digestOfTarget: [Unit.Digest?]
    /// Per deadline, how long after a due moment its reminders and escalations can go out, in minutes.
    let trailMinutesByDeadline: [Int]
    /// The longest lead and trail of any deadline's rules, in minutes (bounds the years a window needs).
    let longestLeadMinutes: Int
    let longestTrailMinutes: Int

    /// Days added around each deadline's lead and trail when looking for occurrences whose reminders fall in a
    /// window: moves off days off (a due date moved to a working day, a reminder moved past or before a Tết break)
    /// shift send times by up to about ten days.
    static let calendarSlackDays = 31

    package init(agenda: Agenda) {
        self.agenda = agenda
        var table = TargetTable()
        var byDeadline: [[Int32]] = []
        var escalations: [[EscalationGroup]] = []
        var units: [[String]] = []
        var trails: [Int] = []
        var digestDeadlines: [String: [Int32]] = [:]
        byDeadline.reserveCapacity(agenda.deadlines.count)
        var cache: [String: [Int32]] = [:]  // by "units|channels" signature: many deadlines share units
        for (index, deadline) in agenda.deadlines.enumerated() {
            let signature =
                deadline.units.joined(separator: ",") + "|" + (deadline.channels?.joined(separator: ",") ?? "*")
            if let known = cache[signature] {
                byDeadline.append(known)
            } else {
                let indices = ReminderPlanner.expandTargets(deadline, agenda: agenda).map { table.index(of: $0) }
                cache[signature] = indices
                byDeadline.append(indices)
            }
            var trail = deadline.rules.trailMinutes
            let expanded = ReminderPlanner.expandUnits(deadline.units, agenda: agenda)
            for unit in expanded where unit.digest != nil { digestDeadlines[unit.id, default: []].append(Int32(index)) }
            let groups = ReminderPlanner.escalationGroups(deadline, units: expanded, agenda: agenda, table: &table)
            for group in groups {
                var rules = deadline.rules
                rules.escalation = group.rule
                trail = max(trail, rules.trailMinutes)
            }
            escalations.append(groups)
            units.append(expanded.map(\.id))
            trails.append(trail)
        }
        targets = table.targets
        digestOfTarget = table.targets.map { $0.audience == .unit ? agenda.units[$0.unitID]?.digest : nil }
        targetsByDeadline = byDeadline
        escalationGroupsByDeadline = escalations
        unitsByDeadline = units
        trailMinutesByDeadline = trails
        deadlinesByDigestUnit = digestDeadlines
        longestLeadMinutes = agenda.deadlines.map(\.rules.leadMinutes).max() ?? 0
        longestTrailMinutes = trails.max() ?? 0
    }

    /// Distinct targets, numbered in the order first seen.
    struct TargetTable {
        var targets: [ReminderTarget] = []
        var indices: [ReminderTarget: Int32] = [:]

        mutating func index(of target: ReminderTarget) -> Int32 {
            if let i = indices[target] { return i }
            let i = Int32(targets.count)
            targets.append(target)
            indices[target] = i
            return i
        }
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

    /// The channels that reach a unit for a deadline.
    static func channels(_ deadline: Deadline, unit: Unit, agenda: Agenda) -> [ChannelInfo] {
        let names = deadline.channels ?? (unit.channels.isEmpty ? agenda.settings.defaultChannels : unit.channels)
        return names.compactMap { agenda.channels[$0] }
    }

    /// The units a deadline reaches (groups expanded to their members), each with its channels.
    static func expandTargets(_ deadline: Deadline, agenda: Agenda) -> [ReminderTarget] {
        var result: [ReminderTarget] = []
        for unit in expandUnits(deadline.units, agenda: agenda) {
            for channel in channels(deadline, unit: unit, agenda: agenda) {
                result += targets(unit: unit.id, channel: channel, recipients: unit.recipients, audience: .unit)
            }
        }
        return result
    }

    /// A deadline's escalation groups: its units with an escalation rule, grouped by rule and channels (units in
    /// one group escalate at the same moments). Each unit's heads get their own message; the supervisors get one
    /// message listing the group's late units. A group of one unit sends one message to its heads and the
    /// supervisors together.
    static func escalationGroups(
        _ deadline: Deadline, units: [Unit], agenda: Agenda, table: inout TargetTable
    )
        -> [EscalationGroup]
    {
        var order: [EscalationGroup.Key] = []
        var members: [EscalationGroup.Key: [Unit]] = [:]
        for unit in units {
            guard let rule = deadline.escalation(for: unit), rule.limit > 0 else { continue }
            let key = EscalationGroup.Key(
                rule: rule, channels: channels(deadline, unit: unit, agenda: agenda).map(\.name))
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(unit)
        }
        return order.compactMap { key -> EscalationGroup? in
            guard let group = members[key] else { return nil }
            let routes = channels(deadline, unit: group[0], agenda: agenda)
            let supervisors = key.rule.supervisors
            if group.count == 1 {
                let unit = group[0]
                var recipients = unit.heads
                for s in supervisors where !recipients.contains(where: { $0.address == s.address }) {
                    recipients.append(s)
                }
                let found = routes.flatMap {
                    targets(unit: unit.id, channel: $0, recipients: recipients, audience: .heads)
                }
                guard !found.isEmpty else { return nil }
                return EscalationGroup(
                    rule: key.rule, units: [unit.id], headTargets: [(unit.id, found.map { table.index(of: $0) })],
                    supervisorTargets: [])
            }
            let heads: [(unit: String, targets: [Int32])] = group.compactMap { unit in
                let t = routes.flatMap { targets(unit: unit.id, channel: $0, recipients: unit.heads, audience: .heads) }
                return t.isEmpty ? nil : (unit.id, t.map { table.index(of: $0) })
            }
            let groupID = group.map(\.id).joined(separator: EscalationGroup.unitSeparator)
            let supervising = routes.flatMap {
                targets(unit: groupID, channel: $0, recipients: supervisors, audience: .supervisors)
            }
            guard !heads.isEmpty || !supervising.isEmpty else { return nil }
            return EscalationGroup(
                rule: key.rule, units: group.map(\.id), headTargets: heads,
                supervisorTargets: supervising.map { table.index(of: $0) })
        }
    }

    static func targets(
        unit: String, channel: ChannelInfo, recipients: [Mailbox], audience: ReminderTarget.Audience
    )
        -> [ReminderTarget]
    {
        if !channel.kind.addressesRecipients {
            // A webhook's payload names the unit, and each late unit's escalation already reaches it.
            if audience == .supervisors { return [] }
            return [
                ReminderTarget(
                    unitID: unit, channel: channel.name, channelKind: channel.kind, recipients: [], audience: audience)
            ]
        }
        if recipients.isEmpty { return [] }
        if channel.onePerRecipient {
            return recipients.map {
                ReminderTarget(
                    unitID: unit, channel: channel.name, channelKind: channel.kind, recipients: [$0], audience: audience
                )
            }
        }
        return [
            ReminderTarget(
                unitID: unit, channel: channel.name, channelKind: channel.kind, recipients: recipients,
                audience: audience)
        ]
    }

    /// Units in order, groups replaced by their members (a group with recipients of its own is kept too).
    package static func expandUnits(_ ids: [String], agenda: Agenda) -> [Unit] {
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

    /// The reminder's deadline. Not for digests (see ``PlannedReminder/isDigest``).
    package func deadline(of reminder: PlannedReminder) -> Deadline { agenda.deadlines[Int(reminder.deadlineIndex)] }
    package func target(of reminder: PlannedReminder) -> ReminderTarget { targets[Int(reminder.targetIndex)] }

    /// The id the ledger files a reminder under: its deadline's, or `@digest` for a digest.
    package func deadlineID(of reminder: PlannedReminder) -> String {
        reminder.isDigest ? ReminderPlanner.digestID : deadline(of: reminder).id
    }

    /// The deadline id under which digests are filed.
    package static let digestID = "@digest"

    /// The reminder's stable ledger key: `deadline|occurrence|rule|unit|channel[|recipient]` (`@digest|day|digest|...`
    /// for a digest).
    package func key(of reminder: PlannedReminder) -> String {
        let t = target(of: reminder)
        var key = "\(deadlineID(of: reminder))|\(reminder.occurrence.iso)|\(reminder.rule)|\(t.unitID)|\(t.channel)"
        if t.recipients.count == 1, agenda.channels[t.channel]?.onePerRecipient == true {
            key += "|\(t.recipients[0].address)"
        }
        return key
    }

    package func occurrenceID(of reminder: PlannedReminder) -> OccurrenceID {
        OccurrenceID(deadlineID: deadlineID(of: reminder), date: reminder.occurrence)
    }

    /// The nominal due days of a deadline's occurrences in `from...through`.
    package func occurrences(of deadline: Deadline, from: CivilDate, through: CivilDate) -> [CivilDate] {
        switch deadline.schedule {
        case .once(let moment):
            return (from...through).contains(moment.date) ? [moment.date] : []
        case .recurring(let r):
            return r.dates(from: from, through: through)
        }
    }

    /// Every reminder with `from <= sendAt < to`, for occurrences not done, in send order: digests in place of the
    /// reminders they fold in.
    package func reminders(from: Instant, to: Instant, state: PlannerState = .empty) -> [PlannedReminder] {
        guard from < to else { return [] }
        var out: [PlannedReminder] = []
        var folded: DigestDays? = DigestDays()
        let calendar = calendar(from: from, to: to)
        for index in agenda.deadlines.indices {
            appendReminders(
                ofDeadlineAt: index, from: from, to: to, state: state, calendar: calendar, into: &out, folding: &folded)
        }
        appendDigests(folded, from: from, to: to, into: &out)
        out.sort(by: ReminderPlanner.sendOrder)
        return out
    }

    /// The reminders of one deadline with `from <= sendAt < to`, in send order, as if no unit had a digest.
    package func reminders(
        ofDeadlineAt index: Int, from: Instant, to: Instant, state: PlannerState = .empty
    )
        -> [PlannedReminder]
    {
        var out: [PlannedReminder] = []
        var folded: DigestDays? = nil
        let calendar = calendar(from: from, to: to)
        appendReminders(
            ofDeadlineAt: index, from: from, to: to, state: state, calendar: calendar, into: &out, folding: &folded)
        out.sort(by: ReminderPlanner.sendOrder)
        return out
    }

    /// Send time, then deadline order, occurrence, rule, target: a total order, so plans are stable.
    package static func sendOrder(_ a: PlannedReminder, _ b: PlannedReminder) -> Bool {
        if a.sendAt != b.sendAt { return a.sendAt < b.sendAt }
        if a.deadlineIndex != b.deadlineIndex { return a.deadlineIndex < b.deadlineIndex }
        if a.occurrence != b.occurrence { return a.occurrence < b.occurrence }
        if a.rule != b.rule { return a.rule < b.rule }
        return a.targetIndex < b.targetIndex
    }
}

extension ReminderPlanner {
    /// The targets of one deadline (empty when it reaches nobody).
    package func targetIndices(ofDeadlineAt index: Int) -> [Int32] { targetsByDeadline[index] }
}

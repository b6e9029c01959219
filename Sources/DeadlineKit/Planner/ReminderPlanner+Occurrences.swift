/// The days on which a unit's digest has something to say: (target, local day) pairs collected while planning.
struct DigestDays {
    var days: Set<Pair> = []

    struct Pair: Hashable {
        let target: Int32
        let day: CivilDate
    }

    mutating func insert(_ target: Int32, _ day: CivilDate) { days.insert(Pair(target: target, day: day)) }
}

extension ReminderPlanner {
    /// Plans one deadline's occurrences in the window. With `folding`, reminders that a unit's digest takes in are
    /// not planned on their own; their days are collected instead (a day either side of the window, since a
    /// digest's time may differ from theirs).
    func appendReminders(
        ofDeadlineAt index: Int, from: Instant, to: Instant, state: PlannerState, calendar: WorkingCalendar,
        into out: inout [PlannedReminder], folding: inout DigestDays?
    ) {
        let deadline = agenda.deadlines[index]
        let targetIndices = targetsByDeadline[index]
        let escalationGroups = escalationTargetsByDeadline[index]
        guard !(targetIndices.isEmpty && escalationGroups.isEmpty), from < to else { return }
        let zone = agenda.settings.zone
        let rules = deadline.rules
        let foldFrom = folding == nil ? from : from.adding(seconds: -86_400)
        let foldTo = folding == nil ? to : to.adding(seconds: 86_400)
        // Occurrences whose reminders can fall in the window.
        let slack = Int64(ReminderPlanner.calendarSlackDays) * 86_400
        let firstDue = zone.localDateTime(at: foldFrom.adding(seconds: -Int64(trailMinutesByDeadline[index]) * 60 - slack)).date
        let lastDue = zone.localDateTime(at: foldTo.adding(seconds: Int64(rules.leadMinutes) * 60 + slack)).date
        for occurrence in occurrences(of: deadline, from: firstDue, through: lastDue) {
            let id = OccurrenceID(deadlineID: deadline.id, date: occurrence)
            if state.isDone(id) { continue }
            let snoozedUntil = state.snoozedUntil[id]
            let dueLocal = agenda.dueMoment(of: deadline, occurrence: occurrence, calendar: calendar)
            let due = zone.instant(for: dueLocal)
            func add(_ rule: ReminderRule, _ sendAt: Instant, _ target: Int32) {
                out.append(
                    PlannedReminder(
                        deadlineIndex: Int32(index), targetIndex: target, occurrence: occurrence, rule: rule, sendAt: sendAt, due: due))
            }
            let times = sendTimes(rules: rules, dueLocal: dueLocal, due: due, calendar: calendar)
            for (rule, sendAt) in times {
                if let snoozedUntil, sendAt < snoozedUntil { continue }
                for t in targetIndices {
                    if folding != nil, let digest = digestOfTarget[Int(t)], ReminderPlanner.folds(rule.kind, into: digest) {
                        if sendAt >= foldFrom, sendAt < foldTo { folding!.insert(t, zone.localDateTime(at: sendAt).date) }
                        continue
                    }
                    if sendAt >= from, sendAt < to { add(rule, sendAt, t) }
                }
            }
            for group in escalationGroups {
                guard let escalation = deadline.escalation(for: agenda.units[group.unit]) else { continue }
                let urges = times.filter { $0.0.kind == .overdue }.map(\.1)
                for (rule, sendAt) in escalationTimes(escalation, urges: urges, rules: rules, dueLocal: dueLocal, due: due, calendar: calendar) {
                    guard sendAt >= from, sendAt < to else { continue }
                    if let snoozedUntil, sendAt < snoozedUntil { continue }
                    for t in group.targets { add(rule, sendAt, t) }
                }
            }
        }
    }

    /// Whether a unit's digest takes in reminders of this kind: always those before the due day; those on and
    /// after it only when the digest does not send urgent ones alone. Escalations always go alone.
    static func folds(_ kind: ReminderKind, into digest: Unit.Digest) -> Bool {
        switch kind {
        case .before: true
        case .due, .overdue: !digest.urgentAlone
        case .escalation, .digest: false
        }
    }

    /// One digest reminder per (target, day) whose time falls in the window.
    func appendDigests(_ folded: DigestDays?, from: Instant, to: Instant, into out: inout [PlannedReminder]) {
        guard let folded else { return }
        let zone = agenda.settings.zone
        for pair in folded.days {
            guard let digest = digestOfTarget[Int(pair.target)] else { continue }
            let at = zone.instant(for: LocalDateTime(pair.day, digest.time))
            guard at >= from, at < to else { continue }
            out.append(
                PlannedReminder(deadlineIndex: -1, targetIndex: pair.target, occurrence: pair.day, rule: .digest, sendAt: at, due: at))
        }
    }

    /// The escalation times of one occurrence: the first when it is overdue by `afterOverdue`, or in the place of
    /// the urging reminder after the `afterUrges`-th (one urging interval after it when it is the last), whichever
    /// is earlier; then every `every`, at most `limit`. `urges` are the occurrence's urging send times, in order.
    func escalationTimes(
        _ escalation: EscalationRule, urges: [Instant], rules: ReminderRules, dueLocal: LocalDateTime, due: Instant,
        calendar: WorkingCalendar
    ) -> [(ReminderRule, Instant)] {
        guard escalation.limit > 0 else { return [] }
        let zone = agenda.settings.zone
        func step(_ offset: ReminderOffset, times n: Int, from local: LocalDateTime, instant: Instant) -> Instant {
            func atSendTime(_ date: CivilDate) -> Instant { zone.instant(for: LocalDateTime(date, rules.sendTime)) }
            switch offset {
            case .minutes(let m): return instant.adding(seconds: Int64(n * m) * 60)
            case .hours(let h): return instant.adding(seconds: Int64(n * h) * 3600)
            case .days(let d): return atSendTime(local.date.adding(days: n * d))
            case .weeks(let w): return atSendTime(local.date.adding(days: n * w * 7))
            case .workingDays(let d): return atSendTime(calendar.adding(workingDays: n * d, to: local.date))
            }
        }
        var candidates: [Instant] = []
        if let after = escalation.afterOverdue { candidates.append(step(after, times: 1, from: dueLocal, instant: due)) }
        if let n = escalation.afterUrges, n > 0 {
            if urges.count > n {
                candidates.append(urges[n])
            } else if urges.count == n, let every = rules.overdueEvery {
                candidates.append(step(every, times: 1, from: zone.localDateTime(at: urges[n - 1]), instant: urges[n - 1]))
            }
        }
        guard let first = candidates.filter({ $0 > due }).min() else { return [] }
        let firstLocal = zone.localDateTime(at: first)
        var result: [(ReminderRule, Instant)] = []
        for n in 1...escalation.limit {
            let intended = n == 1 ? first : step(escalation.every, times: n - 1, from: firstLocal, instant: first)
            let placed = place(.escalation(n), at: intended, due: due, rules: rules, calendar: calendar)
            if !result.contains(where: { $0.1 == placed }) { result.append((.escalation(n), placed)) }
        }
        return result
    }
}

/// One line of a digest: an occurrence due soon or overdue.
public struct DigestItem: Sendable, Hashable {
    public let deadlineIndex: Int32
    public let occurrence: CivilDate
    public let due: Instant
    /// True when the due moment has passed at the digest's time.
    public let overdue: Bool
}

extension ReminderPlanner {
    /// What a digest lists: every open occurrence of the unit's deadlines that is due within that deadline's
    /// reminder lead (`before` rules) or overdue within its urging span, sorted by due moment.
    public func digestItems(of digest: PlannedReminder, state: PlannerState) -> [DigestItem] {
        guard digest.isDigest else { return [] }
        return digestItems(unit: targets[Int(digest.targetIndex)].unitID, day: digest.occurrence, at: digest.sendAt, state: state)
    }

    /// What a unit's digest of `day`, sent at `at`, lists (see ``digestItems(of:state:)``).
    public func digestItems(unit: String, day: CivilDate, at sendAt: Instant, state: PlannerState) -> [DigestItem] {
        var items: [DigestItem] = []
        for index in deadlinesByDigestUnit[unit] ?? [] {
            let deadline = agenda.deadlines[Int(index)]
            let leadDays = (deadline.rules.leadMinutes + 1439) / 1440
            let trailDays = (trailMinutesByDeadline[Int(index)] + 1439) / 1440
            for occurrence in occurrences(of: deadline, from: day.adding(days: -trailDays), through: day.adding(days: leadDays)) {
                let id = OccurrenceID(deadlineID: deadline.id, date: occurrence)
                if state.isDone(id) { continue }
                if let until = state.snoozedUntil[id], sendAt < until { continue }
                let due = agenda.dueInstant(of: deadline, occurrence: occurrence)
                let dueDay = agenda.settings.zone.localDateTime(at: due).date
                if due >= sendAt, day.days(until: dueDay) > leadDays { continue }
                items.append(DigestItem(deadlineIndex: index, occurrence: occurrence, due: due, overdue: due < sendAt))
            }
        }
        return items.sorted { ($0.due, $0.deadlineIndex) < ($1.due, $1.deadlineIndex) }
    }
}

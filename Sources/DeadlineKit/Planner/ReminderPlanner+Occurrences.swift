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
    ///
    /// Each unit is planned on its own: a unit that finished the occurrence (``PlannerState``) gets nothing more, a
    /// snoozed one nothing before its snooze ends. A unit whose escalation goes to its heads at some moment is not
    /// urged at that moment: the escalation takes that urging's place, and its urging goes on afterwards until
    /// `overdue_limit` urgings have been sent.
    func appendReminders(
        ofDeadlineAt index: Int, from: Instant, to: Instant, state: PlannerState, calendar: WorkingCalendar,
        into out: inout [PlannedReminder], folding: inout DigestDays?
    ) {
        guard plansAnything(ofDeadlineAt: index), from < to else { return }
        let range = occurrenceRange(ofDeadlineAt: index, from: from, to: to, folding: folding != nil)
        for occurrence in occurrences(of: agenda.deadlines[index], from: range.first, through: range.last) {
            appendReminders(
                ofDeadlineAt: index, occurrence: occurrence, from: from, to: to, state: state, calendar: calendar,
                into: &out,
                folding: &folding)
        }
    }

    /// Whether a deadline reaches anyone (its units' recipients, or heads through an escalation).
    func plansAnything(ofDeadlineAt index: Int) -> Bool {
        !(targetsByDeadline[index].isEmpty && escalationGroupsByDeadline[index].isEmpty)
    }

    /// The nominal due days of a deadline's occurrences whose reminders can fall in `from..<to` (a day either side
    /// with `folding`, for digests).
    func occurrenceRange(
        ofDeadlineAt index: Int, from: Instant, to: Instant, folding: Bool
    ) -> (first: CivilDate, last: CivilDate) {
        let zone = agenda.settings.zone
        let foldFrom = folding ? from.adding(seconds: -86_400) : from
        let foldTo = folding ? to.adding(seconds: 86_400) : to
        let slack = Int64(ReminderPlanner.calendarSlackDays) * 86_400
        let first = zone.localDateTime(at: foldFrom.adding(seconds: -Int64(trailMinutesByDeadline[index]) * 60 - slack))
            .date
        let last = zone.localDateTime(
            at: foldTo.adding(seconds: Int64(agenda.deadlines[index].rules.leadMinutes) * 60 + slack)
        ).date
        return (first, last)
    }

    /// Plans one occurrence of a deadline (see ``appendReminders(ofDeadlineAt:from:to:state:calendar:into:folding:)``).
    func appendReminders(
        ofDeadlineAt index: Int, occurrence: CivilDate, from: Instant, to: Instant, state: PlannerState,
        calendar: WorkingCalendar, into out: inout [PlannedReminder], folding: inout DigestDays?
    ) {
        // The deadline borrowed in place, not copied (a copy per occurrence retains each of its strings and arrays).
        appendReminders(
            of: agenda.deadlines[index], at: index, occurrence: occurrence, from: from, to: to, state: state,
            calendar: calendar,
            into: &out, folding: &folding)
    }

    private func appendReminders(
        of deadline: borrowing Deadline, at index: Int, occurrence: CivilDate, from: Instant, to: Instant,
        state: PlannerState,
        calendar: WorkingCalendar, into out: inout [PlannedReminder], folding: inout DigestDays?
    ) {
        let targetIndices = targetsByDeadline[index]
        let escalationGroups = escalationGroupsByDeadline[index]
        let zone = agenda.settings.zone
        let rules = deadline.rules
        let foldFrom = folding == nil ? from : from.adding(seconds: -86_400)
        let foldTo = folding == nil ? to : to.adding(seconds: 86_400)
        let extraUrges = escalationGroups.map(\.rule.limit).max().map { $0 + 1 } ?? 0
        let id = OccurrenceID(deadlineID: deadline.id, date: occurrence)
        let marked = state.hasMarks(id)
        if marked, state.isDone(id, units: unitsByDeadline[index]) { return }
        // Agenda.dueMoment(of:occurrence:calendar:) written out, so that the deadline is not copied to be passed.
        let nominal: LocalDateTime =
            switch deadline.schedule {
            case .once(let moment): moment
            case .recurring(let recurrence): LocalDateTime(occurrence, recurrence.time)
            }
        let dueLocal = calendar.dueMoment(nominal, policy: rules.dueOnDayOff)
        let due = zone.instant(for: dueLocal)
        func add(_ rule: ReminderRule, _ sendAt: Instant, _ target: Int32) {
            out.append(
                PlannedReminder(
                    deadlineIndex: Int32(index), targetIndex: target, occurrence: occurrence, rule: rule,
                    sendAt: sendAt, due: due))
        }
        /// Whether `unit` gets a reminder at `sendAt`: not done, not snoozed past it.
        func open(_ unit: String, at sendAt: Instant) -> Bool {
            guard marked else { return true }
            if state.isDone(id, unit: unit) { return false }
            if let until = state.snoozedUntil(id, unit: unit), sendAt < until { return false }
            return true
        }
        let times = sendTimes(rules: rules, dueLocal: dueLocal, due: due, calendar: calendar, extraUrges: extraUrges)
        // The escalation moments of each group, and so each escalating unit's urging.
        var escalations: [[(ReminderRule, Instant)]] = []
        var urgesOfUnit: [String: [(ReminderRule, Instant)]] = [:]
        for group in escalationGroups {
            let moments = escalationTimes(
                group.rule, urges: times.urges, rules: rules, dueLocal: dueLocal, due: due, calendar: calendar)
            escalations.append(moments)
            let urges = ReminderPlanner.numbered(
                times.urges.filter { u in !moments.contains { $0.1 == u } }, limit: rules.overdueLimit)
            for unit in group.units { urgesOfUnit[unit] = urges }
        }
        let commonUrges = ReminderPlanner.numbered(times.urges, limit: rules.overdueLimit)
        func plan(_ rule: ReminderRule, _ sendAt: Instant, _ t: Int32) {
            if folding != nil, let digest = digestOfTarget[Int(t)], ReminderPlanner.folds(rule.kind, into: digest) {
                if sendAt >= foldFrom, sendAt < foldTo { folding!.insert(t, zone.localDateTime(at: sendAt).date) }
                return
            }
            if sendAt >= from, sendAt < to { add(rule, sendAt, t) }
        }
        for t in targetIndices {
            let unit = targets[Int(t)].unitID
            for (rule, sendAt) in times.early where open(unit, at: sendAt) { plan(rule, sendAt, t) }
            for (rule, sendAt) in urgesOfUnit[unit] ?? commonUrges where open(unit, at: sendAt) {
                plan(rule, sendAt, t)
            }
        }
        for (group, moments) in zip(escalationGroups, escalations) {
            for (rule, sendAt) in moments where sendAt >= from && sendAt < to {
                for heads in group.headTargets where open(heads.unit, at: sendAt) {
                    for t in heads.targets { add(rule, sendAt, t) }
                }
                if !group.supervisorTargets.isEmpty, group.units.contains(where: { open($0, at: sendAt) }) {
                    for t in group.supervisorTargets { add(rule, sendAt, t) }
                }
            }
        }
    }

    /// Urging moments numbered `overdue-1`, `overdue-2`, ... (the n-th one sent says "lần n"), at most `limit`.
    static func numbered(_ urges: [Instant], limit: Int) -> [(ReminderRule, Instant)] {
        urges.prefix(max(limit, 0)).enumerated().map { (.overdue($0.offset + 1), $0.element) }
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
                PlannedReminder(
                    deadlineIndex: -1, targetIndex: pair.target, occurrence: pair.day, rule: .digest, sendAt: at,
                    due: at))
        }
    }

    /// The escalation times of one occurrence: the first when it is overdue by `afterOverdue`, or in the place of
    /// the urging after the `afterUrges`-th (one urging interval after the last when `afterUrges` is
    /// `overdue_limit`), whichever is earlier; then every `every`: `limit` escalations on distinct moments (two that
    /// days off would move onto one moment count as one, and the next interval is taken). `urges` are the
    /// occurrence's distinct urging moments, in order, with at least one past `overdue_limit`.
    func escalationTimes(
        _ escalation: EscalationRule, urges: [Instant], rules: ReminderRules, dueLocal: LocalDateTime, due: Instant,
        calendar: WorkingCalendar
    ) -> [(ReminderRule, Instant)] {
        guard escalation.limit > 0 else { return [] }
        let zone = agenda.settings.zone
        func step(_ offset: ReminderOffset, times n: Int, from local: LocalDateTime, instant: Instant) -> Instant {
            func atSendTime(_ date: CivilDate) -> Instant { zone.instant(for: LocalDateTime(date, rules.sendTime)) }
            switch offset {
            case .minutes(let m): return instant.adding(seconds: Int64(n) * Int64(m) * 60)
            case .hours(let h): return instant.adding(seconds: Int64(n) * Int64(h) * 3600)
            case .days(let d): return atSendTime(local.date.adding(days: n * d))
            case .weeks(let w): return atSendTime(local.date.adding(days: n * w * 7))
            case .workingDays(let d): return atSendTime(calendar.adding(workingDays: n * d, to: local.date))
            }
        }
        var candidates: [Instant] = []
        if let after = escalation.afterOverdue {
            candidates.append(step(after, times: 1, from: dueLocal, instant: due))
        }
        if let n = escalation.afterUrges, n > 0, n <= rules.overdueLimit, urges.count > n {
            candidates.append(urges[n])
        }
        guard let first = candidates.filter({ $0 > due }).min() else { return [] }
        let firstLocal = zone.localDateTime(at: first)
        var result: [(ReminderRule, Instant)] = []
        var n = 0
        while result.count < escalation.limit, n < escalation.limit + ReminderPlanner.mergedStepAllowance {
            let intended = n == 0 ? first : step(escalation.every, times: n, from: firstLocal, instant: first)
            n += 1
            let placed = place(.escalation(result.count + 1), at: intended, due: due, rules: rules, calendar: calendar)
            if !result.contains(where: { $0.1 == placed }) { result.append((.escalation(result.count + 1), placed)) }
        }
        return result
    }
}

/// One line of a digest: an occurrence due soon or overdue.
package struct DigestItem: Sendable, Hashable {
    package let deadlineIndex: Int32
    package let occurrence: CivilDate
    package let due: Instant
    /// True when the due moment has passed at the digest's time.
    package let overdue: Bool
}

extension ReminderPlanner {
    /// What a digest lists: every open occurrence of the unit's deadlines that is due within that deadline's
    /// reminder lead (`before` rules) or overdue within its urging span, sorted by due moment.
    package func digestItems(of digest: PlannedReminder, state: PlannerState) -> [DigestItem] {
        guard digest.isDigest else { return [] }
        return digestItems(
            unit: targets[Int(digest.targetIndex)].unitID, day: digest.occurrence, at: digest.sendAt, state: state)
    }

    /// What a unit's digest of `day`, sent at `at`, lists (see ``digestItems(of:state:)``).
    package func digestItems(unit: String, day: CivilDate, at sendAt: Instant, state: PlannerState) -> [DigestItem] {
        var items: [DigestItem] = []
        for index in deadlinesByDigestUnit[unit] ?? [] {
            let deadline = agenda.deadlines[Int(index)]
            let leadDays = (deadline.rules.leadMinutes + 1439) / 1440
            let trailDays = (trailMinutesByDeadline[Int(index)] + 1439) / 1440
            for occurrence in occurrences(
                of: deadline, from: day.adding(days: -trailDays), through: day.adding(days: leadDays))
            {
                let id = OccurrenceID(deadlineID: deadline.id, date: occurrence)
                if state.isDone(id, unit: unit) { continue }
                if let until = state.snoozedUntil(id, unit: unit), sendAt < until { continue }
                let due = agenda.dueInstant(of: deadline, occurrence: occurrence)
                let dueDay = agenda.settings.zone.localDateTime(at: due).date
                if due >= sendAt, day.days(until: dueDay) > leadDays { continue }
                items.append(DigestItem(deadlineIndex: index, occurrence: occurrence, due: due, overdue: due < sendAt))
            }
        }
        return items.sorted { ($0.due, $0.deadlineIndex) < ($1.due, $1.deadlineIndex) }
    }
}

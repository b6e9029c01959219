/// When each rule of one occurrence sends its reminder, on the working calendar.
///
/// 1. Each rule's *intended* time: `7d`, `1w` at the rules' send time that many days before the due day; `3wd` at the
///    send time on the third working day before the due day (the due day itself not counted); `2h`, `30m` before
///    the due moment itself; `due` at the send time on the due day; urging every `1d` or `2wd` after the due day at
///    the send time, or every `4h` after the due moment. Rules before the due moment that would not be before it,
///    and urging that would not be after it, are dropped.
/// 2. A time outside working hours or on a day off is moved, unless the rules say `send` for its kind
///    (``ReminderRules/offHours`` before and on the due day, ``ReminderRules/overdueOffHours`` after it): to the next
///    working morning (the send time, or the start of working hours when the send time lies outside them). A
///    reminder before the due moment that would then come at or after the due moment goes to the latest working
///    morning at or before its intended time instead, so it is never late.
/// 3. Rules that land on the same moment are sent once: the one whose intended time is earliest stays (by rule
///    order on a tie). Keys name the rule, not the time, so they stay stable whatever the calendar does.
extension ReminderPlanner {
    /// Each surviving rule's send time for one occurrence whose (possibly moved) due moment is `dueLocal`.
    func sendTimes(rules: ReminderRules, dueLocal: LocalDateTime, due: Instant, calendar: WorkingCalendar)
        -> [(ReminderRule, Instant)]
    {
        let zone = agenda.settings.zone
        func atSendTime(_ date: CivilDate) -> Instant { zone.instant(for: LocalDateTime(date, rules.sendTime)) }
        func shifted(_ offset: ReminderOffset, times n: Int) -> Instant {
            switch offset {
            case .minutes(let m): due.adding(seconds: Int64(n * m) * 60)
            case .hours(let h): due.adding(seconds: Int64(n * h) * 3600)
            case .days(let d): atSendTime(dueLocal.date.adding(days: n * d))
            case .weeks(let w): atSendTime(dueLocal.date.adding(days: n * w * 7))
            case .workingDays(let d): atSendTime(calendar.adding(workingDays: n * d, to: dueLocal.date))
            }
        }

        var intended: [(rule: ReminderRule, at: Instant)] = []
        for offset in rules.before {
            let at = shifted(offset, times: -1)
            if at < due { intended.append((.before(offset), at)) }
        }
        if rules.onDue {
            let at = atSendTime(dueLocal.date)
            if at < due { intended.append((.due, at)) }
        }
        if let every = rules.overdueEvery, rules.overdueLimit > 0 {
            for n in 1...rules.overdueLimit {
                let at = shifted(every, times: n)
                if at > due { intended.append((.overdue(n), at)) }
            }
        }
        intended.sort { ($0.at, $0.rule) < ($1.at, $1.rule) }

        var result: [(ReminderRule, Instant)] = []
        result.reserveCapacity(intended.count)
        for (rule, at) in intended {
            let placed = place(rule, at: at, due: due, rules: rules, calendar: calendar)
            if !result.contains(where: { $0.1 == placed }) { result.append((rule, placed)) }
        }
        // Urging reminders that days off merged (Saturday's and Sunday's into Monday's) leave no gap in the count:
        // the n-th one sent says "lần n".
        var urges = 0
        return result.map { rule, at in
            guard case .overdue = rule else { return (rule, at) }
            urges += 1
            return (.overdue(urges), at)
        }
    }

    /// Where a reminder intended for `at` goes once working hours and days off are taken into account.
    func place(_ rule: ReminderRule, at: Instant, due: Instant, rules: ReminderRules, calendar: WorkingCalendar)
        -> Instant
    {
        let afterDue = rule.kind == .overdue || rule.kind == .escalation
        guard (afterDue ? rules.overdueOffHours : rules.offHours) == .move else { return at }
        let zone = agenda.settings.zone
        let local = zone.localDateTime(at: at)
        if calendar.isWorkingMoment(local) { return at }
        let next = zone.instant(for: calendar.nextWorkingMoment(from: local, morning: rules.sendTime))
        if afterDue || next < due { return next }
        let earlier = zone.instant(for: calendar.previousWorkingMorning(from: local, morning: rules.sendTime))
        return earlier < due ? earlier : at
    }
}

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
/// 4. Urging counts what is sent: `overdue_limit = 5` means five urgings on five distinct moments. When days off
///    move two urgings onto one moment (Saturday's and Sunday's onto Monday morning, a week of Tết onto the first
///    working day after it), the next interval is taken until the count is reached.
extension ReminderPlanner {
    /// One occurrence's send times: the rules before and on the due day, and the urging moments.
    struct OccurrenceTimes {
        /// Before and on the due day, each rule at its (moved) moment, in send order.
        var early: [(ReminderRule, Instant)]
        /// Distinct urging moments in order: `overdue_limit` of them, and `extraUrges` more for escalations to take
        /// the place of.
        var urges: [Instant]
    }

    /// How many more steps than its limit a run of urgings or escalations may take when days off merge some of
    /// them (bounded: a week of Tết with hourly urging merges a few hundred).
    static let mergedStepAllowance = 1000

    /// Each rule's send time for one occurrence whose (possibly moved) due moment is `dueLocal`.
    func sendTimes(
        rules: ReminderRules, dueLocal: LocalDateTime, due: Instant, calendar: WorkingCalendar, extraUrges: Int = 0
    )
        -> OccurrenceTimes
    {
        let zone = agenda.settings.zone
        func atSendTime(_ date: CivilDate) -> Instant { zone.instant(for: LocalDateTime(date, rules.sendTime)) }
        func shifted(_ offset: ReminderOffset, times n: Int) -> Instant {
            switch offset {
            case .minutes(let m): due.adding(seconds: Int64(n) * Int64(m) * 60)
            case .hours(let h): due.adding(seconds: Int64(n) * Int64(h) * 3600)
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
        intended.sort { ($0.at, $0.rule) < ($1.at, $1.rule) }
        var early: [(ReminderRule, Instant)] = []
        early.reserveCapacity(intended.count)
        for (rule, at) in intended {
            let placed = place(rule, at: at, due: due, rules: rules, calendar: calendar)
            if !early.contains(where: { $0.1 == placed }) { early.append((rule, placed)) }
        }

        var urges: [Instant] = []
        if let every = rules.overdueEvery, rules.overdueLimit > 0 {
            let wanted = rules.overdueLimit + extraUrges
            var n = 1
            while urges.count < wanted, n <= wanted + ReminderPlanner.mergedStepAllowance {
                let at = shifted(every, times: n)
                n += 1
                guard at > due else { continue }
                let placed = place(.overdue(urges.count + 1), at: at, due: due, rules: rules, calendar: calendar)
                if urges.last.map({ placed > $0 }) ?? true, !early.contains(where: { $0.1 == placed }) {
                    urges.append(placed)
                }
            }
        }
        return OccurrenceTimes(early: early, urges: urges)
    }

    /// Where a reminder intended for `at` goes once working hours and days off are taken into account.
    func place(
        _ rule: ReminderRule, at: Instant, due: Instant, rules: ReminderRules, calendar: WorkingCalendar
    )
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

import DeadlineKit

/// The words `list`, `plan` and `status` print about reminders and deadlines, from the catalog (``PlanText``).
struct Wording {
    let say: Catalog

    init(language: Language) {
        say = Catalog(language)
    }

    func kind(_ rule: ReminderRule) -> String {
        switch rule {
        case .before(let o): say(PlanText.kindBefore, ["offset": offset(o)])
        case .due: say(PlanText.kindDue)
        case .overdue(let n): say(PlanText.kindOverdue, ["n": String(n)])
        case .escalation(let n): say(PlanText.kindEscalation, ["n": String(n)])
        case .digest: say(PlanText.kindDigest)
        }
    }

    func offset(_ o: ReminderOffset) -> String {
        switch o {
        case .minutes(let n): say(PlanText.minutes, ["n": String(n)])
        case .hours(let n): say(PlanText.hours, ["n": String(n)])
        case .days(let n): say(PlanText.days, ["n": String(n)])
        case .workingDays(let n): say(PlanText.workingDays, ["n": String(n)])
        case .weeks(let n): say(PlanText.weeks, ["n": String(n)])
        }
    }

    func state(_ s: DeadlineStatus.State) -> String {
        switch s {
        case .upcoming(let d): d == 1 ? say(PlanText.upcomingTomorrow) : say(PlanText.upcoming, ["days": String(d)])
        case .dueToday: say(PlanText.dueToday)
        case .overdue(let d): d == 0 ? say(PlanText.overdueToday) : say(PlanText.overdue, ["days": String(d)])
        case .done: say(PlanText.done)
        case .ended: say(PlanText.ended)
        }
    }

    /// ` (2/3 xong; còn so-nv)` when some but not all units of a group deadline finished its occurrence.
    func progress(_ s: DeadlineStatus) -> String {
        guard s.units.count > 1, !s.unitsDone.isEmpty, s.unitsDone.count < s.units.count else { return "" }
        return say(
            PlanText.progress,
            ["done": String(s.unitsDone.count), "total": String(s.units.count), "pending": say.list(s.unitsPending)])
    }

    /// `; tạm dừng nhắc đến 00:00 05/12/2020` when every unit still owing the occurrence is snoozed.
    func snoozed(_ s: DeadlineStatus, zone: ZoneRules) -> String {
        guard let until = s.snoozedUntil else { return "" }
        return say(PlanText.snoozed, ["until": zone.vietnamese(until)])
    }

    var planHeader: [String] {
        [
            PlanText.headerSendAt, .headerKind, .headerDue, .headerDeadline, .headerUnit, .headerChannel,
            .headerRecipients,
        ].map { say($0) }
    }

    var listHeader: [String] {
        [PlanText.headerDeadline, .headerDue, .headerStatus, .headerNextReminder, .headerTask].map { say($0) }
    }

    func noReminders(from: String, to: String) -> String {
        say(PlanText.noReminders, ["from": from, "to": to])
    }

    func reminderCount(_ n: Int, from: String, to: String) -> String {
        say(PlanText.reminderCount, ["count": String(n), "from": from, "to": to])
    }

    /// What stands in an empty cell: `—`.
    var none: String { say(CommonText.dash) }
}

extension ZoneRules {
    /// `08:00 03/12/2020` in this zone.
    func vietnamese(_ instant: Instant) -> String { localDateTime(at: instant).vietnamese }
}

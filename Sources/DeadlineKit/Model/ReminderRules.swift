/// How far before (or after) a due moment a reminder goes out: `7d`, `3wd`, `2h`, `30m`, `2w`.
package enum ReminderOffset: Sendable, Hashable, Comparable, CustomStringConvertible {
    case minutes(Int)
    case hours(Int)
    case days(Int)
    /// Working days: weekends, public holidays and the admin's days off are not counted.
    case workingDays(Int)
    case weeks(Int)

    /// Parses `7d`, `3wd`, `2h`, `30m`, `2w` (also with a space, `7 d`, and Vietnamese `7 ngày`,
    /// `3 ngày làm việc`, `2 giờ`, `30 phút`, `2 tuần`).
    package init?(parsing text: String) {
        var s = TextScanner(text.trimmingSpaces)
        guard let n = s.integer(maxDigits: 4) else { return nil }
        s.skipSpaces()
        let unit = s.remainder.lowercased()
        switch unit {
        case "m", "min", "phút": self = .minutes(n)
        case "h", "giờ": self = .hours(n)
        case "d", "ngày": self = .days(n)
        case "wd", "ngày làm việc": self = .workingDays(n)
        case "w", "tuần": self = .weeks(n)
        default: return nil
        }
    }

    /// True for offsets counted in whole days, whose reminders go out at the rules' send time.
    package var isDayBased: Bool {
        switch self {
        case .days, .workingDays, .weeks: true
        case .minutes, .hours: false
        }
    }

    /// Approximate length in minutes, for ordering and for bounding a planning window.
    package var approximateMinutes: Int {
        switch self {
        case .minutes(let n): n
        case .hours(let n): n * 60
        case .days(let n): n * 1440
        case .workingDays(let n): (n * 7 / 5 + 12) * 1440  // Tết can add a week of days off
        case .weeks(let n): n * 7 * 1440
        }
    }

    package static func < (lhs: ReminderOffset, rhs: ReminderOffset) -> Bool {
        lhs.approximateMinutes < rhs.approximateMinutes
    }

    /// `7d`, `3wd`, `2h`
    package var description: String {
        switch self {
        case .minutes(let n): "\(n)m"
        case .hours(let n): "\(n)h"
        case .days(let n): "\(n)d"
        case .workingDays(let n): "\(n)wd"
        case .weeks(let n): "\(n)w"
        }
    }
}

/// What happens to a deadline due on a day off (a weekend, a holiday, an announced day off).
package enum DayOffDuePolicy: String, Sendable, Hashable, CaseIterable {
    /// The due date stays (the default): directives mean "by that date". Reminders still go out on working days
    /// before it.
    case keep
    /// Due at the same time on the previous working day.
    case before
    /// Due at the same time on the next working day.
    case after
}

/// What happens to a reminder whose send time falls outside working hours or on a day off.
package enum OffHoursPolicy: String, Sendable, Hashable, CaseIterable {
    /// Moved to the next working morning; a reminder before the due moment that would then come after it goes to
    /// the latest working morning before its send time instead (the default).
    case move
    /// Sent at its time all the same.
    case send
}

/// When reminders go out for one deadline: before the due moment, on the day, and after it while not done.
package struct ReminderRules: Sendable, Hashable {
    /// Reminders before the due moment.
    package var before: [ReminderOffset]
    /// A reminder on the due day itself, at ``sendTime`` (or at the due moment if that is earlier).
    package var onDue: Bool
    /// Urging reminders (đôn đốc) after the due moment while the occurrence is not done: every `overdueEvery`...
    package var overdueEvery: ReminderOffset?
    /// ...at most this many times.
    package var overdueLimit: Int
    /// The local time at which day-based reminders go out, and moved reminders too when it lies within working
    /// hours.
    package var sendTime: TimeOfDay
    /// Whether a due date on a day off stays or moves to a working day (default ``DayOffDuePolicy/keep``).
    package var dueOnDayOff: DayOffDuePolicy
    /// What happens to reminders before the due moment and on the due day that fall outside working hours or on a
    /// day off (default ``OffHoursPolicy/move``).
    package var offHours: OffHoursPolicy
    /// The same for urging reminders and escalations after the due moment (default ``OffHoursPolicy/move``).
    package var overdueOffHours: OffHoursPolicy
    /// Escalation to the unit's heads when the work stays late; nil for none (the default).
    package var escalation: EscalationRule?

    package init(
        before: [ReminderOffset] = [.days(7), .days(3), .days(1)], onDue: Bool = true,
        overdueEvery: ReminderOffset? = .days(1), overdueLimit: Int = 5,
        sendTime: TimeOfDay = TimeOfDay(hour: 8, minute: 0)!, dueOnDayOff: DayOffDuePolicy = .keep,
        offHours: OffHoursPolicy = .move, overdueOffHours: OffHoursPolicy = .move, escalation: EscalationRule? = nil
    ) {
        self.before = before
        self.onDue = onDue
        self.overdueEvery = overdueEvery
        self.overdueLimit = overdueLimit
        self.sendTime = sendTime
        self.dueOnDayOff = dueOnDayOff
        self.offHours = offHours
        self.overdueOffHours = overdueOffHours
        self.escalation = escalation
    }

    /// How far before a due moment the earliest reminder can go out, in minutes (bounds planning windows), before
    /// the working calendar moves anything.
    package var leadMinutes: Int {
        (before.map(\.approximateMinutes).max() ?? 0) + 1440
    }

    /// How long after a due moment reminders can still go out, in minutes, before the working calendar moves
    /// anything.
    package var trailMinutes: Int {
        var trail = 1440
        if let overdueEvery { trail = max(trail, overdueEvery.approximateMinutes * max(overdueLimit, 0) + 1440) }
        if let e = escalation {
            let urges = (e.afterUrges.map { $0 + 1 } ?? 0) * (overdueEvery?.approximateMinutes ?? 0)
            let first = max(e.afterOverdue?.approximateMinutes ?? 0, urges)
            trail = max(trail, first + e.every.approximateMinutes * max(e.limit - 1, 0) + 1440)
        }
        return trail
    }
}

/// When overdue work goes up to the head(s) of the unit (and, if set, to a supervising office): "a task urged
/// more than 3 times goes up to the supervising committee".
package struct EscalationRule: Sendable, Hashable {
    /// Escalate once the occurrence is overdue by this much (`3d`, `2wd`)...
    package var afterOverdue: ReminderOffset?
    /// ...or once this many urging reminders went out without the task done: the first escalation comes in the
    /// place of the next one. With both set, whichever comes first.
    package var afterUrges: Int?
    /// Escalations repeat this often while the occurrence is not done...
    package var every: ReminderOffset
    /// ...at most this many times.
    package var limit: Int
    /// Addresses that receive every escalation besides the unit's heads, e.g. the supervising committee's office.
    package var supervisors: [Mailbox]

    package init(
        afterOverdue: ReminderOffset? = nil, afterUrges: Int? = 3, every: ReminderOffset = .workingDays(2),
        limit: Int = 3,
        supervisors: [Mailbox] = []
    ) {
        self.afterOverdue = afterOverdue
        self.afterUrges = afterUrges
        self.every = every
        self.limit = limit
        self.supervisors = supervisors
    }
}

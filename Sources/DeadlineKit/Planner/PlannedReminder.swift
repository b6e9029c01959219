/// What kind of reminder a planned message is.
public enum ReminderKind: String, Sendable, Hashable, CaseIterable {
    /// Before the due moment: "còn 3 ngày".
    case before
    /// On the due day.
    case due
    /// After the due moment while not done: urging (đôn đốc).
    case overdue
    /// Overdue, also sent to the head(s) of the unit.
    case escalation
}

/// Which of a deadline's rules produced a reminder.
public enum ReminderRule: Sendable, Hashable, Comparable, CustomStringConvertible {
    case before(ReminderOffset)
    case due
    /// The n-th urging reminder after the due moment (1-based).
    case overdue(Int)
    /// The n-th escalation to the unit's head(s) (1-based).
    case escalation(Int)

    public var kind: ReminderKind {
        switch self {
        case .before: .before
        case .due: .due
        case .overdue: .overdue
        case .escalation: .escalation
        }
    }

    /// Stable text used in ledger keys and output: `7d`, `3wd`, `2h`, `due`, `overdue-2`, `escalation-1`.
    public var description: String {
        switch self {
        case .before(let offset): offset.description
        case .due: "due"
        case .overdue(let n): "overdue-\(n)"
        case .escalation(let n): "escalation-\(n)"
        }
    }

    public static func < (lhs: ReminderRule, rhs: ReminderRule) -> Bool {
        lhs.order < rhs.order
    }

    private var order: (Int, Int) {
        switch self {
        case .before(let offset): (0, -offset.approximateMinutes)
        case .due: (1, 0)
        case .overdue(let n): (2, n)
        case .escalation(let n): (3, n)
        }
    }
}

/// Where one reminder goes: a unit, through a channel, to some recipients.
public struct ReminderTarget: Sendable, Hashable {
    public let unitID: String
    public let channel: String
    public let channelKind: ChannelKind
    /// Email recipients (smtp and outbox channels); empty for a webhook, whose URL is the destination.
    public let recipients: [Mailbox]

    public init(unitID: String, channel: String, channelKind: ChannelKind, recipients: [Mailbox]) {
        self.unitID = unitID
        self.channel = channel
        self.channelKind = channelKind
        self.recipients = recipients
    }
}

/// One reminder the planner decided on. Compact: it refers to its deadline and target by index into
/// the ``ReminderPlanner`` that made it, which resolves them (``ReminderPlanner/deadline(of:)``,
/// ``ReminderPlanner/target(of:)``, ``ReminderPlanner/key(of:)``).
public struct PlannedReminder: Sendable, Hashable {
    public let deadlineIndex: Int32
    public let targetIndex: Int32
    /// The occurrence's nominal due day.
    public let occurrence: CivilDate
    public let rule: ReminderRule
    public let sendAt: Instant
    public let due: Instant

    public var kind: ReminderKind { rule.kind }
}

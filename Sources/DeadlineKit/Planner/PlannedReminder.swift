/// What kind of reminder a planned message is.
public enum ReminderKind: String, Sendable, Hashable, CaseIterable {
    /// Before the due moment: "còn 3 ngày".
    case before
    /// On the due day.
    case due
    /// After the due moment while not done: urging (đôn đốc).
    case overdue
    /// Overdue for long: sent to the head(s) of the unit (and supervisors), saying how often it was urged.
    case escalation
    /// A unit's daily list of its deadlines due soon and overdue, in place of separate reminders.
    case digest
}

/// Which of a deadline's rules produced a reminder.
public enum ReminderRule: Sendable, Hashable, Comparable, CustomStringConvertible {
    case before(ReminderOffset)
    case due
    /// The n-th urging reminder after the due moment (1-based).
    case overdue(Int)
    /// The n-th escalation to the unit's head(s) (1-based).
    case escalation(Int)
    /// A unit's digest of the day.
    case digest

    public var kind: ReminderKind {
        switch self {
        case .before: .before
        case .due: .due
        case .overdue: .overdue
        case .escalation: .escalation
        case .digest: .digest
        }
    }

    /// Stable text used in ledger keys and output: `7d`, `3wd`, `2h`, `due`, `overdue-2`, `escalation-1`.
    public var description: String {
        switch self {
        case .before(let offset): offset.description
        case .due: "due"
        case .overdue(let n): "overdue-\(n)"
        case .escalation(let n): "escalation-\(n)"
        case .digest: "digest"
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
        case .digest: (4, 0)
        }
    }
}

/// Where one reminder goes: a unit, through a channel, to some recipients.
public struct ReminderTarget: Sendable, Hashable {
    /// Who in the unit a target addresses.
    public enum Audience: String, Sendable, Hashable {
        /// The unit's recipients (its văn thư, the officer in charge).
        case unit
        /// The unit's head(s), and supervisors: for escalations.
        case heads
    }

    public let unitID: String
    public let channel: String
    public let channelKind: ChannelKind
    /// Email recipients (smtp and outbox channels); empty for a webhook, whose URL is the destination.
    public let recipients: [Mailbox]
    public let audience: Audience

    public init(unitID: String, channel: String, channelKind: ChannelKind, recipients: [Mailbox], audience: Audience = .unit) {
        self.unitID = unitID
        self.channel = channel
        self.channelKind = channelKind
        self.recipients = recipients
        self.audience = audience
    }
}

/// One reminder the planner decided on. Compact: it refers to its deadline and target by index into
/// the ``ReminderPlanner`` that made it, which resolves them (``ReminderPlanner/deadline(of:)``,
/// ``ReminderPlanner/target(of:)``, ``ReminderPlanner/key(of:)``).
///
/// A digest belongs to no single deadline: its `deadlineIndex` is -1, its occurrence is the digest's day, and
/// ``ReminderPlanner/digestItems(of:state:)`` lists what it contains.
public struct PlannedReminder: Sendable, Hashable {
    /// The deadline's index in the agenda, or -1 for a digest.
    public let deadlineIndex: Int32
    public let targetIndex: Int32
    /// The occurrence's nominal due day.
    public let occurrence: CivilDate
    public let rule: ReminderRule
    public let sendAt: Instant
    public let due: Instant

    public var kind: ReminderKind { rule.kind }
    public var isDigest: Bool { deadlineIndex < 0 }
}

/// What kind of reminder a planned message is.
package enum ReminderKind: String, Sendable, Hashable, CaseIterable {
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
package enum ReminderRule: Sendable, Hashable, Comparable, CustomStringConvertible {
    case before(ReminderOffset)
    case due
    /// The n-th urging reminder after the due moment (1-based).
    case overdue(Int)
    /// The n-th escalation to the unit's head(s) (1-based).
    case escalation(Int)
    /// A unit's digest of the day.
    case digest

    package var kind: ReminderKind {
        switch self {
        case .before: .before
        case .due: .due
        case .overdue: .overdue
        case .escalation: .escalation
        case .digest: .digest
        }
    }

    /// Stable text used in ledger keys and output: `7d`, `3wd`, `2h`, `due`, `overdue-2`, `escalation-1`.
    package var description: String {
        switch self {
        case .before(let offset): offset.description
        case .due: "due"
        case .overdue(let n): "overdue-\(n)"
        case .escalation(let n): "escalation-\(n)"
        case .digest: "digest"
        }
    }

    /// Parses the stable text of ``description`` back: `7d`, `3wd`, `due`, `overdue-2`, `escalation-1`, `digest`.
    package init?(_ text: String) {
        switch text {
        case "due": self = .due
        case "digest": self = .digest
        default:
            if let n = ReminderRule.ordinal(text, after: "overdue-") {
                self = .overdue(n)
            } else if let n = ReminderRule.ordinal(text, after: "escalation-") {
                self = .escalation(n)
            } else if let offset = ReminderOffset(parsing: text) {
                self = .before(offset)
            } else {
                return nil
            }
        }
    }

    private static func ordinal(_ text: String, after prefix: String) -> Int? {
        guard text.hasPrefix(prefix), let n = Int(text.dropFirst(prefix.count)), n > 0 else { return nil }
        return n
    }

    /// The n of an urging or an escalation (`overdue-2`: 2); 0 for the other rules.
    package var ordinal: Int {
        switch self {
        case .overdue(let n), .escalation(let n): n
        default: 0
        }
    }

    package static func < (lhs: ReminderRule, rhs: ReminderRule) -> Bool {
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
package struct ReminderTarget: Sendable, Hashable {
    /// Who in the unit a target addresses.
    package enum Audience: String, Sendable, Hashable {
        /// The unit's recipients (its văn thư, the officer in charge).
        case unit
        /// The unit's head(s), and supervisors: for escalations.
        case heads
        /// The supervisors of several late units of one occurrence: one escalation listing them. The target's
        /// `unitID` joins the units' ids with `+` (``EscalationGroup/unitSeparator``).
        case supervisors
    }

    package let unitID: String
    package let channel: String
    package let channelKind: ChannelKind
    /// Email recipients (smtp and outbox channels); empty for a webhook, whose URL is the destination.
    package let recipients: [Mailbox]
    package let audience: Audience

    package init(
        unitID: String, channel: String, channelKind: ChannelKind, recipients: [Mailbox], audience: Audience = .unit
    ) {
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
package struct PlannedReminder: Sendable, Hashable {
    /// The deadline's index in the agenda, or -1 for a digest.
    package let deadlineIndex: Int32
    package let targetIndex: Int32
    /// The occurrence's nominal due day.
    package let occurrence: CivilDate
    package let rule: ReminderRule
    package let sendAt: Instant
    package let due: Instant

    package var kind: ReminderKind { rule.kind }
    package var isDigest: Bool { deadlineIndex < 0 }
}

/// Units of one deadline that escalate at the same moments: the same escalation rule (and so the same
/// supervisors) and the same channels.
struct EscalationGroup: Sendable {
    struct Key: Hashable {
        let rule: EscalationRule
        let channels: [String]
    }

    /// Joins the ids of the units a supervisors' escalation is about (`so-khdt+so-tc`); ids never contain it.
    static let unitSeparator = "+"

    let rule: EscalationRule
    /// The group's units, in the deadline's order.
    let units: [String]
    /// Per unit, the targets of its heads (with the supervisors as well in a group of one unit).
    let headTargets: [(unit: String, targets: [Int32])]
    /// The supervisors' targets, one message for all of the group's late units (groups of two or more).
    let supervisorTargets: [Int32]
}

extension ReminderTarget {
    /// The units a target is about: one, or several for a supervisors' escalation.
    package var unitIDs: [String] {
        audience == .supervisors ? unitID.split(separator: "+").map(String.init) : [unitID]
    }
}

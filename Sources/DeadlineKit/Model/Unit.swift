/// An office that receives tasks: a sở, ban, ngành, quận, huyện... (`[units.ID]` in the config).
public struct Unit: Sendable, Hashable {
    /// The stable key admins use in deadlines, e.g. `so-khdt`.
    public let id: String
    /// The display name, e.g. `Sở Kế hoạch và Đầu tư`.
    public let name: String
    /// Who receives the unit's reminders by email or in the outbox.
    public let recipients: [Mailbox]
    /// The head(s) of the unit, who receive escalations when the unit's work is late.
    public let heads: [Mailbox]
    /// The channels to use for this unit; empty means the configured default channels.
    public let channels: [String]
    /// Other units this one stands for: `Các sở, ban, ngành` as a group of sở.
    public let members: [String]
    /// This unit's own escalation rule, used for deadlines that do not set their own.
    public let escalation: EscalationRule?
    /// One digest a day at this time instead of separate reminders before the due days (nil: no digest).
    public let digest: Digest?

    /// A unit's daily digest: its deadlines due soon and overdue, in one message.
    public struct Digest: Sendable, Hashable {
        /// When the digest goes out on each day it has something new.
        public var time: TimeOfDay
        /// Whether reminders on the due day and urging after it still go out on their own (the default), or are
        /// folded into the digest too.
        public var urgentAlone: Bool

        public init(time: TimeOfDay, urgentAlone: Bool = true) {
            self.time = time
            self.urgentAlone = urgentAlone
        }
    }

    public init(
        id: String, name: String, recipients: [Mailbox] = [], heads: [Mailbox] = [], channels: [String] = [],
        members: [String] = [], escalation: EscalationRule? = nil, digest: Digest? = nil
    ) {
        self.id = id
        self.name = name
        self.recipients = recipients
        self.heads = heads
        self.channels = channels
        self.members = members
        self.escalation = escalation
        self.digest = digest
    }
}

/// The kinds of channel a reminder can go out through.
public enum ChannelKind: String, Sendable, Hashable, CaseIterable {
    /// Email over SMTP.
    case smtp
    /// An HTTP POST to a chat system or another program.
    case webhook
    /// Each message written as a file in a directory: needs no server.
    case outbox

    /// Whether messages go to the unit's email recipients (rather than to one fixed place).
    public var addressesRecipients: Bool { self != .webhook }
}

/// What the planner needs to know about a channel (its delivery settings live in the delivery layer).
public struct ChannelInfo: Sendable, Hashable {
    public let name: String
    public let kind: ChannelKind
    /// One message per recipient instead of one message to all of a unit's recipients.
    public let onePerRecipient: Bool

    public init(name: String, kind: ChannelKind, onePerRecipient: Bool = false) {
        self.name = name
        self.kind = kind
        self.onePerRecipient = onePerRecipient
    }
}

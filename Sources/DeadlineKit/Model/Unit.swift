/// An office that receives tasks: a sở, ban, ngành, quận, huyện... (`[units.ID]` in the config).
package struct Unit: Sendable, Hashable {
    /// The stable key admins use in deadlines, e.g. `so-khdt`.
    package let id: String
    /// The display name, e.g. `Sở Kế hoạch và Đầu tư`.
    package let name: String
    /// Who receives the unit's reminders by email or in the outbox.
    package let recipients: [Mailbox]
    /// The head(s) of the unit, who receive escalations when the unit's work is late.
    package let heads: [Mailbox]
    /// The channels to use for this unit; empty means the configured default channels.
    package let channels: [String]
    /// Other units this one stands for: `Các sở, ban, ngành` as a group of sở.
    package let members: [String]
    /// This unit's own escalation rule, used for deadlines that do not set their own.
    package let escalation: EscalationRule?
    /// One digest a day at this time instead of separate reminders before the due days (nil: no digest).
    package let digest: Digest?

    /// A unit's daily digest: its deadlines due soon and overdue, in one message.
    package struct Digest: Sendable, Hashable {
        /// When the digest goes out on each day it has something new.
        package var time: TimeOfDay
        /// Whether reminders on the due day and urging after it still go out on their own (the default), or are
        /// folded into the digest too.
        package var urgentAlone: Bool

        package init(time: TimeOfDay, urgentAlone: Bool = true) {
            self.time = time
            self.urgentAlone = urgentAlone
        }
    }

    package init(
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
package enum ChannelKind: String, Sendable, Hashable, CaseIterable {
    /// Email over SMTP.
    case smtp
    /// An HTTP POST to a chat system or another program.
    case webhook
    /// Each message written as a file in a directory: needs no server.
    case outbox

    /// Whether messages go to the unit's email recipients (rather than to one fixed place).
    package var addressesRecipients: Bool { self != .webhook }
}

/// What the planner needs to know about a channel (its delivery settings live in the delivery layer).
package struct ChannelInfo: Sendable, Hashable {
    package let name: String
    package let kind: ChannelKind
    /// One message per recipient instead of one message to all of a unit's recipients.
    package let onePerRecipient: Bool

    package init(name: String, kind: ChannelKind, onePerRecipient: Bool = false) {
        self.name = name
        self.kind = kind
        self.onePerRecipient = onePerRecipient
    }
}

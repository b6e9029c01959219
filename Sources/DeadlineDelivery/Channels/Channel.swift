package import DeadlineKit
import Platform

/// A reminder rendered and ready to go out through a channel.
package struct OutgoingReminder: Sendable {
    package var facts: ReminderFacts
    package var message: RenderedMessage
    /// 1 for the first try; the same ``ReminderFacts/key`` on every try.
    package var attempt: Int
    /// When this attempt is made.
    package var now: Instant

    package init(facts: ReminderFacts, message: RenderedMessage, attempt: Int, now: Instant) {
        self.facts = facts
        self.message = message
        self.attempt = attempt
        self.now = now
    }
}

/// Somewhere a reminder can be delivered: an SMTP server, a webhook, the outbox folder.
///
/// `deliver` never throws: every result, good or bad, is a ``DeliveryOutcome`` that says whether a retry could
/// help. Implementations do their blocking work on their own threads, never on Swift's cooperative pool.
package protocol Channel: Sendable {
    var name: String { get }
    var kind: ChannelKind { get }
    /// The parts of a message this channel sends (the subject is always rendered: the log names it).
    var templateParts: Set<TemplatePart> { get }
    func deliver(_ reminder: OutgoingReminder) async -> DeliveryOutcome
    /// Closes connections and stops threads; the channel is unusable afterwards.
    func shutdown() async
}

extension Channel {
    package var templateParts: Set<TemplatePart> { TemplatePart.messageParts }
}

/// A channel whose settings could not be turned into a working channel (a missing secret file, say): every
/// delivery fails temporarily with the reason, so reminders wait, visibly, until the admin fixes it.
struct UnavailableChannel: Channel {
    let name: String
    let kind: ChannelKind
    let reason: String

    func deliver(_ reminder: OutgoingReminder) async -> DeliveryOutcome {
        .temporaryFailure(
            DeliveryError(channel: name, host: "-", kind: .configuration, cause: reason), retryAfter: nil)
    }

    func shutdown() async {}
}

/// Builds the channels of a configuration.
package enum ChannelFactory {
    /// One channel per settings entry. A channel that cannot be set up becomes one whose deliveries fail
    /// (temporarily) with the reason; the reasons are also returned, for the log.
    package static func make(
        _ settings: [String: ChannelSettings]
    ) -> (channels: [String: any Channel], problems: [String: String]) {
        var channels: [String: any Channel] = [:]
        var problems: [String: String] = [:]
        for (name, s) in settings {
            do {
                switch s {
                case .smtp(let smtp): channels[name] = try SMTPChannel(smtp)
                case .webhook(let hook): channels[name] = try WebhookChannel(hook)
                case .outbox(let outbox): channels[name] = OutboxChannel(outbox)
                }
            } catch {
                problems[name] = "\(error)"
                channels[name] = UnavailableChannel(name: name, kind: s.kind, reason: "\(error)")
            }
        }
        return (channels, problems)
    }
}

/// Reads a secret file; the error names the file, never its content. A file whose mode lets others read it or
/// replace it (``SecretFilePolicy``) is refused, as `deadlinectl check` refuses it.
func readSecret(_ path: String, setting: String) throws(DeliveryConfigurationError) -> Secret {
    Secret(fileContents: try readSecretBytes(path, setting: setting, trimmed: true))
}

/// The bytes of a secret file, checked as ``readSecret(_:setting:)`` says (``SecretFile``); `trimmed` drops the
/// trailing line breaks, and an empty file is then an error.
func readSecretBytes(_ path: String, setting: String, trimmed: Bool) throws(DeliveryConfigurationError) -> [UInt8] {
    do {
        return try SecretFile.read(path, trimmed: trimmed)
    } catch {
        throw DeliveryConfigurationError(setting: setting, problem: error.description)
    }
}

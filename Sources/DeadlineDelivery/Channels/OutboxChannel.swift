import Crypto
package import DeadlineKit
import Dispatch
import Platform

/// Writes each reminder as an RFC 5322 message file (`.eml`) into a folder: the embedded default, which needs
/// no server. Any mail client opens the files; a script can pick them up.
///
/// The file name comes from the reminder's key, so a retry after a crash finds the file already there and does
/// not write a second one: the outbox delivers exactly once.
package final class OutboxChannel: Channel {
    package let name: String
    package var kind: ChannelKind { .outbox }
    package let directory: String
    /// The configured From (`from`); nil: ``defaultSender(for:)``.
    let from: Mailbox?
    static let queue = DispatchQueue(label: "deadlined.outbox")
    /// The address of the default From: local, as the messages go to a folder.
    static let localAddress = "deadlined@localhost.localdomain"

    package init(_ settings: OutboxSettings) {
        name = settings.name
        directory = settings.directory
        from = settings.from
    }

    /// The From of a message: the configured one, else the organization (`[daemon] organization`) at a local
    /// address, else the reminder system itself in the message's language.
    func sender(for facts: ReminderFacts) throws(MessageFormatError) -> EmailAddress {
        if let from { return try EmailAddress(from.address, displayName: from.displayName) }
        let name =
            facts.organization
            ?? (facts.language == .vi ? "Hệ thống nhắc việc deadlined" : "deadlined reminder system")
        return try EmailAddress(Self.localAddress, displayName: name)
    }

    /// `20201203T080000-<16 hex of SHA-256(key)>.eml`: sorted by planned send time, unique per reminder, the same
    /// for every attempt.
    package static func fileName(for facts: ReminderFacts) -> String {
        let local = facts.zone.localDateTime(at: facts.plannedAt)
        let stamp =
            local.date.iso.replacingAll("-", with: "") + "T" + local.time.description.replacingAll(":", with: "") + "00"
        let digest = SHA256.hash(data: Array(facts.key.utf8)).prefix(8).map { b in
            (b < 16 ? "0" : "") + String(b, radix: 16)
        }.joined()
        return "\(stamp)-\(digest).eml"
    }

    package func deliver(_ reminder: OutgoingReminder) async -> DeliveryOutcome {
        let path = directory + "/" + OutboxChannel.fileName(for: reminder.facts)
        let bytes: [UInt8]
        do {
            bytes = try EmailComposer.message(
                for: reminder, from: sender(for: reminder.facts), replyTo: nil, attachICS: false
            )
            .render()
        } catch {
            return .permanentFailure(
                DeliveryError(channel: name, host: "-", kind: .messageRejected, cause: error.description))
        }
        let name = self.name
        let directory = self.directory
        return await withCheckedContinuation { continuation in
            OutboxChannel.queue.async {
                do {
                    if BlockingFile.exists(path) {
                        continuation.resume(returning: .delivered(Self.receipt(name, "already in the outbox: \(path)")))
                        return
                    }
                    try Folders.create(directory, mode: 0o750)
                    try BlockingFile.writeAtomically(bytes, to: path)
                    continuation.resume(returning: .delivered(Self.receipt(name, "written to \(path)")))
                } catch {
                    continuation.resume(
                        returning: .temporaryFailure(
                            DeliveryError(channel: name, host: "-", kind: .unknown, cause: "\(error)"), retryAfter: nil)
                    )
                }
            }
        }
    }

    /// The messages in an outbox folder, oldest first (by file name: the planned send time), read back with
    /// ``MIMEReader``; files that cannot be read are left out.
    package static func messages(in directory: String) -> [(path: String, message: ReadMessage)] {
        BlockingFile.list(directory).filter { $0.hasSuffix(".eml") }.sorted().compactMap { name in
            let path = directory + "/" + name
            guard let bytes = try? BlockingFile.read(path) else { return nil }
            return (path, MIMEReader.read(bytes))
        }
    }

    static func receipt(_ channel: String, _ response: String) -> DeliveryReceipt {
        DeliveryReceipt(channel: channel, host: "-", response: response, statusCode: 0, newConnections: 0)
    }

    package func shutdown() async {}
}

import DeadlineConfig
import DeadlineDelivery
import DeadlineKit

/// `deadlinectl test-send CHANNEL [--to ADDRESS]`: one clearly marked test reminder through one channel.
public enum TestSend {
    /// Sends it, prints the outcome, and returns the exit status: 0 only if delivered.
    public static func run(_ configuration: Configuration, channel name: String, to: String?, now: Instant) async -> Int32 {
        guard let settings = configuration.channels[name] else {
            let known = configuration.channels.keys.sorted()
            Console.err("deadlinectl: unknown channel '\(name)'; the configuration has: \(known.joined(separator: ", "))\n")
            return 2
        }
        var recipients: [Mailbox] = []
        if let to {
            switch Mailbox.parse(to) {
            case .success(let m): recipients = [m]
            case .failure(let e):
                Console.err("deadlinectl: --to: \(e)\n")
                return 2
            }
        } else if settings.kind != .webhook {
            recipients = defaultRecipients(configuration, settings)
        }
        let language = settings.language ?? configuration.agenda.settings.language
        let facts = sampleFacts(configuration, channel: name, recipients: recipients, language: language, now: now)
        // The admin's templates, if any (already checked when the configuration was loaded).
        let templates = configuration.daemon.templatesDirectory.map { LoadedConfiguration.templates(in: $0).0 }
        let message = (templates ?? .builtIn).render(facts)
        let (channels, problems) = ChannelFactory.make([name: settings])
        if let problem = problems[name] {
            Console.err("deadlinectl: channel '\(name)' cannot be set up: \(problem)\n")
            return 1
        }
        let channel = channels[name]!
        let outcome = await channel.deliver(OutgoingReminder(facts: facts, message: message, attempt: 1, now: now))
        await channel.shutdown()
        switch outcome {
        case .delivered(let receipt):
            let to = recipients.isEmpty ? "" : " to \(recipients.map(\.address).joined(separator: ", "))"
            Console.out("delivered through '\(name)'\(to): \(receipt.response)\n")
            return 0
        case .temporaryFailure(let error, let retryAfter):
            let after = retryAfter.map { "; the server asks to retry after \($0.components.seconds) s" } ?? ""
            Console.err("not delivered (temporary failure, deadlined would retry): \(error)\(after)\n")
            return 1
        case .permanentFailure(let error):
            Console.err("not delivered (permanent failure): \(error)\n")
            return 1
        }
    }

    /// Without `--to`: the first recipient of a unit that uses the channel, else the sender itself.
    static func defaultRecipients(_ configuration: Configuration, _ settings: ChannelSettings) -> [Mailbox] {
        let agenda = configuration.agenda
        for unit in agenda.units.values.sorted(by: { $0.id < $1.id }) where !unit.recipients.isEmpty {
            let channels = unit.channels.isEmpty ? agenda.settings.defaultChannels : unit.channels
            if channels.contains(settings.name) { return [unit.recipients[0]] }
        }
        if case .smtp(let s) = settings { return [s.from] }
        return [Mailbox(displayName: nil, address: "test@localhost.localdomain")]
    }

    static func sampleFacts(_ configuration: Configuration, channel: String, recipients: [Mailbox], language: Language, now: Instant)
        -> ReminderFacts
    {
        let zone = configuration.agenda.settings.zone
        let today = zone.localDateTime(at: now).date
        let due = zone.instant(for: LocalDateTime(today.adding(days: 7), configuration.agenda.settings.closingTime))
        return ReminderFacts(
            key: "test-send|\(channel)|\(now.secondsSinceEpoch)", deadlineID: "test-send",
            task: language == .vi ? "Thử nghiệm kênh gửi nhắc việc" : "Test of the reminder channel",
            documentRef: nil, documentTitle: nil, unitID: "test", unitName: language == .vi ? "Đơn vị nhận thử" : "Test unit",
            kind: .before, rule: "7d", occurrence: today.adding(days: 7), due: due, sendAt: now, recipients: recipients,
            zone: zone, language: language, isTest: true)
    }
}

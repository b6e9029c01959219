package import DeadlineConfig
import DeadlineDelivery
package import DeadlineKit

/// `deadlinectl test-send CHANNEL [--to ADDRESS]`: one clearly marked test reminder through one channel.
package enum TestSend {
    /// Sends it, prints the outcome in `admin` (the admin's language; the message itself is in the channel's), and
    /// returns the exit status: 0 only if delivered.
    package static func run(
        _ configuration: Configuration, channel name: String, to: String?, now: Instant, language admin: Language
    ) async -> Int32 {
        let say = Catalog(admin)
        guard let settings = configuration.channels[name] else {
            let known = configuration.channels.keys.sorted()
            Console.err(say(DeliveryText.testUnknownChannel, ["channel": name, "channels": say.list(known)]))
            return 2
        }
        var recipients: [Mailbox] = []
        if let to {
            switch Mailbox.parse(to) {
            case .success(let m): recipients = [m]
            case .failure:
                Console.err(say(DeliveryText.testBadTo, ["text": to]))
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
        guard let channel = channels[name] else {
            Console.err(
                say(DeliveryText.testCannotSetUp, ["channel": name, "error": problems[name].map { "\($0)" } ?? ""]))
            return 1
        }
        let outcome = await channel.deliver(OutgoingReminder(facts: facts, message: message, attempt: 1, now: now))
        await channel.shutdown()
        switch outcome {
        case .delivered(let receipt):
            let response = RecordedText.translate(receipt.response, to: admin)
            if recipients.isEmpty {
                Console.out(say(DeliveryText.testDelivered, ["channel": name, "response": response]))
            } else {
                let list = say.list(recipients.map(\.address))
                Console.out(
                    say(DeliveryText.testDeliveredTo, ["channel": name, "recipients": list, "response": response]))
            }
            return 0
        case .temporaryFailure(let error, let retryAfter):
            let after =
                retryAfter.map { say(DeliveryText.testRetryAfter, ["seconds": String($0.components.seconds)]) } ?? ""
            Console.err(say(DeliveryText.testTemporary, ["error": "\(error)", "after": after]))
            return 1
        case .permanentFailure(let error):
            Console.err(say(DeliveryText.testPermanent, ["error": "\(error)"]))
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

    static func sampleFacts(
        _ configuration: Configuration, channel: String, recipients: [Mailbox], language: Language, now: Instant
    )
        -> ReminderFacts
    {
        let zone = configuration.agenda.settings.zone
        let today = zone.localDateTime(at: now).date
        let due = zone.instant(for: LocalDateTime(today.adding(days: 7), configuration.agenda.settings.closingTime))
        let say = Catalog(language)
        return ReminderFacts(
            key: "test-send|\(channel)|\(now.secondsSinceEpoch)", deadlineID: "test-send",
            task: say(DeliveryText.testTask),
            // machine: the test reminder's unit id
            documentRef: nil, documentTitle: nil, unitID: "test", unitName: say(DeliveryText.testUnit),
            kind: .before, rule: "7d", occurrence: today.adding(days: 7), due: due, sendAt: now, recipients: recipients,
            zone: zone, language: language, isTest: true, organization: configuration.agenda.settings.organization)
    }
}

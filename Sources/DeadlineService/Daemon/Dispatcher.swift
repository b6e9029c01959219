import DeadlineDelivery
import DeadlineKit
import DeadlineStore
import DeadlineSystemd
import Logging

/// Everything one send needs, taken from the scheduler for one batch: a `Sendable` value, so that the batch's
/// sends can run as concurrent child tasks while the scheduler itself stays with its one task.
///
/// Each send is durable on its own: ``dispatch(_:)`` records the intent in the ledger (`beginAttempt`), delivers,
/// then records the result, exactly as when sends went one at a time. A copy holds the configuration and the
/// planner state of the moment it was made; the scheduler makes a new one for each batch.
struct Dispatcher: Sendable {
    let context: DaemonContext
    let state: PlannerState
    let ledger: any Ledger
    let clock: DaemonClock
    let logger: Logger
    let instanceID: String

    /// How many of `channel`'s reminders may be sent at once: its `connections`, 1 for the outbox.
    func concurrency(of channel: String) -> Int {
        max(1, context.configuration.channels[channel]?.connections ?? 1)
    }

    /// Sends one ledger entry: records the intent, delivers, records the result.
    func dispatch(_ entry: LedgerEntry) async {
        let row = entry.reminder
        let now = clock.now()
        let isDigest = row.deadlineID == ReminderPlanner.digestID
        guard isDigest || context.agenda.deadline(id: row.deadlineID) != nil else {
            await giveUp(row, reason: "the deadline '\(row.deadlineID)' is no longer in the configuration", now: now)
            return
        }
        guard let channel = context.channels[row.channel] else {
            await giveUp(row, reason: "the channel '\(row.channel)' is no longer in the configuration", now: now)
            return
        }
        var facts = self.facts(for: row)
        if isDigest, facts.items.isEmpty {
            await giveUp(row, reason: "nothing left to list: every item was done or snoozed after it came due", now: now)
            return
        }
        let claim: AttemptClaim
        do {
            let lease = Int64(120 + Self.sendTimeoutSeconds(context.configuration.channels[row.channel]))
            claim = try await ledger.beginAttempt(key: row.key, owner: instanceID, leaseUntil: now.adding(seconds: lease), at: now)
        } catch let error as StoreError where error.code == .notClaimable {
            return  // done meanwhile, or another instance has it
        } catch {
            logger.error("cannot record the attempt for \(row.key): \(error)")
            return
        }
        if row.kind == .escalation { facts.remindedCount = await remindedCount(for: row) }
        let message = context.templates.render(facts, parts: channel.templateParts)
        let outcome = await channel.deliver(OutgoingReminder(facts: facts, message: message, attempt: claim.attempt, now: now))
        let done = clock.now()
        do {
            switch outcome {
            case .delivered(let receipt):
                try await ledger.recordSent(claim, response: receipt.response, at: done)
                log(.reminderSent, .info, "reminder sent through '\(row.channel)': \(message.subject) (\(receipt.response))", row, attempt: claim.attempt)
                for rejected in receipt.rejectedRecipients {
                    log(.deliveryFailed, .warning, "the server refused the recipient \(rejected.address): \(rejected.reply)", row,
                        attempt: claim.attempt, recipient: rejected.address)
                }
            case .temporaryFailure(let error, let retryAfter):
                let disposition = context.retryPolicy.afterTemporaryFailure(
                    attempt: claim.attempt, sendAt: row.sendAt, now: done,
                    retryAfterSeconds: retryAfter.map { $0.components.seconds }, random: Double.random(in: 0..<1))
                try await ledger.recordFailure(claim, error: error.description, disposition: disposition, at: done)
                switch disposition {
                case .retry(let at):
                    log(.deliveryFailed, .warning, "delivery failed, will retry at \(context.zone.vietnamese(at)): \(error)", row, attempt: claim.attempt)
                case .givenUp(let reason):
                    log(.deliveryGivenUp, .error, "delivery given up: \(reason); last error: \(error)", row, attempt: claim.attempt)
                case .permanent:
                    log(.deliveryGivenUp, .error, "delivery failed permanently: \(error)", row, attempt: claim.attempt)
                }
            case .permanentFailure(let error):
                try await ledger.recordFailure(claim, error: error.description, disposition: .permanent, at: done)
                log(.deliveryGivenUp, .error, "delivery failed permanently, not retried: \(error)", row, attempt: claim.attempt)
            }
        } catch {
            logger.error("cannot record the result for \(row.key): \(error); it will be sent again after the lease runs out")
        }
    }

    func giveUp(_ row: LedgerReminder, reason: String, now: Instant) async {
        do {
            try await ledger.recordGivenUp(key: row.key, reason: reason, at: now)
            log(.deliveryGivenUp, .error, "delivery given up: \(reason)", row)
        } catch {
            logger.error("cannot give up \(row.key): \(error)")
        }
    }

    static func sendTimeoutSeconds(_ settings: ChannelSettings?) -> Int {
        switch settings {  // check bounds each to 10 min; clamped here too, so the lease cannot overflow
        case .smtp(let s): min(max(s.connectTimeoutSeconds, 0), 3600) + min(max(s.timeoutSeconds, 0), 3600)
        case .webhook(let s): min(max(s.connectTimeoutSeconds, 0), 3600) + min(max(s.timeoutSeconds, 0), 3600)
        default: 30
        }
    }

    /// How many reminders of the escalated occurrence the unit itself was sent (before, on and after the due day).
    func remindedCount(for row: LedgerReminder) async -> Int {
        guard let entries = try? await ledger.entries(deadlineID: row.deadlineID) else { return 0 }
        return entries.filter {
            $0.state == .sent && $0.reminder.occurrence == row.occurrence && $0.reminder.unit == row.unit
                && [.before, .due, .overdue].contains($0.reminder.kind)
        }.count
    }

    /// The message facts for a ledger row, from the current configuration.
    func facts(for row: LedgerReminder) -> ReminderFacts {
        let agenda = context.agenda
        if row.deadlineID == ReminderPlanner.digestID {
            let items = context.planner.digestItems(unit: row.unit, day: row.occurrence, at: row.sendAt, state: state)
            return ReminderFacts(
                digestKey: row.key, unitID: row.unit, unitName: agenda.units[row.unit]?.name ?? row.unit, day: row.occurrence,
                sendAt: row.sendAt, items: items.map { DigestEntry($0, agenda: agenda) }, recipients: mailboxes(row),
                zone: context.zone, language: language(of: row.channel))
        }
        let deadline = agenda.deadline(id: row.deadlineID)
        let unit = agenda.units[row.unit]
        let recipients = mailboxes(row)
        let ordinal = Int(row.rule.split(separator: "-").last ?? "") ?? 0
        return ReminderFacts(
            key: row.key, deadlineID: row.deadlineID, task: deadline?.task ?? row.deadlineID,
            documentRef: deadline?.documentRef, documentTitle: deadline?.documentRef.flatMap { agenda.documents[$0]?.title },
            unitID: row.unit, unitName: unit?.name ?? row.unit, kind: row.kind, rule: row.rule, occurrence: row.occurrence,
            due: row.due, sendAt: row.sendAt, reminderNumber: row.kind == .overdue || row.kind == .escalation ? ordinal : 0,
            recipients: recipients, zone: context.zone, language: language(of: row.channel))
    }

    /// The row's addresses with the display names the configuration gives them.
    func mailboxes(_ row: LedgerReminder) -> [Mailbox] {
        let unit = context.agenda.units[row.unit]
        let known = (unit?.recipients ?? []) + (unit?.heads ?? [])
            + (context.agenda.deadline(id: row.deadlineID).flatMap { $0.escalation(for: unit)?.supervisors } ?? [])
        return row.recipients.map { address in known.first { $0.address == address } ?? Mailbox(displayName: nil, address: address) }
    }

    func language(of channel: String) -> Language {
        let settings = context.configuration.channels[channel]
        let own: Language? =
            switch settings {
            case .smtp(let s): s.language
            case .webhook(let s): s.language
            case .outbox(let s): s.language
            case nil: nil
            }
        return own ?? context.agenda.settings.language
    }

    /// One journal entry about a reminder, with the structured fields admins filter on.
    /// "deadline overdue": an occurrence's due moment passed and it is not marked done; logged once, when it
    /// happens (or at the first start after it), whether or not urging reminders follow.
    func logOverdue(_ moment: DueMoment) {
        let deadline = context.agenda.deadlines[moment.deadlineIndex]
        var metadata: Logger.Metadata = [
            LogMetadataKey.deadlineID: .string(deadline.id),
            LogMetadataKey.deadlineDue: .string(context.zone.iso8601(moment.due)),
            LogMetadataKey.unit: .string(deadline.units.joined(separator: ", ")),
        ]
        if let ref = deadline.documentRef { metadata[LogMetadataKey.documentRef] = .string(ref) }
        logger.log(
            level: .notice, "\(deadline.id): overdue: due \(context.zone.vietnamese(moment.due)) and not marked done",
            metadata: LogEventID.deadlineOverdue.metadata(metadata))
    }

    func log(
        _ event: LogEventID, _ level: Logger.Level, _ message: String, _ row: LedgerReminder, attempt: Int? = nil,
        recipient: String? = nil
    ) {
        var metadata: Logger.Metadata = [
            LogMetadataKey.deadlineID: .string(row.deadlineID),
            LogMetadataKey.deadlineDue: .string(context.zone.iso8601(row.due)),
            LogMetadataKey.unit: .string(row.unit),
            LogMetadataKey.channel: .string(row.channel),
            "reminder_key": .string(row.key),
            "reminder_kind": .string(row.kind.rawValue),
        ]
        if let ref = context.agenda.deadline(id: row.deadlineID)?.documentRef { metadata[LogMetadataKey.documentRef] = .string(ref) }
        if let recipient = recipient ?? (row.recipients.isEmpty ? nil : row.recipients.joined(separator: ", ")) {
            metadata[LogMetadataKey.recipient] = .string(recipient)
        }
        if let attempt { metadata[LogMetadataKey.attempt] = .string(String(attempt)) }
        logger.log(level: level, "\(row.deadlineID): \(message)", metadata: event.metadata(metadata))
    }
}

import DeadlineDelivery
import DeadlineKit
import DeadlineStore
import DeadlineSystemd
import Logging
import DeadlineConfig

/// Everything one send needs, taken from the scheduler for one batch: a `Sendable` value, so that the batch's
/// sends can run as concurrent child tasks while the scheduler itself stays with its one task.
///
/// A send goes ``prepare(_:)`` (checks against the configuration and state), ``claimWrite(_:)`` (the intent, written
/// before the send), ``deliver(_:claim:)``, ``resultWrite(_:)`` (written after), ``report(_:_:)`` (the journal). The
/// writes of concurrent sends are group-committed (``OutboxCommitter``): each is durable before what follows it, as
/// when every write had its own transaction. A copy holds the configuration and the planner state of the moment it
/// was made; the scheduler makes a new one for each batch.
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

    /// Checks a ready entry against the current configuration and state, and builds what its send needs; sets it
    /// aside instead (skipped or given up) when it cannot or need not go out. `nil`: nothing to send.
    func prepare(_ entry: LedgerEntry) async -> PreparedSend? {
        let row = entry.reminder
        let now = clock.now()
        let isDigest = row.deadlineID == ReminderPlanner.digestID
        guard isDigest || context.agenda.deadline(id: row.deadlineID) != nil else {
            await giveUp(row, reason: "the deadline '\(row.deadlineID)' is no longer in the configuration", now: now)
            return nil
        }
        guard let channel = context.channels[row.channel] else {
            await giveUp(row, reason: "the channel '\(row.channel)' is no longer in the configuration", now: now)
            return nil
        }
        var facts = self.facts(for: row).restated(at: now)
        facts.confirmURL = context.confirmURL(for: row, language: facts.language, at: now)
        if isDigest, facts.items.isEmpty {
            await giveUp(
                row, reason: "nothing left to list: every item was done or snoozed after it came due", now: now)
            return nil
        }
        if row.kind == .escalation, !isDigest {
            let units = row.unit.split(separator: "+").map(String.init)
            let late = units.filter { !state.isDone(row.occurrenceID, unit: $0) }
            guard !late.isEmpty else {
                await skip(row, reason: "every unit it is about finished the occurrence before it was sent", now: now)
                return nil
            }
            let counts = await sentCounts(for: row, units: late)
            if units.count > 1 {
                facts.lateUnits = late.map { unit in
                    LateUnit(
                        id: unit, name: context.agenda.units[unit]?.name ?? unit,
                        remindedCount: counts[unit]?.reminded ?? 0,
                        urgedCount: counts[unit]?.urged ?? 0)
                }
                facts.unitName = late.map { context.agenda.units[$0]?.name ?? $0 }.joined(separator: ", ")
            } else {
                facts.remindedCount = counts[row.unit]?.reminded ?? 0
                facts.urgedCount = counts[row.unit]?.urged ?? 0
            }
        }
        let lease = Int64(120 + (context.configuration.channels[row.channel]?.sendTimeoutSeconds ?? 30))
        return PreparedSend(
            entry: entry, channel: channel, facts: facts, now: now, leaseUntil: now.adding(seconds: lease))
    }

    /// The intent to send, written before the send starts.
    func claimWrite(_ send: PreparedSend) -> OutboxWrite {
        .claim(key: send.entry.reminder.key, owner: instanceID, leaseUntil: send.leaseUntil, at: send.now)
    }

    /// The claim the ledger wrote, or `nil` when it refused (done meanwhile, or another instance has the row; a
    /// refusal for another reason is logged).
    func claimed(_ send: PreparedSend, _ outcome: Result<OutboxWriteResult, StoreError>) -> AttemptClaim? {
        do {
            return try outcome.get().claim()
        } catch {
            if error.code != .notClaimable {
                logger.error("cannot record the attempt for \(send.entry.reminder.key): \(error)")
            }
            return nil
        }
    }

    /// Renders the message and hands it to the channel; the result is written afterwards (``resultWrite(_:)``).
    func deliver(_ send: PreparedSend, claim: AttemptClaim) async -> FinishedSend {
        let message = context.templates.render(send.facts, parts: send.channel.templateParts)
        let outcome = await send.channel.deliver(
            OutgoingReminder(facts: send.facts, message: message, attempt: claim.attempt, now: send.now))
        let done = clock.now()
        let row = send.entry.reminder
        var disposition = FailureDisposition.permanent
        if case .temporaryFailure(_, let retryAfter) = outcome {
            // After `deadlinectl resend`, retry_limit and retry_max_age count from the resend.
            disposition = context.retryPolicy.afterTemporaryFailure(
                attempt: claim.attempt - send.entry.requeuedAfter,
                sendAt: max(row.sendAt, send.entry.requeuedAt ?? row.sendAt),
                now: done, retryAfterSeconds: retryAfter.map { $0.components.seconds }, random: Double.random(in: 0..<1)
            )
        }
        return FinishedSend(
            row: row, claim: claim, subject: message.subject, outcome: outcome, disposition: disposition, done: done)
    }

    /// The result to write for a finished send.
    func resultWrite(_ finished: FinishedSend) -> OutboxWrite {
        switch finished.outcome {
        case .delivered(let receipt):
            return .sent(finished.claim, response: receipt.response, at: finished.done)
        case .temporaryFailure(let error, _), .permanentFailure(let error):
            return .failure(
                finished.claim, error: error.description, disposition: finished.disposition, at: finished.done)
        }
    }

    /// Says in the journal what became of a send once its result write is done. A message that went out must not
    /// become a second delivery because the ledger was busy or unreachable: its result is then written again, alone,
    /// with retries (bounded), rather than left for the lease to run out.
    func report(_ finished: FinishedSend, _ written: Result<OutboxWriteResult, StoreError>) async {
        let row = finished.row
        let attempt = finished.claim.attempt
        do {
            do {
                try written.get().recorded()
            } catch
                where finished.outcome.receipt != nil
                && ![.fenced, .notFound, .notClaimable, .invalidInput].contains(error.code)
            {
                try await persisting(row.key) { () async throws(StoreError) in
                    try await ledger.recordSent(
                        finished.claim, response: finished.outcome.receipt?.response ?? "", at: finished.done)
                }
            }
        } catch {
            logger.error(
                "cannot record the result for \(row.key): \(error); it will be sent again after the lease runs out")
            return
        }
        switch finished.outcome {
        case .delivered(let receipt):
            log(
                .reminderSent, .info,
                "reminder sent through '\(row.channel)': \(finished.subject) (\(receipt.response))", row,
                attempt: attempt)
            for rejected in receipt.rejectedRecipients {
                log(
                    .deliveryFailed, .warning,
                    "the server refused the recipient \(rejected.address): \(rejected.reply)", row,
                    attempt: attempt, recipient: rejected.address)
            }
        case .temporaryFailure(let error, _):
            switch finished.disposition {
            case .retry(let at):
                log(
                    .deliveryFailed, .warning,
                    "delivery failed, will retry at \(context.zone.vietnamese(at)): \(error)", row, attempt: attempt)
            case .givenUp(let reason):
                log(
                    .deliveryGivenUp, .error, "delivery given up: \(reason); last error: \(error)", row,
                    attempt: attempt)
            case .permanent:
                log(.deliveryGivenUp, .error, "delivery failed permanently: \(error)", row, attempt: attempt)
            }
        case .permanentFailure(let error):
            log(.deliveryGivenUp, .error, "delivery failed permanently, not retried: \(error)", row, attempt: attempt)
        }
    }

    /// Runs a result write, retrying it while the ledger is busy or unreachable: 1, 2, 4 ... 30 s apart, for up to
    /// about ten minutes. A fenced or refused write is not retried (another attempt owns the row).
    func persisting(_ key: String, _ write: () async throws(StoreError) -> Void) async throws(StoreError) {
        var wait: UInt64 = 1
        var waited: UInt64 = 0
        while true {
            do {
                return try await write()
            } catch  where ![.fenced, .notFound, .notClaimable, .invalidInput].contains(error.code) {
                guard waited < Dispatcher.resultWriteRetrySeconds else { throw error }
                logger.warning("cannot record that \(key) was sent yet: \(error); trying again in \(wait) s")
                try? await Task.sleep(nanoseconds: wait * 1_000_000_000)
                waited += wait
                wait = min(wait * 2, 30)
            }
        }
    }

    /// How long a result write is retried before the row is left for its lease to run out.
    static let resultWriteRetrySeconds: UInt64 = 600

    /// Sets aside a reminder that need not go out any more (state `skipped`), saying why in the journal.
    func skip(_ row: LedgerReminder, reason: String, now: Instant) async {
        await setAside(row, giveUp: false, reason: reason, now: now)
    }

    /// Gives up a reminder that cannot go out (its deadline or channel left the configuration), loudly.
    func giveUp(_ row: LedgerReminder, reason: String, now: Instant) async {
        await setAside(row, giveUp: true, reason: reason, now: now)
    }

    private func setAside(_ row: LedgerReminder, giveUp: Bool, reason: String, now: Instant) async {
        do {
            if giveUp {
                try await ledger.recordGivenUp(key: row.key, reason: reason, at: now)
                log(.deliveryGivenUp, .error, "delivery given up: \(reason)", row)
            } else {
                try await ledger.recordSkipped(key: row.key, reason: reason, at: now)
                log(.reminderSkipped, .info, "reminder skipped: \(reason)", row)
            }
        } catch {
            logger.error("cannot set aside \(row.key): \(error)")
        }
    }

    /// How many reminders of the escalated occurrence each unit itself was sent (before, on and after the due day),
    /// and how many of them were urgings after it.
    func sentCounts(for row: LedgerReminder, units: [String]) async -> [String: (reminded: Int, urged: Int)] {
        guard let entries = try? await ledger.entries(deadlineID: row.deadlineID) else { return [:] }
        var counts: [String: (reminded: Int, urged: Int)] = [:]
        for entry in entries where entry.state == .sent && entry.reminder.occurrence == row.occurrence {
            let reminder = entry.reminder
            guard units.contains(reminder.unit), [.before, .due, .overdue].contains(reminder.kind) else { continue }
            counts[reminder.unit, default: (0, 0)].reminded += 1
            if reminder.kind == .overdue { counts[reminder.unit, default: (0, 0)].urged += 1 }
        }
        return counts
    }

    /// The message facts for a ledger row, from the current configuration.
    func facts(for row: LedgerReminder) -> ReminderFacts {
        let agenda = context.agenda
        if row.deadlineID == ReminderPlanner.digestID {
            let items = context.planner.digestItems(unit: row.unit, day: row.occurrence, at: row.sendAt, state: state)
            return ReminderFacts(
                digestKey: row.key, unitID: row.unit, unitName: agenda.units[row.unit]?.name ?? row.unit,
                day: row.occurrence,
                sendAt: row.sendAt, items: items.map { DigestEntry($0, agenda: agenda) }, recipients: mailboxes(row),
                zone: context.zone, language: language(of: row.channel), organization: agenda.settings.organization)
        }
        let deadline = agenda.deadline(id: row.deadlineID)
        let unit = agenda.units[row.unit]
        let recipients = mailboxes(row)
        let ordinal = ReminderRule(row.rule)?.ordinal ?? 0
        return ReminderFacts(
            key: row.key, deadlineID: row.deadlineID, task: deadline?.task ?? row.deadlineID,
            documentRef: deadline?.documentRef,
            documentTitle: deadline?.documentRef.flatMap { agenda.documents[$0]?.title },
            unitID: row.unit, unitName: unit?.name ?? row.unit, kind: row.kind, rule: row.rule,
            occurrence: row.occurrence,
            due: row.due, sendAt: row.sendAt,
            reminderNumber: row.kind == .overdue || row.kind == .escalation ? ordinal : 0,
            recipients: recipients, zone: context.zone, language: language(of: row.channel),
            document: deadline?.documentRef.flatMap { agenda.documents[$0] }, organization: agenda.settings.organization
        )
    }

    /// The row's addresses with the display names the configuration gives them.
    func mailboxes(_ row: LedgerReminder) -> [Mailbox] {
        let unit = context.agenda.units[row.unit]
        let known =
            (unit?.recipients ?? []) + (unit?.heads ?? [])
            + (context.agenda.deadline(id: row.deadlineID).flatMap { $0.escalation(for: unit)?.supervisors } ?? [])
        return row.recipients.map { address in
            known.first { $0.address == address } ?? Mailbox(displayName: nil, address: address)
        }
    }

    func language(of channel: String) -> Language {
        context.configuration.channels[channel]?.language ?? context.agenda.settings.language
    }

    /// One journal entry about a reminder, with the structured fields admins filter on.
    /// "deadline overdue": an occurrence's due moment passed and it is not marked done; logged once, when it
    /// happens (or at the first start after it), whether or not urging reminders follow.
    func logOverdue(_ moment: DueMoment) {
        let deadline = context.agenda.deadlines[moment.deadlineIndex]
        // UNIT names the units still owing the work: those that finished are not late. Both counts are of the
        // units that each finish the occurrence (groups expanded), as the planner keeps them.
        let pending = moment.pendingUnits
        let total = context.planner.unitsByDeadline[moment.deadlineIndex].count
        var metadata: Logger.Metadata = [
            LogMetadataKey.deadlineID: .string(deadline.id),
            LogMetadataKey.deadlineDue: .string(context.zone.iso8601(moment.due)),
            LogMetadataKey.unit: .string(pending.joined(separator: ", ")),
        ]
        if let ref = deadline.documentRef { metadata[LogMetadataKey.documentRef] = .string(ref) }
        let late =
            pending.count < total
            ? "not marked done by \(pending.joined(separator: ", ")) (\(total - pending.count) of \(total) units done)"
            : "not marked done"
        logger.log(
            level: .notice, "\(deadline.id): overdue: due \(context.zone.vietnamese(moment.due)) and \(late)",
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
        if let ref = context.agenda.deadline(id: row.deadlineID)?.documentRef {
            metadata[LogMetadataKey.documentRef] = .string(ref)
        }
        if let recipient = recipient ?? (row.recipients.isEmpty ? nil : row.recipients.joined(separator: ", ")) {
            metadata[LogMetadataKey.recipient] = .string(recipient)
        }
        if let attempt { metadata[LogMetadataKey.attempt] = .string(String(attempt)) }
        logger.log(level: level, "\(row.deadlineID): \(message)", metadata: event.metadata(metadata))
    }
}

/// A reminder checked and ready to claim and send.
struct PreparedSend: Sendable {
    let entry: LedgerEntry
    let channel: any Channel
    let facts: ReminderFacts
    /// When it was prepared: the claim's time and the message's "now".
    let now: Instant
    let leaseUntil: Instant
}

/// A send that has happened, whose result is still to be written.
struct FinishedSend: Sendable {
    let row: LedgerReminder
    let claim: AttemptClaim
    /// The message's subject, for the journal.
    let subject: String
    let outcome: DeliveryOutcome
    /// What follows a failure (``FailureDisposition/permanent`` for a permanent one; unused when delivered).
    let disposition: FailureDisposition
    let done: Instant
}

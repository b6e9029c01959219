package import DeadlineConfig
package import DeadlineKit
import DeadlineStore
import DeadlineSystemd
import Logging

/// `deadlinectl resend [ID] [--channel C] [--since T]`: puts reminders that failed permanently or were given up
/// back to be sent, once their cause is fixed (an expired certificate renewed, a password changed, an outage
/// over). Each row keeps its history; its `reason` says who put it back, and `retry_limit` and `retry_max_age`
/// count again from the resend. The daemon sends them at once when it runs (it is told over its control socket).
package enum ResendCommand {
    /// Returns the exit status: 0 (also when nothing matched, said so), 1 the ledger cannot be used, 2 bad arguments.
    package static func run(
        deadlineID: String?, channel: String?, since sinceText: String?, configuration: Configuration, now: Instant,
        language: Language
    ) async -> Int32 {
        let agenda = configuration.agenda
        let say = Catalog(language)
        let words = OccurrenceWords(language: language)
        let zone = agenda.settings.zone
        if let deadlineID, agenda.deadlineIndex[deadlineID] == nil {
            Console.err(
                words.unknownDeadline(
                    deadlineID, suggestion: OccurrenceCommands.closestID(deadlineID, in: agenda.deadlines.map(\.id))))
            return 2
        }
        if let channel, configuration.channels[channel] == nil {
            let hint = words.hint(Suggestions.closest(to: channel, in: configuration.channels.keys))
            Console.err(say(DeliveryText.unknownChannel, ["channel": channel, "hint": hint]))
            return 2
        }
        var since: Instant?
        if let sinceText {
            guard let moment = ConfigSession.moment(sinceText, option: "--since", zone: zone, language: language) else {
                return 2
            }
            since = moment
        }
        let user = OccurrenceCommands.unixUser()
        // Kept in the ledger in English, as the daemon's reasons are; `history` says it in the admin's language.
        let reason = Catalog(.en)(RecordedText.resent, ["user": user, "at": zone.vietnamese(now)])
        let opened: LedgerSelection.Opened
        do {
            opened = try await LedgerSelection.openForCommand(configuration)
        } catch {
            return OccurrenceCommands.fail(error, language)
        }
        let rows: [LedgerEntry]
        do {
            rows = try await opened.ledger.requeue(
                deadlineID: deadlineID, channel: channel, since: since, reason: reason, at: now)
        } catch {
            await opened.close()
            return OccurrenceCommands.fail(error, language)
        }
        await opened.close()
        guard !rows.isEmpty else {
            Console.out(say(DeliveryText.resendNothing))
            return 0
        }
        var out = say(DeliveryText.resendDone, ["count": String(rows.count)])
        for row in rows {
            let was = row.state == .failed ? say(DeliveryText.resendFailed) : say(DeliveryText.resendGivenUp)
            let detail = RecordedText.translate(row.lastError ?? row.reason ?? "", to: language)
            out += say(DeliveryText.resendLine, ["key": row.key, "state": was, "detail": detail])
        }
        Console.out(out)
        journal(rows, user: user, configuration: configuration)
        if configuration.store.sqlitePath(stateDirectory: "") != nil {
            OccurrenceCommands.notifyDaemon(configuration, language)
        }
        return 0
    }

    /// One journal entry per deadline put back, as `deadlinectl`.
    static func journal(_ rows: [LedgerEntry], user: String, configuration: Configuration) {
        guard LogEnvironment.current().journalSocketExists else { return }
        var logger = Logger(label: "deadlinectl") { _ in
            LogDestination.journal(fallback: .plain).makeHandler(identifier: "deadlinectl")
        }
        logger.logLevel = .info
        var byDeadline: [String: Int] = [:]
        for row in rows { byDeadline[row.reminder.deadlineID, default: 0] += 1 }
        for (id, count) in byDeadline.sorted(by: { $0.key < $1.key }) {
            let metadata: Logger.Metadata = [LogMetadataKey.deadlineID: .string(id), "admin_user": .string(user)]
            logger.notice(
                "\(id): \(count) failed reminder(s) put back to be sent by \(user)",
                metadata: LogEventID.reminderResent.metadata(metadata))
        }
    }
}

import DeadlineConfig
import DeadlineKit
import DeadlineStore
import DeadlineSystemd
import Logging

/// `deadlinectl resend [ID] [--channel C] [--since T]`: puts reminders that failed permanently or were given up
/// back to be sent, once their cause is fixed (an expired certificate renewed, a password changed, an outage
/// over). Each row keeps its history; its `reason` says who put it back, and `retry_limit` and `retry_max_age`
/// count again from the resend. The daemon sends them at once when it runs (it is told over its control socket).
public enum ResendCommand {
    /// Returns the exit status: 0 (also when nothing matched, said so), 1 the ledger cannot be used, 2 bad arguments.
    public static func run(
        deadlineID: String?, channel: String?, since sinceText: String?, configuration: Configuration, now: Instant
    ) async -> Int32 {
        let agenda = configuration.agenda
        let vi = agenda.settings.language == .vi
        let zone = agenda.settings.zone
        if let deadlineID, agenda.deadlineIndex[deadlineID] == nil {
            let words = OccurrenceWords(language: agenda.settings.language)
            Console.err(words.unknownDeadline(deadlineID, suggestion: OccurrenceCommands.closestID(deadlineID, in: agenda.deadlines.map(\.id))))
            return 2
        }
        if let channel, configuration.channels[channel] == nil {
            let hint = Suggestions.closest(to: channel, in: configuration.channels.keys).map {
                vi ? "; có phải ý bạn là '\($0)'?" : "; did you mean '\($0)'?"
            } ?? ""
            Console.err(
                vi
                    ? "deadlinectl: --channel: không có kênh '\(channel)'\(hint)\n"
                    : "deadlinectl: --channel: there is no channel '\(channel)'\(hint)\n")
            return 2
        }
        var since: Instant?
        if let sinceText {
            guard let moment = ConfigSession.moment(sinceText, option: "--since", zone: zone) else { return 2 }
            since = moment
        }
        let user = OccurrenceCommands.unixUser()
        let reason = "put back to be sent by \(user) (deadlinectl resend) at \(zone.vietnamese(now))"
        let opened: LedgerSelection.Opened
        do { opened = try await LedgerSelection.openForCommand(configuration) } catch { return OccurrenceCommands.fail(error) }
        let rows: [LedgerEntry]
        do {
            rows = try await opened.ledger.requeue(deadlineID: deadlineID, channel: channel, since: since, reason: reason, at: now)
        } catch {
            await opened.close()
            return OccurrenceCommands.fail(error)
        }
        await opened.close()
        guard !rows.isEmpty else {
            Console.out(
                vi
                    ? "Không có lời nhắc nào thất bại hoặc đã thôi gửi khớp điều kiện; không có gì để gửi lại.\n"
                    : "No failed or given-up reminder matches; nothing to resend.\n")
            return 0
        }
        var out = vi ? "Đã đưa \(rows.count) lời nhắc trở lại hàng gửi:\n" : "Put \(rows.count) reminder(s) back to be sent:\n"
        for row in rows {
            let was = row.state == .failed ? (vi ? "thất bại" : "failed") : (vi ? "đã thôi gửi" : "given up")
            out += "  \(row.key)  (\(was): \(row.lastError ?? row.reason ?? ""))\n"
        }
        Console.out(out)
        journal(rows, user: user, configuration: configuration)
        if configuration.store.sqlitePath(stateDirectory: "") != nil { OccurrenceCommands.notifyDaemon(configuration) }
        return 0
    }

    /// One journal entry per deadline put back, as `deadlinectl`.
    static func journal(_ rows: [LedgerEntry], user: String, configuration: Configuration) {
        guard LogEnvironment.current().journalSocketExists else { return }
        var logger = Logger(label: "deadlinectl") { _ in LogDestination.journal(fallback: .plain).makeHandler(identifier: "deadlinectl") }
        logger.logLevel = .info
        var byDeadline: [String: Int] = [:]
        for row in rows { byDeadline[row.reminder.deadlineID, default: 0] += 1 }
        for (id, count) in byDeadline.sorted(by: { $0.key < $1.key }) {
            let metadata: Logger.Metadata = [LogMetadataKey.deadlineID: .string(id), "admin_user": .string(user)]
            logger.notice("\(id): \(count) failed reminder(s) put back to be sent by \(user)", metadata: LogEventID.reminderResent.metadata(metadata))
        }
    }
}

import DeadlineConfig
import DeadlineKit
import DeadlineStore
import DeadlineWeb

/// The web side's links as a configuration sets them up: `[web]` with its key read, or why there are none.
struct WebSetup: Sendable {
    /// The links, when `[web]` is configured and its key could be read.
    let links: WebLinks?
    /// Why `[web]` is configured but gives no links (a missing or unreadable key); never holds the key.
    let problem: String?

    init(_ settings: WebSettings?) {
        guard let settings else {
            (links, problem) = (nil, nil)
            return
        }
        switch LinkKey.load(path: settings.keyFile) {
        case .success(let key):
            links = WebLinks(publicURL: settings.publicURL, key: key, linkLifetimeSeconds: settings.linkLifetimeSeconds)
            problem = nil
        case .failure(let error):
            links = nil
            problem = error.description
        }
    }
}

extension DaemonContext {
    /// The link in a reminder to one unit about one occurrence, by which it confirms the task done; nil when the web
    /// side is off, and for digests and escalations (whose readers are not the unit's desk).
    func confirmURL(for row: LedgerReminder, language: Language, at moment: Instant) -> String? {
        guard let links = web.links, [.before, .due, .overdue].contains(row.kind),
            row.deadlineID != ReminderPlanner.digestID
        else { return nil }
        return links.confirmURL(
            deadlineID: row.deadlineID, occurrence: row.occurrence, unitID: row.unit, language: language, sentAt: moment
        )
    }
}

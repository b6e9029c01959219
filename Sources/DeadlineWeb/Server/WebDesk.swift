package import DeadlineKit

/// What the site asks of the daemon: the facts behind a link, recording a confirmation, a unit's calendar, the
/// report. The daemon implements it over its configuration and ledger; the site only routes, checks tokens and
/// renders pages. Texts come already worded in the link's language (dates as the office writes them).
package protocol WebDesk: Sendable {
    /// The links in force, from the configuration now loaded; nil when `[web]` is not configured.
    var links: WebLinks? { get }

    /// Now, as the daemon's clock tells it.
    func now() -> Instant

    /// What a confirmation page shows; nil when the deadline, the occurrence or the unit's part in it is no longer
    /// in the configuration.
    func confirmation(_ link: ConfirmationLink) async -> ConfirmationView?

    /// Records that the link's unit finished the occurrence (done for that unit only), with `note`.
    func confirm(_ link: ConfirmationLink, note: String?, at moment: Instant) async -> ConfirmOutcome

    /// The unit's calendar (iCalendar text), or nil for a unit no longer in the configuration.
    func calendar(unitID: String, at moment: Instant) async -> String?

    /// The office's report page, or nil when it cannot be made now (the ledger unreachable).
    func report(at moment: Instant) async -> HTMLDocument?
}

/// The facts of one unit's part in one occurrence, worded for a page.
package struct ConfirmationView: Sendable, Hashable {
    package var task: String
    /// `5418/UBND-TKBT: Triển khai …`, if the deadline comes from a document.
    package var document: String?
    /// `17:00 Thứ Năm 10/12/2020`.
    package var due: String
    package var unitName: String
    /// When the link stops working, as a person reads it.
    package var expires: String
    /// Set when the unit's part is already marked done.
    package var confirmed: PriorConfirmation?

    package init(
        task: String, document: String?, due: String, unitName: String, expires: String, confirmed: PriorConfirmation?
    ) {
        self.task = task
        self.document = document
        self.due = due
        self.unitName = unitName
        self.expires = expires
        self.confirmed = confirmed
    }
}

/// A done mark already in the ledger: when (as a person reads it), and how or by whom, worded.
package struct PriorConfirmation: Sendable, Hashable {
    package var at: String
    package var by: String

    package init(at: String, by: String) {
        self.at = at
        self.by = by
    }
}

/// What became of a confirmation.
package enum ConfirmOutcome: Sendable, Hashable {
    /// Recorded now; the unit's reminders stop. `at` as a person reads it.
    case recorded(at: String)
    /// The unit's part was already marked done.
    case alreadyConfirmed(PriorConfirmation)
    /// The deadline, occurrence or unit is no longer in the configuration.
    case notFound
    /// The ledger could not record it now; nothing changed.
    case unavailable
}

package import DeadlineKit

/// The links deadlined hands out, under `[web] public_url`, signed with the ``LinkKey``:
///
/// - `<public_url>/xac-nhan/<token>`: a unit confirms that it finished one occurrence (in each reminder to it);
/// - `<public_url>/lich/<token>.ics`: a unit's calendar of open occurrences, to subscribe to;
/// - `<public_url>/bao-cao/<token>`: the office's completion report.
///
/// Reading a token checks its signature only; whether a confirmation link has expired is the caller's to say
/// (``ConfirmationLink/expires``), so that the page can tell an expired link from a forged one.
package struct WebLinks: Sendable {
    /// The site's address as people reach it, without a trailing `/`.
    package let publicURL: String
    let key: LinkKey
    /// How long a confirmation link works after the message that carries it was sent.
    package let linkLifetimeSeconds: Int64

    package static let confirmPath = "xac-nhan"
    package static let calendarPath = "lich"
    package static let reportPath = "bao-cao"

    package init(publicURL: String, key: LinkKey, linkLifetimeSeconds: Int64) {
        var url = publicURL
        while url.hasSuffix("/") { url.removeLast() }
        self.publicURL = url
        self.key = key
        self.linkLifetimeSeconds = linkLifetimeSeconds
    }

    /// The confirmation link for a unit's reminder about an occurrence, sent at `sentAt` in `language`.
    package func confirmURL(
        deadlineID: String, occurrence: CivilDate, unitID: String, language: Language, sentAt: Instant
    ) -> String {
        let link = ConfirmationLink(
            deadlineID: deadlineID, occurrence: occurrence, unitID: unitID, language: language,
            expires: sentAt.adding(seconds: linkLifetimeSeconds))
        return "\(publicURL)/\(Self.confirmPath)/\(LinkToken.confirmation(link, key: key))"
    }

    /// A unit's calendar feed. It does not expire; a new key revokes it.
    package func calendarURL(unitID: String) -> String {
        "\(publicURL)/\(Self.calendarPath)/\(LinkToken.calendar(unit: unitID, key: key)).ics"
    }

    /// The office's report page.
    package var reportURL: String {
        "\(publicURL)/\(Self.reportPath)/\(LinkToken.report(key: key))"
    }

    /// What a confirmation token names, if its signature holds (expired or not).
    package func confirmation(token: some StringProtocol) -> ConfirmationLink? {
        LinkToken.confirmation(from: token, key: key)
    }

    /// The unit a calendar token names, if its signature holds.
    package func calendarUnit(token: some StringProtocol) -> String? {
        LinkToken.calendarUnit(from: token, key: key)
    }

    /// Whether a token is the report's.
    package func isReportToken(_ token: some StringProtocol) -> Bool {
        LinkToken.isReport(token, key: key)
    }
}

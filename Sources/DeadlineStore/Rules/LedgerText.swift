import DeadlineKit

/// Texts the ledger stores or writes itself.
enum LedgerText {
    /// Stored server answers, errors and reasons are cut to this many characters.
    static let maximumLength = 2000

    static let interrupted =
        "no result was written: the daemon stopped during this attempt, so the message may have been sent"

    static func capped(_ text: String) -> String {
        text.count <= maximumLength ? text : String(text.prefix(maximumLength)) + "…"
    }

    static func validate(_ reminders: [LedgerReminder]) throws(StoreError) {
        for reminder in reminders {
            if reminder.key.isEmpty {
                throw StoreError(.invalidInput, "a reminder of '\(reminder.deadlineID)' has an empty key")
            }
            if let bad = reminder.recipients.first(where: { $0.contains("\n") || $0.contains("\r") || $0.isEmpty }) {
                throw StoreError(
                    .invalidInput, "reminder '\(reminder.key)': the recipient '\(bad)' is empty or has a line break")
            }
        }
    }

    static func validate(user: String) throws(StoreError) {
        if user.isEmpty { throw StoreError(.invalidInput, "the user name is empty; the audit log needs one") }
    }

    static func validate(user: String, units: [String]) throws(StoreError) {
        try validate(user: user)
        if units.isEmpty { throw StoreError(.invalidInput, "no unit is named; mark at least one") }
        if units.contains(where: \.isEmpty) { throw StoreError(.invalidInput, "a unit id is empty") }
    }

    /// Why a unit's open rows were skipped by `done`.
    static func doneReason(_ id: OccurrenceID, unit: String, by user: String) -> String {
        "\(id) was marked done for \(unit) by \(user)"
    }

    static func snoozeReason(_ id: OccurrenceID, unit: String, until: Instant, by user: String) -> String {
        "\(id) was snoozed for \(unit) until \(until.utcText) by \(user)"
    }

    static func notDone(_ id: OccurrenceID, units: [String]) -> String {
        "\(id) is not marked done for \(units.joined(separator: ", ")); there is nothing to undo"
    }

    /// Why a result write changed nothing: another attempt owns the row now.
    static func fenced(_ claim: AttemptClaim, standing: RowStanding) -> StoreError {
        let now =
            standing.state == .sending
            ? ", now attempt \(standing.attempts) by \(standing.claimedBy ?? "another instance")" : ""
        return StoreError(
            .fenced,
            "the result of attempt \(claim.attempt) of reminder '\(claim.key)' was not recorded: the reminder is "
                + "\(standing.state.rawValue)\(now); the claim's lease ended at \(claim.leaseUntil.utcText)")
    }

    static func noSuchReminder(_ key: String, in location: String) -> StoreError {
        StoreError(.notFound, "no reminder '\(key)' in the ledger \(location)")
    }

    /// 128 random bits in hex.
    static func newClaimToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}

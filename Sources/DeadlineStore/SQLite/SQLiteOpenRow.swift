import DeadlineKit
import GRDB

/// The part of a reminder row that decides whether it may be claimed, read inside the write transaction that
/// claims it.
struct OpenRow {
    let key: String
    let state: ReminderState
    let attempts: Int
    let nextAttemptAt: Instant?
    let claimedBy: String?
    let path: String

    static func fetch(_ db: Database, key: String, path: String) throws -> OpenRow {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT state, attempts, next_attempt_at, claimed_by FROM reminders WHERE reminder_key = ?",
                arguments: [key])
        else {
            throw StoreError(.notFound, "no reminder '\(key)' in the ledger \(path)")
        }
        return OpenRow(
            key: key, state: try SQLiteRows.enumValue(row.decode(forColumn: "state"), path: path),
            attempts: try row.decode(forColumn: "attempts"),
            nextAttemptAt: try SQLiteRows.optionalInstant(row, "next_attempt_at"),
            claimedBy: try row.decode(forColumn: "claimed_by"), path: path)
    }

    /// Pending; retry whose time has come; sending whose lease has run out (or that has no lease).
    func requireClaimable(at now: Instant, action: String) throws {
        switch state {
        case .pending:
            return
        case .retry, .sending:
            guard let next = nextAttemptAt, next > now else { return }
            let why =
                state == .retry
                ? "its next attempt is not due until \(next.utcText)"
                : "\(claimedBy ?? "another instance") is sending it (lease until \(next.utcText))"
            throw StoreError(.notClaimable, "reminder '\(key)' \(action): \(why)")
        case .sent, .failed, .givenUp, .skipped:
            throw StoreError(.notClaimable, "reminder '\(key)' \(action): it is already \(state.rawValue)")
        }
    }

    /// Closes an attempt that a crash left open: its result is unknown.
    static func markInterrupted(_ db: Database, key: String, at now: Instant) throws {
        try db.execute(
            sql: """
                UPDATE attempts SET finished_at = ?, outcome = 'interrupted', detail = ?
                WHERE reminder_key = ? AND finished_at IS NULL
                """,
            arguments: [now.secondsSinceEpoch, LedgerText.interrupted, key])
    }

    /// Why a fenced result write changed nothing.
    static func fencingError(_ db: Database, claim: AttemptClaim, path: String) throws -> StoreError {
        let row = try fetch(db, key: claim.key, path: path)
        let now = row.state == .sending ? ", now attempt \(row.attempts) by \(row.claimedBy ?? "another instance")" : ""
        return StoreError(
            .fenced,
            "the result of attempt \(claim.attempt) of reminder '\(claim.key)' was not recorded: the reminder is "
                + "\(row.state.rawValue)\(now); the claim's lease ended at \(claim.leaseUntil.utcText)")
    }
}

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

    /// 128 random bits in hex.
    static func newClaimToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}

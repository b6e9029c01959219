import DeadlineKit

/// One result row, read by position: what both backends' rows offer, so that rows become values in one place
/// (``LedgerRows``). A value the schema's CHECKs should have kept out (an unknown state, a malformed date) is
/// ``StoreError/Code/corrupt``, naming the ledger's location.
protocol LedgerCells {
    /// Where the ledger is, for messages: a file path or a `postgresql://` address.
    var location: String { get }
    func text(_ index: Int) throws -> String
    func optionalText(_ index: Int) throws -> String?
    func int64(_ index: Int) throws -> Int64
    func optionalInt64(_ index: Int) throws -> Int64?
}

extension LedgerCells {
    func int(_ index: Int) throws -> Int { Int(truncatingIfNeeded: try int64(index)) }
    func instant(_ index: Int) throws -> Instant { Instant(secondsSinceEpoch: try int64(index)) }
    func optionalInstant(_ index: Int) throws -> Instant? {
        try optionalInt64(index).map(Instant.init(secondsSinceEpoch:))
    }

    func enumValue<Value: RawRepresentable>(_ index: Int) throws -> Value where Value.RawValue == String {
        try LedgerRows.enumValue(text(index), location: location)
    }

    func date(_ index: Int) throws -> CivilDate { try LedgerRows.date(text(index), location: location) }
}

/// Rows into values, for both backends; each select list names its columns in the order read.
enum LedgerRows {
    static let entryColumns = """
        reminder_key, deadline_id, occurrence, rule, kind, unit, channel, recipients, due_at, send_at, state, \
        attempts, next_attempt_at, last_error, reason, response, sent_at, claimed_by, created_at, updated_at, \
        requeued_at, requeued_after
        """

    static func entry(_ c: some LedgerCells) throws -> LedgerEntry {
        let recipients = try c.text(7)
        let reminder = LedgerReminder(
            key: try c.text(0), deadlineID: try c.text(1), occurrence: try c.date(2), rule: try c.text(3),
            kind: try c.enumValue(4), unit: try c.text(5), channel: try c.text(6),
            recipients: recipients.isEmpty ? [] : recipients.split(separator: "\n").map(String.init),
            due: try c.instant(8), sendAt: try c.instant(9))
        return LedgerEntry(
            reminder: reminder, state: try c.enumValue(10), attempts: try c.int(11),
            nextAttemptAt: try c.optionalInstant(12),
            lastError: try c.optionalText(13), reason: try c.optionalText(14), response: try c.optionalText(15),
            sentAt: try c.optionalInstant(16), claimedBy: try c.optionalText(17), createdAt: try c.instant(18),
            updatedAt: try c.instant(19), requeuedAt: try c.optionalInstant(20), requeuedAfter: try c.int(21))
    }

    static let attemptColumns = "reminder_key, attempt, owner, started_at, finished_at, outcome, detail"

    static func attempt(_ c: some LedgerCells) throws -> (key: String, record: AttemptRecord) {
        let outcome = try c.optionalText(5)
        let record = AttemptRecord(
            number: try c.int(1), owner: try c.text(2), startedAt: try c.instant(3),
            finishedAt: try c.optionalInstant(4),
            outcome: try outcome.map { try enumValue($0, location: c.location) }, detail: try c.optionalText(6))
        return (try c.text(0), record)
    }

    static let eventColumns = "sequence, deadline_id, occurrence, action, actor, note, snoozed_until, happened_at, unit"

    static func event(_ c: some LedgerCells) throws -> OccurrenceEvent {
        OccurrenceEvent(
            sequence: try c.int64(0), occurrence: OccurrenceID(deadlineID: try c.text(1), date: try c.date(2)),
            unit: try c.text(8), action: try c.enumValue(3), user: try c.text(4), note: try c.optionalText(5),
            snoozedUntil: try c.optionalInstant(6), at: try c.instant(7))
    }

    static let instanceColumns =
        "instance_id, host, pid, started_at, heartbeat_at, config_loaded_at, config_summary, status"

    static func instance(_ c: some LedgerCells) throws -> InstanceRecord {
        InstanceRecord(
            instanceID: try c.text(0), host: try c.text(1), pid: Int32(truncatingIfNeeded: try c.int64(2)),
            startedAt: try c.instant(3), heartbeatAt: try c.instant(4), configLoadedAt: try c.optionalInstant(5),
            configSummary: try c.text(6), status: try c.text(7))
    }

    static let markColumns = "unit, done_at, done_by, done_note, snoozed_until, snoozed_by"

    static func mark(_ c: some LedgerCells) throws -> UnitMark {
        UnitMark(
            unit: try c.text(0), doneAt: try c.optionalInstant(1), doneBy: try c.optionalText(2),
            doneNote: try c.optionalText(3), snoozedUntil: try c.optionalInstant(4), snoozedBy: try c.optionalText(5))
    }

    static let plannerStateColumns = "deadline_id, occurrence, unit, done_at, snoozed_until"

    /// Adds one `occurrence_units` row (``plannerStateColumns``) to a planner state.
    static func addMark(_ c: some LedgerCells, to state: inout PlannerState) throws {
        let id = OccurrenceID(deadlineID: try c.text(0), date: try c.date(1))
        let unit = try c.text(2)
        if let done = try c.optionalInstant(3) { state.markDone(id, unit: unit, at: done) }
        if let until = try c.optionalInstant(4) { state.snooze(id, unit: unit, until: until) }
    }

    static func enumValue<Value: RawRepresentable>(_ text: String, location: String) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: text) else {
            throw StoreError(.corrupt, "\(location) holds '\(text)' where a \(Value.self) was expected; is it damaged?")
        }
        return value
    }

    /// `2020-12-10` -> the date.
    static func date(_ text: String, location: String) throws -> CivilDate {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            let date = CivilDate(year: year, month: month, day: day)
        else {
            throw StoreError(.corrupt, "\(location) holds '\(text)' where a date (YYYY-MM-DD) was expected")
        }
        return date
    }
}

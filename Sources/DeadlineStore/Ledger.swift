package import DeadlineKit

/// The durable ledger behind the daemon: what was planned, sent, failed; which occurrences are done or snoozed;
/// which daemons run. One protocol, two backends: ``SQLiteLedger`` (one daemon, the default) and
/// ``PostgresLedger`` (a ``SharedLedger`` for two or more daemons); both pass the same conformance tests.
///
/// Every method throws ``StoreError`` only. Times are ``Instant``s passed in by the caller (the ledger reads no
/// clock for its data), stored as whole Unix seconds.
///
/// ## Outbox: the daemon writes its intent before sending and the result after
///
/// 1. ``recordDue(_:at:)`` when a reminder's send time has come (state `pending`);
/// 2. ``readyToSend(at:limit:)`` lists what to send; for each, ``beginAttempt(key:owner:leaseUntil:at:)`` claims
///    it (state `sending`, attempts + 1) and returns an ``AttemptClaim``;
/// 3. the channel sends;
/// 4. ``recordSent(_:response:at:)`` or ``recordFailure(_:error:disposition:at:)`` with the claim.
///
/// ``commit(_:)`` makes the writes of steps 2 and 4 for many sends at once, in one transaction.
///
/// After `kill -9` or a power loss at any moment nothing is lost, and nothing is sent twice except in one window:
/// **between a server accepting the message and step 4 being written.** A crash there leaves the row in `sending`;
/// once its lease (`leaseUntil`) has run out the row is ready again and is sent a second time. The earlier
/// attempt then shows as ``AttemptOutcome/interrupted``. No ledger can close that window, because the server's
/// acceptance and the ledger's commit are two systems; keep the lease short (the channel's timeout plus a margin)
/// so that the repeat comes soon after a restart.
///
/// ## Fencing
///
/// A claim holds the row until `leaseUntil`. After that another instance (several daemons on one PostgreSQL
/// database) may claim the row again; the first instance's late result is then refused with
/// ``StoreError/Code/fenced`` rather than overwriting the newer attempt. On a ``SharedLedger`` the daemon keeps
/// short leases and renews them while it sends (``SharedLedger/renewLeases(_:until:at:)``).
package protocol Ledger: Sendable {
    /// Records reminders whose send time has come (state `pending`), in one transaction. Idempotent: keys
    /// already recorded, in any state, are left alone. Returns the keys that were new.
    func recordDue(_ reminders: [LedgerReminder], at now: Instant) async throws(StoreError) -> Set<String>

    /// Records reminders that will never be sent because they are too old (the `catch_up` window passed while
    /// the daemon was down): state `skipped` with `reason`. Idempotent like ``recordDue(_:at:)``.
    func recordSkipped(
        _ reminders: [LedgerReminder], reason: String, at now: Instant
    ) async throws(StoreError) -> Set<String>

    /// Which of these keys are recorded, in any state.
    func knownKeys(_ keys: [String]) async throws(StoreError) -> Set<String>

    /// Rows to send now, oldest send time first, at most `limit`: `pending`; `retry` whose next attempt has come;
    /// `sending` whose claim's lease has run out (left by a crash).
    func readyToSend(at now: Instant, limit: Int) async throws(StoreError) -> [LedgerEntry]

    /// Writes the intent to send: state `sending`, attempts + 1, an attempt record started, the row claimed by
    /// `owner` until `leaseUntil`. Throws ``StoreError/Code/notClaimable`` when the row is not ready (final,
    /// claimed by someone else, retry not yet due) and ``StoreError/Code/notFound`` for an unknown key.
    func beginAttempt(
        key: String, owner: String, leaseUntil: Instant, at now: Instant
    ) async throws(StoreError) -> AttemptClaim

    /// Writes that a server accepted the message: state `sent`, with the server's answer. Fenced by the claim.
    func recordSent(_ claim: AttemptClaim, response: String, at now: Instant) async throws(StoreError)

    /// Writes that an attempt failed and what follows (retry, failed, given up). Fenced by the claim.
    func recordFailure(
        _ claim: AttemptClaim, error: String, disposition: FailureDisposition, at now: Instant
    ) async throws(StoreError)

    /// Several claims and results in one transaction and one commit (one `fsync`): the intents of sends about to
    /// start and the results of sends that have finished, group-committed. Each write is decided on its own, by
    /// the same rules as the single-write methods (a claim on a row that is not claimable is
    /// ``OutboxWriteResult/refused(_:)``, the others go on); they share the commit, so every write of the batch is
    /// durable when this returns. Results come in the order of `writes`. Throws when the transaction itself
    /// fails: then none of the batch is written.
    ///
    /// The guarantees are those of the single writes: a claim is durable before its send starts, a result before
    /// it is reported. A crash before the commit loses the batch's claims (their sends had not started) and
    /// results (their messages may arrive twice, as after a crash between ``recordSent(_:response:at:)`` and a
    /// send); so a caller batches only the claims of sends it starts at once, and the results it has.
    func commit(_ writes: [OutboxWrite]) async throws(StoreError) -> [OutboxWriteResult]

    /// Gives up a reminder that is not being sent (pending, retry, or sending with an expired lease), e.g. a
    /// retry that has waited past `retry_max_age`. Throws ``StoreError/Code/notClaimable`` if it is final or
    /// claimed.
    func recordGivenUp(key: String, reason: String, at now: Instant) async throws(StoreError)

    /// Sets aside a reminder that is not being sent and need not be (its unit finished meanwhile, a later reminder
    /// of the same occurrence supersedes it): state `skipped` with `reason`. Throws
    /// ``StoreError/Code/notClaimable`` if it is final or claimed.
    func recordSkipped(key: String, reason: String, at now: Instant) async throws(StoreError)

    /// Ends at once the leases of `sending` rows claimed by anyone but `owner`, so that what a crashed daemon left
    /// half-sent is sent again without waiting for its lease. Only for a ledger that one daemon uses at a time
    /// (SQLite, behind the daemon's lock on its state directory): with several live instances it would let two of
    /// them send the same reminder. Returns how many rows were released.
    func releaseClaims(notOwnedBy owner: String, at now: Instant) async throws(StoreError) -> Int

    /// Forgets `skipped` rows never attempted that were set aside after `decidedAfter`: after the clock went back
    /// (set ahead by mistake, then corrected), what the wrong clock skipped as too old or superseded is planned
    /// again, and sent when its time really comes (within `catch_up`). Returns how many rows were forgotten.
    func forgetSkipped(decidedAfter: Instant) async throws(StoreError) -> Int

    /// Puts reminders that failed permanently or were given up back to be sent (`deadlinectl resend`), once their
    /// cause is fixed: state `pending`, with `reason` saying who did it; `retry_limit` and `retry_max_age` count
    /// again from `now`. Only rows in `failed` or `given_up`, of `deadlineID` and `channel` when given, that
    /// changed at or after `since` when given. Returns the rows put back.
    func requeue(
        deadlineID: String?, channel: String?, since: Instant?, reason: String, at now: Instant
    ) async throws(StoreError)
        -> [LedgerEntry]

    /// The earliest moment a `retry` row becomes due or a `sending` row's lease runs out: the scheduler's next
    /// wake-up for the outbox. `pending` rows are ready at once and not counted. `nil` when there is none.
    func nextRetry() async throws(StoreError) -> Instant?

    /// Marks `units` of an occurrence done (`deadlinectl done ID [--unit U]`): the planner stops their reminders,
    /// and their `pending` and `retry` rows become `skipped`. A unit already done keeps its first mark, and is
    /// returned with it so that the admin can be told when and by whom. Logged in the audit log (an event per
    /// unit newly marked) and counted by ``changeCounter()``.
    func markDone(
        _ id: OccurrenceID, units: [String], by user: String, note: String?, at now: Instant
    ) async throws(StoreError)
        -> [UnitMark]

    /// Takes back `done` for `units`. A mark for every unit (``PlannerState/everyUnit``, written by deadlined
    /// before per-unit completion) is split: the other units of `allUnits` keep it. Throws
    /// ``StoreError/Code/notFound`` when none of `units` is marked done. Rows skipped by the `done` stay skipped;
    /// later reminders are planned again. Logged and counted.
    func markUndone(
        _ id: OccurrenceID, units: [String], allUnits: [String], by user: String, note: String?, at now: Instant
    ) async throws(StoreError)

    /// Pauses `units`' reminders for an occurrence until `until` (a moment at or before `now` ends a snooze):
    /// reminders with a send time before `until` are not sent, and their `pending` and `retry` rows with such a
    /// send time become `skipped`. Logged and counted.
    func snooze(
        _ id: OccurrenceID, units: [String], until: Instant, by user: String, note: String?, at now: Instant
    ) async throws(StoreError)

    /// The done marks and snoozes of one occurrence, one per unit, with who and when.
    func unitMarks(_ id: OccurrenceID) async throws(StoreError) -> [UnitMark]

    /// Which units finished which occurrences, and snoozes, for the planner.
    func plannerState() async throws(StoreError) -> PlannerState

    /// A deadline's rows, by send time, each with its attempt log.
    func entries(deadlineID: String) async throws(StoreError) -> [LedgerEntry]

    /// Rows in any of `states` (all states when empty) changed at or after `since`, most recently changed first,
    /// at most `limit`; without attempt logs.
    func entries(states: Set<ReminderState>, since: Instant?, limit: Int) async throws(StoreError) -> [LedgerEntry]

    /// The audit log of done, undone and snooze (one event per unit), oldest first; one deadline's, or all when `nil`.
    func occurrenceEvents(deadlineID: String?) async throws(StoreError) -> [OccurrenceEvent]

    /// Writes the instance's row (insert or replace). Also forgets instances silent for more than 30 days.
    func heartbeat(_ instance: InstanceRecord) async throws(StoreError)

    /// Known instances, latest heartbeat first.
    func instances() async throws(StoreError) -> [InstanceRecord]

    /// A small stored value, e.g. the scan watermark; `nil` when unset.
    func meta(_ key: String) async throws(StoreError) -> String?

    /// Stores a small value.
    func setMeta(_ key: String, _ value: String) async throws(StoreError)

    /// A counter that every done, undone and snooze increases, in the same transaction. A running daemon reads
    /// it cheaply to notice an admin's change and re-plan.
    func changeCounter() async throws(StoreError) -> Int64
}

extension Ledger {
    /// The writes one at a time, each in its own transaction, for ledgers that add behaviour around the single
    /// writes (the daemon's view of a shared ledger keeps leases alive and retries results); the backends commit a
    /// batch at once. Never throws: a write that fails is ``OutboxWriteResult/refused(_:)`` with its error, whatever
    /// it is, and the writes before it stay written.
    package func commitOneByOne(_ writes: [OutboxWrite]) async -> [OutboxWriteResult] {
        var results: [OutboxWriteResult] = []
        results.reserveCapacity(writes.count)
        for write in writes {
            do {
                switch write {
                case .claim(let key, let owner, let leaseUntil, let now):
                    results.append(
                        .claimed(try await beginAttempt(key: key, owner: owner, leaseUntil: leaseUntil, at: now)))
                case .sent(let claim, let response, let now):
                    try await recordSent(claim, response: response, at: now)
                    results.append(.recorded)
                case .failure(let claim, let error, let disposition, let now):
                    try await recordFailure(claim, error: error, disposition: disposition, at: now)
                    results.append(.recorded)
                }
            } catch {
                results.append(.refused(error))
            }
        }
        return results
    }
}

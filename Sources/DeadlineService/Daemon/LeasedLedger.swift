import DeadlineKit
import DeadlineStore
import Logging
import Synchronization

/// The daemon's view of a shared ledger (PostgreSQL): every call goes through, but the claims this daemon holds
/// are kept alive while it sends, and their results are written even across a short database outage.
///
/// - A claim's lease is at most `[store] lease` (30 s), not the whole send timeout the scheduler asks for, so that
///   when this daemon dies another takes its reminders over soon; ``keepAlive(clock:)`` renews every claim in
///   flight every third of the lease, so a slow but live send keeps its claim.
/// - A claim that another daemon took over (this one was paused, SIGSTOP or a frozen VM, past its lease) is
///   dropped and logged; its result write is then refused by the ledger (fenced).
/// - A result write that fails because the database cannot be reached is tried again, for up to
///   ``resultPatienceSeconds``: the message went out, and writing that down is what keeps it from going out again.
///
/// SQLite ledgers are used directly: one daemon owns them, and its leases cover the whole send.
final class LeasedLedger: Ledger {
    let base: any SharedLedger
    let leaseSeconds: Int64
    let logger: Logger
    /// Claims begun and not yet finished, by key.
    private let held = Mutex<[String: AttemptClaim]>([:])

    /// How long a result write is retried while the database cannot be reached: well below systemd's watchdog
    /// interval (3 min), which the scheduler loop must keep feeding.
    static let resultPatienceSeconds = 60

    init(base: any SharedLedger, leaseSeconds: Int64, logger: Logger) {
        self.base = base
        self.leaseSeconds = leaseSeconds
        self.logger = logger
    }

    /// The claims in flight, for the renewer and tests.
    var claimsInFlight: [AttemptClaim] { held.withLock { Array($0.values) } }

    // MARK: Claims

    /// One write at a time through ``beginAttempt(key:owner:leaseUntil:at:)`` and the result writes, so that each
    /// keeps this type's short leases, renewal and retries.
    func commit(_ writes: [OutboxWrite]) async throws(StoreError) -> [OutboxWriteResult] {
        await commitOneByOne(writes)
    }

    func beginAttempt(
        key: String, owner: String, leaseUntil: Instant, at now: Instant
    ) async throws(StoreError) -> AttemptClaim {
        let lease = min(leaseUntil, now.adding(seconds: leaseSeconds))
        let claim = try await base.beginAttempt(key: key, owner: owner, leaseUntil: lease, at: now)
        held.withLock { $0[key] = claim }
        return claim
    }

    func recordSent(_ claim: AttemptClaim, response: String, at now: Instant) async throws(StoreError) {
        try await finish(claim) { () async throws(StoreError) in
            try await self.base.recordSent(claim, response: response, at: now)
        }
    }

    func recordFailure(
        _ claim: AttemptClaim, error: String, disposition: FailureDisposition, at now: Instant
    ) async throws(StoreError) {
        try await finish(claim) { () async throws(StoreError) in
            try await self.base.recordFailure(claim, error: error, disposition: disposition, at: now)
        }
    }

    /// Stops renewing the claim, then writes its result, retrying while the database is unreachable. A retry
    /// refused as fenced after a write whose answer was lost checks whether that write had landed.
    private func finish(
        _ claim: AttemptClaim, _ write: @Sendable () async throws(StoreError) -> Void
    ) async throws(StoreError) {
        _ = held.withLock { $0.removeValue(forKey: claim.key) }
        var unanswered = false
        for attempt in 0...Self.resultPatienceSeconds {
            do {
                try await write()
                if attempt > 0 { logger.notice("the result for \(claim.key) was written after the database came back") }
                return
            } catch {
                if error.code == .unavailable && attempt < Self.resultPatienceSeconds {
                    if attempt == 0 {
                        logger.warning(
                            "cannot write the result for \(claim.key) yet: \(error); trying again for up to \(Self.resultPatienceSeconds) s"
                        )
                    }
                    unanswered = true
                    try? await Task.sleep(for: .seconds(1))
                } else if error.code == .fenced && unanswered {
                    if try await landed(claim) { return }
                    throw error
                } else {
                    throw error
                }
            }
        }
    }

    /// Whether this claim's attempt has a result in the ledger (an earlier write committed, its answer lost).
    private func landed(_ claim: AttemptClaim) async throws(StoreError) -> Bool {
        let deadlineID = String(claim.key.prefix { $0 != "|" })
        let entry = try await base.entries(deadlineID: deadlineID).first { $0.key == claim.key }
        let record = entry?.attemptLog?.first { $0.number == claim.attempt }
        return record?.owner == claim.owner && record?.outcome != nil && record?.outcome != .interrupted
    }

    /// Renews every claim in flight now; logs and drops those another daemon took over.
    func renewAll(at now: Instant) async {
        let claims = claimsInFlight
        guard !claims.isEmpty else { return }
        do {
            let kept = try await base.renewLeases(claims, until: now.adding(seconds: leaseSeconds), at: now)
            for claim in claims where !kept.contains(claim.key) {
                // Still held: its result was not written by us meanwhile, so another daemon has the row.
                guard held.withLock({ $0.removeValue(forKey: claim.key) }) != nil else { continue }
                logger.warning(
                    "another instance took over reminder \(claim.key) after this instance's lease ran out; this instance's result for it will not be recorded"
                )
            }
        } catch {
            logger.warning("cannot renew the leases of \(claims.count) reminder(s) in flight: \(error)")
        }
    }

    /// Renews the claims in flight every third of the lease, until the task is cancelled.
    func keepAlive(clock: DaemonClock) async {
        let interval = Duration.milliseconds(max(1000, leaseSeconds * 1000 / 3))
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            if Task.isCancelled { return }
            await renewAll(at: clock.now())
        }
    }

    // MARK: Everything else goes straight through

    func recordDue(_ reminders: [LedgerReminder], at now: Instant) async throws(StoreError) -> Set<String> {
        try await base.recordDue(reminders, at: now)
    }

    func recordSkipped(
        _ reminders: [LedgerReminder], reason: String, at now: Instant
    ) async throws(StoreError) -> Set<String> {
        try await base.recordSkipped(reminders, reason: reason, at: now)
    }

    func knownKeys(_ keys: [String]) async throws(StoreError) -> Set<String> { try await base.knownKeys(keys) }

    func readyToSend(at now: Instant, limit: Int) async throws(StoreError) -> [LedgerEntry] {
        try await base.readyToSend(at: now, limit: limit)
    }

    func recordGivenUp(key: String, reason: String, at now: Instant) async throws(StoreError) {
        try await base.recordGivenUp(key: key, reason: reason, at: now)
    }

    func recordSkipped(key: String, reason: String, at now: Instant) async throws(StoreError) {
        try await base.recordSkipped(key: key, reason: reason, at: now)
    }

    func releaseClaims(notOwnedBy owner: String, at now: Instant) async throws(StoreError) -> Int {
        try await base.releaseClaims(notOwnedBy: owner, at: now)
    }

    func nextRetry() async throws(StoreError) -> Instant? { try await base.nextRetry() }

    func forgetSkipped(decidedAfter: Instant) async throws(StoreError) -> Int {
        try await base.forgetSkipped(decidedAfter: decidedAfter)
    }

    func requeue(
        deadlineID: String?, channel: String?, since: Instant?, reason: String, at now: Instant
    ) async throws(StoreError)
        -> [LedgerEntry]
    {
        try await base.requeue(deadlineID: deadlineID, channel: channel, since: since, reason: reason, at: now)
    }

    func markDone(
        _ id: OccurrenceID, units: [String], by user: String, note: String?, at now: Instant
    ) async throws(StoreError)
        -> [UnitMark]
    {
        try await base.markDone(id, units: units, by: user, note: note, at: now)
    }

    func markUndone(
        _ id: OccurrenceID, units: [String], allUnits: [String], by user: String, note: String?, at now: Instant
    ) async throws(StoreError) {
        try await base.markUndone(id, units: units, allUnits: allUnits, by: user, note: note, at: now)
    }

    func snooze(
        _ id: OccurrenceID, units: [String], until: Instant, by user: String, note: String?, at now: Instant
    ) async throws(StoreError) {
        try await base.snooze(id, units: units, until: until, by: user, note: note, at: now)
    }

    func unitMarks(_ id: OccurrenceID) async throws(StoreError) -> [UnitMark] { try await base.unitMarks(id) }

    func plannerState() async throws(StoreError) -> PlannerState { try await base.plannerState() }

    func entries(deadlineID: String) async throws(StoreError) -> [LedgerEntry] {
        try await base.entries(deadlineID: deadlineID)
    }

    func entries(states: Set<ReminderState>, since: Instant?, limit: Int) async throws(StoreError) -> [LedgerEntry] {
        try await base.entries(states: states, since: since, limit: limit)
    }

    func occurrenceEvents(deadlineID: String?) async throws(StoreError) -> [OccurrenceEvent] {
        try await base.occurrenceEvents(deadlineID: deadlineID)
    }

    func heartbeat(_ instance: InstanceRecord) async throws(StoreError) { try await base.heartbeat(instance) }

    func instances() async throws(StoreError) -> [InstanceRecord] { try await base.instances() }

    func meta(_ key: String) async throws(StoreError) -> String? { try await base.meta(key) }

    func setMeta(_ key: String, _ value: String) async throws(StoreError) { try await base.setMeta(key, value) }

    func changeCounter() async throws(StoreError) -> Int64 { try await base.changeCounter() }
}

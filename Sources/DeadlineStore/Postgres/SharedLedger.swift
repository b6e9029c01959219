package import DeadlineKit

/// A ``Ledger`` that several live daemons share at once, on several hosts (``PostgresLedger``): besides the
/// outbox, it keeps the claims of a send in flight alive, tells each daemon what the others changed, and counts
/// what each instance holds and sent.
///
/// SQLite is not one: a daemon owns its SQLite ledger alone, behind its lock on the state directory.
package protocol SharedLedger: Ledger {
    /// Extends the leases of claims that are still this caller's (same key and token, still `sending`) to `until`,
    /// shorter or longer. Returns the keys still held; a claim missing from the answer was taken over by another
    /// instance after its lease ran out (or its result was written), and its result will be refused as
    /// ``StoreError/Code/fenced``.
    func renewLeases(_ claims: [AttemptClaim], until: Instant, at now: Instant) async throws(StoreError) -> Set<String>

    /// For each known instance: the leases it holds now and the reminders it sent, for `deadlinectl status`.
    func instanceActivity(at now: Instant) async throws(StoreError) -> [InstanceActivity]

    /// Listens for the changes other daemons and `deadlinectl` announce, calling `onChange` for each, until the
    /// calling task is cancelled. Reconnects by itself with backoff after the connection breaks, logs it, and then
    /// reports ``LedgerChange/resynchronize``: changes made meanwhile were not heard.
    func watchChanges(_ onChange: @escaping @Sendable (LedgerChange) async -> Void) async

    /// Ends the connections; later calls fail.
    func close() async
}

/// What one instance holds and did, as `deadlinectl status` shows it.
package struct InstanceActivity: Sendable, Hashable {
    /// The instance's id, as in ``InstanceRecord/instanceID``.
    package var instanceID: String
    /// Reminders it is sending now: `sending`, claimed by it, the lease not yet run out.
    package var leasesHeld: Int
    /// Reminders a server accepted from it.
    package var remindersSent: Int
    /// The last of them (at most ``recentLimit``), latest first.
    package var lastSent: [SentReminder]

    /// How many of an instance's latest sends ``lastSent`` keeps.
    package static let recentLimit = 5

    /// Activity from plain values.
    package init(instanceID: String, leasesHeld: Int, remindersSent: Int, lastSent: [SentReminder] = []) {
        self.instanceID = instanceID
        self.leasesHeld = leasesHeld
        self.remindersSent = remindersSent
        self.lastSent = lastSent
    }
}

/// One reminder a server accepted, and when its result was written down.
package struct SentReminder: Sendable, Hashable {
    /// The reminder's key, as in ``LedgerEntry/key``.
    package var key: String
    /// When the ledger recorded it sent.
    package var sentAt: Instant

    /// A sent reminder from plain values.
    package init(key: String, sentAt: Instant) {
        self.key = key
        self.sentAt = sentAt
    }
}

/// A change announced on a shared ledger (PostgreSQL `NOTIFY` on the channel ``channel``), heard by every daemon
/// on it.
package enum LedgerChange: Sendable, Hashable {
    /// An occurrence was marked done or undone, or snoozed (`deadlinectl done`, from any host): plan again.
    case occurrencesChanged
    /// An instance loaded a new configuration (start or reload), with its summary.
    case configurationLoaded(instanceID: String, summary: String)
    /// An instance claimed a reminder whose previous claim's lease had run out.
    case leaseTakenOver(key: String, from: String?, by: String)
    /// The connection that listens was (re)opened: what changed while it was down was not heard; re-examine
    /// everything.
    case resynchronize

    /// The `NOTIFY` channel.
    package static let channel = "deadlined"

    /// The payload sent with `NOTIFY`: fields separated by tabs (PostgreSQL allows up to 8000 bytes).
    var payload: String {
        switch self {
        case .occurrencesChanged: "changed"
        case .configurationLoaded(let instance, let summary): "loaded\t\(instance)\t\(summary)"
        case .leaseTakenOver(let key, let from, let by): "takeover\t\(key)\t\(from ?? "")\t\(by)"
        case .resynchronize: "resynchronize"
        }
    }

    /// The change a payload announces; `nil` for one this version does not know (from a newer deadlined).
    init?(payload: String) {
        let fields = payload.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        switch (fields.first, fields.count) {
        case ("changed", _): self = .occurrencesChanged
        case ("loaded", 3): self = .configurationLoaded(instanceID: fields[1], summary: fields[2])
        case ("takeover", 4):
            self = .leaseTakenOver(key: fields[1], from: fields[2].isEmpty ? nil : fields[2], by: fields[3])
        case ("resynchronize", _): self = .resynchronize
        default: return nil
        }
    }
}

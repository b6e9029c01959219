package import DeadlineKit

/// A running (or past) daemon, as it last reported itself with ``Ledger/heartbeat(_:)``. Shown by
/// `deadlinectl status`, which warns when two instances are alive or the heartbeat is stale.
package struct InstanceRecord: Sendable, Hashable {
    /// Unique per daemon start, e.g. a random id; also the owner of its claims.
    package var instanceID: String
    /// The host name.
    package var host: String
    /// The process id.
    package var pid: Int32
    /// When the daemon started.
    package var startedAt: Instant
    /// The latest heartbeat.
    package var heartbeatAt: Instant
    /// When the configuration in use was loaded (start or SIGHUP).
    package var configLoadedAt: Instant?
    /// A one-line summary of that configuration, e.g. `2 documents, 8 deadlines, 14 units, 1 channel`.
    package var configSummary: String
    /// A one-line status, e.g. `running; next wake-up 2020-12-03T08:00+07:00` or `stopped`.
    package var status: String

    /// A record from plain values.
    package init(
        instanceID: String, host: String, pid: Int32, startedAt: Instant, heartbeatAt: Instant,
        configLoadedAt: Instant?, configSummary: String, status: String
    ) {
        self.instanceID = instanceID
        self.host = host
        self.pid = pid
        self.startedAt = startedAt
        self.heartbeatAt = heartbeatAt
        self.configLoadedAt = configLoadedAt
        self.configSummary = configSummary
        self.status = status
    }
}

import DeadlineKit

/// A running (or past) daemon, as it last reported itself with ``Ledger/heartbeat(_:)``. Shown by
/// `deadlinectl status`, which warns when two instances are alive or the heartbeat is stale.
public struct InstanceRecord: Sendable, Hashable {
    /// Unique per daemon start, e.g. a random id; also the owner of its claims.
    public var instanceID: String
    /// The host name.
    public var host: String
    /// The process id.
    public var pid: Int32
    /// When the daemon started.
    public var startedAt: Instant
    /// The latest heartbeat.
    public var heartbeatAt: Instant
    /// When the configuration in use was loaded (start or SIGHUP).
    public var configLoadedAt: Instant?
    /// A one-line summary of that configuration, e.g. `2 documents, 8 deadlines, 14 units, 1 channel`.
    public var configSummary: String
    /// A one-line status, e.g. `running; next wake-up 2020-12-03T08:00+07:00` or `stopped`.
    public var status: String

    /// A record from plain values.
    public init(
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

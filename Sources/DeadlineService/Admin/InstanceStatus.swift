import DeadlineKit
package import DeadlineStore

/// One daemon sharing the ledger (PostgreSQL), as `deadlinectl status` lists it: where it runs, when it last
/// reported, the leases it holds and the reminders it sent (how many, and the latest few). Not shown for SQLite, which one daemon owns.
package struct InstanceStatus: Sendable, Hashable {
    /// What the instance last wrote about itself.
    package var record: InstanceRecord
    /// What it holds and did.
    package var activity: InstanceActivity

    /// Every instance of a shared ledger, latest heartbeat first; none for any other ledger.
    static func gather(_ ledger: any Ledger, now: Instant) async throws -> [InstanceStatus] {
        guard let shared = ledger as? any SharedLedger else { return [] }
        let activity = Dictionary(
            try await shared.instanceActivity(at: now).map { ($0.instanceID, $0) }, uniquingKeysWith: { a, _ in a })
        return try await shared.instances().map { record in
            InstanceStatus(
                record: record,
                activity: activity[record.instanceID]
                    ?? InstanceActivity(instanceID: record.instanceID, leasesHeld: 0, remindersSent: 0))
        }
    }

    /// Whether its heartbeat is older than three re-check intervals: stopped, dead, or cut off from the database.
    func isSilent(now: Instant, recheckSeconds: Int64) -> Bool {
        record.heartbeatAt < now.adding(seconds: -3 * max(recheckSeconds, 1))
    }
}

extension StatusReport {
    /// The instances section of the JSON report; empty (no key at all) for SQLite.
    func instancesJSON() -> [(String, JSONValue)] {
        guard !instances.isEmpty else { return [] }
        return [
            (
                "instances",  // machine: a JSON member name
                .array(
                    instances.map { i in
                        .object([
                            ("instance_id", .string(i.record.instanceID)), ("host", .string(i.record.host)),
                            ("pid", .integer(Int64(i.record.pid))),
                            ("started_at", .string(zone.iso8601(i.record.startedAt))),
                            ("heartbeat_at", .string(zone.iso8601(i.record.heartbeatAt))),
                            ("silent", .bool(i.isSilent(now: now, recheckSeconds: recheckSeconds))),
                            ("leases_held", .integer(Int64(i.activity.leasesHeld))),
                            ("reminders_sent", .integer(Int64(i.activity.remindersSent))),
                            (
                                "last_sent",
                                .array(
                                    i.activity.lastSent.map { r in
                                        .object([("key", .string(r.key)), ("sent_at", .string(zone.iso8601(r.sentAt)))])
                                    })
                            ),
                            ("config", .string(i.record.configSummary)), ("status", .string(i.record.status)),
                        ])
                    })
            )
        ]
    }

    /// The instances section of the text report; empty for SQLite.
    func instancesText(language: Language) -> String {
        guard !instances.isEmpty else { return "" }
        let say = Catalog(language)
        var table = TextTable(
            header: [
                StatusText.headerHost, .headerPID, .headerHeartbeat, .headerLeases, .headerSent, .headerState,
            ].map { say($0) })
        for i in instances {
            let silent = i.isSilent(now: now, recheckSeconds: recheckSeconds)
            let status = silent ? say(StatusText.silent) : RecordedText.translate(i.record.status, to: language)
            table.append([
                i.record.host, String(i.record.pid), zone.vietnamese(i.record.heartbeatAt),
                String(i.activity.leasesHeld),
                String(i.activity.remindersSent), TextTable.truncate(status, 60),
            ])
        }
        var out = say(StatusText.instancesTitle, ["count": String(instances.count)]) + table.rendered()
        let sending = instances.filter { !$0.activity.lastSent.isEmpty }
        guard !sending.isEmpty else { return out }
        out += say(StatusText.instancesLatest)
        for i in sending {
            out += "  \(i.record.host) \(i.record.pid):\n"
            for r in i.activity.lastSent { out += "    \(zone.vietnamese(r.sentAt))  \(r.key)\n" }
        }
        return out
    }
}

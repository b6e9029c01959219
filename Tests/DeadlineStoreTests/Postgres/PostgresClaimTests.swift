import DeadlineKit
import Synchronization
import TestSupport
import Testing

@testable import DeadlineStore

/// Several daemons on one PostgreSQL ledger, each with its own connection: claims are exclusive, recording is
/// idempotent across them, leases are renewed and taken over, and the activity per instance is counted.
@Suite("PostgresLedger: several daemons at once", .enabled(if: PostgresServer.isAvailable, "needs PostgreSQL"))
struct PostgresClaimTests {
    /// Three ledgers race through 300 due reminders, each claiming, "sending" and recording like a daemon: every
    /// reminder is claimed and sent exactly once, and the work is shared.
    @Test func threeInstancesClaimEveryReminderExactlyOnce() async throws {
        try await LedgerStorage.with(.postgres) { storage, first async throws in
            let reminders = Sample.reminders(300)
            _ = try await first.recordDue(reminders, at: Sample.t0)
            let sentBy = SentLog()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for name in ["daemon-a", "daemon-b", "daemon-c"] {
                    group.addTask {
                        let ledger = try await storage.open()
                        let now = Sample.at(300 * 60)
                        while true {
                            let ready = try await ledger.readyToSend(at: now, limit: 50)
                            if ready.isEmpty { return }
                            for entry in ready {
                                let claim: AttemptClaim
                                do {
                                    claim = try await ledger.beginAttempt(
                                        key: entry.key, owner: name, leaseUntil: now.adding(seconds: 300), at: now)
                                } catch let error as StoreError where error.code == .notClaimable {
                                    continue
                                }
                                sentBy.byKey.withLock { $0[entry.key, default: []].append(name) }
                                try await ledger.recordSent(claim, response: "250 OK", at: now)
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let sent = sentBy.byKey.withLock { $0 }
            #expect(sent.count == 300)
            #expect(sent.values.allSatisfy { $0.count == 1 })
            let entries = try await first.entries(deadlineID: "5418-de-xuat")
            #expect(entries.allSatisfy { $0.state == .sent && $0.attempts == 1 })
            let perInstance = Dictionary(grouping: sent.values.map { $0[0] }, by: { $0 }).mapValues(\.count)
            print("claims per instance: \(perInstance.sorted { $0.key < $1.key })")
            let ledger = try #require(first as? PostgresLedger)
            for name in ["daemon-a", "daemon-b", "daemon-c"] {
                try await ledger.heartbeat(InstanceConformanceTests.instance(name, heartbeat: Sample.at(1)))
            }
            let activity = try await ledger.instanceActivity(at: Sample.at(2))
            #expect(activity.map(\.remindersSent).reduce(0, +) == 300)
            #expect(Set(activity.map(\.instanceID)) == ["daemon-a", "daemon-b", "daemon-c"])
            #expect(activity.allSatisfy { $0.leasesHeld == 0 })
            // The latest five of each, latest first, each one it sent.
            for a in activity {
                #expect(a.lastSent.count == min(5, a.remindersSent))
                #expect(a.lastSent.allSatisfy { sent[$0.key] == [a.instanceID] })
                #expect(zip(a.lastSent, a.lastSent.dropFirst()).allSatisfy { $0.sentAt >= $1.sentAt })
            }
        }
    }

    /// Three instances record overlapping plans at the same moment: no deadlock, each reminder recorded once,
    /// and each key reported new to exactly one of them.
    @Test func recordingTheSamePlanAtOnceIsIdempotent() async throws {
        try await LedgerStorage.with(.postgres) { storage, first async throws in
            let reminders = Sample.reminders(2_000)
            let reported = try await withThrowingTaskGroup(of: Set<String>.self) { group in
                for shift in [0, 500, 1_000] {
                    group.addTask {
                        let ledger = try await storage.open()
                        let mine = Array(reminders[shift...] + reminders[..<shift])
                        return try await ledger.recordDue(mine.reversed(), at: Sample.t0)
                    }
                }
                return try await group.reduce(into: [Set<String>]()) { $0.append($1) }
            }
            #expect(reported.map(\.count).reduce(0, +) == 2_000)
            #expect(reported.reduce(Set<String>()) { $0.union($1) }.count == 2_000)
            #expect(try await first.knownKeys(reminders.map(\.key)).count == 2_000)
        }
    }

    /// A live instance renews its lease; one that stopped renewing is taken over once the lease runs out, its
    /// renewal then fails and its late result is fenced; the takeover is announced.
    @Test func leasesAreRenewedAndTakenOver() async throws {
        try await LedgerStorage.with(.postgres) { storage, first async throws in
            let a = try #require(first as? PostgresLedger)
            let b = try #require(try await storage.open() as? PostgresLedger)
            let reminders = Sample.reminders(2)
            _ = try await a.recordDue(reminders, at: Sample.t0)
            let live = try await a.beginAttempt(
                key: reminders[0].key, owner: "daemon-a", leaseUntil: Sample.at(30), at: Sample.t0)
            let paused = try await a.beginAttempt(
                key: reminders[1].key, owner: "daemon-a", leaseUntil: Sample.at(30), at: Sample.t0)
            #expect(try await a.renewLeases([live], until: Sample.at(50), at: Sample.at(20)) == [live.key])
            // b may claim only the reminder whose lease ran out.
            #expect(try await b.readyToSend(at: Sample.at(40), limit: 10).map(\.key) == [paused.key])
            let notYet = await #expect(throws: StoreError.self) {
                _ = try await b.beginAttempt(
                    key: live.key, owner: "daemon-b", leaseUntil: Sample.at(70), at: Sample.at(40))
            }
            #expect(notYet?.code == .notClaimable)
            let heard = Mutex<[LedgerChange]>([])
            let listener = Task { await a.watchChanges { change in heard.withLock { $0.append(change) } } }
            defer { listener.cancel() }
            #expect(await eventually { heard.withLock { $0.contains(.resynchronize) } })
            let taken = try await b.beginAttempt(
                key: paused.key, owner: "daemon-b", leaseUntil: Sample.at(70), at: Sample.at(40))
            #expect(taken.attempt == 2)
            #expect(try await a.renewLeases([live, paused], until: Sample.at(70), at: Sample.at(41)) == [live.key])
            let late = await #expect(throws: StoreError.self) {
                try await a.recordSent(paused, response: "250 late", at: Sample.at(42))
            }
            #expect(late?.code == .fenced)
            try await b.recordSent(taken, response: "250 OK", at: Sample.at(43))
            try await a.recordSent(live, response: "250 OK", at: Sample.at(44))
            let change = LedgerChange.leaseTakenOver(key: paused.key, from: "daemon-a", by: "daemon-b")
            #expect(await eventually { heard.withLock { $0.contains(change) } })
            let entry = try #require(try await Sample.entry(a, paused.key))
            #expect(entry.attemptLog?.map(\.owner) == ["daemon-a", "daemon-b"])
            #expect(entry.attemptLog?.map(\.outcome) == [.interrupted, .sent])
            #expect(entry.response == "250 OK")
        }
    }

    /// `done` from any host and another daemon's reload reach every listener.
    @Test func changesAreAnnouncedToEveryListener() async throws {
        try await LedgerStorage.with(.postgres) { storage, first async throws in
            let listening = try #require(first as? PostgresLedger)
            let other = try await storage.open()
            let heard = Mutex<[LedgerChange]>([])
            let listener = Task { await listening.watchChanges { change in heard.withLock { $0.append(change) } } }
            defer { listener.cancel() }
            #expect(await eventually { heard.withLock { $0 == [.resynchronize] } })
            _ = try await other.markDone(
                Sample.occurrenceID, units: ["so-0"], by: Sample.admin, note: nil, at: Sample.at(1))
            #expect(await eventually { heard.withLock { $0.contains(.occurrencesChanged) } })
            var record = InstanceConformanceTests.instance("daemon-b", heartbeat: Sample.at(2))
            try await other.heartbeat(record)
            record.configLoadedAt = Sample.at(3)
            record.configSummary = "3 documents, 9 deadlines, 14 units, 1 channel"
            try await other.heartbeat(record)
            let loaded = LedgerChange.configurationLoaded(instanceID: "daemon-b", summary: record.configSummary)
            #expect(await eventually { heard.withLock { $0.contains(loaded) } })
            #expect(
                heard.withLock { $0.filter { if case .configurationLoaded = $0 { true } else { false } }.count } == 1)
        }
    }
}

/// Waits (bounded, 10 s) until `condition` holds.
func eventually(_ condition: @Sendable () -> Bool) async -> Bool {
    for _ in 0..<200 {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return condition()
}

/// Who sent which reminder, shared by the racing tasks.
private final class SentLog: Sendable {
    let byKey = Mutex<[String: [String]]>([:])
}

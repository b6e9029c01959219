import DeadlineKit
import Testing

@testable import DeadlineStore

/// Heartbeats and the key-value meta table. Runs against every backend.
@Suite("Ledger conformance: instances and meta")
struct InstanceConformanceTests {
    static func instance(_ id: String, heartbeat: Instant, status: String = "đang chạy") -> InstanceRecord {
        InstanceRecord(
            instanceID: id, host: "vp-ubnd-01", pid: 4242, startedAt: Sample.t0, heartbeatAt: heartbeat,
            configLoadedAt: Sample.t0, configSummary: "2 documents, 8 deadlines, 14 units, 1 channel", status: status)
    }

    @Test(arguments: LedgerFactory.all)
    func heartbeatsReplaceTheInstanceRowAndOldInstancesAreForgotten(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            #expect(try await ledger.instances().isEmpty)
            let old = Self.instance("old", heartbeat: Sample.t0)
            try await ledger.heartbeat(old)
            var current = Self.instance("current", heartbeat: Sample.at(60))
            current.configLoadedAt = nil
            try await ledger.heartbeat(current)
            #expect(try await ledger.instances() == [current, old])

            current.heartbeatAt = Sample.at(31 * 86_400)
            current.status = "stopped"
            try await ledger.heartbeat(current)
            #expect(try await ledger.instances() == [current])
        }
    }

    @Test(arguments: LedgerFactory.all)
    func metaStoresAndReplacesValues(_ factory: LedgerFactory) async throws {
        try await LedgerStorage.with(factory) { _, ledger async throws in
            #expect(try await ledger.meta("scan_watermark") == nil)
            try await ledger.setMeta("scan_watermark", "1606957200")
            try await ledger.setMeta("scan_watermark", "1606960800")
            try await ledger.setMeta("ghi-chú", "Văn phòng UBND")
            #expect(try await ledger.meta("scan_watermark") == "1606960800")
            #expect(try await ledger.meta("ghi-chú") == "Văn phòng UBND")
            #expect(try await ledger.changeCounter() == 0)  // only admin actions on occurrences count
        }
    }
}

import DeadlineKit
import Foundation
import TestSupport
import Testing

@testable import DeadlineStore

/// Two daemons on one PostgreSQL ledger, each serving the web side with the same key: a link works on either,
/// and what one records the other sees.
@Suite("the web side of two instances on one PostgreSQL", .enabled(if: PostgresServer.isAvailable, "needs PostgreSQL"))
struct SharedLedgerWebTests {
    @Test("both instances accept a link; a link confirmed on one is already confirmed on the other")
    func twoInstances() async throws {
        let server = try await PostgresServer.shared()
        let database = try server.createDatabase()
        defer { server.dropDatabase(database) }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try WebFixture.config(in: dir)
        let settings = PostgresLedgerConfiguration(
            server: .tcp(host: "127.0.0.1", port: server.port), user: PostgresServer.user, database: database,
            password: PostgresServer.password, sslMode: .disable, connectTimeoutSeconds: 5,
            applicationName: "deadlined web tests")
        let a = try await PostgresLedger(configuration: settings)
        let b = try await PostgresLedger(configuration: settings)
        try await WebFixture.with(config: config, ledger: a) { first in
            try await WebFixture.with(config: config, ledger: b) { second in
                #expect(first.port != second.port)
                let one = try await first.post(first.confirmPath(unit: "so-1"), note: "qua máy A")
                #expect(one.status == 200 && one.body.contains("Đã ghi nhận"), "\(one)")
                // so-2's link, made by instance A, pressed on instance B.
                let two = try await second.post(first.confirmPath(unit: "so-2"))
                #expect(two.status == 200 && two.body.contains("Đã ghi nhận"), "\(two)")
                let replay = try await second.post(first.confirmPath(unit: "so-1"))
                #expect(
                    replay.body.contains(
                        "đã được xác nhận hoàn thành từ trước, lúc 08:00 09/12/2020, qua liên kết trong thư nhắc việc"),
                    "\(replay.body)")
                let page = try await first.get(second.confirmPath(unit: "so-2"))
                #expect(page.body.contains("đã được xác nhận hoàn thành từ trước") && !page.body.contains("<form"))
                let marks = try await second.doneMarks()
                #expect(marks.keys.sorted() == ["so-1", "so-2"])
                #expect(marks["so-1"]?.note == "qua máy A" && marks["so-2"]?.by == "link (so-2)")
            }
        }
        await a.close()
        await b.close()
    }
}

import Foundation
import TestSupport
import Testing

/// The shared ledger's database goes away and comes back; an existing SQLite ledger moves to PostgreSQL.
@Suite(
    "deadlined on PostgreSQL: outages and migration", .serialized,
    .enabled(if: PostgresServer.isAvailable, "needs PostgreSQL"))
struct PostgresOutageTests {
    @Test("the database restarts mid-run: the daemons reconnect with backoff, log it, and lose nothing")
    func databaseRestart() async throws {
        let server = try await PostgresServer.started()
        defer { server.remove() }
        let cluster = try DaemonCluster(server: server, units: 200, smtpDelay: 0.05)
        defer { cluster.remove() }
        for index in 0..<2 { try cluster.start(index) }
        #expect(try await eventually(timeout: .seconds(60)) { try cluster.received().count >= 40 }, "\(cluster.logs)")
        await server.stopped()
        let stoppedAt = try cluster.received().count
        try await Task.sleep(for: .seconds(4))
        try await server.restarted()
        #expect(
            try await eventually(timeout: .seconds(120)) { Set(try cluster.received()) == cluster.expected },
            "\(cluster.logs)")
        try await Task.sleep(for: .seconds(6))
        let received = try cluster.received()
        let duplicates = received.count - Set(received).count
        #expect(duplicates <= 2, "at most the one in flight at each daemon: \(duplicates)")
        for index in 0..<2 {
            let log = cluster.daemon(index)?.log ?? ""
            #expect(
                log.contains("lost the connection to the ledger's database") || log.contains("cannot be reached"),
                "\(log)")
            #expect(log.contains("reconnected to the ledger's database"), "\(log)")
            #expect(log.contains("listening again for other daemons' changes"), "\(log)")
        }
        #expect(try cluster.sql("SELECT COUNT(*) FROM reminders WHERE state = 'sent'") == "200")
        #expect(!cluster.logs.contains(DaemonCluster.password), "the database password never shows in a log line")
        print(
            "database restart: \(stoppedAt) of 200 received when it stopped, \(received.count) messages in all, \(duplicates) repeated"
        )
    }

    @Test("deadlinectl migrate moves a SQLite ledger to PostgreSQL with its history; the daemons go on from it")
    func migrate() async throws {
        let cluster = try DaemonCluster(
            server: try await PostgresServer.shared(), units: 3, startAt: "2021-03-01T01:00:05Z")
        defer { cluster.remove() }
        // One server on SQLite sends the three reminders, and an admin marks the deadline done.
        let sqliteDir = try TemporaryDirectory()
        defer { sqliteDir.remove() }
        let sqliteConfig = try daemonConfig(in: sqliteDir, smtpPort: cluster.smtp.port, units: 3)
        let once = try await ProcessRunner.run(
            BuiltProducts.path("deadlined"),
            [
                "--config", sqliteConfig, "--log-target", "console", "--once", "--pretend-now",
                "2021-03-01T08:00:05+07:00",
            ],
            environment: ProcessRunner.environment(removing: ["DEADLINED_CONFIG"]), timeout: .seconds(60))
        #expect(once.succeeded, "\(once)")
        #expect(Set(try cluster.received()) == cluster.expected)
        let environment = ProcessRunner.environment(removing: ["DEADLINED_CONFIG"])
        let done = try await ProcessRunner.run(
            BuiltProducts.path("deadlinectl"), ["done", "bao-cao", "--config", sqliteConfig, "--note", "Xong"],
            environment: environment)
        #expect(done.succeeded, "\(done)")
        let before = try await ProcessRunner.run(
            BuiltProducts.path("deadlinectl"), ["history", "bao-cao", "--json", "--config", sqliteConfig],
            environment: environment)

        let migrate = try await cluster.deadlinectl([
            "migrate", "--from", "sqlite:\(sqliteDir.path)/state/state.db",
            "--to", "postgresql://\(DaemonCluster.user)@127.0.0.1:\(cluster.server.port)/\(cluster.database)",
            "--password-file", cluster.dir.path + "/db-password", "--sslmode", "disable",
        ])
        #expect(migrate.succeeded, "\(migrate)")
        let target = "postgresql://\(DaemonCluster.user)@127.0.0.1:\(cluster.server.port)/\(cluster.database)"
        #expect(
            migrate.stdout.hasPrefix("Đã chép sổ theo dõi \(sqliteDir.path)/state/state.db sang \(target):\n"),
            "\(migrate.stdout)")
        #expect(migrate.stdout.contains("reminders"))
        let after = try await cluster.deadlinectl(["history", "bao-cao", "--json"])
        #expect(after.succeeded, "\(after)")
        #expect(after.stdout == before.stdout)
        // Each attempt names the daemon that made it, before the move and after.
        let json = try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any]
        let attempts = (json?["reminders"] as? [[String: Any]] ?? []).flatMap {
            $0["attempt_log"] as? [[String: Any]] ?? []
        }
        #expect(
            attempts.count == 3 && attempts.allSatisfy { ($0["instance"] as? String)?.isEmpty == false },
            "\(after.stdout)")

        // Twice is refused; the daemons now start on PostgreSQL and send nothing again.
        let again = try await cluster.deadlinectl([
            "migrate", "--from", "sqlite:\(sqliteDir.path)/state/state.db", "--to", target,
            "--password-file", cluster.dir.path + "/db-password", "--sslmode", "disable",
        ])
        #expect(again.status == 1)
        #expect(again.stderr.contains("already holds a ledger"), "\(again)")
        let a = try cluster.start(0)
        #expect(await a.waitForLog("deadlined started"), "\(a.log)")
        try await Task.sleep(for: .seconds(2))
        #expect(try cluster.received().count == 3)
    }
}

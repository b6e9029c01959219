import Foundation
import TestSupport
import Testing

/// Several `deadlined` on one PostgreSQL database, as an active/active pair (or three) runs: same configuration,
/// each its own state directory (its control socket), one SMTP server. Their clock is one pretended clock:
/// `--pretend-now` is computed from one base moment plus the real time elapsed since the cluster was made.
final class DaemonCluster: @unchecked Sendable {
    let server: PostgresServer
    let database: String
    let smtp: SMTPTestServer
    let dir: TemporaryDirectory
    let config: String
    let units: Int
    private var daemons: [Int: RunningDaemon] = [:]
    private var starts = 0
    private let base: Date
    private let created = Date()

    /// The database user the daemons log in as, with a password from a 0600 file.
    static let user = "deadlined"
    static let password = "Hà Nội 2020 mật khẩu"

    /// - Parameters:
    ///   - units: one reminder each, all due at 08:00:00 on 01/03/2021.
    ///   - startAt: the pretended moment at creation (UTC), by default three seconds before they are due.
    init(
        server: PostgresServer, units: Int, smtpDelay: Double = 0, lease: String = "4s", recheck: String = "5s",
        startAt: String = "2021-03-01T00:59:57Z"
    ) throws {
        self.server = server
        self.units = units
        try? server.createRole(Self.user, password: Self.password)
        database = try server.createDatabase(owner: Self.user)
        var options = SMTPTestServer.Options()
        options.delay = smtpDelay
        smtp = try SMTPTestServer(options)
        dir = try TemporaryDirectory(prefix: "deadlined-cluster")
        let passwordFile = try dir.write("db-password", Self.password + "\n", mode: 0o600)
        let store = """
            [store]
            url = "postgresql://\(Self.user)@127.0.0.1:\(server.port)/\(database)"
            password_file = "\(passwordFile)"
            sslmode = "disable"
            lease = "\(lease)"
            recheck = "\(recheck)"
            """
        config = try daemonConfig(in: dir, smtpPort: smtp.port, units: units, extraDaemon: "\n" + store)
        base = ISO8601DateFormatter().date(from: startAt)!
    }

    /// `--pretend-now` for a daemon started now.
    func pretendNow() -> String {
        ISO8601DateFormatter().string(from: base.addingTimeInterval(Date().timeIntervalSince(created)))
    }

    /// Starts daemon `index` (again), with its own state directory and a new log file.
    @discardableResult
    func start(_ index: Int) throws -> RunningDaemon {
        starts += 1
        let daemon = try RunningDaemon(
            config: config, arguments: ["--pretend-now", pretendNow()],
            environment: ["STATE_DIRECTORY": dir.path + "/state-\(index)"],
            logPath: dir.path + "/log-\(index)-\(starts)")
        daemons[index] = daemon
        return daemon
    }

    func daemon(_ index: Int) -> RunningDaemon? { daemons[index] }

    func kill9(_ index: Int) { daemons[index]?.kill9() }

    func stopAll() {
        for daemon in daemons.values { daemon.stop() }
    }

    /// Stops the daemons and the SMTP server, drops the database and removes the folder.
    func remove() {
        stopAll()
        smtp.stop()
        server.dropDatabase(database)
        dir.remove()
    }

    /// Every log written so far, for failure messages.
    var logs: String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter {
            $0.hasPrefix("log-")
        }
        return names.sorted().map { "=== \($0)\n" + ((try? dir.read($0)) ?? "") }.joined(separator: "\n")
    }

    /// The `X-Deadlined-Key` of each message received, in order (repeats included). The server's event log may
    /// end in a line it is still writing: read again (bounded) when it does not parse.
    func received() throws -> [String] {
        for _ in 0..<20 {
            if let keys = try? DaemonDeliveryTests.keys(smtp) { return keys }
            usleep(50_000)
        }
        return try DaemonDeliveryTests.keys(smtp)
    }

    /// What every reminder's key must be, once.
    var expected: Set<String> { DaemonDeliveryTests.expectedKeys(units) }

    /// Runs SQL on the cluster's database.
    func sql(_ query: String) throws -> String { try server.psql(query, database: database) }

    /// Runs `deadlinectl` on the cluster's configuration, from "another machine" (its own state directory).
    func deadlinectl(_ arguments: [String]) async throws -> ProcessResult {
        try await ProcessRunner.run(
            BuiltProducts.path("deadlinectl"), arguments + ["--config", config],
            environment: ProcessRunner.environment(
                adding: ["STATE_DIRECTORY": dir.path + "/state-admin"], removing: ["DEADLINED_CONFIG"]))
    }
}

/// Admin commands against a shared ledger while daemons run.
@Suite(
    "deadlined on PostgreSQL: admin commands", .serialized, .enabled(if: PostgresServer.isAvailable, "needs PostgreSQL")
)
struct PostgresClusterTests {
    @Test("status lists every instance with its heartbeat, leases and reminders sent; done reaches them at once")
    func statusAndDone() async throws {
        let cluster = try DaemonCluster(server: try await PostgresServer.shared(), units: 40, recheck: "10m")
        defer { cluster.remove() }
        for index in 0..<2 { try cluster.start(index) }
        #expect(
            try await eventually(timeout: .seconds(60)) { Set(try cluster.received()) == cluster.expected },
            "\(cluster.logs)")
        // The daemons live in March 2021 (--pretend-now) and deadlinectl on the real clock: give instance 0 a
        // heartbeat of now, so that it shows as alive and instance 1, last heard of in 2021, as silent.
        let pids = (0..<2).compactMap { cluster.daemon($0)?.process.pid }
        // First let both finish their last wake-up (results written, then the heartbeat): they sleep after it.
        #expect(
            try await eventually(timeout: .seconds(30)) {
                try cluster.sql(
                    """
                    SELECT COUNT(*) FROM instances WHERE heartbeat_at < (SELECT MAX(updated_at) FROM reminders)
                        OR EXISTS (SELECT 1 FROM reminders WHERE state <> 'sent')
                    """) == "0"
            }, "\(cluster.logs)")
        _ = try cluster.sql(
            "UPDATE instances SET heartbeat_at = extract(epoch FROM now())::bigint WHERE pid = \(pids[0])")
        let status = try await cluster.deadlinectl(["status", "--json"])
        #expect(status.succeeded, "\(status)")
        let json = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        let instances = try #require(json?["instances"] as? [[String: Any]], "\(status.stdout)")
        #expect(instances.count == 2)
        #expect(instances.compactMap { $0["reminders_sent"] as? Int }.reduce(0, +) == 40)
        #expect(instances.map { $0["pid"] as? Int } == pids.map(Int.init), "latest heartbeat first")
        #expect(instances.map { $0["silent"] as? Bool } == [false, true])
        #expect(instances.allSatisfy { $0["leases_held"] as? Int == 0 })
        // The latest reminders each sent: five of its own, or all of them if it sent fewer.
        for instance in instances {
            let last = try #require(instance["last_sent"] as? [[String: Any]])
            #expect(last.count == min(5, instance["reminders_sent"] as? Int ?? -1))
            #expect(
                last.allSatisfy { cluster.expected.contains($0["key"] as? String ?? "") && $0["sent_at"] is String })
        }
        // Again just before the text form: a daemon may have written a heartbeat of its own (2021) meanwhile.
        _ = try cluster.sql(
            "UPDATE instances SET heartbeat_at = extract(epoch FROM now())::bigint WHERE pid = \(pids[0])")
        let text = try await cluster.deadlinectl(["status"])
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let title = try #require(lines.firstIndex(of: "Các máy chủ dùng chung sổ theo dõi (2):"), "\(text.stdout)")
        #expect(
            lines[title + 1].split(separator: " ").joined(separator: " ")
                == "MÁY PID NHỊP TIM CUỐI ĐANG GIỮ ĐÃ GỬI TRẠNG THÁI")
        // host, pid, heartbeat (time, date), leases held, reminders sent, status
        let silent = lines[title + 2 + 1].split(separator: " ").map(String.init)
        #expect(
            Array(silent.dropFirst()) == [
                String(pids[1]), "08:00", "01/03/2021", "0", "\(instances[1]["reminders_sent"] as? Int ?? -1)", "im",
                "lặng",
            ], "\(text.stdout)")
        let alive = lines[title + 2].split(separator: " ").map(String.init)
        #expect(
            alive.count > 6 && alive[1] == String(pids[0]) && alive[4] == "0" && !lines[title + 2].hasSuffix("im lặng"))
        #expect(lines.contains("Lời nhắc mỗi máy gửi gần nhất:"), "\(text.stdout)")
        #expect(
            lines.filter { $0.hasPrefix("    ") && $0.contains("bao-cao|2021-03-08|7d|") }.count
                == instances.map { min(5, $0["reminders_sent"] as? Int ?? 0) }.reduce(0, +), "\(text.stdout)")

        // Both daemons sleep (the next reminder is a week away; recheck is 10 min). A `done` from another host
        // wakes them at once: each writes a new heartbeat within seconds.
        let before = try cluster.sql("SELECT string_agg(heartbeat_at::text, ',' ORDER BY instance_id) FROM instances")
        try await Task.sleep(for: .milliseconds(1500))
        let done = try await cluster.deadlinectl(["done", "bao-cao", "--note", "Đã nộp báo cáo"])
        #expect(done.succeeded, "\(done)")
        #expect(done.stderr == "", "no control socket is involved: NOTIFY told every daemon")
        #expect(
            try await eventually(timeout: .seconds(10)) {
                let after = try cluster.sql(
                    "SELECT string_agg(heartbeat_at::text, ',' ORDER BY instance_id) FROM instances")
                return zip(before.split(separator: ","), after.split(separator: ",")).allSatisfy { $0 != $1 }
            }, "\(cluster.logs)")
        #expect(try cluster.sql("SELECT actor || ': ' || note FROM occurrence_events").hasSuffix(": Đã nộp báo cáo"))
    }

    @Test("a wrong password or port: deadlined and deadlinectl say what to check, and never show the password")
    func wrongPasswordOrPort() async throws {
        let server = try await PostgresServer.shared()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let wrong = "Sai mật khẩu rồi 2021"
        let passwordFile = try dir.write("db-password", wrong + "\n", mode: 0o600)
        try? server.createRole(DaemonCluster.user, password: DaemonCluster.password)
        let unusedPort = try HTTPTestServer.unusedPort()
        let user = DaemonCluster.user
        for (port, expected) in [
            (
                server.port,
                "postgresql://\(user)@127.0.0.1:\(server.port)/postgres refused to log in (PostgreSQL: password "
                    + "authentication failed for user \"\(user)\" (SQLSTATE 28P01)); check [store] password_file "
                    + "and the server's pg_hba.conf"
            ),
            (
                unusedPort,
                "the ledger's database postgresql://\(user)@127.0.0.1:\(unusedPort)/postgres cannot be reached ("
            ),
        ] {
            let store = """
                [store]
                url = "postgresql://\(user)@127.0.0.1:\(port)/postgres"
                password_file = "\(passwordFile)"
                sslmode = "disable"
                connect_timeout = "2s"
                """
            let config = try daemonConfig(in: dir, smtpPort: nil, units: 1, extraDaemon: "\n" + store)
            let environment = ProcessRunner.environment(removing: ["DEADLINED_CONFIG"])
            let status = try await ProcessRunner.run(
                BuiltProducts.path("deadlinectl"), ["status", "--config", config, "--lang", "en"],
                environment: environment)
            #expect(status.status == 1)
            #expect(status.stderr.contains("deadlinectl: the ledger cannot be used: " + expected), "\(status)")
            let daemon = try await ProcessRunner.run(
                BuiltProducts.path("deadlined"), ["--config", config, "--log-target", "console", "--once"],
                environment: environment, timeout: .seconds(60))
            #expect(daemon.status == 1)
            #expect((daemon.stdout + daemon.stderr).contains("cannot open the ledger: " + expected), "\(daemon)")
            for output in [status.stdout, status.stderr, daemon.stdout, daemon.stderr] {
                #expect(!output.contains(wrong) && !output.contains(DaemonCluster.password))
            }
        }
    }

    @Test("a reload on one server is heard by the other")
    func reloadIsAnnounced() async throws {
        let cluster = try DaemonCluster(server: try await PostgresServer.shared(), units: 2)
        defer { cluster.remove() }
        let a = try cluster.start(0)
        let b = try cluster.start(1)
        #expect(
            try await eventually(timeout: .seconds(60)) { Set(try cluster.received()) == cluster.expected },
            "\(cluster.logs)")
        a.process.send(SIGHUP)
        #expect(await a.waitForLog("configuration reloaded"), "\(a.log)")
        // Instance ids are host:pid:start.
        #expect(await b.waitForLog(":\(a.process.pid):"), "\(b.log)")
        let heard = b.log.split(separator: "\n").filter { $0.contains(":\(a.process.pid):") }
        #expect(
            heard.count == 1
                && heard[0].hasSuffix(" loaded its configuration (1 document, 1 deadline, 2 units, 1 channel)"),
            "\(b.log)")
    }
}

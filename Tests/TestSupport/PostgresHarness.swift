import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real PostgreSQL server for tests, from Debian's `postgresql` package: `initdb` into a temporary directory,
/// then `postgres` on a free port of 127.0.0.1 and on a Unix socket in that directory, stopped by PID.
///
/// ```swift
/// let server = try await PostgresServer.started()   // or .shared() for one server per test process
/// defer { server.remove() }
/// let database = try server.createDatabase()
/// // … connect to 127.0.0.1:server.port as PostgresServer.user / PostgresServer.password …
/// ```
///
/// `initdb` refuses to run as root, and so does `postgres`: as root (here and in CI) both run as the `postgres`
/// user that Debian's package creates, through `setpriv` (which execs, so the PID we hold is the postmaster's).
/// `initdb` runs once per test process into a template folder that each server copies (it takes seconds; a copy
/// takes milliseconds). Durability is off (`fsync = off`): the tests need a real server, not a safe one.
/// Logins over TCP need a password (SCRAM-SHA-256), as in production; `psql` here uses the Unix socket.
package final class PostgresServer: @unchecked Sendable {
    /// The superuser the tests connect as.
    package static let user = "postgres"
    /// Its password (over TCP; the Unix socket trusts local users).
    package static let password = "deadlined-test-pw"

    /// The TCP port on 127.0.0.1.
    package let port: Int
    /// The folder holding the data folder, the log and the Unix socket (`.s.PGSQL.<port>`).
    package let directory: String
    /// The server's log (its stdout and stderr).
    package var logPath: String { directory + "/server.log" }
    private var process: ChildProcess?
    private let lock = NSLock()
    private var databaseCount = 0

    /// Whether the PostgreSQL binaries (and, as root, the `postgres` user) are there.
    package static var isAvailable: Bool { binaries != nil && (geteuid() != 0 || postgresIDs != nil) }

    /// One server for the whole test process, started on first use and stopped when the process exits.
    /// (`initdb` and the start run off the cooperative pool: they take seconds on a loaded machine.)
    package static func shared() async throws -> PostgresServer {
        try await ProcessRunner.offPool("postgres shared") { try sharedServer.get() }
    }

    /// A server of its own (``init()``), started off the cooperative pool.
    package static func started() async throws -> PostgresServer {
        try await ProcessRunner.offPool("postgres start") { try PostgresServer() }
    }

    /// ``stop()`` off the cooperative pool.
    package func stopped() async {
        _ = try? await ProcessRunner.offPool("postgres stop") { self.stop() }
    }

    /// ``start()`` again, off the cooperative pool.
    package func restarted() async throws {
        try await ProcessRunner.offPool("postgres start") { try self.start() }
    }

    private static let sharedServer: Result<PostgresServer, PostgresServerError> = {
        do {
            let server = try PostgresServer()
            atexit {
                if case .success(let server) = PostgresServer.sharedServer { server.remove() }
            }
            return .success(server)
        } catch let error as PostgresServerError {
            return .failure(error)
        } catch {
            return .failure(PostgresServerError(description: "\(error)"))
        }
    }()

    /// Whether the server offers TLS (``init(tls:)``), with the certificate for 127.0.0.1 and localhost.
    package let offersTLS: Bool

    /// Starts a server of its own, on a fresh copy of the template cluster; with `tls`, it offers TLS with the
    /// server certificate of those test certificates (`ssl = on`).
    package init(tls: TestCertificates? = nil) throws {
        guard Self.binaries != nil else {
            throw PostgresServerError(description: "PostgreSQL is not installed (apt-get install postgresql)")
        }
        let template = try Self.template.get()
        directory = try TemporaryDirectory(prefix: "deadlined-pg").path
        port = try HTTPTestServer.unusedPort()
        offersTLS = tls != nil
        try Self.run("/bin/cp", ["-a", template + "/data", directory + "/data"])
        if let tls {
            // postgres wants its key private to the user it runs as.
            try Self.run("/bin/cp", [tls.serverCertificate, directory + "/server.crt"])
            try Self.run("/bin/cp", [tls.serverKey, directory + "/server.key"])
            try Self.run("/bin/chmod", ["600", directory + "/server.key"])
        }
        try Self.giveToPostgres(directory)
        try start()
    }

    /// A server of its own that offers TLS (``init(tls:)``), started off the cooperative pool.
    package static func startedWithTLS(_ certificates: TestCertificates) async throws -> PostgresServer {
        try await ProcessRunner.offPool("postgres start") { try PostgresServer(tls: certificates) }
    }

    /// Starts `postgres` (again, after ``stop()``) and waits until it accepts connections.
    package func start() throws {
        guard let binaries = Self.binaries else { return }
        let log = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        defer { close(log) }
        let arguments =
            [
                "-D", directory + "/data", "-p", String(port), "-k", directory, "-c", "listen_addresses=127.0.0.1",
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=300", "-c", "log_min_messages=warning",
            ]
            + (offersTLS
                ? [
                    "-c", "ssl=on", "-c", "ssl_cert_file=\(directory)/server.crt", "-c",
                    "ssl_key_file=\(directory)/server.key",
                ] : [])
        let (path, prefix) = Self.asPostgres(binaries + "/postgres")
        let child = try ChildProcess(
            path: path, arguments: prefix + arguments, environment: ProcessRunner.environment(),
            standardOutput: log, standardError: log)
        lock.withLock { process = child }
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            guard child.isRunning else {
                throw PostgresServerError(description: "postgres exited at start:\n\(serverLog)")
            }
            if (try? psql("SELECT 1")) == "1" { return }
            usleep(50_000)
        }
        throw PostgresServerError(description: "postgres did not accept connections within 60 s:\n\(serverLog)")
    }

    /// The postmaster's PID while it runs.
    package var pid: Int32? { lock.withLock { process?.isRunning == true ? process?.pid : nil } }

    /// Fast shutdown (SIGINT to the postmaster, by PID): sessions are ended, then it exits. SIGKILL to its process
    /// group if it has not exited within 20 s.
    package func stop() {
        guard let child = lock.withLock({ process }) else { return }
        child.send(SIGINT)
        if !child.waitForExit(timeout: .seconds(20)) {
            child.sendToGroup(SIGKILL)
            child.waitForExit(timeout: .seconds(5))
        }
        lock.withLock { process = nil }
    }

    /// Stops the server and removes its folder.
    package func remove() {
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The server's log so far.
    package var serverLog: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Runs SQL with `psql` as the superuser over the Unix socket; returns its output, fields separated by `|`.
    @discardableResult
    package func psql(_ sql: String, database: String = "postgres") throws -> String {
        let result = try ProcessRunner.runBlocking(
            "psql",
            [
                "-h", directory, "-p", String(port), "-U", Self.user, "-d", database, "-X", "-q", "-A", "-t",
                "-v", "ON_ERROR_STOP=1", "-c", sql,
            ],
            timeout: .seconds(60))
        guard result.succeeded else { throw PostgresServerError(description: "psql: \(sql)\n\(result)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Creates an empty database (owned by `owner`, or the superuser) and returns its name.
    package func createDatabase(owner: String? = nil) throws -> String {
        let name = lock.withLock {
            databaseCount += 1
            return "ledger_\(getpid())_\(databaseCount)"
        }
        try psql("CREATE DATABASE \(name)\(owner.map { " OWNER \($0)" } ?? "")")
        return name
    }

    /// Drops a database, ending its sessions first.
    package func dropDatabase(_ name: String) {
        _ = try? psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Creates a login role with a password (SCRAM-SHA-256).
    package func createRole(_ name: String, password: String) throws {
        try psql("CREATE ROLE \(name) LOGIN PASSWORD '\(password.replacingOccurrences(of: "'", with: "''"))'")
    }

    // MARK: Set-up

    /// The newest `/usr/lib/postgresql/<version>/bin` that has `initdb` and `postgres`.
    static let binaries: String? = {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init)
        return versions.sorted(by: >).map { "\(root)/\($0)/bin" }.first {
            FileManager.default.isExecutableFile(atPath: $0 + "/initdb")
                && FileManager.default.isExecutableFile(atPath: $0 + "/postgres")
        }
    }()

    /// The `postgres` user's uid and gid (Debian's package creates it).
    static let postgresIDs: (uid: uid_t, gid: gid_t)? = {
        guard let entry = getpwnam("postgres") else { return nil }
        return (entry.pointee.pw_uid, entry.pointee.pw_gid)
    }()

    /// One `initdb` per test process.
    private static let template: Result<String, PostgresServerError> = {
        do {
            guard let binaries else { throw PostgresServerError(description: "PostgreSQL is not installed") }
            let directory = try TemporaryDirectory(prefix: "deadlined-pg-template").path
            atexit {
                if case .success(let directory) = PostgresServer.template {
                    try? FileManager.default.removeItem(atPath: directory)
                }
            }
            let passwordFile = directory + "/password"
            try Data(password.utf8).write(to: URL(fileURLWithPath: passwordFile))
            try giveToPostgres(directory)
            let (path, prefix) = asPostgres(binaries + "/initdb")
            try run(
                path,
                prefix + [
                    "-D", directory + "/data", "-U", user, "--pwfile=" + passwordFile, "--auth-local=trust",
                    "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
                ])
            return .success(directory)
        } catch let error as PostgresServerError {
            return .failure(error)
        } catch {
            return .failure(PostgresServerError(description: "\(error)"))
        }
    }()

    /// As root: run `executable` as the `postgres` user through `setpriv` (which execs it).
    private static func asPostgres(_ executable: String) -> (String, [String]) {
        guard geteuid() == 0 else { return (executable, []) }
        return ("/usr/bin/setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", executable])
    }

    /// As root: hand a folder (recursively) to the `postgres` user.
    private static func giveToPostgres(_ directory: String) throws {
        guard geteuid() == 0 else { return }
        try run("/bin/chown", ["-R", "postgres:postgres", directory])
    }

    private static func run(_ executable: String, _ arguments: [String]) throws {
        let result = try ProcessRunner.runBlocking(executable, arguments, timeout: .seconds(120))
        guard result.succeeded else {
            throw PostgresServerError(description: "\(executable) \(arguments.joined(separator: " ")):\n\(result)")
        }
    }
}

/// Why the PostgreSQL test server could not be set up.
package struct PostgresServerError: Error, CustomStringConvertible {
    /// What failed, with the command's output.
    package var description: String
}

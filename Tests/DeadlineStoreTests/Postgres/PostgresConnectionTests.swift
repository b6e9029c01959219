import DeadlineKit
import Synchronization
import TestSupport
import Testing

@testable import DeadlineStore

/// Reaching the server: logins, Unix sockets, errors an admin can act on, and a server that restarts.
@Suite("PostgresLedger: connections", .enabled(if: PostgresServer.isAvailable, "needs PostgreSQL"))
struct PostgresConnectionTests {
    @Test func aPasswordLoginOverTCPAndTheUnixSocket() async throws {
        let server = try await PostgresServer.shared()
        let database = try server.createDatabase()
        defer { server.dropDatabase(database) }
        try? server.createRole("deadlined_login", password: "mật khẩu riêng")
        try server.psql("ALTER DATABASE \(database) OWNER TO deadlined_login")
        let tcp = try await PostgresLedger(
            configuration: PostgresFixture.configuration(
                server, database: database, user: "deadlined_login", password: "mật khẩu riêng"))
        try await tcp.setMeta("qua", "TCP")
        await tcp.close()
        let socket = try await PostgresLedger(
            configuration: PostgresLedgerConfiguration(
                server: .unixSocket(directory: server.directory, port: server.port), user: "deadlined_login",
                database: database, sslMode: .disable))
        #expect(try await socket.meta("qua") == "TCP")
        #expect(
            socket.displayName
                == "postgresql://deadlined_login@/\(database)?host=\(server.directory)&port=\(server.port)")
        await socket.close()
        #expect(
            try server.psql("SELECT tableowner FROM pg_tables WHERE tablename = 'reminders'", database: database)
                == "deadlined_login")
    }

    @Test func errorsSayWhatToDo() async throws {
        let server = try await PostgresServer.shared()
        let wrongPassword = await #expect(throws: StoreError.self) {
            _ = try await PostgresLedger(
                configuration: PostgresFixture.configuration(server, database: "postgres", password: "mật-khẩu-sai-42"))
        }
        #expect(wrongPassword.map { !"\($0)".contains("mật-khẩu-sai-42") } == true, "the password never shows")
        #expect(wrongPassword?.code == .cannotOpen)
        #expect(
            wrongPassword?.message
                == "postgresql://postgres@127.0.0.1:\(server.port)/postgres refused to log in (PostgreSQL: password "
                + "authentication failed for user \"postgres\" (SQLSTATE 28P01)); check [store] password_file and "
                + "the server's pg_hba.conf")
        let noDatabase = await #expect(throws: StoreError.self) {
            _ = try await PostgresLedger(configuration: PostgresFixture.configuration(server, database: "khong_co"))
        }
        #expect(noDatabase?.code == .cannotOpen)
        #expect(noDatabase?.message.contains("does not exist") == true)
        let port = try HTTPTestServer.unusedPort()
        var nowhere = PostgresFixture.configuration(server, database: "postgres")
        nowhere.server = .tcp(host: "127.0.0.1", port: port)
        let unreachable = await #expect(throws: StoreError.self) {
            _ = try await PostgresLedger(configuration: nowhere)
        }
        #expect(unreachable?.code == .unavailable)
        #expect(
            unreachable?.message.hasPrefix(
                "the ledger's database postgresql://postgres@127.0.0.1:\(port)/postgres cannot be reached (") == true)
        var tls = PostgresFixture.configuration(server, database: "postgres")
        tls.sslMode = .require
        let noTLS = await #expect(throws: StoreError.self) { _ = try await PostgresLedger(configuration: tls) }
        #expect(noTLS?.code == .cannotOpen)
        #expect(noTLS?.message.contains("does not offer TLS") == true)
        for error in [noDatabase, unreachable, noTLS] {
            #expect(error.map { !"\($0)".contains(PostgresServer.password) } == true, "the password never shows")
        }
    }

    /// sslmode against a server that offers TLS with a certificate from a private CA: `verify-full` with that CA
    /// as `ca_file` connects (to 127.0.0.1 and to localhost, both named in the certificate); without it, the
    /// certificate is refused; `require` connects without checking it.
    @Test func sslModesAgainstATLSServer() async throws {
        let certificates = try TestCertificates.shared()
        let server = try await PostgresServer.startedWithTLS(certificates)
        defer { server.remove() }
        let database = try server.createDatabase()
        for host in ["127.0.0.1", "localhost"] {
            var verified = PostgresFixture.configuration(server, database: database)
            verified.server = .tcp(host: host, port: server.port)
            verified.sslMode = .verifyFull
            verified.caFile = certificates.caCertificate
            let ledger = try await PostgresLedger(configuration: verified)
            #expect(try await ledger.changeCounter() >= 0, "\(host)")
            await ledger.close()
        }
        var untrusted = PostgresFixture.configuration(server, database: database)
        untrusted.sslMode = .verifyFull
        let refused = await #expect(throws: StoreError.self) { _ = try await PostgresLedger(configuration: untrusted) }
        #expect(refused?.code == .cannotOpen || refused?.code == .unavailable, "\(String(describing: refused))")
        #expect(refused.map { "\($0)".lowercased().contains("certificate") } == true, "\(String(describing: refused))")
        var required = PostgresFixture.configuration(server, database: database)
        required.sslMode = .require
        let ledger = try await PostgresLedger(configuration: required)
        #expect(try await ledger.changeCounter() >= 0)
        await ledger.close()
    }

    /// The server stops and starts again: calls fail fast with `unavailable` meanwhile, the same ledger value
    /// works again afterwards, and the listener says it heard nothing meanwhile.
    @Test func aServerRestartIsSurvived() async throws {
        let server = try await PostgresServer.started()
        defer { server.remove() }
        let database = try server.createDatabase()
        let ledger = try await PostgresLedger(configuration: PostgresFixture.configuration(server, database: database))
        defer { Task { await ledger.close() } }
        let heard = Mutex<[LedgerChange]>([])
        let listener = Task { await ledger.watchChanges { change in heard.withLock { $0.append(change) } } }
        defer { listener.cancel() }
        #expect(await eventually { heard.withLock { $0 == [.resynchronize] } })
        try await ledger.setMeta("truoc", "1")
        await server.stopped()
        let down = await #expect(throws: StoreError.self) { try await ledger.setMeta("trong-luc", "2") }
        #expect(down?.code == .unavailable)
        let started = ContinuousClock.now
        let fast = await #expect(throws: StoreError.self) { _ = try await ledger.meta("truoc") }
        #expect(fast?.code == .unavailable)
        #expect(ContinuousClock.now - started < .seconds(2), "a call during an outage must fail at once")
        try await server.restarted()
        var back = false
        for _ in 0..<100 where !back {
            back = (try? await ledger.meta("truoc")) == "1"
            if !back { try await Task.sleep(for: .milliseconds(200)) }
        }
        #expect(back, "the ledger did not reconnect within 20 s")
        #expect(await eventually { heard.withLock { $0 == [.resynchronize, .resynchronize] } })
        _ = try await ledger.markDone(Sample.occurrenceID, units: ["so-0"], by: Sample.admin, note: nil, at: Sample.t0)
        #expect(await eventually { heard.withLock { $0.last == .occurrencesChanged } })
    }
}

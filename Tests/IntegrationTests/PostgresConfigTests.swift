import Foundation
import TestSupport
import Testing

/// `[store]` as `deadlinectl check` reads it: every mistake at its line and column, with what to write instead.
@Suite("[store]: the ledger's location in the configuration")
struct PostgresConfigTests {
    let deadlinectl = BuiltProducts.path("deadlinectl")

    func check(_ store: String, in dir: TemporaryDirectory) async throws -> (ProcessResult, String) {
        let main = try dir.write(
            "deadlined.toml",
            """
            [daemon]
            state_directory = "\(dir.path)/state"

            [store]
            \(store)
            """)
        let result = try await ProcessRunner.run(
            deadlinectl, ["check", "--config", main, "--lang", "en"],
            environment: ProcessRunner.environment(removing: ["DEADLINED_CONFIG"]))
        return (result, main)
    }

    @Test("a PostgreSQL URL with a password file is accepted")
    func accepted() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let password = try dir.write("db-password", "mật khẩu\n", mode: 0o600)
        let (result, main) = try await check(
            """
            url = "postgresql://deadlined@db.example.vn:5433/deadlined"
            password_file = "\(password)"
            sslmode = "verify-full"
            lease = "20s"
            recheck = "2m"
            """, in: dir)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout == "\(main): OK: 0 documents, 0 deadlines, 0 units, 1 channel (1 file)\n")
        // Valid, but there is nothing to remind of: check says so.
        #expect(
            result.stderr.hasPrefix("\(main): warning: no deadline is declared, so deadlined will send nothing"),
            "\(result)")
    }

    @Test("mistakes in [store] are reported at their place, every one")
    func mistakes() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let readable = try dir.write("db-password", "secret\n", mode: 0o644)
        let (result, main) = try await check(
            """
            url = "postgresql://deadlined:matkhau@db.example.vn/deadlined"
            password_file = "\(readable)"
            sslmode = "verify_full"
            lease = "1s"
            lese = "30s"
            """, in: dir)
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                \(main):5:7: error: the URL holds a password; remove it and put the password in [store] password_file
                \(main):6:17: error: the secret file '\(readable)' is readable by everyone (mode 644); a secret file must be owned by root (read through LoadCredential=) or by the user deadlined runs as, with mode 600 (640 to let its group read it): chmod 600 \(readable)
                \(main):7:11: error: 'verify_full' is not a valid sslmode; did you mean 'verify-full'? (one of "disable", "allow", "prefer", "require", "verify-ca", "verify-full")
                \(main):8:9: error: 'lease' must be from 3 s to 1 h, found '1s'
                \(main):9:1: error: unknown key 'lese' in [store]; did you mean 'lease'?
                \(main): 5 errors; the configuration is not valid

                """)
    }

    @Test("URLs: unknown parameters, relative SQLite paths and unencrypted remote servers")
    func urls() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for (url, expected) in [
            (
                "postgresql://deadlined@db.example.vn/deadlined?sslcert=x",
                "error: unknown URL parameter 'sslcert'; deadlined understands host, port, user, dbname, sslmode, sslrootcert, connect_timeout"
            ),
            ("sqlite:state.db", "error: 'sqlite:state.db': write sqlite:/absolute/path/state.db, or just sqlite"),
            (
                "mysql://db.example.vn/deadlined",
                "error: 'mysql://db.example.vn/deadlined' is not a ledger location; write sqlite, sqlite:/path/state.db or postgresql://user@host/database"
            ),
        ] {
            let (result, main) = try await check("url = \"\(url)\"", in: dir)
            #expect(result.status == 1)
            #expect(result.stderr.hasPrefix("\(main):5:7: \(expected)\n"), "\(result.stderr)")
        }
        let (plain, main) = try await check(
            "url = \"postgresql://deadlined@db.example.vn/deadlined?sslmode=require\"\nsslmode = \"disable\"", in: dir)
        #expect(plain.status == 1)
        #expect(
            plain.stderr.contains("\(main):6:11: error: sslmode is given twice, here and in the url (sslmode=require)"))
        let (local, _) = try await check("url = \"postgresql://deadlined@127.0.0.1:5432/deadlined\"", in: dir)
        #expect(local.status == 0, "\(local)")
        let (remote, remoteMain) = try await check(
            "url = \"postgresql://deadlined@db.example.vn/deadlined\"\nsslmode = \"prefer\"", in: dir)
        #expect(remote.status == 0)
        #expect(
            remote.stderr.contains(
                "\(remoteMain):6:11: warning: the ledger's traffic to postgresql://deadlined@db.example.vn/deadlined may go unencrypted over the network (sslmode = \"prefer\"); prefer \"verify-full\""
            ))
    }
}

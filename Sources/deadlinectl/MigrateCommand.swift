import ArgumentParser
import DeadlineConfig
import DeadlineService

/// `deadlinectl migrate`: parses the flags and calls ``MigrateSession``.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Copy the SQLite ledger, with all its history, into an empty PostgreSQL database (stop deadlined first).",
        discussion: """
            Example: deadlinectl migrate --from sqlite:/var/lib/deadlined/state.db \\
                         --to postgresql://deadlined@db.example.vn/deadlined --password-file /etc/deadlined/secrets/db-password
            Without --from, the configured state directory's state.db; without --to, the configured [store] url.
            """)

    @OptionGroup var config: ConfigOptions
    @Option(help: "The SQLite ledger: sqlite:/path/state.db.") var from: String?
    @Option(help: "The PostgreSQL database: postgresql://user@host[:port]/database (no password in it).") var to:
        String?
    @Option(help: "File holding the database user's password (default with --to omitted: [store] password_file).")
    var passwordFile: String?
    @Option(help: "TLS for the database: disable, allow, prefer, require, verify-ca or verify-full.") var sslmode:
        String?

    func run() async throws {
        // The configuration gives what the flags leave out, and the language; with both --from and --to and no
        // --config it is not read (the server to migrate may have none yet).
        var configuration: Configuration?
        if from == nil || to == nil || config.path != nil {
            configuration = try config.load(showWarnings: false)
        } else {
            _ = try config.language.early()
        }
        let request = MigrateSession.Request(from: from, to: to, passwordFile: passwordFile, sslMode: sslmode)
        let code = await MigrateSession.run(
            request, configuration: configuration, language: config.language.of(configuration))
        if code != 0 { throw ExitCode(code) }
    }
}

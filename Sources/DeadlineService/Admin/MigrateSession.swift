package import DeadlineConfig
package import DeadlineKit
import DeadlineStore
import Logging
import Platform

/// `deadlinectl migrate`: moves an existing SQLite ledger to PostgreSQL, all of its history, so that two or more
/// servers can share it. The daemon must be stopped while it runs; the target database must be empty.
package enum MigrateSession {
    /// What to copy where.
    package struct Request: Sendable {
        /// `sqlite:/var/lib/deadlined/state.db`; `nil`: the configured state directory's `state.db`.
        package var from: String?
        /// `postgresql://deadlined@db.example.vn/deadlined`; `nil`: the configured `[store] url`.
        package var to: String?
        /// The target's password file; `nil`: `[store] password_file` when `to` is the configured database.
        package var passwordFile: String?
        /// The target's `sslmode`; `nil`: from the URL or `[store]`, else the default.
        package var sslMode: String?

        /// A request from the command line's values.
        package init(from: String?, to: String?, passwordFile: String?, sslMode: String?) {
            self.from = from
            self.to = to
            self.passwordFile = passwordFile
            self.sslMode = sslMode
        }
    }

    /// Runs the migration, saying what it does in `language`; returns the exit status (0 copied; 1 refused or
    /// failed; 2 bad arguments).
    package static func run(_ request: Request, configuration: Configuration?, language: Language) async -> Int32 {
        let say = Catalog(language)
        guard let sourcePath = sqlitePath(request.from, configuration: configuration, say) else { return 2 }
        guard var target = postgresSettings(request, configuration: configuration, say) else { return 2 }
        if let text = request.sslMode {
            guard let mode = SSLMode(rawValue: text) else {
                Console.err(say(MigrateText.badSSLMode, ["mode": text, "modes": say.list(ConfigSchema.sslModes)]))
                return 2
            }
            target.sslMode = mode
        }
        if target.sslMode == nil { target.sslMode = SSLMode.defaultMode(isLocal: target.isLocal) }
        let stateDirectory = String(sourcePath[..<(sourcePath.lastIndex(of: "/") ?? sourcePath.startIndex)])
        if let pong = try? ControlClient.request("PING", stateDirectory: stateDirectory, timeoutSeconds: 5).first,
            pong.hasPrefix("PONG ")
        {
            Console.err(say(MigrateText.daemonRunning, ["pid": String(pong.dropFirst(5)), "path": sourcePath]))
            return 1
        }
        var logger = Logger(label: "deadlinectl") { _ in SwiftLogNoOpLogHandler() }
        logger.logLevel = .critical
        do {
            let source = try await SQLiteLedger(path: sourcePath, create: false)
            let configured = try LedgerSelection.postgresConfiguration(
                // machine: PostgreSQL's application_name
                target, applicationName: "deadlinectl migrate \(HostName.current)")
            let destination = try await PostgresLedger(configuration: configured, logger: logger)
            let report: LedgerMigration.Report
            do {
                report = try await LedgerMigration.copy(from: source, to: destination)
            } catch {
                await destination.close()
                throw error
            }
            await destination.close()
            var out = say(MigrateText.copied, ["source": sourcePath, "target": destination.displayName])
            var table = TextTable(header: [say(MigrateText.headerTable), say(MigrateText.headerRows)])
            for entry in report.tables { table.append([entry.name, String(entry.rows)]) }
            out += table.rendered()
            out += say(MigrateText.next, ["target": destination.displayName])
            Console.out(out)
            return 0
        } catch {
            Console.err(say(MigrateText.failed, ["error": RecordedText.translate("\(error)", to: language)]))
            return 1
        }
    }

    private static func sqlitePath(_ text: String?, configuration: Configuration?, _ say: Catalog) -> String? {
        guard let text else {
            guard let configuration else {
                Console.err(say(MigrateText.fromMissing))
                return nil
            }
            return configuration.daemon.stateDirectory + "/state.db"
        }
        switch StoreURL.parse(text) {
        case .success(.sqlite(let path)):
            return path ?? (configuration?.daemon.stateDirectory ?? "/var/lib/deadlined") + "/state.db"
        case .success(.postgresql):
            Console.err(say(MigrateText.fromNotSQLite))
        case .failure(let error):
            Console.err(say(MigrateText.fromBad, ["error": say(error.phrase)]))
        }
        return nil
    }

    private static func postgresSettings(
        _ request: Request, configuration: Configuration?, _ say: Catalog
    ) -> PostgresSettings? {
        var configured: PostgresSettings?
        if case .postgresql(let settings) = configuration?.store.backend { configured = settings }
        guard let text = request.to else {
            guard var settings = configured else {
                Console.err(say(MigrateText.toMissing))
                return nil
            }
            if let file = request.passwordFile { settings.passwordFile = file }
            return settings
        }
        switch StoreURL.parse(text) {
        case .success(.postgresql(var settings)):
            let sameDatabase = configured.map { $0.location == settings.location && $0.database == settings.database }
            if sameDatabase == true, let configured {
                settings.passwordFile = configured.passwordFile
                settings.caFile = settings.caFile ?? configured.caFile
                if settings.sslMode == nil { settings.sslMode = configured.sslMode }
            }
            if let file = request.passwordFile { settings.passwordFile = file }
            return settings
        case .success(.sqlite):
            Console.err(say(MigrateText.toNotPostgres))
        case .failure(let error):
            Console.err(say(MigrateText.toBad, ["error": say(error.phrase)]))
        }
        return nil
    }
}

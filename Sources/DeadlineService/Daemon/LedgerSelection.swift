#if canImport(Glibc)
    import Glibc
#endif
package import DeadlineConfig
package import DeadlineKit
package import DeadlineStore
package import Logging
import Platform

/// Opens the ledger that `[store]` names, for the daemon and for `deadlinectl`: the SQLite file in the state
/// directory (the default), or a PostgreSQL database shared with other daemons.
package enum LedgerSelection {
    /// A ledger opened for a daemon or a command. Close it when done (PostgreSQL holds connections).
    package struct Opened: Sendable {
        /// The ledger.
        package let ledger: any Ledger
        /// The same ledger when several daemons share it (PostgreSQL); `nil` for SQLite.
        package let shared: (any SharedLedger)?
        /// Where it is, for messages: `/var/lib/deadlined/state.db` or `postgresql://deadlined@db/deadlined`.
        package let location: String

        /// Ends the connections of a shared ledger.
        package func close() async {
            await shared?.close()
        }
    }

    /// Opens the configured ledger and brings its schema up to date.
    ///
    /// - Parameters:
    ///   - create: SQLite: create the file when missing (the daemon's choice; commands pass `false`, so that
    ///     `sudo deadlinectl` never leaves a root-owned file). PostgreSQL: the database must exist.
    ///   - applicationName: shown in PostgreSQL's `pg_stat_activity`, e.g. `deadlined vp-ubnd-01:4242`.
    ///   - logger: where a PostgreSQL outage and the reconnection are logged.
    package static func open(
        _ configuration: Configuration, create: Bool, applicationName: String, logger: Logger
    ) async throws(StoreError) -> Opened {
        switch configuration.store.backend {
        case .sqlite:
            let path = configuration.store.sqlitePath(stateDirectory: configuration.daemon.stateDirectory) ?? ""
            return Opened(ledger: try await SQLiteLedger(path: path, create: create), shared: nil, location: path)
        case .postgresql(let settings):
            // the control socket and outbox live there
            if create { try? Folders.create(configuration.daemon.stateDirectory) }
            let ledgerConfiguration = try postgresConfiguration(settings, applicationName: applicationName)
            let ledger = try await PostgresLedger(configuration: ledgerConfiguration, logger: logger)
            return Opened(ledger: ledger, shared: ledger, location: ledger.displayName)
        }
    }

    /// The PostgresNIO-side settings, with the password read from `password_file`.
    package static func postgresConfiguration(
        _ settings: PostgresSettings, applicationName: String
    ) throws(StoreError) -> PostgresLedgerConfiguration {
        let server: PostgresLedgerConfiguration.Server =
            switch settings.location {
            case .tcp(let host, let port): .tcp(host: host, port: port)
            case .socket(let directory, let port): .unixSocket(directory: directory, port: port)
            }
        return PostgresLedgerConfiguration(
            server: server, user: settings.user, database: settings.database,
            password: try settings.passwordFile.map(readPassword),
            sslMode: ledgerSSLMode(settings.sslMode ?? SSLMode.defaultMode(isLocal: settings.isLocal)),
            caFile: settings.caFile, connectTimeoutSeconds: settings.connectTimeoutSeconds,
            applicationName: applicationName)
    }

    /// The configuration's `sslmode` as the PostgreSQL ledger takes it: every case named, nothing guessed.
    static func ledgerSSLMode(_ mode: SSLMode) -> PostgresLedgerConfiguration.SSLMode {
        switch mode {
        case .disable: .disable
        case .allow: .allow
        case .prefer: .prefer
        case .require: .require
        case .verifyCA: .verifyCA
        case .verifyFull: .verifyFull
        }
    }

    /// The password in a secret file, without its trailing line break; the error names the file only.
    static func readPassword(_ path: String) throws(StoreError) -> String {
        do {
            return String(decoding: try SecretFile.read(path), as: UTF8.self)
        } catch {
            throw StoreError(.cannotOpen, "[store] password_file: \(error)")
        }
    }
}

extension LedgerSelection {
    /// What the ledger says about done and snoozed occurrences, for `list` and `plan`: empty when there is no
    /// ledger yet (deadlined never ran); `note` says why when one exists but cannot be read.
    package static func plannerState(_ configuration: Configuration) async -> (state: PlannerState, note: String?) {
        if let path = configuration.store.sqlitePath(stateDirectory: configuration.daemon.stateDirectory),
            access(path, F_OK) != 0
        {
            return (.empty, nil)
        }
        let opened: Opened
        do { opened = try await openForCommand(configuration) } catch { return (.empty, "\(error)") }
        let result: (state: PlannerState, note: String?)
        do { result = (try await opened.ledger.plannerState(), nil) } catch { result = (.empty, "\(error)") }
        await opened.close()
        return result
    }

    /// Opens the configured ledger for a `deadlinectl` command: SQLite only if the file exists, unless `create`
    /// (`done` and `snooze` before deadlined's first run create it, as the daemon would; under systemd,
    /// `StateDirectory=` gives the file to the service's user when it starts); PostgreSQL with PostgresNIO's
    /// messages kept off the terminal.
    package static func openForCommand(
        _ configuration: Configuration, create: Bool = false
    ) async throws(StoreError) -> Opened {
        var logger = Logger(label: "deadlinectl") { _ in SwiftLogNoOpLogHandler() }
        logger.logLevel = .critical
        return try await open(
            configuration, create: create, applicationName: "deadlinectl \(HostName.current):\(getpid())",
            logger: logger)
    }
}

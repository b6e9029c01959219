import PostgresNIO

/// Where a ``PostgresLedger`` finds its database and how it talks to it: server, user, database, password and
/// TLS. Built by the daemon from `[store]` (the password read from `password_file`); never printed whole: use
/// ``displayName``, which has no password.
package struct PostgresLedgerConfiguration: Sendable {
    /// How to reach the server.
    package enum Server: Sendable, Hashable {
        /// TCP to a host name or address and port.
        case tcp(host: String, port: Int)
        /// A Unix socket: the folder that holds `.s.PGSQL.<port>` (libpq's `host=/run/postgresql`), and the port.
        case unixSocket(directory: String, port: Int)
    }

    /// libpq's `sslmode`, as admins know it. Unix sockets never use TLS.
    package enum SSLMode: String, Sendable, Hashable, CaseIterable {
        /// No TLS.
        case disable
        /// Like ``prefer`` (libpq tries plain text first; PostgresNIO asks for TLS first).
        case allow
        /// TLS if the server offers it, without checking its certificate; plain text otherwise.
        case prefer
        /// TLS or nothing; the certificate is checked only against ``PostgresLedgerConfiguration/caFile`` if set.
        case require
        /// TLS with a certificate signed by a trusted CA, whatever host name it names.
        case verifyCA = "verify-ca"
        /// TLS with a trusted certificate for the server's host name: the safe choice across a network.
        case verifyFull = "verify-full"
    }

    /// The server.
    package var server: Server
    /// The database user (role).
    package var user: String
    /// The database.
    package var database: String
    /// The password, if the server asks for one.
    package var password: String?
    /// TLS.
    package var sslMode: SSLMode
    /// A CA certificate (PEM) to trust instead of the system's (libpq's `sslrootcert`).
    package var caFile: String?
    /// Time allowed to connect and log in.
    package var connectTimeoutSeconds: Int
    /// Shown in `pg_stat_activity`, e.g. `deadlined vp-ubnd-01:4242`.
    package var applicationName: String

    /// A configuration from plain values.
    package init(
        server: Server, user: String, database: String, password: String? = nil, sslMode: SSLMode = .verifyFull,
        caFile: String? = nil, connectTimeoutSeconds: Int = 10, applicationName: String = "deadlined"
    ) {
        self.server = server
        self.user = user
        self.database = database
        self.password = password
        self.sslMode = sslMode
        self.caFile = caFile
        self.connectTimeoutSeconds = connectTimeoutSeconds
        self.applicationName = applicationName
    }

    /// `postgresql://deadlined@db.example.vn:5432/deadlined`, or with `?host=/run/postgresql` for a socket: for
    /// messages; never holds the password.
    package var displayName: String {
        switch server {
        case .tcp(let host, let port):
            let shown = host.contains(":") ? "[\(host)]" : host
            return "postgresql://\(user)@\(shown):\(port)/\(database)"
        case .unixSocket(let directory, let port):
            return "postgresql://\(user)@/\(database)?host=\(directory)&port=\(port)"
        }
    }

    /// The server's address without user and database, e.g. `db.example.vn:5432`.
    var serverName: String {
        switch server {
        case .tcp(let host, let port): host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        case .unixSocket(let directory, let port): "\(directory)/.s.PGSQL.\(port)"
        }
    }

    /// Session settings sent when connecting. `idle_in_transaction_session_timeout` ends the session of a daemon
    /// that stops (SIGSTOP, a hung VM) inside a transaction, so that the rows it locked are not held for ever; TCP
    /// keepalives do the same for a host that vanished.
    static let sessionSettings: [(String, String)] = [
        ("idle_in_transaction_session_timeout", "15000"), ("statement_timeout", "60000"),
        ("tcp_keepalives_idle", "30"), ("tcp_keepalives_interval", "10"), ("tcp_keepalives_count", "3"),
    ]

    /// The PostgresNIO connection settings, with the TLS context built from ``sslMode`` and ``caFile``.
    func connectionConfiguration() throws(StoreError) -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        switch server {
        case .tcp(let host, let port):
            configuration = .init(
                host: host, port: port, username: user, password: password, database: database, tls: try tls())
        case .unixSocket(let directory, let port):
            configuration = .init(
                unixSocketPath: "\(directory)/.s.PGSQL.\(port)", username: user, password: password,
                database: database)
        }
        configuration.options.connectTimeout = .seconds(Int64(max(1, connectTimeoutSeconds)))
        configuration.options.additionalStartupParameters =
            [("application_name", applicationName)] + Self.sessionSettings
        return configuration
    }

    private func tls() throws(StoreError) -> PostgresConnection.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let caFile { tls.trustRoots = .file(caFile) }
        switch sslMode {
        case .disable:
            return .disable
        case .allow, .prefer:
            tls.certificateVerification = .none
        case .require:
            tls.certificateVerification = caFile == nil ? .none : .noHostnameVerification
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
        case .verifyFull:
            tls.certificateVerification = .fullVerification
        }
        let context: NIOSSLContext
        do {
            context = try NIOSSLContext(configuration: tls)
        } catch {
            throw StoreError(
                .cannotOpen,
                "cannot set up TLS for \(displayName)\(caFile.map { " with the CA certificate \($0)" } ?? ""): "
                    + "\(error); check [store] ca_file (a PEM file readable by deadlined)")
        }
        return sslMode == .allow || sslMode == .prefer ? .prefer(context) : .require(context)
    }
}

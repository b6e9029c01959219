package import DeadlineKit

/// Where the ledger lives (`[store]`), and how the daemons that share it keep their claims.
package struct StoreSettings: Sendable, Hashable {
    /// The ledger's backend.
    package enum Backend: Sendable, Hashable {
        /// A SQLite file: `nil` for `state.db` in the state directory.
        case sqlite(path: String?)
        /// A PostgreSQL database that several daemons may share.
        case postgresql(PostgresSettings)
    }

    /// SQLite in the state directory unless `[store] url` says otherwise.
    package var backend: Backend = .sqlite(path: nil)
    /// PostgreSQL: how long a claim holds without renewal.
    package var leaseSeconds: Int64 = 30
    /// PostgreSQL: the longest time between two examinations of the ledger when nothing was heard.
    package var recheckSeconds: Int64 = 60

    /// The default: SQLite in the state directory.
    package init() {}

    /// The SQLite file for this backend, or `nil` for PostgreSQL.
    package func sqlitePath(stateDirectory: String) -> String? {
        guard case .sqlite(let path) = backend else { return nil }
        return path ?? stateDirectory + "/state.db"
    }
}

/// libpq's `sslmode`, read once where it is written (the URL, `[store] sslmode`, `migrate --sslmode`).
package enum SSLMode: String, CaseIterable, Sendable {
    case disable, allow, prefer, require
    case verifyCA = "verify-ca"
    case verifyFull = "verify-full"

    /// Whether traffic may go unencrypted (libpq falls back to plain text, or never tries TLS).
    package var mayBePlainText: Bool { self == .disable || self == .allow || self == .prefer }

    /// The default for a server: `prefer` on this machine, `verify-full` elsewhere.
    package static func defaultMode(isLocal: Bool) -> SSLMode { isLocal ? .prefer : .verifyFull }
}

/// A PostgreSQL database, as `[store]` describes it (the password stays in its file until the daemon reads it).
package struct PostgresSettings: Sendable, Hashable {
    /// How to reach the server.
    package enum Location: Sendable, Hashable {
        /// TCP to a host and port.
        case tcp(host: String, port: Int)
        /// The Unix socket `<directory>/.s.PGSQL.<port>`.
        case socket(directory: String, port: Int)
    }

    /// The server.
    package var location: Location
    /// The database user.
    package var user: String
    /// The database.
    package var database: String
    /// The file holding the password, if any.
    package var passwordFile: String?
    /// libpq's `sslmode`; nil until the URL or `[store] sslmode` says one (the decoder then fills in the default:
    /// `prefer` on this machine, `verify-full` elsewhere).
    package var sslMode: SSLMode?
    /// A CA certificate (PEM) to trust.
    package var caFile: String?
    /// Time allowed to connect.
    package var connectTimeoutSeconds: Int = 10

    /// Whether the server is on this machine (a Unix socket, `localhost`, 127.0.0.0/8 or ::1).
    package var isLocal: Bool {
        switch location {
        case .socket: true
        case .tcp(let host, _): host == "localhost" || host == "::1" || host.hasPrefix("127.")
        }
    }
}

/// Reads the ledger locations admins write: `sqlite`, `sqlite:/path.db`, and libpq's URLs
/// `postgresql://user@host:port/database?sslmode=verify-full` (`postgres://` too). A password in the URL is
/// refused: it belongs in `password_file`.
package enum StoreURL {
    /// The libpq URL parameters understood after `?`.
    static let parameters = ["host", "port", "user", "dbname", "sslmode", "sslrootcert", "connect_timeout"]
    /// libpq's other parameters: named in the error when given, since they are not secrets.
    static let libpqParameters: Set<String> = [
        "hostaddr", "passfile", "channel_binding", "options", "application_name", "fallback_application_name",
        "keepalives", "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout", "replication",
        "gssencmode", "sslnegotiation", "sslcompression", "sslcert", "sslkey", "sslcertmode", "sslcrl", "sslcrldir",
        "sslsni", "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version", "krbsrvname", "gsslib",
        "gssdelegation", "service", "target_session_attrs", "load_balance_hosts", "client_encoding",
    ]

    /// The backend a URL names, or why it names none (a message for the admin).
    package static func parse(_ text: String) -> Result<StoreSettings.Backend, StoreURLError> {
        if text == "sqlite" { return .success(.sqlite(path: nil)) }
        if text.hasPrefix("sqlite:") {
            var path = String(text.dropFirst(7))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard path.hasPrefix("/") else {
                return .failure(
                    StoreURLError(
                        .problem(
                            "'\(text)': write sqlite:/absolute/path/state.db, or just sqlite", "ledgerSQLitePath",
                            ["url": text])))
            }
            return .success(.sqlite(path: path))
        }
        guard let url = LenientURL(text), ["postgresql", "postgres"].contains(url.scheme.lowercased()) else {
            return .failure(
                StoreURLError(
                    .problem(
                        "'\(shown(text))' is not a ledger location; write sqlite, sqlite:/path/state.db or "
                            + "postgresql://user@host/database",
                        "notLedgerURL", ["url": shown(text)])))
        }
        return postgres(text, url: url).map(StoreSettings.Backend.postgresql)
    }

    /// `text` as a message may quote it: no password, no value of an unknown parameter.
    static func shown(_ text: String) -> String {
        Redacted.url(text, keepPath: true, showUser: true, safeParameters: Set(parameters))
    }

    private static func postgres(_ text: String, url: LenientURL) -> Result<PostgresSettings, StoreURLError> {
        var rest = url.rest
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        var query: Substring = ""
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        let path = rest.hasPrefix("/") ? rest.dropFirst() : rest
        let authority = url.authority
        var user = "deadlined"
        if let info = url.userInfo {
            if info.contains(":") {
                return .failure(StoreURLError.password)
            }
            user = percentDecoded(info)
        }
        var host = ""
        var port = 5432
        var hostPart = authority
        if hostPart.hasPrefix("["), let close = hostPart.firstIndex(of: "]") {
            host = String(hostPart[hostPart.index(after: hostPart.startIndex)..<close])
            hostPart = hostPart[hostPart.index(after: close)...]
            if hostPart.hasPrefix(":") {
                guard let p = Int(hostPart.dropFirst()), (1...65535).contains(p) else { return badPort(text) }
                port = p
            }
        } else if let colon = hostPart.lastIndex(of: ":") {
            host = String(hostPart[..<colon])
            guard let p = Int(hostPart[hostPart.index(after: colon)...]), (1...65535).contains(p) else {
                return badPort(text)
            }
            port = p
        } else {
            host = String(hostPart)
        }
        var database = path.isEmpty ? nil : percentDecoded(path)
        var settings = PostgresSettings(location: .tcp(host: host, port: port), user: user, database: "", sslMode: nil)
        var sslModeText: String?
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(percentDecoded)
            let (name, value) = (parts.first ?? "", parts.count > 1 ? parts[1] : "")
            switch name {
            case "host": host = value
            case "port":
                guard let p = Int(value), (1...65535).contains(p) else { return badPort(text) }
                port = p
            case "user": user = value
            case "dbname": database = value
            case "sslmode": sslModeText = value
            case "sslrootcert": settings.caFile = value
            case "connect_timeout":
                guard let seconds = Int(value), (1...600).contains(seconds) else {
                    return .failure(
                        StoreURLError(
                            .problem(
                                "the URL's connect_timeout must be a number of seconds from 1 to 600",
                                "ledgerConnectTimeout")))
                }
                settings.connectTimeoutSeconds = seconds
            case "password":
                return .failure(StoreURLError.password)
            default:
                // The name is quoted only when it is one of libpq's or near one of ours: a lone token may be a secret.
                let hint = Suggestions.hintPhrase(for: name, in: parameters)
                let known = parameters.joined(separator: ", ")
                guard libpqParameters.contains(name) || !hint.english.isEmpty else {
                    return .failure(
                        StoreURLError(
                            .problem(
                                "the URL has a parameter deadlined does not understand (not shown, in case it is a "
                                    + "secret); deadlined understands \(known)",
                                "ledgerHiddenParameter", ["known": known])))
                }
                return .failure(
                    StoreURLError(
                        .problem(
                            "unknown URL parameter '\(name)'\(hint); deadlined understands \(known)",
                            "ledgerUnknownParameter", ["name": name, "known": known], parts: ["hint": hint])))
            }
        }
        if let sslModeText, !sslModeText.isEmpty {
            settings.sslMode = SSLMode(rawValue: sslModeText)
        }
        if let sslModeText, !sslModeText.isEmpty, settings.sslMode == nil {
            let hint = Suggestions.hintPhrase(for: sslModeText, in: ConfigSchema.sslModes)
            let modes = ConfigSchema.sslModes.joined(separator: ", ")
            return .failure(
                StoreURLError(
                    .problem(
                        "the URL's sslmode is not a valid sslmode\(hint) (one of \(modes))", "ledgerSSLMode",
                        ["list": modes], parts: ["hint": hint])))
        }
        settings.user = user
        settings.database = database ?? user
        settings.location =
            host.isEmpty || host.hasPrefix("/")
            ? .socket(directory: host.isEmpty ? "/var/run/postgresql" : host, port: port)
            : .tcp(host: host.lowercased(), port: port)
        return .success(settings)
    }

    private static func badPort(_ text: String) -> Result<PostgresSettings, StoreURLError> {
        // Not quoted: what stands where the port goes may be a password written without its user.
        .failure(StoreURLError(.problem("the URL's port must be a number from 1 to 65535", "ledgerPort")))
    }

    private static func percentDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var index = text.utf8.startIndex
        let utf8 = text.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%"), let high = utf8.index(index, offsetBy: 1, limitedBy: utf8.endIndex),
                let low = utf8.index(index, offsetBy: 2, limitedBy: utf8.endIndex), low < utf8.endIndex,
                let value = UInt8(String(decoding: [utf8[high], utf8[low]], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index = utf8.index(after: low)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Why a ledger location could not be read.
package struct StoreURLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong and how to write it, with its catalog entry (`diagnostic.ledger…`).
    package let phrase: Phrase

    /// What is wrong and how to write it, in English.
    package var description: String { phrase.english }

    init(_ phrase: Phrase) { self.phrase = phrase }

    static let password = StoreURLError(
        .problem(
            "the URL holds a password; remove it and put the password in [store] password_file", "ledgerPassword"))
}

extension ConfigSchema {
    /// libpq's `sslmode` values.
    package static let sslModes = SSLMode.allCases.map(\.rawValue)
}

extension ConfigDecoder {
    /// `[store]`: the URL, then the keys that refine it; every problem at its key.
    mutating func decodeStore(_ table: TOMLTable, file: String) -> StoreSettings {
        var settings = StoreSettings()
        var r = TableReader(table, file: file, spec: ConfigSchema.store)
        let url = r.nonEmptyString("url", &sink)
        let passwordFile = r.nonEmptyString("password_file", &sink).flatMap {
            resolvePath($0, file: file, mustExist: true, secret: true)
        }
        let sslMode = r.string("sslmode", &sink)
        let caFile = r.nonEmptyString("ca_file", &sink).flatMap { resolvePath($0, file: file, mustExist: true) }
        let connectTimeout = r.duration("connect_timeout", &sink)
        if let seconds = r.duration("lease", &sink) { settings.leaseSeconds = seconds }
        if let seconds = r.duration("recheck", &sink) { settings.recheckSeconds = seconds }
        r.reportUnknownKeys(&sink, alsoKnownIn: [ConfigSchema.daemon])
        if let sslMode, !ConfigSchema.sslModes.contains(sslMode.value) {
            let list = ConfigSchema.sslModes.map { "\"\($0)\"" }.joined(separator: ", ")
            sink.error(
                file, sslMode.range,
                .problem(
                    "'\(sslMode.value)' is not a valid "
                        + "sslmode\(Suggestions.hint(for: sslMode.value, in: ConfigSchema.sslModes)) (one of \(list))",
                    "notSSLMode", ["text": "\(sslMode.value)", "list": "\(list)"],
                    parts: ["hint": Suggestions.hintPhrase(for: sslMode.value, in: ConfigSchema.sslModes)]))
        }
        guard let url else { return settings }
        switch StoreURL.parse(url.value) {
        case .failure(let error):
            sink.error(file, url.range, error.phrase)
        case .success(.sqlite(let path)):
            settings.backend = .sqlite(path: path)
            for key in ["password_file", "sslmode", "ca_file", "connect_timeout"] {
                if let entry = table.entry(forKey: key) {
                    sink.warning(
                        file, entry.keyRange,
                        .problem(
                            "'\(key)' has no effect: the ledger is a SQLite file", "uselessWithSQLite",
                            ["key": "\(key)"]))
                }
            }
        case .success(.postgresql(var pg)):
            let given = sslMode.flatMap { SSLMode(rawValue: $0.value) }
            if let sslMode, let inURL = pg.sslMode, given != inURL {
                sink.error(
                    file, sslMode.range,
                    .problem(
                        "sslmode is given twice, here and in the url (sslmode=\(inURL.rawValue))", "sslModeTwice",
                        ["mode": inURL.rawValue]))
            }
            let mode = given ?? pg.sslMode ?? SSLMode.defaultMode(isLocal: pg.isLocal)
            pg.sslMode = mode
            if let caFile { pg.caFile = caFile }
            pg.passwordFile = passwordFile
            if let connectTimeout { pg.connectTimeoutSeconds = Int(connectTimeout) }
            if !pg.isLocal, mode.mayBePlainText {
                sink.warning(
                    file, sslMode?.range ?? url.range,
                    .problem(
                        "the ledger's traffic to \(StoreURL.shown(url.value)) may go unencrypted over the network "
                            + "(sslmode = \"\(mode.rawValue)\"); prefer \"verify-full\"",
                        "ledgerPlaintext", ["url": "\(StoreURL.shown(url.value))", "mode": mode.rawValue]))
            }
            settings.backend = .postgresql(pg)
        }
        return settings
    }
}

import DeadlineKit

extension ConfigDecoder {
    /// Keys that would put a secret in the config itself: refused, and their values never echoed.
    static let inlineSecretKeys: [String: String] = [
        "password": "password_file", "pass": "password_file", "secret": "secret_file", "token": "token_file",
        "api_key": "secret_file", "bot_token": "token_file",
    ]

    mutating func decodeChannel(_ entry: TOMLTable.Entry, file: String) {
        let name = Located(entry.key, file: file, range: entry.keyRange)
        guard case .table(let table) = entry.node.value else {
            sink.error(
                file, entry.node.range,
                .problem(
                    "channel '\(entry.key)' must be a table: write [channels.\(entry.key)] and its keys below",
                    "channelMustBeTable", ["name": "\(entry.key)"]))
            return
        }
        if !ValueDecoding.isValidID(entry.key) {
            sink.error(
                file, entry.keyRange,
                .problem(
                    "channel name '\(entry.key)' may use only letters a-z, digits, '-', '_' and '.'", "badChannelName",
                    ["name": "\(entry.key)"]))
        }
        if let first = channels[entry.key] {
            sink.error(
                file, entry.keyRange,
                .problem(
                    "channel '\(entry.key)' is defined twice (first at \(first.name.file):\(first.name.range.start))",
                    "channelTwice",
                    ["name": "\(entry.key)", "file": "\(first.name.file)", "position": "\(first.name.range.start)"]))
            return
        }
        for e in table.entries {
            if let replacement = Self.inlineSecretKeys[e.key] {
                sink.error(
                    file, e.keyRange,
                    .problem(
                        "secrets are not allowed in config files: put it in a file readable only by deadlined (chmod "
                            + "600) and set \(replacement) = \"/etc/deadlined/secrets/...\"; remove '\(e.key)' from "
                            + "this file",
                        "secretInConfig", ["replacement": "\(replacement)", "key": "\(e.key)"]))
            }
        }
        let unknownSecrets = Set(Self.inlineSecretKeys.keys)
        let filtered = TOMLTable(
            entries: table.entries.filter { !unknownSecrets.contains($0.key) }, headerRange: table.headerRange,
            isInline: table.isInline)
        let specs = [ConfigSchema.smtpChannel, ConfigSchema.webhookChannel, ConfigSchema.outboxChannel]
        var probe = TableReader(filtered, file: file, spec: ConfigSchema.outboxChannel)
        guard let kind: ChannelKind = probe.choice("type", &sink) else {
            if filtered["type"] == nil {
                sink.error(
                    file, filtered.headerRange ?? entry.keyRange,
                    .problem(
                        "channel '\(entry.key)' needs a type: type = \"smtp\", \"webhook\" or \"outbox\"",
                        "channelNeedsType", ["name": "\(entry.key)"]))
            }
            return
        }
        let spec = specs.first { $0.header.contains("\"\(kind.rawValue)\"") }!
        var r = TableReader(filtered, file: file, spec: spec)
        _ = r.node("type")
        let language: Language? = r.choice("language", &sink)
        let settings: ChannelSettings?
        switch kind {
        case .outbox:
            let directory = r.nonEmptyString("directory", &sink)?.value ?? "outbox"
            var outbox = OutboxSettings(
                name: entry.key, directory: FileSystem.join(daemon.stateDirectory, directory), language: language)
            outbox.from = r.mailbox("from", &sink)
            settings = .outbox(outbox)
        case .smtp:
            settings = decodeSMTP(&r, name: entry.key, file: file, language: language)
        case .webhook:
            settings = decodeWebhook(&r, name: entry.key, file: file, language: language)
        }
        r.reportUnknownKeys(&sink, alsoKnownIn: specs.filter { $0.header != spec.header })
        if let settings {
            channels[entry.key] = DecodedChannel(settings: settings, name: name)
            channelOrder.append(entry.key)
        }
    }

    private mutating func decodeSMTP(
        _ r: inout TableReader, name: String, file: String, language: Language?
    ) -> ChannelSettings? {
        let url = r.nonEmptyString("url", &sink, required: true)
        let from = r.mailbox("from", &sink, required: true)
        let startTLS: StartTLSPolicy? = r.choice("starttls", &sink)
        let allowPlaintext = r.bool("allow_plaintext", &sink) ?? false
        let replyTo = r.mailbox("reply_to", &sink)
        let username = r.nonEmptyString("username", &sink)?.value
        let passwordFile = secretFile(&r, key: "password_file", file: file)
        let caFile = r.nonEmptyString("ca_file", &sink).map { resolvePath($0, file: file, mustExist: true) } ?? nil
        let connectTimeout = r.duration("connect_timeout", &sink) ?? 10
        let timeout = r.duration("timeout", &sink) ?? 60
        checkSendTime(connectTimeout + timeout, &r, file: file)
        let onePer = r.bool("one_message_per_recipient", &sink) ?? false
        let ics = r.bool("attach_ics", &sink) ?? false
        let connections = r.integer("connections", &sink)?.value
        if username != nil, passwordFile == nil, r.table["password_file"] == nil {
            sink.warning(
                file, r.table.entry(forKey: "username")?.keyRange,
                .problem(
                    "'username' is set but 'password_file' is not; the server will likely refuse to log in",
                    "usernameWithoutPassword"))
        }
        guard let url, let from else { return nil }
        if LenientURL(url.value)?.userInfo != nil {
            sink.error(
                file, url.range,
                .problem(
                    "the URL holds a user name or password (before '@'); secrets stay out of config files: put the "
                        + "user in username and the password in a file named by password_file",
                    "smtpURLUserInfo"))
            return nil
        }
        guard let parsed = ServerURL(url.value), parsed.scheme == "smtp" || parsed.scheme == "smtps" else {
            sink.error(
                file, url.range,
                .problem(
                    "'\(Redacted.url(url.value, keepPath: false))' is not an SMTP URL; write smtp://host:port "
                        + "(STARTTLS) or smtps://host:port (TLS)",
                    "notSMTPURL", ["url": "\(Redacted.url(url.value, keepPath: false))"]))
            return nil
        }
        if parsed.scheme == "smtps", startTLS != nil, let range = r.table.entry(forKey: "starttls")?.keyRange {
            sink.warning(
                file, range,
                .problem("'starttls' has no effect with smtps://, where TLS starts at once", "starttlsWithSMTPS"))
        }
        if parsed.scheme == "smtp", startTLS == .opportunistic, username != nil || passwordFile != nil {
            sink.warning(
                file, r.table.entry(forKey: "starttls")?.node.range,
                .problem(
                    "with starttls = \"opportunistic\" and a password, a server that offers no STARTTLS gets no mail: "
                        + "deadlined never sends the password unencrypted, so those deliveries fail; use \"required\" "
                        + "to say so plainly",
                    "opportunisticWithPassword"))
        }
        if parsed.scheme == "smtp", startTLS == .off {
            let range = r.table.entry(forKey: "starttls")?.node.range
            if parsed.isLoopback {
                sink.warning(
                    file, range,
                    .problem(
                        "mail to \(parsed.host) is sent unencrypted (starttls = \"off\"); acceptable only because the "
                            + "server is on this machine",
                        "plaintextLocal", ["host": "\(parsed.host)"]))
            } else if allowPlaintext {
                sink.warning(
                    file, range,
                    .problem(
                        "mail to \(parsed.host) is sent unencrypted over the network (starttls = \"off\" with "
                            + "allow_plaintext = true)",
                        "plaintextAllowed", ["host": "\(parsed.host)"]))
            } else {
                sink.error(
                    file, range,
                    .problem(
                        "starttls = \"off\" would send mail to \(parsed.host) unencrypted over the network; use "
                            + "\"required\", or add allow_plaintext = true if you accept that",
                        "plaintextRefused", ["host": "\(parsed.host)"]))
            }
        }
        return .smtp(
            SMTPSettings(
                name: name, url: url.value, startTLS: startTLS ?? .required, from: from, replyTo: replyTo,
                username: username,
                passwordFile: passwordFile, caFile: caFile, connectTimeoutSeconds: Int(connectTimeout),
                timeoutSeconds: Int(timeout), onePerRecipient: onePer, attachICS: ics, language: language,
                connections: connections ?? SMTPSettings.defaultConnections))
    }

    private mutating func decodeWebhook(
        _ r: inout TableReader, name: String, file: String, language: Language?
    ) -> ChannelSettings? {
        let url = r.nonEmptyString("url", &sink, required: true)
        let format: WebhookFormat = r.choice("format", &sink) ?? .json
        let secret = secretFile(&r, key: "secret_file", file: file)
        let token = secretFile(&r, key: "token_file", file: file)
        let chatID = r.nonEmptyString("chat_id", &sink)?.value
        var headers: [String: String] = [:]
        if let n = r.node("headers") {
            if case .table(let t) = n.value {
                for e in t.entries {
                    guard case .string(let v) = e.node.value else {
                        sink.error(
                            file, e.node.range,
                            .problem("header '\(e.key)' must be a string", "headerNotString", ["name": "\(e.key)"]))
                        continue
                    }
                    if let problem = HeaderLines.nameProblem(e.key) {
                        sink.error(file, e.keyRange, problem)
                    } else if !HeaderLines.isValidValue(v) {
                        sink.error(
                            file, e.node.range,
                            .problem(
                                "the value of header '\(e.key)' may not contain line breaks or control characters",
                                "headerValueControl", ["name": "\(e.key)"]))
                    } else {
                        if Self.looksSecret(header: e.key) {
                            sink.warning(
                                file, e.keyRange,
                                .problem(
                                    "header '\(e.key)' looks like a secret, and secrets stay out of config files: put "
                                        + "it in a file named by headers_file (one 'Name: value' per line, chmod 600)",
                                    "headerLooksSecret", ["name": "\(e.key)"]))
                        }
                        headers[e.key] = v
                    }
                }
            } else {
                r.typeError(n, key: "headers", expected: .problem("a table of strings", "expectTableOfStrings"), &sink)
            }
        }
        let headersFile = secretFile(&r, key: "headers_file", file: file)
        if let headersFile {
            checkHeadersFile(
                headersFile, inline: headers, file: file, range: r.table.entry(forKey: "headers_file")?.node.range)
        }
        let connectTimeout = r.duration("connect_timeout", &sink) ?? 10
        let timeout = r.duration("timeout", &sink) ?? 30
        checkSendTime(connectTimeout + timeout, &r, file: file)
        let follow = r.bool("follow_redirects", &sink) ?? false
        let connections = r.integer("connections", &sink)?.value
        let caFile = r.nonEmptyString("ca_file", &sink).map { resolvePath($0, file: file, mustExist: true) } ?? nil
        guard let url else { return nil }
        if LenientURL(url.value)?.userInfo != nil {
            sink.error(
                file, url.range,
                .problem(
                    "the URL holds a user name or password (before '@'); secrets stay out of config files: give the "
                        + "credentials as an Authorization header in a file named by headers_file",
                    "webhookURLUserInfo"))
            return nil
        }
        guard let parsed = ServerURL(url.value), parsed.scheme == "http" || parsed.scheme == "https" else {
            sink.error(
                file, url.range,
                .problem(
                    "'\(Redacted.url(url.value, keepPath: false))' is not an http:// or https:// URL", "notHTTPURL",
                    ["url": "\(Redacted.url(url.value, keepPath: false))"]))
            return nil
        }
        if parsed.scheme == "http", !parsed.isLoopback {
            sink.warning(
                file, url.range,
                .problem(
                    "webhooks to \(parsed.host) go unencrypted over http://; prefer https://", "webhookPlaintext",
                    ["host": "\(parsed.host)"]))
        }
        if format == .telegram {
            if token == nil, r.table["token_file"] == nil {
                sink.error(
                    file, r.anchor,
                    .problem("format = \"telegram\" needs token_file (a file holding the bot token)", "telegramToken"))
            }
            if chatID == nil {
                sink.error(
                    file, r.anchor, .problem("format = \"telegram\" needs chat_id, the chat to post to", "telegramChat")
                )
            }
        }
        var settings = WebhookSettings(
            name: name, url: url.value, format: format, secretFile: secret, tokenFile: token, chatID: chatID,
            headers: headers, connectTimeoutSeconds: Int(connectTimeout), timeoutSeconds: Int(timeout),
            followRedirects: follow, language: language, connections: connections ?? WebhookSettings.defaultConnections)
        settings.caFile = caFile
        settings.headersFile = headersFile
        return .webhook(settings)
    }

    /// Header names that usually carry a credential.
    static func looksSecret(header name: String) -> Bool {
        let lowered = name.lowercased()
        return ["authorization", "cookie", "proxy-authorization"].contains(lowered)
            || ["token", "key", "secret", "auth", "password", "signature"].contains { lowered.contains($0) }
    }

    /// Reads a `headers_file` (when this user can) and reports its problems at its own lines; names given both
    /// there and in `headers` are an error at the key. The values are never quoted.
    private mutating func checkHeadersFile(_ path: String, inline: [String: String], file: String, range: SourceRange?)
    {
        guard FileSystem.info(path)?.isRegular == true, FileSystem.isReadable(path),
            let bytes = try? FileSystem.readBytes(path, limit: 1 << 16)
        else { return }  // missing, unreadable or not a file: resolvePath said so
        guard let text = String(validating: bytes, as: UTF8.self) else {
            sink.error(
                path, nil, .problem("the headers file is not UTF-8 text; save it as UTF-8", "headersFileNotUTF8"))
            return
        }
        let (headers, problems) = HeaderLines.parse(text)
        for problem in problems {
            sink.error(path, SourceRange(at: .init(line: problem.line, column: problem.column)), problem.message)
        }
        let inlineNames = Set(inline.keys.map { $0.lowercased() })
        for header in headers where inlineNames.contains(header.name.lowercased()) {
            sink.error(
                file, range,
                .problem(
                    "header '\(header.name)' is given both in headers and in headers_file (line \(header.line)); keep "
                        + "one",
                    "headerTwice", ["name": "\(header.name)", "line": "\(header.line)"]))
        }
    }

    /// The longest a send may take, `connect_timeout` + `timeout`, must stay below the watchdog interval: the daemon
    /// pings the watchdog between sends, so one that hangs that long gets it killed. The interval is
    /// `$WATCHDOG_USEC` when systemd set it (the daemon's start and reloads: an error), else the shipped unit's
    /// `WatchdogSec=3min` (`check` run by an admin: a warning, since the unit may have been changed).
    private mutating func checkSendTime(_ seconds: Int64, _ r: inout TableReader, file: String) {
        let fromSystemd = environment["WATCHDOG_USEC"].flatMap { Int64($0) }.map { $0 / 1_000_000 }.flatMap {
            $0 > 0 ? $0 : nil
        }
        let watchdog = fromSystemd ?? ConfigSchema.shippedWatchdogSeconds
        guard seconds >= watchdog else { return }
        let range =
            r.table.entry(forKey: "timeout")?.node.range ?? r.table.entry(forKey: "connect_timeout")?.node.range
            ?? r.anchor
        let total = DurationParser.format(seconds: seconds)
        let interval = DurationParser.format(seconds: watchdog)
        let unit = fromSystemd == nil ? ", WatchdogSec= in deadlined.service" : ""
        let message = Phrase.problem(
            "connect_timeout + timeout (\(total)) must be below the watchdog interval (\(interval)\(unit)): "
                + "a send that takes that long gets deadlined killed; lower them, or raise WatchdogSec= "
                + "(systemctl edit deadlined)",
            fromSystemd == nil ? "sendTimeShippedWatchdog" : "sendTimeWatchdog", ["total": total, "interval": interval])
        if fromSystemd == nil {
            sink.warning(file, range, message)
        } else {
            sink.error(file, range, message)
        }
    }

    /// A path to a secret: it must exist and must not be readable by everyone. The secret itself is never read
    /// here and never printed.
    private mutating func secretFile(_ r: inout TableReader, key: String, file: String) -> String? {
        guard let s = r.nonEmptyString(key, &sink) else { return nil }
        return resolvePath(s, file: file, mustExist: true, secret: true)
    }

    /// Expands `$CREDENTIALS_DIRECTORY`, makes relative paths relative to the file's folder, and checks the file.
    mutating func resolvePath(_ s: Located<String>, file: String, mustExist: Bool, secret: Bool = false) -> String? {
        var path = s.value
        for token in ["${CREDENTIALS_DIRECTORY}", "$CREDENTIALS_DIRECTORY"] where path.contains(token) {
            guard let dir = environment["CREDENTIALS_DIRECTORY"], !dir.isEmpty else {
                // Only the service has credentials; the path is checked when the daemon loads it.
                return path
            }
            path = path.replacingAll(token, with: dir)
        }
        path = FileSystem.join(FileSystem.directory(of: file), path)
        guard mustExist else { return path }
        guard let info = FileSystem.info(path) else {
            // A secret path that names no file may be the secret itself, written by mistake (password_file =
            // "MyMailPassw0rd!"): it is quoted only when it reads as a path to a folder that exists.
            if secret, !(s.value.contains("/") && FileSystem.info(FileSystem.directory(of: path))?.isDirectory == true)
            {
                sink.error(
                    file, s.range,
                    .problem(
                        "no file by this name exists (the value is not shown, in case it is the secret itself); write "
                            + "the path of a file that holds the secret, e.g. \"/etc/deadlined/secrets/NAME\", "
                            + "created with install -m 600 /dev/null PATH",
                        "secretFileMissingHidden"))
                return path
            }
            sink.error(
                file, s.range,
                secret
                    ? .problem(
                        "the file '\(path)' does not exist (create it with: install -m 600 /dev/null \(path), then "
                            + "write the secret into it)",
                        "secretFileMissing", ["path": path])
                    : .problem("the file '\(path)' does not exist", "fileMissing", ["path": path]))
            return path
        }
        if !info.isRegular {
            sink.error(
                file, s.range, .problem("'\(path)' is not a regular file", "notRegularFile", ["path": "\(path)"]))
        } else if secret, let message = SecretFilePolicy.phrase(path: path, mode: info.mode) {
            sink.error(file, s.range, message)
        } else if !FileSystem.isReadable(path) {
            sink.warning(
                file, s.range,
                .problem(
                    "'\(path)' cannot be read by this user; make sure the deadlined user can read it", "unreadableFile",
                    ["path": "\(path)"]))
        }
        return path
    }
}

/// The parts of a server URL the config checks: scheme, host, port.
struct ServerURL {
    let scheme: String
    let host: String
    let port: Int?

    init?(_ text: String) {
        guard let url = LenientURL(text) else { return nil }
        scheme = url.scheme.lowercased()
        var hostPart = String(url.authority)
        var portPart: String?
        if hostPart.hasPrefix("["), let close = hostPart.firstIndex(of: "]") {
            let after = hostPart[hostPart.index(after: close)...]
            if after.hasPrefix(":") { portPart = String(after.dropFirst()) }
            hostPart = String(hostPart[hostPart.index(after: hostPart.startIndex)..<close])
        } else if let colon = hostPart.lastIndex(of: ":") {
            portPart = String(hostPart[hostPart.index(after: colon)...])
            hostPart = String(hostPart[..<colon])
        }
        guard !hostPart.isEmpty, !hostPart.contains(" ") else { return nil }
        host = hostPart.lowercased()
        if let portPart {
            guard let p = Int(portPart), (1...65535).contains(p) else { return nil }
            port = p
        } else {
            port = nil
        }
    }

    var isLoopback: Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

import DeadlineKit

/// The web side (`[web]`): where people reach it, the key that signs its links, how long a link works.
package struct WebSettings: Sendable, Hashable {
    /// The site's address through the reverse proxy, as written (without a trailing `/`).
    package var publicURL: String
    /// The key file, `$CREDENTIALS_DIRECTORY` expanded where set, relative paths made absolute in the state directory.
    package var keyFile: String
    /// How long a confirmation link works after its reminder was sent.
    package var linkLifetimeSeconds: Int64 = 60 * 86_400

    package init(publicURL: String, keyFile: String) {
        self.publicURL = publicURL
        self.keyFile = keyFile
    }
}

extension ConfigDecoder {
    /// `[web]`, after `[daemon]` (a relative key file is in the state directory).
    mutating func decodeWeb(_ table: TOMLTable, file: String) -> WebSettings? {
        var r = TableReader(table, file: file, spec: ConfigSchema.web)
        let url = r.nonEmptyString("public_url", &sink, required: true)
        let keyFile = r.nonEmptyString("key_file", &sink)
        let lifetime = r.duration("link_lifetime", &sink)
        r.reportUnknownKeys(&sink)
        guard let url else { return nil }
        var publicURL = url.value
        while publicURL.hasSuffix("/") { publicURL.removeLast() }
        guard let server = ServerURL(publicURL), ["http", "https"].contains(server.scheme), !publicURL.contains("?"),
            !publicURL.contains("#")
        else {
            sink.error(
                file, url.range,
                .problem(
                    "'\(url.value)' is not a web address; write it as https://host[/path], as people open it",
                    "notWebAddress", ["url": "\(url.value)"]))
            return nil
        }
        if server.scheme == "http", !server.isLoopback {
            sink.warning(
                file, url.range,
                .problem(
                    "links to '\(url.value)' travel unencrypted; put the office's reverse proxy with TLS in front and "
                        + "write https://",
                    "linksPlaintext", ["url": "\(url.value)"]))
        }
        var settings = WebSettings(publicURL: publicURL, keyFile: webKeyPath(keyFile?.value ?? "web-key"))
        if let lifetime {
            if lifetime < 3600 {
                sink.error(
                    file, table.entry(forKey: "link_lifetime")?.node.range,
                    .problem("'link_lifetime' must be at least 1h", "linkLifetimeShort"))
            } else {
                settings.linkLifetimeSeconds = lifetime
            }
        }
        checkWebKey(settings.keyFile, file: file, range: keyFile?.range ?? url.range)
        return settings
    }

    /// `$CREDENTIALS_DIRECTORY` expanded (left as written outside the service), relative paths in the state directory.
    private func webKeyPath(_ written: String) -> String {
        var path = written
        for token in ["${CREDENTIALS_DIRECTORY}", "$CREDENTIALS_DIRECTORY"] where path.contains(token) {
            guard let dir = environment["CREDENTIALS_DIRECTORY"], !dir.isEmpty else { return path }
            path = path.replacingAll(token, with: dir)
        }
        return FileSystem.join(daemon.stateDirectory, path)
    }

    /// A missing key is a warning (the web side stays off until `deadlinectl web-key` makes one, and that command
    /// must be able to read this configuration); a key everyone may read is an error, as for every secret file.
    private mutating func checkWebKey(_ path: String, file: String, range: SourceRange?) {
        guard !path.contains("CREDENTIALS_DIRECTORY") else { return }  // checked when the service loads it
        guard let info = FileSystem.info(path) else {
            sink.warning(
                file, range,
                .problem(
                    "the link key '\(path)' does not exist yet; create it with: deadlinectl web-key (until then "
                        + "reminders carry no links)",
                    "linkKeyMissing", ["path": "\(path)"]))
            return
        }
        if !info.isRegular {
            sink.error(file, range, .problem("'\(path)' is not a regular file", "notRegularFile", ["path": "\(path)"]))
        } else if info.mode & 0o004 != 0 {
            sink.error(
                file, range,
                .problem(
                    "the secret file '\(path)' is readable by everyone (mode \(String(info.mode & 0o777, radix: 8))); "
                        + "run: chmod 600 \(path)",
                    "secretReadableByAll", ["path": "\(path)", "mode": "\(String(info.mode & 0o777, radix: 8))"]))
        } else if !FileSystem.isReadable(path) {
            sink.warning(
                file, range,
                .problem(
                    "'\(path)' cannot be read by this user; make sure the deadlined user can read it", "unreadableFile",
                    ["path": "\(path)"]))
        }
    }
}

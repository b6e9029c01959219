/// A webhook URL taken apart just enough to name its server in errors and to know which parts are secret.
///
/// Errors and receipts show only `host:port`. The path and query often carry a credential (Telegram's
/// `https://api.telegram.org/bot<TOKEN>/sendMessage`, chat webhooks' `/hooks/<id>/<secret>`), so they, the
/// user-info, a Telegram bot token and every long path segment with a digit in it are added to the redactor
/// that scrubs libcurl's messages and response excerpts.
struct WebhookURL: Sendable, Equatable {
    /// The URL exactly as given, for libcurl.
    let text: String
    /// `http` or `https`.
    let scheme: String
    /// The host, IPv6 addresses without brackets.
    let host: String
    /// The port, explicit or the scheme's default.
    let port: Int
    /// Parts of the URL that must never be shown.
    let secrets: [String]

    /// `host:port` (IPv6 in brackets).
    var hostAndPort: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    init(_ text: String) throws(DeliveryConfigurationError) {
        func invalid(_ problem: String) -> DeliveryConfigurationError {
            DeliveryConfigurationError(setting: "url", problem: problem)
        }
        guard text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
            throw invalid("the URL has spaces, control or non-ASCII characters; percent-encode them")
        }
        let lower = text.lowercased()
        let scheme: String
        if lower.hasPrefix("https://") {
            scheme = "https"
        } else if lower.hasPrefix("http://") {
            scheme = "http"
        } else {
            throw invalid("the URL must start with https:// (or http:// on a trusted network)")
        }
        guard !text.contains("#") else { throw invalid("the URL has a fragment ('#…'), which is never sent") }
        let rest = text.dropFirst(scheme.count + 3)
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let pathAndQuery = String(rest[authorityEnd...])
        var secrets: [String] = []
        if let at = authority.lastIndex(of: "@") {
            secrets.append(String(authority[..<at]))
            authority = authority[authority.index(after: at)...]
        }
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid("unterminated IPv6 address") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") {
                portText = after.dropFirst()
            } else if !after.isEmpty {
                throw invalid("bad host")
            }
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty else { throw invalid("the URL has no host") }
        var port = scheme == "https" ? 443 : 80
        if let portText {
            guard let value = Int(portText), (1...65535).contains(value) else {
                throw invalid("the port must be a number from 1 to 65535")
            }
            port = value
        }
        if pathAndQuery.count > 1 {
            secrets.append(pathAndQuery)
            let segments = pathAndQuery.split(whereSeparator: { "/?&=".contains($0) })
            for segment in segments {
                if segment.hasPrefix("bot"), segment.contains(":") { secrets.append(String(segment.dropFirst(3))) }
                if segment.count >= 16, segment.contains(where: \.isNumber) { secrets.append(String(segment)) }
            }
        }
        self.text = text
        self.scheme = scheme
        self.host = String(host)
        self.port = port
        self.secrets = secrets
    }

    /// `scheme://host[:port]/…` of another URL (a redirect target), without its path or query.
    static func origin(of location: String) -> String {
        guard let schemeEnd = location.firstRange(of: "://") else { return "a relative address" }
        let afterScheme = location[schemeEnd.upperBound...]
        let isDelimiter: (Character) -> Bool = { $0 == "/" || $0 == "?" || $0 == "#" }
        let end = afterScheme.firstIndex(where: isDelimiter) ?? afterScheme.endIndex
        var authority = afterScheme[..<end]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        let suffix = end == afterScheme.endIndex ? "" : "/…"
        return String(location[..<schemeEnd.upperBound]) + authority + suffix
    }
}

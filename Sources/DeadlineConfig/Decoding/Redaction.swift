import DeadlineKit
/// A URL taken apart leniently, for checks and for messages. The user-info ends at the last `@` before the host even
/// when a password holds `/`, `?` or `#` (which a URL should percent-encode, and admins do not), so that such a
/// password is still recognised as one, refused, and never quoted.
struct LenientURL {
    /// As written, e.g. `postgresql`.
    let scheme: Substring
    /// `user` or `user:password`, when the URL has one.
    let userInfo: Substring?
    /// `host`, `host:port` or `[v6]:port`.
    let authority: Substring
    /// The path, query and fragment: empty, or starting with `/`, `?` or `#`.
    let rest: Substring

    init?(_ text: String) {
        guard let separator = text.firstRange(of: "://") else { return nil }
        scheme = text[..<separator.lowerBound]
        var tail = text[separator.upperBound...]
        var info: Substring?
        if let at = tail.lastIndex(of: "@"), Self.isUserInfo(tail[..<at]) {
            info = tail[..<at]
            tail = tail[tail.index(after: at)...]
        }
        userInfo = info
        let end = tail.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? tail.endIndex
        authority = tail[..<end]
        rest = tail[end...]
    }

    /// Whether the text before an `@` is a user-info: plainly so when it holds no `/`, `?` or `#`; otherwise when
    /// what comes before the first of them is `user:something` that is not a port number (`user:pa/ss`), since an
    /// `@` in a path or query (`/x?email=a@b`) is no user-info.
    static func isUserInfo(_ candidate: Substring) -> Bool {
        guard let cut = candidate.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) else { return true }
        let head = candidate[..<cut]
        guard let colon = head.firstIndex(of: ":") else { return false }
        let after = head[head.index(after: colon)...]
        return after.isEmpty || !after.unicodeScalars.allSatisfy { $0.asciiDigit != nil }
    }
}

/// Values from the configuration as messages may quote them: what may be a secret is replaced by `[redacted]`.
enum Redacted {
    /// A URL with its user-info replaced (all of it, or with `showUser` the part after the user's `:`; a webhook's
    /// user may itself be a token, a database's is not), and either its path kept with the values of its query
    /// parameters replaced (except `safeParameters`, e.g. libpq's `sslmode`), or, with `keepPath` false (webhooks,
    /// whose paths and queries often are tokens), its path and query shown as `/…`.
    static func url(_ text: String, keepPath: Bool, showUser: Bool = false, safeParameters: Set<String> = []) -> String
    {
        guard let url = LenientURL(text) else {
            // Not a URL; an `@` may still end a user and a password (`postgresql:user:password@host`).
            if let at = text.lastIndex(of: "@") { return "[redacted]@" + String(text[text.index(after: at)...]) }
            return text
        }
        var out = String(url.scheme) + "://"
        if let info = url.userInfo {
            let user = info.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            out += showUser ? user[0] + (user.count > 1 ? ":[redacted]@" : "@") : "[redacted]@"
        }
        out += url.authority
        guard !url.rest.isEmpty else { return out }
        guard keepPath else { return out + "/…" }
        var rest = url.rest
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        guard let mark = rest.firstIndex(of: "?") else { return out + String(rest) }
        out += rest[..<mark]
        let pairs = rest[rest.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: false).map {
            pair in
            guard let equals = pair.firstIndex(of: "=") else {
                return safeParameters.contains(String(pair)) ? String(pair) : "[redacted]"
            }
            let name = pair[..<equals]
            return safeParameters.contains(String(name)) ? String(pair) : name + "=[redacted]"
        }
        return out + "?" + pairs.joined(separator: "&")
    }
}

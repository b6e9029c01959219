/// What one HTTP transfer produced, before classification.
struct HTTPAttempt: Sendable, Equatable {
    /// libcurl's result code (``CurlCode``).
    var curlCode: Int
    /// libcurl's error message, already redacted.
    var curlMessage: String
    /// The final response's status (0 if none arrived).
    var status: Int
    /// The final response's header lines, status line first (`HTTP/1.1 200 OK`).
    var headerLines: [String]
    /// The first bytes of the response body.
    var body: [UInt8]
    /// `CURLINFO_NUM_CONNECTS`.
    var newConnections: Int
    /// When the response arrived, for `Retry-After` dates.
    var nowUnixSeconds: Int64

    /// The first value of a header, case-insensitively.
    func header(_ name: String) -> String? {
        let prefix = name.lowercased() + ":"
        for line in headerLines.dropFirst() where line.lowercased().hasPrefix(prefix) {
            return String(line.dropFirst(prefix.count)).trimmingHeaderWhitespace
        }
        return nil
    }

    /// `200 OK` from the status line, or just the status.
    var statusText: String {
        guard let line = headerLines.first, line.hasPrefix("HTTP/") else { return "\(status)" }
        let parts = line.split(separator: " ", maxSplits: 2)
        return parts.count == 3 ? "\(status) \(parts[2])" : "\(status)"
    }
}

/// Turns an ``HTTPAttempt`` into a ``DeliveryOutcome``, as Alertmanager's `Retrier.Check` maps statuses to retry
/// or give up. Pure.
///
/// | result | outcome |
/// | --- | --- |
/// | 2xx | delivered: status and a short body excerpt |
/// | 408, 429, 5xx | temporary, honouring `Retry-After` (seconds or HTTP-date) |
/// | 3xx (redirects not followed) | permanent, naming where it points, hint to update the URL |
/// | other 4xx | permanent, with the body excerpt |
/// | refused, timeout, broken connection, TLS handshake | temporary |
/// | certificate verification failed | permanent |
enum WebhookClassifier {
    /// The most body text quoted in a receipt or error.
    static let excerptLimit = 200

    static func classify(
        _ attempt: HTTPAttempt, channel: String, host: String, redactor: SecretRedactor
    )
        -> DeliveryOutcome
    {
        if let failure = CurlFailure(code: attempt.curlCode, message: attempt.curlMessage) {
            return .failure(failure, channel: channel, host: host)
        }
        let status = attempt.status
        let excerpt = redactor.redact(Self.excerpt(attempt.body))
        let answer = excerpt.isEmpty ? attempt.statusText : "\(attempt.statusText): \(excerpt)"
        func error(_ kind: DeliveryError.Kind, _ cause: String) -> DeliveryError {
            DeliveryError(channel: channel, host: host, kind: kind, cause: cause)
        }

        switch status {
        case 200..<300:
            return .delivered(
                DeliveryReceipt(
                    channel: channel, host: host, response: answer, statusCode: status,
                    newConnections: attempt.newConnections))
        case 300..<400:
            let target = attempt.header("location").map { " to " + redactor.redact(WebhookURL.origin(of: $0)) } ?? ""
            return .permanentFailure(
                error(
                    .redirectNotFollowed,
                    "the server redirects (\(attempt.statusText))\(target): update the URL to the new address,"
                        + " or set follow_redirects = true if the redirect is expected"))
        case 408, 429, 500..<600:
            let retryAfter = attempt.header("retry-after").flatMap {
                RetryAfter.parse($0, nowUnixSeconds: attempt.nowUnixSeconds)
            }
            let kind: DeliveryError.Kind = status == 503 || status == 502 ? .serverUnavailable : .httpStatus
            let wait = retryAfter.map { " (the server asks to retry after \($0.components.seconds) s)" } ?? ""
            let what = status == 429 ? "the server is rate-limiting requests" : "the server failed the request"
            return .temporaryFailure(error(kind, "\(what): \(answer)\(wait)"), retryAfter: retryAfter)
        case 400..<500:
            return .permanentFailure(error(.httpStatus, "the server refused the request: \(answer)\(hint(status))"))
        default:
            return .temporaryFailure(error(.protocolError, "unexpected HTTP status: \(answer)"), retryAfter: nil)
        }
    }

    private static func hint(_ status: Int) -> String {
        switch status {
        case 401, 403: return "; check the token or credentials in the URL and headers"
        case 404, 410: return "; check the URL"
        case 413: return "; the payload is too large for this server"
        case 400, 415, 422: return "; the server rejects the payload: check the template and content_type"
        default: return ""
        }
    }

    /// The first ``excerptLimit`` characters of a body, valid UTF-8, whitespace and control characters
    /// collapsed to single spaces.
    static func excerpt(_ body: [UInt8]) -> String {
        var text = String(decoding: body.prefix(excerptLimit * 4), as: UTF8.self)
        if text.count > excerptLimit { text = String(text.prefix(excerptLimit)) + "…" }
        var result = ""
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let isSpace = scalar.value < 0x20 || scalar == " " || scalar.value == 0x7F
            if isSpace {
                if !lastWasSpace && !result.isEmpty { result.append(" ") }
                lastWasSpace = true
            } else {
                result.unicodeScalars.append(scalar)
                lastWasSpace = false
            }
        }
        return result.trimmingHeaderWhitespace
    }
}

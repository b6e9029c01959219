package import DeadlineKit
package import DeadlineStore

/// What to do after a delivery failed temporarily: retry later with exponential backoff and jitter, honouring a
/// server's `Retry-After`, until too many attempts or too much time; then give up.
package struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all (the first one included) before giving up.
    package var limit: Int
    /// Give up once this long has passed since the planned send time.
    package var maxAgeSeconds: Int64
    /// The first wait; doubled after each failed attempt.
    package var baseSeconds: Int64 = 60
    /// No single wait is longer.
    package var capSeconds: Int64 = 3600
    /// Spread of the random jitter: 0.2 means ±20 %.
    package var jitter: Double = 0.2

    package init(limit: Int, maxAgeSeconds: Int64) {
        self.limit = limit
        self.maxAgeSeconds = maxAgeSeconds
    }

    /// The disposition after attempt number `attempt` failed temporarily at `now`.
    /// - Parameter random: a number in 0..<1 for the jitter (a parameter, so tests are exact).
    package func afterTemporaryFailure(
        attempt: Int, sendAt: Instant, now: Instant, retryAfterSeconds: Int64?, random: Double
    ) -> FailureDisposition {
        if attempt >= limit {
            return .givenUp(
                reason: "still failing after \(attempt) attempt\(attempt == 1 ? "" : "s") (retry_limit = \(limit))")
        }
        let exponent = min(max(attempt - 1, 0), 30)
        var wait = min(baseSeconds << Int64(exponent), capSeconds)
        wait = Int64((Double(wait) * (1 + jitter * (2 * random - 1))).rounded())
        if let retryAfterSeconds { wait = max(wait, min(retryAfterSeconds, 6 * 3600)) }
        let next = now.adding(seconds: max(wait, 1))
        if next - sendAt > maxAgeSeconds {
            return .givenUp(
                reason:
                    "still failing \(DurationParser.format(seconds: now - sendAt)) after its send time (retry_max_age = \(DurationParser.format(seconds: maxAgeSeconds)))"
            )
        }
        return .retry(at: next)
    }
}

import DeadlineKit
@testable import DeadlineService
import DeadlineStore
import Testing

@Suite("Retries: exponential backoff with jitter, Retry-After, limits")
struct RetryPolicyTests {
    let sendAt = Instant(secondsSinceEpoch: 1_000_000)
    let policy = RetryPolicy(limit: 8, maxAgeSeconds: 2 * 86_400)

    func wait(_ attempt: Int, random: Double = 0.5, retryAfter: Int64? = nil) -> Int64? {
        let now = sendAt.adding(seconds: 10)
        guard
            case .retry(let at) = policy.afterTemporaryFailure(
                attempt: attempt, sendAt: sendAt, now: now, retryAfterSeconds: retryAfter, random: random)
        else { return nil }
        return at - now
    }

    @Test("waits double from one minute, capped at an hour")
    func backoff() {
        #expect((1...7).map { wait($0) } == [60, 120, 240, 480, 960, 1920, 3600])
    }

    @Test("jitter spreads each wait by at most ±20 %")
    func jitter() {
        #expect(wait(1, random: 0) == 48)
        #expect(wait(1, random: 0.999_999) == 72)
    }

    @Test("a server's Retry-After is honoured when longer, up to six hours")
    func retryAfter() {
        #expect(wait(1, retryAfter: 300) == 300)
        #expect(wait(3, retryAfter: 30) == 240)
        #expect(wait(1, retryAfter: 86_400) == Int64(6 * 3600))
    }

    @Test("gives up after retry_limit attempts, or past retry_max_age")
    func givingUp() {
        let last = policy.afterTemporaryFailure(
            attempt: 8, sendAt: sendAt, now: sendAt, retryAfterSeconds: nil, random: 0.5)
        #expect(last == .givenUp(reason: "still failing after 8 attempts (retry_limit = 8)"))
        let old = policy.afterTemporaryFailure(
            attempt: 2, sendAt: sendAt, now: sendAt.adding(seconds: 2 * 86_400), retryAfterSeconds: nil, random: 0.5)
        #expect(old == .givenUp(reason: "still failing 2d after its send time (retry_max_age = 2d)"))
    }
}

@Suite("Dispatcher: the lease of a send")
struct DispatcherLeaseTests {
    @Test("a channel's timeouts near Int.max give a bounded lease, never an overflow")
    func hugeTimeouts() {
        let from = Mailbox(displayName: nil, address: "vp@hanoi.example")
        let smtp = SMTPSettings(
            name: "email", url: "smtp://127.0.0.1:25", from: from, connectTimeoutSeconds: .max, timeoutSeconds: .max)
        #expect(ChannelSettings.smtp(smtp).sendTimeoutSeconds == 7200)
        let webhook = WebhookSettings(
            name: "chat", url: "https://x.example", connectTimeoutSeconds: .max, timeoutSeconds: .min)
        #expect(ChannelSettings.webhook(webhook).sendTimeoutSeconds == 3600)
    }
}

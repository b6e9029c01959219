import Synchronization

/// At most ``burst`` POSTs per client address at once, refilled at one every ``refillSeconds``: enough for people
/// confirming tasks, too few to try tokens. Counted when a request comes, so it needs no timer and adds no wake-up.
final class PostRateLimiter: Sendable {
    let burst: Double
    let refillSeconds: Double
    /// Addresses remembered at most; beyond it, those whose allowance is full again are forgotten first.
    let capacity: Int
    private let buckets = Mutex<[String: Bucket]>([:])

    struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    init(burst: Int = 10, refillSeconds: Double = 6, capacity: Int = 4096) {
        self.burst = Double(burst)
        self.refillSeconds = refillSeconds
        self.capacity = capacity
    }

    /// Whether `address` may post now; takes one from its allowance if so.
    func allow(_ address: String, now: ContinuousClock.Instant = .now) -> Bool {
        buckets.withLock { buckets in
            var bucket = buckets[address] ?? Bucket(tokens: burst, updated: now)
            bucket.tokens = min(burst, bucket.tokens + seconds(now - bucket.updated) / refillSeconds)
            bucket.updated = now
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            if buckets[address] == nil, buckets.count >= capacity {
                buckets = buckets.filter { burst > $0.value.tokens + seconds(now - $0.value.updated) / refillSeconds }
                if buckets.count >= capacity { buckets.removeAll() }
            }
            buckets[address] = bucket
            return allowed
        }
    }

    /// Seconds until `address` may post again (at least 1).
    func retryAfterSeconds() -> Int { max(1, Int(refillSeconds.rounded(.up))) }

    private func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}

#if canImport(Glibc)
    package import Glibc
#elseif canImport(Musl)
    package import Musl
#endif
package import DeadlineKit

/// The system's wall clock, read in one place. The planner never reads it (its `now` is a parameter); the daemon
/// reads it through its own clock, which `--pretend-now` and in-process tests can shift or replace.
package enum WallClock {
    /// Now, in whole seconds.
    package static func now() -> Instant { Instant(secondsSinceEpoch: seconds()) }

    /// Seconds since 1970-01-01T00:00:00Z.
    package static func seconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec)
    }

    /// `timespec` `seconds` from now on the wall clock, for `pthread_cond_timedwait`.
    package static func deadline(secondsFromNow seconds: Int) -> timespec {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        ts.tv_sec += seconds
        return ts
    }
}

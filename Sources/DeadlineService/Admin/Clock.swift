#if canImport(Glibc)
    import Glibc
#endif
import DeadlineKit

/// The system's wall clock: the one place admin commands read the time (the planner never does).
public enum Clock {
    public static func now() -> Instant {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Instant(secondsSinceEpoch: Int64(ts.tv_sec))
    }
}

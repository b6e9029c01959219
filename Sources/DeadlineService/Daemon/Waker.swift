#if canImport(Glibc)
    import Glibc
#endif
import CLinuxShim
package import DeadlineKit
import Threads

/// Why the scheduler woke up.
package enum WakeReason: Sendable, Equatable {
    /// The wall-clock time it asked for has come.
    case due
    /// The system clock was set (NTP step, manual change, resume from suspend): recompute everything.
    case clockChanged
    /// Someone poked it: a reload, a stop, an admin change (see the scheduler's command queue).
    case poked
    /// Time for a watchdog ping, nothing else.
    case watchdog
}

/// Sleeps until a wall-clock moment without polling: a `timerfd` on `CLOCK_REALTIME` armed with
/// `TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET` fires at that moment even across suspend, and fires early when
/// the clock is set; an `eventfd` lets other threads wake it. The waiting happens on a dedicated thread, never on
/// Swift's cooperative pool. Between events the process does not wake at all, apart from the watchdog.
package final class Waker: @unchecked Sendable {
    private let timerFD: Int32
    private let eventFD: Int32

    package init() {
        timerFD = clinux_realtime_timerfd()
        eventFD = clinux_eventfd()
        precondition(timerFD >= 0 && eventFD >= 0, "timerfd/eventfd: \(String(cString: strerror(errno)))")
    }

    deinit {
        close(timerFD)
        close(eventFD)
    }

    /// Wakes a waiting (or the next) `wait`. Safe from any thread, including signal handlers' tasks.
    package func poke() {
        var one: UInt64 = 1
        _ = write(eventFD, &one, 8)
    }

    /// Waits until `deadline` (if any), a poke, a clock change, or `watchdog` elapses, whichever is first.
    package func wait(until deadline: Instant?, watchdog: Duration?) async -> WakeReason {
        await withCheckedContinuation { continuation in
            let thread = WaitThread(name: "deadlined-wait") {
                continuation.resume(returning: self.block(until: deadline, watchdog: watchdog))
            }
            thread.start()
        }
    }

    private func block(until deadline: Instant?, watchdog: Duration?) -> WakeReason {
        // With nothing to wait for, arm far in the future: clock changes are reported only while armed.
        clinux_timerfd_arm_absolute(timerFD, deadline?.secondsSinceEpoch ?? Int64(Int32.max))
        var fds = [
            pollfd(fd: timerFD, events: Int16(POLLIN), revents: 0),
            pollfd(fd: eventFD, events: Int16(POLLIN), revents: 0),
        ]
        let timeout: Int32 =
            watchdog.map {
                Int32(
                    clamping: max($0.components.seconds * 1000 + $0.components.attoseconds / 1_000_000_000_000_000, 1))
            } ?? -1
        while true {
            let n = poll(&fds, 2, timeout)
            if n < 0, errno == EINTR { continue }
            if n == 0 { return .watchdog }
            if fds[1].revents != 0 {
                var value: UInt64 = 0
                _ = read(eventFD, &value, 8)
                return .poked
            }
            var expirations: UInt64 = 0
            if read(timerFD, &expirations, 8) < 0, errno == ECANCELED { return .clockChanged }
            return .due
        }
    }
}

/// A thread for one blocking wait (one per wait: waits are rare, one per scheduler event), with a small stack;
/// when no thread can be started, the wait runs on the caller's thread.
struct WaitThread {
    private let name: String
    private let body: () -> Void

    init(name: String, _ body: @escaping () -> Void) {
        self.name = name
        self.body = body
    }

    func start() {
        if OSThread.start(name: name, stackSize: 256 * 1024, body) == nil { body() }
    }
}

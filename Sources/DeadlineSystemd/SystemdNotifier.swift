package import CSystemd
import Glibc

/// Tells the service manager about the daemon's state through `sd_notify` (`Type=notify` / `notify-reload`).
///
/// Every method sends one datagram to `$NOTIFY_SOCKET` and does nothing when the variable is unset, so the same
/// code runs under systemd, in a terminal and in tests. The variable is read on every call (libsystemd does not
/// cache it) and never unset. The type holds no state: it is `Sendable` and safe to call from any thread.
///
/// The daemon's sequence, as in timesyncd: ``ready(status:)`` once started; ``watchdog()`` every
/// ``watchdogInterval``; on SIGHUP ``reloading(status:)``, then ``ready(status:)`` when the new configuration is
/// in effect (or rejected); ``stopping(status:)`` on SIGTERM.
package struct SystemdNotifier: Sendable {
    /// Creates a notifier. Cheap; there is nothing to open.
    package init() {}

    /// What happened to a notification.
    package enum Outcome: Sendable, Hashable {
        /// The datagram was sent.
        case sent
        /// `$NOTIFY_SOCKET` is unset: not running under a service manager that wants notifications.
        case notConfigured
        /// Sending failed with this errno (for example `ECONNREFUSED` when nothing listens on the socket).
        case failed(errno: Int32)
    }

    /// Whether `$NOTIFY_SOCKET` is set, meaning notifications go somewhere.
    package var isEnabled: Bool { getenv("NOTIFY_SOCKET") != nil }

    /// Sends `READY=1`, with `STATUS=` when a status is given: start-up (or a reload) is complete.
    @discardableResult
    package func ready(status: String? = nil) -> Outcome {
        self.send(["READY=1"] + Self.statusAssignment(status))
    }

    /// Sends `STATUS=`: a one-line description `systemctl status` shows. Newlines are replaced by spaces.
    @discardableResult
    package func status(_ status: String) -> Outcome {
        self.send(Self.statusAssignment(status))
    }

    /// Sends `RELOADING=1` and `MONOTONIC_USEC=` (now on `CLOCK_MONOTONIC`) in one datagram.
    ///
    /// systemd 253's `Type=notify-reload` needs the timestamp to tell this reload from an earlier one; older
    /// versions ignore it. Send ``ready(status:)`` when the reload is finished.
    @discardableResult
    package func reloading(status: String? = nil) -> Outcome {
        self.send(
            ["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"] + Self.statusAssignment(status)
        )
    }

    /// Sends `STOPPING=1`: the daemon has begun shutting down.
    @discardableResult
    package func stopping(status: String? = nil) -> Outcome {
        self.send(["STOPPING=1"] + Self.statusAssignment(status))
    }

    /// Sends `WATCHDOG=1`: the daemon is alive. Call every ``watchdogInterval``.
    @discardableResult
    package func watchdog() -> Outcome {
        self.send(["WATCHDOG=1"])
    }

    /// Sends `MAINPID=`: tells the service manager which process is the main one, if not the sender.
    @discardableResult
    package func mainPID(_ pid: pid_t) -> Outcome {
        self.send(["MAINPID=\(pid)"])
    }

    /// How often to call ``watchdog()``: half of `$WATCHDOG_USEC`, as `sd_watchdog_enabled(3)` recommends.
    ///
    /// `nil` when the watchdog is off: `$WATCHDOG_USEC` unset or invalid, or `$WATCHDOG_PID` set to another process.
    package var watchdogInterval: Duration? {
        var microseconds: UInt64 = 0
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return .microseconds(Int64(clamping: microseconds / 2))
    }

    /// Sends `assignments` (`NAME=value`, no newlines inside) joined by newlines as one datagram.
    ///
    /// Use the named methods instead where one exists. Variables of our own should start with `X_`.
    @discardableResult
    package func send(_ assignments: [String]) -> Outcome {
        let result = sd_notify(0, assignments.joined(separator: "\n"))
        if result > 0 { return .sent }
        if result == 0 { return .notConfigured }
        return .failed(errno: -result)
    }

    /// The current `CLOCK_MONOTONIC` time in microseconds, the clock `MONOTONIC_USEC=` is read against.
    package static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }

    private static func statusAssignment(_ status: String?) -> [String] {
        guard let status else { return [] }
        let oneLine = status.map { $0.isNewline ? " " : String($0) }.joined()
        return ["STATUS=" + oneLine]
    }
}

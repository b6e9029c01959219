import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A stand-in for the service manager's end of `$NOTIFY_SOCKET`: a bound `AF_UNIX` datagram socket that records
/// every notification sent to it. For tests only.
///
/// ```swift
/// let listener = try NotifySocketListener()
/// defer { listener.stop() }
/// // run the code under test with NOTIFY_SOCKET=listener.address
/// let ready = listener.waitFor(line: "READY=1", timeout: .seconds(5))
/// ```
///
/// A background thread receives datagrams until ``stop()`` (also called on deinit), or at the latest after
/// `maximumLifetime`. ``stop()`` closes the socket and removes its file.
package final class NotifySocketListener: @unchecked Sendable {
    /// The value to put in `$NOTIFY_SOCKET`: a file path, or `@name` for an abstract socket.
    package let address: String

    private let fd: Int32
    private let inbox = Inbox()
    private let closeLock = NSLock()
    private var closed = false  // guarded by closeLock
    private var thread: Thread?

    /// The most datagrams kept; later ones are dropped, so a runaway sender cannot exhaust memory.
    package static let maximumMessages = 10_000

    /// Binds a new socket and starts receiving.
    ///
    /// - Parameters:
    ///   - abstractName: bind in the abstract namespace as `@abstractName` instead of at a file path.
    ///   - directory: where the socket file goes (ignored for abstract sockets). Paths must stay under 108 bytes.
    ///   - maximumLifetime: after this the receiving thread ends even if ``stop()`` is never called.
    package init(
        abstractName: String? = nil,
        directory: String = NSTemporaryDirectory(),
        maximumLifetime: Duration = .seconds(600)
    ) throws {
        let unique = "deadlined-notify-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        self.address =
            abstractName.map { "@" + $0 }
            ?? URL(fileURLWithPath: directory).appendingPathComponent(unique + ".sock").path
        self.fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard self.fd >= 0 else { throw ProcessRunnerError(description: "socket(AF_UNIX) failed: errno \(errno)") }

        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(self.address.utf8)
        if pathBytes.first == UInt8(ascii: "@") { pathBytes[0] = 0 }  // abstract: leading NUL, no terminator
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard pathBytes.count < capacity else {
            close(self.fd)
            throw ProcessRunnerError(
                description: "notify socket address too long (\(pathBytes.count) bytes): \(self.address)"
            )
        }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: pathBytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count + (pathBytes.first == 0 ? 0 : 1))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(self.fd, $0, length) }
        }
        guard bound == 0 else {
            let error = errno
            close(self.fd)
            throw ProcessRunnerError(description: "bind(\(self.address)) failed: errno \(error)")
        }

        // The thread holds only the socket and the inbox, not `self`, so deinit can still stop it.
        let (fd, inbox, deadline) = (self.fd, self.inbox, ContinuousClock.now + maximumLifetime)
        let thread = Thread { Self.receiveLoop(fd: fd, into: inbox, until: deadline) }
        thread.name = "NotifySocketListener"
        self.thread = thread
        thread.start()
    }

    deinit {
        self.stop()
    }

    /// Every datagram received so far, in order of arrival.
    package var messages: [String] {
        self.inbox.condition.lock()
        defer { self.inbox.condition.unlock() }
        return self.inbox.received
    }

    /// Waits until a received datagram satisfies `predicate` (including ones received before the call) and returns
    /// it, or returns `nil` once `timeout` has passed.
    package func waitFor(timeout: Duration = .seconds(5), where predicate: (String) -> Bool) -> String? {
        let (seconds, attoseconds) = timeout.components
        let deadline = Date().addingTimeInterval(Double(seconds) + Double(attoseconds) / 1e18)
        let condition = self.inbox.condition
        condition.lock()
        defer { condition.unlock() }
        for _ in 0..<100_000 {
            if let match = self.inbox.received.first(where: predicate) { return match }
            if self.inbox.stopped || !condition.wait(until: deadline) {
                return self.inbox.received.first(where: predicate)
            }
        }
        return nil
    }

    /// Waits for a datagram that has `line` (such as `READY=1`) as one of its newline-separated assignments.
    package func waitFor(line: String, timeout: Duration = .seconds(5)) -> String? {
        self.waitFor(timeout: timeout) { $0.split(separator: "\n").contains(Substring(line)) }
    }

    /// Stops receiving, closes the socket and removes its file. Safe to call more than once.
    package func stop() {
        self.inbox.condition.lock()
        self.inbox.stopped = true
        self.inbox.condition.broadcast()
        self.inbox.condition.unlock()

        self.closeLock.lock()
        defer { self.closeLock.unlock() }
        guard !self.closed else { return }
        self.closed = true
        // The receive loop polls with a short timeout and sees `stopped`; wait for it (bounded) before closing.
        for _ in 0..<200 where self.thread?.isFinished == false {
            usleep(10_000)
        }
        close(self.fd)
        if !self.address.hasPrefix("@") { unlink(self.address) }
    }

    /// The state shared between the listener and its receiving thread.
    private final class Inbox: @unchecked Sendable {
        let condition = NSCondition()
        var received: [String] = []  // guarded by condition
        var stopped = false  // guarded by condition
    }

    private static func receiveLoop(fd: Int32, into inbox: Inbox, until deadline: ContinuousClock.Instant) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        for _ in 0..<10_000_000 {
            inbox.condition.lock()
            let stopped = inbox.stopped
            inbox.condition.unlock()
            guard !stopped, ContinuousClock.now < deadline else { break }

            var pollFD = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pollFD, 1, 50) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, Int32(MSG_DONTWAIT)) }
            guard count > 0 else { continue }
            let message = String(decoding: buffer[0..<count], as: UTF8.self)
            inbox.condition.lock()
            if inbox.received.count < NotifySocketListener.maximumMessages { inbox.received.append(message) }
            inbox.condition.broadcast()
            inbox.condition.unlock()
        }
        inbox.condition.lock()
        inbox.stopped = true
        inbox.condition.broadcast()
        inbox.condition.unlock()
    }
}

#if canImport(Glibc)
    import Glibc
#endif
import Dispatch
import Synchronization
import DeadlineKit

/// The daemon's control socket: `<state_directory>/control.sock`, a Unix stream socket readable only by the
/// daemon's user (and root). `deadlinectl` uses it to ask for a reload and wait for the verdict, and to say that
/// the ledger changed (done, snooze) so the daemon plans again at once.
///
/// Protocol: one request line (`RELOAD`, `CHANGED`, `PING`), then response lines ending with a line `.`:
/// `ACCEPTED <summary>` with `WARNING <text>` lines, or `REJECTED` with `ERROR <text>` lines; `OK`; `PONG <pid>`.
package enum ControlSocket {
    package static func path(stateDirectory: String) -> String { stateDirectory + "/control.sock" }

    static func address(_ path: String) -> sockaddr_un? {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return nil }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
        return address
    }

    static func setTimeout(_ fd: Int32, seconds: Int) {
        var tv = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    static func writeAll(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        let count = bytes.count
        var offset = 0
        var tries = 0
        while offset < count, tries < 10_000 {
            tries += 1
            let n = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, count - offset, Int32(MSG_NOSIGNAL)) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Reads lines until a line `.` (or `maxLines`, end of file, or the socket's timeout).
    static func readLines(_ fd: Int32, maxLines: Int = 10_000) -> [String] {
        var buffer: [UInt8] = []
        var lines: [String] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while lines.count < maxLines {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                if line == "." { return lines }
                lines.append(line)
                continue
            }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            buffer += chunk[0..<n]
            if buffer.count > 1 << 20 { break }
        }
        return lines
    }
}

/// Accepts control connections on a thread of its own (blocked in `accept`, so it costs nothing while idle) and
/// serves each on a thread of its own, so that a request that waits (a RELOAD waits for the scheduler, up to 110 s)
/// never holds up the next one: `deadlinectl status` still gets its PONG. At most ``maximumConnections`` are served
/// at once; another is answered `ERROR` at once and closed.
final class ControlServer: @unchecked Sendable {
    let path: String
    private let fd: Int32
    private let handle: @Sendable (String) -> [String]
    /// Connections being served now.
    private let active = Atomic<Int>(0)

    /// The most connections served at once.
    static let maximumConnections = 8

    init(path: String, handle: @escaping @Sendable (String) -> [String]) throws {
        self.path = path
        self.handle = handle
        guard var address = ControlSocket.address(path) else {
            throw ControlError("the control socket path is too long: \(path)")
        }
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else {
            throw ControlError("cannot create the control socket: \(String(cString: strerror(errno)))")
        }
        unlink(path)
        let old = umask(0o177)
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        umask(old)
        guard rc == 0, listen(fd, 16) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw ControlError("cannot listen on \(path): \(reason)")
        }
    }

    func start() {
        let thread = WaitThread(name: "deadlined-ctl") { [self] in self.acceptLoop() }
        thread.start()
    }

    private func acceptLoop() {
        while true {
            let client = accept(fd, nil, nil)
            if client < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return  // closed by stop()
            }
            _ = fcntl(client, F_SETFD, FD_CLOEXEC)
            ControlSocket.setTimeout(client, seconds: 5)
            guard active.add(1, ordering: .relaxed).newValue <= Self.maximumConnections else {
                active.subtract(1, ordering: .relaxed)
                ControlSocket.writeAll(
                    client, "ERROR deadlined is busy with \(Self.maximumConnections) requests; try again\n.\n")
                close(client)
                continue
            }
            WaitThread(name: "deadlined-ctl-c") { [self] in
                defer { active.subtract(1, ordering: .relaxed) }
                self.serve(client)
            }.start()
        }
    }

    /// Reads one request, answers it and closes the connection.
    private func serve(_ client: Int32) {
        if let request = ControlSocket.readLines(client, maxLines: 1).first {
            let response = handle(request.trimmingSpaces)
            ControlSocket.writeAll(client, (response + ["."]).joined(separator: "\n") + "\n")
        }
        close(client)
    }

    func stop() {
        shutdown(fd, Int32(SHUT_RDWR))
        close(fd)
        unlink(path)
    }
}

/// A control-socket problem, in words for the admin.
package struct ControlError: Error, CustomStringConvertible {
    package let description: String
    /// When the daemon could not be reached: its socket, and why (nil: nothing listens there, deadlined is not
    /// running), for `deadlinectl` to say in the admin's language.
    package var unreachable: (socket: String, reason: String?)?
    init(_ message: String) { description = message }
}

/// `deadlinectl`'s side of the control socket.
package enum ControlClient {
    /// Sends one request and returns the response lines, or throws when the daemon is not reachable.
    package static func request(_ line: String, stateDirectory: String, timeoutSeconds: Int = 120) throws -> [String] {
        let path = ControlSocket.path(stateDirectory: stateDirectory)
        guard var address = ControlSocket.address(path) else {
            throw ControlError("the control socket path is too long: \(path)")
        }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw ControlError("cannot create a socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard rc == 0 else {
            let notRunning = errno == ENOENT || errno == ECONNREFUSED
            let reason = notRunning ? "deadlined is not running" : String(cString: strerror(errno))
            var error = ControlError("cannot reach deadlined at \(path): \(reason)")
            error.unreachable = (path, notRunning ? nil : reason)
            throw error
        }
        ControlSocket.setTimeout(fd, seconds: timeoutSeconds)
        ControlSocket.writeAll(fd, line + "\n.\n")
        return ControlSocket.readLines(fd)
    }
}

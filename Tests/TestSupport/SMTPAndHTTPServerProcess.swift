import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One of the Python test servers in `Tests/Servers/`, run with `/usr/bin/python3` as a ``ChildProcess``.
///
/// Start-up waits (at most 15 s) for the `READY <port>` line on stdout; the server binds a free port on
/// 127.0.0.1 itself, so there is no race for ports. The server's JSON-lines event log and its stderr live in a
/// private temporary directory. ``stop()`` sends SIGTERM to the server's PID (then SIGKILL to its group after
/// 3 s); the server also exits by itself if this process dies or after its lifetime.
final class LoopbackServerProcess: @unchecked Sendable {
    /// Debian's system Python, which has python3-aiosmtpd (another python3 may come first on PATH).
    static let python = "/usr/bin/python3"

    let port: Int
    let directory: TemporaryDirectory
    let logPath: String
    private let child: ChildProcess
    /// The read end of the server's stdout, kept open until ``stop()`` so the server never hits a broken pipe.
    private let outputFD: Int32
    private let lock = NSLock()
    private var stopped = false

    /// `Tests/Servers/<name>`, found from this source file's path.
    static func scriptPath(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Servers").appendingPathComponent(name).path
    }

    init(script: String, arguments: [String]) throws {
        directory = try TemporaryDirectory(prefix: "deadlined-server")
        logPath = directory.path + "/events.jsonl"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let errorPath = directory.path + "/stderr.log"
        let errorFD = open(errorPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard errorFD >= 0 else { throw TestServerError(description: "cannot create \(errorPath)") }
        let output = try PipeFDs()
        do {
            child = try ChildProcess(
                path: Self.python, arguments: [Self.scriptPath(script), "--log", logPath] + arguments,
                environment: ProcessRunner.environment(removing: ["PYTHONHOME", "PYTHONPATH"]),
                standardOutput: output.write, standardError: errorFD)
        } catch {
            _ = close(output.read)
            _ = close(output.write)
            _ = close(errorFD)
            throw error
        }
        _ = close(output.write)
        _ = close(errorFD)
        outputFD = output.read

        var collected = [UInt8]()
        var port: Int?
        let deadline = ContinuousClock.now + .seconds(15)
        var buffer = [UInt8](repeating: 0, count: 4096)
        // Bounded by the deadline and by an iteration cap.
        for _ in 0..<1_000 where port == nil && ContinuousClock.now < deadline && child.isRunning {
            var descriptor = pollfd(fd: output.read, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { read(output.read, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            collected += buffer[0..<count]
            // Only complete lines: "READY 4" may be the start of "READY 41234\n".
            let text = String(decoding: collected, as: UTF8.self)
            let complete = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            if let line = complete.first(where: { $0.hasPrefix("READY ") }) {
                port = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
            }
        }
        guard let port else {
            child.terminate(grace: .seconds(2))
            _ = close(output.read)
            let stderr = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw TestServerError(description: "\(script) did not report READY within 15 s:\n\(stderr)")
        }
        self.port = port
    }

    deinit {
        stop()
        directory.remove()
    }

    /// The PID of the server process.
    var pid: pid_t { child.pid }

    /// Stops the server by its PID (SIGTERM, then SIGKILL after 3 s). Idempotent.
    func stop() {
        lock.lock()
        let first = !stopped
        stopped = true
        lock.unlock()
        if first {
            child.terminate(grace: .seconds(3))
            _ = close(outputFD)
        }
    }

    /// Every event logged so far, decoded.
    func events() throws -> [ServerEvent] {
        let data = try Data(contentsOf: URL(fileURLWithPath: logPath))
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map {
            try decoder.decode(ServerEvent.self, from: Data($0))
        }
    }

    /// How many TCP connections the server has accepted.
    func connectionCount() throws -> Int {
        try events().filter { $0.event == "connect" }.count
    }

    /// The most connections that were open at the same time.
    func maximumOpenConnections() throws -> Int {
        try events().compactMap(\.open).max() ?? 0
    }

    /// The server's stderr so far, for failure messages.
    var standardError: String {
        (try? String(contentsOfFile: directory.path + "/stderr.log", encoding: .utf8)) ?? ""
    }
}

/// One line of a test server's event log (fields of both servers; each uses some).
struct ServerEvent: Decodable {
    var event: String
    var count: Int?
    var open: Int?
    // SMTP messages
    var mail_from: String?
    var rcpt_tos: [String]?
    var data_b64: String?
    var tls: Bool?
    var auth_user: String?
    // HTTP requests
    var method: String?
    var path: String?
    var headers: [[String]]?
    var body_b64: String?
    var signature_valid: Bool?
}

/// A test server could not be started or read.
package struct TestServerError: Error, CustomStringConvertible {
    package var description: String

    package init(description: String) {
        self.description = description
    }
}

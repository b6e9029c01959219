package import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a finished (or killed) child process left behind.
package struct ProcessResult: Sendable, CustomStringConvertible {
    /// The exit status, or the signal number if ``terminatedBySignal``.
    package var status: Int32
    /// Whether the process was ended by a signal (including the runner's own kill after a timeout).
    package var terminatedBySignal: Bool
    /// Whether the runner killed the process because it outlived its timeout.
    package var timedOut: Bool
    /// Everything written to stdout.
    package var standardOutput: Data
    /// Everything written to stderr.
    package var standardError: Data

    /// stdout decoded as UTF-8 (invalid bytes replaced).
    package var stdout: String { String(decoding: self.standardOutput, as: UTF8.self) }
    /// stderr decoded as UTF-8 (invalid bytes replaced).
    package var stderr: String { String(decoding: self.standardError, as: UTF8.self) }
    /// Whether the process exited by itself with status 0.
    package var succeeded: Bool { !self.terminatedBySignal && !self.timedOut && self.status == 0 }

    /// A summary for test failure messages: status, and both streams.
    package var description: String {
        let how =
            self.timedOut ? "timed out" : self.terminatedBySignal ? "signal \(self.status)" : "exit \(self.status)"
        return "[\(how)]\n--- stdout ---\n\(self.stdout)\n--- stderr ---\n\(self.stderr)"
    }
}

/// Why ``ProcessRunner`` could not run a process at all.
package struct ProcessRunnerError: Error, CustomStringConvertible {
    /// What went wrong and what to check.
    package var description: String
}

/// Runs a program to completion with a timeout, capturing stdout and stderr. For tests only.
///
/// The child is a ``ChildProcess``: its own process group, clean signal state. It gets `/dev/null` (or the given
/// bytes) on stdin and its own pipes for stdout and stderr, which are drained while it runs, so a chatty child
/// cannot block. A child that outlives `timeout` gets SIGTERM (SIGKILL two seconds later if need be), then its
/// whole process group gets SIGKILL, and the result says ``ProcessResult/timedOut``. If a grandchild keeps the
/// pipes open after the child exits, reading stops after a one-second grace period instead of hanging the test.
package enum ProcessRunner {
    /// The environment of this process with the given variables removed and others added: the usual base for a
    /// child's environment. `NOTIFY_SOCKET`, `WATCHDOG_USEC`, `WATCHDOG_PID` and `JOURNAL_STREAM` are always
    /// removed unless re-added, because tests set them on this process and a child must not inherit them by
    /// accident; so are `LC_ALL`, `LC_MESSAGES` and `LANG`, so that `deadlinectl` speaks the configuration's
    /// language, else Vietnamese, on every machine (a test of the locale adds them back).
    package static func environment(
        adding added: [String: String] = [:],
        removing removed: [String] = []
    ) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for name in removed + [
            "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "JOURNAL_STREAM", "LC_ALL", "LC_MESSAGES", "LANG",
        ] {
            environment[name] = nil
        }
        environment.merge(added) { _, new in new }
        return environment
    }

    /// The absolute path of an executable found on `$PATH` (and `/usr/sbin`, `/sbin`), or `nil`.
    package static func locate(_ name: String) -> String? {
        if name.hasPrefix("/") { return FileManager.default.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let directories = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/usr/bin", "/bin"]
        return directories.lazy.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `executable` and waits for it, on a dedicated thread so the caller's task does not block the
    /// cooperative pool.
    package static func run(
        _ executable: String,
        _ arguments: [String] = [],
        environment: [String: String]? = nil,
        standardInput: Data? = nil,
        currentDirectory: String? = nil,
        timeout: Duration = .seconds(30)
    ) async throws -> ProcessResult {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(
                    with: Result {
                        try Self.runBlocking(
                            executable,
                            arguments,
                            environment: environment,
                            standardInput: standardInput,
                            currentDirectory: currentDirectory,
                            timeout: timeout
                        )
                    }
                )
            }
            thread.name = "ProcessRunner " + executable
            thread.start()
        }
    }

    /// Runs blocking work (waiting for a child, polling a server) on a thread of its own and suspends until it is
    /// done, so that it does not hold one of the cooperative pool's threads (two on a 2-core machine), which
    /// every test of the process shares.
    package static func offPool<T: Sendable>(
        _ name: String, _ body: @escaping @Sendable () throws -> T
    ) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.name = name
            thread.start()
        }
    }

    /// Runs `executable` and waits for it, blocking the calling thread. From async code prefer
    /// ``run(_:_:environment:standardInput:currentDirectory:timeout:)``.
    ///
    /// - Parameters:
    ///   - executable: an absolute path, or a name looked up with ``locate(_:)``.
    ///   - environment: the child's complete environment; by default ``environment(adding:removing:)``.
    ///   - standardInput: bytes to feed on stdin, then end of file; `/dev/null` when `nil`.
    ///   - timeout: how long the child may run before it is killed.
    package static func runBlocking(
        _ executable: String,
        _ arguments: [String] = [],
        environment: [String: String]? = nil,
        standardInput: Data? = nil,
        currentDirectory: String? = nil,
        timeout: Duration = .seconds(30)
    ) throws -> ProcessResult {
        guard let path = Self.locate(executable) else {
            throw ProcessRunnerError(description: "\(executable): not found or not executable (PATH searched)")
        }
        let stdoutPipe = try PipeFDs()
        let stderrPipe = try PipeFDs()
        let stdinPipe = try standardInput.map { _ in try PipeFDs() }
        let child: ChildProcess
        do {
            child = try ChildProcess(
                path: path,
                arguments: arguments,
                environment: environment ?? Self.environment(),
                standardInput: stdinPipe?.read,
                standardOutput: stdoutPipe.write,
                standardError: stderrPipe.write,
                currentDirectory: currentDirectory
            )
        } catch {
            [stdoutPipe.read, stdoutPipe.write, stderrPipe.read, stderrPipe.write].forEach { _ = close($0) }
            if let stdinPipe {
                _ = close(stdinPipe.read)
                _ = close(stdinPipe.write)
            }
            throw error
        }
        // The child has its copies; ours of the write ends must go, or reading never sees end of file.
        _ = close(stdoutPipe.write)
        _ = close(stderrPipe.write)
        if let stdinPipe, let standardInput {
            _ = close(stdinPipe.read)
            let writeFD = stdinPipe.write
            Thread {
                // A child that stops reading must give us EPIPE, not a process-killing SIGPIPE.
                var pipeSignal = sigset_t()
                sigemptyset(&pipeSignal)
                sigaddset(&pipeSignal, SIGPIPE)
                pthread_sigmask(SIG_BLOCK, &pipeSignal, nil)
                standardInput.withUnsafeBytes { bytes in
                    var offset = 0
                    for _ in 0..<10_000 where offset < bytes.count {
                        let written = Glibc.write(writeFD, bytes.baseAddress! + offset, bytes.count - offset)
                        if written > 0 {
                            offset += written
                        } else if written < 0 && errno == EINTR {
                            continue
                        } else {
                            break
                        }
                    }
                }
                _ = close(writeFD)
            }.start()
        }

        let deadline = ContinuousClock.now + timeout
        var reader = PipeReader(fds: [stdoutPipe.read, stderrPipe.read])
        reader.drain(until: deadline) { !child.isRunning }
        var timedOut = false
        if !child.waitForExit(timeout: max(.zero, deadline - ContinuousClock.now)) {
            timedOut = true
            child.terminate(grace: .seconds(2))
        }
        if timedOut {
            // Descendants left in the child's process group go too; then collect what was written last.
            child.sendToGroup(SIGKILL)
            reader.drain(until: ContinuousClock.now + .milliseconds(200)) { true }
        }
        reader.closeAll()

        let termination = child.termination
        return ProcessResult(
            status: termination?.exitCode ?? termination?.signal ?? SIGKILL,
            terminatedBySignal: termination?.signal != nil || termination == nil,
            timedOut: timedOut,
            standardOutput: reader.collected[0],
            standardError: reader.collected[1]
        )
    }
}

/// A pipe whose ends are close-on-exec, so other children do not inherit them. (`pipe2` is not imported by
/// Glibc; ``ChildProcess`` also closes stray descriptors in its children.)
struct PipeFDs {
    let read: Int32
    let write: Int32

    init() throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw ProcessRunnerError(description: "pipe failed: errno \(errno)")
        }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        self.read = fds[0]
        self.write = fds[1]
    }
}

/// Reads several pipes with `poll(2)` until each reaches end of file or a deadline passes.
struct PipeReader {
    private(set) var fds: [Int32]
    private(set) var collected: [Data]
    private var open: [Bool]

    init(fds: [Int32]) {
        self.fds = fds
        self.collected = Array(repeating: Data(), count: fds.count)
        self.open = Array(repeating: true, count: fds.count)
    }

    /// Reads until every pipe is at end of file or `deadline` passes; at most a million wake-ups. Once
    /// `writerExited()` returns true, reading goes on for at most one more second (a grandchild may hold a pipe).
    mutating func drain(until deadline: ContinuousClock.Instant, writerExited: () -> Bool) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var graceEnd: ContinuousClock.Instant?
        for _ in 0..<1_000_000 {
            guard self.open.contains(true), ContinuousClock.now < min(deadline, graceEnd ?? deadline) else { return }
            if graceEnd == nil && writerExited() { graceEnd = ContinuousClock.now + .seconds(1) }
            var pollFDs = self.fds.indices.map {
                pollfd(fd: self.open[$0] ? self.fds[$0] : -1, events: Int16(POLLIN), revents: 0)
            }
            let ready = poll(&pollFDs, nfds_t(pollFDs.count), 50)
            if ready < 0 && errno != EINTR { return }
            guard ready > 0 else { continue }
            for index in pollFDs.indices where pollFDs[index].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { Glibc.read(self.fds[index], $0.baseAddress!, $0.count) }
                if count > 0 {
                    self.collected[index].append(contentsOf: buffer[0..<count])
                } else if count == 0 || errno != EINTR {
                    self.open[index] = false
                }
            }
        }
    }

    /// Closes every read end.
    mutating func closeAll() {
        for index in self.fds.indices where self.fds[index] >= 0 {
            _ = close(self.fds[index])
            self.fds[index] = -1
            self.open[index] = false
        }
    }
}

/// A child process started with `posix_spawn`, in a clean state: its own process group, every signal unblocked
/// and at its default disposition, and no inherited descriptors beyond 0, 1 and 2. For tests only.
///
/// Foundation's `Process` is not used because (1) it passes on the spawning thread's signal mask, and Swift
/// Testing's threads block SIGTERM, so a child would ignore the SIGTERM meant to stop it; and (2) it learns of
/// the child's exit through a descriptor that grandchildren inherit, so a child that leaves a background process
/// behind looks alive until that process exits too.
package final class ChildProcess: @unchecked Sendable {
    /// The child's process ID, which is also its process group ID.
    package let pid: pid_t

    private let lock = NSLock()
    private var exitStatus: Int32?  // raw wait status, guarded by lock

    /// Starts `path` with `arguments` (not including argv[0]) and the complete `environment`.
    ///
    /// - Parameters:
    ///   - standardInput, standardOutput, standardError: descriptors the child gets as 0, 1 and 2; `nil` means
    ///     `/dev/null`.
    ///   - currentDirectory: the child's working directory, or the caller's when `nil`.
    package init(
        path: String,
        arguments: [String],
        environment: [String: String],
        standardInput: Int32? = nil,
        standardOutput: Int32? = nil,
        standardError: Int32? = nil,
        currentDirectory: String? = nil
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (source, target) in [(standardInput, 0), (standardOutput, 1), (standardError, 2)] as [(Int32?, Int32)] {
            if let source {
                posix_spawn_file_actions_adddup2(&actions, source, target)
            } else {
                posix_spawn_file_actions_addopen(&actions, target, "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
            }
        }
        if let closeFrom = Self.glibcCloseFrom { _ = closeFrom(&actions, 3) }
        if let currentDirectory {
            guard let addChdir = Self.glibcAddChdir else {
                throw ProcessRunnerError(description: "this libc cannot set a child's working directory")
            }
            _ = addChdir(&actions, currentDirectory)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        var allSignals = sigset_t()
        sigemptyset(&noSignals)
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes,
            Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP)
        )

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw ProcessRunnerError(description: "\(path): could not start: \(String(cString: strerror(result)))")
        }
        self.pid = pid
    }

    /// The raw wait status once the child has exited and been reaped, else `nil`. Never blocks.
    package var status: Int32? {
        self.lock.lock()
        defer { self.lock.unlock() }
        if self.exitStatus == nil {
            var status: Int32 = 0
            if waitpid(self.pid, &status, WNOHANG) == self.pid { self.exitStatus = status }
        }
        return self.exitStatus
    }

    /// Whether the child is still running (not yet exited and reaped).
    package var isRunning: Bool { self.status == nil }

    /// Waits up to `timeout` for the child to exit, polling every few milliseconds. Returns whether it exited.
    @discardableResult
    package func waitForExit(timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        for _ in 0..<1_000_000 {
            if !self.isRunning { return true }
            if ContinuousClock.now >= deadline { return false }
            usleep(2_000)
        }
        return !self.isRunning
    }

    /// Sends `signal` to the child (only while it has not been reaped, so the PID cannot have been reused).
    package func send(_ signal: Int32) {
        if self.isRunning { kill(self.pid, signal) }
    }

    /// Sends `signal` to the child's whole process group: the child and any descendants it did not move elsewhere.
    package func sendToGroup(_ signal: Int32) {
        kill(-self.pid, signal)
    }

    /// SIGTERM, then SIGKILL to the process group if the child has not exited after `grace`.
    package func terminate(grace: Duration = .seconds(2)) {
        guard self.isRunning else { return }
        self.send(SIGTERM)
        if !self.waitForExit(timeout: grace) {
            self.sendToGroup(SIGKILL)
            self.waitForExit(timeout: .seconds(5))
        }
    }

    /// Whether the child exited on its own and with which code, or was killed by which signal.
    package var termination: (exitCode: Int32?, signal: Int32?)? {
        guard let status = self.status else { return nil }
        let signal = status & 0x7f
        return signal == 0 ? ((status >> 8) & 0xff, nil) : (nil, signal)
    }

    private typealias AddChdir =
        @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
    private typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// glibc 2.29's `posix_spawn_file_actions_addchdir_np`, which the Glibc module does not import.
    private static let glibcAddChdir: AddChdir? = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np")
        .map { unsafeBitCast($0, to: AddChdir.self) }
    /// glibc 2.34's `posix_spawn_file_actions_addclosefrom_np`, likewise.
    private static let glibcCloseFrom: AddCloseFrom? = dlsym(
        dlopen(nil, RTLD_NOW),
        "posix_spawn_file_actions_addclosefrom_np"
    )
    .map { unsafeBitCast($0, to: AddCloseFrom.self) }
}

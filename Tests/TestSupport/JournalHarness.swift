package import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real, private `systemd-journald` for tests, running in its own mount namespace so the host's journal, catalog
/// and `/run` are never touched.
///
/// How it works (the script is ``namespaceScript``, also written to ``workDirectory`` for reading):
/// 1. `unshare --mount --propagation private -- /bin/sh <workDirectory>/journald-namespace.sh` gives the shell a
///    private copy of the mount table.
/// 2. The shell mounts fresh tmpfs over `/run/systemd` and `/run/log` (or over all of `/run` if either is
///    missing, so nothing is created on the host), over `/var/log/journal` and `/var/lib/systemd/catalog` when
///    they exist, writes a `journald.conf` drop-in to `/run/systemd/journald.conf.d/` (volatile storage, no
///    kmsg, no forwarding, no rate limit), and starts `/lib/systemd/systemd-journald` with
///    `SYSTEMD_LOG_TARGET=console` so journald's own messages go to `journald.log` in ``workDirectory``, not
///    to the kernel log.
/// 3. The shell stays as journald's parent and ends it when the test process dies or after `maximumLifetime`,
///    so a crashed test run leaves no journald behind.
/// 4. Commands run inside with `nsenter --target <journald pid> --mount -- CMD` (``run(_:_:environment:timeout:)``):
///    their `sd_journal_sendv` reaches the private journald at its fixed path `/run/systemd/journal/socket`.
///    Entries are read back with `journalctl --directory=/run/log/journal -o json` inside the namespace.
///
/// Needs root and util-linux `unshare`/`nsenter`; check ``unavailableReason`` and skip when it is non-nil.
/// Call ``stop()`` when done (deinit also does); it ends journald with SIGTERM, and SIGKILL if it lingers.
package final class JournalHarness: @unchecked Sendable {
    /// journald's process ID; also the `nsenter` target.
    package let pid: Int32
    /// A private directory for this instance: the script, `journald.log`, catalog staging.
    package let workDirectory: URL

    private let anchor: ChildProcess
    private let stopLock = NSLock()
    private var stopped = false  // guarded by stopLock

    /// The journald executable started in the namespace.
    package static let journaldPath = "/lib/systemd/systemd-journald"
    /// The journal directory inside the namespace.
    package static let journalDirectory = "/run/log/journal"

    /// Why a harness cannot run here (not root, a tool missing, mount namespaces refused), or `nil` if it can.
    /// Computed once, by actually trying `unshare --mount true`.
    package static let unavailableReason: String? = {
        guard geteuid() == 0 else { return "journald harness needs root (it mounts tmpfs in a private namespace)" }
        for tool in ["unshare", "nsenter", "journalctl", JournalHarness.journaldPath]
        where ProcessRunner.locate(tool) == nil {
            return "journald harness needs \(tool), which is not installed"
        }
        guard let probe = try? ProcessRunner.runBlocking("unshare", ["--mount", "--propagation", "private", "true"]),
            probe.succeeded
        else { return "journald harness needs mount namespaces, but `unshare --mount true` failed" }
        return nil
    }()

    /// Starts journald in a new private mount namespace and waits until its native socket exists.
    ///
    /// - Parameters:
    ///   - startupTimeout: how long to wait for the socket before giving up (journald is killed then).
    ///   - maximumLifetime: journald is stopped after this even if ``stop()`` is never called.
    package init(startupTimeout: Duration = .seconds(15), maximumLifetime: Duration = .seconds(1_800)) throws {
        if let reason = Self.unavailableReason { throw ProcessRunnerError(description: reason) }
        let work = FileManager.default.temporaryDirectory
            .appendingPathComponent("deadlined-journal-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        self.workDirectory = work

        let script = Self.namespaceScript(
            workDirectory: work.path,
            testPID: getpid(),
            lifetimeSeconds: Int(maximumLifetime.components.seconds)
        )
        let scriptURL = work.appendingPathComponent("journald-namespace.sh")
        try script.write(to: scriptURL, atomically: true, encoding: .utf8)
        let logURL = work.appendingPathComponent("journald.log")
        guard FileManager.default.createFile(atPath: logURL.path, contents: nil) else {
            throw ProcessRunnerError(description: "cannot create \(logURL.path)")
        }
        let log = open(logURL.path, O_WRONLY | O_APPEND | O_CLOEXEC)
        guard log >= 0 else { throw ProcessRunnerError(description: "cannot open \(logURL.path): errno \(errno)") }
        defer { close(log) }
        let anchor = try ChildProcess(
            path: ProcessRunner.locate("unshare")!,
            arguments: ["--mount", "--propagation", "private", "--", "/bin/sh", scriptURL.path],
            environment: ProcessRunner.environment(
                adding: ["SYSTEMD_LOG_TARGET": "console", "SYSTEMD_LOG_LEVEL": "info"],
                removing: ["LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"]
            ),
            standardOutput: log,
            standardError: log
        )
        self.anchor = anchor

        // Wait (bounded) for the shell to report journald's PID and for journald's socket to appear.
        let deadline = ContinuousClock.now + startupTimeout
        let pidFile = work.appendingPathComponent("journald.pid").path
        var journaldPID: Int32?
        for _ in 0..<100_000 where ContinuousClock.now < deadline {
            if journaldPID == nil, let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
                text.hasSuffix("\n")
            {
                journaldPID = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
            }
            if let journaldPID,
                FileManager.default.fileExists(atPath: "/proc/\(journaldPID)/root/run/systemd/journal/socket")
            {
                break
            }
            if !anchor.isRunning { break }
            usleep(20_000)
        }
        guard let journaldPID,
            FileManager.default.fileExists(atPath: "/proc/\(journaldPID)/root/run/systemd/journal/socket")
        else {
            self.pid = journaldPID ?? -1
            self.stop()
            let output = (try? String(contentsOf: logURL, encoding: .utf8)) ?? ""
            throw ProcessRunnerError(description: "journald did not come up within \(startupTimeout):\n\(output)")
        }
        self.pid = journaldPID
    }

    deinit {
        self.stop()
    }

    /// What journald (and the namespace script) wrote to stderr: start-up problems, `Received SIGTERM`.
    package var journaldLog: String {
        (try? String(contentsOf: self.workDirectory.appendingPathComponent("journald.log"), encoding: .utf8)) ?? ""
    }

    /// Runs a command inside the namespace, where `/run/systemd/journal/socket` is the private journald.
    ///
    /// - Parameters:
    ///   - executable: an absolute path (the file system is the host's, apart from the mounts above).
    ///   - environment: the command's environment; by default ``ProcessRunner/environment(adding:removing:)``.
    package func run(
        _ executable: String,
        _ arguments: [String] = [],
        environment: [String: String]? = nil,
        timeout: Duration = .seconds(30)
    ) async throws -> ProcessResult {
        try await ProcessRunner.run(
            "nsenter",
            ["--target", String(self.pid), "--mount", "--", executable] + arguments,
            environment: environment,
            timeout: timeout
        )
    }

    /// Starts a long-running command inside the namespace (a daemon under test) and returns at once.
    ///
    /// `nsenter` execs the command in place, so the returned process's PID is the command's own: send it
    /// signals directly. Stop it with ``ChildProcess/terminate(grace:)`` before stopping the harness.
    ///
    /// - Parameters:
    ///   - standardOutput, standardError: descriptors for the command's output (`/dev/null` when `nil`).
    package func start(
        _ executable: String,
        _ arguments: [String] = [],
        environment: [String: String]? = nil,
        standardOutput: Int32? = nil,
        standardError: Int32? = nil
    ) throws -> ChildProcess {
        try ChildProcess(
            path: ProcessRunner.locate("nsenter")!,
            arguments: ["--target", String(self.pid), "--mount", "--", executable] + arguments,
            environment: environment ?? ProcessRunner.environment(),
            standardOutput: standardOutput,
            standardError: standardError
        )
    }

    /// Runs `journalctl` inside the namespace with the given arguments (no pager).
    package func journalctl(_ arguments: [String], timeout: Duration = .seconds(30)) async throws -> ProcessResult {
        try await self.run(ProcessRunner.locate("journalctl")!, ["--no-pager"] + arguments, timeout: timeout)
    }

    /// Asks journald to process and write everything sent before this call (`journalctl --sync`).
    package func sync() async throws {
        let result = try await self.journalctl(["--sync"])
        guard result.succeeded else { throw ProcessRunnerError(description: "journalctl --sync failed: \(result)") }
    }

    /// The entries matching all of `matches` (`FIELD=value`, as `journalctl` takes them), oldest first.
    package func entries(matching matches: [String]) async throws -> [JournalEntry] {
        try await self.sync()
        let result = try await self.journalctl(
            ["--directory=" + Self.journalDirectory, "--output=json", "--all"] + matches
        )
        guard result.succeeded else { throw ProcessRunnerError(description: "journalctl failed: \(result)") }
        return try result.stdout.split(separator: "\n").map { try JournalEntry(jsonLine: String($0)) }
    }

    /// Polls (bounded) until at least `count` entries match, then returns all matching entries.
    package func waitForEntries(
        matching matches: [String],
        count: Int,
        timeout: Duration = .seconds(10)
    ) async throws -> [JournalEntry] {
        let deadline = ContinuousClock.now + timeout
        var found: [JournalEntry] = []
        for _ in 0..<1_000 {
            found = try await self.entries(matching: matches)
            if found.count >= count || ContinuousClock.now >= deadline { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return found
    }

    /// Makes `journalctl -x` in the namespace explain entries with a catalog file's text.
    ///
    /// The file is compiled with `journalctl --root=<staging> --update-catalog` in ``workDirectory``, together with
    /// any catalog installed earlier, and the resulting database is copied over the namespace's private tmpfs at
    /// `/var/lib/systemd/catalog/database`. The host catalog is untouched.
    ///
    /// - Returns: what `journalctl --update-catalog` printed (it reports syntax problems as warnings and still
    ///   succeeds, so a test should check this is empty).
    @discardableResult
    package func installCatalog(fileAt url: URL) async throws -> String {
        let root = self.workDirectory.appendingPathComponent("catalog-root")
        let sources = root.appendingPathComponent("usr/lib/systemd/catalog")
        try FileManager.default.createDirectory(at: sources, withIntermediateDirectories: true)
        let name = url.pathExtension == "catalog" ? url.lastPathComponent : url.lastPathComponent + ".catalog"
        let destination = sources.appendingPathComponent(name)
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.copyItem(at: url, to: destination)

        let update = try await ProcessRunner.run("journalctl", ["--root=" + root.path, "--update-catalog"])
        guard update.succeeded else { throw ProcessRunnerError(description: "journalctl --update-catalog: \(update)") }
        let database = root.appendingPathComponent("var/lib/systemd/catalog/database").path
        let copy = try await self.run("/bin/cp", [database, "/var/lib/systemd/catalog/database"])
        guard copy.succeeded else {
            throw ProcessRunnerError(description: "installing the catalog database in the namespace failed: \(copy)")
        }
        return update.stdout + update.stderr
    }

    /// Stops journald and removes ``workDirectory``. Idempotent.
    ///
    /// SIGTERM goes to the namespace's shell, which passes it to journald and waits for it; if that has not ended
    /// both within five seconds, journald and the shell get SIGKILL (by PID).
    package func stop() {
        self.stopLock.lock()
        defer { self.stopLock.unlock() }
        guard !self.stopped else { return }
        self.stopped = true
        if self.anchor.isRunning {
            // The shell's trap passes SIGTERM on to journald and waits for it; journald's own PID is only
            // signalled directly if that does not work.
            self.anchor.send(SIGTERM)
            if !self.anchor.waitForExit(timeout: .seconds(5)) {
                if self.pid > 0 { kill(self.pid, SIGKILL) }
                self.anchor.sendToGroup(SIGKILL)
                self.anchor.waitForExit(timeout: .seconds(5))
            }
        }
        try? FileManager.default.removeItem(at: self.workDirectory)
    }

    /// The shell script run by `unshare`; see the type's documentation.
    package static func namespaceScript(workDirectory: String, testPID: Int32, lifetimeSeconds: Int) -> String {
        """
        set -eu
        # Private tmpfs over everything journald writes; never create anything on the host.
        if [ -d /run/systemd ] && [ -d /run/log ]; then
            mount -t tmpfs -o mode=0755 tmpfs /run/systemd
            mount -t tmpfs -o mode=0755 tmpfs /run/log
        else
            mount -t tmpfs -o mode=0755 tmpfs /run
        fi
        if [ -d /var/log/journal ]; then mount -t tmpfs -o mode=2755 tmpfs /var/log/journal; fi
        if [ -d /var/lib/systemd/catalog ]; then mount -t tmpfs -o mode=0755 tmpfs /var/lib/systemd/catalog; fi
        if [ ! -s /etc/machine-id ]; then echo "harness: journald needs a non-empty /etc/machine-id" >&2; exit 70; fi
        mkdir -p /run/systemd/journal /run/systemd/journald.conf.d /run/log/journal
        cat > /run/systemd/journald.conf.d/90-deadlined-test-harness.conf <<'CONF'
        [Journal]
        Storage=volatile
        ReadKMsg=no
        ForwardToSyslog=no
        ForwardToKMsg=no
        ForwardToConsole=no
        ForwardToWall=no
        RateLimitIntervalSec=0
        CONF
        /lib/systemd/systemd-journald &
        journald=$!
        echo "$journald" > '\(workDirectory)/journald.pid'
        # SIGTERM to this shell (stop()) ends journald at once, even while the loop below sleeps.
        sleeper=""
        trap 'kill -TERM "$journald" $sleeper 2>/dev/null || true; wait "$journald" || true; exit 0' TERM INT HUP
        # Stay journald's parent: end it when the test process is gone or the lifetime is over.
        i=0
        while [ "$i" -lt \(lifetimeSeconds) ] && kill -0 \(testPID) 2>/dev/null && kill -0 "$journald" 2>/dev/null; do
            sleep 1 &
            sleeper=$!
            wait "$sleeper" || true
            i=$((i + 1))
        done
        kill -TERM "$journald" 2>/dev/null || true
        wait "$journald" || true
        """
    }
}

/// One journal entry as `journalctl -o json` prints it.
package struct JournalEntry: Sendable, CustomStringConvertible {
    /// Every field's values. Most fields have one; repeated fields have several.
    package var fields: [String: [String]]

    /// The first value of a field, or `nil` if absent.
    package subscript(name: String) -> String? { self.fields[name]?.first }

    /// Every value of a field, in order.
    package func values(of name: String) -> [String] { self.fields[name] ?? [] }

    /// Parses one line of `journalctl -o json` output. Values journalctl printed as byte arrays (non-printable or
    /// invalid UTF-8 data) are decoded as UTF-8; `null` (value too large) becomes no value.
    package init(jsonLine: String) throws {
        guard let object = try JSONSerialization.jsonObject(with: Data(jsonLine.utf8)) as? [String: Any] else {
            throw ProcessRunnerError(description: "not a journal JSON object: \(jsonLine)")
        }
        var fields: [String: [String]] = [:]
        for (name, value) in object {
            fields[name] = Self.decode(value)
        }
        self.fields = fields
    }

    private static func decode(_ value: Any) -> [String] {
        if let string = value as? String { return [string] }
        if let array = value as? [Any] {
            if let bytes = array as? [NSNumber] {
                return [String(decoding: bytes.map { UInt8(truncating: $0) }, as: UTF8.self)]
            }
            return array.flatMap(Self.decode)
        }
        return []
    }

    /// The entry's fields, sorted, one per line.
    package var description: String {
        self.fields.keys.sorted().map { "\($0)=\(self.fields[$0]!)" }.joined(separator: "\n")
    }
}

import Foundation
import TestSupport

/// A `deadlined` started by a test: its own state directory, its log in a file, stopped by PID.
final class RunningDaemon: @unchecked Sendable {
    let process: ChildProcess
    let logPath: String
    let logFD: Int32

    /// Starts `deadlined` on `config` with `arguments` (e.g. `--pretend-now`), logging to a file.
    init(
        config: String, arguments: [String] = [], environment: [String: String] = [:], logPath: String,
        journal: JournalHarness? = nil
    ) throws {
        self.logPath = logPath
        logFD = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        var env = ProcessRunner.environment(removing: ["DEADLINED_CONFIG"])
        env.merge(environment) { _, new in new }
        let args = ["--config", config, "--log-target", journal == nil ? "console" : "journal"] + arguments
        if let journal {
            process = try journal.start(
                BuiltProducts.path("deadlined"), args, environment: env, standardOutput: logFD, standardError: logFD)
        } else {
            process = try ChildProcess(
                path: BuiltProducts.path("deadlined"), arguments: args, environment: env, standardOutput: logFD,
                standardError: logFD)
        }
    }

    /// Starts `executable` with `arguments` as they are (a launcher that execs deadlined), logging to a file.
    init(executable: String, arguments: [String], logPath: String) throws {
        self.logPath = logPath
        logFD = open(logPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        process = try ChildProcess(
            path: executable, arguments: arguments,
            environment: ProcessRunner.environment(removing: ["DEADLINED_CONFIG"]),
            standardOutput: logFD, standardError: logFD)
    }

    deinit { close(logFD) }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Waits (bounded) until the log contains `text`.
    @discardableResult
    func waitForLog(_ text: String, timeout: Duration = .seconds(20)) async -> Bool {
        await eventually(timeout: timeout) { log.contains(text) }
    }

    func stop() {
        process.terminate(grace: .seconds(10))
    }

    func kill9() {
        process.send(SIGKILL)
        _ = process.waitForExit(timeout: .seconds(10))
    }
}

/// Waits (bounded) until `condition` holds. It suspends between looks, never blocking one of the few threads
/// that every test of the process shares (two on a 2-core machine: a test that blocks one stalls the others).
func eventually(timeout: Duration = .seconds(20), _ condition: () throws -> Bool) async rethrows -> Bool {
    let end = ContinuousClock.now + timeout
    while ContinuousClock.now < end {
        if try condition() { return true }
        try? await Task.sleep(for: .milliseconds(50))
    }
    return try condition()
}

/// A configuration for daemon tests: `units` units, each with one recipient, all on one SMTP channel (or the
/// outbox), and one deadline given to all of them. `extraChannel` adds keys to the SMTP channel.
func daemonConfig(
    in dir: TemporaryDirectory, smtpPort: Int?, units: Int = 3, due: String = "08/03/2021", before: [String] = ["7d"],
    extraDaemon: String = "", extraDeadlines: String = "", extraChannel: String = ""
) throws -> String {
    var text = """
        [daemon]
        state_directory = "\(dir.path)/state"
        catch_up = "24h"
        \(extraDaemon)

        [reminders]
        before = [\(before.map { "\"\($0)\"" }.joined(separator: ", "))]
        on_due = false
        overdue_every = ""
        time = "08:00"

        """
    if let smtpPort {
        text += """
            [channels.email]
            type = "smtp"
            url = "smtp://127.0.0.1:\(smtpPort)"
            starttls = "off"
            from = "Văn phòng UBND Thành phố <nhacviec@hanoi.example>"
            connect_timeout = "2s"
            timeout = "10s"
            \(extraChannel)

            """
    }
    var ids: [String] = []
    for i in 1...units {
        ids.append("so-\(i)")
        text += """
            [units.so-\(i)]
            name = "Sở số \(i)"
            recipients = ["Văn thư Sở \(i) <vanthu\(i)@so\(i).hanoi.example>"]
            \(smtpPort == nil ? "" : "channels = [\"email\"]")

            """
    }
    text += """
        [[document]]
        ref = "5418/UBND-TKBT"
        issued = "19/11/2020"

        [[deadline]]
        id = "bao-cao"
        task = "Báo cáo kết quả thực hiện"
        units = [\(ids.map { "\"\($0)\"" }.joined(separator: ", "))]
        due = "\(due)"
        \(extraDeadlines)
        """
    return try dir.write("deadlined.toml", text)
}

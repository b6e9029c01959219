import Foundation
import TestSupport
import Testing

/// No input traps a program: dates outside the supported years and out-of-range numbers, given to the built
/// binaries as an admin would, are clear errors with the documented exit codes, and a reload with them keeps the
/// running daemon and its configuration.
@Suite("binaries: out-of-range input is an error, never a trap", .serialized)
struct InputBoundsBinaryTests {
    static let environment = ProcessRunner.environment(removing: ["DEADLINED_CONFIG", "STATE_DIRECTORY"])

    static func run(_ program: String, _ arguments: [String]) async throws -> ProcessResult {
        try await ProcessRunner.run(BuiltProducts.path(program), arguments, environment: environment)
    }

    @Test("check: a due date in the year 0202 is an error at its line with a hint, exit 1")
    func checkYearTypo() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(in: dir, smtpPort: nil, units: 1, due: "10/12/0202")
        let result = try await Self.run("deadlinectl", ["check", "--lang", "en", "--config", config])
        #expect(result.status == 1, "\(result)")
        #expect(!result.terminatedBySignal)
        #expect(
            result.stderr == """
                \(config):23:7: error: '10/12/0202': the year 0202 is outside the years deadlined plans in (1901–2199); did you mean 2020?
                \(config): 1 error; the configuration is not valid

                """)
    }

    @Test("check in Vietnamese (the default): the same error, the year, the value and the hint as written")
    func checkYearTypoVietnamese() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(in: dir, smtpPort: nil, units: 1, due: "10/12/0202")
        let result = try await Self.run("deadlinectl", ["check", "--config", config])
        #expect(result.status == 1, "\(result)")
        #expect(!result.terminatedBySignal)
        #expect(
            result.stderr == """
                \(config):23:7: lỗi: '10/12/0202': năm 0202 nằm ngoài các năm deadlined lập lịch nhắc việc (1901–2199); có phải ý bạn là năm 2020?
                \(config): 1 lỗi; cấu hình không hợp lệ

                """)
    }

    @Test(
        "list and plan: --now, --from and --to outside 1901–2199 exit 2 with the reason",
        arguments: [
            (
                ["list", "--lang", "en", "--now", "01/01/0001"],
                "deadlinectl: --now: '01/01/0001': the year 0001 is outside the years deadlined plans in (1901–2199)\n"
            ),
            (
                ["plan", "--lang", "en", "--now", "31/12/9999"],
                "deadlinectl: --now: '31/12/9999': the year 9999 is outside the years deadlined plans in (1901–2199)\n"
            ),
            (
                ["plan", "--lang", "en", "--from", "0001"],
                "deadlinectl: --from: '0001': the year 0001 is outside the years deadlined plans in (1901–2199)\n"
            ),
            (
                ["plan", "--lang", "en", "--to", "10/12/0202"],
                "deadlinectl: --to: '10/12/0202': the year 0202 is outside the years deadlined plans in (1901–2199); did you mean 2020?\n"
            ),
            (
                ["list", "--now", "01/01/0001"],
                "deadlinectl: --now: '01/01/0001': năm 0001 nằm ngoài các năm deadlined lập lịch nhắc việc (1901–2199)\n"
            ),
            (
                ["plan", "--now", "31/12/9999"],
                "deadlinectl: --now: '31/12/9999': năm 9999 nằm ngoài các năm deadlined lập lịch nhắc việc (1901–2199)\n"
            ),
            (
                ["plan", "--from", "0001"],
                "deadlinectl: --from: '0001': năm 0001 nằm ngoài các năm deadlined lập lịch nhắc việc (1901–2199)\n"
            ),
            (
                ["plan", "--to", "10/12/0202"],
                "deadlinectl: --to: '10/12/0202': năm 0202 nằm ngoài các năm deadlined lập lịch nhắc việc (1901–2199); có phải ý bạn là năm 2020?\n"
            ),
        ])
    func commandLineMoments(_ arguments: [String], _ message: String) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(in: dir, smtpPort: nil, units: 1)
        let result = try await Self.run("deadlinectl", arguments + ["--config", config])
        #expect(result.status == 2, "\(result)")
        #expect(!result.terminatedBySignal)
        #expect(result.stderr == message)
    }

    @Test(
        "deadlined --print-plan: --pretend-now outside the years and --days outside 1–366 exit 2",
        arguments: [
            (
                ["--pretend-now", "01/01/0001"],
                "deadlined: --pretend-now: '01/01/0001': the year 0001 is outside the years deadlined plans in (1901–2199)\n"
            ),
            (
                ["--days", "9223372036854775807"],
                "deadlined: --days must be a whole number from 1 to 366, not 9223372036854775807\n"
            ),
            (["--days", "0"], "deadlined: --days must be a whole number from 1 to 366, not 0\n"),
        ])
    func printPlanBounds(_ arguments: [String], _ message: String) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(in: dir, smtpPort: nil, units: 1)
        let result = try await Self.run("deadlined", ["--config", config, "--print-plan"] + arguments)
        #expect(result.status == 2, "\(result)")
        #expect(!result.terminatedBySignal)
        #expect(result.stderr == message)
    }

    @Test("the daemon: --pretend-now outside the years exits 2 with the reason")
    func daemonPretendNow() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(in: dir, smtpPort: nil, units: 1)
        let result = try await Self.run(
            "deadlined", ["--config", config, "--once", "--log-target", "console", "--pretend-now", "31/12/9999"])
        #expect(result.status == 2, "\(result)")
        #expect(
            result.stderr.contains(
                "--pretend-now: '31/12/9999': the year 9999 is outside the years deadlined plans in (1901–2199)"))
    }

    @Test("SIGHUP and deadlinectl reload with a date in the year 0001: rejected, the daemon keeps running")
    func reloadKeepsRunning() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(in: dir, smtpPort: nil, units: 1)
        let good = try String(contentsOfFile: config, encoding: .utf8)
        let daemon = try RunningDaemon(
            config: config, arguments: ["--pretend-now", "2021-03-01T07:00:00+07:00"], logPath: dir.path + "/log")
        defer { daemon.stop() }
        #expect(await daemon.waitForLog("deadlined started"), "\(daemon.log)")

        try dir.write(
            "deadlined.toml", good.replacingOccurrences(of: "due = \"08/03/2021\"", with: "due = \"01/01/0001\""))
        daemon.process.send(SIGHUP)
        #expect(
            await daemon.waitForLog("the new configuration has 1 error; the previous configuration keeps running"),
            "\(daemon.log)")
        #expect(daemon.log.contains("'01/01/0001': the year 0001 is outside the years deadlined plans in (1901–2199)"))
        #expect(!daemon.process.waitForExit(timeout: .milliseconds(500)), "\(daemon.log)")

        try dir.write(
            "deadlined.toml", good.replacingOccurrences(of: "due = \"08/03/2021\"", with: "due = \"Q4/9999\""))
        let rejected = try await ProcessRunner.run(
            BuiltProducts.path("deadlinectl"), ["reload", "--lang", "en", "--config", config],
            environment: Self.environment)
        #expect(rejected.status == 1, "\(rejected)")
        #expect(
            rejected.stderr.contains("'Q4/9999': the year 9999 is outside the years deadlined plans in (1901–2199)"))
        #expect(!daemon.process.waitForExit(timeout: .milliseconds(500)), "\(daemon.log)")
    }
}

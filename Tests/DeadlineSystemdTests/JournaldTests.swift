import DeadlineSystemd
import Foundation
import TestSupport
import Testing

/// Runs the probe inside a private journald's namespace and reads back what journald stored.
@Suite(
    "real journald in a private mount namespace",
    .enabled(if: JournalHarness.unavailableReason == nil, Comment(rawValue: JournalHarness.unavailableReason ?? ""))
)
struct JournaldTests {
    static let vietnameseUnit = "Sở Kế hoạch và Đầu tư"

    @Test("entries carry every field with exact values, filtered by DEADLINE_ID, MESSAGE_ID and PRIORITY")
    func structuredEntries() async throws {
        let journal = try JournalHarness()
        defer { journal.stop() }
        let probe = try ProbeBinary.path()
        let deadlineID = "HN-\(UInt32.random(in: 0...UInt32.max))"

        let run = try await journal.run(probe, ["log", "journal", deadlineID])
        try #require(run.succeeded, "\(run)")
        #expect(run.stderr == "", "nothing falls back to stderr when journald is there")
        let report = ProbeBinary.Report(run.stdout)

        let all = try await journal.waitForEntries(matching: ["DEADLINE_ID=\(deadlineID)"], count: 3)
        #expect(all.map { $0["PRIORITY"] } == ["6", "3", "7"], "\(all)")

        let sent = try await journal.entries(
            matching: ["DEADLINE_ID=\(deadlineID)", "MESSAGE_ID=\(LogEventID.reminderSent.messageID)"]
        )
        try #require(sent.count == 1, "\(sent)")
        let entry = sent[0]
        #expect(entry["MESSAGE"] == "Đã gửi nhắc hạn cho \(Self.vietnameseUnit)")
        #expect(entry["PRIORITY"] == "6")
        #expect(entry["SYSLOG_IDENTIFIER"] == "deadlined")
        #expect(entry["DEADLINE_UNIT"] == Self.vietnameseUnit)
        #expect(entry["CHANNEL"] == "smtp")
        #expect(entry["ATTEMPT"] == "1")
        #expect(entry["RECIPIENT"] == "van.thu@skhdt.example.gov.vn")
        #expect(entry["CODE_FILE"] == "deadline_journal_probe/main.swift")
        #expect(entry["CODE_FILE"] == report.codeFile)
        #expect(entry["CODE_FUNC"] == "logScenario(logger:deadlineID:)")
        #expect(entry["CODE_FUNC"] == report.codeFunction)
        #expect(entry["CODE_LINE"] == report.lines["reminder-sent"])
        #expect(entry["_TRANSPORT"] == "journal", "sent over the native protocol, not the stdout stream")
        #expect(entry["_PID"] != nil)

        let failed = try await journal.entries(matching: ["DEADLINE_ID=\(deadlineID)", "PRIORITY=3"])
        try #require(failed.count == 1, "\(failed)")
        #expect(failed[0]["MESSAGE"] == "Gửi thất bại, sẽ thử lại\nmáy chủ trả lời: 451 4.7.1 Tạm thời từ chối")
        #expect(failed[0]["MESSAGE_ID"] == LogEventID.deliveryFailed.messageID)
        #expect(failed[0]["ATTEMPT"] == "2")
        #expect(failed[0]["SMTP_CODE"] == "451")
        #expect(failed[0]["SMTP_ENHANCED"] == "4.7.1")
        #expect(failed[0].values(of: "RECIPIENTS") == ["a@example.gov.vn", "b@example.gov.vn"])
        #expect(failed[0]["CODE_LINE"] == report.lines["delivery-failed"])

        let none = try await journal.entries(matching: ["DEADLINE_ID=\(deadlineID)", "PRIORITY=2"])
        #expect(none.isEmpty)
    }

    @Test("auto under the journal stream (JOURNAL_STREAM matches stderr) uses the native protocol")
    func autoOnJournalStream() async throws {
        let journal = try JournalHarness()
        defer { journal.stop() }
        let probe = try ProbeBinary.path()
        let deadlineID = "AUTO-\(UInt32.random(in: 0...UInt32.max))"

        // systemd-cat connects stdout/stderr to journald's stream socket; the shell sets JOURNAL_STREAM to that
        // socket's device:inode, as systemd does for StandardError=journal.
        let run = try await journal.run(
            "/usr/bin/systemd-cat",
            [
                "-t", "probe-stream", "/bin/sh", "-c",
                #"JOURNAL_STREAM=$(stat -L -c %d:%i /proc/self/fd/2) exec "$0" "$@""#,
                probe, "log", "auto", deadlineID,
            ]
        )
        try #require(run.succeeded, "\(run)")
        let entries = try await journal.waitForEntries(matching: ["DEADLINE_ID=\(deadlineID)"], count: 3)
        #expect(entries.count == 3)
        #expect(
            entries.allSatisfy { $0["_TRANSPORT"] == "journal" && $0["SYSLOG_IDENTIFIER"] == "deadlined" },
            "\(entries)"
        )
    }

    @Test("console on the journal stream writes <N> prefixes that journald turns into PRIORITY")
    func prefixedConsoleOnJournalStream() async throws {
        let journal = try JournalHarness()
        defer { journal.stop() }
        let probe = try ProbeBinary.path()
        let deadlineID = "CON-\(UInt32.random(in: 0...UInt32.max))"

        let run = try await journal.run(
            "/usr/bin/systemd-cat",
            [
                "-t", "probe-stream", "/bin/sh", "-c",
                #"JOURNAL_STREAM=$(stat -L -c %d:%i /proc/self/fd/2) exec "$0" "$@""#,
                probe, "log", "console", deadlineID,
            ]
        )
        try #require(run.succeeded, "\(run)")
        let entries = try await journal.waitForEntries(
            matching: ["SYSLOG_IDENTIFIER=probe-stream", "_TRANSPORT=stdout"],
            count: 8  // the probe's five report lines on stdout are entries too
        )
        let logLines = entries.filter { $0["MESSAGE"]?.contains("deadline_id=\(deadlineID)") == true }
        #expect(logLines.map { $0["PRIORITY"] } == ["6", "3", "7"], "\(entries)")
        #expect(
            logLines.first?["MESSAGE"]
                == "Đã gửi nhắc hạn cho \(Self.vietnameseUnit) attempt=1 channel=smtp deadline_id=\(deadlineID) "
                + "deadline_unit=\"\(Self.vietnameseUnit)\" message_id=\(LogEventID.reminderSent.messageID) "
                + "recipient=van.thu@skhdt.example.gov.vn"
        )
    }

    @Test("journalctl -x explains an entry with text from an installed catalog")
    func catalogText() async throws {
        let journal = try JournalHarness()
        defer { journal.stop() }
        let probe = try ProbeBinary.path()
        let deadlineID = "CAT-\(UInt32.random(in: 0...UInt32.max))"
        let catalog = journal.workDirectory.appendingPathComponent("test.catalog")
        try """
        -- \(LogEventID.reminderSent.messageID)
        Subject: Đã gửi nhắc hạn
        Defined-By: deadlined

        Nhắc hạn cho @DEADLINE_ID@ (@DEADLINE_UNIT@) đã được gửi qua @CHANNEL@.

        """.write(to: catalog, atomically: true, encoding: .utf8)
        let warnings = try await journal.installCatalog(fileAt: catalog)
        #expect(warnings == "")

        let run = try await journal.run(probe, ["log", "journal", deadlineID])
        try #require(run.succeeded, "\(run)")
        _ = try await journal.waitForEntries(matching: ["DEADLINE_ID=\(deadlineID)"], count: 3)
        let explained = try await journal.journalctl(
            [
                "--directory=/run/log/journal", "-x", "-o", "short", "DEADLINE_ID=\(deadlineID)",
                "MESSAGE_ID=\(LogEventID.reminderSent.messageID)",
            ]
        )
        try #require(explained.succeeded, "\(explained)")
        #expect(explained.stdout.contains("░░ Subject: Đã gửi nhắc hạn\n"), "\(explained)")
        #expect(
            explained.stdout.contains("░░ Nhắc hạn cho \(deadlineID) (\(Self.vietnameseUnit)) đã được gửi qua smtp.\n"),
            "\(explained)"
        )
        let hostDatabase = try? Data(contentsOf: URL(fileURLWithPath: "/var/lib/systemd/catalog/database"))
        #expect(hostDatabase.map { !$0.contains(Data("Đã gửi nhắc hạn".utf8)) } ?? true, "host catalog untouched")
    }

    @Test("start() runs a long-lived command in journald's namespace under its own PID")
    func startInNamespace() throws {
        let journal = try JournalHarness()
        defer { journal.stop() }
        let sleeper = try journal.start("/bin/sleep", ["30"])
        defer { sleeper.terminate() }
        var comm = ""
        for _ in 0..<100 {
            comm = (try? String(contentsOfFile: "/proc/\(sleeper.pid)/comm", encoding: .utf8)) ?? ""
            if comm == "sleep\n" { break }
            usleep(10_000)
        }
        #expect(comm == "sleep\n", "nsenter execs the command in place")
        let namespace = { (pid: Int32) in
            try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/ns/mnt")
        }
        #expect(namespace(sleeper.pid) == namespace(journal.pid))
        #expect(namespace(sleeper.pid) != namespace(getpid()))
        sleeper.terminate()
        #expect(sleeper.termination?.signal == SIGTERM)
    }

    @Test("the host never sees the private journal, and stop() ends journald")
    func isolation() throws {
        let hostSocket = LogEnvironment.journalSocketPath
        let hostHadSocket = FileManager.default.fileExists(atPath: hostSocket)
        let journal = try JournalHarness()
        defer { journal.stop() }
        #expect(FileManager.default.fileExists(atPath: "/proc/\(journal.pid)/root\(hostSocket)"))
        #expect(FileManager.default.fileExists(atPath: hostSocket) == hostHadSocket)
        let pid = journal.pid
        journal.stop()
        #expect(kill(pid, 0) != 0, "journald is gone after stop()")
        #expect(!FileManager.default.fileExists(atPath: journal.workDirectory.path))
    }
}

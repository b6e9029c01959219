import DeadlineSystemd
import Foundation
import TestSupport
import Testing

/// `deadlined` logging to a real systemd-journald (started by the harness in a private mount namespace), read back
/// with journalctl and the field matches admins use.
@Suite("deadlined in the journal", .serialized, .enabled(if: JournalHarness.unavailableReason == nil))
struct DaemonJournalTests {
    @Test("journalctl finds reminders by DEADLINE_ID and MESSAGE_ID, failures at PRIORITY=3, and -x shows the catalog")
    func journal() async throws {
        let journal = try JournalHarness()
        defer { journal.stop() }
        try await journal.installCatalog(
            fileAt: URL(fileURLWithPath: BuiltProducts.repositoryRoot + "/deploy/deadlined.catalog"))
        // so-1 has a good address, so-2 an address the server refuses for good (550).
        var options = SMTPTestServer.Options()
        options.rejectedRecipients = ["vanthu2@so2.hanoi.example"]
        let server = try SMTPTestServer(options)
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(in: dir, smtpPort: server.port, units: 2)
        let daemon = try RunningDaemon(
            config: config, arguments: ["--pretend-now", "2021-03-01T07:59:59+07:00"], logPath: dir.path + "/log",
            journal: journal)
        defer { daemon.stop() }

        let sent = try await journal.waitForEntries(
            matching: ["DEADLINE_ID=bao-cao", "MESSAGE_ID=\(LogEventID.reminderSent.rawValue)"], count: 1,
            timeout: .seconds(30))
        if sent.count != 1 {
            let all = (try? await journal.entries(matching: ["SYSLOG_IDENTIFIER=deadlined"])) ?? []
            Issue.record(
                "deadlined's entries: \(all.map { $0.values(of: "MESSAGE") })\nserver received: \((try? server.messages().count) ?? -1)\n\(daemon.log)"
            )
        }
        #expect(sent.count == 1)
        let entry = try #require(sent.first)
        #expect(entry.values(of: "SYSLOG_IDENTIFIER") == ["deadlined"])
        #expect(entry.values(of: "PRIORITY") == ["6"])
        #expect(entry.values(of: "DEADLINE_UNIT") == ["so-1"])
        #expect(entry.values(of: "CHANNEL") == ["email"])
        #expect(entry.values(of: "RECIPIENT") == ["vanthu1@so1.hanoi.example"])
        #expect(entry.values(of: "ATTEMPT") == ["1"])
        #expect(entry.values(of: "DEADLINE_DUE") == ["2021-03-08T17:00:00+07:00"])
        #expect(entry.values(of: "DOCUMENT_REF") == ["5418/UBND-TKBT"])
        #expect(
            entry.values(of: "MESSAGE").first?.hasPrefix(
                "bao-cao: reminder sent through 'email': [Nhắc việc] Còn 7 ngày") == true)
        #expect(!entry.values(of: "CODE_FILE").isEmpty && !entry.values(of: "CODE_LINE").isEmpty)

        let failed = try await journal.waitForEntries(
            matching: ["DEADLINE_ID=bao-cao", "PRIORITY=3"], count: 1, timeout: .seconds(30))
        #expect(failed.count == 1)
        #expect(failed.first?.values(of: "MESSAGE_ID") == [LogEventID.deliveryGivenUp.rawValue])
        #expect(failed.first?.values(of: "DEADLINE_UNIT") == ["so-2"])
        #expect(failed.first?.values(of: "MESSAGE").first?.contains("550") == true)

        let explained = try await journal.journalctl([
            "--directory=/run/log/journal", "-x", "--no-pager", "MESSAGE_ID=\(LogEventID.deliveryGivenUp.rawValue)",
        ])
        #expect(
            explained.stdout.contains("Lời nhắc cho việc bao-cao (đơn vị so-2) qua kênh email sẽ không được gửi"),
            "\(explained)")
        #expect(
            explained.stdout.contains("The reminder for bao-cao (unit so-2) through channel email will not be sent"))
    }

    @Test("an occurrence falling due unmarked is logged once as deadline overdue, at its due moment")
    func overdue() async throws {
        let journal = try JournalHarness()
        defer { journal.stop() }
        let server = try SMTPTestServer()
        defer { server.stop() }
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try daemonConfig(in: dir, smtpPort: server.port, units: 1)
        // Two seconds before bao-cao falls due (17:00 on 08/03/2021): the daemon wakes for it although no
        // reminder goes out at that moment.
        let daemon = try RunningDaemon(
            config: config, arguments: ["--pretend-now", "2021-03-08T16:59:58+07:00"], logPath: dir.path + "/log",
            journal: journal)
        defer { daemon.stop() }
        let overdue = try await journal.waitForEntries(
            matching: ["DEADLINE_ID=bao-cao", "MESSAGE_ID=\(LogEventID.deadlineOverdue.rawValue)"], count: 1,
            timeout: .seconds(30))
        #expect(overdue.count == 1, "\(daemon.log)")
        let entry = try #require(overdue.first)
        #expect(entry.values(of: "PRIORITY") == ["5"])
        #expect(entry.values(of: "DEADLINE_DUE") == ["2021-03-08T17:00:00+07:00"])
        #expect(entry.values(of: "DOCUMENT_REF") == ["5418/UBND-TKBT"])
        #expect(entry.values(of: "DEADLINE_UNIT") == ["so-1"])
        #expect(entry.values(of: "MESSAGE") == ["bao-cao: overdue: due 17:00 08/03/2021 and not marked done"])
        // A reload re-examines the catch-up window; the occurrence is not reported again.
        daemon.process.send(SIGHUP)
        let reloaded = try await journal.waitForEntries(
            matching: ["MESSAGE_ID=\(LogEventID.configReloaded.rawValue)"], count: 1, timeout: .seconds(30))
        #expect(reloaded.count == 1)
        try await Task.sleep(for: .seconds(1))
        let again = try await journal.entries(matching: [
            "DEADLINE_ID=bao-cao", "MESSAGE_ID=\(LogEventID.deadlineOverdue.rawValue)",
        ])
        #expect(again.count == 1)

        // The admin marks it done: deadlinectl logs that under its own name, and the query `history` prints
        // (`journalctl DEADLINE_ID=...`, no -u) shows the daemon's entries and the admin's together.
        let done = try await journal.run(
            BuiltProducts.path("deadlinectl"), ["done", "bao-cao", "--note", "Đã nộp", "--config", config],
            environment: ProcessRunner.environment(removing: ["DEADLINED_CONFIG", "STATE_DIRECTORY"]))
        #expect(done.succeeded, "\(done)")
        let marked = try await journal.waitForEntries(
            matching: ["DEADLINE_ID=bao-cao", "MESSAGE_ID=\(LogEventID.reminderMarkedDone.rawValue)"], count: 1,
            timeout: .seconds(30))
        #expect(marked.first?.values(of: "SYSLOG_IDENTIFIER") == ["deadlinectl"])
        #expect(marked.first?.values(of: "NOTE") == ["Đã nộp"], "\(marked.first?.fields ?? [:])")
        #expect(marked.first?.values(of: "ADMIN_USER").isEmpty == false)
        let all = try await journal.entries(matching: ["DEADLINE_ID=bao-cao"])
        #expect(Set(all.flatMap { $0.values(of: "SYSLOG_IDENTIFIER") }) == ["deadlined", "deadlinectl"])
    }
}

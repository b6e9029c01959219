import DeadlineSystemd
import Foundation
import TestSupport
import Testing

/// The probe without a journal: readable lines on stderr.
@Suite("console output without journald")
struct ConsoleFallbackTests {
    static func expectedLines(deadlineID: String) -> [String] {
        let unit = "Sở Kế hoạch và Đầu tư"
        return [
            "INFO Đã gửi nhắc hạn cho \(unit) attempt=1 channel=smtp deadline_id=\(deadlineID) "
                + "deadline_unit=\"\(unit)\" message_id=1adbb4ec72d44f4ba39f51675cd451ae recipient=van.thu@skhdt.example.gov.vn",
            #"ERROR Gửi thất bại, sẽ thử lại\nmáy chủ trả lời: 451 4.7.1 Tạm thời từ chối attempt=2 channel=smtp "#
                + "deadline_id=\(deadlineID) deadline_unit=\"\(unit)\" message_id=e9c5aa1a63ea4478a3d39d0030d2ecd0 "
                + "recipients=[a@example.gov.vn,b@example.gov.vn] smtp.code=451 smtp.enhanced=4.7.1",
            "DEBUG chi tiết gỡ lỗi deadline_id=\(deadlineID)",
        ]
    }

    @Test("console target: one plain line per statement on stderr")
    func consoleTarget() async throws {
        let result = try await ProcessRunner.run(try ProbeBinary.path(), ["log", "console", "C-1"])
        try #require(result.succeeded, "\(result)")
        #expect(result.stderr == Self.expectedLines(deadlineID: "C-1").joined(separator: "\n") + "\n")
    }

    @Test(
        "auto with no journald socket (private empty /run/systemd) falls back to the console",
        .enabled(if: JournalHarness.unavailableReason == nil, Comment(rawValue: JournalHarness.unavailableReason ?? ""))
    )
    func autoWithoutJournal() async throws {
        let probe = try ProbeBinary.path()
        let result = try await ProcessRunner.run(
            "unshare",
            [
                "--mount", "--propagation", "private", "--", "/bin/sh", "-c",
                #"mount -t tmpfs tmpfs /run/systemd 2>/dev/null || mount -t tmpfs tmpfs /run; exec "$0" "$@""#,
                probe, "log", "auto", "C-2",
            ]
        )
        try #require(result.succeeded, "\(result)")
        #expect(result.stderr == Self.expectedLines(deadlineID: "C-2").joined(separator: "\n") + "\n")
    }

    @Test(
        "journal target with no journald socket writes to stderr instead of dropping entries",
        .enabled(if: JournalHarness.unavailableReason == nil, Comment(rawValue: JournalHarness.unavailableReason ?? ""))
    )
    func journalWithoutSocket() async throws {
        let probe = try ProbeBinary.path()
        let result = try await ProcessRunner.run(
            "unshare",
            [
                "--mount", "--propagation", "private", "--", "/bin/sh", "-c",
                #"mount -t tmpfs tmpfs /run/systemd 2>/dev/null || mount -t tmpfs tmpfs /run; exec "$0" "$@""#,
                probe, "log", "journal", "C-3",
            ]
        )
        try #require(result.succeeded, "\(result)")
        #expect(result.stderr == Self.expectedLines(deadlineID: "C-3").joined(separator: "\n") + "\n")
    }
}

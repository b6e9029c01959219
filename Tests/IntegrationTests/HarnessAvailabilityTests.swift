import Foundation
import TestSupport
import Testing

/// The suites that need a real journald or PostgreSQL skip themselves where those are missing (a developer's
/// machine without the packages). `make test`, and so CI, sets `DEADLINED_TESTS_REQUIRE_SERVERS=1`: there, a
/// missing part fails this test instead of letting those suites pass by skipping.
@Suite("The real servers the tests need")
struct HarnessAvailabilityTests {
    static let required = ProcessInfo.processInfo.environment["DEADLINED_TESTS_REQUIRE_SERVERS"] == "1"

    @Test(
        "journald and PostgreSQL are here when required",
        .enabled(if: required, "DEADLINED_TESTS_REQUIRE_SERVERS is not 1"))
    func present() {
        #expect(
            JournalHarness.unavailableReason == nil,
            "the journald suites would be skipped: \(JournalHarness.unavailableReason ?? "")")
        #expect(
            PostgresServer.isAvailable,
            "the PostgreSQL suites would be skipped: initdb/pg_ctl not found (apt install postgresql)")
        #expect(ProcessRunner.locate("python3") != nil, "the SQLite concurrency tests would be skipped: no python3")
        #expect(ProcessRunner.locate("systemd-analyze") != nil, "systemd-analyze is missing (apt install systemd)")
    }
}

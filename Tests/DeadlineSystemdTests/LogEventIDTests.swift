import DeadlineSystemd
import Logging
import Testing

@Suite("message identifiers")
struct LogEventIDTests {
    @Test("every identifier is 32 lowercase hex digits and unique")
    func identifiersAreWellFormed() {
        let hexDigits = Set("0123456789abcdef")
        for event in LogEventID.allCases {
            #expect(event.messageID.count == 32, "\(event)")
            #expect(event.messageID.allSatisfy(hexDigits.contains), "\(event)")
        }
        #expect(Set(LogEventID.allCases.map(\.messageID)).count == LogEventID.allCases.count)
        #expect(Set(LogEventID.allCases.map(\.name)).count == LogEventID.allCases.count)
    }

    @Test("the fifteen events the catalog documents")
    func catalogue() {
        #expect(
            LogEventID.allCases.map(\.name) == [
                "reminder-sent", "delivery-failed", "delivery-given-up", "deadline-overdue", "config-loaded",
                "config-reloaded", "config-rejected", "catch-up-skipped", "reminder-marked-done", "reminder-snoozed",
                "daemon-started", "daemon-stopping", "reminder-skipped", "reminder-resent", "confirmed-by-link",
            ]
        )
        #expect(LogEventID.reminderSent.messageID == "1adbb4ec72d44f4ba39f51675cd451ae")
    }

    @Test("metadata(_:) adds message_id over the caller's metadata")
    func metadataHelper() {
        let metadata = LogEventID.configRejected.metadata(["deadline_id": "7", "message_id": "stale"])
        #expect(metadata == ["deadline_id": "7", "message_id": "ce55d999d55e452a9785a6e19f3da717"])
    }
}

import DeadlineSystemd
import Logging
import Testing

@Suite("journald field names and priorities")
struct JournalFieldNameTests {
    @Test(
        "metadata keys map to the field names journald accepts",
        arguments: [
            ("deadline_id", "DEADLINE_ID"),
            ("deadline_due", "DEADLINE_DUE"),
            ("document_ref", "DOCUMENT_REF"),
            ("unit", "UNIT"),
            ("channel", "CHANNEL"),
            ("recipient", "RECIPIENT"),
            ("attempt", "ATTEMPT"),
            ("message_id", "MESSAGE_ID"),
            ("error.message", "ERROR_MESSAGE"),
            ("Deadline-Due", "DEADLINE_DUE"),
            ("smtp host", "SMTP_HOST"),
            ("_pid", "PID"),
            ("__trusted", "TRUSTED"),
            ("2fa", "META_2FA"),
            ("_9lives", "META_9LIVES"),
            ("", "META_"),
            ("___", "META_"),
            ("đơn_vị", "N_V_"),
            ("message", "META_MESSAGE"),
            ("priority", "META_PRIORITY"),
            ("syslog_identifier", "META_SYSLOG_IDENTIFIER"),
            ("code_line", "META_CODE_LINE"),
        ]
    )
    func mapping(key: String, expected: String) {
        #expect(JournalFieldName.forMetadataKey(key) == expected)
    }

    @Test("every mapped name is valid for journald")
    func mappedNamesAreValid() {
        let keys = ["deadline_id", "x", "Ä", "đơn vị", "1", "_", "message", String(repeating: "k", count: 200)]
        for key in keys {
            let name = JournalFieldName.forMetadataKey(key)
            #expect(JournalFieldName.isValid(name), "\(key) -> \(name)")
        }
    }

    @Test("names are cut to 64 characters")
    func truncation() {
        let name = JournalFieldName.forMetadataKey(String(repeating: "a", count: 100))
        #expect(name == String(repeating: "A", count: 64))
        #expect(JournalFieldName.forMetadataKey("9" + String(repeating: "b", count: 100)).utf8.count == 64)
    }

    @Test(
        "journald's validity rule",
        arguments: [
            ("MESSAGE", true), ("DEADLINE_ID", true), ("A1", true), (String(repeating: "A", count: 64), true),
            ("", false), ("_PID", false), ("1A", false), ("lower", false), ("A-B", false), ("A.B", false),
            (String(repeating: "A", count: 65), false), ("ĐƠN", false),
        ]
    )
    func validity(name: String, valid: Bool) {
        #expect(JournalFieldName.isValid(name) == valid)
    }

    @Test(
        "swift-log levels map to syslog priorities",
        arguments: [
            (Logger.Level.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3),
            (.critical, 2),
        ]
    )
    func priorities(level: Logger.Level, priority: Int) {
        #expect(SyslogPriority(level).rawValue == priority)
        #expect(SyslogPriority(level).linePrefix == "<\(priority)>")
    }
}

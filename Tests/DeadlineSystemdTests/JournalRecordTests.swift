import DeadlineSystemd
import Logging
import Testing

/// A log event as swift-log would hand it to a handler.
func makeEvent(
    _ level: Logger.Level = .info,
    _ message: Logger.Message = "xin chào",
    metadata: Logger.Metadata? = nil,
    error: (any Error)? = nil
) -> LogEvent {
    LogEvent(
        level: level,
        message: message,
        error: error,
        metadata: metadata,
        source: nil,
        file: "DeadlineService/Scheduler.swift",
        function: "fire(_:)",
        line: 42
    )
}

struct SMTPRefused: Error, CustomStringConvertible {
    var description: String { "451 4.7.1 thử lại sau" }
}

@Suite("journal record building (pure)")
struct JournalRecordTests {
    @Test("fixed fields come first, in order, with the call site")
    func fixedFields() {
        let record = JournalRecord(event: makeEvent(.warning, "Sắp đến hạn"), identifier: "deadlined")
        #expect(
            record.fields == [
                JournalField("MESSAGE", "Sắp đến hạn"),
                JournalField("PRIORITY", "4"),
                JournalField("SYSLOG_IDENTIFIER", "deadlined"),
                JournalField("CODE_FILE", "DeadlineService/Scheduler.swift"),
                JournalField("CODE_LINE", "42"),
                JournalField("CODE_FUNC", "fire(_:)"),
            ]
        )
    }

    @Test("Vietnamese text and newlines are kept byte for byte")
    func vietnameseAndNewlines() {
        let unit = "Sở Kế hoạch và Đầu tư"
        let message = "Nhắc hạn: báo cáo quý\ndòng thứ hai\r\n\tthụt lề"
        let record = JournalRecord(
            event: makeEvent(.info, "\(message)", metadata: ["unit": .string(unit), "note": "a\nb"]),
            identifier: "deadlined"
        )
        #expect(record["MESSAGE"] == message)
        #expect(record["UNIT"] == unit)
        #expect(record["NOTE"] == "a\nb")
        #expect(Array(record["UNIT"]!.utf8) == Array(unit.utf8))
        #expect(JournalField("UNIT", unit).description == "UNIT=Sở Kế hoạch và Đầu tư")
    }

    @Test("well-known metadata keys become their fields, sorted by key, after the fixed fields")
    func wellKnownKeys() {
        let metadata: Logger.Metadata = [
            LogMetadataKey.deadlineID: "5418",
            LogMetadataKey.deadlineDue: "2025-03-31",
            LogMetadataKey.documentRef: "123/QĐ-UBND",
            LogMetadataKey.unit: "Văn phòng",
            LogMetadataKey.channel: "smtp",
            LogMetadataKey.recipient: "vt@example.gov.vn",
            LogMetadataKey.attempt: .stringConvertible(3),
            LogMetadataKey.messageID: .string(LogEventID.deliveryFailed.messageID),
        ]
        let record = JournalRecord(event: makeEvent(.error, metadata: metadata), identifier: "deadlined")
        #expect(
            Array(record.fields.dropFirst(6)) == [
                JournalField("ATTEMPT", "3"),
                JournalField("CHANNEL", "smtp"),
                JournalField("DEADLINE_DUE", "2025-03-31"),
                JournalField("DEADLINE_ID", "5418"),
                JournalField("DEADLINE_UNIT", "Văn phòng"),
                JournalField("DOCUMENT_REF", "123/QĐ-UBND"),
                JournalField("MESSAGE_ID", "e9c5aa1a63ea4478a3d39d0030d2ecd0"),
                JournalField("RECIPIENT", "vt@example.gov.vn"),
            ]
        )
    }

    @Test("metadata cannot replace MESSAGE, PRIORITY or the call site")
    func reservedFieldsAreProtected() {
        let record = JournalRecord(
            event: makeEvent(.info, "thật", metadata: ["message": "giả", "priority": "0", "code_line": "1"]),
            identifier: "deadlined"
        )
        #expect(record.values(of: "MESSAGE") == ["thật"])
        #expect(record.values(of: "PRIORITY") == ["6"])
        #expect(record.values(of: "CODE_LINE") == ["42"])
        #expect(record["META_MESSAGE"] == "giả")
        #expect(record["META_PRIORITY"] == "0")
        #expect(record["META_CODE_LINE"] == "1")
    }

    @Test("nested dictionaries become PARENT_CHILD fields, arrays repeat the field")
    func flattening() {
        let metadata: Logger.Metadata = [
            "smtp": ["code": "451", "reply": ["enhanced": "4.7.1"]],
            "recipients": ["a@example.gov.vn", "b@example.gov.vn"],
            "empty": [],
        ]
        let record = JournalRecord(event: makeEvent(metadata: metadata), identifier: "deadlined")
        #expect(record.values(of: "RECIPIENTS") == ["a@example.gov.vn", "b@example.gov.vn"])
        #expect(record["SMTP_CODE"] == "451")
        #expect(record["SMTP_REPLY_ENHANCED"] == "4.7.1")
        #expect(record["EMPTY"] == nil)
        #expect(record.fields.count == 6 + 4)
    }

    @Test("handler metadata < provider < per-call metadata, as swift-log specifies")
    func precedence() {
        let record = JournalRecord(
            event: makeEvent(metadata: ["channel": "call", "attempt": "2"]),
            identifier: "deadlined",
            metadata: ["channel": "handler", "unit": "handler", "deadline_id": "handler"],
            providedMetadata: ["channel": "provider", "unit": "provider"]
        )
        #expect(record.values(of: "CHANNEL") == ["call"])
        #expect(record.values(of: "UNIT") == ["provider"])
        #expect(record.values(of: "DEADLINE_ID") == ["handler"])
        #expect(record.values(of: "ATTEMPT") == ["2"])
    }

    @Test("an error adds ERROR_MESSAGE and ERROR_TYPE")
    func errorFields() {
        let record = JournalRecord(event: makeEvent(.error, error: SMTPRefused()), identifier: "deadlined")
        #expect(record["ERROR_MESSAGE"] == "451 4.7.1 thử lại sau")
        #expect(record["ERROR_TYPE"] == "DeadlineSystemdTests.SMTPRefused")
    }

    @Test("the handler reads its metadata provider")
    func handlerUsesProvider() {
        var handler = JournalLogHandler(metadataProvider: Logger.MetadataProvider { ["unit": "từ provider"] })
        handler[metadataKey: "deadline_id"] = "9"
        #expect(handler.metadataProvider?.get() == ["unit": "từ provider"])
        #expect(handler.metadata == ["deadline_id": "9"])
        #expect(handler.identifier == "deadlined")
    }
}

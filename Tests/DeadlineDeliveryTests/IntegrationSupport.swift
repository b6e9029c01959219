import DeadlineDelivery
import Foundation
import TestSupport

/// Settings for talking to an ``SMTPTestServer`` with short, bounded timeouts.
func smtpSettings(
    _ server: SMTPTestServer, security: SMTPSecurity = .starttls(.off), caFile: String? = nil,
    credentials: SMTPCredentials? = nil
) -> SMTPServer {
    SMTPServer(
        host: "127.0.0.1", port: server.port, security: security, caFile: caFile, credentials: credentials,
        clientName: "deadlined.test", connectTimeout: .seconds(3), totalTimeout: .seconds(10))
}

/// What Python's `email` package (and `icalendar`) make of a message: `Tests/Servers/verify_email.py`.
struct EmailVerification: Decodable {
    struct Calendar: Decodable {
        struct Event: Decodable {
            struct Alarm: Decodable {
                var action: String
                var trigger: String
                var description: String
            }
            var uid: String
            var summary: String
            var description: String
            var dtstart: String
            var dtend: String
            var alarms: [Alarm]
        }
        var method: String
        var content_type_method: String?
        var filename: String?
        var events: [Event]
        var max_line_octets: Int
        var crlf_only: Bool
    }
    var subject: String
    var from_display_name: String
    var from_address: String
    var to: [[String]]
    var date: String
    var date_iso: String
    var message_id: String
    var auto_submitted: String
    var key: String
    var content_type: String
    var text: String?
    var html: String?
    var calendar: Calendar?
    var crlf_only: Bool
    var max_line_octets: Int
    var max_header_line_octets: Int
    var defects: [String]
}

/// Runs the verify script with /usr/bin/python3 on `message`.
func verifyWithPython(_ message: [UInt8]) async throws -> EmailVerification {
    let directory = try TemporaryDirectory(prefix: "deadlined-verify")
    defer { directory.remove() }
    let path = directory.path + "/message.eml"
    try Data(message).write(to: URL(fileURLWithPath: path))
    let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Servers/verify_email.py").path
    let result = try await ProcessRunner.run("/usr/bin/python3", [script, path], timeout: .seconds(30))
    guard result.succeeded else { throw TestServerError(description: "verify_email.py failed: \(result)") }
    return try JSONDecoder().decode(EmailVerification.self, from: result.standardOutput)
}

/// A reminder with every part: Vietnamese headers, text, HTML and a calendar file.
func sampleReminder(
    to recipients: [String] = ["chanh.vp@hanoi.gov.vn"], key: String = "5418/2020-12-10/email"
)
    throws -> EmailMessage
{
    let event = CalendarEvent(
        key: "5418/2020-12-10", stampUnixSeconds: 1_607_562_000,
        timing: .interval(startUnixSeconds: 1_607_565_600, endUnixSeconds: 1_607_569_200),
        summary: "Hạn: Báo cáo trình UBND TP, số 5418/UBND-KT",
        description: "Kính gửi anh/chị;\nđề nghị hoàn thành trước 17:00.",
        alarms: [CalendarAlarm(minutesBefore: 1440, message: "Còn 1 ngày")])
    return EmailMessage(
        from: try EmailAddress(parsing: "Văn phòng UBND Thành phố <nhacviec@hanoi.gov.vn>"),
        to: try recipients.map { try EmailAddress(parsing: $0) },
        subject: "Nhắc hạn: Báo cáo trình UBND TP trước ngày 10/12/2020",
        textBody: ReminderText.plain, htmlBody: ReminderText.html,
        calendar: CalendarAttachment(filename: "Lịch hạn.ics", content: ICalendarWriter.document(events: [event])),
        idempotencyKey: key, date: MessageDate(unixSeconds: 1_607_562_000, utcOffsetSeconds: 25_200))
}

enum ReminderText {
    static let plain = """
        Kính gửi Chánh Văn phòng,

        Báo cáo trình UBND Thành phố phải hoàn thành trước ngày 10/12/2020.
        .Dòng này bắt đầu bằng dấu chấm và phải đến nguyên vẹn.
        ..Hai dấu chấm cũng vậy.
        .
        Trân trọng, hệ thống nhắc hạn deadlined — \(String(repeating: "dòng rất dài ", count: 12))

        """
    static let html = """
        <p>Kính gửi <b>Chánh Văn phòng</b>,</p>
        <p>Báo cáo trình UBND Thành phố phải hoàn thành trước ngày <time datetime="2020-12-10">10/12/2020</time>.</p>
        """
}

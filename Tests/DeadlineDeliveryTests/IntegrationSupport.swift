import DeadlineDelivery
import Foundation
import TestSupport
import DeadlineKit

/// Settings for talking to an ``SMTPTestServer`` with short, bounded timeouts.
func smtpSettings(
    _ server: SMTPTestServer, security: SMTPSecurity = .starttls(.off), caFile: String? = nil,
    credentials: SMTPCredentials? = nil
) -> SMTPServer {
    SMTPServer(
        host: "127.0.0.1", port: server.port, security: security, caFile: caFile, credentials: credentials,
        clientName: "deadlined.test", connectTimeout: .seconds(3), totalTimeout: .seconds(10))
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

/// What `outbox`, `resend` and `test-send` say.
package enum DeliveryText: String, CatalogEntry {
    case outboxNoSuchMessage, outboxEmpty, outboxCount, outboxHeaderDate, outboxHeaderTo, outboxHeaderSubject
    case fileLabel, fromLabel, toLabel, dateLabel, subjectLabel, noPlainText
    case unknownChannel, resendNothing, resendDone, resendLine, resendFailed, resendGivenUp
    case testUnknownChannel, testBadTo, testCannotSetUp, testDelivered, testDeliveredTo, testTemporary, testRetryAfter
    case testPermanent, testTask, testUnit

    package static let area = "delivery"

    package var texts: Bilingual {
        switch self {
        case .outboxNoSuchMessage:
            Bilingual(
                vi:
                    "deadlinectl: --show: không có thư '{show}' trong hộp thư đi ({count} thư; hãy cho số thứ tự, tên tệp hoặc last)\n",
                en:
                    "deadlinectl: --show: no message '{show}' in the outbox ({count} {count|message|messages}; give a number, a file name or last)\n"
            )
        case .outboxEmpty: Bilingual(vi: "Hộp thư đi chưa có thư nào.\n", en: "The outbox holds no message yet.\n")
        case .outboxCount:
            Bilingual(
                vi: "\n{count} thư. Xem một thư: deadlinectl outbox --show SỐ (hoặc last)\n",
                en: "\n{count} {count|message|messages}. To read one: deadlinectl outbox --show N (or last)\n")
        case .outboxHeaderDate: Bilingual(vi: "NGÀY", en: "DATE")
        case .outboxHeaderTo: Bilingual(vi: "NGƯỜI NHẬN", en: "TO")
        case .outboxHeaderSubject: Bilingual(vi: "TIÊU ĐỀ", en: "SUBJECT")
        case .fileLabel: Bilingual(vi: "Tệp: {value}\n", en: "File: {value}\n")
        case .fromLabel: Bilingual(vi: "Từ: {value}\n", en: "From: {value}\n")
        case .toLabel: Bilingual(vi: "Đến: {value}\n", en: "To: {value}\n")
        case .dateLabel: Bilingual(vi: "Ngày: {value}\n", en: "Date: {value}\n")
        case .subjectLabel: Bilingual(vi: "Tiêu đề: {value}\n", en: "Subject: {value}\n")
        case .noPlainText:
            Bilingual(vi: "(thư không có phần văn bản thường)\n", en: "(the message has no plain text part)\n")
        case .unknownChannel:
            Bilingual(
                vi: "deadlinectl: --channel: không có kênh gửi '{channel}'{hint}\n",
                en: "deadlinectl: --channel: there is no channel '{channel}'{hint}\n")
        case .resendNothing:
            Bilingual(
                vi: "Không có lời nhắc nào thất bại hoặc đã thôi gửi khớp điều kiện; không có gì để gửi lại.\n",
                en: "No failed or given-up reminder matches; nothing to resend.\n")
        case .resendDone:
            Bilingual(
                vi: "Đã đưa {count} lời nhắc trở lại hàng gửi:\n",
                en: "Put {count} {count|reminder|reminders} back to be sent:\n")
        case .resendLine: Bilingual(vi: "  {key}  ({state}: {detail})\n", en: "  {key}  ({state}: {detail})\n")
        case .resendFailed: Bilingual(vi: "thất bại", en: "failed")
        case .resendGivenUp: Bilingual(vi: "đã thôi gửi", en: "given up")
        case .testUnknownChannel:
            Bilingual(
                vi: "deadlinectl: không có kênh gửi '{channel}'; cấu hình có: {channels}\n",
                en: "deadlinectl: unknown channel '{channel}'; the configuration has: {channels}\n")
        case .testBadTo:
            Bilingual(
                vi:
                    "deadlinectl: --to: '{text}' không phải một địa chỉ thư điện tử; hãy viết ten@mien.vn hoặc \"Tên <ten@mien.vn>\"\n",
                en:
                    "deadlinectl: --to: '{text}' is not an email address; write name@example.vn or \"Name <name@example.vn>\"\n"
            )
        case .testCannotSetUp:
            Bilingual(
                vi: "deadlinectl: không thiết lập được kênh gửi '{channel}': {error}\n",
                en: "deadlinectl: channel '{channel}' cannot be set up: {error}\n")
        case .testDelivered:
            Bilingual(vi: "đã gửi qua '{channel}': {response}\n", en: "delivered through '{channel}': {response}\n")
        case .testDeliveredTo:
            Bilingual(
                vi: "đã gửi qua '{channel}' tới {recipients}: {response}\n",
                en: "delivered through '{channel}' to {recipients}: {response}\n")
        case .testTemporary:
            Bilingual(
                vi: "chưa gửi được (lỗi tạm thời, deadlined sẽ thử lại): {error}{after}\n",
                en: "not delivered (temporary failure, deadlined would retry): {error}{after}\n")
        case .testRetryAfter:
            Bilingual(
                vi: "; máy chủ đề nghị thử lại sau {seconds} giây", en: "; the server asks to retry after {seconds} s")
        case .testPermanent:
            Bilingual(
                vi: "không gửi được (lỗi không thể thử lại): {error}\n",
                en: "not delivered (permanent failure): {error}\n")
        case .testTask: Bilingual(vi: "Thử nghiệm kênh gửi nhắc việc", en: "Test of the reminder channel")
        case .testUnit: Bilingual(vi: "Đơn vị nhận thử", en: "Test unit")
        }
    }
}

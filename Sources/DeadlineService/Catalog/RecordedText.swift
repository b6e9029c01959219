package import DeadlineKit

/// Texts the daemon and the ledger write down as they happen, for `history` and `status` to show in the admin's
/// language: why a reminder was skipped or given up (the ledger's `reason`), what a channel answered (its
/// `response`), the daemon's status line, and the ledger's most common complaint (there is none yet).
///
/// The ledger keeps them as written, in English (and the daemon's status line in the daemon's language), so that
/// logs and `--json` stay stable. Each entry's English (or Vietnamese) text is exactly what the daemon writes;
/// ``translate(_:to:)`` reads the arguments back out of a recorded text and says the entry in the admin's language.
/// A text no entry matches (a server's answer, a delivery error) is shown as recorded.
package enum RecordedText: String, CatalogEntry {
    case digestEmpty, missedWhileDown, deadlineRemoved, channelRemoved, digestEmptied, unitsFinished
    case retryLimit, retryMaxAge, superseded, markedDone, snoozed, resent, interrupted, writtenTo, alreadyInOutbox
    case daemonStatus, daemonStatusNoReminder, starting, started, stopping, noLedger

    package static let area = "recorded"

    package var texts: Bilingual {
        switch self {
        case .digestEmpty:
            Bilingual(
                vi: "không còn gì để tổng hợp: mọi nhiệm vụ đã hoàn thành hoặc đang tạm dừng nhắc",
                en: "nothing to list: every item was done or snoozed")
        case .missedWhileDown:
            Bilingual(
                vi: "lỡ khi deadlined không chạy, đã quá thời gian gửi bù catch_up ({duration})",
                en: "missed while deadlined was not running, more than catch_up ({duration}) ago")
        case .deadlineRemoved:
            Bilingual(
                vi: "nhiệm vụ '{id}' không còn trong cấu hình",
                en: "the deadline '{id}' is no longer in the configuration")
        case .channelRemoved:
            Bilingual(
                vi: "kênh gửi '{channel}' không còn trong cấu hình",
                en: "the channel '{channel}' is no longer in the configuration")
        case .digestEmptied:
            Bilingual(
                vi: "không còn gì để tổng hợp: mọi nhiệm vụ đã hoàn thành hoặc được tạm dừng nhắc sau khi đến giờ gửi",
                en: "nothing left to list: every item was done or snoozed after it came due")
        case .unitsFinished:
            Bilingual(
                vi: "mọi đơn vị liên quan đã hoàn thành trước giờ gửi",
                en: "every unit it is about finished the occurrence before it was sent")
        case .retryLimit:
            Bilingual(
                vi: "vẫn thất bại sau {attempts} lần thử (retry_limit = {limit})",
                en: "still failing after {attempts} {attempts|attempt|attempts} (retry_limit = {limit})")
        case .retryMaxAge:
            Bilingual(
                vi: "vẫn thất bại {duration} sau giờ gửi (retry_max_age = {maximum})",
                en: "still failing {duration} after its send time (retry_max_age = {maximum})")
        case .superseded:
            Bilingual(
                vi: "đã có lời nhắc sau ({rule}) của cùng lần hạn gửi thay cho lời nhắc này",
                en: "superseded: the later reminder '{rule}' of the same occurrence went out to the unit instead")
        case .markedDone:
            Bilingual(
                vi: "{occurrence} đã được đánh dấu hoàn thành cho {unit} (người thực hiện: {user})",
                en: "{occurrence} was marked done for {unit} by {user}")
        case .snoozed:
            Bilingual(
                vi: "{occurrence} được tạm dừng nhắc {unit} đến {until} (người thực hiện: {user})",
                en: "{occurrence} was snoozed for {unit} until {until} by {user}")
        case .resent:
            Bilingual(
                vi: "được {user} đưa trở lại hàng gửi (deadlinectl resend) lúc {at}",
                en: "put back to be sent by {user} (deadlinectl resend) at {at}")
        case .interrupted:
            Bilingual(
                vi: "chưa ghi được kết quả: deadlined dừng giữa lần gửi này nên thư có thể đã được gửi",
                en: "no result was written: the daemon stopped during this attempt, so the message may have been sent")
        case .writtenTo:
            Bilingual(vi: "đã ghi vào {path}", en: "written to {path}")
        case .alreadyInOutbox:
            Bilingual(vi: "đã có trong hộp thư đi: {path}", en: "already in the outbox: {path}")
        case .daemonStatus:
            Bilingual(
                vi: "{count} hạn, lời nhắc tiếp theo {at}",
                en: "{count} {count|deadline|deadlines}, next reminder {at}")
        case .daemonStatusNoReminder:
            Bilingual(
                vi: "{count} hạn, không còn lời nhắc nào",
                en: "{count} {count|deadline|deadlines}, no reminder planned")
        case .noLedger:
            Bilingual(
                vi:
                    "chưa có sổ theo dõi ở {path}: deadlined chưa chạy lần nào, hoặc [daemon] state_directory hay $STATE_DIRECTORY chỉ tới nơi khác",
                en:
                    "there is no ledger at {path}: deadlined has not run yet, or [daemon] state_directory or $STATE_DIRECTORY points elsewhere"
            )
        case .starting:
            Bilingual(vi: "đang khởi động", en: "starting")
        case .started:
            Bilingual(vi: "đã khởi động", en: "started")
        case .stopping:
            Bilingual(vi: "đang dừng", en: "stopping")
        }
    }

    /// `text` in `language` when an entry (or the configuration summary) matches it, else as it is.
    package static func translate(_ text: String, to language: Language) -> String {
        let say = Catalog(language)
        for entry in allCases {
            for written in Language.allCases {
                guard var arguments = Catalog.match(entry, written, in: text) else { continue }
                if entry == .superseded, let rule = arguments["rule"].flatMap(ReminderRule.init) {
                    arguments["rule"] = Wording(language: language).kind(rule)
                }
                return say(entry, arguments)
            }
        }
        if let arguments = Catalog.match(ConfigText.summary, .en, in: text) {
            return say(ConfigText.summary, arguments)
        }
        return text
    }
}

/// What `list` and `plan` (and `status`, which lists the next reminders) say: table headers, kinds of
/// reminders, offsets and the state of a deadline.
package enum PlanText: String, CatalogEntry {
    case headerSendAt, headerKind, headerDue, headerDeadline, headerUnit, headerChannel, headerRecipients
    case headerStatus, headerNextReminder, headerTask
    case kindBefore, kindDue, kindOverdue, kindEscalation, kindDigest
    case minutes, hours, days, workingDays, weeks
    case upcomingTomorrow, upcoming, dueToday, overdueToday, overdue, done, ended, progress, snoozed
    case noReminders, reminderCount, toBeforeFrom

    package static let area = "plan"

    package var texts: Bilingual {
        switch self {
        case .headerSendAt: Bilingual(vi: "GỬI LÚC", en: "SEND AT")
        case .headerKind: Bilingual(vi: "LOẠI", en: "KIND")
        case .headerDue: Bilingual(vi: "HẠN", en: "DUE")
        case .headerDeadline: Bilingual(vi: "MÃ VIỆC", en: "DEADLINE")
        case .headerUnit: Bilingual(vi: "ĐƠN VỊ", en: "UNIT")
        case .headerChannel: Bilingual(vi: "KÊNH", en: "CHANNEL")
        case .headerRecipients: Bilingual(vi: "NGƯỜI NHẬN", en: "RECIPIENTS")
        case .headerStatus: Bilingual(vi: "TRẠNG THÁI", en: "STATUS")
        case .headerNextReminder: Bilingual(vi: "NHẮC TIẾP THEO", en: "NEXT REMINDER")
        case .headerTask: Bilingual(vi: "NỘI DUNG", en: "TASK")
        case .kindBefore: Bilingual(vi: "trước {offset}", en: "{offset} before")
        case .kindDue: Bilingual(vi: "đến hạn", en: "due")
        case .kindOverdue: Bilingual(vi: "đôn đốc lần {n}", en: "urging #{n}")
        case .kindEscalation: Bilingual(vi: "báo cáo lãnh đạo lần {n}", en: "escalation #{n}")
        case .kindDigest: Bilingual(vi: "bản tổng hợp", en: "digest")
        case .minutes: Bilingual(vi: "{n} phút", en: "{n} min")
        case .hours: Bilingual(vi: "{n} giờ", en: "{n} h")
        case .days: Bilingual(vi: "{n} ngày", en: "{n} {n|day|days}")
        case .workingDays: Bilingual(vi: "{n} ngày làm việc", en: "{n} working {n|day|days}")
        case .weeks: Bilingual(vi: "{n} tuần", en: "{n} {n|week|weeks}")
        case .upcomingTomorrow: Bilingual(vi: "còn 1 ngày (ngày mai)", en: "due tomorrow")
        case .upcoming: Bilingual(vi: "còn {days} ngày", en: "due in {days} days")
        case .dueToday: Bilingual(vi: "đến hạn hôm nay", en: "due today")
        case .overdueToday: Bilingual(vi: "quá hạn (từ hôm nay)", en: "overdue (since today)")
        case .overdue: Bilingual(vi: "quá hạn {days} ngày", en: "overdue by {days} {days|day|days}")
        case .done: Bilingual(vi: "đã hoàn thành", en: "done")
        case .ended: Bilingual(vi: "đã kết thúc", en: "ended")
        case .progress:
            Bilingual(vi: " ({done}/{total} xong; còn {pending})", en: " ({done}/{total} done; open: {pending})")
        case .snoozed: Bilingual(vi: "; tạm dừng nhắc đến {until}", en: "; paused until {until}")
        case .noReminders:
            Bilingual(vi: "Không có lời nhắc nào từ {from} đến {to}.\n", en: "No reminders from {from} to {to}.\n")
        case .reminderCount:
            Bilingual(
                vi: "{count} lời nhắc từ {from} đến {to}.\n",
                en: "{count} {count|reminder|reminders} from {from} to {to}.\n")
        case .toBeforeFrom:
            Bilingual(vi: "deadlinectl: --to phải sau --from\n", en: "deadlinectl: --to must be after --from\n")
        }
    }
}

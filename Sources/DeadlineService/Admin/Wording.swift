import DeadlineKit

/// The words `deadlinectl` prints, in Vietnamese (default) and English.
struct Wording {
    let language: Language

    func kind(_ rule: ReminderRule) -> String {
        switch (language, rule) {
        case (.vi, .before(let o)): "trước \(offset(o))"
        case (.en, .before(let o)): "\(offset(o)) before"
        case (.vi, .due): "đến hạn"
        case (.en, .due): "due"
        case (.vi, .overdue(let n)): "đôn đốc lần \(n)"
        case (.en, .overdue(let n)): "overdue #\(n)"
        case (.vi, .escalation(let n)): "báo cáo lãnh đạo lần \(n)"
        case (.en, .escalation(let n)): "escalation #\(n)"
        case (.vi, .digest): "bản tổng hợp"
        case (.en, .digest): "digest"
        }
    }

    func offset(_ o: ReminderOffset) -> String {
        switch (language, o) {
        case (.vi, .minutes(let n)): "\(n) phút"
        case (.vi, .hours(let n)): "\(n) giờ"
        case (.vi, .days(let n)): "\(n) ngày"
        case (.vi, .workingDays(let n)): "\(n) ngày làm việc"
        case (.vi, .weeks(let n)): "\(n) tuần"
        case (.en, .minutes(let n)): "\(n) min"
        case (.en, .hours(let n)): "\(n) h"
        case (.en, .days(let n)): n == 1 ? "1 day" : "\(n) days"
        case (.en, .workingDays(let n)): n == 1 ? "1 working day" : "\(n) working days"
        case (.en, .weeks(let n)): n == 1 ? "1 week" : "\(n) weeks"
        }
    }

    func state(_ s: DeadlineStatus.State) -> String {
        switch (language, s) {
        case (.vi, .upcoming(let d)): d == 1 ? "còn 1 ngày (ngày mai)" : "còn \(d) ngày"
        case (.en, .upcoming(let d)): d == 1 ? "due tomorrow" : "due in \(d) days"
        case (.vi, .dueToday): "đến hạn hôm nay"
        case (.en, .dueToday): "due today"
        case (.vi, .overdue(let d)): d == 0 ? "quá hạn (từ hôm nay)" : "quá hạn \(d) ngày"
        case (.en, .overdue(let d)): d == 0 ? "overdue (since today)" : (d == 1 ? "overdue by 1 day" : "overdue by \(d) days")
        case (.vi, .done): "đã hoàn thành"
        case (.en, .done): "done"
        case (.vi, .ended): "đã kết thúc"
        case (.en, .ended): "ended"
        }
    }

    /// ` (2/3 xong; còn so-nv)` when some but not all units of a group deadline finished its occurrence.
    func progress(_ s: DeadlineStatus) -> String {
        guard s.units.count > 1, !s.unitsDone.isEmpty, s.unitsDone.count < s.units.count else { return "" }
        let pending = s.unitsPending.joined(separator: ", ")
        return language == .vi
            ? " (\(s.unitsDone.count)/\(s.units.count) xong; còn \(pending))"
            : " (\(s.unitsDone.count)/\(s.units.count) done; open: \(pending))"
    }

    var planHeader: [String] {
        switch language {
        case .vi: ["GỬI LÚC", "LOẠI", "HẠN", "MÃ VIỆC", "ĐƠN VỊ", "KÊNH", "NGƯỜI NHẬN"]
        case .en: ["SEND AT", "KIND", "DUE", "DEADLINE", "UNIT", "CHANNEL", "RECIPIENTS"]
        }
    }

    var listHeader: [String] {
        switch language {
        case .vi: ["MÃ VIỆC", "HẠN", "TRẠNG THÁI", "NHẮC TIẾP THEO", "NỘI DUNG"]
        case .en: ["DEADLINE", "DUE", "STATUS", "NEXT REMINDER", "TASK"]
        }
    }

    func noReminders(from: String, to: String) -> String {
        switch language {
        case .vi: "Không có lời nhắc nào từ \(from) đến \(to).\n"
        case .en: "No reminders from \(from) to \(to).\n"
        }
    }

    func reminderCount(_ n: Int, from: String, to: String) -> String {
        switch language {
        case .vi: "\(n) lời nhắc từ \(from) đến \(to).\n"
        case .en: "\(n) reminder\(n == 1 ? "" : "s") from \(from) to \(to).\n"
        }
    }

    var none: String { language == .vi ? "—" : "—" }
}

extension ZoneRules {
    /// `08:00 03/12/2020` in this zone.
    func vietnamese(_ instant: Instant) -> String { localDateTime(at: instant).vietnamese }
}

import DeadlineKit

/// What `done`, `undone` and `snooze` print, in the admin's language.
struct OccurrenceWords {
    let language: Language

    private var vi: Bool { language == .vi }

    private func list(_ names: [String]) -> String { names.joined(separator: ", ") }

    private func occurrence(_ id: OccurrenceID) -> String {
        vi ? "\(id.deadlineID) (hạn \(id.date.vietnamese))" : "\(id.deadlineID) (due \(id.date.vietnamese))"
    }

    func unknownDeadline(_ id: String, suggestion: String?) -> String {
        let hint = suggestion.map { vi ? "; có phải ý bạn là '\($0)'?" : "; did you mean '\($0)'?" } ?? ""
        return vi
            ? "deadlinectl: không có hạn nào mang mã '\(id)'\(hint) (deadlinectl list liệt kê các mã)\n"
            : "deadlinectl: no deadline has the id '\(id)'\(hint) (deadlinectl list shows them)\n"
    }

    func unknownUnit(_ unit: String, deadlineID: String, units: [String], suggestion: String?) -> String {
        let hint = suggestion.map { vi ? "; có phải ý bạn là '\($0)'?" : "; did you mean '\($0)'?" } ?? ""
        return vi
            ? "deadlinectl: --unit: '\(unit)' không phải đơn vị được giao '\(deadlineID)'\(hint); các đơn vị: \(list(units))\n"
            : "deadlinectl: --unit: '\(unit)' is not a unit of '\(deadlineID)'\(hint); its units are \(list(units))\n"
    }

    func badUntil(_ text: String) -> String {
        vi
            ? "deadlinectl: --until: '\(text)' không phải một thời điểm; hãy viết 15/12/2020 hoặc '15/12/2020 08:00'\n"
            : "deadlinectl: --until: '\(text)' is not a moment; write 15/12/2020 or '15/12/2020 08:00'\n"
    }

    func untilInThePast(_ text: String, now: String) -> String {
        vi
            ? "deadlinectl: --until \(text) đã qua (bây giờ là \(now)); tạm dừng nhắc là đến một thời điểm sau này\n"
            : "deadlinectl: --until \(text) is in the past (it is \(now) now); a snooze pauses reminders until a later moment\n"
    }

    func badOccurrence(_ text: String) -> String {
        vi
            ? "deadlinectl: --occurrence: '\(text)' không phải một ngày như 20/12/2020\n"
            : "deadlinectl: --occurrence: '\(text)' is not a day such as 20/12/2020\n"
    }

    func notAnOccurrence(_ day: String, deadlineID: String, nearest: String?) -> String {
        let hint = nearest.map { vi ? "; gần nhất là \($0)" : "; the nearest is \($0)" } ?? ""
        return vi
            ? "deadlinectl: \(day) không phải một ngày đến hạn của '\(deadlineID)'\(hint)\n"
            : "deadlinectl: \(day) is not a due day of '\(deadlineID)'\(hint)\n"
    }

    func noOccurrenceNearNow(_ id: String) -> String {
        vi
            ? "deadlinectl: '\(id)' không có lần đến hạn nào gần bây giờ; hãy chỉ rõ bằng --occurrence dd/mm/yyyy\n"
            : "deadlinectl: '\(id)' has no occurrence near now; give one with --occurrence dd/mm/yyyy\n"
    }

    func markedDone(_ id: OccurrenceID, units: [String], by user: String) -> String {
        vi
            ? "\(occurrence(id)): đã đánh dấu hoàn thành cho \(list(units)) (người thực hiện: \(user)); dừng nhắc việc các đơn vị này.\n"
            : "\(occurrence(id)): marked done for \(list(units)) by \(user); their reminders stop.\n"
    }

    func alreadyDone(_ id: OccurrenceID, unit: String, at: String, by user: String) -> String {
        vi
            ? "\(occurrence(id)): \(unit) đã được đánh dấu hoàn thành từ trước, lúc \(at) (người thực hiện: \(user)).\n"
            : "\(occurrence(id)): \(unit) was already marked done, at \(at) by \(user).\n"
    }

    func markedUndone(_ id: OccurrenceID, units: [String], by user: String) -> String {
        vi
            ? "\(occurrence(id)): bỏ đánh dấu hoàn thành của \(list(units)) (người thực hiện: \(user)); tiếp tục nhắc việc.\n"
            : "\(occurrence(id)): no longer marked done for \(list(units)) (\(user)); their reminders resume.\n"
    }

    func snoozed(_ id: OccurrenceID, units: [String], until: String, by user: String) -> String {
        vi
            ? "\(occurrence(id)): tạm dừng nhắc \(list(units)) đến \(until) (người thực hiện: \(user)).\n"
            : "\(occurrence(id)): reminders to \(list(units)) paused until \(until) by \(user).\n"
    }

    func notDone(_ id: OccurrenceID, units: [String]) -> String {
        vi
            ? "deadlinectl: \(occurrence(id)) chưa được đánh dấu hoàn thành cho \(list(units)); không có gì để bỏ\n"
            : "deadlinectl: \(occurrence(id)) is not marked done for \(list(units)); nothing to undo\n"
    }

    func progress(done: Int, of total: Int, pending: [String]) -> String {
        if pending.isEmpty {
            return vi ? "Tất cả \(total) đơn vị đã hoàn thành.\n" : "All \(total) units are done.\n"
        }
        return vi
            ? "Đã hoàn thành: \(done)/\(total) đơn vị; còn: \(list(pending)).\n"
            : "Done: \(done)/\(total) units; still open: \(list(pending)).\n"
    }
}

extension String {
    /// The text without its final line break.
    var trimmingNewline: String { hasSuffix("\n") ? String(dropLast()) : self }
}

/// What `done`, `undone` and `snooze` say.
package enum OccurrenceText: String, CatalogEntry {
    case occurrence, unknownUnit, badUntil, untilInThePast, badOccurrence, notAnOccurrence, nearest
    case noOccurrenceNearNow, markedDone, alreadyDone, markedUndone, snoozed, notDone, allDone, someDone, atInFuture
    case unknown

    package static let area = "occurrence"

    package var texts: Bilingual {
        switch self {
        case .occurrence:
            Bilingual(vi: "{id} (hạn {date})", en: "{id} (due {date})")
        case .unknownUnit:
            Bilingual(
                vi:
                    "deadlinectl: --unit: '{unit}' không phải đơn vị được giao '{id}'{hint}; các đơn vị được giao: {units}\n",
                en: "deadlinectl: --unit: '{unit}' is not a unit of '{id}'{hint}; its units are {units}\n")
        case .badUntil:
            Bilingual(
                vi:
                    "deadlinectl: --until: '{text}' không phải một thời điểm; hãy viết 15/12/2020 hoặc '15/12/2020 08:00'\n",
                en: "deadlinectl: --until: '{text}' is not a moment; write 15/12/2020 or '15/12/2020 08:00'\n")
        case .untilInThePast:
            Bilingual(
                vi:
                    "deadlinectl: --until {text} đã qua (bây giờ là {now}); chỉ tạm dừng nhắc được đến một thời điểm sau này\n",
                en:
                    "deadlinectl: --until {text} is in the past (it is {now} now); a snooze pauses reminders until a later moment\n"
            )
        case .badOccurrence:
            Bilingual(
                vi: "deadlinectl: --occurrence: '{text}' không phải một ngày như 20/12/2020\n",
                en: "deadlinectl: --occurrence: '{text}' is not a day such as 20/12/2020\n")
        case .notAnOccurrence:
            Bilingual(
                vi: "deadlinectl: {day} không phải một ngày đến hạn của '{id}'{hint}\n",
                en: "deadlinectl: {day} is not a due day of '{id}'{hint}\n")
        case .nearest:
            Bilingual(vi: "; ngày gần nhất là {day}", en: "; the nearest is {day}")
        case .noOccurrenceNearNow:
            Bilingual(
                vi:
                    "deadlinectl: '{id}' không có lần đến hạn nào gần thời điểm hiện tại; hãy chỉ rõ bằng --occurrence dd/mm/yyyy\n",
                en: "deadlinectl: '{id}' has no occurrence near now; give one with --occurrence dd/mm/yyyy\n")
        case .markedDone:
            Bilingual(
                vi:
                    "{occurrence}: đã đánh dấu hoàn thành cho {units} (người thực hiện: {user}); dừng nhắc việc các đơn vị này.\n",
                en: "{occurrence}: marked done for {units} by {user}; their reminders stop.\n")
        case .alreadyDone:
            Bilingual(
                vi: "{occurrence}: {unit} đã được đánh dấu hoàn thành từ trước, lúc {at} (người thực hiện: {user}).\n",
                en: "{occurrence}: {unit} was already marked done, at {at} by {user}.\n")
        case .markedUndone:
            Bilingual(
                vi: "{occurrence}: bỏ đánh dấu hoàn thành của {units} (người thực hiện: {user}); tiếp tục nhắc việc.\n",
                en: "{occurrence}: no longer marked done for {units} ({user}); their reminders resume.\n")
        case .snoozed:
            Bilingual(
                vi: "{occurrence}: tạm dừng nhắc {units} đến {until} (người thực hiện: {user}).\n",
                en: "{occurrence}: reminders to {units} paused until {until} by {user}.\n")
        case .notDone:
            Bilingual(
                vi: "deadlinectl: {occurrence} chưa được đánh dấu hoàn thành cho {units}; không có gì để bỏ\n",
                en: "deadlinectl: {occurrence} is not marked done for {units}; nothing to undo\n")
        case .allDone:
            Bilingual(vi: "Tất cả {total} đơn vị đã hoàn thành.\n", en: "All {total} units are done.\n")
        case .someDone:
            Bilingual(
                vi: "Đã hoàn thành: {done}/{total} đơn vị; còn: {pending}.\n",
                en: "Done: {done}/{total} units; still open: {pending}.\n")
        case .atInFuture:
            Bilingual(
                vi: "deadlinectl: --at {at} là thời điểm trong tương lai; chỉ đánh dấu hoàn thành khi việc đã xong\n",
                en: "deadlinectl: --at {at} is in the future; work is marked done when it is done\n")
        case .unknown:
            Bilingual(vi: "?", en: "?")
        }
    }
}

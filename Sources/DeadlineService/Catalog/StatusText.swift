/// What `status` and `history` say.
package enum StatusText: String, CatalogEntry {
    case running, notRunning, lastSeen, configurationLoaded, nextReminders, waitingForRetry, retryLine, givenUp
    case givenUpLine, overdueByUnit, overdueUnitLine, overdueItem
    case instancesTitle, instancesLatest, headerHost, headerPID, headerHeartbeat, headerLeases, headerSent, headerState
    case silent
    case stateSent, statePending, stateSending, stateRetry, stateFailed, stateGivenUp, stateSkipped, outcome
    case historyNothingYet, historySendAt, historyOccurrence, historyRule, historyOutcome, historyAttempts
    case adminActions, actionDone, actionUndone, actionSnoozed, actionUntil, completionByUnit, completionAllDone
    case completionSomeDone, logEntries

    package static let area = "status"

    package var texts: Bilingual {
        switch self {
        case .running: Bilingual(vi: "deadlined: đang chạy (pid {pid})", en: "deadlined: running (pid {pid})")
        case .notRunning: Bilingual(vi: "deadlined: KHÔNG chạy", en: "deadlined: NOT running")
        case .lastSeen: Bilingual(vi: "; lần cuối thấy lúc {at}", en: "; last seen at {at}")
        case .configurationLoaded:
            Bilingual(vi: "  cấu hình nạp lúc {at}: {summary}\n", en: "  configuration loaded at {at}: {summary}\n")
        case .nextReminders: Bilingual(vi: "Lời nhắc sắp tới:\n", en: "Next reminders:\n")
        case .waitingForRetry:
            Bilingual(vi: "Đang chờ gửi lại ({count}):\n", en: "Waiting for a retry ({count}):\n")
        case .retryLine:
            Bilingual(
                vi: "  {key}  đã thử {attempts} lần, lần sau lúc {next}: {error}\n",
                en: "  {key}  {attempts} {attempts|attempt|attempts}, next at {next}: {error}\n")
        case .givenUp:
            Bilingual(
                vi: "Đã thôi gửi trong 7 ngày qua ({count}):\n", en: "Given up in the last 7 days ({count}):\n")
        case .givenUpLine: Bilingual(vi: "  {key}  {state}: {reason}\n", en: "  {key}  {state}: {reason}\n")
        case .overdueByUnit: Bilingual(vi: "Việc quá hạn theo đơn vị:\n", en: "Overdue deadlines by unit:\n")
        case .overdueUnitLine: Bilingual(vi: "  {name} [{unit}]: {items}\n", en: "  {name} [{unit}]: {items}\n")
        case .overdueItem: Bilingual(vi: "{id} ({state})", en: "{id} ({state})")
        case .instancesTitle:
            Bilingual(
                vi: "\nCác máy chủ dùng chung sổ theo dõi ({count}):\n",
                en: "\nInstances sharing the ledger ({count}):\n")
        case .instancesLatest:
            Bilingual(vi: "\nLời nhắc mỗi máy gửi gần nhất:\n", en: "\nLatest reminders each instance sent:\n")
        case .headerHost: Bilingual(vi: "MÁY", en: "HOST")
        case .headerPID: Bilingual(vi: "PID", en: "PID")
        case .headerHeartbeat: Bilingual(vi: "NHỊP TIM CUỐI", en: "LAST HEARTBEAT")
        case .headerLeases: Bilingual(vi: "ĐANG GIỮ", en: "LEASES")
        case .headerSent: Bilingual(vi: "ĐÃ GỬI", en: "SENT")
        case .headerState: Bilingual(vi: "TRẠNG THÁI", en: "STATUS")
        case .silent: Bilingual(vi: "im lặng", en: "silent")
        case .stateSent: Bilingual(vi: "đã gửi", en: "sent")
        case .statePending: Bilingual(vi: "chờ gửi", en: "pending")
        case .stateSending: Bilingual(vi: "đang gửi", en: "sending")
        case .stateRetry: Bilingual(vi: "chờ gửi lại", en: "retry")
        case .stateFailed: Bilingual(vi: "thất bại", en: "failed")
        case .stateGivenUp: Bilingual(vi: "đã thôi gửi", en: "given up")
        case .stateSkipped: Bilingual(vi: "bỏ qua", en: "skipped")
        case .outcome: Bilingual(vi: "{state}: {detail}", en: "{state}: {detail}")
        case .historyNothingYet:
            Bilingual(vi: "Chưa có lời nhắc nào đến giờ gửi.\n", en: "No reminder has come due yet.\n")
        case .historySendAt: Bilingual(vi: "GỬI LÚC", en: "SEND AT")
        case .historyOccurrence: Bilingual(vi: "LẦN HẠN", en: "OCCURRENCE")
        case .historyRule: Bilingual(vi: "QUY TẮC", en: "RULE")
        case .historyOutcome: Bilingual(vi: "KẾT QUẢ", en: "OUTCOME")
        case .historyAttempts: Bilingual(vi: "LẦN THỬ", en: "ATTEMPTS")
        case .adminActions: Bilingual(vi: "\nThao tác của quản trị:\n", en: "\nAdmin actions:\n")
        case .actionDone: Bilingual(vi: "hoàn thành", en: "done")
        case .actionUndone: Bilingual(vi: "bỏ hoàn thành", en: "undone")
        case .actionSnoozed: Bilingual(vi: "tạm dừng nhắc", en: "snoozed")
        case .actionUntil: Bilingual(vi: " đến {until}", en: " until {until}")
        case .completionByUnit: Bilingual(vi: "\nHoàn thành theo đơn vị:\n", en: "\nCompletion by unit:\n")
        case .completionAllDone:
            Bilingual(vi: "  {occurrence}  {done}/{total} đã xong\n", en: "  {occurrence}  {done}/{total} done\n")
        case .completionSomeDone:
            Bilingual(
                vi: "  {occurrence}  {done}/{total} đã xong; còn: {pending}\n",
                en: "  {occurrence}  {done}/{total} done; open: {pending}\n")
        case .logEntries: Bilingual(vi: "\nNhật ký: {command}\n", en: "\nLog entries: {command}\n")
        }
    }
}

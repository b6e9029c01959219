/// What several commands say: options they cannot read, the ledger, the configuration, the running daemon.
package enum CommonText: String, CatalogEntry {
    case unknownLanguage, didYouMean, ledgerUnusable, ledgerUnreadable, configurationHasErrors, errorCount
    case errorAndWarningCount, badMoment, momentIsPeriod, momentReason, unknownDeadline, controlNotRunning,
        controlUnreachable
    case changeTakesEffectLater, problem, dash, nothing, everyUnit

    package static let area = "common"

    package var texts: Bilingual {
        switch self {
        case .unknownLanguage:
            Bilingual(
                vi: "deadlinectl: --lang: '{text}' không phải một ngôn ngữ; hãy dùng vi hoặc en\n",
                en: "deadlinectl: --lang: '{text}' is not a language; use vi or en\n")
        case .didYouMean:
            Bilingual(vi: "; có phải ý bạn là '{suggestion}'?", en: "; did you mean '{suggestion}'?")
        case .ledgerUnusable:
            Bilingual(
                vi: "deadlinectl: không dùng được sổ theo dõi: {error}\n",
                en: "deadlinectl: the ledger cannot be used: {error}\n")
        case .ledgerUnreadable:
            Bilingual(
                vi: "deadlinectl: lưu ý: không đọc được sổ theo dõi ({error}); chỉ hiển thị theo cấu hình\n",
                en: "deadlinectl: note: the ledger cannot be read ({error}); showing the configuration alone\n")
        case .configurationHasErrors:
            Bilingual(vi: "deadlinectl: cấu hình có {count}\n", en: "deadlinectl: {count} in the configuration\n")
        case .errorCount:
            Bilingual(vi: "{errors} lỗi", en: "{errors} {errors|error|errors}")
        case .errorAndWarningCount:
            Bilingual(
                vi: "{errors} lỗi, {warnings} cảnh báo",
                en: "{errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}")
        case .badMoment:
            Bilingual(
                vi:
                    "deadlinectl: {option}: '{text}' không phải một thời điểm; hãy viết 20/11/2020, '20/11/2020 08:00' hoặc 2020-11-20T08:00:00+07:00\n",
                en:
                    "deadlinectl: {option}: '{text}' is not a moment; write 20/11/2020, '20/11/2020 08:00' or 2020-11-20T08:00:00+07:00\n"
            )
        case .momentReason:
            Bilingual(vi: "deadlinectl: {option}: {reason}\n", en: "deadlinectl: {option}: {reason}\n")
        case .momentIsPeriod:
            Bilingual(
                vi:
                    "deadlinectl: {option}: '{text}' là một khoảng thời gian, không phải một thời điểm; hãy viết một ngày, ví dụ 20/11/2020\n",
                en: "deadlinectl: {option}: '{text}' is a period, not a moment; write a day such as 20/11/2020\n")
        case .unknownDeadline:
            Bilingual(
                vi: "deadlinectl: không có nhiệm vụ nào mang mã '{id}'{hint} (deadlinectl list liệt kê các mã)\n",
                en: "deadlinectl: no deadline has the id '{id}'{hint} (deadlinectl list shows them)\n")
        case .controlNotRunning:
            Bilingual(
                vi: "deadlined không chạy trên máy này (không có gì trả lời tại {socket})",
                en: "deadlined is not running here (nothing answers at {socket})")
        case .controlUnreachable:
            Bilingual(
                vi: "không liên lạc được với deadlined tại {socket}: {error}",
                en: "cannot reach deadlined at {socket}: {error}")
        case .changeTakesEffectLater:
            Bilingual(
                vi: "deadlinectl: lưu ý: {problem}; thay đổi có hiệu lực khi deadlined khởi động\n",
                en: "deadlinectl: note: {problem}; the change takes effect when it starts\n")
        case .problem:
            Bilingual(vi: "deadlinectl: {problem}\n", en: "deadlinectl: {problem}\n")
        case .dash:
            Bilingual(vi: "—", en: "—")
        case .nothing:
            Bilingual(vi: "(không có)", en: "(none)")
        case .everyUnit:
            Bilingual(vi: "mọi đơn vị", en: "every unit")
        }
    }
}

/// What `report` says. Its CSV header is in the admin's language too, as the spreadsheet is read by people; the
/// JSON keys never change.
package enum ReportText: String, CatalogEntry {
    case unitID, unit, due, doneOnTime, doneLate, stillOverdue, notYetDue, onTimeRate, total
    case markdownTitle, markdownOverdue, title, nothingDue, stillOverdueTitle, more, fromAfterTo

    package static let area = "report"

    package var texts: Bilingual {
        switch self {
        case .unitID: Bilingual(vi: "Mã đơn vị", en: "Unit ID")
        case .unit: Bilingual(vi: "Đơn vị", en: "Unit")
        case .due: Bilingual(vi: "Đến hạn", en: "Due")
        case .doneOnTime: Bilingual(vi: "Đúng hạn", en: "Done on time")
        case .doneLate: Bilingual(vi: "Trễ hạn", en: "Done late")
        case .stillOverdue: Bilingual(vi: "Còn quá hạn", en: "Still overdue")
        case .notYetDue: Bilingual(vi: "Chưa đến hạn", en: "Not yet due")
        case .onTimeRate: Bilingual(vi: "Tỷ lệ đúng hạn", en: "On-time rate")
        case .total: Bilingual(vi: "Tổng cộng", en: "Total")
        case .markdownTitle:
            Bilingual(
                vi: "## Kết quả thực hiện nhiệm vụ từ {from} đến {to}\n\n",
                en: "## Completion of tasks from {from} to {to}\n\n")
        case .markdownOverdue: Bilingual(vi: "\n### Nhiệm vụ còn quá hạn\n\n", en: "\n### Tasks still overdue\n\n")
        case .title:
            Bilingual(
                vi: "Kết quả thực hiện nhiệm vụ có hạn từ {from} đến {to}:\n\n",
                en: "Tasks due from {from} to {to}:\n\n")
        case .nothingDue: Bilingual(vi: "(không có nhiệm vụ nào đến hạn)\n", en: "(nothing was due)\n")
        case .stillOverdueTitle: Bilingual(vi: "\nCòn quá hạn:\n", en: "\nStill overdue:\n")
        case .more: Bilingual(vi: "  … và {count} nhiệm vụ khác\n", en: "  … and {count} more\n")
        case .fromAfterTo:
            Bilingual(
                vi: "deadlinectl: --from {from} muộn hơn --to {to}\n",
                en: "deadlinectl: --from {from} is after --to {to}\n")
        }
    }
}

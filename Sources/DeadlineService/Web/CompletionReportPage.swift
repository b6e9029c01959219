import DeadlineKit
import DeadlineWeb

/// `deadlinectl report --format html` and the web side's `/bao-cao/TOKEN`: the completion report as one
/// self-contained page (no file, font or script from elsewhere): per unit, done on time, done late and still
/// overdue as stacked bars in inline SVG; the on-time rate of each month as columns; the table of figures; and the
/// overdue occurrences with how many days late each is. Every text from the configuration is HTML-escaped.
struct CompletionReportPage {
    let report: CompletionReport
    /// Each month of the period (its first day) with its totals.
    let months: [(month: CivilDate, total: CompletionReport.Row)]
    let agenda: Agenda
    let language: Language

    static func build(
        agenda: Agenda, state: PlannerState, from: CivilDate, to: CivilDate, now: Instant, language: Language
    )
        -> CompletionReportPage
    {
        let report = CompletionReport.build(agenda: agenda, state: state, from: from, to: to, now: now)
        var months: [(CivilDate, CompletionReport.Row)] = []
        var month = CivilDate(year: from.year, month: from.month, day: 1)!
        while month <= to, months.count < 240 {
            let last = min(CivilDate.lastDay(ofMonth: month.month, year: month.year), to)
            let first = max(month, from)
            months.append(
                (month, CompletionReport.build(agenda: agenda, state: state, from: first, to: last, now: now).total))
            month = month.adding(months: 1)
        }
        return CompletionReportPage(report: report, months: months, agenda: agenda, language: language)
    }

    /// The page the web side serves: the last twelve months through today.
    static func lastTwelveMonths(agenda: Agenda, state: PlannerState, now: Instant) -> CompletionReportPage {
        let today = agenda.settings.zone.localDateTime(at: now).date
        let start = CivilDate(year: today.year, month: today.month, day: 1)!.adding(months: -11)
        return build(agenda: agenda, state: state, from: start, to: today, now: now, language: agenda.settings.language)
    }

    var vi: Bool { language == .vi }

    func document() -> HTMLDocument {
        let title = vi ? "Kết quả thực hiện nhiệm vụ" : "Completion of tasks"
        let zone = agenda.settings.zone
        var body = "<main>\n<h1>\(title)</h1>\n"
        body +=
            "<p class=\"muted\">\(vi ? "Các nhiệm vụ có hạn từ" : "Tasks due from") \(report.from.vietnamese) "
            + "\(vi ? "đến" : "to") \(report.to.vietnamese); \(vi ? "số liệu lúc" : "as of") \(zone.vietnamese(report.now)).</p>\n"
        let total = report.total
        body +=
            "<p>"
            + (vi
                ? "Đến hạn: <strong>\(total.due)</strong> · đúng hạn: <strong>\(total.doneOnTime)</strong> · trễ hạn: <strong>\(total.doneLate)</strong> · còn quá hạn: <strong>\(total.overdue)</strong> · chưa đến hạn: \(total.open)"
                : "Due: <strong>\(total.due)</strong> · on time: <strong>\(total.doneOnTime)</strong> · late: <strong>\(total.doneLate)</strong> · still overdue: <strong>\(total.overdue)</strong> · not yet due: \(total.open)")
            + "</p>\n"
        body += "<h2>\(vi ? "Theo đơn vị" : "By unit")</h2>\n" + unitChart() + unitTable()
        body += "<h2>\(vi ? "Tỷ lệ đúng hạn theo tháng" : "On-time rate by month")</h2>\n" + monthChart()
        body += "<h2>\(vi ? "Nhiệm vụ còn quá hạn" : "Tasks still overdue")</h2>\n" + overdueTable()
        body += "</main>"
        return HTMLDocument(language: language, title: title, style: Self.style, body: body)
    }

    // MARK: Charts

    static let colors = (onTime: "#2f855a", late: "#d69e2e", overdue: "#c53030", open: "#cbd5e0")

    func legend() -> String {
        let items = [
            (Self.colors.onTime, vi ? "Đúng hạn" : "On time"), (Self.colors.late, vi ? "Trễ hạn" : "Late"),
            (Self.colors.overdue, vi ? "Còn quá hạn" : "Still overdue"),
            (Self.colors.open, vi ? "Chưa đến hạn" : "Not yet due"),
        ]
        var x = 0
        var out = ""
        for (color, label) in items {
            out += "<rect x=\"\(x)\" y=\"0\" width=\"12\" height=\"12\" fill=\"\(color)\"/>"
            out += "<text x=\"\(x + 17)\" y=\"11\">\(HTML.escape(label))</text>"
            x += 40 + label.count * 7
        }
        return out
    }

    /// Stacked bars, one per unit, scaled to the unit with the most occurrences.
    func unitChart() -> String {
        let rows = report.rows
        guard !rows.isEmpty else {
            return "<p>\(vi ? "Không có nhiệm vụ nào đến hạn trong kỳ." : "Nothing was due in the period.")</p>\n"
        }
        let label = 250
        let width = 760
        let barArea = width - label - 40
        let rowHeight = 26
        let top = 24
        let height = top + rows.count * rowHeight + 8
        let most = max(rows.map(\.due).max() ?? 1, 1)
        let chartTitle = vi ? "Kết quả theo đơn vị" : "Results by unit"
        var svg =
            "<svg role=\"img\" aria-label=\"\(chartTitle)\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" "
            + "font-family=\"system-ui, Arial, sans-serif\" font-size=\"12\" fill=\"#1d2330\">\n<title>\(chartTitle)</title>\n"
        svg += "<g>\(legend())</g>\n"
        for (i, row) in rows.enumerated() {
            let y = top + i * rowHeight
            svg +=
                "<text x=\"\(label - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(HTML.escape(Self.cut(row.unitName, 36)))</text>\n"
            var x = label
            for (count, color, name) in [
                (row.doneOnTime, Self.colors.onTime, vi ? "đúng hạn" : "on time"),
                (row.doneLate, Self.colors.late, vi ? "trễ hạn" : "late"),
                (row.overdue, Self.colors.overdue, vi ? "còn quá hạn" : "overdue"),
                (row.open, Self.colors.open, vi ? "chưa đến hạn" : "not yet due"),
            ] where count > 0 {
                let w = max(2, count * barArea / most)
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"18\" fill=\"\(color)\">"
                    + "<title>\(HTML.escape(row.unitName)): \(count) \(name)</title></rect>\n"
                if w >= 18 {
                    svg +=
                        "<text x=\"\(x + w / 2)\" y=\"\(y + 16)\" text-anchor=\"middle\" fill=\"\(color == Self.colors.open ? "#1d2330" : "#fff")\">\(count)</text>\n"
                }
                x += w
            }
            svg += "<text x=\"\(x + 6)\" y=\"\(y + 16)\">\(row.due)</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// One column per month: the share of occurrences whose due moment passed that were done on time.
    func monthChart() -> String {
        guard !months.isEmpty else { return "" }
        let width = 760
        let height = 220
        let left = 40
        let bottom = 30
        let plot = height - bottom - 20
        let step = (width - left - 10) / months.count
        let chartTitle = vi ? "Tỷ lệ đúng hạn theo tháng" : "On-time rate by month"
        var svg =
            "<svg role=\"img\" aria-label=\"\(chartTitle)\" viewBox=\"0 0 \(width) \(height)\" width=\"100%\" "
            + "font-family=\"system-ui, Arial, sans-serif\" font-size=\"12\" fill=\"#1d2330\">\n<title>\(chartTitle)</title>\n"
        for percent in [0, 50, 100] {
            let y = 20 + plot - plot * percent / 100
            svg +=
                "<line x1=\"\(left)\" y1=\"\(y)\" x2=\"\(width - 10)\" y2=\"\(y)\" stroke=\"#e2e8f0\"/>"
                + "<text x=\"\(left - 6)\" y=\"\(y + 4)\" text-anchor=\"end\">\(percent)%</text>\n"
        }
        for (i, item) in months.enumerated() {
            let x = left + i * step + step / 6
            let w = max(4, step * 2 / 3)
            let label = "\(item.month.month < 10 ? "0" : "")\(item.month.month)/\(item.month.year)"
            if let rate = item.total.onTimeRate {
                let percent = Int((rate * 100).rounded())
                let h = max(1, plot * percent / 100)
                svg +=
                    "<rect x=\"\(x)\" y=\"\(20 + plot - h)\" width=\"\(w)\" height=\"\(h)\" fill=\"\(Self.colors.onTime)\">"
                    + "<title>\(label): \(percent)%</title></rect>"
                    + "<text x=\"\(x + w / 2)\" y=\"\(20 + plot - h - 4)\" text-anchor=\"middle\">\(percent)%</text>\n"
            } else {
                svg +=
                    "<text x=\"\(x + w / 2)\" y=\"\(20 + plot - 4)\" text-anchor=\"middle\" fill=\"#718096\">–</text>\n"
            }
            svg += "<text x=\"\(x + w / 2)\" y=\"\(height - 10)\" text-anchor=\"middle\">\(label)</text>\n"
        }
        return svg + "</svg>\n"
    }

    // MARK: Tables

    func unitTable() -> String {
        guard !report.rows.isEmpty else { return "" }
        let header = CompletionReport.header(language)
        var out =
            "<table>\n<thead><tr>"
            + header.enumerated().map { "<th\($0.offset >= 2 ? " class=\"n\"" : "")>\(HTML.escape($0.element))</th>" }
            .joined()
            + "</tr></thead>\n<tbody>\n"
        for cells in report.rows.map(CompletionReport.cells) + [report.totalCells(language)] {
            out +=
                "<tr>"
                + cells.enumerated().map {
                    "<td\($0.offset >= 2 ? " class=\"n\"" : "")>\(HTML.escape($0.element))</td>"
                }.joined() + "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    func overdueTable() -> String {
        guard !report.overdueItems.isEmpty else { return "<p>\(vi ? "Không có." : "None.")</p>\n" }
        let zone = agenda.settings.zone
        let today = zone.localDateTime(at: report.now).date
        let header =
            vi ? ["Hạn", "Số ngày trễ", "Đơn vị", "Mã", "Nhiệm vụ"] : ["Due", "Days late", "Unit", "Id", "Task"]
        var out =
            "<table>\n<thead><tr>"
            + header.enumerated().map { "<th\($0.offset == 1 ? " class=\"n\"" : "")>\($0.element)</th>" }.joined()
            + "</tr></thead>\n<tbody>\n"
        for item in report.overdueItems {
            let dueDay =
                agenda.deadline(id: item.deadlineID).map {
                    zone.localDateTime(at: agenda.dueInstant(of: $0, occurrence: item.occurrence)).date
                } ?? item.occurrence
            let unit = agenda.units[item.unitID]?.name ?? item.unitID
            out +=
                "<tr><td>\(dueDay.vietnamese)</td><td class=\"n\">\(max(dueDay.days(until: today), 0))</td>"
                + "<td>\(HTML.escape(unit))</td><td><code>\(HTML.escape(item.deadlineID))</code></td><td>\(HTML.escape(item.task))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    static func cut(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }

    static let style =
        HTMLDocument.baseStyle + """
            main{max-width:64rem}h2{font-size:1.1rem;margin:1.75rem 0 .5rem}\
            table{border-collapse:collapse;width:100%;font-size:.92rem;margin:.5rem 0}\
            th,td{border-bottom:1px solid #e2e8f0;padding:.35rem .5rem;text-align:left;vertical-align:top}\
            th{background:#f7fafc}.n{text-align:right;white-space:nowrap}svg{max-width:100%;height:auto}\
            @media print{body{background:#fff}main{box-shadow:none;margin:0;max-width:none}}
            """
}

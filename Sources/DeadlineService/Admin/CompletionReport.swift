import DeadlineConfig
package import DeadlineKit

/// `deadlinectl report`: per unit, the occurrences due in a period and how they ended: done on time, done late,
/// still overdue, not yet due. The figures the offices report upward ("kết quả thực hiện nhiệm vụ").
///
/// Pure: built from the agenda, the ledger's done marks and `now`. An occurrence assigned to a group of units
/// (`cac-so`) counts once for each member, as each member answers for it, and each member finishes it on its own
/// (`deadlinectl done ID --unit UNIT`).
package struct CompletionReport: Sendable {
    package struct Row: Sendable, Hashable {
        package var unitID: String
        package var unitName: String
        /// Occurrences due in the period.
        package var due = 0
        package var doneOnTime = 0
        package var doneLate = 0
        /// Due before `now` and not done.
        package var overdue = 0
        /// Due after `now`, not done yet.
        package var open = 0

        /// Done on time, as a share of those whose due moment has passed (nil when none has).
        package var onTimeRate: Double? {
            let decided = doneOnTime + doneLate + overdue
            return decided == 0 ? nil : Double(doneOnTime) / Double(decided)
        }
    }

    package var from: CivilDate
    package var to: CivilDate
    package var now: Instant
    package var rows: [Row]
    /// Overdue occurrences, oldest first: what the heads of units will be asked about.
    package var overdueItems: [(unitID: String, deadlineID: String, occurrence: CivilDate, task: String)]

    package var total: Row {
        rows.reduce(into: Row(unitID: "", unitName: "")) {
            $0.due += $1.due
            $0.doneOnTime += $1.doneOnTime
            $0.doneLate += $1.doneLate
            $0.overdue += $1.overdue
            $0.open += $1.open
        }
    }

    /// Occurrences whose nominal due day lies in `from...to`.
    package static func build(
        agenda: Agenda, state: PlannerState, from: CivilDate, to: CivilDate, now: Instant
    ) -> CompletionReport {
        let planner = ReminderPlanner(agenda: agenda)
        var rows: [String: Row] = [:]
        var overdue: [(unitID: String, deadlineID: String, occurrence: CivilDate, task: String)] = []
        for deadline in agenda.deadlines {
            let units = ReminderPlanner.expandUnits(deadline.units, agenda: agenda)
            for occurrence in planner.occurrences(of: deadline, from: from, through: to) {
                let due = agenda.dueInstant(of: deadline, occurrence: occurrence)
                let id = OccurrenceID(deadlineID: deadline.id, date: occurrence)
                for unit in units {
                    let doneAt = state.doneAt(id, unit: unit.id)
                    var row = rows[unit.id] ?? Row(unitID: unit.id, unitName: unit.name)
                    row.due += 1
                    if let doneAt {
                        if doneAt <= due { row.doneOnTime += 1 } else { row.doneLate += 1 }
                    } else if due < now {
                        row.overdue += 1
                        overdue.append((unit.id, deadline.id, occurrence, deadline.task))
                    } else {
                        row.open += 1
                    }
                    rows[unit.id] = row
                }
            }
        }
        overdue.sort { ($0.occurrence, $0.unitID, $0.deadlineID) < ($1.occurrence, $1.unitID, $1.deadlineID) }
        return CompletionReport(
            from: from, to: to, now: now, rows: rows.values.sorted { $0.unitID < $1.unitID }, overdueItems: overdue)
    }

    static func header(_ say: Catalog) -> [String] {
        [
            ReportText.unitID, .unit, .due, .doneOnTime, .doneLate, .stillOverdue, .notYetDue, .onTimeRate,
        ].map { say($0) }
    }

    /// The table's header in a language (the web side's report page).
    static func header(_ language: Language) -> [String] { header(Catalog(language)) }

    /// The last row, `Tổng cộng`, in a language (the web side's report page).
    func totalCells(_ language: Language) -> [String] { totalCells(Catalog(language)(ReportText.total)) }

    /// The CSV header: the JSON's names, the same in every language, for the programs that read the file.
    static let csvHeader = [
        // machine: the CSV header
        "unit", "name", "due", "done_on_time", "done_late", "overdue", "not_yet_due", "on_time_rate",
    ]

    static func cells(_ row: Row) -> [String] {
        [
            row.unitID, row.unitName, String(row.due), String(row.doneOnTime), String(row.doneLate),
            String(row.overdue),
            String(row.open), row.onTimeRate.map { String(Int(($0 * 100).rounded())) + "%" } ?? "–",
        ]
    }

    func totalCells(_ label: String) -> [String] {
        var cells = Self.cells(total)
        cells[0] = label
        return cells
    }

    /// RFC 4180 CSV with a header line, CRLF line ends (as spreadsheets expect), UTF-8. The same in every
    /// language: the header is ``csvHeader``, the last row's unit is `*` (all units).
    package func csv() -> String {
        func field(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingAll("\"", with: "\"\"") + "\"" : s
        }
        let lines = [Self.csvHeader] + rows.map(Self.cells) + [totalCells(PlannerState.everyUnit)]
        return lines.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// A Markdown table, ready to paste into a report.
    package func markdown(language: Language) -> String {
        let say = Catalog(language)
        func escape(_ s: String) -> String { s.replacingAll("|", with: "\\|") }
        let header = Self.header(say)
        var out = say(ReportText.markdownTitle, ["from": from.vietnamese, "to": to.vietnamese])
        out += "| " + header.joined(separator: " | ") + " |\n"
        out += "|" + header.enumerated().map { $0.offset < 2 ? " --- |" : " ---: |" }.joined() + "\n"
        for cells in rows.map(Self.cells) + [totalCells(say(ReportText.total))] {
            out += "| " + cells.map(escape).joined(separator: " | ") + " |\n"
        }
        if !overdueItems.isEmpty {
            out += say(ReportText.markdownOverdue)
            for item in overdueItems {
                out += "- \(item.occurrence.vietnamese) · \(item.unitID) · `\(item.deadlineID)`: \(escape(item.task))\n"
            }
        }
        return out
    }

    /// A table for the terminal.
    package func text(language: Language) -> String {
        let say = Catalog(language)
        var table = TextTable(header: Self.header(say))
        for row in rows {
            table.append(
                Self.cells(row).enumerated().map { $0.offset == 1 ? TextTable.truncate($0.element, 40) : $0.element })
        }
        table.append(totalCells(say(ReportText.total)))
        var out = say(ReportText.title, ["from": from.vietnamese, "to": to.vietnamese])
        out += rows.isEmpty ? say(ReportText.nothingDue) : table.rendered()
        if !overdueItems.isEmpty {
            out += say(ReportText.stillOverdueTitle)
            for item in overdueItems.prefix(50) {
                out +=
                    "  \(item.occurrence.vietnamese)  \(item.unitID)  \(item.deadlineID)  \(TextTable.truncate(item.task, 60))\n"
            }
            if overdueItems.count > 50 { out += say(ReportText.more, ["count": String(overdueItems.count - 50)]) }
        }
        return out
    }

    /// Stable JSON.
    package func json() -> JSONValue {
        .object([
            ("from", .string(from.iso)), ("to", .string(to.iso)),
            (
                "units",
                .array(
                    rows.map { r in
                        .object([
                            ("unit", .string(r.unitID)), ("name", .string(r.unitName)), ("due", .integer(Int64(r.due))),
                            ("done_on_time", .integer(Int64(r.doneOnTime))), ("done_late", .integer(Int64(r.doneLate))),
                            ("overdue", .integer(Int64(r.overdue))), ("not_yet_due", .integer(Int64(r.open))),
                        ])
                    })
            ),
            (
                "overdue",
                .array(
                    overdueItems.map { i in
                        .object([
                            ("unit", .string(i.unitID)), ("deadline_id", .string(i.deadlineID)),
                            ("occurrence", .string(i.occurrence.iso)),
                        ])
                    })
            ),
        ])
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}

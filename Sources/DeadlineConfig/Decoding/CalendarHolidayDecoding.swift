import DeadlineKit

/// A declared holiday as read, with where its date was written, to report duplicates at it.
struct DeclaredHoliday {
    let rule: HolidayRule
    let range: SourceRange
}

extension ConfigDecoder {
    // MARK: [[calendar.holiday]]

    /// Every `[[calendar.holiday]]`: its row goes into `rules.declaredHolidays`. Two declared rows on one date in a
    /// common year are an error; a row on the date of a Labour Code holiday is a warning.
    mutating func decodeDeclaredHolidays(_ tables: [TOMLTable], file: String, rules: inout HolidayRules) {
        var declared: [DeclaredHoliday] = []
        for table in tables {
            guard let holiday = decodeDeclaredHoliday(table, file: file) else { continue }
            if let first = declared.first(where: {
                $0.rule.date == holiday.rule.date && $0.rule.overlapsYears(of: holiday.rule)
            }) {
                sink.error(
                    file, holiday.range,
                    .problem(
                        "\(Self.describe(holiday.rule.date)) is declared twice (first at \(file):\(first.range.start)) for years in common; keep one [[calendar.holiday]] or separate their years with from and until",
                        "holidayTwice",
                        [
                            "day": "\(Self.describe(holiday.rule.date))", "file": "\(file)",
                            "position": "\(first.range.start)",
                        ]))
                continue
            }
            warnIfStatutory(holiday, file: file)
            declared.append(holiday)
        }
        rules.declaredHolidays = declared.map(\.rule)
    }

    /// One `[[calendar.holiday]]`, or nil after reporting what is wrong with it.
    private mutating func decodeDeclaredHoliday(_ table: TOMLTable, file: String) -> DeclaredHoliday? {
        var r = TableReader(table, file: file, spec: ConfigSchema.calendarHoliday)
        let solarNode = r.node("date")
        let lunarNode = r.node("lunar")
        let years = WorkingCalendar.supportedYears
        let from = r.requireNode("from", &sink) != nil ? r.integer("from", &sink, in: years) : nil
        let until = from.flatMap { r.integer("until", &sink, in: $0.value...years.upperBound) }
        let name = r.nonEmptyString("name", &sink, required: true)?.value
        let nameEnglish = r.nonEmptyString("name_en", &sink)?.value
        let compensated = r.bool("compensated", &sink) ?? true
        _ = r.string("note", &sink)
        r.reportUnknownKeys(&sink, alsoKnownIn: [ConfigSchema.calendarOverride, ConfigSchema.calendarYear])

        let date: HolidayDate
        let range: SourceRange?
        switch (solarNode, lunarNode) {
        case (let node?, nil):
            guard let (day, month) = solarDayMonth(node, file: file) else { return nil }
            (date, range) = (.solar(month: month, day: day), node.range)
        case (nil, let node?):
            guard let (day, month) = lunarDayMonth(node, file: file) else { return nil }
            (date, range) = (.lunar(month: month, day: day), node.range)
        case (.some, let node?):
            sink.error(
                file, node.range,
                .problem(
                    "a [[calendar.holiday]] falls on a solar date or on a lunar one; keep either date or lunar",
                    "holidaySolarAndLunar"))
            return nil
        case (nil, nil):
            sink.error(
                file, r.anchor,
                .problem(
                    "[[calendar.holiday]] needs its day: date = \"24/11\" (solar) or lunar = \"10/3\" (âm lịch)",
                    "holidayNeedsDay"))
            return nil
        }
        guard let from, let name, let range else { return nil }
        if r.node("until") != nil, until == nil { return nil }
        let rule = HolidayRule(
            kind: .declared, nameVietnamese: name, nameEnglish: nameEnglish ?? name, date: date,
            firstYear: from.value, lastYear: until?.value, compensated: compensated,
            basis: "\(file):\(range.start)")
        return DeclaredHoliday(rule: rule, range: range)
    }

    /// `"24/11"`: a day and month that every year has.
    private mutating func solarDayMonth(_ node: TOMLNode, file: String) -> (Int, Int)? {
        guard case .string(let text) = node.value else {
            sink.error(
                file, node.range,
                .problem("'date' must be a day and month in quotes, like \"24/11\"", "holidayDateType"))
            return nil
        }
        guard let (day, month) = Self.dayMonth(text) else {
            sink.error(
                file, node.range,
                .problem(
                    "'\(text)' is not a day and month; write the day of every year as \"DD/MM\", like \"24/11\"",
                    "notYearlyDayMonth", ["text": "\(text)"]))
            return nil
        }
        guard (day, month) != (29, 2) else {
            sink.error(
                file, node.range,
                .problem("29/02 is not in every year; a yearly holiday needs a day that is", "february29"))
            return nil
        }
        return (day, month)
    }

    /// `"10/3"`: a day (1–30) and month (1–12) of the lunar calendar.
    private mutating func lunarDayMonth(_ node: TOMLNode, file: String) -> (Int, Int)? {
        guard case .string(let text) = node.value else {
            sink.error(
                file, node.range,
                .problem("'lunar' must be a lunar day and month in quotes, like \"10/3\"", "lunarType"))
            return nil
        }
        let parts = text.trimmingSpaces.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = Int(parts[0]), let month = Int(parts[1]), (1...30).contains(day),
            (1...12).contains(month)
        else {
            let leap = text.contains("+") ? Phrase.problem(" (a leap month is not in every year)", "leapMonth") : .empty
            sink.error(
                file, node.range,
                .problem(
                    "'\(text)' is not a lunar day and month\(leap); write it as \"DD/MM\" with the day 1–30 and the month 1–12, like \"10/3\"",
                    "notLunarDayMonth", ["text": text], parts: ["leap": leap]))
            return nil
        }
        return (day, month)
    }

    /// Warns when a declared row gives a day the Labour Code already gives in some of its years.
    private mutating func warnIfStatutory(_ holiday: DeclaredHoliday, file: String) {
        let declared = holiday.rule
        let matches = HolidayRule.labourCode.filter { statutory in
            guard statutory.overlapsYears(of: declared) else { return false }
            switch (statutory.date, declared.date) {
            case (.solar, .solar), (.lunar, .lunar): return statutory.date == declared.date
            // Mùng 1 to mùng 3 are Tết days under every row of the table.
            case (.tet, .lunar(let month, let day)): return month == 1 && day <= 3
            default: return false
            }
        }
        guard let statutory = matches.last else { return }
        let lower = max(matches.map { $0.firstYear ?? .min }.min() ?? .min, declared.firstYear ?? .min)
        let upper = min(matches.map { $0.lastYear ?? .max }.max() ?? .max, declared.lastYear ?? .max)
        let years: Phrase =
            upper == .max
            ? .problem("from \(lower)", "yearsFrom", ["from": String(lower)])
            : lower == upper
                ? .problem("in \(lower)", "yearsIn", ["year": String(lower)])
                : .problem("from \(lower) to \(upper)", "yearsFromTo", ["from": String(lower), "to": String(upper)])
        // The first law the row cites, without its comments: "BLLĐ 2019 Điều 112 khoản 1 điểm đ".
        let article = statutory.basis.prefix { ![";", ":", "("].contains($0) }.trimmingSpaces
        sink.warning(
            file, holiday.range,
            .problem(
                "\(Self.describe(declared.date)) is already \(statutory.nameVietnamese) \(years), a holiday of the Labour Code (\(article)); this [[calendar.holiday]] adds no day off then",
                "alreadyStatutory",
                ["day": Self.describe(declared.date), "holiday": statutory.nameVietnamese, "article": String(article)],
                parts: ["years": years]))
    }

    /// `date = "24/11"` or `lunar = "10/3"`, as written.
    private static func describe(_ date: HolidayDate) -> String {
        switch date {
        case .solar(let month, let day): "date = \"\(day)/\(month)\""
        case .lunar(let month, let day): "lunar = \"\(day)/\(month)\""
        case .tet, .nationalDayCompanion: date.vietnamese
        }
    }
}

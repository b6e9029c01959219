import DeadlineKit

/// An override as read, kept until the whole `[calendar]` is known so that redundant ones can be reported.
private struct DecodedOverride {
    let date: CivilDate
    let isDayOff: Bool
    let range: SourceRange
}

extension ConfigDecoder {
    // MARK: [calendar]

    /// `[calendar]` with its `[[calendar.override]]`, `[[calendar.year]]` and `[[calendar.holiday]]` tables, into
    /// the agenda's holiday rules and working hours.
    mutating func decodeCalendar(_ table: TOMLTable, file: String) {
        var r = TableReader(table, file: file, spec: ConfigSchema.calendar)
        var rules = settings.holidayRules
        if let items = r.stringList("weekend", &sink) {
            var days: Set<Weekday> = []
            for item in items {
                guard let weekday = Self.weekday(item.value) else {
                    let names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
                    sink.error(
                        file, item.range,
                        .problem(
                            "'\(item.value)' is not a weekday\(Suggestions.hint(for: item.value, in: names)) (write \"monday\" ... \"sunday\" or \"thứ hai\" ... \"chủ nhật\")",
                            "notWeekendDay", ["text": "\(item.value)"],
                            parts: ["hint": Suggestions.hintPhrase(for: item.value, in: names)]))
                    continue
                }
                if !days.insert(weekday).inserted {
                    sink.error(
                        file, item.range,
                        .problem(
                            "'\(item.value)' is listed twice in 'weekend'", "weekendTwice", ["text": "\(item.value)"]))
                }
            }
            if days.count == Weekday.allCases.count, let node = table["weekend"] {
                sink.error(
                    file, node.range,
                    .problem("'weekend' cannot hold all seven days: the office must work on some day", "weekendAllDays")
                )
            } else {
                rules.weeklyDaysOff = days
            }
        }
        if let text = r.string("working_hours", &sink) {
            if let hours = WorkingHours(parsing: text.value) {
                settings.workingHours = hours
            } else {
                sink.error(
                    file, text.range,
                    .problem(
                        "'\(text.value)' is not a span of office hours; write it as \"08:00-17:00\" (start before end; \"24:00\" for midnight at the end)",
                        "notOfficeHours", ["text": "\(text.value)"]))
            }
        }
        var seenYears: [Int: SourceRange] = [:]
        for yearTable in tablesOf(r.node("year"), name: "calendar.year", file: file) {
            decodeCalendarYear(yearTable, file: file, rules: &rules, seen: &seenYears)
        }
        var overrides: [DecodedOverride] = []
        for overrideTable in tablesOf(r.node("override"), name: "calendar.override", file: file) {
            if let decoded = decodeOverride(overrideTable, file: file, rules: &rules, earlier: overrides) {
                overrides.append(decoded)
            }
        }
        decodeDeclaredHolidays(
            tablesOf(r.node("holiday"), name: "calendar.holiday", file: file), file: file, rules: &rules)
        r.reportUnknownKeys(
            &sink,
            alsoKnownIn: [ConfigSchema.calendarOverride, ConfigSchema.calendarYear, ConfigSchema.calendarHoliday])
        warnRedundant(overrides, rules: rules, file: file)
        settings.holidayRules = rules
    }

    /// One `[[calendar.override]]`: its day goes into `rules` as an announced day off or working day.
    private mutating func decodeOverride(
        _ table: TOMLTable, file: String, rules: inout HolidayRules, earlier: [DecodedOverride]
    ) -> DecodedOverride? {
        var r = TableReader(table, file: file, spec: ConfigSchema.calendarOverride)
        let dateNode = r.requireNode(
            "date", &sink, hint: .problem(" (the day this override is about)", "overrideDateHint"))
        let date = dateNode.flatMap { ValueDecoding.date($0, key: "date", file: file, &sink) }
        let off = r.bool("off", &sink)
        let work = r.bool("work", &sink)
        let note = r.nonEmptyString("note", &sink)?.value
        let noteEnglish = r.nonEmptyString("note_en", &sink)?.value
        r.reportUnknownKeys(&sink, alsoKnownIn: [ConfigSchema.calendarYear])
        guard let date, let dateNode else { return nil }
        let isDayOff: Bool
        switch (off, work) {
        case (.some(true), .some(true)):
            sink.error(
                file, table.entry(forKey: "work")?.keyRange,
                .problem(
                    "\(date.vietnamese) cannot be both a day off and a working day; keep either off = true or work = true",
                    "offAndWork", ["date": "\(date.vietnamese)"]))
            return nil
        case (.some(true), _): isDayOff = true
        case (_, .some(true)): isDayOff = false
        case (.some(false), _), (_, .some(false)):
            let key = off == false ? "off" : "work"
            sink.error(
                file, table.entry(forKey: key)?.node.range,
                .problem(
                    "'\(key) = false' says nothing; write off = true to make \(date.vietnamese) a day off, or work = true to make it a working day",
                    "falseSaysNothing", ["key": "\(key)", "date": "\(date.vietnamese)"]))
            return nil
        case (.none, .none):
            sink.error(
                file, r.anchor,
                .problem(
                    "[[calendar.override]] for \(date.vietnamese) says neither off = true nor work = true; add one of them",
                    "overrideSaysNothing", ["date": "\(date.vietnamese)"]))
            return nil
        }
        if let first = earlier.first(where: { $0.date == date }) {
            sink.error(
                file, dateNode.range,
                .problem(
                    "\(date.vietnamese) is overridden twice (first at \(file):\(first.range.start)); keep one [[calendar.override]]",
                    "overriddenTwice",
                    ["date": "\(date.vietnamese)", "file": "\(file)", "position": "\(first.range.start)"]))
            return nil
        }
        if isDayOff {
            rules.extraDaysOff.append(
                AnnouncedDayOff(
                    date: date, nameVietnamese: note ?? "Nghỉ hoán đổi", nameEnglish: noteEnglish ?? "Swapped day off"))
        } else {
            rules.workingDays.insert(date)
        }
        return DecodedOverride(date: date, isDayOff: isDayOff, range: dateNode.range)
    }

    /// Warns about overrides that change nothing: a day off that is off anyway, a working day that is worked anyway.
    private mutating func warnRedundant(_ overrides: [DecodedOverride], rules: HolidayRules, file: String) {
        guard !overrides.isEmpty else { return }
        var plain = rules
        plain.extraDaysOff = []
        plain.workingDays = []
        let calendar = WorkingCalendar(rules: plain)
        for o in overrides where o.isDayOff != calendar.isWorkingDay(o.date) {
            if o.isDayOff {
                let holiday = calendar.daysOff(in: o.date.year).first { $0.date == o.date }
                if let holiday {
                    let name = Phrase(
                        holiday.nameEnglish, "diagnostic.nameInBoth",
                        ["en": holiday.nameEnglish, "vi": holiday.nameVietnamese])
                    sink.warning(
                        file, o.range,
                        .problem(
                            "\(o.date.vietnamese) is already a day off (\(name)); this override changes nothing",
                            "alreadyHoliday",
                            ["date": o.date.vietnamese], parts: ["holiday": name]))
                } else {
                    sink.warning(
                        file, o.range,
                        .problem(
                            "\(o.date.vietnamese) is already a weekly day off; this override changes nothing",
                            "alreadyWeeklyDayOff",
                            ["date": o.date.vietnamese]))
                }
            } else {
                sink.warning(
                    file, o.range,
                    .problem(
                        "\(o.date.vietnamese) is already a working day; this override changes nothing",
                        "alreadyWorkingDay", ["date": "\(o.date.vietnamese)"]))
            }
        }
    }

    /// One `[[calendar.year]]`: the announced first Tết day and Quốc khánh companion of a year.
    private mutating func decodeCalendarYear(
        _ table: TOMLTable, file: String, rules: inout HolidayRules, seen: inout [Int: SourceRange]
    ) {
        var r = TableReader(table, file: file, spec: ConfigSchema.calendarYear)
        let hasYear = r.requireNode("year", &sink) != nil
        let year = hasYear ? r.integer("year", &sink, in: VietnameseLunarCalendar.supportedYears) : nil
        let tetNode = r.node("tet_first_day")
        let companionNode = r.node("national_day_companion")
        _ = r.string("note", &sink)
        r.reportUnknownKeys(&sink, alsoKnownIn: [ConfigSchema.calendarOverride])
        guard let year else { return }
        if let first = seen[year.value] {
            sink.error(
                file, year.range,
                .problem(
                    "the year \(year.value) has two [[calendar.year]] tables (first at \(file):\(first.start)); merge them",
                    "yearTwice", ["year": "\(year.value)", "file": "\(file)", "position": "\(first.start)"]))
            return
        }
        seen[year.value] = year.range
        if let tetNode, let first = date(tetNode, key: "tet_first_day", inYear: year.value, file: file) {
            let newYear = VietnameseLunarCalendar.newYear(year.value)
            let before = first.days(until: newYear)
            if (0...5).contains(before) {
                rules.tetPlacementByYear[year.value] = .daysBeforeNewYear(before)
            } else {
                sink.error(
                    file, tetNode.range,
                    .problem(
                        "\(first.vietnamese) cannot be the first Tết day of \(year.value): mùng 1 Tết is \(newYear.vietnamese), so the five Tết days start between \(newYear.adding(days: -5).vietnamese) and \(newYear.vietnamese)",
                        "tetFirstDay",
                        [
                            "date": "\(first.vietnamese)", "year": "\(year.value)", "newYear": "\(newYear.vietnamese)",
                            "earliest": "\(newYear.adding(days: -5).vietnamese)",
                        ]))
            }
        }
        if let companionNode,
            let day = date(companionNode, key: "national_day_companion", inYear: year.value, file: file)
        {
            switch (day.month, day.day) {
            case (9, 1): rules.nationalDayCompanionByYear[year.value] = .september1
            case (9, 3): rules.nationalDayCompanionByYear[year.value] = .september3
            default:
                sink.error(
                    file, companionNode.range,
                    .problem(
                        "the day beside Quốc khánh is 01/09/\(year.value) or 03/09/\(year.value), not \(day.vietnamese)",
                        "nationalDayCompanion", ["year": "\(year.value)", "date": "\(day.vietnamese)"]))
            }
        }
    }

    /// A date of `year`: a full date, or a day and month (`"1/9"`) taken in that year.
    private mutating func date(_ node: TOMLNode, key: String, inYear year: Int, file: String) -> CivilDate? {
        let parsed: CivilDate?
        if case .string(let text) = node.value, let (day, month) = Self.dayMonth(text) {
            parsed = CivilDate(year: year, month: month, day: day)
            if parsed == nil {
                sink.error(
                    file, node.range,
                    .problem(
                        "'\(text)' is not a day of \(year)", "notDayOfYear", ["text": "\(text)", "year": "\(year)"]))
            }
        } else {
            parsed = ValueDecoding.date(node, key: key, file: file, &sink)
        }
        guard let parsed else { return nil }
        guard parsed.year == year else {
            sink.error(
                file, node.range,
                .problem(
                    "'\(key)' (\(parsed.vietnamese)) is not in \(year), the year of this table", "notInTableYear",
                    ["key": "\(key)", "date": "\(parsed.vietnamese)", "year": "\(year)"]))
            return nil
        }
        return parsed
    }
}

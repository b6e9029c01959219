import DeadlineKit

/// A `[[deadline]]` as read from its file, before cross-file references (its document) are resolved.
///
/// A class: a hundred thousand of these wait for the last file to be read, and an array of references grows and
/// is handed from file to file without copying them.
final class DecodedDeadline: Sendable {
    let id: Located<String>
    let task: String
    let documentRef: Located<String>?
    let file: String
    let anchor: SourceRange?
    let units: [Located<String>]
    let channels: [Located<String>]?
    /// The deadline's own `reminders` over the defaults, boxed; nil when it has none (then the main file's
    /// `[reminders]` apply, kept once by the decoder instead of once per deadline).
    let ownRules: Boxed<ReminderRules>?
    /// Whether the deadline's own `reminders` table sets escalation (then it wins over a unit's rule).
    let escalationIsOwn: Bool
    /// `due` when it is written (even beside `repeat`, an error), else the recurrence.
    let schedule: ScheduleDraft?

    /// What a deadline's schedule will be made of once its document is known.
    enum ScheduleDraft: Sendable {
        case due(TOMLNode)
        case recurrence(RecurrenceDraft)
    }

    init(
        id: Located<String>, task: String, documentRef: Located<String>?, file: String, anchor: SourceRange?,
        units: [Located<String>], channels: [Located<String>]?, ownRules: ReminderRules?, escalationIsOwn: Bool,
        due: TOMLNode?, recurrence: RecurrenceDraft?
    ) {
        self.id = id
        self.task = task
        self.documentRef = documentRef
        self.file = file
        self.anchor = anchor
        self.units = units
        self.channels = channels
        self.ownRules = ownRules.map(Boxed.init)
        self.escalationIsOwn = escalationIsOwn
        schedule = due.map(ScheduleDraft.due) ?? recurrence.map(ScheduleDraft.recurrence)
    }
}

/// A value kept on the heap, so that a type holding it as an option costs a pointer when it is absent.
final class Boxed<Value: Sendable>: Sendable {
    let value: Value

    init(_ value: Value) {
        self.value = value
    }
}

/// A recurrence whose start may still default to its document's date.
struct RecurrenceDraft: Sendable {
    let pattern: Recurrence.Pattern
    let time: TimeOfDay?
    let start: CivilDate?
    let end: CivilDate?
}

extension ConfigDecoder {
    mutating func decodeDeadline(_ table: TOMLTable, file: String) -> DecodedDeadline? {
        var r = TableReader(table, file: file, spec: ConfigSchema.deadline)
        let id = r.nonEmptyString("id", &sink, required: true)
        if let id, !ValueDecoding.isValidID(id.value) {
            sink.error(
                file, id.range,
                .problem(
                    "deadline id '\(id.value)' may use only letters a-z, digits, '-', '_' and '.' (no spaces or accents), e.g. \"5418-de-xuat\"",
                    "badDeadlineID", ["id": "\(id.value)"]))
        }
        let task = r.messageText("task", &sink, required: true)
        let documentRef = r.string("document", &sink)
        let unitRefs = r.stringList("units", &sink, required: true) ?? []
        if let n = table["units"], unitRefs.isEmpty, case .array = n.value {
            sink.error(
                file, n.range,
                .problem("'units' is empty; name at least one unit, e.g. units = [\"so-khdt\"]", "unitsEmpty"))
        }
        let channelRefs = r.stringList("channels", &sink)
        var ownRules: ReminderRules?
        var escalationIsOwn = false
        if let n = r.node("reminders") {
            if case .table(let t) = n.value {
                ownRules = decodeRules(t, file: file, base: defaultRules)
                escalationIsOwn = ConfigSchema.escalationKeys.contains { t[$0.name] != nil }
            } else {
                r.typeError(n, key: "reminders", expected: .problem("a table", "expectTable"), &sink)
            }
        }
        _ = r.string("note", &sink)
        let due = r.node("due")
        let recurrence = decodeRecurrence(&r, file: file)
        if due != nil, recurrence != nil, let n = due {
            sink.error(
                file, n.range,
                .problem("a deadline has either 'due' (once) or 'repeat' (recurring), not both", "dueAndRepeat"))
        } else if due == nil, recurrence == nil, table["repeat"] == nil {
            sink.error(
                file, r.anchor,
                .problem(
                    "missing 'due' (e.g. due = \"10/12/2020\") or, for a recurring deadline, 'repeat' (e.g. repeat = \"monthly\" with day = 20)",
                    "missingDueOrRepeat"))
        }
        r.reportUnknownKeys(&sink, alsoKnownIn: [ConfigSchema.document, ConfigSchema.reminders])
        guard let id, let task, !unitRefs.isEmpty else { return nil }
        return DecodedDeadline(
            id: id, task: task.value, documentRef: documentRef, file: file, anchor: r.anchor, units: unitRefs,
            channels: channelRefs, ownRules: ownRules, escalationIsOwn: escalationIsOwn, due: due,
            recurrence: recurrence)
    }

    /// `repeat` with `day`, `month`, `weekday`, `date`, `time`, `from`, `until`.
    private mutating func decodeRecurrence(_ r: inout TableReader, file: String) -> RecurrenceDraft? {
        let repeatValue = r.string("repeat", &sink)
        let dayNode = r.node("day")
        let monthValue = r.integer("month", &sink, in: 1...6)
        let weekdayValue = r.string("weekday", &sink)
        let dateValue = r.string("date", &sink)
        let time = r.time("time", &sink)
        let start = r.date("from", &sink)
        let end = r.date("until", &sink)
        guard let repeatValue else {
            for (key, present) in [
                ("day", dayNode != nil), ("month", monthValue != nil), ("weekday", weekdayValue != nil),
                ("date", dateValue != nil), ("from", start != nil), ("until", end != nil), ("time", time != nil),
            ] where present {
                let range = r.table.entry(forKey: key)?.keyRange
                sink.error(
                    file, range,
                    .problem(
                        "'\(key)' is only used with 'repeat'; for a one-off deadline put the time in 'due', e.g. due = \"15:00 10/12/2020\"",
                        "onlyWithRepeat", ["key": "\(key)"]))
            }
            return nil
        }
        let kinds = RepeatKind.allCases.map(\.rawValue)
        guard let kind = RepeatKind(rawValue: repeatValue.value) else {
            sink.error(
                file, repeatValue.range,
                .problem(
                    "'\(repeatValue.value)' is not a valid repeat\(Suggestions.hint(for: repeatValue.value, in: kinds)) (one of \(kinds.map { "\"\($0)\"" }.joined(separator: ", ")))",
                    "notARepeat",
                    [
                        "text": "\(repeatValue.value)",
                        "choices": "\(kinds.map { "\"\($0)\"" }.joined(separator: ", "))",
                    ], parts: ["hint": Suggestions.hintPhrase(for: repeatValue.value, in: kinds)]))
            return nil
        }
        func unused(_ key: String, _ present: Bool) {
            if present, let range = r.table.entry(forKey: key)?.keyRange {
                sink.error(
                    file, range,
                    .problem(
                        "'\(key)' is not used with repeat = \"\(repeatValue.value)\"", "unusedWithRepeat",
                        ["key": "\(key)", "repeat": "\(repeatValue.value)"]))
            }
        }
        var pattern: Recurrence.Pattern?
        switch kind {
        case .weekly:
            unused("day", dayNode != nil)
            unused("month", monthValue != nil)
            unused("date", dateValue != nil)
            if let w = weekdayValue {
                if let wd = Self.weekday(w.value) {
                    pattern = .weekly(wd)
                } else {
                    sink.error(
                        file, w.range,
                        .problem(
                            "'\(w.value)' is not a weekday; write \"monday\" ... \"sunday\" or \"thứ hai\" ... \"chủ nhật\"",
                            "notWeekday", ["text": "\(w.value)"]))
                }
            } else {
                sink.error(
                    file, repeatValue.range,
                    .problem("repeat = \"weekly\" needs 'weekday', e.g. weekday = \"friday\"", "weeklyNeedsWeekday"))
            }
        case .yearly:
            unused("day", dayNode != nil)
            unused("month", monthValue != nil)
            unused("weekday", weekdayValue != nil)
            if let d = dateValue {
                if let (day, month) = Self.dayMonth(d.value) {
                    pattern = Recurrence.yearly(month: month, day: day)
                } else {
                    sink.error(
                        file, d.range,
                        .problem(
                            "'\(d.value)' is not a day and month; write it as \"15/12\"", "notDayMonth",
                            ["text": "\(d.value)"]))
                }
            } else {
                sink.error(
                    file, repeatValue.range,
                    .problem("repeat = \"yearly\" needs 'date', e.g. date = \"15/12\"", "yearlyNeedsDate"))
            }
        case .monthly, .quarterly, .halfYearly:
            unused("weekday", weekdayValue != nil)
            unused("date", dateValue != nil)
            let interval = kind.monthsPerPeriod ?? 1
            let (maxMonth, defaultMonth) = (interval, interval)
            if interval == 1 { unused("month", monthValue != nil) }
            var anchor = defaultMonth
            if let m = monthValue, interval > 1 {
                if m.value > maxMonth {
                    sink.error(
                        file, m.range,
                        .problem(
                            "'month' must be between 1 and \(maxMonth) for repeat = \"\(repeatValue.value)\" (the month within each period)",
                            "monthInPeriod", ["highest": "\(maxMonth)", "repeat": "\(repeatValue.value)"]))
                } else {
                    anchor = m.value
                }
            }
            if let dayNode {
                if let day = dayOfMonth(dayNode, file: file) {
                    pattern = .monthly(interval: interval, anchor: anchor, day: day)
                }
            } else {
                sink.error(
                    file, repeatValue.range,
                    .problem(
                        "repeat = \"\(repeatValue.value)\" needs 'day', e.g. day = 20 (or day = \"last\")",
                        "repeatNeedsDay", ["repeat": "\(repeatValue.value)"]))
            }
        }
        if let start, let end, end < start, let range = r.table.entry(forKey: "until")?.node.range {
            sink.error(
                file, range,
                .problem(
                    "'until' (\(end.vietnamese)) is before 'from' (\(start.vietnamese))", "untilBeforeFrom",
                    ["until": "\(end.vietnamese)", "from": "\(start.vietnamese)"]))
        }
        guard let pattern else { return nil }
        return RecurrenceDraft(pattern: pattern, time: time, start: start, end: end)
    }

    private mutating func dayOfMonth(_ node: TOMLNode, file: String) -> Recurrence.DayOfMonth? {
        switch node.value {
        case .integer(let n) where (1...31).contains(n): return .day(Int(n))
        case .string(let s) where ["last", "cuối tháng", "cuoi thang"].contains(s.lowercased()): return .last
        default:
            sink.error(
                file, node.range,
                .problem("'day' must be a day of the month from 1 to 31, or \"last\"", "notDayOfMonth"))
            return nil
        }
    }

    static func weekday(_ text: String) -> Weekday? {
        let names: [String: Weekday] = [
            "monday": .monday, "mon": .monday, "thứ hai": .monday, "thứ 2": .monday, "t2": .monday,
            "tuesday": .tuesday, "tue": .tuesday, "thứ ba": .tuesday, "thứ 3": .tuesday, "t3": .tuesday,
            "wednesday": .wednesday, "wed": .wednesday, "thứ tư": .wednesday, "thứ 4": .wednesday, "t4": .wednesday,
            "thursday": .thursday, "thu": .thursday, "thứ năm": .thursday, "thứ 5": .thursday, "t5": .thursday,
            "friday": .friday, "fri": .friday, "thứ sáu": .friday, "thứ 6": .friday, "t6": .friday,
            "saturday": .saturday, "sat": .saturday, "thứ bảy": .saturday, "thứ 7": .saturday, "t7": .saturday,
            "sunday": .sunday, "sun": .sunday, "chủ nhật": .sunday, "cn": .sunday,
        ]
        return names[text.trimmingSpaces.lowercased().nfc]
    }

    /// `15/12` -> (15, 12), checked against a leap year so 29/2 is allowed.
    static func dayMonth(_ text: String) -> (Int, Int)? {
        var s = TextScanner(text.trimmingSpaces)
        guard let d = s.integer(maxDigits: 2), s.skip("/") || s.skip("-") || s.skip("."),
            let m = s.integer(maxDigits: 2),
            s.isAtEnd, CivilDate(year: 2000, month: m, day: d) != nil
        else { return nil }
        return (d, m)
    }
}

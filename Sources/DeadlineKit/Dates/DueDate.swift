/// A due date as an office wrote it, resolved to a day (and maybe a time).
///
/// Periods mean their last day: `12/2020` is due 31/12/2020, `Q1/2024` on 31/3/2024, `2024` on 31/12/2024.
package struct DueDate: Sendable, Hashable {
    package enum Granularity: String, Sendable, Hashable {
        case day, month, quarter, halfYear = "half-year", year
    }

    /// The due day (for a period, its last day).
    package let date: CivilDate
    /// The time of day if one was written (`15:00 10/12/2020`); otherwise the closing time applies.
    package let time: TimeOfDay?
    package let granularity: Granularity
    /// True when the year was not written and was taken from the document's date.
    package let yearInferred: Bool

    package init(date: CivilDate, time: TimeOfDay? = nil, granularity: Granularity = .day, yearInferred: Bool = false) {
        self.date = date
        self.time = time
        self.granularity = granularity
        self.yearInferred = yearInferred
    }

    /// The due moment, with `closingTime` for a date written without a time.
    package func moment(closingTime: TimeOfDay) -> LocalDateTime {
        LocalDateTime(date, time ?? closingTime)
    }
}

/// Why a due date could not be read, in words an admin can act on.
///
/// ``phrase`` names its entry of `deadlinectl`'s catalog (`date.…`), for the admin's language; ``description`` is
/// the English.
package struct DueDateError: Error, Sendable, Hashable, CustomStringConvertible {
    package let phrase: Phrase
    /// The year is the problem: outside ``SupportedYears/range``, or not written with four digits.
    package let isAboutYear: Bool

    package var description: String { phrase.english }

    init(_ phrase: Phrase, isAboutYear: Bool = false) {
        self.phrase = phrase
        self.isAboutYear = isAboutYear
    }

    init(
        _ english: String, _ id: String, _ arguments: [String: String] = [:], parts: [String: Phrase] = [:],
        isAboutYear: Bool = false
    ) {
        self.init(Phrase(english, "date." + id, arguments, parts: parts), isAboutYear: isAboutYear)
    }
}

/// Reads due dates in the forms Vietnamese offices write them.
///
/// - `10/12/2020` (also `10-12-2020`, `10.12.2020`), `ngày 10 tháng 12 năm 2020`
/// - `10/12`: no year; the first such day on or after the document's date
/// - ISO `2020-12-10`, `2020-12-10T15:00`
/// - with a time: `15:00 10/12/2020`, `10/12/2020 15:00`, `15 giờ ngày 10/12/2020`, `15h30 10/12/2020`
/// - periods: `12/2020` or `tháng 12/2020` (a month), `Q1/2024`, `quý I/2024`, `quý 1-2024` (a quarter),
///   `H1/2024`, `6 tháng đầu năm 2024` (a half-year), `2024` or `năm 2024` (a year)
package enum DueDateParser {
    package static let formsHint =
        "write it as 10/12/2020, 15:00 10/12/2020, 2020-12-10, 12/2020 (a month), Q1/2024 (a quarter) or 2024 (a year)"

    /// ``formsHint`` as a catalog phrase.
    static var forms: Phrase { Phrase(formsHint, "date.forms") }

    package static func parse(_ text: String, issued: CivilDate?) -> Result<DueDate, DueDateError> {
        let input = normalise(text)
        if input.isEmpty {
            return .failure(DueDateError("the due date is empty; \(formsHint)", "empty", parts: ["forms": forms]))
        }
        var s = TextScanner(input)
        let result: Result<DueDate, DueDateError>
        let written = text.trimmingSpaces
        if let iso = iso(&s, original: written, issued: issued) {
            result = iso
        } else {
            s.reset(to: 0)
            if let period = period(&s, original: written, issued: issued) {
                result = period
            } else {
                s.reset(to: 0)
                result = dayForm(&s, original: written, issued: issued)
            }
        }
        guard case .success(let due) = result, !SupportedYears.contains(due.date.year) else { return result }
        return .failure(
            DueDateError(
                "'\(written)' falls in \(due.date.year) (the first such day after the document's date), outside "
                    + "the years deadlined plans in (\(SupportedYears.text))", "inferredYearOutside",
                ["text": written, "year": String(due.date.year), "years": SupportedYears.text], isAboutYear: true))
    }

    /// The error for a year written outside ``SupportedYears/range`` (before any date is built from it: the
    /// year 0000 has no dates at all).
    private static func outside(_ year: Int, original: String, issued: CivilDate?) -> Result<DueDate, DueDateError>? {
        guard !SupportedYears.contains(year) else { return nil }
        return .failure(
            DueDateError(
                SupportedYears.outOfRange(year: year, reference: issued?.year).about(original), isAboutYear: true))
    }

    /// Lowercased ASCII letters, single spaces, `quí` spelt `quý`.
    static func normalise(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastSpace = true
        for c in text.trimmingSpaces.unicodeScalars {
            if c.isSpaceLike {
                if !lastSpace { out.append(" ") }
                lastSpace = true
                continue
            }
            lastSpace = false
            out.append(c.lowercasedASCII)
        }
        return String(out).replacingAll("quí", with: "quý")
    }

    // MARK: ISO 8601

    private static func iso(
        _ s: inout TextScanner, original: String, issued: CivilDate?
    ) -> Result<DueDate, DueDateError>? {
        guard s.digitRunLength == 4, let y = s.integer(maxDigits: 4), s.skip("-") else { return nil }
        guard let m = s.integer(maxDigits: 2), s.skip("-"), let d = s.integer(maxDigits: 2) else {
            return .failure(
                DueDateError(
                    "'\(s.scalarsText)' is not a valid ISO date (expected YYYY-MM-DD)", "notISO",
                    ["text": s.scalarsText]))
        }
        if let error = outside(y, original: original, issued: issued) { return error }
        guard let date = CivilDate(year: y, month: m, day: d) else {
            return .failure(impossible(day: d, month: m, year: y, written: s.scalarsText))
        }
        var time: TimeOfDay?
        if s.skip("t") || s.skip(" ") {
            guard let t = clock(&s) else {
                return .failure(
                    DueDateError(
                        "'\(s.scalarsText)': the time after the date is not HH:MM", "timeNotHHMM",
                        ["text": s.scalarsText]))
            }
            time = t
            if s.skip(":") { _ = s.integer(maxDigits: 2) }  // seconds are accepted and dropped
        }
        guard s.isAtEnd else {
            return .failure(
                DueDateError("unexpected '\(s.remainder)' after the date", "unexpectedAfter", ["rest": s.remainder]))
        }
        return .success(DueDate(date: date, time: time))
    }

    // MARK: Periods

    private static func period(
        _ s: inout TextScanner, original: String, issued: CivilDate?
    )
        -> Result<DueDate, DueDateError>?
    {
        if s.skip("quý ") || s.skip("quý") || s.skip("q") {
            guard let q = quarterNumber(&s), s.skip("/") || s.skip("-") || s.skip(" năm ") || s.skip(" "),
                let y = year(&s), s.isAtEnd
            else { return nil }
            guard (1...4).contains(q) else {
                return .failure(
                    DueDateError("there is no quarter \(q); use 1 to 4", "noQuarter", ["number": String(q)]))
            }
            if let error = outside(y, original: original, issued: issued) { return error }
            return .success(DueDate(date: CivilDate.lastDay(ofMonth: q * 3, year: y), granularity: .quarter))
        }
        s.reset(to: 0)
        if s.skip("h"), let h = s.integer(maxDigits: 1), s.skip("/") || s.skip("-"), let y = year(&s), s.isAtEnd {
            guard (1...2).contains(h) else {
                return .failure(
                    DueDateError("there is no half-year \(h); use H1 or H2", "noHalfYear", ["number": String(h)]))
            }
            if let error = outside(y, original: original, issued: issued) { return error }
            return .success(DueDate(date: CivilDate.lastDay(ofMonth: h * 6, year: y), granularity: .halfYear))
        }
        s.reset(to: 0)
        if s.skip("6 tháng đầu năm ") || s.skip("6 tháng cuối năm ") {
            let first = s.scalarsText.contains("đầu")
            guard let y = year(&s), s.isAtEnd else { return nil }
            if let error = outside(y, original: original, issued: issued) { return error }
            return .success(
                DueDate(date: CivilDate.lastDay(ofMonth: first ? 6 : 12, year: y), granularity: .halfYear))
        }
        s.reset(to: 0)
        _ = s.skip("năm ")
        if s.digitRunLength == 4, let y = year(&s), s.isAtEnd {
            if let error = outside(y, original: original, issued: issued) { return error }
            return .success(DueDate(date: CivilDate.lastDay(ofMonth: 12, year: y), granularity: .year))
        }
        s.reset(to: 0)
        _ = s.skip("tháng ")
        if let m = s.integer(maxDigits: 2), s.skip("/") || s.skip("-") || s.skip(" năm "), s.digitRunLength == 4,
            let y = year(&s), s.isAtEnd
        {
            guard (1...12).contains(m) else {
                return .failure(
                    DueDateError(
                        "'\(s.scalarsText)': there is no month \(m); use 1 to 12", "noMonthUse",
                        ["text": s.scalarsText, "month": String(m)]))
            }
            if let error = outside(y, original: original, issued: issued) { return error }
            return .success(DueDate(date: CivilDate.lastDay(ofMonth: m, year: y), granularity: .month))
        }
        return nil
    }

    private static func quarterNumber(_ s: inout TextScanner) -> Int? {
        if let n = s.integer(maxDigits: 1) { return n }
        for (roman, n) in [("iv", 4), ("iii", 3), ("ii", 2), ("i", 1)] where s.skip(roman) { return n }
        return nil
    }

    private static func year(_ s: inout TextScanner) -> Int? {
        guard s.digitRunLength == 4 else { return nil }
        return s.integer(maxDigits: 4)
    }

    // MARK: Day forms, with an optional time before or after

    private static func dayForm(
        _ s: inout TextScanner, original: String, issued: CivilDate?
    )
        -> Result<DueDate, DueDateError>
    {
        var time: TimeOfDay?
        let start = s.position
        if let t = clock(&s), s.skip(" ") || s.skip(", ") {
            time = t
            _ = s.skip("ngày ")
        } else {
            s.reset(to: start)
            _ = s.skip("ngày ")
        }
        guard let d = s.integer(maxDigits: 2) else {
            return .failure(
                DueDateError(
                    "'\(original)' is not a date I can read; \(formsHint)", "unreadable", ["text": original],
                    parts: ["forms": forms]))
        }
        var m: Int?
        var y: Int?
        if s.skip("/") || s.skip("-") || s.skip(".") {
            m = s.integer(maxDigits: 2)
            if m != nil, s.skip("/") || s.skip("-") || s.skip(".") {
                guard let yy = year(&s) else {
                    return .failure(
                        SupportedYears.fourDigits(original, digits: s.digits, reference: issued?.year, example: true))
                }
                y = yy
            }
        } else if s.skip(" tháng ") {
            m = s.integer(maxDigits: 2)
            if m != nil, s.skip(" năm ") {
                let digits = s.digits
                y = year(&s)
                if y == nil {
                    return .failure(
                        SupportedYears.fourDigits(original, digits: digits, reference: issued?.year, example: false))
                }
            }
        }
        guard let month = m else {
            return .failure(
                DueDateError(
                    "'\(original)' is not a date I can read; \(formsHint)", "unreadable", ["text": original],
                    parts: ["forms": forms]))
        }
        if time == nil, s.skip(" lúc ") || s.skip(", ") || s.skip(" ") {
            guard let t = clock(&s) else {
                return .failure(
                    DueDateError(
                        "unexpected '\(s.remainder)' after the date; \(formsHint)", "unexpectedAfterForms",
                        ["rest": s.remainder],
                        parts: ["forms": forms]))
            }
            time = t
        }
        guard s.isAtEnd else {
            return .failure(
                DueDateError(
                    "unexpected '\(s.remainder)' after the date; \(formsHint)", "unexpectedAfterForms",
                    ["rest": s.remainder],
                    parts: ["forms": forms]))
        }
        if let y {
            if let error = outside(y, original: original, issued: issued) { return error }
            guard let date = CivilDate(year: y, month: month, day: d) else {
                return .failure(impossible(day: d, month: month, year: y, written: original))
            }
            return .success(DueDate(date: date, time: time))
        }
        guard (1...12).contains(month), d >= 1, d <= (month == 2 ? 29 : CivilDate.daysIn(month: month, year: 2001))
        else {
            return .failure(impossible(day: d, month: month, year: nil, written: original))
        }
        guard let issued else {
            return .failure(
                DueDateError(
                    "'\(original)' has no year and its document has no issued date: write the year "
                        + "(\(d)/\(month)/YYYY) or set 'issued' on the document", "noYear",
                    ["text": original, "day": String(d), "month": String(month)]))
        }
        return .success(
            DueDate(date: firstOnOrAfter(day: d, month: month, from: issued), time: time, yearInferred: true))
    }

    /// The first `day/month` on or after `from` (29/2 waits for the next leap year).
    package static func firstOnOrAfter(day: Int, month: Int, from: CivilDate) -> CivilDate {
        var y = from.year
        for _ in 0..<9 {
            if let d = CivilDate(year: y, month: month, day: day), d >= from { return d }
            y += 1
        }
        return CivilDate.clamped(year: y, month: month, day: day)
    }

    /// `15:00`, `15h`, `15h30`, `15 giờ`, `15 giờ 30`.
    static func clock(_ s: inout TextScanner) -> TimeOfDay? {
        let start = s.position
        guard let h = s.integer(maxDigits: 2) else { return nil }
        var minute = 0
        if s.skip(":") || s.skip("h") {
            if let mm = s.integer(maxDigits: 2) { minute = mm }
        } else if s.skip(" giờ") {
            let afterHour = s.position
            if s.skip(" "), let mm = s.integer(maxDigits: 2) {
                minute = mm
                _ = s.skip(" phút")
            } else {
                s.reset(to: afterHour)
            }
        } else {
            s.reset(to: start)
            return nil
        }
        guard let t = TimeOfDay(hour: h, minute: minute) else {
            s.reset(to: start)
            return nil
        }
        return t
    }

    private static func impossible(day: Int, month: Int, year: Int?, written: String) -> DueDateError {
        guard (1...12).contains(month) else {
            return DueDateError(
                "'\(written)' is not a date: there is no month \(month)", "noMonth",
                ["text": written, "month": String(month)])
        }
        let length =
            year.map { CivilDate.daysIn(month: month, year: $0) }
            ?? (month == 2 ? 29 : CivilDate.daysIn(month: month, year: 2001))
        guard let year else {
            return DueDateError(
                "'\(written)' is not a date: month \(month) has \(length) days", "monthLength",
                ["text": written, "month": String(month), "days": String(length)])
        }
        return DueDateError(
            "'\(written)' is not a date: month \(month) of \(year) has \(length) days", "monthOfYearLength",
            ["text": written, "month": String(month), "year": String(year), "days": String(length)])
    }
}

extension TextScanner {
    /// The whole text being scanned.
    var scalarsText: String { String(String.UnicodeScalarView(scalars)) }

    /// The ASCII digits from the current position on (not consumed), at most 9.
    var digits: String {
        var out = String.UnicodeScalarView()
        var p = position
        while p < scalars.count, scalars[p].asciiDigit != nil, out.count < 9 {
            out.append(scalars[p])
            p += 1
        }
        return String(out)
    }
}

extension String {
    /// Every occurrence of `target` replaced (a stdlib-only stand-in for Foundation's method).
    package func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var result = ""
        var rest = self[...]
        while let r = rest.firstRange(of: target) {
            result += rest[..<r.lowerBound]
            result += replacement
            rest = rest[r.upperBound...]
        }
        result += rest
        return result
    }
}

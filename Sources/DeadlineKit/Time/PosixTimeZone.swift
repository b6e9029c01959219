/// A POSIX `TZ` rule string such as `<+07>-7` or `CET-1CEST,M3.5.0,M10.5.0/3`, used by TZif files
/// for instants after their last transition.
struct PosixTimeZone: Sendable, Hashable {
    /// Standard offset from UTC in seconds (east positive, unlike the POSIX text).
    var standardOffset: Int
    var daylight: Daylight?

    struct Daylight: Sendable, Hashable {
        var offset: Int
        var start: Rule
        var end: Rule
    }

    /// When a daylight-saving period starts or ends, as local time in the offset then in force.
    struct Rule: Sendable, Hashable {
        enum Day: Sendable, Hashable {
            case julianNoLeap(Int)  // Jn, 1...365, Feb 29 never counted
            case zeroBased(Int)  // n, 0...365
            case monthWeekDay(month: Int, week: Int, weekday: Int)  // Mm.w.d, d: 0 = Sunday
        }
        var day: Day
        var seconds: Int  // local time of the change, may be negative or above 24h

        func date(in year: Int) -> CivilDate {
            switch day {
            case .julianNoLeap(let n):
                var d = CivilDate(year: year, month: 1, day: 1)!.adding(days: n - 1)
                if CivilDate.isLeap(year: year), n >= 60 { d = d.adding(days: 1) }
                return d
            case .zeroBased(let n):
                return CivilDate(year: year, month: 1, day: 1)!.adding(days: n)
            case .monthWeekDay(let month, let week, let weekday):
                let first = CivilDate(year: year, month: month, day: 1)!
                let firstWeekday = first.weekday.rawValue % 7  // 0 = Sunday
                var day = 1 + (weekday - firstWeekday + 7) % 7 + (week - 1) * 7
                let length = CivilDate.daysIn(month: month, year: year)
                while day > length { day -= 7 }
                return CivilDate(year: year, month: month, day: day)!
            }
        }
    }

    init?(_ text: String) {
        var s = TextScanner(text)
        guard PosixTimeZone.name(&s), let std = PosixTimeZone.offset(&s) else { return nil }
        standardOffset = -std
        if s.isAtEnd { return }
        guard PosixTimeZone.name(&s) else { return nil }
        var dst = standardOffset + 3600
        if let c = s.current, c != "," {
            guard let o = PosixTimeZone.offset(&s) else { return nil }
            dst = -o
        }
        guard s.skip(","), let start = PosixTimeZone.rule(&s), s.skip(","), let end = PosixTimeZone.rule(&s),
            s.isAtEnd
        else { return nil }
        daylight = Daylight(offset: dst, start: start, end: end)
    }

    func offset(atUTC t: Int64) -> Int {
        guard let daylight else { return standardOffset }
        let year = LocalDateTime(localSeconds: t + Int64(standardOffset)).date.year
        for y in [year - 1, year, year + 1] {
            let start = instant(of: daylight.start, year: y, offsetBefore: standardOffset)
            let end = instant(of: daylight.end, year: y, offsetBefore: daylight.offset)
            if start < end {
                if t >= start && t < end { return daylight.offset }
            } else if y == year, t >= start || t < end {  // southern hemisphere: DST spans the new year
                return daylight.offset
            }
        }
        return standardOffset
    }

    private func instant(of rule: Rule, year: Int, offsetBefore: Int) -> Int64 {
        Int64(rule.date(in: year).daysSinceEpoch) * 86_400 + Int64(rule.seconds) - Int64(offsetBefore)
    }

    private static func name(_ s: inout TextScanner) -> Bool {
        if s.skip("<") {
            while let c = s.current, c != ">" { s.advance() }
            return s.skip(">")
        }
        let start = s.position
        while let c = s.current, c.isASCIILetter { s.advance() }
        return s.position - start >= 3
    }

    /// `[+-]hh[:mm[:ss]]` in seconds, with the POSIX sign (west positive).
    private static func offset(_ s: inout TextScanner) -> Int? {
        var sign = 1
        if s.skip("-") { sign = -1 } else { _ = s.skip("+") }
        guard let h = s.integer(maxDigits: 3) else { return nil }
        var total = h * 3600
        if s.skip(":") {
            guard let m = s.integer(maxDigits: 2) else { return nil }
            total += m * 60
            if s.skip(":") {
                guard let sec = s.integer(maxDigits: 2) else { return nil }
                total += sec
            }
        }
        return sign * total
    }

    private static func rule(_ s: inout TextScanner) -> Rule? {
        let day: Rule.Day
        if s.skip("J") {
            guard let n = s.integer(maxDigits: 3), (1...365).contains(n) else { return nil }
            day = .julianNoLeap(n)
        } else if s.skip("M") {
            guard let m = s.integer(maxDigits: 2), s.skip("."), let w = s.integer(maxDigits: 1), s.skip("."),
                let d = s.integer(maxDigits: 1), (1...12).contains(m), (1...5).contains(w), (0...6).contains(d)
            else { return nil }
            day = .monthWeekDay(month: m, week: w, weekday: d)
        } else {
            guard let n = s.integer(maxDigits: 3), (0...365).contains(n) else { return nil }
            day = .zeroBased(n)
        }
        var seconds = 7200
        if s.skip("/") {
            guard let o = offset(&s) else { return nil }
            seconds = o
        }
        return Rule(day: day, seconds: seconds)
    }
}

import DeadlineKit

/// The rules for TOML's RFC 3339 dates and times, applied to the bytes starting at one position:
/// `1979-05-27`, `07:32:00.5`, `1979-05-27T07:32:00`, `1979-05-27 07:32:00+07:00`.
struct TOMLDateTimeLiteral {
    enum Result {
        case valid(TOMLDateTime)
        case invalid(Phrase)
    }

    private let bytes: [UInt8]
    private let start: Int
    private var index: Int

    /// Reads the literal at `start`. Returns the result and the index just past the literal (for an invalid one,
    /// past the whole token, so that reading can go on after it).
    static func parse(_ bytes: [UInt8], at start: Int, isTime: Bool) -> (result: Result, end: Int) {
        var literal = TOMLDateTimeLiteral(bytes: bytes, start: start, index: start)
        let result = literal.read(isTime: isTime)
        if case .invalid = result {
            while !TOMLByte.endsValue(literal.peek()) {
                literal.index += 1
            }
        }
        return (result, literal.index)
    }

    private func peek(_ offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func eat(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        index += 1
        return true
    }

    /// Exactly `count` digits.
    private mutating func number(_ count: Int) -> Int? {
        var value = 0
        for offset in 0..<count {
            guard let byte = peek(offset), TOMLByte.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        index += count
        return value
    }

    private var written: String {
        var end = index
        while end < bytes.count, !TOMLByte.endsValue(bytes[end]) {
            end += 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private mutating func read(isTime: Bool) -> Result {
        var date: CivilDate?
        var kind = TOMLValueKind.time
        let dateForm = Phrase.toml("write a date as YYYY-MM-DD, as in 2024-12-10", "dateForm")
        if !isTime {
            kind = .date
            guard let year = number(4), eat(TOMLByte.minus), let month = number(2), eat(TOMLByte.minus),
                let day = number(2)
            else {
                return .invalid(.invalidValue(.date, written, dateForm))
            }
            guard let valid = CivilDate(year: year, month: month, day: day) else {
                return .invalid(.invalidValue(.date, written, Self.whyInvalid(year: year, month: month, day: day)))
            }
            date = valid
            if let separator = peek(), separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") {
                index += 1
            } else if peek() == TOMLByte.space, let hour = peek(1), TOMLByte.isDigit(hour),
                let hour2 = peek(2), TOMLByte.isDigit(hour2), peek(3) == TOMLByte.colon
            {
                index += 1
            } else if TOMLByte.endsValue(peek()) {
                return TOMLDateTime(date: valid, time: nil).map(Result.valid)
                    ?? .invalid(.toml("invalid date", "invalidDate"))
            } else {
                return .invalid(.invalidValue(.date, written, dateForm))
            }
            kind = .dateTime
        }
        let format: Phrase =
            kind == .time
            ? .toml("put it in quotes, as in \"08:30\" (a bare TOML time needs seconds: 08:30:00)", "timeForm")
            : .toml(
                "write a date-time as YYYY-MM-DDTHH:MM:SS, as in 2024-12-10T08:30:00, "
                    + "optionally followed by Z or an offset such as +07:00",
                "dateTimeForm")
        guard let hour = number(2), eat(TOMLByte.colon), let minute = number(2), eat(TOMLByte.colon),
            let second = number(2)
        else { return .invalid(.invalidValue(kind, written, format)) }
        var nanosecond = 0
        if eat(TOMLByte.dot) {
            var digits = 0
            while let byte = peek(), TOMLByte.isDigit(byte) {
                // Precision beyond nanoseconds is truncated, as TOML asks.
                if digits < 9 {
                    nanosecond = nanosecond * 10 + Int(byte - 0x30)
                }
                digits += 1
                index += 1
            }
            if digits == 0 {
                let reason = Phrase.toml("a '.' in the seconds must be followed by digits", "fractionDigits")
                return .invalid(.invalidValue(kind, written, reason))
            }
            for _ in min(digits, 9)..<9 {
                nanosecond *= 10
            }
        }
        guard let time = TOMLDateTime.Time(hour: hour, minute: minute, second: second, nanosecond: nanosecond) else {
            let field: Phrase =
                hour > 23
                ? .toml("the hour must be 00 to 23", "hourRange")
                : minute > 59
                    ? .toml("the minute must be 00 to 59", "minuteRange")
                    : .toml("the second must be 00 to 59 (60 only for a leap second)", "secondRange")
            return .invalid(.invalidValue(kind, written, field))
        }
        var offset: Int?
        if date != nil, let mark = peek() {
            if mark == UInt8(ascii: "Z") || mark == UInt8(ascii: "z") {
                index += 1
                offset = 0
            } else if mark == TOMLByte.plus || mark == TOMLByte.minus {
                index += 1
                guard let hours = number(2), eat(TOMLByte.colon), let minutes = number(2) else {
                    let reason = Phrase.toml("write the offset as +HH:MM or -HH:MM, as in +07:00", "offsetForm")
                    return .invalid(.invalidValue(kind, written, reason))
                }
                guard hours <= 23, minutes <= 59 else {
                    let reason = Phrase.toml("the offset must be between -23:59 and +23:59", "offsetRange")
                    return .invalid(.invalidValue(kind, written, reason))
                }
                offset = (mark == TOMLByte.minus ? -1 : 1) * (hours * 60 + minutes)
            }
        }
        guard TOMLByte.endsValue(peek()), let value = TOMLDateTime(date: date, time: time, offsetMinutes: offset) else {
            return .invalid(.invalidValue(kind, written, format))
        }
        return .valid(value)
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    private static func whyInvalid(year: Int, month: Int, day: Int) -> Phrase {
        if year < 1 {
            return .toml("the year must be 0001 to 9999", "yearRange")
        }
        guard (1...12).contains(month) else { return .toml("the month must be 01 to 12", "monthRange") }
        let days = CivilDate.daysIn(month: month, year: year)
        guard day >= 1 else { return .toml("the day must be 01 or more", "dayRange") }
        return .toml(
            "\(monthNames[month - 1]) \(year) has only \(days) days", "monthDays",
            ["year": String(year), "days": String(days)],
            parts: ["monthName": .toml(monthNames[month - 1], "month\(month)")])
    }
}

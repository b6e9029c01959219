import DeadlineConfig
import DeadlineKit
import Testing

@Suite("TOML dates and times")
struct TOMLDateTimeTests {
    @Test(arguments: [
        ("1979-05-27T07:32:00Z", "1979-05-27T07:32:00Z", "date-time", TOMLDateTime.Kind.offsetDateTime),
        ("1979-05-27t07:32:00z", "1979-05-27T07:32:00Z", "date-time", .offsetDateTime),
        ("1979-05-27 07:32:00+07:00", "1979-05-27T07:32:00+07:00", "date-time", .offsetDateTime),
        ("1979-05-27T00:32:00.999999-07:00", "1979-05-27T00:32:00.999999-07:00", "date-time", .offsetDateTime),
        ("1979-05-27T00:32:00+00:00", "1979-05-27T00:32:00Z", "date-time", .offsetDateTime),
        ("1979-05-27T07:32:00", "1979-05-27T07:32:00", "date-time", .localDateTime),
        ("1979-05-27 07:32:00.5", "1979-05-27T07:32:00.5", "date-time", .localDateTime),
        ("1979-05-27", "1979-05-27", "date", .localDate),
        ("2024-02-29", "2024-02-29", "date", .localDate),
        ("2000-02-29", "2000-02-29", "date", .localDate),
        ("0001-01-01", "0001-01-01", "date", .localDate),
        ("9999-12-31", "9999-12-31", "date", .localDate),
        ("07:32:00", "07:32:00", "time", .localTime),
        ("00:32:00.999999", "00:32:00.999999", "time", .localTime),
        ("23:59:60", "23:59:60", "time", .localTime),
        ("12:00:00.1234567891234", "12:00:00.123456789", "time", .localTime),
    ])
    func parses(_ literal: String, _ description: String, _ typeName: String, _ kind: TOMLDateTime.Kind) throws {
        let document = tomlParseValid("v = \(literal)")
        let value = try #require(document.root["v"]?.value)
        #expect(value.dateTimeValue?.description == description)
        #expect(value.dateTimeValue?.kind == kind)
        #expect(value.typeName == typeName)
    }

    @Test func fieldsOfAnOffsetDateTime() throws {
        let document = tomlParseValid("due = 2020-12-10 08:30:15.25+07:00")
        let due = try #require(document.root["due"]?.value.dateTimeValue)
        #expect(due.date == CivilDate(year: 2020, month: 12, day: 10))
        #expect(due.hour == 8)
        #expect(due.minute == 30)
        #expect(due.second == 15)
        #expect(due.nanosecond == 250_000_000)
        #expect(due.offsetMinutes == 420)
        #expect(tomlDescribe(document.root["due"]?.range) == "1:7-1:35")
    }

    @Test func aDateFollowedByACommentIsNotADateTime() throws {
        let document = tomlParseValid("d = 2020-12-10 # mùa đông\ne = [2020-12-10 , 08:00:00]")
        #expect(document.root["d"]?.value.dateTimeValue?.kind == .localDate)
        #expect(tomlRender(document.root["e"]!.value) == "[2020-12-10,08:00:00]")
    }

    @Test(arguments: [
        ("2024-02-30", "invalid date '2024-02-30': February 2024 has only 29 days"),
        ("2023-02-29", "invalid date '2023-02-29': February 2023 has only 28 days"),
        ("2100-02-29", "invalid date '2100-02-29': February 2100 has only 28 days"),
        ("2024-04-31", "invalid date '2024-04-31': April 2024 has only 30 days"),
        ("2024-13-01", "invalid date '2024-13-01': the month must be 01 to 12"),
        ("2024-00-10", "invalid date '2024-00-10': the month must be 01 to 12"),
        ("2024-01-00", "invalid date '2024-01-00': the day must be 01 or more"),
        ("0000-01-01", "invalid date '0000-01-01': the year must be 0001 to 9999"),
        ("2024-1-10", "invalid date '2024-1-10': write a date as YYYY-MM-DD, as in 2024-12-10"),
        ("10-12-2020", "invalid date '10-12-2020': write a date as YYYY-MM-DD, as in 2024-12-10"),
        ("10000-01-01", "invalid date '10000-01-01': write a date as YYYY-MM-DD, as in 2024-12-10"),
        ("2024-01-10x", "invalid date '2024-01-10x': write a date as YYYY-MM-DD, as in 2024-12-10"),
        ("2024-02-30T08:00:00", "invalid date '2024-02-30T08:00:00': February 2024 has only 29 days"),
        ("2024-01-10T24:00:00", "invalid date-time '2024-01-10T24:00:00': the hour must be 00 to 23"),
        ("2024-01-10T08:60:00", "invalid date-time '2024-01-10T08:60:00': the minute must be 00 to 59"),
        (
            "2024-01-10T08:00:61",
            "invalid date-time '2024-01-10T08:00:61': the second must be 00 to 59 (60 only for a leap second)"
        ),
        (
            "2024-01-10T08:00",
            "invalid date-time '2024-01-10T08:00': write a date-time as YYYY-MM-DDTHH:MM:SS, as in "
                + "2024-12-10T08:30:00, optionally followed by Z or an offset such as +07:00"
        ),
        (
            "2024-01-10T08:00:00+7",
            "invalid date-time '2024-01-10T08:00:00+7': write the offset as +HH:MM or -HH:MM, as in +07:00"
        ),
        (
            "2024-01-10T08:00:00+24:00",
            "invalid date-time '2024-01-10T08:00:00+24:00': the offset must be between -23:59 and +23:59"
        ),
        (
            "2024-01-10T08:00:00.",
            "invalid date-time '2024-01-10T08:00:00.': a '.' in the seconds must be followed by digits"
        ),
        (
            "8:30:00",
            "invalid time '8:30:00': put it in quotes, as in \"08:30\" (a bare TOML time needs seconds: 08:30:00)"
        ),
        ("08:30", "invalid time '08:30': put it in quotes, as in \"08:30\" (a bare TOML time needs seconds: 08:30:00)"),
        (
            "08:30:00Z",
            "invalid time '08:30:00Z': put it in quotes, as in \"08:30\" (a bare TOML time needs seconds: 08:30:00)"
        ),
        ("25:00:00", "invalid time '25:00:00': the hour must be 00 to 23"),
    ])
    func rejects(_ literal: String, _ message: String) {
        #expect(tomlErrors("due = \(literal)") == ["1:7: \(message)"])
    }

    @Test func anInvalidDateIsLeftOutButTheFileIsStillRead() {
        let (document, diagnostics) = TOMLReader.parse("a = 2024-02-30\nb = 2024-02-29", file: "x.toml")
        #expect(diagnostics.map(\.message) == ["invalid date '2024-02-30': February 2024 has only 29 days"])
        #expect(document.root.keys == ["b"])
    }

    @Test func constructionRejectsImpossibleCombinations() {
        let date = CivilDate(year: 2024, month: 1, day: 1)
        let time = TOMLDateTime.Time(hour: 8, minute: 0, second: 0)
        #expect(TOMLDateTime(date: nil, time: nil) == nil)
        #expect(TOMLDateTime(date: date, time: nil, offsetMinutes: 0) == nil)
        #expect(TOMLDateTime(date: nil, time: time, offsetMinutes: 0) == nil)
        #expect(TOMLDateTime(date: date, time: time, offsetMinutes: 24 * 60) == nil)
        #expect(TOMLDateTime(date: date, time: time, offsetMinutes: -90)?.description == "2024-01-01T08:00:00-01:30")
        #expect(TOMLDateTime.Time(hour: 24, minute: 0, second: 0) == nil)
        #expect(TOMLDateTime.Time(hour: 0, minute: 0, second: 0, nanosecond: 1_000_000_000) == nil)
        #expect(
            TOMLDateTime.Time(hour: 0, minute: 0, second: 0, nanosecond: 1).map {
                TOMLDateTime(date: nil, time: $0)?.description
            } == "00:00:00.000000001"
        )
    }
}

import DeadlineKit
import Testing

private func date(_ d: Int, _ m: Int, _ y: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }
private let issued = date(19, 11, 2020)

@Suite("Due dates as Vietnamese offices write them")
struct DueDateParserTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let date: CivilDate
        let time: TimeOfDay?
        let granularity: DueDate.Granularity
        var testDescription: String { text }
    }

    static let cases: [Case] = [
        Case(text: "10/12/2020", date: date(10, 12, 2020), time: nil, granularity: .day),
        Case(text: "10-12-2020", date: date(10, 12, 2020), time: nil, granularity: .day),
        Case(text: "10.12.2020", date: date(10, 12, 2020), time: nil, granularity: .day),
        Case(text: "5/1/2021", date: date(5, 1, 2021), time: nil, granularity: .day),
        Case(text: "ngày 10/12/2020", date: date(10, 12, 2020), time: nil, granularity: .day),
        Case(text: "ngày 31 tháng 12 năm 2024", date: date(31, 12, 2024), time: nil, granularity: .day),
        Case(text: "2020-12-10", date: date(10, 12, 2020), time: nil, granularity: .day),
        Case(
            text: "2020-12-10T15:00", date: date(10, 12, 2020), time: TimeOfDay(hour: 15, minute: 0), granularity: .day),
        Case(
            text: "2020-12-10 15:30:00", date: date(10, 12, 2020), time: TimeOfDay(hour: 15, minute: 30),
            granularity: .day),
        Case(
            text: "15:00 10/12/2020", date: date(10, 12, 2020), time: TimeOfDay(hour: 15, minute: 0), granularity: .day),
        Case(
            text: "10/12/2020 15:00", date: date(10, 12, 2020), time: TimeOfDay(hour: 15, minute: 0), granularity: .day),
        Case(
            text: "15 giờ ngày 10/12/2020", date: date(10, 12, 2020), time: TimeOfDay(hour: 15, minute: 0),
            granularity: .day),
        Case(
            text: "15h30 10/12/2020", date: date(10, 12, 2020), time: TimeOfDay(hour: 15, minute: 30), granularity: .day
        ),
        Case(text: "12/2020", date: date(31, 12, 2020), time: nil, granularity: .month),
        Case(text: "tháng 12/2020", date: date(31, 12, 2020), time: nil, granularity: .month),
        Case(text: "2/2024", date: date(29, 2, 2024), time: nil, granularity: .month),
        Case(text: "2/2023", date: date(28, 2, 2023), time: nil, granularity: .month),
        Case(text: "Q1/2024", date: date(31, 3, 2024), time: nil, granularity: .quarter),
        Case(text: "quý I/2024", date: date(31, 3, 2024), time: nil, granularity: .quarter),
        Case(text: "quý II/2024", date: date(30, 6, 2024), time: nil, granularity: .quarter),
        Case(text: "quí 3-2024", date: date(30, 9, 2024), time: nil, granularity: .quarter),
        Case(text: "Quý IV/2024", date: date(31, 12, 2024), time: nil, granularity: .quarter),
        Case(text: "H1/2024", date: date(30, 6, 2024), time: nil, granularity: .halfYear),
        Case(text: "6 tháng đầu năm 2024", date: date(30, 6, 2024), time: nil, granularity: .halfYear),
        Case(text: "6 tháng cuối năm 2024", date: date(31, 12, 2024), time: nil, granularity: .halfYear),
        Case(text: "2024", date: date(31, 12, 2024), time: nil, granularity: .year),
        Case(text: "năm 2024", date: date(31, 12, 2024), time: nil, granularity: .year),
        Case(text: "29/2/2024", date: date(29, 2, 2024), time: nil, granularity: .day),
    ]

    @Test(arguments: cases)
    func parsesForm(_ c: Case) throws {
        let due = try DueDateParser.parse(c.text, issued: issued).get()
        #expect(due.date == c.date)
        #expect(due.time == c.time)
        #expect(due.granularity == c.granularity)
        #expect(due.yearInferred == false)
    }

    @Test("a date without a year is the first such day on or after the document's date")
    func infersYear() throws {
        #expect(try DueDateParser.parse("10/12", issued: issued).get().date == date(10, 12, 2020))
        #expect(try DueDateParser.parse("30/1", issued: issued).get().date == date(30, 1, 2021))
        #expect(try DueDateParser.parse("19/11", issued: issued).get().date == date(19, 11, 2020))
        #expect(try DueDateParser.parse("18/11", issued: issued).get().date == date(18, 11, 2021))
        #expect(try DueDateParser.parse("ngày 5 tháng 1", issued: issued).get().date == date(5, 1, 2021))
        #expect(try DueDateParser.parse("30/1", issued: issued).get().yearInferred)
        // Across New Year: a document of 28/12 with a deadline of 5/1.
        #expect(try DueDateParser.parse("5/1", issued: date(28, 12, 2023)).get().date == date(5, 1, 2024))
        // 29/2 waits for the next leap year.
        #expect(try DueDateParser.parse("29/2", issued: date(1, 3, 2023)).get().date == date(29, 2, 2024))
        #expect(try DueDateParser.parse("15:00 10/12", issued: issued).get().time == TimeOfDay(hour: 15, minute: 0))
    }

    @Test("impossible and unreadable dates give errors an admin can act on")
    func errors() {
        func message(_ text: String, issued: CivilDate? = nil) -> String? {
            if case .failure(let e) = DueDateParser.parse(text, issued: issued) { return e.description }
            return nil
        }
        #expect(message("31/2/2024") == "'31/2/2024' is not a date: month 2 of 2024 has 29 days")
        #expect(message("29/2/2023") == "'29/2/2023' is not a date: month 2 of 2023 has 28 days")
        #expect(message("31/4/2024") == "'31/4/2024' is not a date: month 4 of 2024 has 30 days")
        #expect(message("10/13/2020") == "'10/13/2020' is not a date: there is no month 13")
        #expect(message("13/2020") == "'13/2020': there is no month 13; use 1 to 12")
        #expect(message("Q5/2024") == "there is no quarter 5; use 1 to 4")
        #expect(message("2024-02-30") == "'2024-02-30' is not a date: month 2 of 2024 has 29 days")
        #expect(message("10/12")?.hasPrefix("'10/12' has no year and its document has no issued date") == true)
        #expect(message("10/12/20")?.contains("four digits") == true)
        #expect(message("next friday")?.contains("write it as 10/12/2020") == true)
        #expect(message("")?.contains("empty") == true)
        #expect(message("10/12/2020 abc")?.contains("unexpected") == true)
    }
}

@Suite("Times, moments and durations")
struct MomentTests {
    @Test func timesOfDay() {
        #expect(TimeOfDay(parsing: "08:00") == TimeOfDay(hour: 8, minute: 0))
        #expect(TimeOfDay(parsing: "8:05") == TimeOfDay(hour: 8, minute: 5))
        #expect(TimeOfDay(parsing: "15h") == TimeOfDay(hour: 15, minute: 0))
        #expect(TimeOfDay(parsing: "15 giờ 30") == TimeOfDay(hour: 15, minute: 30))
        #expect(TimeOfDay(parsing: "24:00") == nil)
        #expect(TimeOfDay(parsing: "8:60") == nil)
        #expect(TimeOfDay(parsing: "noon") == nil)
    }

    @Test func moments() throws {
        let zone = ZoneRules.vietnam
        let midnight = try MomentParser.parse("20/11/2020", zone: zone).get()
        #expect(zone.iso8601(midnight) == "2020-11-20T00:00:00+07:00")
        #expect(
            zone.iso8601(try MomentParser.parse("20/11/2020 08:30", zone: zone).get()) == "2020-11-20T08:30:00+07:00")
        #expect(
            zone.iso8601(try MomentParser.parse("2020-11-20T08:00", zone: zone).get()) == "2020-11-20T08:00:00+07:00")
        #expect(
            zone.iso8601(try MomentParser.parse("2020-11-20T01:00:00Z", zone: zone).get())
                == "2020-11-20T08:00:00+07:00")
        #expect(
            zone.iso8601(try MomentParser.parse("2020-11-20T08:00:00+07:00", zone: zone).get())
                == "2020-11-20T08:00:00+07:00")
        // Offsets west of UTC and with minutes, seconds, and instants before 1970, as ISO 8601 writes them.
        let newfoundland = ZoneRules.fixed(offsetSeconds: -(3 * 3600 + 30 * 60), identifier: "America/St_Johns")
        #expect(newfoundland.iso8601(Instant(secondsSinceEpoch: 0)) == "1969-12-31T20:30:00-03:30")
        #expect(ZoneRules.vietnam.iso8601(Instant(secondsSinceEpoch: -1)) == "1970-01-01T06:59:59+07:00")
        #expect(
            ZoneRules.fixed(offsetSeconds: 0, identifier: "UTC").iso8601(Instant(secondsSinceEpoch: 1_606_467_723))
                == "2020-11-27T09:02:03+00:00")
        #expect((try? MomentParser.parse("12/2020", zone: zone).get()) == nil)
    }

    @Test func durations() {
        #expect(DurationParser.seconds("24h") == 86_400)
        #expect(DurationParser.seconds("90s") == 90)
        #expect(DurationParser.seconds("1h30m") == 5_400)
        #expect(DurationParser.seconds("1d 12h") == 129_600)
        #expect(DurationParser.seconds("10min") == 600)
        #expect(DurationParser.seconds("soon") == nil)
        #expect(DurationParser.seconds("") == nil)
        #expect(DurationParser.format(seconds: 129_600) == "1d 12h")
    }

    @Test func offsets() {
        #expect(ReminderOffset(parsing: "7d") == .days(7))
        #expect(ReminderOffset(parsing: "3wd") == .workingDays(3))
        #expect(ReminderOffset(parsing: "2h") == .hours(2))
        #expect(ReminderOffset(parsing: "30m") == .minutes(30))
        #expect(ReminderOffset(parsing: "2w") == .weeks(2))
        #expect(ReminderOffset(parsing: "3 ngày làm việc") == .workingDays(3))
        #expect(ReminderOffset(parsing: "7 ngày") == .days(7))
        #expect(ReminderOffset(parsing: "7") == nil)
        #expect(ReminderOffset(parsing: "7y") == nil)
    }
}

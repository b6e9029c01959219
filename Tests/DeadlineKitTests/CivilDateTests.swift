import DeadlineKit
import Testing

@Suite("Civil dates and time zones")
struct CivilDateTests {
    @Test func roundTripsEveryDayFor1900To2200() {
        var d = CivilDate(year: 1900, month: 1, day: 1)!
        let days0 = d.daysSinceEpoch
        for i in 0..<(300 * 366) {
            #expect(CivilDate(daysSinceEpoch: days0 + i) == d)
            let next =
                d.day < CivilDate.daysIn(month: d.month, year: d.year)
                ? CivilDate(year: d.year, month: d.month, day: d.day + 1)!
                : (d.month < 12
                    ? CivilDate(year: d.year, month: d.month + 1, day: 1)!
                    : CivilDate(year: d.year + 1, month: 1, day: 1)!)
            if d.year == 2200 { break }
            d = next
        }
    }

    @Test func weekdaysAndLeapYears() {
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.weekday == .thursday)
        #expect(CivilDate(year: 2020, month: 12, day: 10)!.weekday == .thursday)
        #expect(CivilDate(year: 2021, month: 1, day: 30)!.weekday == .saturday)
        #expect(CivilDate.isLeap(year: 2000) && CivilDate.isLeap(year: 2024))
        #expect(!CivilDate.isLeap(year: 1900) && !CivilDate.isLeap(year: 2100))
        #expect(CivilDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CivilDate(year: 2024, month: 1, day: 31)!.adding(months: 1) == CivilDate(year: 2024, month: 2, day: 29))
        #expect(CivilDate(year: 2020, month: 12, day: 10)!.vietnamese == "10/12/2020")
        #expect(CivilDate(year: 2021, month: 1, day: 5)!.iso == "2021-01-05")
    }

    @Test func vietnamZoneFromTheSystem() throws {
        let bytes = try readFile("/usr/share/zoneinfo/Asia/Ho_Chi_Minh")
        let zone = try ZoneRules(tzif: bytes, identifier: "Asia/Ho_Chi_Minh")
        let due = zone.instant(
            for: LocalDateTime(CivilDate(year: 2020, month: 12, day: 10)!, TimeOfDay(hour: 17, minute: 0)!))
        #expect(zone.iso8601(due) == "2020-12-10T17:00:00+07:00")
        #expect(due.secondsSinceEpoch == 1_607_594_400)
        // Saigon used UTC+8 from 1959 to 1975.
        let in1970 = zone.instant(for: LocalDateTime(CivilDate(year: 1970, month: 6, day: 1)!, .midnight))
        #expect(zone.offset(at: in1970) == 8 * 3600)
        // Far future: the POSIX footer applies.
        let in2150 = zone.instant(for: LocalDateTime(CivilDate(year: 2150, month: 6, day: 1)!, .midnight))
        #expect(zone.offset(at: in2150) == 7 * 3600)
    }

    @Test func daylightSavingZones() throws {
        let zone = try ZoneRules(tzif: try readFile("/usr/share/zoneinfo/Europe/Berlin"), identifier: "Europe/Berlin")
        let winter = zone.instant(
            for: LocalDateTime(CivilDate(year: 2040, month: 1, day: 15)!, TimeOfDay(hour: 12, minute: 0)!))
        let summer = zone.instant(
            for: LocalDateTime(CivilDate(year: 2040, month: 7, day: 15)!, TimeOfDay(hour: 12, minute: 0)!))
        #expect(zone.offset(at: winter) == 3600)
        #expect(zone.offset(at: summer) == 7200)
        // 02:30 on the spring-forward day does not exist: it moves forward by the gap.
        let gap = zone.instant(
            for: LocalDateTime(CivilDate(year: 2024, month: 3, day: 31)!, TimeOfDay(hour: 2, minute: 30)!))
        #expect(zone.iso8601(gap) == "2024-03-31T03:30:00+02:00")
        // 02:30 on the fall-back day happens twice: the first is chosen.
        let overlap = zone.instant(
            for: LocalDateTime(CivilDate(year: 2024, month: 10, day: 27)!, TimeOfDay(hour: 2, minute: 30)!))
        #expect(zone.iso8601(overlap) == "2024-10-27T02:30:00+02:00")
        let sydney = try ZoneRules(
            tzif: try readFile("/usr/share/zoneinfo/Australia/Sydney"), identifier: "Australia/Sydney")
        let january = sydney.instant(for: LocalDateTime(CivilDate(year: 2045, month: 1, day: 10)!, .midnight))
        #expect(sydney.offset(at: january) == 11 * 3600)
    }

    @Test func rejectsGarbage() {
        #expect(throws: TimeZoneDataError.self) { try ZoneRules(tzif: Array("not a zone".utf8), identifier: "x") }
        #expect(throws: TimeZoneDataError.self) { try ZoneRules(tzif: Array("TZif2".utf8), identifier: "x") }
    }
}

func readFile(_ path: String) throws -> [UInt8] {
    struct Missing: Error {}
    guard let f = fopen(path, "rb") else { throw Missing() }
    defer { fclose(f) }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let n = fread(&buffer, 1, buffer.count, f)
        if n <= 0 { break }
        out += buffer[0..<n]
    }
    return out
}

#if canImport(Glibc)
    import Glibc
#endif

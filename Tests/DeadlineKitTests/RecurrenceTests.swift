import DeadlineKit
import Testing

private func d(_ day: Int, _ m: Int, _ y: Int) -> CivilDate { CivilDate(year: y, month: m, day: day)! }
private let eight = TimeOfDay(hour: 8, minute: 0)!

@Suite("Recurrence")
struct RecurrenceTests {
    @Test("monthly on the 20th, bounded by start and end")
    func monthly() {
        let r = Recurrence(
            pattern: Recurrence.monthly(day: .day(20)), time: eight, start: d(1, 12, 2020), end: d(31, 3, 2021))
        #expect(
            r.dates(from: d(1, 1, 2020), through: d(31, 12, 2021)) == [
                d(20, 12, 2020), d(20, 1, 2021), d(20, 2, 2021), d(20, 3, 2021),
            ])
    }

    @Test("day 31 falls on the last day of shorter months")
    func shortMonths() {
        let r = Recurrence(pattern: Recurrence.monthly(day: .day(31)), time: eight)
        #expect(
            r.dates(from: d(1, 1, 2024), through: d(30, 4, 2024)) == [
                d(31, 1, 2024), d(29, 2, 2024), d(31, 3, 2024), d(30, 4, 2024),
            ])
        let last = Recurrence(pattern: Recurrence.monthly(day: .last), time: eight)
        #expect(last.dates(from: d(1, 2, 2023), through: d(31, 3, 2023)) == [d(28, 2, 2023), d(31, 3, 2023)])
    }

    @Test("quarterly in a given month of the quarter")
    func quarterly() {
        let lastMonth = Recurrence(pattern: Recurrence.quarterly(day: .day(20)), time: eight)
        #expect(
            lastMonth.dates(from: d(1, 1, 2024), through: d(31, 12, 2024)) == [
                d(20, 3, 2024), d(20, 6, 2024), d(20, 9, 2024), d(20, 12, 2024),
            ])
        let firstMonth = Recurrence(pattern: Recurrence.quarterly(month: 1, day: .day(15)), time: eight)
        #expect(
            firstMonth.dates(from: d(16, 1, 2024), through: d(31, 12, 2024)) == [
                d(15, 4, 2024), d(15, 7, 2024), d(15, 10, 2024),
            ])
    }

    @Test("half-yearly, yearly and weekly")
    func otherPatterns() {
        let half = Recurrence(pattern: Recurrence.halfYearly(day: .last), time: eight)
        #expect(
            half.dates(from: d(1, 1, 2024), through: d(31, 12, 2025)) == [
                d(30, 6, 2024), d(31, 12, 2024), d(30, 6, 2025), d(31, 12, 2025),
            ])
        let yearly = Recurrence(pattern: Recurrence.yearly(month: 12, day: 15), time: eight)
        #expect(yearly.dates(from: d(16, 12, 2023), through: d(31, 12, 2025)) == [d(15, 12, 2024), d(15, 12, 2025)])
        let leap = Recurrence(pattern: Recurrence.yearly(month: 2, day: 29), time: eight)
        #expect(leap.dates(from: d(1, 1, 2023), through: d(31, 12, 2024)) == [d(28, 2, 2023), d(29, 2, 2024)])
        let weekly = Recurrence(pattern: .weekly(.friday), time: eight)
        #expect(
            weekly.dates(from: d(1, 12, 2020), through: d(20, 12, 2020)) == [
                d(4, 12, 2020), d(11, 12, 2020), d(18, 12, 2020),
            ])
        #expect(weekly.firstDate(onOrAfter: d(4, 12, 2020)) == d(4, 12, 2020))
        #expect(weekly.lastDate(onOrBefore: d(10, 12, 2020)) == d(4, 12, 2020))
    }
}

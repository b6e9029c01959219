import DeadlineConfig
import DeadlineKit
import Testing

private func d(_ day: Int, _ month: Int, _ year: Int) -> CivilDate { CivilDate(year: year, month: month, day: day)! }

/// One deadline due on Sunday 20/12/2020, for the files below that need one.
private let sundayDeadline = """

    [[deadline]]
    id = "bao-cao"
    task = "Báo cáo"
    units = ["so-khdt"]
    due = "20/12/2020"

    """

@Suite("[calendar] and the working-calendar keys of [reminders]")
struct CalendarConfigTests {
    @Test("every mistake in [calendar] is reported at its line and column")
    func errors() throws {
        let (result, lines) = try load([
            "deadlined.toml": units + """
                [calendar]
                weekend = ["saturday", "sundy"]
                working_hours = "17:00-08:00"
                [[calendar.override]]
                date = "31/4/2025"
                off = true
                [[calendar.override]]
                date = "02/05/2025"
                off = true
                work = true
                [[calendar.override]]
                date = "26/04/2025"
                wrok = true
                [[calendar.year]]
                year = 2025
                tet_first_day = "20/01/2025"
                national_day_companion = "04/09/2025"
                """
        ])
        #expect(result.configuration == nil)
        #expect(lines == [
            "deadlined.toml:5:24: error: 'sundy' is not a weekday; did you mean 'sunday'? (write \"monday\" ... \"sunday\" or \"thứ hai\" ... \"chủ nhật\")",
            "deadlined.toml:6:17: error: '17:00-08:00' is not a span of office hours; write it as \"08:00-17:00\" (start before end; \"24:00\" for midnight at the end)",
            "deadlined.toml:8:8: error: '31/4/2025' is not a date: month 4 of 2025 has 30 days",
            "deadlined.toml:13:1: error: 02/05/2025 cannot be both a day off and a working day; keep either off = true or work = true",
            "deadlined.toml:14:1: error: [[calendar.override]] for 26/04/2025 says neither off = true nor work = true; add one of them",
            "deadlined.toml:16:1: error: unknown key 'wrok' in [[calendar.override]]; did you mean 'work'?",
            "deadlined.toml:19:17: error: 20/01/2025 cannot be the first Tết day of 2025: mùng 1 Tết is 29/01/2025, so the five Tết days start between 24/01/2025 and 29/01/2025",
            "deadlined.toml:20:26: error: the day beside Quốc khánh is 01/09/2025 or 03/09/2025, not 04/09/2025",
        ])
    }

    @Test("duplicates, empty statements, misplaced keys and overrides that change nothing")
    func moreErrors() throws {
        let (_, lines) = try load([
            "deadlined.toml": units + """
                [reminders]
                working_hours = "08:00-17:00"
                due_on_day_off = "later"

                [calendar]
                weekend = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

                [[calendar.override]]
                date = "02/09/2025"
                off = true

                [[calendar.override]]
                date = "06/05/2025"
                work = true

                [[calendar.override]]
                date = "02/09/2025"
                off = true

                [[calendar.override]]
                date = "07/05/2025"
                off = false

                [[calendar.year]]
                year = 2025

                [[calendar.year]]
                year = 2025
                """,
            "deadlines.d/lich.toml": """
                [calendar]
                weekend = ["sunday"]
                """,
        ])
        #expect(lines == [
            "deadlined.toml:5:1: error: unknown key 'working_hours' in [reminders]; 'working_hours' belongs in [calendar]",
            "deadlined.toml:6:18: error: 'later' is not a valid due_on_day_off (one of \"keep\", \"before\", \"after\")",
            "deadlined.toml:9:11: error: 'weekend' cannot hold all seven days: the office must work on some day",
            "deadlined.toml:12:8: warning: 02/09/2025 is already a day off (National Day); this override changes nothing",
            "deadlined.toml:16:8: warning: 06/05/2025 is already a working day; this override changes nothing",
            "deadlined.toml:20:8: error: 02/09/2025 is overridden twice (first at deadlined.toml:12:8); keep one [[calendar.override]]",
            "deadlined.toml:25:7: error: 'off = false' says nothing; write off = true to make 07/05/2025 a day off, or work = true to make it a working day",
            "deadlined.toml:31:8: error: the year 2025 has two [[calendar.year]] tables (first at deadlined.toml:28:8); merge them",
            "deadlines.d/lich.toml:1:2: error: [calendar] belongs in the main file, not in a drop-in; move it to deadlined.toml",
        ])
    }

    @Test("a valid [calendar] goes into the agenda, and a deadline may choose its own policies")
    func decoded() throws {
        let (result, lines) = try load([
            "deadlined.toml": units + """
                [reminders]
                off_hours = "send"

                [calendar]
                weekend = ["chủ nhật"]
                working_hours = "07:30-16:30"

                [[calendar.override]]
                date = "02/05/2025"
                off = true
                note = "Nghỉ hoán đổi"
                note_en = "Swapped"

                [[calendar.override]]
                date = 2025-04-27
                work = true

                [[calendar.year]]
                year = 2021
                tet_first_day = "11/02/2021"
                national_day_companion = "1/9"
                """ + sundayDeadline + """
                reminders = { due_on_day_off = "after", overdue_off_hours = "send" }
                """
        ])
        #expect(lines == [])
        let agenda = try #require(result.configuration?.agenda)
        let rules = agenda.settings.holidayRules
        #expect(rules.weeklyDaysOff == [.sunday])
        #expect(agenda.settings.workingHours.description == "07:30-16:30")
        #expect(rules.extraDaysOff == [AnnouncedDayOff(date: d(2, 5, 2025), nameVietnamese: "Nghỉ hoán đổi", nameEnglish: "Swapped")])
        #expect(rules.workingDays == [d(27, 4, 2025)])
        #expect(rules.tetPlacementByYear == [2021: .daysBeforeNewYear(1)])
        #expect(rules.nationalDayCompanionByYear == [2021: .september1])
        let deadline = try #require(agenda.deadline(id: "bao-cao"))
        #expect(deadline.rules.dueOnDayOff == .after)
        #expect(deadline.rules.offHours == .send)
        #expect(deadline.rules.overdueOffHours == .send)
        // Due Sunday 20/12/2020, moved to Monday 21/12 17:00.
        #expect(agenda.dueMoment(of: deadline, occurrence: d(20, 12, 2020)).description == "2020-12-21T17:00")
        #expect(agenda.calendar.isWorkingDay(d(19, 12, 2020)))  // Saturdays are worked in this office
    }

    @Test("the defaults: Saturday and Sunday, 08:00-17:00, keep, move, move")
    func defaults() throws {
        let (result, lines) = try load(["deadlined.toml": units + sundayDeadline])
        #expect(lines == [])
        let agenda = try #require(result.configuration?.agenda)
        #expect(agenda.settings.holidayRules == HolidayRules())
        #expect(agenda.settings.workingHours == .office)
        let rules = try #require(agenda.deadline(id: "bao-cao")?.rules)
        #expect((rules.dueOnDayOff, rules.offHours, rules.overdueOffHours) == (.keep, .move, .move))
    }
}

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
        #expect(
            lines == [
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
        #expect(
            lines == [
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
        #expect(
            rules.extraDaysOff == [
                AnnouncedDayOff(date: d(2, 5, 2025), nameVietnamese: "Nghỉ hoán đổi", nameEnglish: "Swapped")
            ])
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

    @Test("every mistake in [[calendar.holiday]] is reported at its line and column; law's days are warned about")
    func holidayErrors() throws {
        let (result, lines) = try load([
            "deadlined.toml": units + """
                [calendar]
                [[calendar.holiday]]
                date = "24/11"
                lunar = "10/3"
                from = 2026
                name = "A"
                [[calendar.holiday]]
                from = 2026
                name = "B"
                [[calendar.holiday]]
                date = "29/02"
                from = 2026
                name = "C"
                [[calendar.holiday]]
                lunar = "1/4+"
                from = 2026
                name = "D"
                [[calendar.holiday]]
                date = "24/11"
                from = 1800
                name = "E"
                [[calendar.holiday]]
                date = "25/11"
                from = 2030
                until = 2029
                name = "F"
                [[calendar.holiday]]
                date = "26/11"
                name = ""
                [[calendar.holiday]]
                date = "27/11"
                from = 2026
                name = "G"
                naem_en = "G"
                [[calendar.holiday]]
                date = "28/11"
                from = 2026
                name = "H"
                [[calendar.holiday]]
                date = "28/11"
                from = 2020
                until = 2026
                name = "H again"
                [[calendar.holiday]]
                date = "2/9"
                from = 2026
                name = "Quốc khánh"
                [[calendar.holiday]]
                lunar = "10/3"
                from = 2000
                until = 2010
                name = "Giỗ Tổ"
                [[calendar.holiday]]
                lunar = "2/1"
                from = 2010
                name = "Tết"
                compensated = "yes"
                """
        ])
        #expect(result.configuration == nil)
        #expect(
            lines == [
                "deadlined.toml:7:9: error: a [[calendar.holiday]] falls on a solar date or on a lunar one; keep either date or lunar",
                "deadlined.toml:10:1: error: [[calendar.holiday]] needs its day: date = \"24/11\" (solar) or lunar = \"10/3\" (âm lịch)",
                "deadlined.toml:14:8: error: 29/02 is not in every year; a yearly holiday needs a day that is",
                "deadlined.toml:18:9: error: '1/4+' is not a lunar day and month (a leap month is not in every year); write it as \"DD/MM\" with the day 1–30 and the month 1–12, like \"10/3\"",
                "deadlined.toml:23:8: error: 'from' must be between 1901 and 2199, found 1800",
                "deadlined.toml:28:9: error: 'until' must be between 2030 and 2199, found 2029",
                "deadlined.toml:30:1: error: missing required key 'from' in [[calendar.holiday]], e.g. from = 2026",
                "deadlined.toml:32:8: error: 'name' is empty",
                "deadlined.toml:37:1: error: unknown key 'naem_en' in [[calendar.holiday]]; did you mean 'name_en'?",
                "deadlined.toml:43:8: error: date = \"28/11\" is declared twice (first at deadlined.toml:39:8) for years in common; keep one [[calendar.holiday]] or separate their years with from and until",
                "deadlined.toml:48:8: warning: date = \"2/9\" is already Quốc khánh from 2026, a holiday of the Labour Code (BLLĐ 2019 Điều 112 khoản 1 điểm đ); this [[calendar.holiday]] adds no day off then",
                "deadlined.toml:52:9: warning: lunar = \"10/3\" is already Giỗ Tổ Hùng Vương from 2007 to 2010, a holiday of the Labour Code (BLLĐ 2019 Điều 112 khoản 1 điểm e); this [[calendar.holiday]] adds no day off then",
                "deadlined.toml:57:9: warning: lunar = \"2/1\" is already Tết Nguyên đán from 2010, a holiday of the Labour Code (BLLĐ 2012 Điều 115 khoản 1 điểm b); this [[calendar.holiday]] adds no day off then",
                "deadlined.toml:60:15: error: 'compensated' must be true or false (without quotes), found a string",
            ])
    }

    /// 24/11 from 2026 with a nghỉ bù (the default) and 15/8 âm lịch without one: in the agenda's calendar exactly
    /// as the law's days. 24/11/2029 is a Saturday (nghỉ bù Monday 26/11), 15/8 âm lịch Saturday 22/9/2029.
    @Test("declared holidays go into the agenda's working calendar")
    func declaredHolidays() throws {
        let (result, lines) = try load([
            "deadlined.toml": units + """
                [calendar]

                [[calendar.holiday]]
                date = "24/11"
                from = 2026
                name = "Ngày Văn hóa Việt Nam"
                name_en = "Vietnam Culture Day"
                note = "Bộ luật Lao động sửa đổi, Điều 112"

                [[calendar.holiday]]
                lunar = "15/8"
                from = 2027
                until = 2030
                name = "Tết Trung thu"
                compensated = false
                """
        ])
        #expect(lines == [])
        let agenda = try #require(result.configuration?.agenda)
        let declared = agenda.settings.holidayRules.declaredHolidays
        #expect(declared.map(\.date) == [.solar(month: 11, day: 24), .lunar(month: 8, day: 15)])
        #expect(declared.map(\.nameEnglish) == ["Vietnam Culture Day", "Tết Trung thu"])
        #expect(declared.map(\.compensated) == [true, false])
        #expect(declared.map(\.firstYear) == [2026, 2027] && declared.map(\.lastYear) == [nil, 2030])
        let calendar = agenda.calendar
        #expect(calendar.adding(workingDays: 3, to: d(22, 11, 2029)) == d(28, 11, 2029))
        #expect(calendar.adding(workingDays: 3, to: d(20, 9, 2029)) == d(25, 9, 2029))
        #expect(calendar.adding(workingDays: 3, to: d(23, 11, 2026)) == d(27, 11, 2026))
        #expect(calendar.isWorkingDay(d(24, 11, 2025)))
    }
}

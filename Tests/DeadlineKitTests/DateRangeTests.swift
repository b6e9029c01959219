import DeadlineKit
import Testing

/// Dates outside the years deadlined plans in (1901–2199) are errors where they are read, with a hint for a typo.
@Suite("Dates outside 1901–2199")
struct DateRangeTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let message: String
        var testDescription: String { text }
    }

    static let outside: [Case] = [
        Case(
            text: "10/12/0202",
            message:
                "'10/12/0202': the year 0202 is outside the years deadlined plans in (1901–2199); did you mean 2020?"),
        Case(
            text: "01/01/0001",
            message: "'01/01/0001': the year 0001 is outside the years deadlined plans in (1901–2199)"),
        Case(
            text: "10/12/0001",
            message: "'10/12/0001': the year 0001 is outside the years deadlined plans in (1901–2199)"),
        Case(text: "0001", message: "'0001': the year 0001 is outside the years deadlined plans in (1901–2199)"),
        Case(text: "9999", message: "'9999': the year 9999 is outside the years deadlined plans in (1901–2199)"),
        Case(text: "12/9999", message: "'12/9999': the year 9999 is outside the years deadlined plans in (1901–2199)"),
        Case(text: "Q4/9999", message: "'Q4/9999': the year 9999 is outside the years deadlined plans in (1901–2199)"),
        Case(text: "H2/1900", message: "'H2/1900': the year 1900 is outside the years deadlined plans in (1901–2199)"),
        Case(
            text: "0202-12-10",
            message:
                "'0202-12-10': the year 0202 is outside the years deadlined plans in (1901–2199); did you mean 2020?"),
        Case(
            text: "31/12/2200",
            message:
                "'31/12/2200': the year 2200 is outside the years deadlined plans in (1901–2199); did you mean 2020?"),
        Case(
            text: "10/12/20", message: "'10/12/20': the year must have four digits, e.g. 10/12/2020; did you mean 2020?"
        ),
        Case(text: "10/12/202", message: "'10/12/202': the year must have four digits, e.g. 10/12/2020"),
        Case(text: "0000", message: "'0000': the year 0000 is outside the years deadlined plans in (1901–2199)"),
        Case(text: "Q1/0000", message: "'Q1/0000': the year 0000 is outside the years deadlined plans in (1901–2199)"),
        Case(text: "H1/0000", message: "'H1/0000': the year 0000 is outside the years deadlined plans in (1901–2199)"),
        Case(text: "12/0000", message: "'12/0000': the year 0000 is outside the years deadlined plans in (1901–2199)"),
        Case(
            text: "tháng 12 năm 0000",
            message: "'tháng 12 năm 0000': the year 0000 is outside the years deadlined plans in (1901–2199)"),
        Case(
            text: "6 tháng đầu năm 0000",
            message: "'6 tháng đầu năm 0000': the year 0000 is outside the years deadlined plans in (1901–2199)"),
        Case(
            text: "10/12/0000",
            message: "'10/12/0000': the year 0000 is outside the years deadlined plans in (1901–2199)"),
        Case(
            text: "0000-12-10",
            message: "'0000-12-10': the year 0000 is outside the years deadlined plans in (1901–2199)"),
        Case(
            text: "10/12/20200",
            message: "'10/12/20200': the year must have four digits, e.g. 10/12/2020; did you mean 2020?"),
    ]

    @Test(
        "a due date outside the supported years is an error, with a plausible year when there is one",
        arguments: outside)
    func dueDate(_ c: Case) {
        guard case .failure(let error) = DueDateParser.parse(c.text, issued: nil) else {
            Issue.record("'\(c.text)' was accepted")
            return
        }
        #expect(error.description == c.message)
        #expect(error.isAboutYear)
    }

    @Test("a three-digit year gets a hint only near a document's year")
    func threeDigits() {
        let issued = CivilDate(year: 2020, month: 11, day: 19)
        guard case .failure(let error) = DueDateParser.parse("10/12/202", issued: issued) else {
            Issue.record("accepted")
            return
        }
        #expect(error.description == "'10/12/202': the year must have four digits, e.g. 10/12/2020; did you mean 2020?")
    }

    @Test(
        "the first and last supported years are accepted", arguments: ["01/01/1901", "31/12/2199", "Q4/2199", "1901"])
    func edges(_ text: String) {
        guard case .success = DueDateParser.parse(text, issued: nil) else {
            Issue.record("'\(text)' was refused")
            return
        }
    }

    @Test("a day without a year that falls after 2199 says so")
    func inferredYear() {
        let issued = CivilDate(year: 2199, month: 12, day: 20)
        guard case .failure(let error) = DueDateParser.parse("10/12", issued: issued) else {
            Issue.record("accepted")
            return
        }
        #expect(
            error.description
                == "'10/12' falls in 2200 (the first such day after the document's date), outside the years deadlined plans in (1901–2199)"
        )
    }

    @Test("hints: digits reordered, a century added, one digit dropped; none for a year nothing plausible is near")
    func hints() {
        #expect(SupportedYears.hint(forDigits: "0202") == 2020)
        #expect(SupportedYears.hint(forDigits: "0202", reference: 2003) == 2002)
        #expect(SupportedYears.hint(forDigits: "20") == 2020)
        #expect(SupportedYears.hint(forDigits: "20211") == 2021)
        #expect(SupportedYears.hint(forDigits: "0001") == nil)
        #expect(SupportedYears.hint(forDigits: "9999") == nil)
        #expect(SupportedYears.hint(forDigits: "202") == nil)
        #expect(SupportedYears.hint(forDigits: "202", reference: 2021) == 2021)
    }

    @Test(
        "moments on the command line: outside the years, an error naming the year",
        arguments: [
            ("01/01/0001", "'01/01/0001': the year 0001 is outside the years deadlined plans in (1901–2199)"),
            ("31/12/9999", "'31/12/9999': the year 9999 is outside the years deadlined plans in (1901–2199)"),
            (
                "2200-01-01T00:00:00Z",
                "'2200-01-01T00:00:00Z': the year 2200 is outside the years deadlined plans in (1901–2199); did you mean 2020?"
            ),
            (
                "0202-12-10T08:00:00+07:00",
                "'0202-12-10T08:00:00+07:00': the year 0202 is outside the years deadlined plans in (1901–2199); did you mean 2020?"
            ),
        ])
    func moments(_ text: String, _ message: String) {
        guard case .failure(let error) = MomentParser.parse(text, zone: .vietnam) else {
            Issue.record("'\(text)' was accepted")
            return
        }
        #expect(error.description == message)
    }

    @Test("durations: a sum too large for 64 bits is the largest duration, never an overflow")
    func durationOverflow() {
        let huge = Array(repeating: "999999999w", count: 20_000).joined(separator: " ")
        #expect(DurationParser.seconds(huge) == Int64.max)
        #expect(DurationParser.seconds("9223372036854775807s") == nil)  // more than nine digits: not a duration
        #expect(DurationParser.seconds("1d 12h") == 129_600)
    }
}

import DeadlineKit
import Testing

@testable import DeadlineDelivery

@Suite("iCalendar (RFC 5545)")
struct ICalendarTests {
    @Test(
        "TEXT escaping",
        arguments: [
            ("a\\b;c,d", "a\\\\b\\;c\\,d"),
            ("dòng 1\ndòng 2\r\ndòng 3", "dòng 1\\ndòng 2\\ndòng 3"),
            ("tab\tok", "tab\tok"),
            ("bell\u{07}", "bell "),
            ("Hạn: 10/12/2020", "Hạn: 10/12/2020"),
        ])
    func escaping(input: String, expected: String) {
        #expect(ICalendarWriter.escape(input) == expected)
    }

    @Test("folding: lines of at most 75 octets, continuation with one space, no UTF-8 sequence split")
    func folding() {
        let line = "SUMMARY:" + String(repeating: "Báo cáo tổng kết công tác năm 2020 ", count: 6)
        let folded = ICalendarWriter.fold(line)
        let lines = folded.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines.count > 3)
        for (index, piece) in lines.enumerated() {
            #expect(piece.utf8.count <= 75)
            if index > 0 { #expect(piece.hasPrefix(" ")) }
        }
        // Unfolding (drop CRLF + one space) gives the line back.
        #expect(folded.replacing("\r\n ", with: "") == line)
        #expect(ICalendarWriter.fold("SHORT:x") == "SHORT:x")
        // A giant grapheme cluster (a letter with 60 combining marks) is split between scalars, within 75 octets.
        let giant = "DESCRIPTION:a" + String(repeating: "\u{0301}", count: 60)
        let giantFolded = Array(ICalendarWriter.fold(giant).utf8)
        #expect(giantFolded.split(separator: 13).allSatisfy { $0.count <= 76 })  // each "\n" + line ≤ 1 + 75
        #expect(unfold(giantFolded) == Array(giant.utf8))
        // Exactly 75 octets is not folded.
        let exact = "X:" + String(repeating: "a", count: 73)
        #expect(ICalendarWriter.fold(exact) == exact)
    }

    /// Removes CRLF + space at the byte level (a space before a combining mark is one Swift Character).
    private func unfold(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if index + 2 < bytes.count, bytes[index] == 13, bytes[index + 1] == 10, bytes[index + 2] == 32 {
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }

    @Test(
        "alarm triggers",
        arguments: [(1440, "-P1D"), (120, "-PT2H"), (1590, "-P1DT2H30M"), (45, "-PT45M"), (0, "PT0S"), (2880, "-P2D")])
    func triggers(minutes: Int, expected: String) {
        #expect(CalendarAlarm(minutesBefore: minutes, message: "x").trigger == expected)
    }

    @Test("an all-day event renders exactly")
    func allDayDocument() throws {
        let event = CalendarEvent(
            key: "5418/2020-12-10", stampUnixSeconds: 1_607_562_000,
            timing: .allDay(
                first: try #require(CivilDate(year: 2020, month: 12, day: 10)),
                last: try #require(CivilDate(year: 2020, month: 12, day: 10))),
            summary: "Hạn nộp báo cáo, trình UBND TP", description: "Văn bản số 5418/UBND-KT;\nxem đính kèm.",
            alarms: [CalendarAlarm(minutesBefore: 1440, message: "Còn 1 ngày")])
        let document = ICalendarWriter.document(events: [event])
        #expect(
            document == """
                BEGIN:VCALENDAR\r
                VERSION:2.0\r
                PRODID:-//deadlined//deadlined//VI\r
                CALSCALE:GREGORIAN\r
                METHOD:PUBLISH\r
                BEGIN:VEVENT\r
                UID:\(event.uid)\r
                DTSTAMP:20201210T010000Z\r
                DTSTART;VALUE=DATE:20201210\r
                DTEND;VALUE=DATE:20201211\r
                SEQUENCE:0\r
                SUMMARY:Hạn nộp báo cáo\\, trình UBND TP\r
                DESCRIPTION:Văn bản số 5418/UBND-KT\\;\\nxem đính kèm.\r
                TRANSP:TRANSPARENT\r
                BEGIN:VALARM\r
                ACTION:DISPLAY\r
                DESCRIPTION:Còn 1 ngày\r
                TRIGGER:-P1D\r
                END:VALARM\r
                END:VEVENT\r
                END:VCALENDAR\r

                """)
    }

    @Test("the UID is stable for a key and differs between keys")
    func uid() {
        let first = CalendarEvent(
            key: "5418/2020-12-10", stampUnixSeconds: 0, timing: .interval(startUnixSeconds: 0, endUnixSeconds: 60),
            summary: "a")
        var again = first
        again.stampUnixSeconds = 99
        again.summary = "changed"
        let other = CalendarEvent(
            key: "5419/2020-12-10", stampUnixSeconds: 0, timing: .interval(startUnixSeconds: 0, endUnixSeconds: 60),
            summary: "a")
        #expect(first.uid == again.uid)
        #expect(first.uid != other.uid)
        #expect(first.uid.hasSuffix("@deadlined") && first.uid.utf8.count == 32 + 10)
    }

    @Test("timed events are written in UTC")
    func utcTimes() {
        #expect(ICalendarWriter.utc(1_607_562_000) == "20201210T010000Z")
        #expect(ICalendarWriter.utc(-1) == "19691231T235959Z")
    }
}

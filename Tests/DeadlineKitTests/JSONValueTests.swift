import DeadlineKit
import Testing

@Suite("JSON output")
struct JSONValueTests {
    @Test("strings: quotes, backslashes, CR LF, tabs and control characters escaped; Vietnamese and emoji kept as they are")
    func escapes() {
        let value: JSONValue = .string("Báo cáo \"quý I\"\r\nC:\\dir\t\u{1}🔺 đôn đốc")
        #expect(value.rendered(pretty: false) == #""Báo cáo \"quý I\"\r\nC:\\dir\t\u0001🔺 đôn đốc""#)
        #expect(JSONValue.string("").rendered(pretty: false) == "\"\"")
        #expect(JSONValue.string("\n").rendered(pretty: false) == #""\n""#)
    }
}

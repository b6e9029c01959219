import DeadlineKit
import Testing

@Suite("JSON output")
struct JSONValueTests {
    @Test(
        "strings: quotes, backslashes, CR LF, tabs and control characters escaped; Vietnamese and emoji kept as they are"
    )
    func escapes() {
        let value: JSONValue = .string("Báo cáo \"quý I\"\r\nC:\\dir\t\u{1}🔺 đôn đốc")
        #expect(value.rendered(pretty: false) == #""Báo cáo \"quý I\"\r\nC:\\dir\t\u0001🔺 đôn đốc""#)
        #expect(JSONValue.string("").rendered(pretty: false) == "\"\"")
        #expect(JSONValue.string("\n").rendered(pretty: false) == #""\n""#)
    }

    @Test("a streamed object is the same text as the rendered tree, with no element, one, and enough for many pieces")
    func streamedObjectMatchesTheTree() {
        let head: [(String, JSONValue)] = [("version", 1), ("timezone", "Asia/Ho_Chi_Minh"), ("empty", .object([]))]
        for count in [0, 1, 3_000] {
            let elements: [JSONValue] = (0..<count).map { i in
                .object([
                    ("deadline_id", .string("bao-cao-\(i)")), ("recipients", [.string("vanthu@so\(i).hanoi.example")]),
                    ("n", .integer(Int64(i))),
                ])
            }
            var pieces: [String] = []
            JSONStream.writeObject(head: head, arrayKey: "reminders", elements: elements) { pieces.append($0) }
            let tree = JSONValue.object(head + [("reminders", .array(elements))]).rendered()
            #expect(pieces.joined() == tree)
            #expect(pieces.dropLast().allSatisfy { $0.utf8.count >= 65_536 })
            if count == 3_000 { #expect(pieces.count > 2) }
        }
    }
}

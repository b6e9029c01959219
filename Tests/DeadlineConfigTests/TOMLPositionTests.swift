import DeadlineConfig
import DeadlineKit
import Testing

/// Every key and value keeps where it was written, columns counted in characters (so `Sở` is two columns).
@Suite("TOML source positions")
struct TOMLPositionTests {
    static let sample = """
        [units.so-khdt]
        name = "Sở Kế hoạch và Đầu tư"
        recipients = ["vanthu@khdt.hanoi.gov.vn"]

        [[deadline]]
        id = "5418-de-xuat"
        due = "10/12/2020"
        """

    @Test func sampleValues() {
        let document = tomlParseValid(Self.sample)
        #expect(tomlNode(document, ["units", "so-khdt", "name"])?.value.stringValue == "Sở Kế hoạch và Đầu tư")
        #expect(tomlDescribe(tomlNode(document, ["units", "so-khdt", "name"])?.range) == "2:8-2:31")
        #expect(tomlDescribe(tomlNode(document, ["units", "so-khdt", "recipients"])?.range) == "3:14-3:42")
        #expect(tomlDescribe(tomlNode(document, ["units", "so-khdt", "recipients", 0])?.range) == "3:15-3:41")
        #expect(tomlDescribe(tomlNode(document, ["deadline", 0, "id"])?.range) == "6:6-6:20")
        #expect(tomlDescribe(tomlNode(document, ["deadline", 0, "due"])?.range) == "7:7-7:19")
    }

    @Test func sampleKeys() throws {
        let document = tomlParseValid(Self.sample)
        let units = try #require(document.root["units"]?.value.tableValue)
        let unit = try #require(units["so-khdt"]?.value.tableValue)
        let deadline = try #require(tomlNode(document, ["deadline", 0])?.value.tableValue)
        #expect(tomlDescribe(document.root.entry(forKey: "units")?.keyRange) == "1:2-1:7")
        #expect(tomlDescribe(units.entry(forKey: "so-khdt")?.keyRange) == "1:8-1:15")
        #expect(tomlDescribe(unit.entry(forKey: "name")?.keyRange) == "2:1-2:5")
        #expect(tomlDescribe(unit.entry(forKey: "recipients")?.keyRange) == "3:1-3:11")
        #expect(tomlDescribe(document.root.entry(forKey: "deadline")?.keyRange) == "5:3-5:11")
        #expect(tomlDescribe(deadline.entry(forKey: "id")?.keyRange) == "6:1-6:3")
        #expect(tomlDescribe(deadline.entry(forKey: "due")?.keyRange) == "7:1-7:4")
    }

    @Test func sampleHeaders() throws {
        let document = tomlParseValid(Self.sample)
        // The implied table [units] points at the header that implied it.
        #expect(tomlDescribe(document.root["units"]?.range) == "1:1-1:16")
        #expect(tomlDescribe(document.root["units"]?.value.tableValue?.headerRange) == "1:1-1:16")
        #expect(tomlDescribe(tomlNode(document, ["units", "so-khdt"])?.value.tableValue?.headerRange) == "1:1-1:16")
        #expect(tomlDescribe(document.root["deadline"]?.range) == "5:1-5:13")
        #expect(tomlDescribe(tomlNode(document, ["deadline", 0])?.range) == "5:1-5:13")
        #expect(tomlDescribe(tomlNode(document, ["deadline", 0])?.value.tableValue?.headerRange) == "5:1-5:13")
    }

    @Test func everyElementOfAnArrayOfTablesPointsAtItsOwnHeader() {
        let document = tomlParseValid("[[deadline]]\nid = 1\n\n[[deadline]]\nid = 2\n[[ deadline ]]")
        #expect(tomlDescribe(tomlNode(document, ["deadline", 0])?.range) == "1:1-1:13")
        #expect(tomlDescribe(tomlNode(document, ["deadline", 1])?.range) == "4:1-4:13")
        #expect(tomlDescribe(tomlNode(document, ["deadline", 2])?.range) == "6:1-6:15")
        // The array itself points at the first header.
        #expect(tomlDescribe(document.root["deadline"]?.range) == "1:1-1:13")
    }

    @Test func dottedKeysRecordEachSegment() throws {
        let document = tomlParseValid("a . b.\"Sở\" = 1")
        let a = try #require(document.root["a"]?.value.tableValue)
        let b = try #require(a["b"]?.value.tableValue)
        #expect(tomlDescribe(document.root.entry(forKey: "a")?.keyRange) == "1:1-1:2")
        #expect(tomlDescribe(a.entry(forKey: "b")?.keyRange) == "1:5-1:6")
        #expect(tomlDescribe(b.entry(forKey: "Sở")?.keyRange) == "1:7-1:11")
        // Tables made by a dotted key point at the whole key.
        #expect(tomlDescribe(a.headerRange) == "1:1-1:11")
        #expect(tomlDescribe(b["Sở"]?.range) == "1:14-1:15")
    }

    @Test func implicitTableTakesThePositionOfItsOwnHeaderOnceDefined() {
        let document = tomlParseValid("[a.b]\nx = 1\n\n  [a]\ny = 2")
        #expect(tomlDescribe(document.root.entry(forKey: "a")?.keyRange) == "4:4-4:5")
        #expect(tomlDescribe(document.root["a"]?.range) == "4:3-4:6")
        #expect(document.root.keys == ["a"])
        #expect(document.root["a"]?.value.tableValue?.keys == ["b", "y"])
    }

    @Test func valuesSpanningLines() {
        let document = tomlParseValid(
            "s = \"\"\"\nSở\n\"\"\"\na = [\n  1,\n  2,\n]\nt = { x = [1, 2], y = { z = 'ầ' } }"
        )
        #expect(tomlDescribe(document.root["s"]?.range) == "1:5-3:4")
        #expect(tomlDescribe(document.root["a"]?.range) == "4:5-7:2")
        #expect(tomlDescribe(tomlNode(document, ["a", 1])?.range) == "6:3-6:4")
        #expect(tomlDescribe(document.root["t"]?.range) == "8:5-8:36")
        #expect(tomlDescribe(tomlNode(document, ["t", "x"])?.range) == "8:11-8:17")
        #expect(tomlDescribe(tomlNode(document, ["t", "y"])?.range) == "8:23-8:34")
        #expect(tomlDescribe(tomlNode(document, ["t", "y", "z"])?.range) == "8:29-8:32")
        #expect(tomlDescribe(document.root["t"]?.value.tableValue?.entry(forKey: "y")?.keyRange) == "8:19-8:20")
    }

    @Test func scalarRangesCoverTheValueAsWritten() {
        let document = tomlParseValid("i = -1_000\nf = 6.626e-34 # c\nb = true\nd = 1979-05-27 07:32:00Z\nl = '''x'''")
        #expect(tomlDescribe(document.root["i"]?.range) == "1:5-1:11")
        #expect(tomlDescribe(document.root["f"]?.range) == "2:5-2:14")
        #expect(tomlDescribe(document.root["b"]?.range) == "3:5-3:9")
        #expect(tomlDescribe(document.root["d"]?.range) == "4:5-4:25")
        #expect(tomlDescribe(document.root["l"]?.range) == "5:5-5:12")
    }

    @Test func tabsAndWideCharactersCountOneColumnEach() {
        #expect(
            tomlErrors("\tname = \"Sở\" x") == [
                "1:14: expected the end of the line after the value of 'name', found 'x'; "
                    + "put each key = value on its own line"
            ]
        )
        #expect(
            tomlErrors("\"Đầu tư\" = 😀") == [
                #"1:12: invalid value '😀': text must be in double quotes, as in "😀""#
            ]
        )
    }

    @Test func windowsLineEndingsAndByteOrderMark() {
        let document = tomlParseValid("\u{FEFF}a = 1\r\n[t]\r\nb = \"x\"\r\n")
        #expect(tomlDescribe(document.root.entry(forKey: "a")?.keyRange) == "1:1-1:2")
        #expect(tomlDescribe(tomlNode(document, ["t", "b"])?.range) == "3:5-3:8")
        #expect(
            tomlErrors("\u{FEFF}a = 1\r\nb = x\r\n") == [
                #"2:5: invalid value 'x': text must be in double quotes, as in "x""#
            ]
        )
    }

    @Test func diagnosticsPrintAsFileLineColumn() {
        let (_, diagnostics) = TOMLReader.parse("[unit]\nname = \"Sở\"\nname = 2", file: "deadlines.d/5418.toml")
        #expect(
            diagnostics.map(\.description) == [
                "deadlines.d/5418.toml:3:1: error: duplicate key 'name' (first defined at line 2)"
            ]
        )
        #expect(tomlDescribe(diagnostics.first?.span.range) == "3:1-3:5")
    }

    @Test func largeTablesLookUpEveryKey() throws {
        let text = (0..<40).map { "k\($0) = \($0)" }.joined(separator: "\n")
        let document = tomlParseValid(text)
        for index in 0..<40 {
            #expect(document.root["k\(index)"]?.value.integerValue == Int64(index))
            #expect(document.root.entry(forKey: "k\(index)")?.keyRange.start.line == index + 1)
        }
        #expect(document.root["k40"] == nil)
        #expect(document.root.count == 40)
    }
}

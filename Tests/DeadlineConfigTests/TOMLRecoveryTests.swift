import DeadlineConfig
import DeadlineKit
import Testing

/// After a mistake the reader carries on, so one run reports every broken line; no input makes it trap or hang.
@Suite("TOML error recovery and robustness")
struct TOMLRecoveryTests {
    @Test func twoBrokenLinesGiveTwoErrors() {
        let text = """
            [units.so-khdt]
            name = "Sở Kế hoạch và Đầu tư
            recipients = vanthu@khdt.hanoi.gov.vn
            phone = "024 3825 6637"
            """
        let (document, diagnostics) = TOMLReader.parse(text, file: "units.toml")
        #expect(
            diagnostics.map(\.description) == [
                "units.toml:2:8: error: unterminated string (a string must end with \" on the same line)",
                "units.toml:3:14: error: invalid value 'vanthu@khdt.hanoi.gov.vn': text must be in double quotes, "
                    + "as in \"vanthu@khdt.hanoi.gov.vn\"",
            ]
        )
        #expect(tomlRender(document.root) == #"{"units":{"so-khdt":{"phone":"024 3825 6637"}}}"#)
    }

    @Test func everyBrokenLineIsReported() {
        #expect(
            tomlErrors("= 1\nok = 1\n= 2\n[\nx y = 3") == [
                "1:1: missing key before '='",
                "3:1: missing key before '='",
                "4:2: expected a key, found the end of the line",
                "5:3: expected '=' after key 'x', found 'y'",
            ]
        )
    }

    @Test func keysUnderABrokenHeaderDoNotLandInThePreviousTable() {
        let (document, diagnostics) = TOMLReader.parse("[a]\nx = 1\n[b\nx = 2\nx = 3\n[c]\nx = 4", file: "t.toml")
        #expect(
            diagnostics.map(\.description) == [
                "t.toml:3:3: error: expected ']' to close the header [b, found the end of the line",
                "t.toml:5:1: error: duplicate key 'x' (first defined at line 4)",
            ]
        )
        #expect(tomlRender(document.root) == #"{"a":{"x":1},"c":{"x":4}}"#)
    }

    @Test func linesThatCannotStartAStatementAreSkipped() {
        let text = "a = [1 2,\n  3,\n]\n}\nb = 1"
        #expect(
            tomlErrors(text) == [
                "1:8: missing ',' between two elements of the array",
                "2:4: expected '=' after key '3', found ','",
            ]
        )
        #expect(TOMLReader.parse(text, file: "t").document.root["b"]?.value.integerValue == 1)
    }

    @Test func aForgottenClosingBracketStopsAtTheNextKey() {
        let text =
            "recipients = [\n  \"a@x.vn\",\n  \"b@x.vn\"\nsubject = \"Nhắc hạn\"\n[[deadline]]\nids = [1, 2\n[unit]"
        let (document, diagnostics) = TOMLReader.parse(text, file: "t.toml")
        #expect(
            diagnostics.map(\.description) == [
                "t.toml:1:14: error: unterminated array (missing ']')",
                "t.toml:6:7: error: unterminated array (missing ']')",
            ]
        )
        #expect(tomlRender(document.root) == #"{"subject":"Nhắc hạn","deadline":[{}],"unit":{}}"#)
    }

    @Test func anUnterminatedMultiLineStringRunsToTheEnd() {
        #expect(
            tomlErrors("a = \"\"\"\nb = 1\nc = 2") == [
                "1:5: unterminated multi-line string (missing the closing \"\"\")"
            ]
        )
    }

    @Test func invalidUTF8IsReportedPerLine() {
        // "Sở" as Windows-1258 would write it: 'S', 'o', combining hook above (0xD2), which is not UTF-8.
        let bytes: [UInt8] = Array("name = \"".utf8) + [0x53, 0x6F, 0xD2] + Array("\"\nok = 1\n".utf8) + [0xFF, 0xFE]
        let (document, diagnostics) = TOMLReader.parse(utf8: bytes, file: "legacy.toml")
        #expect(
            diagnostics.map(\.description).prefix(2) == [
                "legacy.toml:1:11: error: this line is not valid UTF-8; save the file with the UTF-8 encoding",
                "legacy.toml:3:1: error: this line is not valid UTF-8; save the file with the UTF-8 encoding",
            ]
        )
        #expect(document.root["ok"]?.value.integerValue == 1)
        let (valid, none) = TOMLReader.parse(utf8: [0xEF, 0xBB, 0xBF] + Array("a = 'Sở'".utf8), file: "ok.toml")
        #expect(none.isEmpty)
        #expect(valid.root["a"]?.value.stringValue == "Sở")
    }

    @Test func bareCarriageReturnIsRejected() {
        #expect(tomlErrors("a = 1\rb = 2") == ["1:6: a carriage return (U+000D) must be followed by a line feed"])
    }

    @Test func deepNestingIsRefusedWithoutExhaustingTheStack() {
        let depthMessage = "arrays and tables are nested more than 128 levels deep"
        #expect(tomlErrors("a = " + String(repeating: "[", count: 100_000)) == ["1:133: \(depthMessage)"])
        #expect(tomlErrors("a = " + String(repeating: "{b = ", count: 10_000)) == ["1:\(5 + 5 * 128): \(depthMessage)"])
        let longHeader = "[" + Array(repeating: "a", count: 5_000).joined(separator: ".") + "]"
        #expect(tomlErrors(longHeader) == ["1:258: tables are nested more than 128 levels deep"])
        let longKey = Array(repeating: "a", count: 5_000).joined(separator: ".") + " = 1"
        #expect(tomlErrors(longKey) == ["1:257: tables are nested more than 128 levels deep"])
        let inline = "x = " + String(repeating: "[{a.a.a.a = ", count: 100)
        #expect(tomlErrors(inline).count == 1)
    }

    @Test func emptyAndBlankDocuments() {
        for text in ["", "\n", "\r\n", "   \t", "# only a comment", "\u{FEFF}", "\n\n# x\n\n"] {
            #expect(tomlRenderValid(text) == "{}")
        }
    }

    /// A small deterministic generator, so that a failing input can be reproduced.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func next(below bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let richDocument = """
        # Sở Kế hoạch và Đầu tư
        title = "Nhắc hạn \\u1EDF \\"x\\""
        "quoted key" = 'C:\\path'
        a.b."c d" = 0x_bad
        n = [1, -2.5e3, +inf, nan, 1979-05-27T07:32:00Z, 07:32:00, 1979-05-27, true]
        t = { x = 1, y.z = [ { w = '''ml''' } ] }
        s = \"\"\"
        line \\
          continued\"\"\"
        [units.so-khdt]
        name = "Sở"
        [[deadline]]
        id = "5418"
        [deadline.extra]
        [[deadline]]
        due = 2020-12-10 08:00:00+07:00
        """

    /// Every diagnostic points inside the file.
    static func checkPositions(_ bytes: [UInt8]) {
        let (_, diagnostics) = TOMLReader.parse(utf8: bytes, file: "fuzz.toml")
        let lines = bytes.filter { $0 == 0x0A }.count + 1
        for diagnostic in diagnostics {
            guard let range = diagnostic.span.range else {
                Issue.record("diagnostic without a position: \(diagnostic)")
                continue
            }
            #expect(range.start.line >= 1 && range.start.line <= lines && range.start.column >= 1)
            #expect(range.start <= range.end)
        }
    }

    @Test func everyTruncationOfAValidDocumentIsHandled() {
        let bytes = Array(Self.richDocument.utf8)
        #expect(
            TOMLReader.parse(utf8: bytes, file: "rich.toml").diagnostics.map(\.description)
                == [
                    "rich.toml:4:13: error: invalid hexadecimal number '0x_bad': "
                        + "an underscore must be between two digits"
                ]
        )
        for length in 0...bytes.count {
            Self.checkPositions(Array(bytes[..<length]))
        }
    }

    @Test func randomMutationsAndRandomBytesAreHandled() {
        var random = SplitMix64(state: 5418)
        let bytes = Array(Self.richDocument.utf8)
        let alphabet =
            Array("[]{}=\"'#.,\n\r\t \\0123456789abeftnruxoiTZ:+-_".utf8) + [0x00, 0x7F, 0xC3, 0xBB, 0xE1, 0xFF]
        for _ in 0..<2_000 {
            var mutated = bytes
            for _ in 0...random.next(below: 4) {
                let position = random.next(below: mutated.count)
                switch random.next(below: 3) {
                case 0: mutated[position] = alphabet[random.next(below: alphabet.count)]
                case 1: mutated.remove(at: position)
                default: mutated.insert(alphabet[random.next(below: alphabet.count)], at: position)
                }
            }
            Self.checkPositions(mutated)
        }
        for _ in 0..<2_000 {
            let noise = (0..<random.next(below: 120)).map { _ in alphabet[random.next(below: alphabet.count)] }
            Self.checkPositions(noise)
        }
    }

    @Test func aLargeFileIsReadCompletely() throws {
        let count = 20_000
        var text = "[units.so-khdt]\nname = \"Sở Kế hoạch và Đầu tư\"\n"
        for index in 0..<count {
            text += "\n[[deadline]]\nid = \"\(index)-de-xuat\"\ndue = \"10/12/2020\"\nremind = [7, 3, 1]\n"
        }
        let document = tomlParseValid(text)
        let deadlines = try #require(document.root["deadline"]?.value.arrayValue)
        #expect(deadlines.count == count)
        #expect(deadlines.last?.range.start.line == 3 + 5 * (count - 1) + 1)
        #expect(deadlines.last?.value.tableValue?["id"]?.value.stringValue == "\(count - 1)-de-xuat")
    }
}

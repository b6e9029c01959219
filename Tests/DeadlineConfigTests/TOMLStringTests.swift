import DeadlineConfig
import Testing

/// What every message about a misused backslash ends with.
private let backslashHint = "; to write a backslash itself, use \\\\ or put the text in single quotes"

@Suite("TOML strings")
struct TOMLStringTests {
    @Test(arguments: [
        (#"s = "\b\t\n\f\r\"\\""#, "\u{8}\t\n\u{C}\r\"\\"),
        (#"s = "Jos\u00E9""#, "José"),
        (#"s = "\u1EDF \u1ec3""#, "ở ể"),
        (#"s = "\U0001F600""#, "😀"),
        (#"s = "\U0010FFFF""#, "\u{10FFFF}"),
        (#"s = "\u0000""#, "\u{0}"),
        ("s = \"tab\there\"", "tab\there"),
        ("s = 'C:\\Users\\nodejs\\templates'", #"C:\Users\nodejs\templates"#),
        ("s = \"Sở Kế hoạch và Đầu tư\"", "Sở Kế hoạch và Đầu tư"),
        ("s = ''", ""),
        ("s = \"\"", ""),
        ("s = \"\"\"\"\"\"", ""),
        ("s = ''''''", ""),
        ("s = \"\"\"\nline 1\nline 2\n\"\"\"", "line 1\nline 2\n"),
        ("s = \"\"\"\r\nline 1\r\nline 2\r\n\"\"\"", "line 1\nline 2\n"),
        ("s = '''\r\nSở\r\n'''", "Sở\n"),
        ("s = \"\"\"a \\  \r\n\r\n   b\"\"\"", "a b"),
        ("s = \"\"\"a\\\n\"\"\"", "a"),
        ("s = \"\"\"\n\n\"\"\"", "\n"),
        ("s = '''\\n is not an escape'''", #"\n is not an escape"#),
        ("s = \"\"\"\"quoted\"\"\"\"", "\"quoted\""),
        ("s = \"\"\"two \"\" quotes\"\"\"", "two \"\" quotes"),
        ("s = '''it''s'''", "it''s"),
        ("s = \"\"\"tab\tin multi-line\"\"\"", "tab\tin multi-line"),
    ])
    func decodes(_ toml: String, _ expected: String) throws {
        let document = tomlParseValid(toml)
        #expect(document.root["s"]?.value.stringValue == expected)
    }

    @Test func vietnameseQuotedKeys() {
        #expect(
            tomlRenderValid("\"Sở\" = 1\n'Đầu tư'.\"Kế hoạch\" = \"và\"") == #"{"Sở":1,"Đầu tư":{"Kế hoạch":"và"}}"#
        )
    }

    @Test(arguments: [
        ("s = \"abc", ["1:5: unterminated string (a string must end with \" on the same line)"]),
        ("s = \"abc\nt = 1", ["1:5: unterminated string (a string must end with \" on the same line)"]),
        ("s = 'abc", ["1:5: unterminated string (a string must end with ' on the same line)"]),
        ("s = \"\"\"abc\n", ["1:5: unterminated multi-line string (missing the closing \"\"\")"]),
        ("s = '''abc''", ["1:5: unterminated multi-line string (missing the closing ''')"]),
        (
            #"s = "\x41""#,
            [
                #"1:6: invalid escape sequence '\x'"# + backslashHint
            ]
        ),
        (
            #"path = "C:\Users""#,
            [
                #"1:11: \U must be followed by 8 hexadecimal digits"# + backslashHint
            ]
        ),
        (
            #"s = "\u12""#,
            [
                #"1:6: \u must be followed by 4 hexadecimal digits"# + backslashHint
            ]
        ),
        (#"s = "\uD800""#, [#"1:6: '\uD800' is not a valid Unicode character"#]),
        (#"s = "\uDFFF""#, [#"1:6: '\uDFFF' is not a valid Unicode character"#]),
        (#"s = "\U00110000""#, [#"1:6: '\U00110000' is not a valid Unicode character"#]),
        (
            #"s = "Sở \e""#,
            [
                #"1:9: invalid escape sequence '\e'"# + backslashHint
            ]
        ),
        (
            "s = \"\"\"a\\ b\"\"\"",
            [
                #"1:9: invalid escape sequence '\ '"# + backslashHint
            ]
        ),
        ("s = \"a\u{7}b\"", [#"1:7: control character U+0007 is not allowed in a string; write it as \u0007"#]),
        ("s = \"a\u{7F}\"", [#"1:7: control character U+007F is not allowed in a string; write it as \u007F"#]),
        ("s = 'a\u{1B}'", ["1:7: control character U+001B is not allowed in a literal string"]),
        (
            "s = \"\"\"a\rb\"\"\"",
            [#"1:9: control character U+000D is not allowed in a multi-line string; write it as \u000D"#]
        ),
        ("s = '''\u{0}'''", ["1:8: control character U+0000 is not allowed in a multi-line string"]),
        (
            "s = \"\"\"a\"\"\"\"\"\"",
            [
                "1:9: too many quotes in a row in a multi-line string: "
                    + #"write at most two before the closing """, or escape them as \""#
            ]
        ),
        ("\"\"\"key\"\"\" = 1", ["1:1: a key cannot be a multi-line string"]),
        ("'''key''' = 1", ["1:1: a key cannot be a multi-line string"]),
        (
            "\"a\nb\" = 1",
            [
                "1:1: unterminated string (a string must end with \" on the same line)",
                "2:2: expected '=' after key 'b', found '\"'",
            ]
        ),
    ])
    func rejects(_ toml: String, _ expected: [String]) {
        #expect(tomlErrors(toml) == expected)
    }

    @Test func everyBadEscapeInOneStringIsReported() {
        #expect(
            tomlErrors(#"s = "\q and \w""#) == [
                #"1:6: invalid escape sequence '\q'"# + backslashHint,
                #"1:13: invalid escape sequence '\w'"# + backslashHint,
            ]
        )
    }

    @Test func keyWithAnInvalidStringIsLeftOut() {
        let (document, diagnostics) = TOMLReader.parse("a = \"\\q\"\nb = 1", file: "x.toml")
        #expect(diagnostics.count == 1)
        #expect(document.root.keys == ["b"])
    }
}

import DeadlineConfig
import Testing

/// Every valid example in the TOML 1.0.0 specification, in the order the specification gives them, with the
/// structure it says each must produce. Tables and arrays of tables are in TOMLSpecTableTests.
@Suite("TOML 1.0.0 specification: valid examples")
struct TOMLSpecValidTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let name: String
        let toml: String
        let expected: String
        var testDescription: String { name }
    }

    static let keyExamples: [Example] = [
        Example(
            name: "comment",
            toml: """
                # This is a full-line comment
                key = "value"  # This is a comment at the end of a line
                another = "# This is not a comment"
                """,
            expected: ##"{"key":"value","another":"# This is not a comment"}"##
        ),
        Example(name: "key/value pair", toml: #"key = "value""#, expected: #"{"key":"value"}"#),
        Example(
            name: "bare keys",
            toml: """
                key = "value"
                bare_key = "value"
                bare-key = "value"
                1234 = "value"
                """,
            expected: #"{"key":"value","bare_key":"value","bare-key":"value","1234":"value"}"#
        ),
        Example(
            name: "quoted keys",
            toml: """
                "127.0.0.1" = "value"
                "character encoding" = "value"
                "ʎǝʞ" = "value"
                'key2' = "value"
                'quoted "value"' = "value"
                """,
            expected:
                #"""
                {"127.0.0.1":"value","character encoding":"value","ʎǝʞ":"value","key2":"value",\#
                "quoted \"value\"":"value"}
                """#
        ),
        Example(
            name: "empty basic key",
            toml: #""" = "blank"     # VALID but discouraged"#,
            expected: #"{"":"blank"}"#
        ),
        Example(
            name: "empty literal key",
            toml: "'' = 'blank'     # VALID but discouraged",
            expected: #"{"":"blank"}"#
        ),
        Example(
            name: "dotted keys",
            toml: """
                name = "Orange"
                physical.color = "orange"
                physical.shape = "round"
                site."google.com" = true
                """,
            expected: #"{"name":"Orange","physical":{"color":"orange","shape":"round"},"site":{"google.com":true}}"#
        ),
        Example(
            name: "whitespace around dots",
            toml: """
                fruit.name = "banana"     # this is best practice
                fruit. color = "yellow"    # same as fruit.color
                fruit . flavor = "banana"   # same as fruit.flavor
                """,
            expected: #"{"fruit":{"name":"banana","color":"yellow","flavor":"banana"}}"#
        ),
        Example(
            name: "writing into a dotted table",
            toml: """
                # This makes the key "fruit" into a table.
                fruit.apple.smooth = true

                # So then you can add to the table "fruit" like so:
                fruit.orange = 2
                """,
            expected: #"{"fruit":{"apple":{"smooth":true},"orange":2}}"#
        ),
        Example(
            name: "dotted keys out of order",
            toml: """
                # VALID BUT DISCOURAGED

                apple.type = "fruit"
                orange.type = "fruit"

                apple.skin = "thin"
                orange.skin = "thick"

                apple.color = "red"
                orange.color = "orange"
                """,
            expected:
                #"""
                {"apple":{"type":"fruit","skin":"thin","color":"red"},"orange":{"type":"fruit","skin":"thick",\#
                "color":"orange"}}
                """#
        ),
        Example(
            name: "dotted keys in order",
            toml: """
                # RECOMMENDED

                apple.type = "fruit"
                apple.skin = "thin"
                apple.color = "red"

                orange.type = "fruit"
                orange.skin = "thick"
                orange.color = "orange"
                """,
            expected:
                #"""
                {"apple":{"type":"fruit","skin":"thin","color":"red"},"orange":{"type":"fruit","skin":"thick",\#
                "color":"orange"}}
                """#
        ),
        Example(name: "digits as a dotted key", toml: #"3.14159 = "pi""#, expected: #"{"3":{"14159":"pi"}}"#),
    ]

    static let stringExamples: [Example] = [
        Example(
            name: "basic string escapes",
            toml: #"str = "I'm a string. \"You can quote me\". Name\tJos\u00E9\nLocation\tSF.""#,
            expected: #"{"str":"I'm a string. \"You can quote me\". Name\tJosé\nLocation\tSF."}"#
        ),
        Example(
            name: "multi-line basic string",
            toml: "str1 = \"\"\"\nRoses are red\nViolets are blue\"\"\"",
            expected: #"{"str1":"Roses are red\nViolets are blue"}"#
        ),
        Example(
            name: "newline forms",
            toml: """
                # On a Unix system, the above multi-line string will most likely be the same as:
                str2 = "Roses are red\\nViolets are blue"

                # On a Windows system, it will most likely be equivalent to:
                str3 = "Roses are red\\r\\nViolets are blue"
                """,
            expected: #"{"str2":"Roses are red\nViolets are blue","str3":"Roses are red\r\nViolets are blue"}"#
        ),
        Example(
            name: "line ending backslash",
            toml: """
                # The following strings are byte-for-byte equivalent:
                str1 = "The quick brown fox jumps over the lazy dog."

                str2 = \"\"\"
                The quick brown \\


                  fox jumps over \\
                    the lazy dog.\"\"\"

                str3 = \"\"\"\\
                       The quick brown \\
                       fox jumps over \\
                       the lazy dog.\\
                       \"\"\"
                """,
            expected:
                #"""
                {"str1":"The quick brown fox jumps over the lazy dog.",\#
                "str2":"The quick brown fox jumps over the lazy dog.",\#
                "str3":"The quick brown fox jumps over the lazy dog."}
                """#
        ),
        Example(
            name: "quotes inside multi-line basic strings",
            toml: #"""
                str4 = """Here are two quotation marks: "". Simple enough."""
                # str5 = """Here are three quotation marks: """."""  # INVALID
                str5 = """Here are three quotation marks: ""\"."""
                str6 = """Here are fifteen quotation marks: ""\"""\"""\"""\"""\"."""

                # "This," she said, "is just a pointless statement."
                str7 = """"This," she said, "is just a pointless statement.""""
                """#,
            expected:
                #"""
                {"str4":"Here are two quotation marks: \"\". Simple enough.",\#
                "str5":"Here are three quotation marks: \"\"\".",\#
                "str6":"Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\".",\#
                "str7":"\"This,\" she said, \"is just a pointless statement.\""}
                """#
        ),
        Example(
            name: "literal strings",
            toml: #"""
                # What you see is what you get.
                winpath  = 'C:\Users\nodejs\templates'
                winpath2 = '\\ServerX\admin$\system32\'
                quoted   = 'Tom "Dubs" Preston-Werner'
                regex    = '<\i\c*\s*>'
                """#,
            expected:
                #"""
                {"winpath":"C:\\Users\\nodejs\\templates","winpath2":"\\\\ServerX\\admin$\\system32\\",\#
                "quoted":"Tom \"Dubs\" Preston-Werner","regex":"<\\i\\c*\\s*>"}
                """#
        ),
        Example(
            name: "multi-line literal strings",
            toml: """
                regex2 = '''I [dw]on't need \\d{2} apples'''
                lines  = '''
                The first newline is
                trimmed in raw strings.
                   All other whitespace
                   is preserved.
                '''
                """,
            expected:
                #"""
                {"regex2":"I [dw]on't need \\d{2} apples",\#
                "lines":"The first newline is\ntrimmed in raw strings.\n\#
                   All other whitespace\n   is preserved.\n"}
                """#
        ),
        Example(
            name: "quotes inside multi-line literal strings",
            toml: """
                quot15 = '''Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"'''

                # apos15 = '''Here are fifteen apostrophes: ''''''''''''''''''  # INVALID
                apos15 = "Here are fifteen apostrophes: '''''''''''''''"

                # 'That,' she said, 'is still pointless.'
                str = ''''That,' she said, 'is still pointless.''''
                """,
            expected:
                #"""
                {"quot15":"Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"",\#
                "apos15":"Here are fifteen apostrophes: '''''''''''''''",\#
                "str":"'That,' she said, 'is still pointless.'"}
                """#
        ),
    ]

    static let scalarExamples: [Example] = [
        Example(
            name: "integers",
            toml: "int1 = +99\nint2 = 42\nint3 = 0\nint4 = -17",
            expected: #"{"int1":99,"int2":42,"int3":0,"int4":-17}"#
        ),
        Example(
            name: "integers with underscores",
            toml: """
                int5 = 1_000
                int6 = 5_349_221
                int7 = 53_49_221  # Indian number system grouping
                int8 = 1_2_3_4_5  # VALID but discouraged
                """,
            expected: #"{"int5":1000,"int6":5349221,"int7":5349221,"int8":12345}"#
        ),
        Example(
            name: "hexadecimal, octal and binary",
            toml: """
                # hexadecimal with prefix `0x`
                hex1 = 0xDEADBEEF
                hex2 = 0xdeadbeef
                hex3 = 0xdead_beef

                # octal with prefix `0o`
                oct1 = 0o01234567
                oct2 = 0o755 # useful for Unix file permissions

                # binary with prefix `0b`
                bin1 = 0b11010110
                """,
            expected:
                #"{"hex1":3735928559,"hex2":3735928559,"hex3":3735928559,"oct1":342391,"oct2":493,"bin1":214}"#
        ),
        Example(
            name: "floats",
            toml: """
                # fractional
                flt1 = +1.0
                flt2 = 3.1415
                flt3 = -0.01

                # exponent
                flt4 = 5e+22
                flt5 = 1e06
                flt6 = -2E-2

                # both
                flt7 = 6.626e-34
                """,
            expected:
                #"{"flt1":1.0,"flt2":3.1415,"flt3":-0.01,"flt4":5e+22,"flt5":1000000.0,"flt6":-0.02,"flt7":6.626e-34}"#
        ),
        Example(
            name: "float with underscores",
            toml: "flt8 = 224_617.445_991_228",
            expected: #"{"flt8":224617.445991228}"#
        ),
        Example(
            name: "special floats",
            toml: """
                # infinity
                sf1 = inf  # positive infinity
                sf2 = +inf # positive infinity
                sf3 = -inf # negative infinity

                # not a number
                sf4 = nan  # actual sNaN/qNaN encoding is implementation-specific
                sf5 = +nan # same as `nan`
                sf6 = -nan # valid, actual encoding is implementation-specific
                """,
            expected: #"{"sf1":inf,"sf2":inf,"sf3":-inf,"sf4":nan,"sf5":nan,"sf6":nan}"#
        ),
        Example(name: "booleans", toml: "bool1 = true\nbool2 = false", expected: #"{"bool1":true,"bool2":false}"#),
        Example(
            name: "offset date-times",
            toml: """
                odt1 = 1979-05-27T07:32:00Z
                odt2 = 1979-05-27T00:32:00-07:00
                odt3 = 1979-05-27T00:32:00.999999-07:00
                """,
            expected:
                #"""
                {"odt1":1979-05-27T07:32:00Z,"odt2":1979-05-27T00:32:00-07:00,\#
                "odt3":1979-05-27T00:32:00.999999-07:00}
                """#
        ),
        Example(
            name: "space delimiter",
            toml: "odt4 = 1979-05-27 07:32:00Z",
            expected: #"{"odt4":1979-05-27T07:32:00Z}"#
        ),
        Example(
            name: "local date-times",
            toml: "ldt1 = 1979-05-27T07:32:00\nldt2 = 1979-05-27T00:32:00.999999",
            expected: #"{"ldt1":1979-05-27T07:32:00,"ldt2":1979-05-27T00:32:00.999999}"#
        ),
        Example(name: "local date", toml: "ld1 = 1979-05-27", expected: #"{"ld1":1979-05-27}"#),
        Example(
            name: "local times",
            toml: "lt1 = 07:32:00\nlt2 = 00:32:00.999999",
            expected: #"{"lt1":07:32:00,"lt2":00:32:00.999999}"#
        ),
    ]

    @Test(arguments: keyExamples + stringExamples + scalarExamples)
    func example(_ example: Example) {
        #expect(tomlRenderValid(example.toml) == example.expected)
    }

    @Test func negativeZeroFloatKeepsItsSign() {
        let document = tomlParseValid("a = -0.0\nb = +0.0")
        #expect(document.root["a"]?.value.floatValue?.sign == .minus)
        #expect(document.root["b"]?.value.floatValue?.sign == .plus)
    }

    @Test func extremeIntegersAreLossless() {
        #expect(
            tomlRenderValid("min = -9223372036854775808\nmax = 9223372036854775807\nhex = 0x7FFF_FFFF_FFFF_FFFF")
                == #"{"min":-9223372036854775808,"max":9223372036854775807,"hex":9223372036854775807}"#
        )
    }
}

import DeadlineConfig
import Testing

/// Every example the TOML 1.0.0 specification marks invalid, with the exact position and message reported.
@Suite("TOML 1.0.0 specification: invalid examples")
struct TOMLSpecInvalidTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let name: String
        let toml: String
        let errors: [String]
        var testDescription: String { name }
    }

    static let examples: [Example] = [
        Example(name: "unspecified value", toml: "key = # INVALID", errors: ["1:7: missing value for key 'key'"]),
        Example(
            name: "two pairs on one line",
            toml: #"first = "Tom" last = "Preston-Werner" # INVALID"#,
            errors: [
                "1:15: expected the end of the line after the value of 'first', found 'l'; "
                    + "put each key = value on its own line"
            ]
        ),
        Example(
            name: "bare key missing",
            toml: #"= "no key name"  # INVALID"#,
            errors: ["1:1: missing key before '='"]
        ),
        Example(
            name: "key defined twice",
            toml: "# DO NOT DO THIS\nname = \"Tom\"\nname = \"Pradyun\"",
            errors: ["3:1: duplicate key 'name' (first defined at line 2)"]
        ),
        Example(
            name: "bare and quoted keys are equivalent",
            toml: "# THIS WILL NOT WORK\nspelling = \"favorite\"\n\"spelling\" = \"favourite\"",
            errors: ["3:1: duplicate key 'spelling' (first defined at line 2)"]
        ),
        Example(
            name: "integer turned into a table",
            toml: """
                # THE FOLLOWING IS INVALID

                # This defines the value of fruit.apple to be an integer.
                fruit.apple = 1

                # But then this treats fruit.apple like it's a table.
                # You can't turn an integer into a table.
                fruit.apple.smooth = true
                """,
            errors: [
                "8:7: cannot use the dotted key 'fruit.apple.smooth': 'fruit.apple' is already an integer "
                    + "(defined at line 4)"
            ]
        ),
        Example(
            name: "three quotes inside a multi-line basic string",
            toml: #"str5 = """Here are three quotation marks: """."""  # INVALID"#,
            errors: [
                "1:46: expected the end of the line after the value of 'str5', found '.'; "
                    + "put each key = value on its own line"
            ]
        ),
        Example(
            name: "fifteen apostrophes in a multi-line literal string",
            toml: "apos15 = '''Here are fifteen apostrophes: ''''''''''''''''''  # INVALID",
            errors: ["1:43: too many quotes in a row in a multi-line string: write at most two before the closing '''"]
        ),
        Example(
            name: "float without a leading digit",
            toml: "invalid_float_1 = .7",
            errors: ["1:19: a number cannot start with '.'; write a 0 before it, as in 0.5"]
        ),
        Example(
            name: "float without a trailing digit",
            toml: "invalid_float_2 = 7.",
            errors: ["1:19: invalid number '7.': a decimal point must have digits on both sides"]
        ),
        Example(
            name: "float with an exponent after the point",
            toml: "invalid_float_3 = 3.e+20",
            errors: ["1:19: invalid number '3.e+20': a decimal point must have digits on both sides"]
        ),
        Example(
            name: "table defined twice",
            toml: "# DO NOT DO THIS\n\n[fruit]\napple = \"red\"\n\n[fruit]\norange = \"orange\"",
            errors: ["6:2: table [fruit] is defined twice (first defined at line 3)"]
        ),
        Example(
            name: "key redefined as a table",
            toml: "# DO NOT DO THIS EITHER\n\n[fruit]\napple = \"red\"\n\n[fruit.apple]\ntexture = \"smooth\"",
            errors: ["6:8: cannot define table [fruit.apple]: 'fruit.apple' is already a string (defined at line 4)"]
        ),
        Example(
            name: "header over a dotted-key table",
            toml: "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n\n[fruit.apple]  # INVALID",
            errors: ["5:8: table [fruit.apple] is already defined by the dotted key at line 2"]
        ),
        Example(
            name: "header over a nested dotted-key table",
            toml: "[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n\n[fruit.apple.taste]  # INVALID",
            errors: ["5:14: table [fruit.apple.taste] is already defined by the dotted key at line 3"]
        ),
        Example(
            name: "extending an inline table with a dotted key",
            toml: "[product]\ntype = { name = \"Nail\" }\ntype.edible = false  # INVALID",
            errors: [
                "3:1: cannot use the dotted key 'type.edible': 'type' is an inline table (defined at line 2), "
                    + "and an inline table cannot be extended"
            ]
        ),
        Example(
            name: "inline table over a dotted-key table",
            toml: "[product]\ntype.name = \"Nail\"\ntype = { edible = false }  # INVALID",
            errors: ["3:1: duplicate key 'type' (first defined at line 2)"]
        ),
        Example(
            name: "sub-table before its array of tables",
            toml: """
                # INVALID TOML DOC
                [fruit.physical]  # subtable, but to which parent element should it belong?
                color = "red"
                shape = "round"

                [[fruit]]  # parser must throw an error upon discovering that "fruit" is
                           # an array rather than a table
                name = "apple"
                """,
            errors: ["6:3: cannot define array of tables [[fruit]]: [fruit] is already a table (defined at line 2)"]
        ),
        Example(
            name: "appending to a static array",
            toml: "# INVALID TOML DOC\nfruits = []\n\n[[fruits]] # Not allowed",
            errors: ["4:3: cannot add to the array 'fruits' with [[fruits]]: it was written with '=' at line 2"]
        ),
        Example(
            name: "table and array of tables with the same name, both ways",
            toml: """
                # INVALID TOML DOC
                [[fruits]]
                name = "apple"

                [[fruits.varieties]]
                name = "red delicious"

                # INVALID: This table conflicts with the previous array of tables
                [fruits.varieties]
                name = "granny smith"

                [fruits.physical]
                color = "red"
                shape = "round"

                # INVALID: This array of tables conflicts with the previous table
                [[fruits.physical]]
                color = "green"
                """,
            errors: [
                "9:9: [fruits.varieties] is an array of tables (first defined at line 5); "
                    + "write [[fruits.varieties]] to add an element to it",
                "17:10: cannot define array of tables [[fruits.physical]]: [fruits.physical] is already a table "
                    + "(defined at line 12)",
            ]
        ),
    ]

    @Test(arguments: examples)
    func example(_ example: Example) {
        #expect(tomlErrors(example.toml) == example.errors)
    }
}

import DeadlineConfig
import Testing

/// The specification's valid examples of arrays, tables, inline tables and arrays of tables.
@Suite("TOML 1.0.0 specification: arrays and tables")
struct TOMLSpecTableTests {
    typealias Example = TOMLSpecValidTests.Example

    static let examples: [Example] = [
        Example(
            name: "arrays",
            toml: """
                integers = [ 1, 2, 3 ]
                colors = [ "red", "yellow", "green" ]
                nested_arrays_of_ints = [ [ 1, 2 ], [3, 4, 5] ]
                nested_mixed_array = [ [ 1, 2 ], ["a", "b", "c"] ]
                string_array = [ "all", 'strings', \"\"\"are the same\"\"\", '''type''' ]

                # Mixed-type arrays are allowed
                numbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]
                contributors = [
                  "Foo Bar <foo@example.com>",
                  { name = "Baz Qux", email = "bazqux@example.com", url = "https://example.com/bazqux" }
                ]
                """,
            expected:
                #"""
                {"integers":[1,2,3],"colors":["red","yellow","green"],"nested_arrays_of_ints":[[1,2],[3,4,5]],\#
                "nested_mixed_array":[[1,2],["a","b","c"]],"string_array":["all","strings","are the same",\#
                "type"],"numbers":[0.1,0.2,0.5,1,2,5],"contributors":["Foo Bar <foo@example.com>",\#
                {"name":"Baz Qux","email":"bazqux@example.com","url":"https://example.com/bazqux"}]}
                """#
        ),
        Example(
            name: "multi-line arrays",
            toml: """
                integers2 = [
                  1, 2, 3
                ]

                integers3 = [
                  1,
                  2, # this is ok
                ]
                """,
            expected: #"{"integers2":[1,2,3],"integers3":[1,2]}"#
        ),
        Example(name: "empty table", toml: "[table]", expected: #"{"table":{}}"#),
        Example(
            name: "two tables",
            toml: """
                [table-1]
                key1 = "some string"
                key2 = 123

                [table-2]
                key1 = "another string"
                key2 = 456
                """,
            expected: #"{"table-1":{"key1":"some string","key2":123},"table-2":{"key1":"another string","key2":456}}"#
        ),
        Example(
            name: "quoted header segment",
            toml: "[dog.\"tater.man\"]\ntype.name = \"pug\"",
            expected: #"{"dog":{"tater.man":{"type":{"name":"pug"}}}}"#
        ),
        Example(
            name: "whitespace in headers",
            toml: """
                [a.b.c]            # this is best practice
                [ d.e.f ]          # same as [d.e.f]
                [ g .  h  . i ]    # same as [g.h.i]
                [ j . "ʞ" . 'l' ]  # same as [j."ʞ".'l']
                """,
            expected: #"{"a":{"b":{"c":{}}},"d":{"e":{"f":{}}},"g":{"h":{"i":{}}},"j":{"ʞ":{"l":{}}}}"#
        ),
        Example(
            name: "super-table afterwards",
            toml: """
                # [x] you
                # [x.y] don't
                # [x.y.z] need these
                [x.y.z.w] # for this to work

                [x] # defining a super-table afterward is ok
                """,
            expected: #"{"x":{"y":{"z":{"w":{}}}}}"#
        ),
        Example(
            name: "tables out of order",
            toml: "# VALID BUT DISCOURAGED\n[fruit.apple]\n[animal]\n[fruit.orange]",
            expected: #"{"fruit":{"apple":{},"orange":{}},"animal":{}}"#
        ),
        Example(
            name: "tables in order",
            toml: "# RECOMMENDED\n[fruit.apple]\n[fruit.orange]\n[animal]",
            expected: #"{"fruit":{"apple":{},"orange":{}},"animal":{}}"#
        ),
        Example(
            name: "root table",
            toml: """
                # Top-level table begins.
                name = "Fido"
                breed = "pug"

                # Top-level table ends.
                [owner]
                name = "Regina Dogman"
                member_since = 1999-08-04
                """,
            expected: #"{"name":"Fido","breed":"pug","owner":{"name":"Regina Dogman","member_since":1999-08-04}}"#
        ),
        Example(
            name: "dotted keys define tables",
            toml: """
                fruit.apple.color = "red"
                # Defines a table named fruit
                # Defines a table named fruit.apple

                fruit.apple.taste.sweet = true
                # Defines a table named fruit.apple.taste
                # fruit and fruit.apple were already created
                """,
            expected: #"{"fruit":{"apple":{"color":"red","taste":{"sweet":true}}}}"#
        ),
        Example(
            name: "sub-table of a dotted table",
            toml: """
                [fruit]
                apple.color = "red"
                apple.taste.sweet = true

                # [fruit.apple]  # INVALID
                # [fruit.apple.taste]  # INVALID

                [fruit.apple.texture]  # you can add sub-tables
                smooth = true
                """,
            expected: #"{"fruit":{"apple":{"color":"red","taste":{"sweet":true},"texture":{"smooth":true}}}}"#
        ),
        Example(
            name: "inline tables",
            toml: """
                name = { first = "Tom", last = "Preston-Werner" }
                point = { x = 1, y = 2 }
                animal = { type.name = "pug" }
                """,
            expected:
                #"""
                {"name":{"first":"Tom","last":"Preston-Werner"},"point":{"x":1,"y":2},\#
                "animal":{"type":{"name":"pug"}}}
                """#
        ),
        Example(
            name: "inline tables as standard tables",
            toml: """
                [name]
                first = "Tom"
                last = "Preston-Werner"

                [point]
                x = 1
                y = 2

                [animal]
                type.name = "pug"
                """,
            expected:
                #"""
                {"name":{"first":"Tom","last":"Preston-Werner"},"point":{"x":1,"y":2},\#
                "animal":{"type":{"name":"pug"}}}
                """#
        ),
        Example(
            name: "inline table with the invalid line commented out",
            toml: "[product]\ntype = { name = \"Nail\" }\n# type.edible = false  # INVALID",
            expected: #"{"product":{"type":{"name":"Nail"}}}"#
        ),
        Example(
            name: "dotted table with the invalid line commented out",
            toml: "[product]\ntype.name = \"Nail\"\n# type = { edible = false }  # INVALID",
            expected: #"{"product":{"type":{"name":"Nail"}}}"#
        ),
        Example(
            name: "array of tables",
            toml: """
                [[products]]
                name = "Hammer"
                sku = 738594937

                [[products]]  # empty table within the array

                [[products]]
                name = "Nail"
                sku = 284758393

                color = "gray"
                """,
            expected:
                #"{"products":[{"name":"Hammer","sku":738594937},{},{"name":"Nail","sku":284758393,"color":"gray"}]}"#
        ),
        Example(
            name: "nested arrays of tables",
            toml: """
                [[fruits]]
                name = "apple"

                [fruits.physical]  # subtable
                color = "red"
                shape = "round"

                [[fruits.varieties]]  # nested array of tables
                name = "red delicious"

                [[fruits.varieties]]
                name = "granny smith"


                [[fruits]]
                name = "banana"

                [[fruits.varieties]]
                name = "plantain"
                """,
            expected:
                #"""
                {"fruits":[{"name":"apple","physical":{"color":"red","shape":"round"},\#
                "varieties":[{"name":"red delicious"},{"name":"granny smith"}]},{"name":"banana",\#
                "varieties":[{"name":"plantain"}]}]}
                """#
        ),
        Example(
            name: "array of inline tables",
            toml: """
                points = [ { x = 1, y = 2, z = 3 },
                           { x = 7, y = 8, z = 9 },
                           { x = 2, y = 4, z = 8 } ]
                """,
            expected: #"{"points":[{"x":1,"y":2,"z":3},{"x":7,"y":8,"z":9},{"x":2,"y":4,"z":8}]}"#
        ),
    ]

    @Test(arguments: examples)
    func example(_ example: Example) {
        #expect(tomlRenderValid(example.toml) == example.expected)
    }

    @Test(arguments: [
        ("a = [1 2]", "1:8: missing ',' between two elements of the array"),
        ("a = [\"x\" \"y\"]", "1:10: missing ',' between two elements of the array"),
        ("a = [1 ; 2]", "1:8: expected ',' or ']' after an element of the array that starts at line 1, found ';'"),
        (
            "a = [\n  1,\n  2 )\n]",
            "3:5: expected ',' or ']' after an element of the array that starts at line 1, found ')'"
        ),
        ("a = [1,,2]", "1:8: expected a value, found ','"),
        ("a = [", "1:5: unterminated array (missing ']')"),
        ("a = [1,\n# comment", "1:5: unterminated array (missing ']')"),
        ("a = { b = 1 c = 2 }", "1:13: missing ',' between two keys of the inline table"),
        ("a = { b = 1 ; c = 2 }", "1:13: expected ',' or '}' in the inline table, found ';'"),
        ("a = { b = 1, }", "1:12: an inline table cannot have a comma after its last value"),
        ("a = { , }", "1:7: expected a key, found ','"),
        (
            "a = { b = 1,\n}",
            "1:5: unterminated inline table (missing '}'): an inline table must be on one line; "
                + "for a longer table use a [table] header"
        ),
        ("a = { b }", "1:9: expected '=' after key 'b', found '}'"),
        (
            "[a] b = 1",
            "1:5: expected the end of the line after the header [a], found 'b'; a header goes on a line of its own"
        ),
        ("[[a] ]", "1:4: the header [[a]] must end with ']]', without a space between the brackets"),
        ("[[a]\nb = 1", "1:4: the header [[a]] must end with ']]'"),
        ("[]", "1:2: missing table name between '[' and ']'"),
        ("[a.]", "1:4: expected a key after '.', found ']'"),
    ])
    func syntaxErrors(_ toml: String, _ message: String) {
        #expect(tomlErrors(toml) == [message])
    }

    @Test func arrayOfTablesIsAnArrayOfTableNodes() throws {
        let document = tomlParseValid("[[deadline]]\nid = \"a\"\n[[deadline]]\nid = \"b\"")
        let elements = try #require(document.root["deadline"]?.value.arrayValue)
        #expect(elements.map { $0.value.typeName } == ["table", "table"])
        #expect(elements.map { $0.value.tableValue?["id"]?.value.stringValue } == ["a", "b"])
    }

    @Test func inlineTablesAreMarkedInline() throws {
        let document = tomlParseValid("a = { b = 1 }\n[c]\nd.e = 1")
        #expect(document.root["a"]?.value.tableValue?.isInline == true)
        #expect(document.root["c"]?.value.tableValue?.isInline == false)
        #expect(tomlNode(document, ["c", "d"])?.value.tableValue?.isInline == false)
        #expect(document.root.headerRange == nil)
    }
}

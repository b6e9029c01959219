import DeadlineConfig
import DeadlineKit
import Testing

private let cannotExtend = ", and an inline table cannot be extended"

/// TOML's rules against defining a key or table twice, beyond the specification's own examples.
@Suite("TOML definition rules")
struct TOMLTableRulesTests {
    @Test(arguments: [
        ("a = 1\n[a]", "2:2: cannot define table [a]: 'a' is already an integer (defined at line 1)"),
        ("a = 1\n[a.b]", "2:2: cannot define table [a.b]: 'a' is already an integer (defined at line 1)"),
        ("a = []\n[a.b]", "2:2: cannot define table [a.b]: 'a' is already an array (defined at line 1)"),
        ("a = [{}]\n[[a]]", "2:3: cannot add to the array 'a' with [[a]]: it was written with '=' at line 1"),
        ("a = 'x'\n[[a]]", "2:3: cannot define array of tables [[a]]: 'a' is already a string (defined at line 1)"),
        ("[a]\n[a]", "2:2: table [a] is defined twice (first defined at line 1)"),
        ("[a]\n['a']", "2:2: table [a] is defined twice (first defined at line 1)"),
        ("[a.b]\n[a]\n[a]", "3:2: table [a] is defined twice (first defined at line 2)"),
        ("[a]\n[[a]]", "2:3: cannot define array of tables [[a]]: [a] is already a table (defined at line 1)"),
        ("[[a]]\n[a]", "2:2: [a] is an array of tables (first defined at line 1); write [[a]] to add an element to it"),
        ("a.b = 1\n[a]", "2:2: table [a] is already defined by the dotted key at line 1"),
        ("a.b.c = 1\n[a.b]", "2:4: table [a.b] is already defined by the dotted key at line 1"),
        ("a.b = 1\n[[a]]", "2:3: cannot define array of tables [[a]]: [a] is already a table (defined at line 1)"),
        (
            "a = {}\n[a]",
            "2:2: cannot define table [a]: 'a' is an inline table (defined at line 1)" + cannotExtend
        ),
        (
            "a = {b = {}}\n[a.b.c]",
            "2:2: cannot define table [a.b.c]: 'a' is an inline table (defined at line 1)" + cannotExtend
        ),
        (
            "a = {}\na.b = 1",
            "2:1: cannot use the dotted key 'a.b': 'a' is an inline table (defined at line 1)" + cannotExtend
        ),
        ("a.b = 1\na = {}", "2:1: duplicate key 'a' (first defined at line 1)"),
        ("a.b = 1\na.b = 2", "2:3: duplicate key 'a.b' (first defined at line 1)"),
        ("a = {b = 1, b = 2}", "1:13: duplicate key 'b' (first defined at line 1)"),
        ("a = {b.c = 1, b = {}}", "1:15: duplicate key 'b' (first defined at line 1)"),
        (
            "a = {b = {c = 1}, b.d = 2}",
            "1:19: cannot use the dotted key 'b.d': 'b' is an inline table (defined at line 1)" + cannotExtend
        ),
        (
            "[a.b]\n[a]\nb.c = 1",
            "3:1: cannot add 'b.c' with a dotted key: table [a.b] has its own header at line 1; "
                + "write 'c' under that header instead"
        ),
        (
            "[[a.b]]\n[a]\nb.c = 1",
            "3:1: cannot use the dotted key 'b.c': 'b' is an array of tables (defined at line 1)"
        ),
        ("[[a]]\nb = 1\nb = 2", "3:1: duplicate key 'b' (first defined at line 2)"),
        ("[[a]]\n[a.b]\n[[a]]\n[a.b]\n[a.b]", "5:4: table [a.b] is defined twice (first defined at line 4)"),
        ("\"Sở\" = 1\n'Sở' = 2", "2:1: duplicate key '\"Sở\"' (first defined at line 1)"),
    ])
    func rejects(_ toml: String, _ expected: String) {
        #expect(tomlErrors(toml) == [expected])
    }

    @Test(arguments: [
        ("[a.b]\n[a]\nc = 1", #"{"a":{"b":{},"c":1}}"#),
        ("[a]\nb.c = 1\n[a.b.d]\ne = 2", #"{"a":{"b":{"c":1,"d":{"e":2}}}}"#),
        ("[[a]]\n[a.b]\nc = 1\n[[a]]\n[a.b]\nc = 2", #"{"a":[{"b":{"c":1}},{"b":{"c":2}}]}"#),
        ("[[a.b]]\n[a]\nc = 1\n[[a.b]]", #"{"a":{"b":[{},{}],"c":1}}"#),
        ("[[a]]\n[[a.b]]\nx = 1\n[a.c]", #"{"a":[{"b":[{"x":1}],"c":{}}]}"#),
        ("[a.b.c]\n[a]\nb.d = 1", #"{"a":{"b":{"c":{},"d":1}}}"#),
        ("a = {b.c = 1, b.d = 2}", #"{"a":{"b":{"c":1,"d":2}}}"#),
        ("a = [{b = 1}, {b = 1}]", #"{"a":[{"b":1},{"b":1}]}"#),
        ("[a]\n[b]\n[a.c]", #"{"a":{"c":{}},"b":{}}"#),
        ("[\"a.b\"]\n[a.b]", #"{"a.b":{},"a":{"b":{}}}"#),
    ])
    func accepts(_ toml: String, _ expected: String) {
        #expect(tomlRenderValid(toml) == expected)
    }

    @Test func keysUnderARejectedHeaderAreCheckedButLeftOut() {
        let (document, diagnostics) = TOMLReader.parse("[a]\nx = 1\n[a]\ny = 2\ny = 3\n[b]\nz = 4", file: "t.toml")
        #expect(
            diagnostics.map(\.description) == [
                "t.toml:3:2: error: table [a] is defined twice (first defined at line 1)",
                "t.toml:5:1: error: duplicate key 'y' (first defined at line 4)",
            ]
        )
        #expect(tomlRender(document.root) == #"{"a":{"x":1},"b":{"z":4}}"#)
    }
}

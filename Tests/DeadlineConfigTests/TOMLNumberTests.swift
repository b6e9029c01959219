import DeadlineConfig
import Testing

private let outOfRange = "is out of range: integers must be between -9223372036854775808 and 9223372036854775807"

@Suite("TOML integers, floats and booleans")
struct TOMLNumberTests {
    @Test(arguments: [
        ("0", "0"), ("+0", "0"), ("-0", "0"), ("7", "7"), ("-17", "-17"), ("+99", "99"),
        ("1_000", "1000"), ("1_2_3", "123"),
        ("9223372036854775807", "9223372036854775807"), ("-9223372036854775808", "-9223372036854775808"),
        ("0xDEADbeef", "3735928559"), ("0x0", "0"), ("0x00_ff", "255"), ("0x7fffffffffffffff", "9223372036854775807"),
        ("0o777", "511"), ("0o0_7", "7"), ("0b1010", "10"), ("0b1_0", "2"),
        ("0.0", "0.0"), ("-0.5", "-0.5"), ("+1.5", "1.5"), ("1e3", "1000.0"), ("1E-3", "0.001"), ("1e+3", "1000.0"),
        ("0e0", "0.0"), ("1e007", "10000000.0"), ("1_0.2_5e1_0", "102500000000.0"), ("3.141_5", "3.1415"),
        ("inf", "inf"), ("+inf", "inf"), ("-inf", "-inf"), ("nan", "nan"), ("-nan", "nan"),
        ("true", "true"), ("false", "false"),
        ("1.7976931348623157e308", "1.7976931348623157e+308"),
    ])
    func parses(_ literal: String, _ expected: String) {
        #expect(tomlRenderValid("v = \(literal)") == "{\"v\":\(expected)}")
        #expect(tomlRenderValid("v = [\(literal),\(literal)]") == "{\"v\":[\(expected),\(expected)]}")
        #expect(tomlRenderValid("v = {w=\(literal)}") == "{\"v\":{\"w\":\(expected)}}")
    }

    @Test func integersAndFloatsAreDifferentTypes() {
        let document = tomlParseValid("i = 1\nf = 1.0\ne = 1e0")
        #expect(document.root["i"]?.value.typeName == "integer")
        #expect(document.root["f"]?.value.typeName == "float")
        #expect(document.root["e"]?.value.typeName == "float")
        #expect(document.root["i"]?.value.floatValue == nil)
        #expect(document.root["i"]?.value.typeNameWithArticle == "an integer")
        #expect(document.root["f"]?.value.typeNameWithArticle == "a float")
    }

    @Test(arguments: [
        ("01", "invalid number '01': leading zeros are not allowed"),
        ("-007", "invalid number '-007': leading zeros are not allowed"),
        ("00.5", "invalid number '00.5': leading zeros are not allowed"),
        ("1__0", "invalid number '1__0': an underscore must be between two digits"),
        ("1_", "invalid number '1_': an underscore must be between two digits"),
        ("1_.5", "invalid number '1_.5': an underscore must be between two digits"),
        ("1._5", "invalid number '1._5': a decimal point must have digits on both sides"),
        ("7.", "invalid number '7.': a decimal point must have digits on both sides"),
        ("1.e5", "invalid number '1.e5': a decimal point must have digits on both sides"),
        ("1e", "invalid number '1e': the exponent after 'e' must be a whole number"),
        ("1e_5", "invalid number '1e_5': the exponent after 'e' must be a whole number"),
        ("1e5.0", "invalid number '1e5.0': the exponent after 'e' must be a whole number"),
        ("1.2.3", "invalid number '1.2.3'"),
        ("+", "invalid number '+': a number must start with a digit"),
        ("-.5", "invalid number '-.5': a number must start with a digit"),
        ("++1", "invalid number '++1': '+' is not a digit here"),
        ("1-2", "invalid date '1-2': write a date as YYYY-MM-DD, as in 2024-12-10"),
        (
            "9223372036854775808",
            "integer \'9223372036854775808\' " + outOfRange
        ),
        (
            "-9223372036854775809",
            "integer \'-9223372036854775809\' " + outOfRange
        ),
        (
            "0x8000000000000000",
            "integer \'0x8000000000000000\' " + outOfRange
        ),
        (
            "0xFFFFFFFFFFFFFFFFFF",
            "integer \'0xFFFFFFFFFFFFFFFFFF\' " + outOfRange
        ),
        ("1e999", "invalid number '1e999': it is too large for a float"),
        ("+0x10", "invalid number '+0x10': a hexadecimal number cannot have a sign"),
        ("-0o10", "invalid number '-0o10': an octal number cannot have a sign"),
        ("0x", "invalid hexadecimal number '0x': digits are missing"),
        ("0x_1", "invalid hexadecimal number '0x_1': an underscore must be between two digits"),
        ("0o8", "invalid octal number '0o8': '8' is not a digit here"),
        ("0b102", "invalid binary number '0b102': '2' is not a digit here"),
        ("0X10", #"invalid value '0X10': text must be in double quotes, as in "0X10""#),
        ("5418-de-xuat", #"invalid value '5418-de-xuat': text must be in double quotes, as in "5418-de-xuat""#),
        ("10/12/2020", #"invalid value '10/12/2020': text must be in double quotes, as in "10/12/2020""#),
        ("True", "invalid value 'True': write true or false in lowercase"),
        ("NaN", "invalid value 'NaN': write inf or nan in lowercase"),
        ("yes", #"invalid value 'yes': text must be in double quotes, as in "yes""#),
        ("Sở", #"invalid value 'Sở': text must be in double quotes, as in "Sở""#),
        (".5", "a number cannot start with '.'; write a 0 before it, as in 0.5"),
        ("_1", "expected a value, found '_'"),
    ])
    func rejects(_ literal: String, _ message: String) {
        #expect(tomlErrors("value = \(literal)") == ["1:9: \(message)"])
    }

    @Test func anInvalidNumberDoesNotHideTheRestOfTheLine() {
        #expect(
            tomlErrors("a = [01, 1__0]") == [
                "1:6: invalid number '01': leading zeros are not allowed",
                "1:10: invalid number '1__0': an underscore must be between two digits",
            ]
        )
    }
}

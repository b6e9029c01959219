/// The rules for TOML integers and floats, applied to one token such as `-1_000`, `0xdead_beef` or `6.626e-34`.
enum TOMLNumberLiteral {
    enum Result: Equatable {
        case integer(Int64)
        case float(Double)
        /// A number written wrongly; the message says what is wrong.
        case invalid(String)
        /// Not a number at all but text someone forgot to quote, such as `10/12/2020`.
        case text
    }

    static func parse(_ token: ArraySlice<UInt8>) -> Result {
        var rest = token
        let sign = rest.first.flatMap { $0 == TOMLByte.plus || $0 == TOMLByte.minus ? $0 : nil }
        if sign != nil {
            rest = rest.dropFirst()
        }
        let negative = sign == TOMLByte.minus
        if rest.elementsEqual("inf".utf8) {
            return .float(negative ? -.infinity : .infinity)
        }
        if rest.elementsEqual("nan".utf8) {
            return .float(negative ? -.nan : .nan)
        }
        if rest.count >= 2, rest.first == UInt8(ascii: "0"), let (radix, name) = prefixed(rest.dropFirst().first) {
            if sign != nil {
                let article = name == "octal" ? "an" : "a"
                return .invalid("invalid number '\(text(token))': \(article) \(name) number cannot have a sign")
            }
            return parsePrefixed(rest.dropFirst(2), radix: radix, name: name, token: token)
        }
        if !token.allSatisfy(isNumberByte) {
            return .text
        }
        return parseDecimal(rest, token: token)
    }

    private static func text(_ token: ArraySlice<UInt8>) -> String {
        String(decoding: token, as: UTF8.self)
    }

    /// `0-9 _ + - . e E`: the bytes a decimal integer or float may contain.
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), TOMLByte.underscore, TOMLByte.plus, TOMLByte.minus, TOMLByte.dot,
            UInt8(ascii: "e"), UInt8(ascii: "E"):
            true
        default: false
        }
    }

    private static func prefixed(_ letter: UInt8?) -> (radix: UInt64, name: String)? {
        switch letter {
        case UInt8(ascii: "x"): (16, "hexadecimal")
        case UInt8(ascii: "o"): (8, "octal")
        case UInt8(ascii: "b"): (2, "binary")
        default: nil
        }
    }

    private static func parsePrefixed(
        _ digits: ArraySlice<UInt8>,
        radix: UInt64,
        name: String,
        token: ArraySlice<UInt8>
    )
        -> Result
    {
        if let problem = problem(in: digits, radix: radix) {
            return .invalid("invalid \(name) number '\(text(token))': \(problem)")
        }
        var value: UInt64 = 0
        for digit in digits where digit != TOMLByte.underscore {
            let (times, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = times.addingReportingOverflow(UInt64(TOMLParser.hexValue(digit)))
            guard !overflow1, !overflow2, sum <= UInt64(Int64.max) else { return .invalid(tooLarge(text(token))) }
            value = sum
        }
        return .integer(Int64(value))
    }

    private static func parseDecimal(_ unsigned: ArraySlice<UInt8>, token: ArraySlice<UInt8>) -> Result {
        let text = { Self.text(token) }
        let isMark: (UInt8) -> Bool = { $0 == TOMLByte.dot || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let integerEnd = unsigned.firstIndex(where: isMark) ?? unsigned.endIndex
        let integerPart = unsigned[..<integerEnd]
        if integerPart.isEmpty {
            return .invalid("invalid number '\(text())': a number must start with a digit")
        }
        if let problem = problem(in: integerPart, radix: 10) {
            return .invalid("invalid number '\(text())': \(problem)")
        }
        if integerPart.count > 1 && integerPart.first == UInt8(ascii: "0") {
            return .invalid("invalid number '\(text())': leading zeros are not allowed")
        }
        var rest = unsigned[integerEnd...]
        var isFloat = false
        if rest.first == TOMLByte.dot {
            isFloat = true
            let fraction = rest.dropFirst()
            let fractionEnd = fraction.firstIndex(where: isMark) ?? fraction.endIndex
            let digits = fraction[..<fractionEnd]
            if digits.isEmpty || !TOMLByte.isDigit(digits[digits.startIndex]) {
                return .invalid("invalid number '\(text())': a decimal point must have digits on both sides")
            }
            if let problem = problem(in: digits, radix: 10) {
                return .invalid("invalid number '\(text())': \(problem)")
            }
            rest = fraction[fractionEnd...]
        }
        if let mark = rest.first, mark == UInt8(ascii: "e") || mark == UInt8(ascii: "E") {
            isFloat = true
            var exponent = rest.dropFirst()
            if let sign = exponent.first, sign == TOMLByte.plus || sign == TOMLByte.minus {
                exponent = exponent.dropFirst()
            }
            if exponent.isEmpty || problem(in: exponent, radix: 10) != nil {
                return .invalid("invalid number '\(text())': the exponent after 'e' must be a whole number")
            }
            rest = rest[rest.endIndex...]
        }
        if !rest.isEmpty {
            return .invalid("invalid number '\(text())'")
        }
        if isFloat {
            let clean = String(decoding: token.lazy.filter { $0 != TOMLByte.underscore }, as: UTF8.self)
            guard let value = Double(clean), value.isFinite else {
                return .invalid("invalid number '\(text())': it is too large for a float")
            }
            return .float(value)
        }
        // Accumulated on the side of the sign, so that -9223372036854775808 fits.
        let negative = token.first == TOMLByte.minus
        var value: Int64 = 0
        for byte in unsigned where byte != TOMLByte.underscore {
            let digit = Int64(byte - UInt8(ascii: "0"))
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) =
                negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflow1, !overflow2 else { return .invalid(tooLarge(text())) }
            value = next
        }
        return .integer(value)
    }

    /// What is wrong with a run of digits and underscores, or `nil` if nothing is.
    private static func problem(in digits: ArraySlice<UInt8>, radix: UInt64) -> String? {
        if digits.isEmpty {
            return "digits are missing"
        }
        var previous: UInt8?
        for byte in digits {
            if byte == TOMLByte.underscore {
                if previous == nil || previous == TOMLByte.underscore {
                    return "an underscore must be between two digits"
                }
            } else if !TOMLByte.isHexDigit(byte) || UInt64(TOMLParser.hexValue(byte)) >= radix {
                return "'\(String(decoding: [byte], as: UTF8.self))' is not a digit here"
            }
            previous = byte
        }
        return previous == TOMLByte.underscore ? "an underscore must be between two digits" : nil
    }

    private static func tooLarge(_ text: String) -> String {
        "integer '\(text)' is out of range: integers must be between -9223372036854775808 and 9223372036854775807"
    }
}

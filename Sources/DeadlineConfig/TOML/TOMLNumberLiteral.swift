import DeadlineKit

/// The rules for TOML integers and floats, applied to one token such as `-1_000`, `0xdead_beef` or `6.626e-34`.
enum TOMLNumberLiteral {
    enum Result: Equatable {
        case integer(Int64)
        case float(Double)
        /// A number written wrongly; the message says what is wrong.
        case invalid(Phrase)
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
        if rest.count >= 2, rest.first == UInt8(ascii: "0"), let (radix, kind) = prefixed(rest.dropFirst().first) {
            if sign != nil {
                let reason: Phrase =
                    switch kind {
                    case .octal: .toml("an octal number cannot have a sign", "octalSign")
                    case .binary: .toml("a binary number cannot have a sign", "binarySign")
                    default: .toml("a hexadecimal number cannot have a sign", "hexadecimalSign")
                    }
                return .invalid(.invalidValue(.number, text(token), reason))
            }
            return parsePrefixed(rest.dropFirst(2), radix: radix, kind: kind, token: token)
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

    private static func prefixed(_ letter: UInt8?) -> (radix: UInt64, kind: TOMLValueKind)? {
        switch letter {
        case UInt8(ascii: "x"): (16, .hexadecimal)
        case UInt8(ascii: "o"): (8, .octal)
        case UInt8(ascii: "b"): (2, .binary)
        default: nil
        }
    }

    private static func parsePrefixed(
        _ digits: ArraySlice<UInt8>,
        radix: UInt64,
        kind: TOMLValueKind,
        token: ArraySlice<UInt8>
    )
        -> Result
    {
        if let problem = problem(in: digits, radix: radix) {
            return .invalid(.invalidValue(kind, text(token), problem))
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
        let invalid = { (reason: Phrase) in Result.invalid(.invalidValue(.number, Self.text(token), reason)) }
        let isMark: (UInt8) -> Bool = { $0 == TOMLByte.dot || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        let integerEnd = unsigned.firstIndex(where: isMark) ?? unsigned.endIndex
        let integerPart = unsigned[..<integerEnd]
        if integerPart.isEmpty {
            return invalid(.toml("a number must start with a digit", "startWithDigit"))
        }
        if let problem = problem(in: integerPart, radix: 10) {
            return invalid(problem)
        }
        if integerPart.count > 1 && integerPart.first == UInt8(ascii: "0") {
            return invalid(.toml("leading zeros are not allowed", "leadingZeros"))
        }
        var rest = unsigned[integerEnd...]
        var isFloat = false
        if rest.first == TOMLByte.dot {
            isFloat = true
            let fraction = rest.dropFirst()
            let fractionEnd = fraction.firstIndex(where: isMark) ?? fraction.endIndex
            let digits = fraction[..<fractionEnd]
            if digits.isEmpty || !TOMLByte.isDigit(digits[digits.startIndex]) {
                return invalid(.toml("a decimal point must have digits on both sides", "decimalPoint"))
            }
            if let problem = problem(in: digits, radix: 10) {
                return invalid(problem)
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
                return invalid(.toml("the exponent after 'e' must be a whole number", "exponent"))
            }
            rest = rest[rest.endIndex...]
        }
        if !rest.isEmpty {
            return .invalid(.toml("invalid number '\(text())'", "invalidNumber", ["text": text()]))
        }
        if isFloat {
            let clean = String(decoding: token.lazy.filter { $0 != TOMLByte.underscore }, as: UTF8.self)
            guard let value = Double(clean), value.isFinite else {
                return invalid(.toml("it is too large for a float", "floatTooLarge"))
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
    private static func problem(in digits: ArraySlice<UInt8>, radix: UInt64) -> Phrase? {
        let underscore = Phrase.toml("an underscore must be between two digits", "underscore")
        if digits.isEmpty {
            return .toml("digits are missing", "digitsMissing")
        }
        var previous: UInt8?
        for byte in digits {
            if byte == TOMLByte.underscore {
                if previous == nil || previous == TOMLByte.underscore {
                    return underscore
                }
            } else if !TOMLByte.isHexDigit(byte) || UInt64(TOMLParser.hexValue(byte)) >= radix {
                let digit = String(decoding: [byte], as: UTF8.self)
                return .toml("'\(digit)' is not a digit here", "notADigit", ["character": digit])
            }
            previous = byte
        }
        return previous == TOMLByte.underscore ? underscore : nil
    }

    private static func tooLarge(_ text: String) -> Phrase {
        .toml(
            "integer '\(text)' is out of range: integers must be between -9223372036854775808 and 9223372036854775807",
            "integerRange", ["text": text])
    }
}

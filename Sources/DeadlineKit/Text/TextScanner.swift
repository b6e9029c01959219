/// A cursor over a string's Unicode scalars for small hand-written parsers (dates, durations, rules).
///
/// Works on scalars, so input must be NFC (the config reader and the importer normalise it first).
package struct TextScanner: Sendable {
    package let scalars: [Unicode.Scalar]
    package private(set) var position: Int = 0

    package init(_ text: some StringProtocol) {
        self.scalars = Array(text.unicodeScalars)
    }

    package var isAtEnd: Bool { position >= scalars.count }
    package var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }
    package var remainder: String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[min(position, scalars.count)...])
        return String(s)
    }

    package mutating func advance(_ n: Int = 1) { position = min(position + n, scalars.count) }
    package mutating func reset(to p: Int) { position = p }

    /// Consumes `literal` if the input continues with it, ignoring ASCII case.
    @discardableResult
    package mutating func skip(_ literal: String) -> Bool {
        var p = position
        for s in literal.unicodeScalars {
            guard p < scalars.count, scalars[p].lowercasedASCII == s.lowercasedASCII else { return false }
            p += 1
        }
        position = p
        return true
    }

    package mutating func skipSpaces() {
        while let c = current, c == " " || c == "\t" || c == "\u{00A0}" { position += 1 }
    }

    /// A run of ASCII digits, at most `maxDigits` long, or nil (consuming nothing).
    package mutating func integer(maxDigits: Int = 9) -> Int? {
        var p = position
        var value = 0
        while p < scalars.count, p - position < maxDigits, let d = scalars[p].asciiDigit {
            value = value * 10 + d
            p += 1
        }
        guard p > position else { return nil }
        if p < scalars.count, scalars[p].asciiDigit != nil { return nil }  // longer than allowed
        position = p
        return value
    }

    /// The number of consecutive ASCII digits at the cursor.
    package var digitRunLength: Int {
        var p = position
        while p < scalars.count, scalars[p].asciiDigit != nil { p += 1 }
        return p - position
    }
}

extension Unicode.Scalar {
    /// 0...9 for an ASCII digit.
    @inlinable package var asciiDigit: Int? {
        (0x30...0x39).contains(value) ? Int(value - 0x30) : nil
    }

    @inlinable package var lowercasedASCII: Unicode.Scalar {
        (0x41...0x5A).contains(value) ? Unicode.Scalar(value + 0x20)! : self
    }

    @inlinable package var isASCIILetter: Bool {
        (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    package var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isSpaceLike }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.isSpaceLike })!
        return String(self[first...last])
    }
}

extension Unicode.Scalar {
    @inlinable package var isSpaceLike: Bool {
        self == " " || self == "\t" || self == "\n" || self == "\r" || self == "\u{00A0}"
    }
}

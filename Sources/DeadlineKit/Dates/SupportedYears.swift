/// The years deadlined plans in, and a guess at the year meant when a date falls outside them.
///
/// Every date that reaches the planner (due dates, calendar overrides, `from`/`until`, `--now`, `--from`, `--to`,
/// `--pretend-now`) is checked against ``range`` where it is read, so that a typo such as `10/12/0202` is an error
/// at its `file:line:column` instead of a year the calendar cannot compute.
package enum SupportedYears {
    /// 1901–2199: the years whose lunar new year and public holidays the calendar computes (1900–2199), less the
    /// first, since planning around a date also looks at the year before it.
    ///
    /// The calendar's own range (``WorkingCalendar/supportedYears``): dates are accepted where holidays are known.
    package static var range: ClosedRange<Int> { WorkingCalendar.supportedYears }

    /// `1901–2199`, for messages.
    package static var text: String { "\(range.lowerBound)–\(range.upperBound)" }

    /// Whether `year` is one deadlined plans in.
    package static func contains(_ year: Int) -> Bool { range.contains(year) }

    /// Years an office plausibly means: a hint is one of these.
    static let plausible: ClosedRange<Int> = 1945...2099

    /// Without a document's date to go by, ties between hints are settled by closeness to this year.
    static let referenceYear = 2025

    /// The year most likely meant by the digits written, or `nil` when no guess is plausible: the digits
    /// reordered (`0202` → 2020), one digit added (`202` → 2020, only near a document's year), one dropped
    /// (`20200` → 2020), or a century added (`20` → 2020). Among several, the one nearest `reference`
    /// (the document's year, when known).
    package static func hint(forDigits digits: String, reference: Int? = nil) -> Int? {
        let scalars = Array(digits.unicodeScalars)
        guard (2...5).contains(scalars.count), scalars.allSatisfy({ $0.asciiDigit != nil }) else { return nil }
        let values = scalars.compactMap(\.asciiDigit)
        var candidates: Set<Int> = []
        switch values.count {
        case 2:
            let yy = values[0] * 10 + values[1]
            candidates = [1900 + yy, 2000 + yy]
        case 3:
            guard reference != nil else { return nil }  // 202 could be any of 2020–2029: only a document's year tells
            for position in 0...3 {
                for digit in 0...9 {
                    var v = values
                    v.insert(digit, at: position)
                    candidates.insert(number(v))
                }
            }
        case 4:
            for permutation in permutations(values) { candidates.insert(number(permutation)) }
        default:
            for position in values.indices {
                var v = values
                v.remove(at: position)
                candidates.insert(number(v))
            }
        }
        let reference = reference ?? referenceYear
        let typed = number(values)
        return candidates.filter { plausible.contains($0) && $0 != typed }
            .min { (abs($0 - reference), -$0) < (abs($1 - reference), -$1) }
    }

    private static func number(_ digits: [Int]) -> Int {
        digits.reduce(0) { $0 * 10 + $1 }
    }

    private static func permutations(_ values: [Int]) -> [[Int]] {
        guard values.count > 1 else { return [values] }
        var out: [[Int]] = []
        for (i, first) in values.enumerated() {
            var rest = values
            rest.remove(at: i)
            for tail in permutations(rest) { out.append([first] + tail) }
        }
        return out
    }

    /// `; did you mean 2020?`, or nothing.
    package static func hintSuffix(forDigits digits: String, reference: Int? = nil) -> String {
        hintPhrase(forDigits: digits, reference: reference).english
    }

    /// ``hintSuffix(forDigits:reference:)`` as a catalog phrase (the empty text when there is no guess).
    package static func hintPhrase(forDigits digits: String, reference: Int? = nil) -> Phrase {
        guard let year = hint(forDigits: digits, reference: reference) else { return .empty }
        return Phrase("; did you mean \(year)?", "date.yearHint", ["year": String(year)])
    }

    /// The message for a date whose year is outside ``range``: `the year 0202 is outside the years deadlined
    /// plans in (1901–2199); did you mean 2020?`.
    package static func outOfRangeMessage(year: Int, reference: Int? = nil) -> String {
        outOfRange(year: year, reference: reference).english
    }

    /// ``outOfRangeMessage(year:reference:)`` as a catalog phrase.
    package static func outOfRange(year: Int, reference: Int? = nil) -> Phrase {
        let digits =
            year >= 0 && year < 1000
            ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        let hint = hintPhrase(forDigits: digits, reference: reference)
        return Phrase(
            "the year \(digits) is outside the years deadlined plans in (\(text))" + hint.english, "date.yearOutside",
            ["year": digits, "years": text], parts: ["hint": hint])
    }

    /// `'10/12/20': the year must have four digits[, e.g. 10/12/2020][; did you mean 2020?]`.
    static func fourDigits(_ written: String, digits: String, reference: Int?, example: Bool) -> DueDateError {
        let hint = hintPhrase(forDigits: digits, reference: reference)
        let english =
            "'\(written)': the year must have four digits" + (example ? ", e.g. 10/12/2020" : "") + hint.english
        return DueDateError(
            english, example ? "fourDigitsExample" : "fourDigits", ["text": written], parts: ["hint": hint],
            isAboutYear: true)
    }
}

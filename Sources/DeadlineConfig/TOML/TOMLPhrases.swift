import DeadlineKit

extension Phrase {
    /// A problem of the TOML reader: the English that is logged, and `deadlinectl`'s catalog entry `toml.ID`
    /// (Sources/DeadlineService/Catalog/TOMLText.swift) with the same placeholders.
    static func toml(
        _ english: String,
        _ id: String,
        _ arguments: [String: String] = [:],
        parts: [String: Phrase] = [:]
    ) -> Phrase {
        Phrase(english, "toml." + id, arguments, parts: parts)
    }

    /// `the end of the line`, where a message says what it found.
    static let endOfLine = Phrase.toml("the end of the line", "endOfLine")

    /// `invalid number '1__0': an underscore must be between two digits`: a value as written, and why it is wrong.
    static func invalidValue(_ kind: TOMLValueKind, _ text: String, _ reason: Phrase) -> Phrase {
        let kind = kind.phrase
        return .toml(
            "invalid \(kind) '\(text)': \(reason)", "invalid", ["text": text], parts: ["kind": kind, "reason": reason])
    }
}

/// What a value written wrongly was meant to be, for `Phrase.invalidValue(_:_:_:)`.
enum TOMLValueKind: String {
    case value, number, hexadecimal, octal, binary, date, time, dateTime

    var phrase: Phrase {
        switch self {
        case .value: .toml("value", "kindValue")
        case .number: .toml("number", "kindNumber")
        case .hexadecimal: .toml("hexadecimal number", "kindHexadecimal")
        case .octal: .toml("octal number", "kindOctal")
        case .binary: .toml("binary number", "kindBinary")
        case .date: .toml("date", "kindDate")
        case .time: .toml("time", "kindTime")
        case .dateTime: .toml("date-time", "kindDateTime")
        }
    }
}

/// The type of a config value, as the admin must write it.
package enum ValueKind: Sendable, Hashable {
    case string
    case integer
    case boolean
    case time  // "08:00"
    case duration  // "24h"
    case date  // "19/11/2020" or 2020-11-19
    case dueDate  // "10/12/2020", "12/2020", "Q1/2024", "15:00 10/12/2020"
    case offsetList  // ["7d", "3wd", "2h"]
    case offset  // "1d"
    case stringList
    case mailbox  // "Name <a@b.vn>"
    case mailboxList
    case choice([String])
    case path
    case secretPath  // a file holding a secret: must exist and not be readable by everyone
    case stringTable  // { "X-Key" = "value" }
    case table
    case dayOfMonth  // 20 or "last"
    case weekdayList  // ["saturday", "sunday"]
    case timeRange  // "08:00-17:00"
    case tableList  // [[calendar.override]]
    case dayMonth  // "24/11", a day of every year

    /// How the config reference (docs/configuration.md, deadlined.toml(5)) names the type.
    package var documentation: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .boolean: "boolean"
        case .time: "time `\"HH:MM\"`"
        case .duration: "duration (`\"30s\"`, `\"10m\"`, `\"24h\"`, `\"2d\"`)"
        case .date: "date (`\"19/11/2020\"` or `2020-11-19`)"
        case .dueDate: "due date (see below)"
        case .offsetList: "list of offsets (`\"7d\"`, `\"3wd\"`, `\"2h\"`, `\"30m\"`, `\"2w\"`)"
        case .offset: "offset (`\"1d\"`, `\"2wd\"`, `\"4h\"`)"
        case .stringList: "list of strings"
        case .mailbox: "address (`\"Tên <a@b.vn>\"`)"
        case .mailboxList: "list of addresses"
        case .choice(let options): options.map { "`\"\($0)\"`" }.joined(separator: " \\| ")
        case .path: "path"
        case .secretPath: "path to a secret file"
        case .stringTable: "table of strings"
        case .table: "table"
        case .dayOfMonth: "1–31 or `\"last\"`"
        case .weekdayList: "list of weekdays (`\"saturday\"`, `\"chủ nhật\"`)"
        case .timeRange: "hours `\"HH:MM-HH:MM\"`"
        case .tableList: "list of tables"
        case .dayMonth: "day and month `\"DD/MM\"`"
        }
    }
}

/// The values a number, a duration or an offset may take. Checked where the key is read (an error at the value's
/// `file:line:column`) and shown in the config reference, so that no value passes `check` and then hurts.
package enum ValueRange: Sendable, Hashable {
    /// A whole number from the lower to the upper bound.
    case count(ClosedRange<Int>)
    /// A duration, in seconds, from the lower to the upper bound.
    case seconds(ClosedRange<Int64>)
    /// A reminder offset, more than zero and at most a year (see ``ValueRange/longestOffsetMinutes``).
    case offset

    /// A year, in minutes: the longest offset (`366d`, `52w`, `252wd`, `8784h`).
    package static let longestOffsetMinutes = 366 * 1440

    /// `Range: 1 s – 10 min.`, as the config reference shows it.
    package var documentation: String {
        switch self {
        case .count(let r): "Range: \(r.lowerBound)–\(r.upperBound)."
        case .seconds(let r): "Range: \(Self.words(r.lowerBound)) – \(Self.words(r.upperBound))."
        case .offset: "At most a year: `366d`, `52w`, `252wd`, `8784h`."
        }
    }

    /// `30 s`, `10 min`, `1 h`, `30 d`: a bound in the largest unit that divides it.
    package static func words(_ seconds: Int64) -> String {
        for (unit, name) in [(Int64(86_400), "d"), (3600, "h"), (60, "min")]
        where seconds >= unit && seconds % unit == 0 {
            return "\(seconds / unit) \(name)"
        }
        return "\(seconds) s"
    }
}

/// One key admins may write: its name, type, default, range and what it is for.
package struct KeySpec: Sendable {
    package let name: String
    package let kind: ValueKind
    package let required: Bool
    /// The default as admins would write it, or nil when there is none.
    package let defaultValue: String?
    /// What values are allowed, for numbers, durations and offsets.
    package let range: ValueRange?
    /// What the key is for, with its range (for the config reference).
    package let doc: String
    package let example: String?

    package init(
        _ name: String, _ kind: ValueKind, required: Bool = false, default defaultValue: String? = nil,
        range: ValueRange? = nil, _ doc: String, example: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.required = required
        self.defaultValue = defaultValue
        self.range = range
        self.doc = range.map { doc + " " + $0.documentation } ?? doc
        self.example = example
    }
}

/// A table admins may write (`[daemon]`, `[units.ID]`, `[[deadline]]`...) and the keys it accepts.
package struct TableSpec: Sendable {
    /// How the table is written in a file: `[daemon]`, `[units.ID]`, `[[deadline]]`.
    package let header: String
    package let doc: String
    package let keys: [KeySpec]
    /// The length in UTF-8 bytes of each key's name, in the order of `keys`: a key is looked up for every key of
    /// every table read (a million at 100 000 deadlines), and comparing lengths first leaves one or two names to
    /// compare, cheaper than hashing the name for a dictionary.
    private let nameLengths: [Int]

    package init(_ header: String, _ doc: String, keys: [KeySpec]) {
        self.header = header
        self.doc = doc
        self.keys = keys
        nameLengths = keys.map(\.name.utf8.count)
    }

    package func key(_ name: String) -> KeySpec? { position(of: name).map { keys[$0] } }

    /// Whether the table accepts the key `name`.
    package func accepts(_ name: String) -> Bool { position(of: name) != nil }

    /// The position of `name` in `keys` (the first, if it were written twice).
    private func position(of name: String) -> Int? {
        let length = name.utf8.count
        for position in nameLengths.indices where nameLengths[position] == length && keys[position].name == name {
            return position
        }
        return nil
    }
    package var keyNames: [String] { keys.map(\.name) }
}

package import DeadlineKit

/// A parsed TOML file: the root table, with a ``SourceRange`` on every key and value.
///
/// Get one from ``TOMLReader/parse(_:file:)``. When that call also returns errors, the document holds only
/// the parts that were read correctly; do not validate it as a configuration until the errors are fixed.
package struct TOMLDocument: Sendable {
    /// The nameless top-level table: the keys before the first `[header]` and every table below them.
    package let root: TOMLTable

    /// A document with the given root table.
    package init(root: TOMLTable) {
        self.root = root
    }
}

/// A value together with the place in the file where it was written.
///
/// For scalars and arrays, ``range`` covers the value as written, quotes and brackets included.
/// For tables, it is the table's ``TOMLTable/headerRange``: the `[a.b]` or `[[a]]` header, the `{ ... }` of an
/// inline table, or the dotted key that created the table.
package struct TOMLNode: Sendable {
    /// What was written.
    package let value: TOMLValue
    /// Where it was written.
    package let range: SourceRange

    /// A value at a position; the parser makes these, tests may too.
    package init(value: TOMLValue, range: SourceRange) {
        self.value = value
        self.range = range
    }
}

/// One TOML value. Arrays hold ``TOMLNode``s so that each element keeps its position.
///
/// An array of tables (`[[deadline]]`) is an ``array(_:)`` whose elements are ``table(_:)`` nodes.
/// Every date and time form is a ``dateTime(_:)``; ask ``TOMLDateTime/kind`` which one was written.
package enum TOMLValue: Sendable {
    /// Any of the four string forms, escapes already decoded. Multi-line strings have CRLF turned into LF.
    case string(String)
    /// A 64-bit signed integer, written in decimal, `0x` hexadecimal, `0o` octal or `0b` binary.
    case integer(Int64)
    /// An IEEE 754 binary64 number, including `inf` and `nan`.
    case float(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// An offset date-time, local date-time, local date or local time.
    indirect case dateTime(TOMLDateTime)
    /// A `[ ... ]` array, or an array of tables built from `[[name]]` headers.
    case array([TOMLNode])
    /// A `[header]` table, an inline `{ ... }` table, or a table made by a dotted key.
    case table(TOMLTable)

    /// The TOML name of the value's type, for messages: `string`, `integer`, `float`, `boolean`, `date`, `time`,
    /// `date-time`, `array` or `table`.
    package var typeName: String {
        switch self {
        case .string: "string"
        case .integer: "integer"
        case .float: "float"
        case .boolean: "boolean"
        case .dateTime(let value):
            switch value.kind {
            case .localDate: "date"
            case .localTime: "time"
            case .offsetDateTime, .localDateTime: "date-time"
            }
        case .array: "array"
        case .table: "table"
        }
    }

    /// ``typeName`` with its article, ready for `expected a string, found \(value.typeNameWithArticle)`:
    /// `a string`, `an integer`, `an array`, ...
    package var typeNameWithArticle: String {
        let name = typeName
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        return (name.first.map { vowels.contains($0) } ?? false ? "an " : "a ") + name
    }

    /// ``typeNameWithArticle`` as a catalog phrase (`toml.aString`, `toml.anInteger`, ...).
    package var typeNamePhrase: Phrase {
        let id: String =
            switch self {
            case .string: "aString"
            case .integer: "anInteger"
            case .float: "aFloat"
            case .boolean: "aBoolean"
            case .dateTime(let dt):
                switch dt.kind {
                case .localDate: "aDate"
                case .localTime: "aTime"
                case .offsetDateTime, .localDateTime: "aDateTime"
                }
            case .array: "anArray"
            case .table: "aTable"
            }
        return Phrase(typeNameWithArticle, "toml." + id)
    }

    /// The text of a string value, or `nil` for any other type.
    package var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The number of an integer value, or `nil` for any other type (floats included).
    package var integerValue: Int64? {
        if case .integer(let value) = self { value } else { nil }
    }

    /// The number of a float value, or `nil` for any other type (integers included).
    package var floatValue: Double? {
        if case .float(let value) = self { value } else { nil }
    }

    /// The truth value of a boolean, or `nil` for any other type.
    package var booleanValue: Bool? {
        if case .boolean(let value) = self { value } else { nil }
    }

    /// The date and/or time of a date-time value, or `nil` for any other type.
    package var dateTimeValue: TOMLDateTime? {
        if case .dateTime(let value) = self { value } else { nil }
    }

    /// The elements of an array (or array of tables), or `nil` for any other type.
    package var arrayValue: [TOMLNode]? {
        if case .array(let value) = self { value } else { nil }
    }

    /// The table, or `nil` for any other type.
    package var tableValue: TOMLTable? {
        if case .table(let value) = self { value } else { nil }
    }
}

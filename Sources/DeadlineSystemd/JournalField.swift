package import Logging

/// One `NAME=value` field of a journal entry, as sent to journald over its native protocol.
///
/// A value may contain any bytes, including newlines and UTF-8 Vietnamese text: `sd_journal_sendv` switches to
/// the length-prefixed binary form when it needs to, so nothing is escaped or lost.
package struct JournalField: Sendable, Hashable, CustomStringConvertible {
    /// The field name; valid for journald (see ``JournalFieldName``) when built by this module.
    package var name: String
    /// The field value, sent byte for byte as UTF-8.
    package var value: String

    /// Creates a field. The name is used as given: pass it through ``JournalFieldName/forMetadataKey(_:)`` first
    /// unless it is a constant known to be valid.
    package init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// The `NAME=value` form, exactly as it goes into one `iovec`.
    package var description: String { "\(self.name)=\(self.value)" }
}

/// The rules for journald field names, and the mapping from swift-log metadata keys to them.
///
/// journald silently drops a field whose name is not made only of `A`–`Z`, `0`–`9` and `_`, starts with `_`
/// (reserved for trusted fields journald adds itself) or a digit, or is longer than 64 characters. Passing
/// metadata keys through would therefore lose `deadline_id` or `error.message` without a trace, so every key is
/// mapped instead:
///
/// 1. ASCII letters are uppercased; `A`–`Z`, `0`–`9` and `_` are kept; every other character, including `.`,
///    `-`, spaces and non-ASCII letters, becomes one `_`.
/// 2. Leading `_` are removed.
/// 3. A name that is then empty, starts with a digit, or is one of the fields the handler writes itself
///    (``reservedNames``) gets the prefix `META_`.
/// 4. The result is cut to 64 characters.
///
/// Two keys that map to the same name both arrive, as two values of one field (journald fields may repeat).
package enum JournalFieldName {
    /// The longest field name journald accepts.
    package static let maximumLength = 64

    /// The prefix given to metadata keys that would otherwise be invalid or collide with ``reservedNames``.
    package static let escapePrefix = "META_"

    /// Fields ``JournalLogHandler`` sets from the log call itself; metadata cannot override them.
    ///
    /// `MESSAGE_ID` is deliberately absent: metadata is how a statement carries its ``LogEventID``.
    package static let reservedNames: Set<String> = [
        "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC",
    ]

    /// Whether journald accepts `name` as a field name sent by a client.
    package static func isValid(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, bytes.count <= Self.maximumLength else { return false }
        guard first != UInt8(ascii: "_"), !Self.isDigit(first) else { return false }
        return bytes.allSatisfy { Self.isUpper($0) || Self.isDigit($0) || $0 == UInt8(ascii: "_") }
    }

    /// The journald field name for a swift-log metadata key, following the rules in the type's documentation.
    ///
    /// For example `deadline_id` → `DEADLINE_ID`, `error.message` → `ERROR_MESSAGE`, `_pid` → `PID`,
    /// `2fa` → `META_2FA`, `message` → `META_MESSAGE`.
    package static func forMetadataKey(_ key: String) -> String {
        var mapped = ""
        mapped.reserveCapacity(key.utf8.count)
        for scalar in key.unicodeScalars {
            switch scalar {
            case "a"..."z": mapped.unicodeScalars.append(Unicode.Scalar(scalar.value - 32)!)
            case "A"..."Z", "0"..."9", "_": mapped.unicodeScalars.append(scalar)
            default: mapped.append("_")
            }
        }
        let stripped = String(mapped.drop { $0 == "_" })
        let needsPrefix =
            stripped.isEmpty || stripped.utf8.first.map(Self.isDigit) == true
            || Self.reservedNames.contains(stripped)
        let name = needsPrefix ? Self.escapePrefix + stripped : stripped
        return String(name.prefix(Self.maximumLength))
    }

    private static func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
}

/// The syslog priorities journald stores in `PRIORITY=`, from `sd-daemon.h`'s `SD_EMERG` to `SD_DEBUG`.
package enum SyslogPriority: Int, Sendable, CaseIterable, Comparable {
    /// 0, `SD_EMERG`: the system is unusable. Never used by deadlined.
    case emergency = 0
    /// 1, `SD_ALERT`: action must be taken immediately. Never used by deadlined.
    case alert = 1
    /// 2, `SD_CRIT`: swift-log's `critical`.
    case critical = 2
    /// 3, `SD_ERR`: swift-log's `error`.
    case error = 3
    /// 4, `SD_WARNING`: swift-log's `warning`.
    case warning = 4
    /// 5, `SD_NOTICE`: swift-log's `notice`.
    case notice = 5
    /// 6, `SD_INFO`: swift-log's `info`.
    case info = 6
    /// 7, `SD_DEBUG`: swift-log's `debug` and `trace`.
    case debug = 7

    /// The priority for a swift-log level: `trace` and `debug` → 7, `info` → 6, `notice` → 5, `warning` → 4,
    /// `error` → 3, `critical` → 2.
    package init(_ level: Logger.Level) {
        switch level {
        case .trace, .debug: self = .debug
        case .info: self = .info
        case .notice: self = .notice
        case .warning: self = .warning
        case .error: self = .error
        case .critical: self = .critical
        }
    }

    /// The `<N>` line prefix that journald's stdout/stderr stream reads as this priority (`SD_INFO` is `"<6>"`).
    package var linePrefix: String { "<\(self.rawValue)>" }

    /// Orders by numeric value, so `.critical < .info` (more severe first).
    package static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

import Glibc
package import Logging

/// A swift-log handler that writes one line per statement to stderr, for when journald is not the target.
///
/// Two formats:
/// - ``LineFormat/plain``, for a person at a terminal or a file: `WARNING message key=value key2="two words"`.
/// - ``LineFormat/priorityPrefixed``, for stderr connected to journald's stream (`StandardError=journal`):
///   `<4>message key=value`. journald reads the `<N>` prefix (the `SD_WARNING` convention of `sd-daemon.h`) as
///   the entry's `PRIORITY` and strips it.
///
/// Every statement is exactly one line, written with a single `write(2)`: newlines, tabs and other control
/// characters in the message or values appear as `\n`, `\t`, `\u{1B}`. Metadata keys appear as written, in sorted
/// order; nested dictionaries as `parent.child=…`, arrays as `key=[a,b]`. Vietnamese text is written as UTF-8.
package struct StderrLogHandler: LogHandler {
    /// The shape of each line.
    package enum LineFormat: Sendable, Hashable {
        /// `LEVEL message key=value`, for people.
        case plain
        /// `<N>message key=value`, for journald's stdout/stderr stream.
        case priorityPrefixed
    }

    /// The shape of each line.
    package var format: LineFormat
    /// The handler's own metadata, below the provider's and the call's in precedence.
    package var metadata: Logger.Metadata = [:]
    /// Supplies contextual metadata at each statement, such as task-local values.
    package var metadataProvider: Logger.MetadataProvider?
    /// The minimum level this handler emits.
    package var logLevel: Logger.Level = .info

    /// Creates a handler writing lines of the given format.
    package init(format: LineFormat = .plain, metadataProvider: Logger.MetadataProvider? = nil) {
        self.format = format
        self.metadataProvider = metadataProvider
    }

    /// Reads or writes one key of the handler's own metadata.
    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    /// Writes the statement's line to stderr.
    package func log(event: LogEvent) {
        let merged = LogMetadataMerge.merged(
            handler: self.metadata,
            provided: self.metadataProvider?.get() ?? [:],
            explicit: event.metadata,
            error: event.error
        )
        Self.write(event: event, metadata: merged, format: self.format)
    }

    /// Writes one statement whose metadata is already merged; shared with ``JournalLogHandler``'s fallback.
    static func write(event: LogEvent, metadata: Logger.Metadata, format: LineFormat) {
        var line = Self.line(level: event.level, message: event.message.description, metadata: metadata, format: format)
        line.append("\n")
        Self.writeToStderr(line)
    }

    /// The line for a statement, without the trailing newline. Pure; used by tests and by ``log(event:)``.
    package static func line(
        level: Logger.Level,
        message: String,
        metadata: Logger.Metadata,
        format: LineFormat
    ) -> String {
        var line: String
        switch format {
        case .plain: line = level.rawValue.uppercased() + " "
        case .priorityPrefixed: line = SyslogPriority(level).linePrefix
        }
        line += Self.escaped(message)
        var pairs: [(String, String)] = []
        for key in metadata.keys.sorted() {
            Self.appendPairs(metadata[key]!, key: key, depth: 0, to: &pairs)
        }
        for (key, value) in pairs {
            line += " " + Self.escaped(key) + "=" + Self.quotedIfNeeded(value)
        }
        return line
    }

    private static func appendPairs(
        _ value: Logger.MetadataValue,
        key: String,
        depth: Int,
        to pairs: inout [(String, String)]
    ) {
        switch value {
        case .dictionary(let dictionary) where depth < JournalRecord.maximumNestingDepth:
            for child in dictionary.keys.sorted() {
                Self.appendPairs(dictionary[child]!, key: key + "." + child, depth: depth + 1, to: &pairs)
            }
        case .array(let array):
            pairs.append((key, "[" + array.map(\.description).joined(separator: ",") + "]"))
        default:
            pairs.append((key, value.description))
        }
    }

    /// Replaces control characters with Swift-style escapes so the text stays on one line.
    /// The control characters (general category Cc) are exactly U+0000–U+001F and U+007F–U+009F; in UTF-8 those
    /// are the bytes below 0x20, 0x7F, and 0xC2 followed by 0x80–0x9F, so most lines are checked byte by byte
    /// without looking up a property per scalar (that lookup was a tenth of a delivery's logging cost).
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }),
            text.unicodeScalars.contains(where: isControl)
        else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where isControl(scalar):
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `scalar` is a control character (general category Cc).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Quotes a value that is empty or contains a space, `"`, `=` or `\`, so `key=value` pairs stay unambiguous.
    static func quotedIfNeeded(_ value: String) -> String {
        let needsQuotes =
            value.isEmpty || value.utf8.contains { $0 == 32 || $0 == 34 || $0 == 61 || $0 == 92 }
        guard needsQuotes else { return Self.escaped(value) }
        let inner = value.replacingBackslashesAndQuotes()
        return "\"" + Self.escaped(inner) + "\""
    }

    /// Writes all of `text` to file descriptor 2, retrying on `EINTR` and short writes (a bounded number of times).
    static func writeToStderr(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            for _ in 0..<64 where offset < buffer.count {
                let written = Glibc.write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }
}

extension String {
    fileprivate func replacingBackslashesAndQuotes() -> String {
        guard utf8.contains(where: { $0 == 34 || $0 == 92 }) else { return self }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 8)
        for byte in utf8 {
            if byte == 34 || byte == 92 { result.append(92) }
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }
}

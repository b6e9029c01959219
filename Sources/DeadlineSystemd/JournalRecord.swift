package import Logging

/// The journal entry for one log statement: the pure, I/O-free half of ``JournalLogHandler``.
///
/// Building the fields is separated from sending them so that the mapping (priorities, field names, flattening,
/// metadata precedence) can be tested without a journald. The fields come in this order: `MESSAGE`, `PRIORITY`,
/// `SYSLOG_IDENTIFIER`, `CODE_FILE`, `CODE_LINE`, `CODE_FUNC`, then the metadata sorted by key.
package struct JournalRecord: Sendable, Hashable {
    /// Every field of the entry, in the order they are sent.
    package var fields: [JournalField]

    /// Creates a record from already built fields.
    package init(fields: [JournalField]) {
        self.fields = fields
    }

    /// Builds the entry for a log event.
    ///
    /// - Parameters:
    ///   - event: the statement: level, message, per-call metadata, error and call site.
    ///   - identifier: the `SYSLOG_IDENTIFIER` value, `deadlined` for the daemon.
    ///   - metadata: the handler's own metadata (`logger[metadataKey:]`).
    ///   - providedMetadata: what the handler's metadata provider returned for this statement.
    package init(
        event: LogEvent,
        identifier: String,
        metadata: Logger.Metadata = [:],
        providedMetadata: Logger.Metadata = [:]
    ) {
        var fields: [JournalField] = [
            JournalField("MESSAGE", event.message.description),
            JournalField("PRIORITY", String(SyslogPriority(event.level).rawValue)),
            JournalField("SYSLOG_IDENTIFIER", identifier),
            JournalField("CODE_FILE", event.file),
            JournalField("CODE_LINE", String(event.line)),
            JournalField("CODE_FUNC", event.function),
        ]
        let merged = LogMetadataMerge.merged(
            handler: metadata,
            provided: providedMetadata,
            explicit: event.metadata,
            error: event.error
        )
        for key in merged.keys.sorted() {
            Self.appendFlattened(merged[key]!, path: key, depth: 0, to: &fields)
        }
        self.fields = fields
    }

    /// The first value of the named field, if present.
    package subscript(name: String) -> String? {
        self.fields.first { $0.name == name }?.value
    }

    /// Every value of the named field, in order; journald keeps them all.
    package func values(of name: String) -> [String] {
        self.fields.filter { $0.name == name }.map(\.value)
    }

    /// Nesting deeper than this is written as the value's description rather than further fields.
    static let maximumNestingDepth = 8

    /// Flattens a metadata value: a dictionary's entries become `PARENT_CHILD` fields, an array's elements become
    /// repeated values of the same field, strings and string-convertibles become one field.
    private static func appendFlattened(
        _ value: Logger.MetadataValue,
        path: String,
        depth: Int,
        to fields: inout [JournalField]
    ) {
        switch value {
        case .string(let string):
            fields.append(JournalField(JournalFieldName.forMetadataKey(path), string))
        case .stringConvertible(let convertible):
            fields.append(JournalField(JournalFieldName.forMetadataKey(path), convertible.description))
        case .dictionary(let dictionary) where depth < Self.maximumNestingDepth:
            for key in dictionary.keys.sorted() {
                Self.appendFlattened(dictionary[key]!, path: path + "_" + key, depth: depth + 1, to: &fields)
            }
        case .array(let array) where depth < Self.maximumNestingDepth:
            for element in array {
                Self.appendFlattened(element, path: path, depth: depth + 1, to: &fields)
            }
        case .dictionary, .array:
            fields.append(JournalField(JournalFieldName.forMetadataKey(path), value.description))
        }
    }
}

/// How handler metadata, metadata-provider output, per-call metadata and an error combine, exactly as
/// swift-log's own `StreamLogHandler` does it.
enum LogMetadataMerge {
    /// Later sources win on equal keys: handler, then provider, then the call's explicit metadata. An error adds
    /// `error.message` and `error.type`.
    static func merged(
        handler: Logger.Metadata,
        provided: Logger.Metadata,
        explicit: Logger.Metadata?,
        error: (any Error)?
    ) -> Logger.Metadata {
        var metadata = handler
        metadata.merge(provided) { _, provided in provided }
        if let explicit {
            metadata.merge(explicit) { _, explicit in explicit }
        }
        if let error {
            metadata["error.message"] = .string("\(error)")
            metadata["error.type"] = .string(String(reflecting: type(of: error)))
        }
        return metadata
    }
}

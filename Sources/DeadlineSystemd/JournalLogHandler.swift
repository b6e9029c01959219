import CSystemd
import Glibc
package import Logging

/// A swift-log handler that writes structured entries to journald through `sd_journal_sendv`.
///
/// Each statement becomes one journal entry with `MESSAGE`, `PRIORITY`, `SYSLOG_IDENTIFIER`, `CODE_FILE`,
/// `CODE_LINE`, `CODE_FUNC` and one field per metadata value (see ``JournalRecord`` for the mapping and
/// ``JournalFieldName`` for how keys become field names), so operators can run
/// `journalctl DEADLINE_ID=5418 PRIORITY=3` or `journalctl -x MESSAGE_ID=…`.
///
/// Use ``LogTarget`` to choose between this and ``StderrLogHandler`` rather than constructing it directly.
///
/// If journald cannot be reached the statement is written to stderr instead (in ``fallbackFormat``), so it is
/// never lost silently. That needs a check of our own: `sd_journal_sendv` deliberately returns success, dropping
/// the entry, when `/run/systemd/journal/socket` does not exist (`ENOENT`), so the handler tests for the socket
/// before each send (one `stat`) and also falls back when `sd_journal_sendv` reports any other error.
package struct JournalLogHandler: LogHandler {
    /// The value of `SYSLOG_IDENTIFIER=` on every entry; `journalctl -t` filters on it.
    package var identifier: String
    /// The handler's own metadata, below the provider's and the call's in precedence.
    package var metadata: Logger.Metadata = [:]
    /// Supplies contextual metadata at each statement, such as task-local values.
    package var metadataProvider: Logger.MetadataProvider?
    /// The minimum level this handler emits.
    package var logLevel: Logger.Level = .info
    /// How a statement is written to stderr when journald cannot be reached.
    package var fallbackFormat: StderrLogHandler.LineFormat

    /// Creates a handler.
    ///
    /// - Parameters:
    ///   - identifier: the `SYSLOG_IDENTIFIER`; `deadlined` unless a tool logs under its own name.
    ///   - metadataProvider: contextual metadata added to every statement.
    ///   - fallbackFormat: the stderr line format used when journald is unreachable.
    package init(
        identifier: String = "deadlined",
        metadataProvider: Logger.MetadataProvider? = nil,
        fallbackFormat: StderrLogHandler.LineFormat = .plain
    ) {
        self.identifier = identifier
        self.metadataProvider = metadataProvider
        self.fallbackFormat = fallbackFormat
    }

    /// Reads or writes one key of the handler's own metadata.
    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    /// Sends the statement to journald, or to stderr if that fails.
    package func log(event: LogEvent) {
        let provided = self.metadataProvider?.get() ?? [:]
        let record = JournalRecord(
            event: event,
            identifier: self.identifier,
            metadata: self.metadata,
            providedMetadata: provided
        )
        if !JournalSender.socketExists() || JournalSender.send(record) != 0 {
            let merged = LogMetadataMerge.merged(
                handler: self.metadata,
                provided: provided,
                explicit: event.metadata,
                error: event.error
            )
            StderrLogHandler.write(event: event, metadata: merged, format: self.fallbackFormat)
        }
    }
}

/// The one place that calls `sd_journal_sendv`.
enum JournalSender {
    /// Whether journald's native socket exists; `sd_journal_sendv` silently drops entries when it does not.
    static func socketExists() -> Bool {
        var status = stat()
        return stat(LogEnvironment.journalSocketPath, &status) == 0 && (status.st_mode & S_IFMT) == S_IFSOCK
    }

    /// Sends the record's fields as one entry. Returns 0 on success or a negative errno, as `sd_journal_sendv`.
    static func send(_ record: JournalRecord) -> Int32 {
        // One contiguous buffer of "NAME=value" byte strings; the iovecs point into it.
        var buffer: [UInt8] = []
        var spans: [(offset: Int, count: Int)] = []
        spans.reserveCapacity(record.fields.count)
        for field in record.fields {
            let start = buffer.count
            buffer.append(contentsOf: field.name.utf8)
            buffer.append(UInt8(ascii: "="))
            buffer.append(contentsOf: field.value.utf8)
            spans.append((start, buffer.count - start))
        }
        return buffer.withUnsafeMutableBytes { bytes -> Int32 in
            guard let base = bytes.baseAddress else { return -EINVAL }
            let vectors = spans.map { iovec(iov_base: base + $0.offset, iov_len: $0.count) }
            return vectors.withUnsafeBufferPointer { sd_journal_sendv($0.baseAddress, Int32($0.count)) }
        }
    }
}

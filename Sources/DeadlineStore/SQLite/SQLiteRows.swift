import DeadlineKit
import GRDB

/// Reading ledger rows back into values. A value the schema's CHECKs should have kept out (an unknown state, a
/// malformed date) is reported as ``StoreError/Code/corrupt``.
enum SQLiteRows {
    /// The columns ``entry(_:path:)`` reads, in `SELECT` order; read by position, which is several times faster
    /// than by name.
    private enum EntryColumn: Int, CaseIterable {
        case reminderKey, deadlineID, occurrence, rule, kind, unit, channel, recipients, dueAt, sendAt, state
        case attempts, nextAttemptAt, lastError, reason, response, sentAt, claimedBy, createdAt, updatedAt
        case requeuedAt, requeuedAfter

        static let names = [
            "reminder_key", "deadline_id", "occurrence", "rule", "kind", "unit", "channel", "recipients", "due_at",
            "send_at", "state", "attempts", "next_attempt_at", "last_error", "reason", "response", "sent_at",
            "claimed_by", "created_at", "updated_at", "requeued_at", "requeued_after",
        ]
    }

    /// `reminder_key, deadline_id, ...`: the select list for ``entry(_:path:)``.
    static let entryColumns = EntryColumn.names.joined(separator: ", ")

    static func entry(_ row: Row, path: String) throws -> LedgerEntry {
        func value<Value: DatabaseValueConvertible>(_ column: EntryColumn) throws -> Value {
            try row.decode(atIndex: column.rawValue)
        }
        func moment(_ column: EntryColumn) throws -> Instant {
            Instant(secondsSinceEpoch: try value(column))
        }
        func optionalMoment(_ column: EntryColumn) throws -> Instant? {
            try (value(column) as Int64?).map(Instant.init(secondsSinceEpoch:))
        }
        let recipients: String = try value(.recipients)
        let reminder = LedgerReminder(
            key: try value(.reminderKey), deadlineID: try value(.deadlineID),
            occurrence: try date(value(.occurrence), path: path), rule: try value(.rule),
            kind: try enumValue(value(.kind), path: path), unit: try value(.unit), channel: try value(.channel),
            recipients: recipients.isEmpty ? [] : recipients.split(separator: "\n").map(String.init),
            due: try moment(.dueAt), sendAt: try moment(.sendAt))
        return LedgerEntry(
            reminder: reminder, state: try enumValue(value(.state), path: path), attempts: try value(.attempts),
            nextAttemptAt: try optionalMoment(.nextAttemptAt), lastError: try value(.lastError),
            reason: try value(.reason), response: try value(.response), sentAt: try optionalMoment(.sentAt),
            claimedBy: try value(.claimedBy), createdAt: try moment(.createdAt), updatedAt: try moment(.updatedAt),
            requeuedAt: try optionalMoment(.requeuedAt), requeuedAfter: try value(.requeuedAfter))
    }

    static func attempt(_ row: Row, path: String) throws -> AttemptRecord {
        let outcome: String? = try row.decode(forColumn: "outcome")
        return AttemptRecord(
            number: try row.decode(forColumn: "attempt"), owner: try row.decode(forColumn: "owner"),
            startedAt: try instant(row, "started_at"), finishedAt: try optionalInstant(row, "finished_at"),
            outcome: try outcome.map { try enumValue($0, path: path) }, detail: try row.decode(forColumn: "detail"))
    }

    static func event(_ row: Row, path: String) throws -> OccurrenceEvent {
        OccurrenceEvent(
            sequence: try row.decode(forColumn: "sequence"),
            occurrence: OccurrenceID(
                deadlineID: try row.decode(forColumn: "deadline_id"),
                date: try date(row.decode(forColumn: "occurrence"), path: path)),
            unit: try row.decode(forColumn: "unit"),
            action: try enumValue(row.decode(forColumn: "action"), path: path),
            user: try row.decode(forColumn: "actor"), note: try row.decode(forColumn: "note"),
            snoozedUntil: try optionalInstant(row, "snoozed_until"), at: try instant(row, "happened_at"))
    }

    static func instance(_ row: Row) throws -> InstanceRecord {
        let pid: Int64 = try row.decode(forColumn: "pid")
        return InstanceRecord(
            instanceID: try row.decode(forColumn: "instance_id"), host: try row.decode(forColumn: "host"),
            pid: Int32(truncatingIfNeeded: pid), startedAt: try instant(row, "started_at"),
            heartbeatAt: try instant(row, "heartbeat_at"), configLoadedAt: try optionalInstant(row, "config_loaded_at"),
            configSummary: try row.decode(forColumn: "config_summary"), status: try row.decode(forColumn: "status"))
    }

    static func instant(_ row: Row, _ column: String) throws -> Instant {
        Instant(secondsSinceEpoch: try row.decode(Int64.self, forColumn: column))
    }

    static func optionalInstant(_ row: Row, _ column: String) throws -> Instant? {
        try row.decode(Int64?.self, forColumn: column).map(Instant.init(secondsSinceEpoch:))
    }

    static func enumValue<Value: RawRepresentable>(_ text: String, path: String) throws -> Value
    where Value.RawValue == String {
        guard let value = Value(rawValue: text) else {
            throw StoreError(.corrupt, "\(path) holds '\(text)' where a \(Value.self) was expected; is it damaged?")
        }
        return value
    }

    /// `2020-12-10` -> the date.
    static func date(_ text: String, path: String) throws -> CivilDate {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            let date = CivilDate(year: year, month: month, day: day)
        else {
            throw StoreError(.corrupt, "\(path) holds '\(text)' where a date (YYYY-MM-DD) was expected")
        }
        return date
    }
}

extension Instant {
    /// `2020-12-03T01:00:00Z`: for messages, with no formatter object.
    var utcText: String {
        let seconds = secondsSinceEpoch
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let second = Int(seconds - days * 86_400)
        let date = CivilDate(daysSinceEpoch: Int(days))
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(date.iso)T\(two(second / 3600)):\(two(second / 60 % 60)):\(two(second % 60))Z"
    }
}

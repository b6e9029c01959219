package import Logging

/// The fixed journald `MESSAGE_ID` of every event deadlined logs that an operator may want to find, count or
/// have explained.
///
/// Each case's raw value is a 128-bit identifier written as 32 lowercase hexadecimal digits, generated once with
/// `systemd-id128 new` and never changed: the journald catalog (`deploy/deadlined.catalog`) and any saved
/// `journalctl MESSAGE_ID=…` queries match on it. Add a case with a freshly generated identifier; never reuse or
/// edit one.
///
/// Attach an identifier to a log statement through its metadata, which ``JournalLogHandler`` turns into the
/// `MESSAGE_ID=` field:
///
/// ```swift
/// logger.info("Đã gửi nhắc hạn", metadata: LogEventID.reminderSent.metadata(["deadline_id": "5418"]))
/// ```
///
/// Do not use this for one-off debugging messages: only events with a catalog entry deserve an identifier.
package enum LogEventID: String, Sendable, CaseIterable, CustomStringConvertible {
    /// A reminder was delivered on one channel to one recipient.
    case reminderSent = "1adbb4ec72d44f4ba39f51675cd451ae"
    /// A delivery attempt failed temporarily; it will be retried with backoff.
    case deliveryFailed = "e9c5aa1a63ea4478a3d39d0030d2ecd0"
    /// A delivery failed permanently or ran out of retries; no further attempt will be made.
    case deliveryGivenUp = "3f89e3b643494ac8ba857516245c2890"
    /// A deadline passed without being marked done.
    case deadlineOverdue = "82d3be2a18f94371bef293fe6cf46ecc"
    /// The configuration was loaded at start-up.
    case configLoaded = "374ab0955b4e49d8b2b1e23ed9337af2"
    /// The configuration was reloaded (SIGHUP or `systemctl reload`) and the new one is in effect.
    case configReloaded = "75bd27b3f61743b5bf401c71ba4762c2"
    /// A new configuration was rejected; the previous one stays in effect.
    case configRejected = "ce55d999d55e452a9785a6e19f3da717"
    /// A reminder whose time passed while the daemon was not running was skipped rather than sent late.
    case catchUpSkipped = "2b11fe2d518546698642133737b0a5f2"
    /// An administrator marked a deadline done, which stops its reminders.
    case reminderMarkedDone = "1b4e66e9fadb487e89726d9dac980021"
    /// An administrator snoozed a deadline's reminders.
    case reminderSnoozed = "70b57c4a94c942efaab8c0b09deb5569"
    /// The daemon finished starting and is about to send `READY=1`.
    case daemonStarted = "3ed770119d2a4d47bee5463fc8eee2b3"
    /// The daemon received a stop request and is shutting down.
    case daemonStopping = "8b6891a66de6453ab2e76200b98187ac"
    /// A reminder was set aside unsent because it is no longer needed: a later reminder of the same occurrence
    /// supersedes it after downtime, or every unit it is about finished meanwhile.
    case reminderSkipped = "8d17caf0f6334084991929bca30396b3"
    /// An administrator put failed or given-up deliveries back to be sent (`deadlinectl resend`).
    case reminderResent = "c2dc46ce37464793b2a66e36d8e6d0c1"
    /// A unit confirmed an occurrence done through the link in its reminder (the web side), which stops its reminders.
    case confirmedByLink = "e1be0833ad584d558d1ffa61404eca49"

    /// The journald `MESSAGE_ID` value: 32 lowercase hexadecimal digits.
    package var messageID: String { self.rawValue }

    /// A stable kebab-case name for the event, for tests, documentation and the catalog's comments.
    package var name: String {
        switch self {
        case .reminderSent: "reminder-sent"
        case .deliveryFailed: "delivery-failed"
        case .deliveryGivenUp: "delivery-given-up"
        case .deadlineOverdue: "deadline-overdue"
        case .configLoaded: "config-loaded"
        case .configReloaded: "config-reloaded"
        case .configRejected: "config-rejected"
        case .catchUpSkipped: "catch-up-skipped"
        case .reminderMarkedDone: "reminder-marked-done"
        case .reminderSnoozed: "reminder-snoozed"
        case .daemonStarted: "daemon-started"
        case .daemonStopping: "daemon-stopping"
        case .reminderSkipped: "reminder-skipped"
        case .reminderResent: "reminder-resent"
        case .confirmedByLink: "confirmed-by-link"
        }
    }

    /// The ``name``, so that string interpolation reads well in messages and test output.
    package var description: String { self.name }

    /// Metadata carrying this identifier under ``LogMetadataKey/messageID``, merged over `other`.
    ///
    /// - Parameter other: further metadata for the same log statement; its own `message_id`, if any, is replaced.
    package func metadata(_ other: Logger.Metadata = [:]) -> Logger.Metadata {
        var merged = other
        merged[LogMetadataKey.messageID] = .string(self.rawValue)
        return merged
    }
}

/// The metadata keys deadlined uses, and the journald field each becomes.
///
/// Use these constants rather than string literals so that a typo cannot silently create a new journald field.
/// Any other key still works: ``JournalFieldName/forMetadataKey(_:)`` maps it to a valid field name.
package enum LogMetadataKey {
    /// The deadline's identifier (`DEADLINE_ID=`).
    package static let deadlineID = "deadline_id"
    /// The deadline's due date in ISO 8601 (`DEADLINE_DUE=`).
    package static let deadlineDue = "deadline_due"
    /// The directive or document reference the deadline comes from, such as `123/QĐ-UBND` (`DOCUMENT_REF=`).
    package static let documentRef = "document_ref"
    /// The office unit the reminder is for, by its id in the configuration, such as `so-khdt`
    /// (`DEADLINE_UNIT=`; not `UNIT=`, which systemd uses for the name of a systemd unit and `journalctl -u` matches).
    package static let unit = "deadline_unit"
    /// The delivery channel's name (`CHANNEL=`).
    package static let channel = "channel"
    /// The recipient's address (`RECIPIENT=`).
    package static let recipient = "recipient"
    /// The delivery attempt number, starting at 1 (`ATTEMPT=`).
    package static let attempt = "attempt"
    /// The event's ``LogEventID`` (`MESSAGE_ID=`).
    package static let messageID = "message_id"
}

// DeadlineSystemd: deadlined's side of the systemd contract, through libsystemd's C API (`CSystemd`).
//
//   LogEventID.swift        fixed MESSAGE_IDs for the catalog (deploy/deadlined.catalog) and metadata key names
//   JournalField.swift      journald's field-name rules, metadata key -> field name, swift-log level -> PRIORITY
//   JournalRecord.swift     the pure mapping of one log statement to journal fields (tested without journald)
//   JournalLogHandler.swift the swift-log handler; the only sd_journal_sendv call
//   StderrLogHandler.swift  one-line console output, plain or "<N>"-prefixed for journald's stream
//   LogTarget.swift         auto | journal | console, and the rule auto follows
//   SystemdNotifier.swift   sd_notify: READY, STATUS, RELOADING + MONOTONIC_USEC, STOPPING, WATCHDOG
//
// Things journald and libsystemd do silently, which the code above works around:
// - journald drops any field whose name is not [A-Z0-9_], starts with "_" or a digit, or exceeds 64 characters;
//   hence JournalFieldName maps every metadata key instead of passing it through.
// - sd_journal_sendv returns success when /run/systemd/journal/socket does not exist (the entry is dropped);
//   hence JournalLogHandler checks for the socket and falls back to stderr.
// - swift-log 1.16 already has a type named LogEvent (what handlers receive); ours is LogEventID to avoid an
//   ambiguity in every file importing both modules.
//
// Tests: Tests/DeadlineSystemdTests, against a real journald in a private mount namespace and a real
// NOTIFY_SOCKET listener (Tests/TestSupport/JournalHarness.swift, NotifySocketListener.swift), with the
// Tests/JournalProbe executable as the process that logs and notifies.

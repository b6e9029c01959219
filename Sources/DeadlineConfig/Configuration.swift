package import DeadlineKit

/// Settings of the daemon process (not of reminders).
package struct DaemonSettings: Sendable, Hashable {
    /// Where the ledger lives; `$STATE_DIRECTORY` overrides the config.
    package var stateDirectory: String
    /// Reminders missed by less than this during downtime are still sent once.
    package var catchUpSeconds: Int64
    /// Attempts before a temporarily failing delivery is given up.
    package var retryLimit: Int
    /// A delivery still failing this long after its send time is given up.
    package var retryMaxAgeSeconds: Int64
    /// The first retry's wait; doubled for each further one.
    package var retryDelaySeconds: Int64 = 60
    /// `templates_directory`, resolved against the main file's folder; nil for the built-in templates only.
    package var templatesDirectory: String?
    /// `language` as the main file writes it; nil when it does not set it (reminders are then Vietnamese, and
    /// `deadlinectl` follows the locale).
    package var configuredLanguage: Language?

    package init(
        stateDirectory: String = "/var/lib/deadlined", catchUpSeconds: Int64 = 86_400, retryLimit: Int = 8,
        retryMaxAgeSeconds: Int64 = 2 * 86_400
    ) {
        self.stateDirectory = stateDirectory
        self.catchUpSeconds = catchUpSeconds
        self.retryLimit = retryLimit
        self.retryMaxAgeSeconds = retryMaxAgeSeconds
    }
}

/// A whole, validated configuration: the agenda the planner works from, the channels' delivery
/// settings and the daemon's own settings.
package struct Configuration: Sendable {
    package private(set) var agenda: Agenda
    package let channels: [String: ChannelSettings]
    package let daemon: DaemonSettings
    /// Where the ledger lives (`[store]`): SQLite by default, or PostgreSQL shared by several daemons.
    package var store = StoreSettings()
    /// The web side (`[web]`); nil when it is off.
    package var web: WebSettings?
    /// The main file, as given.
    package let mainFile: String
    /// Every file read, main file first, then drop-ins in name order.
    package let files: [String]

    package init(
        agenda: Agenda, channels: [String: ChannelSettings], daemon: DaemonSettings, mainFile: String, files: [String]
    ) {
        self.agenda = agenda
        self.channels = channels
        self.daemon = daemon
        self.mainFile = mainFile
        self.files = files
    }

    /// The same configuration with its deadlines' text in storage of their own (``Agenda/compacted()``): what
    /// is kept once loading is over, so that the pages of the syntax trees come free whole.
    package func compacted() -> Configuration {
        var copy = self
        copy.agenda = agenda.compacted()
        return copy
    }

    /// `2 documents, 7 deadlines, 6 units, 1 channel`
    package var summary: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return [
            count(agenda.documents.count, "document"), count(agenda.deadlines.count, "deadline"),
            count(agenda.units.count, "unit"), count(channels.count, "channel"),
        ].joined(separator: ", ")
    }
}

/// What loading produced: a configuration when there were no errors, and every diagnostic (errors and
/// warnings) in file and position order.
package struct ConfigLoadResult: Sendable {
    package let configuration: Configuration?
    package let diagnostics: [Diagnostic]
    /// The drop-in folder, as the main file names it (nil when the main file could not be read).
    package let dropInDirectory: String?

    package var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    package var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

import DeadlineKit

/// Settings of the daemon process (not of reminders).
public struct DaemonSettings: Sendable, Hashable {
    /// Where the ledger lives; `$STATE_DIRECTORY` overrides the config.
    public var stateDirectory: String
    /// Reminders missed by less than this during downtime are still sent once.
    public var catchUpSeconds: Int64
    /// Attempts before a temporarily failing delivery is given up.
    public var retryLimit: Int
    /// A delivery still failing this long after its send time is given up.
    public var retryMaxAgeSeconds: Int64
    /// The first retry's wait; doubled for each further one.
    public var retryDelaySeconds: Int64 = 60
    /// `templates_directory`, resolved against the main file's folder; nil for the built-in templates only.
    public var templatesDirectory: String?
    /// `language` as the main file writes it; nil when it does not set it (reminders are then Vietnamese, and
    /// `deadlinectl` follows the locale).
    public var configuredLanguage: Language?

    public init(
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
public struct Configuration: Sendable {
    public let agenda: Agenda
    public let channels: [String: ChannelSettings]
    public let daemon: DaemonSettings
    /// Where the ledger lives (`[store]`): SQLite by default, or PostgreSQL shared by several daemons.
    public var store = StoreSettings()
    /// The web side (`[web]`); nil when it is off.
    public var web: WebSettings?
    /// The main file, as given.
    public let mainFile: String
    /// Every file read, main file first, then drop-ins in name order.
    public let files: [String]

    public init(agenda: Agenda, channels: [String: ChannelSettings], daemon: DaemonSettings, mainFile: String, files: [String]) {
        self.agenda = agenda
        self.channels = channels
        self.daemon = daemon
        self.mainFile = mainFile
        self.files = files
    }

    /// `2 documents, 7 deadlines, 6 units, 1 channel`
    public var summary: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return [
            count(agenda.documents.count, "document"), count(agenda.deadlines.count, "deadline"),
            count(agenda.units.count, "unit"), count(channels.count, "channel"),
        ].joined(separator: ", ")
    }
}

/// What loading produced: a configuration when there were no errors, and every diagnostic (errors and
/// warnings) in file and position order.
public struct ConfigLoadResult: Sendable {
    public let configuration: Configuration?
    public let diagnostics: [Diagnostic]
    /// The drop-in folder, as the main file names it (nil when the main file could not be read).
    public let dropInDirectory: String?

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

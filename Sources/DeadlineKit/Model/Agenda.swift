/// The language of messages and of `deadlinectl`'s human-readable output.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case vi, en
}

/// Settings that apply to every deadline unless it says otherwise.
public struct AgendaSettings: Sendable, Hashable {
    /// The zone in which due dates and send times are read (default `Asia/Ho_Chi_Minh`).
    public var zone: ZoneRules
    public var language: Language
    /// A date-only deadline (`10/12/2020`) is due at this time of that day (default 17:00, the end of
    /// office hours; so `deadlinectl plan` shows `2020-12-10T17:00:00+07:00`).
    public var closingTime: TimeOfDay
    /// Channels used for units that name none.
    public var defaultChannels: [String]

    public init(
        zone: ZoneRules = .vietnam, language: Language = .vi, closingTime: TimeOfDay = TimeOfDay(hour: 17, minute: 0)!,
        defaultChannels: [String] = []
    ) {
        self.zone = zone
        self.language = language
        self.closingTime = closingTime
        self.defaultChannels = defaultChannels
    }
}

/// Everything the planner works from: units, channels, documents and deadlines, validated.
///
/// Built by `DeadlineConfig` from the admin's files; built directly in tests. Immutable once built.
public struct Agenda: Sendable {
    public let settings: AgendaSettings
    public let units: [String: Unit]
    public let channels: [String: ChannelInfo]
    /// Documents by reference number.
    public let documents: [String: Document]
    /// In the order the files list them (files in name order).
    public let deadlines: [Deadline]
    public let deadlineIndex: [String: Int]

    public init(
        settings: AgendaSettings, units: [Unit], channels: [ChannelInfo], documents: [Document], deadlines: [Deadline]
    ) {
        self.settings = settings
        self.units = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.channels = Dictionary(channels.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.documents = Dictionary(documents.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
        self.deadlines = deadlines
        var index: [String: Int] = [:]
        index.reserveCapacity(deadlines.count)
        for (i, d) in deadlines.enumerated() where index[d.id] == nil { index[d.id] = i }
        self.deadlineIndex = index
    }

    public func deadline(id: String) -> Deadline? {
        deadlineIndex[id].map { deadlines[$0] }
    }

    /// The due moment of a deadline's occurrence on `date` (its nominal due day), as an instant.
    public func dueInstant(of deadline: Deadline, occurrence date: CivilDate) -> Instant {
        settings.zone.instant(for: dueMoment(of: deadline, occurrence: date))
    }

    /// The local due moment of an occurrence.
    public func dueMoment(of deadline: Deadline, occurrence date: CivilDate) -> LocalDateTime {
        switch deadline.schedule {
        case .once(let moment): moment
        case .recurring(let r): LocalDateTime(date, r.time)
        }
    }
}

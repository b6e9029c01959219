/// The language of messages and of `deadlinectl`'s human-readable output.
package enum Language: String, Sendable, Hashable, CaseIterable {
    case vi, en
}

/// Settings that apply to every deadline unless it says otherwise.
package struct AgendaSettings: Sendable, Hashable {
    /// The zone in which due dates and send times are read (default `Asia/Ho_Chi_Minh`).
    package var zone: ZoneRules
    package var language: Language
    /// A date-only deadline (`10/12/2020`) is due at this time of that day (default 17:00, the end of
    /// office hours; so `deadlinectl plan` shows `2020-12-10T17:00:00+07:00`).
    package var closingTime: TimeOfDay
    /// Channels used for units that name none.
    package var defaultChannels: [String]
    /// Weekly days off, Tết placement and the announced days off and working days (`[calendar]`).
    package var holidayRules: HolidayRules
    /// Office hours on working days (default 08:00–17:00).
    package var workingHours: WorkingHours
    /// The office that sends the reminders (`[daemon] organization`, e.g. `Văn phòng UBND Thành phố Hà Nội`):
    /// messages name it in their text and signature, and the outbox in its From. Nil when not configured.
    package var organization: String?

    package init(
        zone: ZoneRules = .vietnam, language: Language = .vi, closingTime: TimeOfDay = TimeOfDay(hour: 17, minute: 0)!,
        defaultChannels: [String] = [], holidayRules: HolidayRules = HolidayRules(),
        workingHours: WorkingHours = .office
    ) {
        self.zone = zone
        self.language = language
        self.closingTime = closingTime
        self.defaultChannels = defaultChannels
        self.holidayRules = holidayRules
        self.workingHours = workingHours
    }
}

/// Everything the planner works from: units, channels, documents and deadlines, validated.
///
/// Built by `DeadlineConfig` from the admin's files; built directly in tests. Immutable once built.
package struct Agenda: Sendable {
    package let settings: AgendaSettings
    package let units: [String: Unit]
    package let channels: [String: ChannelInfo]
    /// Documents by reference number.
    package let documents: [String: Document]
    /// In the order the files list them (files in name order).
    package let deadlines: [Deadline]
    package let deadlineIndex: [String: Int]
    /// The working calendar of ``settings``, with the days off of the years the deadlines name precomputed
    /// (see ``covering(years:)`` for more).
    package let calendar: WorkingCalendar

    package init(
        settings: AgendaSettings, units: [Unit], channels: [ChannelInfo], documents: [Document], deadlines: [Deadline]
    ) {
        self.settings = settings
        self.units = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.channels = Dictionary(channels.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.documents = Dictionary(documents.map { ($0.ref, $0) }, uniquingKeysWith: { first, _ in first })
        self.deadlines = deadlines
        self.deadlineIndex = Agenda.index(of: deadlines)
        self.calendar = WorkingCalendar(
            rules: settings.holidayRules, hours: settings.workingHours, years: Agenda.yearsNamed(by: deadlines))
    }

    private init(_ agenda: Agenda, calendar: WorkingCalendar) {
        settings = agenda.settings
        units = agenda.units
        channels = agenda.channels
        documents = agenda.documents
        deadlines = agenda.deadlines
        deadlineIndex = agenda.deadlineIndex
        self.calendar = calendar
    }

    /// Each deadline's position by id (the first, if an id were given twice).
    private static func index(of deadlines: [Deadline]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(deadlines.count)
        for (i, d) in deadlines.enumerated() where index[d.id] == nil { index[d.id] = i }
        return index
    }

    /// This agenda with the days off of `years` precomputed as well, e.g. the current year and the next when the
    /// daemon starts. Planning works without it (it computes a missing year once per call), only slower.
    package func covering(years: ClosedRange<Int>) -> Agenda {
        Agenda(self, calendar: calendar.covering(years))
    }

    /// The years from one before the earliest to one after the latest that the deadlines name (one-off due dates,
    /// the bounds of recurrences), at most 30 years from the earliest, within ``WorkingCalendar/supportedYears``;
    /// `nil` when they name none there.
    static func yearsNamed(by deadlines: [Deadline]) -> ClosedRange<Int>? {
        var lowest = Int.max
        var highest = Int.min
        for deadline in deadlines {
            switch deadline.schedule {
            case .once(let moment):
                lowest = min(lowest, moment.date.year)
                highest = max(highest, moment.date.year)
            case .recurring(let r):
                for year in [r.start?.year, r.end?.year].compactMap({ $0 }) {
                    lowest = min(lowest, year)
                    highest = max(highest, year)
                }
            }
        }
        guard lowest <= highest else { return nil }
        return WorkingCalendar.supported((lowest - 1)...min(highest + 1, lowest + 30))
    }

    package func deadline(id: String) -> Deadline? {
        deadlineIndex[id].map { deadlines[$0] }
    }

    /// The due moment of a deadline's occurrence on `date` (its nominal due day), as an instant, after the
    /// deadline's ``ReminderRules/dueOnDayOff`` policy has been applied.
    package func dueInstant(of deadline: Deadline, occurrence date: CivilDate) -> Instant {
        settings.zone.instant(for: dueMoment(of: deadline, occurrence: date))
    }

    /// The local due moment of an occurrence, after the deadline's ``ReminderRules/dueOnDayOff`` policy has been
    /// applied: with `before` or `after`, a due date on a day off moves to a working day.
    package func dueMoment(of deadline: Deadline, occurrence date: CivilDate) -> LocalDateTime {
        dueMoment(of: deadline, occurrence: date, calendar: calendar)
    }

    func dueMoment(of deadline: Deadline, occurrence date: CivilDate, calendar: WorkingCalendar) -> LocalDateTime {
        calendar.dueMoment(nominalDueMoment(of: deadline, occurrence: date), policy: deadline.rules.dueOnDayOff)
    }

    /// The local due moment of an occurrence as written, before any move off a day off.
    package func nominalDueMoment(of deadline: Deadline, occurrence date: CivilDate) -> LocalDateTime {
        switch deadline.schedule {
        case .once(let moment): moment
        case .recurring(let r): LocalDateTime(date, r.time)
        }
    }
}

extension Agenda {
    /// The same agenda with each deadline's text in storage of its own, allocated now, one after the other.
    ///
    /// A configuration read on several threads leaves each deadline's strings among the freed pieces of the
    /// syntax trees that made them, so the daemon's memory at rest keeps those pages. The daemon keeps this copy
    /// and lets the other go: the pages then come free whole, and `malloc_trim` returns them.
    package func compacted() -> Agenda {
        Agenda(
            self,
            deadlines: deadlines.map { d in
                Deadline(
                    id: d.id.ownCopy, task: d.task.ownCopy, documentRef: d.documentRef?.ownCopy,
                    units: d.units.map(\.ownCopy), schedule: d.schedule, rules: d.rules,
                    channels: d.channels?.map(\.ownCopy), escalationIsOwn: d.escalationIsOwn)
            })
    }

    private init(_ agenda: Agenda, deadlines: [Deadline]) {
        settings = agenda.settings
        units = agenda.units
        channels = agenda.channels
        documents = agenda.documents
        self.deadlines = deadlines
        deadlineIndex = Agenda.index(of: deadlines)
        calendar = agenda.calendar
    }
}

extension String {
    /// A copy in a buffer of its own (a short string is stored inline either way).
    fileprivate var ownCopy: String {
        var source = self
        return source.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { buffer in
                guard let base = bytes.baseAddress, let target = buffer.baseAddress else { return 0 }
                target.update(from: base, count: bytes.count)
                return bytes.count
            }
        }
    }
}

/// A task with a due date, handed to one or more units by a document.
package struct Deadline: Sendable, Hashable {
    /// Stable and unique across all config files; the ledger's keys and `deadlinectl done ID` use it.
    package let id: String
    /// What is to be done, as the document says it.
    package let task: String
    /// The reference of the document that set the task, e.g. `5418/UBND-TKBT`.
    package let documentRef: String?
    /// The responsible units (ids of ``Unit``).
    package let units: [String]
    /// When it is due: once, or on a recurrence.
    package let schedule: Schedule
    /// When reminders go out (the defaults merged with this deadline's own settings).
    package let rules: ReminderRules
    /// Channels for this deadline only; nil means each unit's channels.
    package let channels: [String]?
    /// Whether ``ReminderRules/escalation`` was set on this deadline itself (it then wins over a unit's own rule);
    /// otherwise it is the default from `[reminders]`, which a unit's rule replaces.
    package let escalationIsOwn: Bool

    package init(
        id: String, task: String, documentRef: String?, units: [String], schedule: Schedule, rules: ReminderRules,
        channels: [String]? = nil, escalationIsOwn: Bool = false
    ) {
        self.id = id
        self.task = task
        self.documentRef = documentRef
        self.units = units
        self.schedule = schedule
        self.rules = rules
        self.channels = channels
        self.escalationIsOwn = escalationIsOwn
    }

    /// The escalation rule for one of this deadline's units.
    package func escalation(for unit: Unit?) -> EscalationRule? {
        escalationIsOwn ? rules.escalation : (unit?.escalation ?? rules.escalation)
    }
}

/// When a deadline is due.
package enum Schedule: Sendable, Hashable {
    /// Once, at a local date and time.
    case once(LocalDateTime)
    /// Repeatedly.
    case recurring(Recurrence)

    package var isRecurring: Bool {
        if case .recurring = self { return true }
        return false
    }
}

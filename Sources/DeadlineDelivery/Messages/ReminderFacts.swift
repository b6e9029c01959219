package import DeadlineKit
import Mustache

/// Everything a reminder message may say, gathered from the agenda and the planned reminder.
///
/// Templates see these as variables (``templateVariables``); the webhook JSON payload is built from them too.
package struct ReminderFacts: Sendable, Hashable {
    /// The ledger key: stable across retries; used as the idempotency key.
    package var key: String
    package var deadlineID: String
    package var task: String
    package var documentRef: String?
    package var documentTitle: String?
    package var unitID: String
    package var unitName: String
    package var kind: ReminderKind
    package var rule: String
    /// The nominal due day of the occurrence.
    package var occurrence: CivilDate
    package var due: Instant
    /// When the message goes out: the planned moment, or the moment it is actually sent once
    /// ``restated(at:)``.
    package var sendAt: Instant
    /// The moment the planner chose; stays the same across retries and restatements (the outbox names files
    /// by it, so that a retry after a crash finds its file).
    package var plannedAt: Instant
    /// The n-th urging reminder (overdue) or escalation; 0 otherwise.
    package var reminderNumber: Int
    /// For escalations: how many times the unit itself was reminded (before, on and after the due day)...
    package var remindedCount: Int
    /// ...and how many of those were urgings after it.
    package var urgedCount: Int
    /// For an escalation to the supervisors of several units: the units still late when it is sent.
    package var lateUnits: [LateUnit]
    package var recipients: [Mailbox]
    package var zone: ZoneRules
    package var language: Language
    /// A clearly marked test message (`deadlinectl test-send`).
    package var isTest: Bool
    /// A digest's lines, soonest due first (overdue ones come first); empty for any other reminder.
    package var items: [DigestEntry]
    /// The office that sends the reminder (`[daemon] organization`), named in the text and the signature.
    package var organization: String?
    /// How the message cites the document that set the task (its kind, number, date, issuer, subject).
    package var citation: DocumentCitation?
    /// The unit's link to confirm the task done (`[web]`); nil when the web side is off, and for digests and
    /// escalations.
    package var confirmURL: String?

    package init(
        key: String, deadlineID: String, task: String, documentRef: String?, documentTitle: String?, unitID: String,
        unitName: String, kind: ReminderKind, rule: String, occurrence: CivilDate, due: Instant, sendAt: Instant,
        reminderNumber: Int = 0, remindedCount: Int = 0, recipients: [Mailbox], zone: ZoneRules, language: Language,
        isTest: Bool = false, items: [DigestEntry] = [], document: Document? = nil, organization: String? = nil
    ) {
        self.key = key
        self.deadlineID = deadlineID
        self.task = task
        self.documentRef = documentRef
        self.documentTitle = documentTitle
        self.unitID = unitID
        self.unitName = unitName
        self.kind = kind
        self.rule = rule
        self.occurrence = occurrence
        self.due = due
        self.sendAt = sendAt
        self.plannedAt = sendAt
        self.reminderNumber = reminderNumber
        self.remindedCount = remindedCount
        self.urgedCount = 0
        self.lateUnits = []
        self.recipients = recipients
        self.zone = zone
        self.language = language
        self.isTest = isTest
        self.items = items
        self.organization = organization
        if let document, document.ref == documentRef {
            citation = DocumentCitation(document)
            if citation?.title == nil { citation?.title = documentTitle }
        } else {
            citation = documentRef.map { DocumentCitation(Document(ref: $0, issued: nil, title: documentTitle)) }
        }
    }

    /// The facts of a planned reminder. A digest lists what ``ReminderPlanner/digestItems(of:state:)`` found.
    package init(
        _ reminder: PlannedReminder, planner: ReminderPlanner, language: Language? = nil, remindedCount: Int = 0,
        isTest: Bool = false, items: [DigestItem] = []
    ) {
        let agenda = planner.agenda
        let target = planner.target(of: reminder)
        if reminder.isDigest {
            self.init(
                digestKey: planner.key(of: reminder), unitID: target.unitID,
                unitName: agenda.units[target.unitID]?.name ?? target.unitID,
                day: reminder.occurrence, sendAt: reminder.sendAt,
                items: items.map { DigestEntry($0, agenda: agenda) }, recipients: target.recipients,
                zone: agenda.settings.zone,
                language: language ?? agenda.settings.language, isTest: isTest,
                organization: agenda.settings.organization)
            return
        }
        let deadline = planner.deadline(of: reminder)
        let document = deadline.documentRef.flatMap { agenda.documents[$0] }
        let ordinal: Int =
            switch reminder.rule {
            case .overdue(let n), .escalation(let n): n
            default: 0
            }
        self.init(
            key: planner.key(of: reminder), deadlineID: deadline.id, task: deadline.task,
            documentRef: deadline.documentRef,
            documentTitle: document?.title, unitID: target.unitID,
            unitName: agenda.units[target.unitID]?.name ?? target.unitID,
            kind: reminder.kind, rule: reminder.rule.description, occurrence: reminder.occurrence, due: reminder.due,
            sendAt: reminder.sendAt, reminderNumber: ordinal, remindedCount: remindedCount,
            recipients: target.recipients,
            zone: agenda.settings.zone, language: language ?? agenda.settings.language, isTest: isTest,
            document: document,
            organization: agenda.settings.organization)
    }

    /// The facts of a unit's digest for one day.
    package init(
        digestKey: String, unitID: String, unitName: String, day: CivilDate, sendAt: Instant, items: [DigestEntry],
        recipients: [Mailbox], zone: ZoneRules, language: Language, isTest: Bool = false, organization: String? = nil
    ) {
        self.init(
            key: digestKey, deadlineID: ReminderPlanner.digestID, task: "", documentRef: nil, documentTitle: nil,
            unitID: unitID,
            unitName: unitName, kind: .digest, rule: ReminderRule.digest.description, occurrence: day, due: sendAt,
            sendAt: sendAt,
            recipients: recipients, zone: zone, language: language, isTest: isTest, items: items,
            organization: organization)
    }

    package var isDigest: Bool { kind == .digest }

    /// The facts as they stand at `moment`, when the message is actually sent: after downtime or a retry hours
    /// later, a reminder planned as "due in 1 day" says "due today" or "overdue" if that is true by then. Days
    /// left or overdue count from `moment`; a reminder before or on the due day sent after the due moment becomes
    /// an urging without a number. Escalations and digests keep their kind.
    package func restated(at moment: Instant) -> ReminderFacts {
        var facts = self
        facts.sendAt = moment
        guard [.before, .due, .overdue].contains(kind) else { return facts }
        let local = zone.localDateTime(at: moment).date
        let newKind: ReminderKind = moment >= due ? .overdue : (local == dueLocal.date ? .due : .before)
        if newKind != kind {
            facts.kind = newKind
            if newKind == .overdue || kind == .overdue { facts.reminderNumber = 0 }
        }
        return facts
    }

    package var dueLocal: LocalDateTime { zone.localDateTime(at: due) }
    package var sendLocal: LocalDateTime { zone.localDateTime(at: sendAt) }

    /// Whole calendar days from the send day to the due day (0 on the due day).
    package var daysLeft: Int { max(sendLocal.date.days(until: dueLocal.date), 0) }
    /// Whole calendar days from the due day to the send day.
    package var daysOverdue: Int { max(dueLocal.date.days(until: sendLocal.date), 0) }

    /// `7 ngày`, `2 giờ`, `45 phút` (or English): how long until the due moment, as a person would say it.
    package var timeLeft: String {
        if daysLeft >= 1 { return Wording.duration(days: daysLeft, language) }
        let minutes = max(Int((due - sendAt) / 60), 0)
        return minutes >= 60
            ? Wording.duration(hours: minutes / 60, language) : Wording.duration(minutes: minutes, language)
    }

    /// `3 ngày` (or English): how long past the due moment.
    package var overdueBy: String {
        if daysOverdue >= 1 { return Wording.duration(days: daysOverdue, language) }
        let minutes = max(Int((sendAt - due) / 60), 0)
        return minutes >= 60
            ? Wording.duration(hours: minutes / 60, language) : Wording.duration(minutes: minutes, language)
    }

    /// The task cut to about 80 characters at a word boundary, for subjects and chat titles.
    package var taskShort: String { Wording.short(task) }

    /// The names templates may use, with the values for this reminder. Booleans drive sections
    /// (`{{#is_overdue}}...{{/is_overdue}}`); absent optional values render as nothing and skip their sections.
    package var templateVariables: [String: any Sendable] {
        var v: [String: any Sendable] = [
            "deadline_id": deadlineID, "task": task, "task_short": taskShort, "unit": unitName, "unit_id": unitID,
            "kind": kind.rawValue, "rule": rule, "occurrence": occurrence.vietnamese,
            "due_date": dueLocal.date.vietnamese, "due_time": dueLocal.time.description,
            "due_weekday": Wording.weekday(dueLocal.date.weekday, language), "due_iso": zone.iso8601(due),
            "due_text": Wording.moment(dueLocal, language), "due_day_text": Wording.day(dueLocal.date, language),
            "send_date": sendLocal.date.vietnamese, "send_time": sendLocal.time.description,
            "send_text": Wording.moment(sendLocal, language),
            "days_left": daysLeft, "days_overdue": daysOverdue, "time_left": timeLeft, "overdue_by": overdueBy,
            "reminder_number": reminderNumber, "reminded_count": remindedCount, "urged_count": urgedCount,
            "reminded_times": Wording.times(remindedCount, language),
            "urged_times": Wording.times(urgedCount, language),
            "is_group_escalation": !lateUnits.isEmpty, "late_count": lateUnits.count,
            "recipient_names": recipients.map { $0.displayName ?? $0.address }.joined(separator: ", "),
            "late_units": lateUnits.enumerated().map {
                $1.templateVariables(language, isLast: $0 == lateUnits.count - 1)
            },
            "is_before": kind == .before, "is_due": kind == .due, "is_overdue": kind == .overdue,
            "is_escalation": kind == .escalation, "is_test": isTest,
            "recipients": recipients.map(\.description).joined(separator: ", "),
        ]
        // Present but empty when absent, so `{{#document_ref}}...{{/document_ref}}` skips cleanly.
        v["document_ref"] = documentRef.map { $0 as any Sendable } ?? TemplateNull()
        v["document_title"] = documentTitle.map { $0 as any Sendable } ?? TemplateNull()
        v["document"] = citation.map { $0.text(language) as any Sendable } ?? TemplateNull()
        v["organization"] = organization.map { $0 as any Sendable } ?? TemplateNull()
        v["confirm_url"] = confirmURL.map { $0 as any Sendable } ?? TemplateNull()
        v["reminder_ordinal"] =
            reminderNumber > 0 ? Wording.ordinal(reminderNumber, language) as any Sendable : TemplateNull()
        if isDigest {
            let overdue = items.filter { $0.due < sendAt }.count
            v["is_digest"] = true
            v["digest_date"] = sendLocal.date.vietnamese
            v["digest_weekday"] = Wording.weekday(sendLocal.date.weekday, language)
            v["count"] = items.count
            v["count_text"] = Wording.tasks(items.count, language)
            v["overdue_count"] = overdue
            v["has_overdue"] = overdue > 0
            v["has_upcoming"] = overdue < items.count
            v["items"] = items.enumerated().map { n, item in
                item.templateVariables(number: n + 1, at: sendAt, zone: zone, language)
            }
        } else {
            v["is_digest"] = false
        }
        return v
    }

    /// Every variable name a template may use (for `check`).
    package static let variableNames: Set<String> = [
        "deadline_id", "task", "task_short", "unit", "unit_id", "kind", "rule", "occurrence", "due_date", "due_time",
        "due_weekday", "due_iso", "due_text", "due_day_text", "send_date", "send_time", "send_text", "days_left",
        "days_overdue", "time_left", "overdue_by", "reminder_number", "reminder_ordinal", "reminded_count",
        "urged_count",
        "reminded_times", "urged_times", "is_group_escalation", "late_count", "late_units", "recipient_names",
        "is_before", "is_due", "is_overdue", "is_escalation", "is_test", "recipients", "document_ref", "document_title",
        "document", "organization", "confirm_url",
        // Digests (`digest-*.LANG.mustache`).
        "is_digest", "digest_date", "digest_weekday", "count", "count_text", "overdue_count", "has_overdue",
        "has_upcoming", "items",
    ]

    /// The names each of a digest's `{{#items}}` has.
    package static let itemVariableNames: Set<String> = [
        "number", "deadline_id", "task", "task_short", "document_ref", "document", "occurrence", "due_date", "due_time",
        "due_weekday", "due_iso", "due_text", "is_overdue", "is_due_today", "days_left", "days_overdue", "status",
    ]
}

/// One late unit in an escalation to the supervisors of several units.
package struct LateUnit: Sendable, Hashable {
    package var id: String
    package var name: String
    /// Reminders the unit was sent for the occurrence, and how many of them were urgings.
    package var remindedCount: Int
    package var urgedCount: Int

    package init(id: String, name: String, remindedCount: Int, urgedCount: Int) {
        self.id = id
        self.name = name
        self.remindedCount = remindedCount
        self.urgedCount = urgedCount
    }

    /// The unit's variables; `is_last` on the last of the list (it ends with a full stop, the others with `;`).
    func templateVariables(_ language: Language, isLast: Bool) -> [String: any Sendable] {
        [
            "unit_id": id, "unit": name, "reminded_count": remindedCount, "urged_count": urgedCount,
            "reminded_times": Wording.times(remindedCount, language),
            "urged_times": Wording.times(urgedCount, language),
            "is_last": isLast,
        ]
    }

    /// The names each of `{{#late_units}}` has.
    package static let variableNames: Set<String> = [
        "unit_id", "unit", "reminded_count", "urged_count", "reminded_times", "urged_times", "is_last",
    ]
}

/// One line of a digest: an occurrence of one of the unit's deadlines, due soon or overdue.
package struct DigestEntry: Sendable, Hashable {
    package var deadlineID: String
    package var task: String
    package var documentRef: String?
    package var occurrence: CivilDate
    package var due: Instant
    /// How the line cites its document; nil without one.
    package var citation: DocumentCitation?

    package init(deadlineID: String, task: String, documentRef: String?, occurrence: CivilDate, due: Instant) {
        self.deadlineID = deadlineID
        self.task = task
        self.documentRef = documentRef
        self.occurrence = occurrence
        self.due = due
        self.citation = documentRef.map { DocumentCitation(Document(ref: $0, issued: nil)) }
    }

    package init(_ item: DigestItem, agenda: Agenda) {
        let deadline = agenda.deadlines[Int(item.deadlineIndex)]
        self.init(
            deadlineID: deadline.id, task: deadline.task, documentRef: deadline.documentRef,
            occurrence: item.occurrence, due: item.due)
        if let document = deadline.documentRef.flatMap({ agenda.documents[$0] }) {
            citation = DocumentCitation(document)
        }
    }

    /// `còn 3 ngày`, `hôm nay đến hạn`, `QUÁ HẠN 2 ngày` (or English), seen from `now`.
    package func status(at now: Instant, zone: ZoneRules, _ language: Language) -> String {
        let days = zone.localDateTime(at: now).date.days(until: zone.localDateTime(at: due).date)
        switch (days, due < now, language) {
        case (_, true, .vi): return days == 0 ? "QUÁ HẠN (hôm nay)" : "QUÁ HẠN \(Wording.duration(days: -days, .vi))"
        case (_, true, .en): return days == 0 ? "OVERDUE (today)" : "OVERDUE by \(Wording.duration(days: -days, .en))"
        case (0, false, .vi): return "hôm nay đến hạn"
        case (0, false, .en): return "due today"
        case (_, false, .vi): return "còn \(Wording.duration(days: days, .vi))"
        case (_, false, .en): return "due in \(Wording.duration(days: days, .en))"
        }
    }

    func templateVariables(
        number: Int, at now: Instant, zone: ZoneRules, _ language: Language
    ) -> [String: any Sendable] {
        let local = zone.localDateTime(at: due)
        let days = zone.localDateTime(at: now).date.days(until: local.date)
        return [
            "number": number, "deadline_id": deadlineID, "task": task, "task_short": Wording.short(task),
            "document_ref": documentRef.map { $0 as any Sendable } ?? TemplateNull(),
            "occurrence": occurrence.vietnamese,
            "due_date": local.date.vietnamese, "due_time": local.time.description,
            "due_weekday": Wording.weekday(local.date.weekday, language), "due_iso": zone.iso8601(due),
            "due_text": Wording.moment(local, language),
            "document": citation.map { $0.text(language) as any Sendable } ?? TemplateNull(),
            "is_overdue": due < now, "is_due_today": days == 0, "days_left": max(days, 0),
            "days_overdue": max(-days, 0),
            "status": status(at: now, zone: zone, language),
        ]
    }
}

/// An absent value: renders as nothing and counts as false in sections.
struct TemplateNull: MustacheCustomRenderable, Sendable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

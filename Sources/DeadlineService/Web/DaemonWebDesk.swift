import DeadlineConfig
import DeadlineDelivery
import DeadlineKit
import DeadlineStore
import DeadlineSystemd
import DeadlineWeb
import Logging
import Synchronization

/// The daemon's side of the web pages: what a link's page shows, from the configuration now loaded and the ledger;
/// a confirmation recorded as `done` for the link's unit only, by `link (<unit>)`, in the ledger and the journal,
/// after which the scheduler re-plans at once; each unit's calendar; the report.
final class DaemonWebDesk: WebDesk {
    private let current: Mutex<DaemonContext>
    let ledger: any Ledger
    let commands: CommandQueue?
    let clock: DaemonClock
    let logger: Logger

    init(context: DaemonContext, ledger: any Ledger, commands: CommandQueue?, clock: DaemonClock, logger: Logger) {
        current = Mutex(context)
        self.ledger = ledger
        self.commands = commands
        self.clock = clock
        self.logger = logger
    }

    /// The configuration in force: the scheduler hands over each one it loads.
    var context: DaemonContext {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }

    /// Wraps the scheduler's context factory so that each configuration it loads reaches the pages too.
    func following(
        _ make: @escaping (Configuration, TemplateSet, Instant) -> DaemonContext
    )
        -> (Configuration, TemplateSet, Instant) -> DaemonContext
    {
        { [self] configuration, templates, at in
            let context = make(configuration, templates, at)
            self.context = context
            return context
        }
    }

    var links: WebLinks? { context.web.links }

    func now() -> Instant { clock.now() }

    /// The unit's part in the occurrence, if the configuration still gives it one.
    func part(_ link: ConfirmationLink, in context: DaemonContext) -> (deadline: Deadline, unit: Unit, due: Instant)? {
        let agenda = context.agenda
        guard let deadline = agenda.deadline(id: link.deadlineID),
            let unit = ReminderPlanner.expandUnits(deadline.units, agenda: agenda).first(where: { $0.id == link.unitID }
            ),
            context.planner.occurrences(of: deadline, from: link.occurrence, through: link.occurrence).contains(
                link.occurrence)
        else { return nil }
        return (deadline, unit, agenda.dueInstant(of: deadline, occurrence: link.occurrence))
    }

    func confirmation(_ link: ConfirmationLink) async -> ConfirmationView? {
        let context = self.context
        guard let part = part(link, in: context) else { return nil }
        let id = OccurrenceID(deadlineID: link.deadlineID, date: link.occurrence)
        let marks = (try? await ledger.unitMarks(id)) ?? []
        let mark = marks.first { ($0.unit == link.unitID || $0.unit == PlannerState.everyUnit) && $0.doneAt != nil }
        return view(link, part, context: context, prior: mark.map { prior($0, link: link, context: context) })
    }

    func confirm(_ link: ConfirmationLink, note: String?, at moment: Instant) async -> ConfirmOutcome {
        let context = self.context
        guard let part = part(link, in: context) else { return .notFound }
        let id = OccurrenceID(deadlineID: link.deadlineID, date: link.occurrence)
        let user = "link (\(link.unitID))"
        let already: [UnitMark]
        do {
            already = try await ledger.markDone(id, units: [link.unitID], by: user, note: note, at: moment)
        } catch {
            logger.error("web: cannot record \(link.deadlineID) done for \(link.unitID): \(error)")
            return .unavailable
        }
        if let mark = already.first(where: { $0.unit == link.unitID || $0.unit == PlannerState.everyUnit }) {
            return .alreadyConfirmed(prior(mark, link: link, context: context))
        }
        var metadata: Logger.Metadata = [
            LogMetadataKey.deadlineID: .string(link.deadlineID), "occurrence": .string(link.occurrence.iso),
            LogMetadataKey.unit: .string(link.unitID),
            LogMetadataKey.deadlineDue: .string(context.zone.iso8601(part.due)),
            "admin_user": .string(user),
        ]
        if let note { metadata["note"] = .string(note) }
        if let ref = part.deadline.documentRef { metadata[LogMetadataKey.documentRef] = .string(ref) }
        logger.notice(
            "\(link.deadlineID) (\(link.occurrence.vietnamese)): \(part.unit.name) confirmed the task done through its link; its reminders stop",
            metadata: LogEventID.confirmedByLink.metadata(metadata))
        // this instance re-plans now; others sharing a PostgreSQL ledger hear it through NOTIFY
        commands?.send(.changed)
        return .recorded(at: context.zone.vietnamese(moment))
    }

    func calendar(unitID: String, at moment: Instant) async -> String? {
        let context = self.context
        guard context.agenda.units[unitID] != nil, let state = try? await ledger.plannerState() else { return nil }
        return UnitCalendarFeed(context: context, unitID: unitID, state: state, now: moment).document()
    }

    func report(at moment: Instant) async -> HTMLDocument? {
        let context = self.context
        guard let state = try? await ledger.plannerState() else { return nil }
        return CompletionReportPage.lastTwelveMonths(agenda: context.agenda, state: state, now: moment).document()
    }

    // MARK: Wording

    func view(
        _ link: ConfirmationLink, _ part: (deadline: Deadline, unit: Unit, due: Instant), context: DaemonContext,
        prior: PriorConfirmation?
    )
        -> ConfirmationView
    {
        let agenda = context.agenda
        let document = part.deadline.documentRef.map { ref in
            agenda.documents[ref]?.title.map { "\(ref): \($0)" } ?? ref
        }
        return ConfirmationView(
            task: part.deadline.task, document: document, due: Self.moment(part.due, zone: context.zone, link.language),
            unitName: part.unit.name, expires: Self.moment(link.expires, zone: context.zone, link.language),
            confirmed: prior)
    }

    /// When and how it was marked: through the link, or by whom (an admin's `deadlinectl done`).
    func prior(_ mark: UnitMark, link: ConfirmationLink, context: DaemonContext) -> PriorConfirmation {
        let vi = link.language == .vi
        let by = mark.doneBy ?? "?"
        let how =
            by.hasPrefix("link (")
            ? (vi ? "qua liên kết trong thư nhắc việc" : "through the link in the reminder")
            : (vi ? "người đánh dấu: \(by)" : "marked by \(by)")
        return PriorConfirmation(at: mark.doneAt.map(context.zone.vietnamese) ?? "?", by: how)
    }

    /// The moment as the reminder that carried the link writes it (`17 giờ 00, thứ Năm, ngày 10/12/2020`).
    static func moment(_ instant: Instant, zone: ZoneRules, _ language: Language) -> String {
        MessageMoment.text(zone.localDateTime(at: instant), language)
    }
}

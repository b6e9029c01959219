import DeadlineConfig
import DeadlineDelivery
import DeadlineKit
import DeadlineStore
import DeadlineSystemd
import Logging
import Synchronization
import Platform

/// What other tasks ask of the scheduler; it handles them between wake-ups, in order.
enum SchedulerCommand: Sendable {
    /// Re-read the configuration; `reply` gets the outcome (the old configuration stays on failure).
    case reload(reply: @Sendable (ReloadOutcome) -> Void)
    /// The ledger's admin state changed (done, undone, snooze): plan again.
    case changed
    /// Finish the sends in flight, then stop.
    case stop
}

/// The answer to a reload.
package enum ReloadOutcome: Sendable, Equatable {
    case accepted(summary: String, warnings: [String])
    case rejected(errors: [String])
}

/// The daemon's loop: plan, record, send, sleep until the next event. One instance, driven by one task.
///
/// Each wake-up: (1) reminders whose send time has come since the last wake-up (the persisted watermark) are
/// recorded in the ledger: within `catch_up` as due, older ones as skipped (after downtime; logged, never sent as
/// a flood); (2) whatever the ledger says is ready is sent, up to each channel's `connections` at once, each
/// reminder intent first, then the result (see ``Dispatcher``), the writes of concurrent sends group-committed
/// (``OutboxCommitter``); temporary failures are retried with backoff; (3) it sleeps until the next planned send
/// time or retry, a command, or a clock change. With the watchdog on, it pings systemd from this same loop, so a stuck loop stops the pings.
final class Scheduler {
    var context: DaemonContext
    let ledger: any Ledger
    /// Group commit of the outbox's claims and results (see ``OutboxCommitter``).
    let committer: OutboxCommitter
    let waker: Waker
    let notifier: SystemdNotifier
    let logger: Logger
    let clock: DaemonClock
    let commands: CommandQueue
    let mainFile: String
    let environment: [String: String]
    let instance: InstanceRecord
    var cache = PlanCache()
    var state = PlannerState()
    var stateVersion: Int64 = -1
    var stopping = false
    var lastStatus = ""
    /// Look back over the whole catch_up window at the next wake-up (at start and after a reload), so that a
    /// reminder a new or changed configuration plans a little in the past is still sent. Known keys are skipped,
    /// so this never sends twice.
    var rescanCatchUpWindow = true
    /// Hand the pages touched to start and the heap's free memory back when going to sleep for a while
    /// (``RestingMemory``); the daemon's own process sets it, in-process tests leave theirs alone.
    var releasesMemoryAtRest = false
    /// A sleep at least this long counts as rest.
    static let restSeconds: Int64 = 60
    /// Builds the context of a (re)loaded configuration: its channels from their settings. In-process tests put
    /// their own channels in.
    var makeContext: (Configuration, TemplateSet, Instant) -> DaemonContext = {
        DaemonContext(configuration: $0, templates: $1, loadedAt: $2)
    }

    static let watermarkKey = "scan_watermark"
    /// A watermark this far ahead of the clock means the clock went back (a smaller step is jitter of a clock
    /// being slewed, and the next wake-up catches up).
    static let clockSlackSeconds: Int64 = 120
    /// At most this much history is examined after downtime.
    static let maxLookbackSeconds: Int64 = 366 * 86_400
    /// Reminders read from the ledger at a time; a stop is noticed between sends, other commands between wake-ups.
    static let batchLimit = 200

    init(
        context: DaemonContext, ledger: any Ledger, waker: Waker, notifier: SystemdNotifier, logger: Logger,
        clock: DaemonClock, commands: CommandQueue, mainFile: String, environment: [String: String],
        instance: InstanceRecord
    ) {
        self.context = context
        self.ledger = ledger
        self.committer = OutboxCommitter(ledger: ledger)
        self.waker = waker
        self.notifier = notifier
        self.logger = logger
        self.clock = clock
        self.commands = commands
        self.mainFile = mainFile
        self.environment = environment
        self.instance = instance
    }

    /// Runs until a `.stop` command.
    func run() async {
        while !stopping {
            for command in commands.takeAll() { await handle(command) }
            if stopping { break }
            await tick()
            if stopRequested { continue }  // the loop's top takes the stop (and any command before it)
            notifier.watchdog()
            let next = await nextWake()
            publishStatus(next: next.reminder)
            releaseMemoryIfResting(until: next.wake)
            var reason = WakeReason.watchdog
            while reason == .watchdog {
                reason = await waker.wait(until: next.wake.map(clock.realInstant), watchdog: notifier.watchdogInterval)
                notifier.watchdog()
            }
            if reason == .clockChanged {
                logger.notice("the system clock was changed; re-examining the plan")
            }
        }
    }

    func handle(_ command: SchedulerCommand) async {
        switch command {
        case .stop:
            stopping = true
        case .changed:
            stateVersion = -1
        case .reload(let reply):
            reply(await reload())
        }
    }

    // MARK: One wake-up

    func tick() async {
        let now = clock.now()
        do {
            try await refreshState()
            try await recordDue(now: now)
            try await sendReady()
            try await ledger.heartbeat(heartbeatRecord(now: clock.now()))
        } catch {
            logger.error("the ledger could not be used: \(error); retrying at the next wake-up")
        }
    }

    /// Reloads done/snoozed occurrences when an admin changed them (a cheap counter tells).
    func refreshState() async throws {
        let version = try await ledger.changeCounter()
        if version != stateVersion {
            state = try await ledger.plannerState()
            stateVersion = version
        }
    }

    /// Records what has come due since the watermark: recent as due, older than `catch_up` as skipped.
    func recordDue(now: Instant) async throws {
        let catchUp = context.configuration.daemon.catchUpSeconds
        var watermark = try await ledger.meta(Scheduler.watermarkKey).flatMap(Int64.init).map(
            Instant.init(secondsSinceEpoch:))
        if let seen = watermark, now.adding(seconds: Scheduler.clockSlackSeconds) < seen {
            try await clockWentBack(from: seen, to: now)
            watermark = now
            rescanCatchUpWindow = true  // what the wrong clock skipped within catch_up goes now
        }
        var from = watermark ?? now.adding(seconds: -catchUp)
        let newFrom = from  // what has not been looked at before: each occurrence falls due once in the journal
        if rescanCatchUpWindow {
            from = min(from, now.adding(seconds: -catchUp))
            rescanCatchUpWindow = false
        }
        from = max(from, now.adding(seconds: -Scheduler.maxLookbackSeconds))
        let to = now.adding(seconds: 1)
        guard from < to else { return }  // the clock went back: nothing new has come due
        let planned = cache.reminders(
            from: from, to: to, planner: context.planner, state: state, stateVersion: stateVersion)
        if !planned.isEmpty {
            let planner = context.planner
            let rows = planned.map { LedgerReminder($0, planner: planner) }
            let known = try await ledger.knownKeys(rows.map(\.key))
            var fresh = rows.filter { !known.contains($0.key) }
            // A digest whose every item was done or snoozed since it was planned has nothing to say.
            let empty = fresh.filter {
                $0.deadlineID == ReminderPlanner.digestID
                    && planner.digestItems(unit: $0.unit, day: $0.occurrence, at: $0.sendAt, state: state).isEmpty
            }
            if !empty.isEmpty {
                _ = try await ledger.recordSkipped(
                    empty, reason: "nothing to list: every item was done or snoozed", at: now)
                fresh.removeAll { row in empty.contains { $0.key == row.key } }
            }
            let cutoff = now.adding(seconds: -catchUp)
            let stale = fresh.filter { $0.sendAt < cutoff }
            let due = fresh.filter { $0.sendAt >= cutoff }
            if !stale.isEmpty {
                let reason =
                    "missed while deadlined was not running, more than catch_up (\(DurationParser.format(seconds: catchUp))) ago"
                let skipped = try await ledger.recordSkipped(stale, reason: reason, at: now)
                logSkipped(stale.filter { skipped.contains($0.key) }, reason: reason)
            }
            if !due.isEmpty { _ = try await ledger.recordDue(due, at: now) }
        }
        if newFrom < to {
            for moment in cache.dues(
                from: newFrom, to: to, planner: context.planner, state: state, stateVersion: stateVersion)
            {
                dispatcher.logOverdue(moment)
            }
        }
        try await ledger.setMeta(Scheduler.watermarkKey, String(to.secondsSinceEpoch))
    }

    /// Logs what catch-up skipped: one journal entry per deadline, with how many reminders and the span of their
    /// planned times (linear in the rows, and stops early when a stop is asked for).
    func logSkipped(_ rows: [LedgerReminder], reason: String) {
        struct Summary {
            var first: LedgerReminder
            var count = 1
            var last: Instant
            var units: [String]
        }
        var order: [String] = []
        var byDeadline: [String: Summary] = [:]
        for row in rows {
            if var seen = byDeadline[row.deadlineID] {
                seen.count += 1
                seen.last = max(seen.last, row.sendAt)
                if seen.units.last != row.unit, !seen.units.contains(row.unit) { seen.units.append(row.unit) }
                byDeadline[row.deadlineID] = seen
            } else {
                order.append(row.deadlineID)
                byDeadline[row.deadlineID] = Summary(first: row, last: row.sendAt, units: [row.unit])
            }
        }
        let dispatcher = self.dispatcher
        for id in order where !stopRequested {
            guard let summary = byDeadline[id] else { continue }
            let (first, count, last) = (summary.first, summary.count, summary.last)
            let span =
                count == 1
                ? "the reminder planned for \(context.zone.vietnamese(first.sendAt))"
                : first.sendAt == last
                    ? "\(count) reminders planned for \(context.zone.vietnamese(first.sendAt))"
                    : "\(count) reminders planned from \(context.zone.vietnamese(first.sendAt)) to \(context.zone.vietnamese(last))"
            var row = first
            row.unit = summary.units.joined(separator: ", ")
            dispatcher.log(.catchUpSkipped, .warning, "catch-up: skipped \(span), \(reason)", row)
        }
    }

    /// The clock went back (set ahead by mistake, then corrected): what the wrong clock skipped as too old is
    /// planned again when its time really comes, and what it sent early is said in the journal. Reminders sent
    /// early are not sent again.
    func clockWentBack(from seen: Instant, to now: Instant) async throws {
        let forgotten = try await ledger.forgetSkipped(decidedAfter: now)
        let early = try await ledger.entries(states: [.sent], since: now.adding(seconds: 1), limit: 1000)
            .filter { ($0.sentAt ?? now) > now }
        logger.warning(
            "the clock went back from \(context.zone.vietnamese(seen)) to \(context.zone.vietnamese(now)): \(forgotten) reminder(s) that it set aside are planned again (sent now if within catch_up, else when their time comes); \(early.count) reminder(s) were sent at moments now to come (early, if the clock was ahead then) and are not sent again"
        )
        let dispatcher = self.dispatcher
        for entry in early {
            dispatcher.log(
                .reminderSent, .warning,
                "sent early, at \(context.zone.vietnamese(entry.sentAt ?? now)) by a clock that was ahead (planned for \(context.zone.vietnamese(entry.reminder.sendAt)))",
                entry.reminder)
        }
    }

    /// The next moment there is work (`wake`): a planned send time or a retry (`reminder`, which STATUS= shows),
    /// or an occurrence falling due, which the journal records.
    func nextWake() async -> (wake: Instant?, reminder: Instant?) {
        let now = clock.now()
        let planned = cache.nextSendTime(after: now, planner: context.planner, state: state)
        let due = cache.nextDue(after: now, planner: context.planner, state: state)
        let retry = try? await ledger.nextRetry()
        let reminder = [planned, retry ?? nil].compactMap { $0 }.min()
        return ([reminder, due].compactMap { $0 }.min(), reminder)
    }

    /// Before a sleep of a minute or more (or with nothing planned), hands back the clean pages of program and
    /// libraries and malloc's free memory: what start-up, a reload or a burst touched is not kept at rest.
    func releaseMemoryIfResting(until wake: Instant?) {
        guard releasesMemoryAtRest else { return }
        if let wake, wake.secondsSinceEpoch - clock.now().secondsSinceEpoch < Scheduler.restSeconds { return }
        if let released = RestingMemory.release() {
            logger.debug(
                "at rest: \(released.mappedBytes / 1024) KiB of clean mapped pages handed back\(released.heapTrimmed ? ", malloc's heap trimmed" : "")"
            )
        }
    }

    // MARK: Status

    func heartbeatRecord(now: Instant) -> InstanceRecord {
        var record = instance
        record.heartbeatAt = now
        record.configLoadedAt = context.loadedAt
        record.configSummary = context.configuration.summary
        record.status = lastStatus
        return record
    }

    func publishStatus(next: Instant?) {
        let count = context.agenda.deadlines.count
        let vi = context.agenda.settings.language == .vi
        let nextText =
            next.map { (vi ? "lời nhắc tiếp theo " : "next reminder ") + context.zone.vietnamese($0) }
            ?? (vi ? "không còn lời nhắc nào" : "no reminder planned")
        let status = vi ? "\(count) hạn, \(nextText)" : "\(count) deadline\(count == 1 ? "" : "s"), \(nextText)"
        if status != lastStatus {
            lastStatus = status
            notifier.status(status)
        }
    }
}

/// The daemon's wall clock: the system clock, optionally shifted (`--pretend-now`, for demonstrations and tests),
/// so the daemon can live at any moment while the kernel's timers keep running on real time. In-process tests
/// give it a clock of their own (``init(reading:)``) and drive the scheduler's wake-ups themselves.
struct DaemonClock: Sendable {
    let offsetSeconds: Int64
    private let read: @Sendable () -> Instant

    init(offsetSeconds: Int64) {
        self.offsetSeconds = offsetSeconds
        read = { WallClock.now() }
    }

    /// A clock that shows what `read` says (a test's controllable clock).
    init(reading read: @escaping @Sendable () -> Instant) {
        offsetSeconds = 0
        self.read = read
    }

    func now() -> Instant { read().adding(seconds: offsetSeconds) }

    /// The real-clock instant at which the daemon's clock shows `instant`.
    func realInstant(_ instant: Instant) -> Instant { instant.adding(seconds: -offsetSeconds) }
}

/// Commands for the scheduler, from any thread: queued here, then the scheduler is poked awake.
final class CommandQueue: Sendable {
    private let queue = Mutex<[SchedulerCommand]>([])
    private let stop = Atomic<Bool>(false)
    private let waker: Waker

    init(waker: Waker) {
        self.waker = waker
    }

    func send(_ command: SchedulerCommand) {
        queue.withLock { $0.append(command) }
        if case .stop = command { stop.store(true, ordering: .releasing) }
        waker.poke()
    }

    /// A `.stop` was sent (handled or not): a burst in progress starts no new send.
    var isStopRequested: Bool { stop.load(ordering: .acquiring) }

    func takeAll() -> [SchedulerCommand] {
        queue.withLock { queued in
            defer { queued.removeAll() }
            return queued
        }
    }
}

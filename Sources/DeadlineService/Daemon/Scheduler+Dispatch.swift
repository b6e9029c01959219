import DeadlineKit
import DeadlineStore

extension Scheduler {
    /// What this batch's sends need, as one `Sendable` value (see ``Dispatcher``).
    var dispatcher: Dispatcher {
        Dispatcher(context: context, state: state, ledger: ledger, clock: clock, logger: logger, instanceID: instance.instanceID)
    }

    /// A stop was asked for: sends in flight finish, no new one starts.
    var stopRequested: Bool { stopping || commands.isStopRequested }

    /// Sends everything the ledger says is ready, in batches; up to each channel's `connections` at once.
    func sendReady() async throws {
        for _ in 0..<1000 where !stopRequested {
            let batch = try await ledger.readyToSend(at: clock.now(), limit: Scheduler.batchLimit)
            if batch.isEmpty { return }
            let dispatcher = self.dispatcher
            let (ready, superseded) = Self.superseding(batch)
            for (old, newer) in superseded where !stopRequested {
                await dispatcher.skip(
                    old.reminder,
                    reason: "superseded: the later reminder '\(newer.reminder.rule)' of the same occurrence went out to the unit instead",
                    now: clock.now())
            }
            for phase in Self.phases(of: ready) where !stopRequested {
                await send(phase, with: dispatcher)
            }
            if batch.count < Scheduler.batchLimit { return }
        }
    }

    /// Several reminders of one occurrence ready at once for the same unit, channel and recipients (after
    /// downtime, or a retry that came due with the next reminder): only the latest goes, restated at the moment it
    /// is sent; the others are set aside. Returns what to send, and each set-aside row with the one that replaces it.
    static func superseding(_ ready: [LedgerEntry]) -> (send: [LedgerEntry], superseded: [(LedgerEntry, LedgerEntry)]) {
        func group(_ entry: LedgerEntry) -> String? {
            let r = entry.reminder
            guard [.before, .due, .overdue].contains(r.kind) else { return nil }
            return [r.deadlineID, r.occurrence.iso, r.unit, r.channel, r.recipients.joined(separator: ",")].joined(separator: "|")
        }
        var latest: [String: LedgerEntry] = [:]
        for entry in ready {
            guard let g = group(entry) else { continue }
            if let other = latest[g], (other.reminder.sendAt, ReminderRule(other.reminder.rule) ?? .due)
                >= (entry.reminder.sendAt, ReminderRule(entry.reminder.rule) ?? .due)
            {
                continue
            }
            latest[g] = entry
        }
        var send: [LedgerEntry] = []
        var superseded: [(LedgerEntry, LedgerEntry)] = []
        for entry in ready {
            if let g = group(entry), let keep = latest[g], keep.key != entry.key {
                superseded.append((entry, keep))
            } else {
                send.append(entry)
            }
        }
        return (send, superseded)
    }

    /// A batch cut into groups sent one after the other, in send-time order: each escalation's group comes after
    /// the group with the unit's own reminders of the same moment, which the escalation counts ("reminded N
    /// times"). A batch without escalations is one group; a typical burst with escalations is two.
    static func phases(of ready: [LedgerEntry]) -> [[LedgerEntry]] {
        let sorted = ready.enumerated().sorted {
            ($0.element.reminder.sendAt, $0.element.reminder.kind == .escalation ? 1 : 0, $0.offset)
                < ($1.element.reminder.sendAt, $1.element.reminder.kind == .escalation ? 1 : 0, $1.offset)
        }.map(\.element)
        var phases: [[LedgerEntry]] = []
        for entry in sorted {
            let isEscalation = entry.reminder.kind == .escalation
            if let last = phases.last?.last, (last.reminder.kind == .escalation) == isEscalation {
                phases[phases.count - 1].append(entry)
            } else {
                phases.append([entry])
            }
        }
        return phases
    }

    /// Sends `entries` as concurrent child tasks, at most `connections` of a channel at a time (each channel in
    /// its list's order), and returns when all have finished. Pings the watchdog after each send. Once a stop
    /// is asked for, the sends in flight finish and no new one starts.
    func send(_ entries: [LedgerEntry], with dispatcher: Dispatcher) async {
        var waiting: [String: ArraySlice<LedgerEntry>] = [:]
        var channels: [String] = []
        for entry in entries {
            if waiting[entry.reminder.channel] == nil { channels.append(entry.reminder.channel) }
            waiting[entry.reminder.channel, default: []].append(entry)
        }
        await withTaskGroup(of: String.self) { group in
            for channel in channels {
                for _ in 0..<dispatcher.concurrency(of: channel) {
                    guard let entry = waiting[channel]?.popFirst() else { break }
                    group.addTask {
                        await dispatcher.dispatch(entry)
                        return channel
                    }
                }
            }
            // Bounded: one child task per entry, each awaited once.
            while let channel = await group.next() {
                notifier.watchdog()
                guard !stopRequested, let entry = waiting[channel]?.popFirst() else { continue }
                group.addTask {
                    await dispatcher.dispatch(entry)
                    return channel
                }
            }
        }
    }
}

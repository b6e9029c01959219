import DeadlineStore
import Logging
import ServiceLifecycle

/// What a daemon on a shared ledger (PostgreSQL) runs beside its scheduler, as one swift-service-lifecycle service:
///
/// - it renews the leases of the reminders it is sending (``LeasedLedger/keepAlive(clock:)``);
/// - it listens (`LISTEN deadlined`) for what the other daemons and `deadlinectl` announce, and wakes the scheduler
///   to re-examine the ledger: a `done` or `snooze` from any host, another daemon's reload, a lease taken over,
///   and every reconnection (what changed meanwhile was not heard);
/// - should a notification be lost, it wakes the scheduler anyway every `[store] recheck` (60 s), which also
///   writes the heartbeat `deadlinectl status` shows. There is no other polling: the scheduler sleeps until its
///   next send time as on SQLite.
///
/// Put it before the scheduler in the service group: services stop in reverse order, so leases are still renewed
/// while the scheduler finishes the send in flight.
struct SharedLedgerService: Service {
    let ledger: LeasedLedger
    let commands: CommandQueue
    let instanceID: String
    let recheckSeconds: Int64
    let clock: DaemonClock
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                group.addTask { await ledger.keepAlive(clock: clock) }
                group.addTask { await ledger.base.watchChanges { change in handle(change) } }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: .seconds(recheckSeconds))
                        if !Task.isCancelled { commands.send(.changed) }
                    }
                }
            }
        }
    }

    /// Wakes the scheduler for a change, and says in the journal what another daemon did that concerns this one.
    func handle(_ change: LedgerChange) {
        switch change {
        case .occurrencesChanged:
            logger.debug("the ledger's occurrences changed: planning again")
        case .configurationLoaded(let other, let summary) where other != instanceID:
            logger.notice("instance \(other) loaded its configuration (\(summary))")
        case .leaseTakenOver(let key, let from, let by) where from == instanceID && by != instanceID:
            logger.warning(
                "instance \(by) took over reminder \(key) after this instance's lease ran out; this instance's result for it will not be recorded"
            )
        case .leaseTakenOver(let key, let from, let by) where by != instanceID:
            logger.info(
                "instance \(by) took over reminder \(key) from \(from ?? "an instance") whose lease had run out")
        case .resynchronize:
            logger.debug("listening for the other instances' changes")
        default:
            return
        }
        commands.send(.changed)
    }
}

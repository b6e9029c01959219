#if canImport(Glibc)
    import Glibc
#endif
import DeadlineConfig
import DeadlineKit
import DeadlineStore
package import DeadlineSystemd
package import Logging
import ServiceLifecycle
import UnixSignals
import Platform
import Threads

/// How `deadlined` was started.
package struct DaemonOptions: Sendable {
    package var mainFile: String
    /// Plan, send what is due now, exit (for a systemd timer, and for tests).
    package var once: Bool
    /// Live at this moment instead of now (the clock keeps running from it). For demonstrations and tests.
    package var pretendNow: String?
    package var logTarget: LogTarget
    package var logLevel: Logger.Level

    package init(
        mainFile: String, once: Bool = false, pretendNow: String? = nil, logTarget: LogTarget = .auto,
        logLevel: Logger.Level = .info
    ) {
        self.mainFile = mainFile
        self.once = once
        self.pretendNow = pretendNow
        self.logTarget = logTarget
        self.logLevel = logLevel
    }
}

/// `deadlined`'s life, timesyncd-shaped: parse the config, open the ledger, trap SIGHUP, `READY=1`, run,
/// `STOPPING=1`.
package enum DaemonRunner {
    package static func run(_ options: DaemonOptions) async -> Int32 {
        let environment = Console.environment
        LoggingSystem.bootstrap(
            options.logTarget.makeHandlerFactory(identifier: "deadlined", logLevel: options.logLevel))
        let logger = Logger(label: "deadlined")
        let notifier = SystemdNotifier()

        // Compacted: the daemon keeps it for its whole life (memory at rest).
        let loaded = LoadedConfiguration.load(mainFile: options.mainFile, environment: environment, compacted: true)
        for warning in loaded.warnings { logger.warning("config: \(warning)") }
        guard let configuration = loaded.configuration else {
            for error in loaded.errors {
                logger.error("config: \(error)", metadata: LogEventID.configRejected.metadata())
            }
            logger.critical(
                "cannot start: the configuration in \(options.mainFile) has errors; fix them (deadlinectl check) and start again"
            )
            return 1
        }
        var clock = DaemonClock(offsetSeconds: 0)
        if let text = options.pretendNow {
            switch MomentParser.parse(text, zone: configuration.agenda.settings.zone) {
            case .success(let moment):
                clock = DaemonClock(offsetSeconds: moment - WallClock.now())
            case .failure(let error):
                logger.critical("--pretend-now: \(error)")
                return 2
            }
        }
        let stateDirectory = configuration.daemon.stateDirectory
        let host = HostName.current
        // One daemon per state directory, whatever the ledger: the lock comes first, before the ledger is opened or
        // migrated (SQLite) and before the control socket is made (a second daemon would unlink the first one's).
        // Daemons on other machines share a PostgreSQL ledger, each with its own state directory.
        try? Folders.create(stateDirectory)  // a failure shows in the lock's error just below
        let lock: StateLock
        switch StateLock.acquire(stateDirectory: stateDirectory) {
        case .success(let l): lock = l
        case .failure(let error):
            logger.critical("cannot start: \(error)")
            return 1
        }
        let opened: LedgerSelection.Opened
        do {
            opened = try await LedgerSelection.open(
                configuration, create: true, applicationName: "deadlined \(host):\(getpid())", logger: logger)
        } catch {
            logger.critical(
                "cannot open the ledger\(configuration.store.sqlitePath(stateDirectory: "") == nil ? "" : " in \(stateDirectory)"): \(error)"
            )
            return 1
        }
        let leased = opened.shared.map {
            LeasedLedger(base: $0, leaseSeconds: configuration.store.leaseSeconds, logger: logger)
        }
        let ledger: any Ledger = leased ?? opened.ledger
        let now = clock.now()
        let context = DaemonContext(configuration: configuration, templates: loaded.templates, loadedAt: now)
        for (channel, problem) in context.channelProblems.sorted(by: { $0.key < $1.key }) {
            logger.error("channel '\(channel)' cannot be used until this is fixed: \(problem)")
        }
        let waker = Waker()
        let commands = CommandQueue(waker: waker)
        let instance = InstanceRecord(
            instanceID: "\(host):\(getpid()):\(now.secondsSinceEpoch)", host: host, pid: getpid(), startedAt: now,
            heartbeatAt: now, configLoadedAt: now, configSummary: configuration.summary, status: "starting")
        let scheduler = Scheduler(
            context: context, ledger: ledger, waker: waker, notifier: notifier, logger: logger, clock: clock,
            commands: commands,
            mainFile: options.mainFile, environment: environment, instance: instance)
        scheduler.releasesMemoryAtRest = true
        // Under the lock this is the only daemon on the ledger: what a crashed one left half-sent goes out now.
        if leased == nil, let released = try? await ledger.releaseClaims(notOwnedBy: instance.instanceID, at: now),
            released > 0
        {
            logger.notice(
                "resending \(released) reminder\(released == 1 ? "" : "s") left in flight by a previous run (they may arrive twice)"
            )
        }
        logger.notice(
            "configuration loaded from \(options.mainFile): \(configuration.summary); ledger \(opened.location)",
            metadata: LogEventID.configLoaded.metadata())

        if options.once {
            // A child task, not `Task {}`: it keeps the caller's executor (see DaemonExecutor).
            await withDiscardingTaskGroup { group in
                if let leased { group.addTask { [clock] in await leased.keepAlive(clock: clock) } }
                await scheduler.tick()
                group.cancelAll()
            }
            await scheduler.context.shutdown()
            await opened.close()
            _ = lock
            return 0
        }

        let hangups = await UnixSignalsSequence(trapping: .sighup)  // trapped before READY=1
        let control: ControlServer
        do {
            control = try ControlServer(path: ControlSocket.path(stateDirectory: stateDirectory)) { request in
                ControlRequests.handle(request, commands: commands)
            }
        } catch {
            logger.critical("\(error)")
            return 1
        }
        control.start()
        let service = SchedulerService(
            scheduler: scheduler, commands: commands, hangups: hangups, notifier: notifier, logger: logger)
        // Services stop in reverse order: the shared ledger's lease renewal outlives the scheduler's last send.
        let shared = leased.map {
            SharedLedgerService(
                ledger: $0, commands: commands, instanceID: instance.instanceID,
                recheckSeconds: configuration.store.recheckSeconds,
                clock: clock, logger: logger)
        }
        // The web side, when systemd handed over its socket; it stops first.
        let web = DaemonWeb.service(
            scheduler: scheduler, ledger: ledger, commands: commands, clock: clock, logger: logger)
        let services: [ServiceGroupConfiguration.ServiceConfiguration] =
            (shared.map { [.init(service: $0)] } ?? []) + [.init(service: service)]
            + (web.map { [.init(service: $0)] } ?? [])
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        logger.notice("deadlined started (pid \(getpid()))", metadata: LogEventID.daemonStarted.metadata())
        do {
            try await group.run()
        } catch {
            logger.error("stopped with an error: \(error)")
        }
        control.stop()
        await scheduler.context.shutdown()
        await opened.close()
        _ = lock
        logger.notice("deadlined stopped", metadata: LogEventID.daemonStopping.metadata())
        return 0
    }
}

/// The scheduler as a swift-service-lifecycle service: graceful shutdown becomes a `.stop` command, SIGHUP a
/// `.reload`.
struct SchedulerService: Service {
    // The scheduler is only ever used by this service's run task.
    nonisolated(unsafe) let scheduler: Scheduler
    let commands: CommandQueue
    let hangups: UnixSignalsSequence
    let notifier: SystemdNotifier
    let logger: Logger

    func run() async throws {
        let commands = self.commands
        let logger = self.logger
        await withGracefulShutdownHandler {
            await withDiscardingTaskGroup { group in
                group.addTask {
                    for await _ in hangups {
                        logger.notice("SIGHUP: reloading the configuration")
                        commands.send(.reload(reply: { _ in }))
                    }
                }
                notifier.ready(status: "started")
                await scheduler.run()
                notifier.stopping(status: "stopping")
                group.cancelAll()
            }
        } onGracefulShutdown: {
            commands.send(.stop)
        }
    }
}

/// Answers control-socket requests by queueing commands for the scheduler.
enum ControlRequests {
    static func handle(_ request: String, commands: CommandQueue) -> [String] {
        switch request.uppercased() {
        case "PING":
            return ["PONG \(getpid())"]
        case "CHANGED":
            commands.send(.changed)
            return ["OK"]
        case "RELOAD":
            let box = ReplyBox()
            commands.send(.reload(reply: { box.put($0) }))
            guard let outcome = box.take(timeoutSeconds: 110) else {
                return ["ERROR the reload did not finish in time"]
            }
            switch outcome {
            case .accepted(let summary, let warnings):
                return ["ACCEPTED \(summary)"] + warnings.map { "WARNING \($0)" }
            case .rejected(let errors):
                return ["REJECTED"] + errors.map { "ERROR \($0)" }
            }
        default:
            return ["ERROR unknown request '\(request)'; use RELOAD, CHANGED or PING"]
        }
    }
}

/// A one-shot hand-over from the scheduler's task to the control thread.
final class ReplyBox: @unchecked Sendable {
    private var value: ReloadOutcome?  // guarded by `lock`
    private let lock = ConditionLock()

    func put(_ outcome: ReloadOutcome) {
        lock.withLock {
            value = outcome
            lock.broadcast()
        }
    }

    /// The outcome, waiting for it at most `timeoutSeconds`; nil if none came.
    func take(timeoutSeconds: Int) -> ReloadOutcome? {
        let deadline = WallClock.deadline(secondsFromNow: timeoutSeconds)
        return lock.withLock {
            while value == nil, lock.wait(until: deadline) {}
            return value
        }
    }
}

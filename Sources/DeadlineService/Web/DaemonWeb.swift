#if canImport(Glibc)
    import Glibc
#endif
import DeadlineConfig
import DeadlineKit
import DeadlineStore
import DeadlineSystemd
import DeadlineWeb
import Logging
import ServiceLifecycle

/// The web side in the daemon: served when systemd hands over the socket of `deadlined-web.socket` (named `web`,
/// or the only listening socket passed); no socket, no web. The links in reminders depend on `[web]` alone, so a
/// second daemon on a shared ledger that serves no pages still sends them.
enum DaemonWeb {
    /// The service that serves the pages, or nil when no socket was handed over (saying so when `[web]` is set).
    static func service(
        scheduler: Scheduler, ledger: any Ledger, commands: CommandQueue, clock: DaemonClock, logger: Logger
    )
        -> WebServer?
    {
        let passed = SocketActivation.take()
        let chosen =
            passed.first { $0.name == "web" && $0.isListeningStream }
            ?? (passed.count == 1 ? passed.first { $0.isListeningStream } : nil)
        for other in passed where other.descriptor != chosen?.descriptor {
            logger.warning(
                "closing descriptor \(other.descriptor) ('\(other.name)') handed over by systemd: deadlined has no use for it"
            )
            close(other.descriptor)
        }
        let context = scheduler.context
        guard let socket = chosen else {
            if context.configuration.web != nil {
                logger.notice(
                    "[web] is set but systemd handed over no socket: the pages are not served by this daemon (systemctl enable --now deadlined-web.socket, then restart deadlined)"
                )
            }
            return nil
        }
        if context.configuration.web == nil {
            logger.notice("the web socket is open but [web] is not set: every page answers 'not found' until it is")
        }
        if let problem = context.web.problem {
            logger.error("web: \(problem); reminders carry no links until it is fixed")
        }
        let desk = DaemonWebDesk(context: context, ledger: ledger, commands: commands, clock: clock, logger: logger)
        let make = scheduler.makeContext
        scheduler.makeContext = desk.following { configuration, templates, at in
            let context = make(configuration, templates, at)
            if let problem = context.web.problem {
                logger.error("web: \(problem); reminders carry no links until it is fixed")
            }
            return context
        }
        logger.notice("serving the web side on the socket systemd handed over (descriptor \(socket.descriptor))")
        return WebServer(listeningOn: socket.descriptor, site: WebSite(desk: desk, logger: logger), logger: logger)
    }
}

import HummingbirdCore
package import Logging
package import NIOCore
import NIOPosix
import ServiceLifecycle

/// Serves a ``WebSite`` over HTTP/1.1 on a socket that is already bound and listening (systemd's socket
/// activation hands it over; tests make their own), as a swift-service-lifecycle service.
///
/// It runs its own one-thread event loop, which sleeps in `epoll_wait` until a connection comes: an idle site
/// adds no wake-up. Connections idle for ``idleTimeout`` are closed. On graceful shutdown it stops accepting,
/// lets the requests in progress finish, and closes the rest.
package struct WebServer: Service {
    let descriptor: CInt
    let site: WebSite
    let logger: Logger
    let idleTimeout: TimeAmount

    /// - Parameter descriptor: a listening stream socket; the server owns it from now on and closes it.
    package init(listeningOn descriptor: CInt, site: WebSite, logger: Logger, idleTimeout: TimeAmount = .seconds(60)) {
        self.descriptor = descriptor
        self.site = site
        self.logger = logger
        self.idleTimeout = idleTimeout
    }

    package func run() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        do {
            try await serve(on: group)
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
        try await group.shutdownGracefully()
    }

    private func serve(on group: MultiThreadedEventLoopGroup) async throws {
        let http = HTTP1Channel(responder: site.responder(), configuration: .init(idleTimeout: idleTimeout))
        let logger = self.logger
        let server = try await ServerBootstrap(group: group)
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .bind(descriptor) { channel in http.setup(channel: channel, logger: logger) }
        try await withGracefulShutdownHandler {
            try await server.executeThenClose { connections in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await connection in connections {
                            group.addTask { await http.handle(value: connection, logger: logger) }
                        }
                    } catch {
                        logger.error("web: accepting connections failed: \(error)")
                    }
                    // The listening socket is closed: end the connections that stay open (keep-alive).
                    group.cancelAll()
                }
            }
        } onGracefulShutdown: {
            server.channel.close(promise: nil)
        }
    }
}

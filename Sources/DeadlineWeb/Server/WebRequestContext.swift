import HTTPTypes
package import Hummingbird
import HummingbirdCore
import NIOCore

/// Hummingbird's request context with the address the request came from: the connection's peer, or, when that is
/// the reverse proxy on this machine, the client it names in `X-Real-IP` (or last in `X-Forwarded-For`).
package struct WebRequestContext: RequestContext {
    package var coreContext: CoreRequestContextStorage
    /// The connection's peer address, if known.
    package let peerAddress: String?

    package init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The client's address, for the rate limit.
    func clientAddress(_ request: Request) -> String {
        let peer = peerAddress ?? "unknown"
        guard peer.hasPrefix("127.") || peer == "::1" || peer == "::ffff:127.0.0.1" else { return peer }
        if let real = request.headers[.xRealIP], !real.isEmpty { return real }
        if let forwarded = request.headers[.xForwardedFor],
            let last = forwarded.split(separator: ",").last?.filter({ $0 != " " }), !last.isEmpty
        {
            return last
        }
        return peer
    }
}

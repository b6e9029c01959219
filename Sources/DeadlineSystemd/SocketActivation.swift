import CSystemd
import Glibc

/// The sockets the service manager handed over (socket activation, `sd_listen_fds(3)`): for deadlined, the web
/// side's listening socket from `deadlined-web.socket`.
///
/// ``take()`` reads `$LISTEN_FDS`, `$LISTEN_PID` and `$LISTEN_FDNAMES` once and unsets them (so that nothing
/// started later believes the sockets are its own); the descriptors, from 3 on, are marked close-on-exec. Without
/// those variables, or when `$LISTEN_PID` names another process, there are none.
package enum SocketActivation {
    /// One descriptor passed in.
    package struct PassedSocket: Sendable, Hashable {
        /// The file descriptor, 3 or more.
        package let descriptor: CInt
        /// Its name: the socket unit's `FileDescriptorName=`, by default the unit's name.
        package let name: String
        /// Whether it is a stream socket in the listening state (what a web server can accept on).
        package let isListeningStream: Bool
    }

    /// Takes the passed descriptors. Call once, at start-up, before other threads read the environment.
    package static func take() -> [PassedSocket] {
        let names = getenv("LISTEN_FDNAMES").map {
            String(cString: $0).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        }
        let count = sd_listen_fds(1)
        guard count > 0 else { return [] }
        return (0..<count).map { i in
            let fd = SD_LISTEN_FDS_START + i
            let name = names.flatMap { Int(i) < $0.count ? $0[Int(i)] : nil } ?? "unknown"
            return PassedSocket(
                descriptor: fd, name: name,
                isListeningStream: sd_is_socket(fd, AF_UNSPEC, CInt(SOCK_STREAM.rawValue), 1) > 0)
        }
    }
}

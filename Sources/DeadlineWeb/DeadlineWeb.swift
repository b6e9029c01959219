/// DeadlineWeb: the optional web side of deadlined, over plain HTTP on a socket that systemd hands over
/// (`deadlined-web.socket`), behind the office's reverse proxy for TLS.
///
/// - ``WebLinks`` signs and reads the links: a unit's "Xác nhận đã hoàn thành" link in each reminder
///   (`/xac-nhan/TOKEN`), its calendar feed (`/lich/TOKEN.ics`) and the office's report (`/bao-cao/TOKEN`), each an
///   HMAC-SHA256 under ``LinkKey``.
/// - ``WebSite`` routes requests (Hummingbird's router) to a ``WebDesk``, which the daemon implements: it reads the
///   configuration and the ledger and records a confirmation. Nothing here touches either.
/// - ``WebServer`` serves a site on an already listening socket, as a swift-service-lifecycle service.
///
/// Pages are HTML escaped everywhere, carry a strict Content-Security-Policy, and need no script; GET never changes
/// anything, and POST is rate-limited per address.
package enum DeadlineWeb {}

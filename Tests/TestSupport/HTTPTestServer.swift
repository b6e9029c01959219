import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real HTTP/1.1 keep-alive server on 127.0.0.1 for one test: `Tests/Servers/http_server.py`.
///
/// It answers with a script of responses in request order (the last one repeats), records every request, and
/// counts TCP connections. With `webhookSecret` it verifies Standard Webhooks signatures itself (Python's
/// `hmac`), an implementation independent of ours.
package final class HTTPTestServer: Sendable {
    /// One scripted response.
    package struct Response: Sendable, Encodable {
        package var status: Int
        package var headers: [String: String]
        package var body: String
        /// Seconds to wait before answering.
        package var delay: Double?

        package init(status: Int, headers: [String: String] = [:], body: String = "", delay: Double? = nil) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
        }
    }

    /// The port the server listens on, on 127.0.0.1.
    package let port: Int
    /// `http://127.0.0.1:<port>` or `https://…`.
    package let baseURL: String
    private let process: LoopbackServerProcess

    /// Starts the server and waits (bounded) until it listens.
    ///
    /// - Parameters:
    ///   - responses: answers in request order; the last repeats.
    ///   - tls: serve HTTPS with the shared ``TestCertificates`` server certificate (or the wrong-name one).
    ///   - webhookSecret: verify `webhook-signature` with this secret (`whsec_…` or raw).
    package init(
        responses: [Response] = [Response(status: 200, body: "{\"ok\":true}")], tls: Bool = false,
        wrongNameCertificate: Bool = false, webhookSecret: String? = nil
    ) throws {
        let script = String(decoding: try JSONEncoder().encode(responses), as: UTF8.self)
        var arguments = ["--script", script]
        if tls {
            let certificates = try TestCertificates.shared()
            arguments += [
                "--cert", wrongNameCertificate ? certificates.wrongNameCertificate : certificates.serverCertificate,
                "--key", wrongNameCertificate ? certificates.wrongNameKey : certificates.serverKey,
            ]
        }
        if let webhookSecret { arguments += ["--webhook-secret", webhookSecret] }
        process = try LoopbackServerProcess(script: "http_server.py", arguments: arguments)
        port = process.port
        baseURL = "\(tls ? "https" : "http")://127.0.0.1:\(process.port)"
    }

    /// The server's PID.
    package var pid: Int32 { process.pid }

    /// The requests received so far, in order.
    package func requests() throws -> [HTTPReceivedRequest] {
        try process.events().filter { $0.event == "request" }.map { event in
            HTTPReceivedRequest(
                method: event.method ?? "", path: event.path ?? "",
                headers: (event.headers ?? []).compactMap {
                    $0.count == 2 ? HTTPReceivedRequest.Header(name: $0[0], value: $0[1]) : nil
                },
                body: Array(Data(base64Encoded: event.body_b64 ?? "") ?? Data()),
                signatureValid: event.signature_valid)
        }
    }

    /// How many TCP connections the server has accepted.
    package func connectionCount() throws -> Int {
        try process.connectionCount()
    }

    /// The most TCP connections that were open at the same time.
    package func maximumOpenConnections() throws -> Int {
        try process.maximumOpenConnections()
    }

    /// The server's stderr, for failure messages.
    package var standardError: String { process.standardError }

    /// Stops the server by PID. Also done on deinit.
    package func stop() {
        process.stop()
    }

    /// A port on 127.0.0.1 that nothing listens on: bound to learn a free number, then closed. For "server down"
    /// tests (connection refused).
    package static func unusedPort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw TestServerError(description: "socket failed: errno \(errno)") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw TestServerError(description: "bind failed: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// A request as the HTTP server received it.
package struct HTTPReceivedRequest: Sendable, Equatable {
    /// One header line, as sent.
    package struct Header: Sendable, Equatable {
        package var name: String
        package var value: String
    }

    package var method: String
    package var path: String
    package var headers: [Header]
    package var body: [UInt8]
    /// Whether the Standard Webhooks signature verified (`nil` when the server had no secret).
    package var signatureValid: Bool?

    /// The first value of a header, case-insensitively.
    package func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }
}

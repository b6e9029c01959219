import Foundation
import TestSupport
import Testing

@testable import DeadlineDelivery

/// The security settings and the shape of a transfer are written once, in `Curl/CurlTransport.swift`, for every
/// transport over libcurl: an edit to TLS cannot reach one transport and miss the other.
@Suite("One transport core: TLS, timeouts and the transfer's shape written once")
struct TransportCoreTests {
    static let folder = BuiltProducts.repositoryRoot + "/Sources/DeadlineDelivery"

    static func sources() throws -> [(name: String, text: String)] {
        let files = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { $0.hasSuffix(".swift") }
        return try files.sorted().map { ($0, try String(contentsOfFile: folder + "/" + $0, encoding: .utf8)) }
    }

    @Test(
        "each TLS and timeout option is set in one place only",
        arguments: [
            "CURLOPT_SSL_VERIFYPEER,", "CURLOPT_SSL_VERIFYHOST,", "CURLOPT_SSLVERSION,", "CURLOPT_CAINFO_BLOB,",
            "CURLOPT_CONNECTTIMEOUT_MS,", "CURLOPT_TIMEOUT_MS,", "libcurl could not be initialised",
            "cancelled before sending",
        ])
    func writtenOnce(_ needle: String) throws {
        let places = try Self.sources().filter { $0.text.contains(needle) }.map(\.name)
        #expect(places == ["Curl/CurlTransport.swift"], "\(needle)")
    }

    @Test("both transports use the core")
    func bothUseTheCore() throws {
        for name in ["SMTP/SMTPTransport.swift", "Webhook/WebhookTransport.swift"] {
            let text = try String(contentsOfFile: Self.folder + "/" + name, encoding: .utf8)
            #expect(text.contains("try easy.applyTLS(trust)"), "\(name)")
            #expect(text.contains("try easy.applyTimeouts("), "\(name)")
            #expect(text.contains("CurlTransport("), "\(name)")
        }
    }
}

@Suite("The SMTP channel's URL")
struct SMTPURLTests {
    @Test(
        "host and port, IPv6 in brackets, the scheme's default when no port is written",
        arguments: [
            ("smtp://mail.hanoi.example:587", "smtp", "mail.hanoi.example", 587 as Int?),
            ("smtps://mail.hanoi.example", "smtps", "mail.hanoi.example", nil),
            ("smtp://[::1]:2525", "smtp", "::1", 2525),
            ("SMTP://127.0.0.1:25/", "smtp", "127.0.0.1", 25),
        ])
    func reads(_ url: String, _ scheme: String, _ host: String, _ port: Int?) throws {
        let parsed = try SMTPChannel.parse(url)
        #expect(parsed.scheme == scheme)
        #expect(parsed.host == host)
        #expect(parsed.port == port)
    }

    @Test(
        "a port that is not a number from 1 to 65535 is refused, never dropped for the default",
        arguments: [
            "smtp://mail.hanoi.example:58x7", "smtp://mail.hanoi.example:0", "smtp://[::1]:99999", "smtp://host:",
        ])
    func refusesBadPorts(_ url: String) {
        #expect(
            throws: DeliveryConfigurationError(setting: "url", problem: "the port must be a number from 1 to 65535")
        ) {
            _ = try SMTPChannel.parse(url)
        }
    }
}

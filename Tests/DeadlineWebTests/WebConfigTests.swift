import DeadlineConfig
import DeadlineService
import Foundation
import TestSupport
import Testing

/// `[web]` as admins write it, each problem at its key.
@Suite("[web] in the configuration")
struct WebConfigTests {
    static func load(
        _ web: String, keyMode: Int? = 0o600, dropIn: String? = nil
    ) throws -> (LoadedConfiguration, TemporaryDirectory) {
        let dir = try TemporaryDirectory()
        if let keyMode { _ = try dir.write("state/web-key", String(repeating: "ab", count: 32) + "\n", mode: keyMode) }
        if let dropIn { _ = try dir.write("deadlines.d/web.toml", dropIn) }
        let main = try dir.write("deadlined.toml", "[daemon]\nstate_directory = \"\(dir.path)/state\"\n\n\(web)\n")
        return (LoadedConfiguration.load(mainFile: main, environment: [:]), dir)
    }

    static func messages(_ loaded: LoadedConfiguration) -> [String] { loaded.diagnostics.map { "\($0)" } }

    @Test("off without the table; on with public_url, the key in the state directory by default, 60 days")
    func defaults() throws {
        let (off, a) = try Self.load("")
        defer { a.remove() }
        #expect(off.configuration?.web == nil)
        let (on, b) = try Self.load("[web]\npublic_url = \"https://nhacviec.hanoi.gov.vn/\"")
        defer { b.remove() }
        let web = try #require(on.configuration?.web, "\(Self.messages(on))")
        #expect(web.publicURL == "https://nhacviec.hanoi.gov.vn" && web.keyFile == b.path + "/state/web-key")
        #expect(web.linkLifetimeSeconds == 60 * 86_400)
        #expect(on.diagnostics.isEmpty, "\(Self.messages(on))")
    }

    @Test(
        "each mistake at its key, with what to do",
        arguments: [
            ("[web]\npublic_url = \"https://x.vn\"", 0o644, "is readable by everyone (mode 644); run: chmod 600"),
            (
                "[web]\npublic_url = \"https://x.vn\"", nil,
                "does not exist yet; create it with: deadlinectl web-key (until then reminders carry no links)"
            ),
            (
                "[web]\npublic_url = \"ftp://x.vn\"", 0o600,
                "'ftp://x.vn' is not a web address; write it as https://host[/path]"
            ),
            (
                "[web]\npublic_url = \"http://nhacviec.hanoi.gov.vn\"", 0o600,
                "travel unencrypted; put the office's reverse proxy with TLS in front"
            ),
            (
                "[web]\npublic_url = \"https://x.vn\"\nlink_lifetime = \"10m\"", 0o600,
                "'link_lifetime' must be at least 1h"
            ),
            ("[web]\npublic_url = \"https://x.vn\"\nkey_flie = \"k\"", 0o600, "unknown key 'key_flie'"),
            ("[web]\nkey_file = \"k\"", 0o600, "public_url"),
        ] as [(String, Int?, String)])
    func mistakes(web: String, keyMode: Int?, expected: String) throws {
        let (loaded, dir) = try Self.load(web, keyMode: keyMode)
        defer { dir.remove() }
        let messages = Self.messages(loaded)
        #expect(messages.contains { $0.contains(expected) && $0.contains("deadlined.toml:") }, "\(messages)")
    }

    @Test("[web] belongs in the main file")
    func notInADropIn() throws {
        let (loaded, dir) = try Self.load("", dropIn: "[web]\npublic_url = \"https://x.vn\"\n")
        defer { dir.remove() }
        #expect(loaded.configuration == nil)
        #expect(
            Self.messages(loaded).contains {
                $0.contains(
                    "web.toml:1:2: error: [web] belongs in the main file, not in a drop-in; move it to deadlined.toml")
            }, "\(Self.messages(loaded))")
    }
}

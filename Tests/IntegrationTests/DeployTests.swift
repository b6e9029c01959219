import DeadlineSystemd
import Foundation
import TestSupport
import Testing

/// The systemd units and the journald catalog in deploy/, checked with the real systemd tools.
@Suite("deploy/: unit files and catalog")
struct DeployTests {
    /// The units with the binaries' path changed as deploy/install.sh does, to the built binaries.
    func renderedUnits() throws -> TemporaryDirectory {
        let dir = try TemporaryDirectory()
        for unit in ["deadlined.service", "deadlined-once.service"] {
            let file = try String(contentsOfFile: BuiltProducts.repositoryRoot + "/deploy/\(unit)", encoding: .utf8)
            try dir.write(unit, file.replacingOccurrences(of: "=/usr/local/bin/", with: "=\(BuiltProducts.directory)/"))
        }
        for unit in ["deadlined.timer", "deadlined-web.socket"] {
            try dir.write(
                unit, try String(contentsOfFile: BuiltProducts.repositoryRoot + "/deploy/\(unit)", encoding: .utf8))
        }
        return dir
    }

    @Test("systemd-analyze verify finds nothing to complain about")
    func verify() async throws {
        let dir = try renderedUnits()
        defer { dir.remove() }
        let result = try await ProcessRunner.run(
            "systemd-analyze",
            [
                "verify", "--man=no", "./deadlined.service", "./deadlined-once.service", "./deadlined.timer",
                "./deadlined-web.socket",
            ],
            currentDirectory: dir.path)
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "", "\(result.stderr)")
    }

    @Test(
        "systemd-analyze security rates both services at most 2.0 (OK)",
        arguments: ["deadlined.service", "deadlined-once.service"])
    func security(unit: String) async throws {
        let dir = try renderedUnits()
        defer { dir.remove() }
        let result = try await ProcessRunner.run(
            "systemd-analyze", ["security", "--offline=true", "--no-pager", "./\(unit)"], currentDirectory: dir.path)
        let line = try #require(
            result.stdout.split(separator: "\n").first { $0.contains("Overall exposure level for \(unit)") })
        let score = try #require(Double(line.split(separator: ":").last!.split(separator: " ").first!))
        #expect(score <= 2.0, "\(line)")
        print("systemd-analyze security \(unit): \(score)")
    }

    @Test("the catalog compiles and has an entry for every event deadlined logs")
    func catalog() async throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        let text = try String(
            contentsOfFile: BuiltProducts.repositoryRoot + "/deploy/deadlined.catalog", encoding: .utf8)
        try root.write("usr/lib/systemd/catalog/deadlined.catalog", text)
        let result = try await ProcessRunner.run("journalctl", ["--root=\(root.path)", "--update-catalog"])
        #expect(result.status == 0 && result.stderr == "", "\(result)")
        let ids = text.split(separator: "\n").filter { $0.hasPrefix("-- ") }.map { String($0.dropFirst(3)) }
        #expect(ids.sorted() == LogEventID.allCases.map(\.rawValue).sorted())
    }
}

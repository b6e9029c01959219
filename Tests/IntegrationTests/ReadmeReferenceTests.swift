import DeadlineService
import Foundation
import TestSupport
import Testing

@Suite("README")
struct ReadmeReferenceTests {
    @Test("the config reference in docs/configuration.md is the one the schema generates")
    func configReference() throws {
        let guide = try String(
            contentsOfFile: BuiltProducts.repositoryRoot + "/docs/configuration.md", encoding: .utf8)
        let begin = "<!-- BEGIN CONFIG REFERENCE -->\n"
        let end = "<!-- END CONFIG REFERENCE -->"
        let start = try #require(guide.range(of: begin)).upperBound
        let stop = try #require(guide.range(of: end)).lowerBound
        #expect(
            String(guide[start..<stop]) == ConfigReferenceDocument.markdown(),
            "regenerate with: deadlinectl config-reference")
    }

    /// README's two commands are `scripts/run demo` and `scripts/run test`, and CI runs exactly the second.
    @Test("README's two commands, and CI runs the test one")
    func twoCommands() async throws {
        let root = BuiltProducts.repositoryRoot
        let readme = try String(contentsOfFile: root + "/README.md", encoding: .utf8)
        let block = try #require(
            readme.components(separatedBy: "## Two commands\n").dropFirst().first?
                .components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```").first)
        let commands = block.split(separator: "\n").map {
            $0.components(separatedBy: "#")[0].trimmingCharacters(in: .whitespaces)
        }
        #expect(commands == ["scripts/run demo", "scripts/run test"])
        let ci = try String(contentsOfFile: root + "/.ci/run", encoding: .utf8)
        #expect(ci.split(separator: "\n").last == "scripts/run test")
        // scripts/run hands its arguments to make (here a dry run of the demo).
        let dry = try await ProcessRunner.run(root + "/scripts/run", ["-n", "demo"], currentDirectory: root)
        #expect(dry.succeeded, "\(dry)")
        #expect(dry.stdout.contains("deadlinectl check"), "\(dry)")
    }

    /// README's first command runs `make demo`; its recipe runs the built binaries on the example config. Each line
    /// is run here as written (with this build's binaries), so a renamed flag cannot break it unseen.
    @Test("every command of make demo runs and succeeds; it sends reminders and shows one, decoded; twice is safe")
    func demoCommands() async throws {
        let makefile = try String(contentsOfFile: BuiltProducts.repositoryRoot + "/Makefile", encoding: .utf8)
        let recipe = try #require(makefile.components(separatedBy: "\ndemo: build\n").dropFirst().first)
        let state = try TemporaryDirectory(prefix: "deadlined-demo")
        defer { state.remove() }
        let commands = recipe.split(separator: "\n", omittingEmptySubsequences: false).prefix { $0.hasPrefix("\t") }
            .map {
                $0.dropFirst().replacingOccurrences(of: ".build/debug/", with: BuiltProducts.directory + "/")
                    .replacingOccurrences(of: "$(CONFIG)", with: BuiltProducts.exampleConfig)
                    .replacingOccurrences(of: "$(DEMO_STATE)", with: state.path + "/state")
            }
            .map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }
        #expect(commands.count >= 6, "\(commands)")
        for round in 1...2 {
            var output = ""
            for command in commands {
                let result = try await ProcessRunner.run(
                    "/bin/sh", ["-c", command], currentDirectory: BuiltProducts.repositoryRoot)
                #expect(result.succeeded, "\(command)\n\(result)")
                output += result.stdout + result.stderr
            }
            // Six reminders written to the outbox; one shown as a person reads it: the subject and text decoded.
            let outbox = (try? FileManager.default.contentsOfDirectory(atPath: state.path + "/state/outbox")) ?? []
            #expect(outbox.filter { $0.hasSuffix(".eml") }.count == 6, "round \(round): \(outbox)")
            #expect(output.contains("Tiêu đề: [Nhắc việc] Còn 7 ngày đến hạn: Báo cáo tham mưu"), "\(output)")
            #expect(output.contains("Kính gửi: "), "\(output)")
            #expect(output.contains("Tệp: \(state.path)/state/outbox/20201203T080000-"), "\(output)")
            #expect(output.contains("journalctl -u deadlined -f"), "\(output)")
        }
    }
}

import DeadlineService
import Foundation
import TestSupport
import Testing

@Suite("README")
struct ReadmeReferenceTests {
    @Test("the config reference in README.md is the one the schema generates")
    func configReference() throws {
        let readme = try String(contentsOfFile: BuiltProducts.repositoryRoot + "/README.md", encoding: .utf8)
        let begin = "<!-- BEGIN CONFIG REFERENCE -->\n"
        let end = "<!-- END CONFIG REFERENCE -->"
        let start = try #require(readme.range(of: begin)).upperBound
        let stop = try #require(readme.range(of: end)).lowerBound
        #expect(String(readme[start..<stop]) == ConfigReferenceDocument.markdown(),
            "regenerate with: deadlinectl config-reference")
    }

    /// README's first command is `make demo`; its recipe runs the built binaries on the example config. Each line
    /// is run here as written (with this build's binaries), so a renamed flag cannot break it unseen.
    @Test("every command of make demo runs and succeeds")
    func demoCommands() async throws {
        let makefile = try String(contentsOfFile: BuiltProducts.repositoryRoot + "/Makefile", encoding: .utf8)
        let recipe = try #require(makefile.components(separatedBy: "\ndemo: build\n").dropFirst().first)
        let commands = recipe.split(separator: "\n", omittingEmptySubsequences: false).prefix { $0.hasPrefix("\t") }
            .map { $0.dropFirst().replacingOccurrences(of: ".build/debug/", with: BuiltProducts.directory + "/")
                .replacingOccurrences(of: "$(CONFIG)", with: BuiltProducts.exampleConfig) }
        #expect(commands.count >= 4, "\(commands)")
        for command in commands {
            let result = try await ProcessRunner.run("/bin/sh", ["-c", command], currentDirectory: BuiltProducts.repositoryRoot)
            #expect(result.succeeded, "\(command)\n\(result)")
        }
    }
}

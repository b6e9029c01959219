import Foundation
import Testing

/// The `deadline-journal-probe` executable built next to this test bundle (`.build/<config>/`).
enum ProbeBinary {
    static let name = "deadline-journal-probe"

    /// The probe's path, or a failure naming where it was looked for.
    static func path() throws -> String {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let candidate = executable.deletingLastPathComponent().appendingPathComponent(Self.name).path
        guard FileManager.default.isExecutableFile(atPath: candidate) else {
            Issue.record("\(Self.name) not found at \(candidate); build all targets (`swift build`) before testing")
            throw CancellationError()
        }
        return candidate
    }

    /// The probe's stdout report: `CODE_FILE=…`, `CODE_FUNC=…`, and `logged <event> CODE_LINE=<n>` lines.
    struct Report {
        var codeFile = ""
        var codeFunction = ""
        var lines: [String: String] = [:]

        init(_ stdout: String) {
            for line in stdout.split(separator: "\n").map(String.init) {
                if line.hasPrefix("CODE_FILE=") { self.codeFile = String(line.dropFirst(10)) }
                if line.hasPrefix("CODE_FUNC=") { self.codeFunction = String(line.dropFirst(10)) }
                let words = line.split(separator: " ")
                if words.count == 3, words[0] == "logged", words[2].hasPrefix("CODE_LINE=") {
                    self.lines[String(words[1])] = String(words[2].dropFirst(10))
                }
            }
        }
    }
}

import Foundation

/// A fresh directory under the system's temporary folder, removed by ``remove()``.
package struct TemporaryDirectory: Sendable {
    package let path: String

    package init(prefix: String = "deadlined-test") throws {
        var template = Array((NSTemporaryDirectory() + "/\(prefix)-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ProcessRunnerError(description: "mkdtemp failed: \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
    }

    /// Writes `text` to `relative` (creating folders), with the given permissions.
    @discardableResult
    package func write(_ relative: String, _ text: String, mode: Int = 0o644) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: full)
        return full
    }

    package func read(_ relative: String) throws -> String {
        try String(contentsOfFile: path + "/" + relative, encoding: .utf8)
    }

    package func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Where the repository and the built executables are.
package enum BuiltProducts {
    /// The repository root (found from this source file's path).
    package static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The folder holding the built executables: the one that holds the running test bundle.
    package static let directory: String = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        var url = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // The test binary may sit inside a `.xctest` bundle folder.
        while url.path != "/",
            !FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("deadlinectl").path)
        {
            url.deleteLastPathComponent()
            if url.lastPathComponent == "debug" || url.lastPathComponent == "release" { break }
        }
        return url.path
    }()

    /// The path of a built executable, e.g. `deadlinectl`.
    package static func path(_ name: String) -> String { directory + "/" + name }

    /// The example configuration shipped in `etc/`.
    package static var exampleConfig: String { repositoryRoot + "/etc/deadlined/deadlined.toml" }
}

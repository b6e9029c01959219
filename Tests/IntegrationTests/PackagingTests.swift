import Foundation
import TestSupport
import Testing

/// What `make install` (deploy/install.sh) and `make deb` (scripts/build-deb) put on a machine besides the binaries:
/// manual pages and shell completions.
@Suite("Installing: deploy/install.sh and the Debian package")
struct PackagingTests {
    static let root = BuiltProducts.repositoryRoot

    @Test("deploy/install.sh installs the binaries, units, catalog, manual pages and completions into DESTDIR")
    func installScript() async throws {
        let dest = try TemporaryDirectory()
        defer { dest.remove() }
        let result = try await ProcessRunner.run(
            Self.root + "/deploy/install.sh", [],
            environment: ProcessRunner.environment(adding: ["DESTDIR": dest.path, "PREBUILT": BuiltProducts.directory]),
            timeout: .seconds(120))
        #expect(result.succeeded, "\(result)")
        let expected = [
            "usr/local/bin/deadlined", "usr/local/bin/deadlinectl",
            "etc/systemd/system/deadlined.service", "etc/systemd/system/deadlined-once.service",
            "etc/systemd/system/deadlined.timer", "usr/lib/systemd/catalog/deadlined.catalog",
            "usr/local/share/man/man1/deadlinectl.1", "usr/local/share/man/man5/deadlined.toml.5",
            "usr/local/share/man/man7/deadlined-webhook.7", "usr/local/share/man/man8/deadlined.8",
            "usr/local/share/bash-completion/completions/deadlinectl",
            "usr/local/share/zsh/site-functions/_deadlinectl",
            "usr/local/share/fish/vendor_completions.d/deadlinectl.fish",
            "usr/local/share/bash-completion/completions/deadlined", "usr/local/share/zsh/site-functions/_deadlined",
            "usr/local/share/fish/vendor_completions.d/deadlined.fish",
            "etc/deadlined/deadlined.toml", "etc/deadlined/deadlines.d/5418-UBND-TKBT.toml",
        ]
        for file in expected {
            #expect(
                FileManager.default.fileExists(atPath: dest.path + "/" + file),
                "deploy/install.sh did not install \(file)")
        }
        // The completion for bash completes deadlinectl's commands; hidden ones are left out.
        let bash = try dest.read("usr/local/share/bash-completion/completions/deadlinectl")
        #expect(bash.contains("complete -o filenames -F _deadlinectl deadlinectl"))
        #expect(bash.contains("test-send") && !bash.contains("config-reference-mdoc"))
        let parsed = try await ProcessRunner.run(
            "bash", ["-n", dest.path + "/usr/local/share/bash-completion/completions/deadlinectl"])
        #expect(parsed.succeeded, "\(parsed)")
        // man finds the installed page by name, as an admin types it.
        if ProcessRunner.locate("man") != nil {
            let man = try await ProcessRunner.run(
                "man", ["-w", "deadlined.toml"],
                environment: ProcessRunner.environment(adding: ["MANPATH": dest.path + "/usr/local/share/man"]))
            #expect(man.stdout == dest.path + "/usr/local/share/man/man5/deadlined.toml.5\n", "\(man)")
        }
    }

    /// The package's own test (scripts/test-deb: dpkg into a throwaway root, run, remove, purge), run here when
    /// `make deb` has built this version's package; CI builds none (a release build takes longer than its budget
    /// allows), so there it is skipped.
    static let package: String? = {
        guard let changelog = try? String(contentsOfFile: root + "/deploy/debian/changelog", encoding: .utf8),
            let open = changelog.firstIndex(of: "("), let close = changelog.firstIndex(of: ")")
        else { return nil }
        let version = changelog[changelog.index(after: open)..<close]
        let path = root + "/deadlined_\(version)_amd64.deb"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }()

    @Test(
        "the built .deb installs, runs, removes and purges cleanly (scripts/test-deb)",
        .enabled(if: package != nil, "no deadlined_VERSION_amd64.deb here: make deb builds it"))
    func debianPackage() async throws {
        let result = try await ProcessRunner.run(
            Self.root + "/scripts/test-deb", [try #require(Self.package)], currentDirectory: Self.root,
            timeout: .seconds(600))
        #expect(result.succeeded, "\(result)")
        #expect(result.stdout.contains(" 0 failed"), "\(result.stdout)")
    }
}

import Foundation
import TestSupport
import Testing

/// README stays short and points on; the guides in docs/ hold the rest. These tests keep the links between them
/// whole: a moved or renamed section breaks a test here, not a reader's click.
@Suite("README and docs/: size and links")
struct ReadmeLinkTests {
    static let root = BuiltProducts.repositoryRoot

    /// README.md and every docs/*.md, as paths relative to the repository root.
    static let markdownFiles: [String] = {
        let guides = (try? FileManager.default.contentsOfDirectory(atPath: root + "/docs")) ?? []
        return ["README.md"] + guides.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }()

    @Test("README.md is at most 15 KB")
    func readmeSize() throws {
        let bytes = try #require(FileManager.default.contents(atPath: Self.root + "/README.md")).count
        #expect(bytes <= 15_000, "README.md is \(bytes) bytes; move detail into docs/")
    }

    @Test("every relative link of README.md and docs/*.md names a file that exists, and a heading it has")
    func relativeLinks() throws {
        #expect(Self.markdownFiles.count >= 10, "\(Self.markdownFiles)")
        var broken: [String] = []
        var checked = 0
        for file in Self.markdownFiles {
            let text = try String(contentsOfFile: Self.root + "/" + file, encoding: .utf8)
            let folder = (file as NSString).deletingLastPathComponent
            for link in MarkdownText.links(in: text) where !link.contains("://") && !link.hasPrefix("mailto:") {
                checked += 1
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let path = parts[0].isEmpty ? file : MarkdownText.normalise(folder + "/" + parts[0])
                guard FileManager.default.fileExists(atPath: Self.root + "/" + path) else {
                    broken.append("\(file): \(link): no file \(path)")
                    continue
                }
                guard parts.count == 2, path.hasSuffix(".md") else { continue }
                let target = try String(contentsOfFile: Self.root + "/" + path, encoding: .utf8)
                if !MarkdownText.anchors(in: target).contains(String(parts[1])) {
                    broken.append("\(file): \(link): \(path) has no heading #\(parts[1])")
                }
            }
        }
        #expect(checked >= 30, "only \(checked) relative links found: is the link reader broken?")
        #expect(broken.isEmpty, "broken links:\n\(broken.joined(separator: "\n"))")
    }

    @Test("README links every guide in docs/ and names every manual page")
    func readmePointsOn() throws {
        let readme = try String(contentsOfFile: Self.root + "/README.md", encoding: .utf8)
        let links = Set(MarkdownText.links(in: readme))
        for guide in Self.markdownFiles.dropFirst() {
            #expect(links.contains(guide), "README.md does not link \(guide)")
        }
        let pages = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/man").filter { $0.contains(".") }
        #expect(pages.count == 4, "\(pages)")
        for page in pages {
            let name = (page as NSString).deletingPathExtension
            #expect(readme.contains("`man \(name)`"), "README.md does not name `man \(name)`")
        }
    }

    /// The module table of "How it works" names each module the header comment of Package.swift lists.
    @Test("README's module table lists every module of Package.swift's header comment")
    func moduleTable() throws {
        let package = try String(contentsOfFile: Self.root + "/Package.swift", encoding: .utf8)
        let header = package.components(separatedBy: "import PackageDescription")[0]
        // `//   Name    role`; continuation lines are indented further.
        let modules = header.split(separator: "\n").compactMap { line -> [String]? in
            guard line.hasPrefix("//   "), line.dropFirst(5).first != " " else { return nil }
            let names = line.dropFirst(5).components(separatedBy: "  ")[0]
            return names.components(separatedBy: ", ").map { $0.trimmingCharacters(in: .whitespaces) }
        }.flatMap { $0 }
        #expect(modules.count >= 13, "\(modules)")
        #expect(modules.contains("Platform"))
        let readme = try String(contentsOfFile: Self.root + "/README.md", encoding: .utf8)
        let table = try #require(
            readme.components(separatedBy: "## How it works\n").dropFirst().first?
                .components(separatedBy: "\n## ").first)
        let firstColumns = table.split(separator: "\n").filter { $0.hasPrefix("| `") }
            .map { $0.split(separator: "|", omittingEmptySubsequences: true)[0] }
        for module in modules {
            #expect(firstColumns.contains { $0.contains("`\(module)`") }, "README's module table lacks `\(module)`")
        }
    }

    @Test("the link reader: links outside code, GitHub's heading anchors")
    func linkReader() {
        let text = """
            # Channels: email, webhooks, outbox

            See [the guide](docs/a.md#the-outbox) and [`[calendar]`](b.md#calendar), not `[x](nope.md)`.

            ```toml
            # A comment, not a heading
            [link](in-code.md)
            ```

            ## Email (`type = "smtp"`)
            ## After downtime: `catch_up`
            ## Ngày lễ
            ## Ngày lễ
            """
        #expect(MarkdownText.links(in: text) == ["docs/a.md#the-outbox", "b.md#calendar"])
        #expect(
            MarkdownText.anchors(in: text) == [
                "channels-email-webhooks-outbox", "email-type--smtp", "after-downtime-catch_up", "ngày-lễ", "ngày-lễ-1",
            ])
        #expect(MarkdownText.normalise("docs/../BENCHMARKS.md") == "BENCHMARKS.md")
        #expect(MarkdownText.normalise("./docs/web.md") == "docs/web.md")
        #expect(MarkdownText.normalise("/../x.md") == "../x.md")
    }
}

/// Just enough Markdown for checking links: inline links and ATX headings outside fenced code.
enum MarkdownText {
    /// The lines outside fenced code blocks.
    static func prose(_ text: String) -> [Substring] {
        var inFence = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).filter { line in
            if line.hasPrefix("```") {
                inFence.toggle()
                return false
            }
            return !inFence
        }
    }

    /// The targets of `[text](target)` links, in order, leaving out code spans and code blocks.
    static func links(in text: String) -> [String] {
        var targets: [String] = []
        for line in prose(text) {
            let withoutCode = line.replacing(/`[^`]*`/, with: "")
            for match in withoutCode.matches(of: /\[[^\]]*\]\(([^)\s]+)\)/) {
                targets.append(String(match.output.1))
            }
        }
        return targets
    }

    /// The anchors GitHub gives the headings: lower case, letters, digits, `-` and `_` kept, spaces made `-`,
    /// everything else dropped; a repeated anchor gets `-1`, `-2`...
    static func anchors(in text: String) -> [String] {
        var seen: [String: Int] = [:]
        var anchors: [String] = []
        for line in prose(text) {
            guard let match = line.wholeMatch(of: /#{1,6} +(.*)/) else { continue }
            var slug = ""
            for character in match.output.1.lowercased() {
                if character.isLetter || character.isNumber || character == "-" || character == "_" {
                    slug.append(character)
                } else if character == " " {
                    slug.append("-")
                }
            }
            let count = seen[slug, default: 0]
            seen[slug] = count + 1
            anchors.append(count == 0 ? slug : "\(slug)-\(count)")
        }
        return anchors
    }

    /// A relative path with `.` and `..` resolved: `docs/../BENCHMARKS.md` is `BENCHMARKS.md`.
    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == ".." {
                if parts.isEmpty || parts.last == ".." { parts.append(part) } else { parts.removeLast() }
            } else if part != "." {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}

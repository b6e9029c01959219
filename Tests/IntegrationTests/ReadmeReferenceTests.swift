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
}

import DeadlineConfig
import DeadlineKit
import DeadlineService
import Foundation
import TestSupport
import Testing

/// Records, for every diagnostic a test produced, that it names its catalog entry and that the entry's English is
/// the message the daemon logs; `check` then says it in the admin's language.
func expectSaidByCatalog(_ diagnostics: [Diagnostic], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    for d in diagnostics {
        guard let message = d.catalogMessage else {
            Issue.record("names no catalog entry: \(d.message)", sourceLocation: sourceLocation)
            continue
        }
        let english = Catalog(.en)(message)
        #expect(
            english == d.message, "\(message.id): the catalog's English differs from the logged message",
            sourceLocation: sourceLocation)
        let vietnamese = Catalog(.vi)(message)
        #expect(
            vietnamese != nil && vietnamese != d.message, "\(message.id) is not said in Vietnamese",
            sourceLocation: sourceLocation)
    }
}

@Suite("check: every diagnostic of a broken configuration is said from the catalog, its English the logged message")
struct DiagnosticCatalogTests {
    /// Files that produce diagnostics: the fuzz seeds, the example configuration, and configurations broken on
    /// purpose below.
    static var corpus: [String] {
        let root = BuiltProducts.repositoryRoot
        var files: [String] = []
        for folder in [root + "/Fuzz/Corpus/config", root + "/etc/deadlined", root + "/etc/deadlined/deadlines.d"] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            where name.hasSuffix(".toml") {
                files.append(folder + "/" + name)
            }
        }
        return files.sorted()
    }

    @Test("the fuzz seeds and the example configuration")
    func seeds() throws {
        let files = Self.corpus
        #expect(files.count >= 6)
        var count = 0
        for path in files {
            let result = ConfigLoader.load(mainFile: path, environment: [:])
            count += result.diagnostics.count
            expectSaidByCatalog(result.diagnostics)
        }
        #expect(count >= 10, "the corpus produces too few diagnostics to test anything")
    }

    @Test("the TOML specification's invalid examples")
    func tomlSpec() {
        for example in TOMLSpecInvalidTests.examples {
            expectSaidByCatalog(TOMLReader.parse(example.toml, file: "spec.toml").diagnostics)
        }
    }

    @Test("a year typo in Vietnamese: the year, the hint and the value stay as written")
    func yearTypo() throws {
        let (result, _) = try load([
            "deadlined.toml": units + """
                [[deadline]]
                id = "a"
                task = "Báo cáo"
                units = ["so-khdt"]
                due = "10/12/0202"

                """
        ])
        let said = result.diagnostics.map { Catalog(.vi).diagnostic($0) }
        #expect(said.count == 1)
        #expect(
            said.first?.hasSuffix(
                ":8:7: lỗi: '10/12/0202': năm 0202 nằm ngoài các năm deadlined lập lịch nhắc việc (1901–2199); có phải ý bạn là năm 2020?"
            )
                == true, "\(said)")
    }

    @Test("a misspelt key in Vietnamese, with its suggestion")
    func unknownKey() throws {
        let (result, _) = try load([
            "deadlined.toml": units
                + "[[deadline]]\nid = \"a\"\ntask = \"x\"\nunits = [\"so-khdt\"]\ndue = \"10/12/2020\"\nrecipents = 1\n"
        ])
        let said = result.diagnostics.map { Catalog(.vi).diagnostic($0) }
        #expect(
            said.contains {
                $0.hasSuffix(":10:1: lỗi: khóa 'recipents' không có trong [[deadline]]")
                    || $0.contains("khóa 'recipents'")
            }, "\(said)")
    }
}

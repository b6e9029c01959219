import Foundation
import FuzzTargets
import TestSupport
import Testing

/// Every input of the committed fuzz corpus, replayed through its target in-process: an input that once trapped
/// (kept in `Fuzz/Corpus/<target>/` under a `trap-` name) is a regression test from then on. `make fuzz` searches for
/// new ones; this only proves the known ones stay harmless.
@Suite("fuzz corpus: no committed input traps")
struct FuzzCorpusTests {
    /// The seed folders of each target, as Fuzz/run.sh passes them to libFuzzer.
    static func seedFolders(_ target: FuzzTarget) -> [String] {
        let root = BuiltProducts.repositoryRoot
        switch target {
        case .config: return [root + "/Fuzz/Corpus/config", root + "/etc/deadlined"]
        case .values: return [root + "/Fuzz/Corpus/values"]
        case .import: return [root + "/Fuzz/Corpus/import", root + "/Tests/Fixtures/seeds"]
        }
    }

    static func inputs(_ target: FuzzTarget) -> [String] {
        var files: [String] = []
        for folder in seedFolders(target) {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            for case let name as String in walker {
                var isDirectory: ObjCBool = false
                let path = folder + "/" + name
                if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    files.append(path)
                }
            }
        }
        return files.sorted()
    }

    @Test("each target's seeds run through it", arguments: FuzzTarget.allCases)
    func replay(_ target: FuzzTarget) throws {
        let files = Self.inputs(target)
        #expect(files.count >= 3, "no seeds for \(target)")
        for path in files {
            let bytes = try #require(FileManager.default.contents(atPath: path))
            target.run(Array(bytes))
        }
    }
}

import DeadlineImport
import DeadlineKit

/// `deadlinectl import`'s reading of a directive: arbitrary text through ``DocumentImporter``'s public entry point,
/// with and without an issue date.
package enum ImportFuzzTarget {
    package static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        _ = DocumentImporter.propose(text)
        _ = DocumentImporter.propose(text, options: ImportOptions(issued: CivilDate(year: 2020, month: 11, day: 19)))
    }
}

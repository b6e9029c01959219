import ArgumentParser
import DeadlineImportFiles
import DeadlineService

/// `deadlinectl import FILE`: proposes the deadlines of a document's text as a drop-in file to review.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Propose the deadlines of a document (plain text) as a deadlines.d/ drop-in file to review.",
        discussion: """
            Reads UTF-8, UTF-16 (with a byte order mark) or Windows-1258 text, e.g. a directive saved as .txt or a \
            news article about one, and prints [[document]] and [[deadline]] tables with the sentence each came \
            from. Units are matched against the configuration (--config) and --units; entries with no matching \
            unit are commented out. Nothing is written: review the output, then save it into deadlines.d/.
            """)

    @Argument(help: "The document's plain text.") var file: String
    @Option(help: "Date of issue (dd/mm/yyyy) when the text does not give it; dates without a year count from it.")
    var issued: String?
    @Option(help: "Reference of the document, e.g. 5418/UBND-TKBT, when the text does not give it.") var ref: String?
    @Option(help: "A TOML file of [units.ID] tables (name = ...) to match units against.") var units: String?
    @OptionGroup var config: ConfigOptions
    @Flag(help: "Print JSON instead of a drop-in file.") var json = false

    func run() throws {
        let request = ImportSession.Request(
            path: file, issued: issued, ref: ref, unitsFile: units, configPath: config.path, json: json,
            reader: ImportFile.reader)
        let code = ImportSession.run(request, environment: Console.environment)
        if code != 0 { throw ExitCode(code) }
    }
}

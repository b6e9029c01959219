import ArgumentParser
import DeadlineImportFiles
import DeadlineService

/// `deadlinectl import FILE`: proposes the deadlines of a document's text as a drop-in file to review.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Propose the deadlines of a document (text, web page, PDF or .docx) as a deadlines.d/ drop-in file to review.",
        discussion: """
            Reads a directive, plan or công văn, or a news article about one: plain text in UTF-8, UTF-16 (with a \
            byte order mark) or Windows-1258; a saved web page (.html: the article, without menus and scripts); a \
            PDF with a text layer (through pdftotext, package poppler-utils; a scanned PDF is refused); a Word \
            .docx. It prints [[document]] (number, date, issuer and subject from a công văn's header) and \
            [[deadline]] tables, each with the sentence it came from. Units are matched against the configuration \
            (--config) and --units; entries with no matching unit are commented out. Nothing is written: review \
            the output, then save it into deadlines.d/.
            """)

    @Argument(help: "The document: .txt, .html, .pdf or .docx.") var file: String
    @Option(help: "Date of issue (dd/mm/yyyy) when the text does not give it; dates without a year count from it.")
    var issued: String?
    @Option(help: "Reference of the document, e.g. 5418/UBND-TKBT, when the text does not give it.") var ref: String?
    @Option(help: "A TOML file of [units.ID] tables (name = ...) to match units against.") var units: String?
    @OptionGroup var config: ConfigOptions
    @Flag(help: "Print JSON instead of a drop-in file.") var json = false

    func run() throws {
        let request = ImportSession.Request(
            path: file, issued: issued, ref: ref, unitsFile: units, configPath: config.path, json: json,
            reader: ImportFile.reader, language: try config.language.early(mainFile: config.mainFile))
        let code = ImportSession.run(request, environment: Console.environment)
        if code != 0 { throw ExitCode(code) }
    }
}

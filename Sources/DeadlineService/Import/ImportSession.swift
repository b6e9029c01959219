import DeadlineConfig
package import DeadlineImport
package import DeadlineKit

#if canImport(Glibc)
    import Glibc
#endif

/// `deadlinectl import FILE`: reads a document's text, proposes its deadlines, and prints them as a drop-in file
/// (or JSON) for an admin to review.
package enum ImportSession {
    /// The command's flags.
    package struct Request: Sendable {
        /// The document's text file.
        package var path: String
        /// `--issued dd/mm/yyyy`
        package var issued: String?
        /// `--ref REF`
        package var ref: String?
        /// `--units FILE`: a TOML file of `[units.ID]` tables with a `name`.
        package var unitsFile: String?
        /// `--config PATH`
        package var configPath: String?
        /// `--json`
        package var json: Bool
        /// How the files are read (`DeadlineImportFiles`' reader, given by `deadlinectl`).
        package var reader: ImportFileReader
        /// The language of the comments and messages (`--lang`, the configuration's, the locale's).
        package var language: Language

        /// The flags of one `deadlinectl import` run.
        package init(
            path: String, issued: String? = nil, ref: String? = nil, unitsFile: String? = nil,
            configPath: String? = nil,
            json: Bool = false, reader: ImportFileReader, language: Language = .vi
        ) {
            self.reader = reader
            self.language = language
            self.path = path
            self.issued = issued
            self.ref = ref
            self.unitsFile = unitsFile
            self.configPath = configPath
            self.json = json
        }
    }

    /// What ``prepare(_:environment:)`` produced: the draft to print, or the exit status and message of a failure.
    package enum Outcome: Sendable {
        case draft(ImportDraft)
        case failed(status: Int32, message: String)
    }

    /// Runs the command: prints the drop-in (or JSON) on stdout and returns 0, or prints why not on stderr and
    /// returns 1 (unreadable input, configuration or units file) or 2 (a bad option).
    package static func run(_ request: Request, environment: [String: String]) -> Int32 {
        switch prepare(request, environment: environment) {
        case .failed(let status, let message):
            if !message.isEmpty { Console.err(message) }
            return status
        case .draft(let draft):
            let name = request.path.split(separator: "/").last.map(String.init) ?? request.path
            let say = Catalog(request.language)
            Console.out(
                request.json
                    ? ImportJSON.render(draft).rendered() + "\n"
                    : ImportDropIn.render(draft, source: name, language: request.language))
            if draft.context.units.isEmpty {
                let mainFile = ConfigSession.mainFile(request.configPath, environment: environment)
                let found =
                    access(mainFile, R_OK) == 0
                    ? say(ImportNoteText.noUnitsInConfig, ["file": mainFile])
                    : say(ImportNoteText.noConfiguration, ["file": mainFile])
                Console.err(say(ImportNoteText.noUnitToMatch, ["found": found]))
            }
            return 0
        }
    }

    /// Everything but the printing: the options checked, the input read, the configuration loaded, the draft made.
    ///
    /// The configuration is the one `--config` or `$DEADLINED_CONFIG` names, else the default main file if it
    /// exists; without one (and without `--units`) no unit can match, so every entry comes out commented.
    package static func prepare(_ request: Request, environment: [String: String]) -> Outcome {
        let say = Catalog(request.language)
        var options = ImportOptions()
        if let text = request.issued {
            guard case .success(let due) = DueDateParser.parse(ImportText.nfc(text), issued: nil),
                due.granularity == .day,
                due.time == nil
            else {
                return .failed(status: 2, message: say(ImportNoteText.issuedNotADay, ["text": text]))
            }
            options.issued = due.date
        }
        if let ref = request.ref {
            guard !ref.trimmingSpaces.isEmpty else {
                return .failed(status: 2, message: say(ImportNoteText.refEmpty))
            }
            options.ref = ImportText.nfc(ref.trimmingSpaces)
        }
        let input: ImportInput
        switch request.reader.document(request.path) {
        case .success(let i): input = i
        case .failure(let error): return .failed(status: 1, message: "deadlinectl import: \(error)\n")
        }
        var context = ImportContext()
        let explicit = request.configPath ?? environment["DEADLINED_CONFIG"]
        let mainFile = ConfigSession.mainFile(request.configPath, environment: environment)
        if explicit != nil || access(mainFile, R_OK) == 0 {
            guard
                let configuration = ConfigSession.load(
                    mainFile, environment: environment, showWarnings: false, language: request.language)
            else {
                return .failed(status: 1, message: "")
            }
            context = ImportContext(configuration: configuration)
            // `10 ngày làm việc` counts the office's working days: its holidays and overrides.
            options.calendar = configuration.agenda.calendar
        }
        if let unitsFile = request.unitsFile {
            switch ImportUnitsFile.load(unitsFile, reader: request.reader, say) {
            case .failure(let error): return .failed(status: 1, message: "\(error)")
            case .success(let units):
                let ids = Set(units.map(\.id))
                context.units = context.units.filter { !ids.contains($0.id) } + units
            }
        }
        let proposal = DocumentImporter.propose(input.text, options: options)
        return .draft(ImportDraft(proposal: proposal, context: context))
    }
}

/// `--units FILE`: units to match, as `[units.ID]` tables with a `name` (the format of the main config file).
enum ImportUnitsFile {
    static func load(
        _ path: String, reader: ImportFileReader, _ say: Catalog
    ) -> Result<[(id: String, name: String)], ImportInputError> {
        let bytes: [UInt8]
        switch reader.bytes(path) {
        case .success(let b): bytes = b
        case .failure(let error):
            return .failure(ImportInputError(say(ImportNoteText.unitsFileProblem, ["error": "\(error)"])))
        }
        let (document, diagnostics) = TOMLReader.parse(utf8: bytes, file: path)
        let errors = diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            return .failure(ImportInputError(errors.map { say.diagnostic($0) + "\n" }.joined()))
        }
        guard let table = document.root["units"]?.value.tableValue, !table.isEmpty else {
            return .failure(ImportInputError(say(ImportNoteText.unitsFileNoTables, ["file": path])))
        }
        var units: [(id: String, name: String)] = []
        for entry in table.entries {
            guard let name = entry.node.value.tableValue?["name"]?.value.stringValue else {
                let at = entry.keyRange.start
                return .failure(
                    ImportInputError(
                        say(
                            ImportNoteText.unitsFileNoName,
                            ["file": path, "line": String(at.line), "column": String(at.column), "id": entry.key])))
            }
            units.append((entry.key, ImportText.nfc(name)))
        }
        return .success(units)
    }
}

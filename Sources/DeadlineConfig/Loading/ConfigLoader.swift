package import DeadlineKit
import Threads

/// Finds and reads the main file and its drop-ins, and decodes them into a ``Configuration``.
///
/// The main file defaults to `/etc/deadlined/deadlined.toml`; drop-ins are the `*.toml` files of
/// `deadlines.d/` next to it (or of the folder `[daemon] drop_in_directory` names), read in name order.
package enum ConfigLoader {
    package static let defaultMainFile = "/etc/deadlined/deadlined.toml"

    /// Loads everything and reports every problem found (never just the first).
    /// - Parameters:
    ///   - environment: `STATE_DIRECTORY`, `CREDENTIALS_DIRECTORY` and `TZDIR` are read from it.
    ///   - pending: a file's contents to use in place of what is on disk (`deadlinectl edit` checks an edited copy
    ///     as if installed); a path in the drop-in folder that does not exist yet is loaded as a new drop-in.
    ///   - readerThreads: threads that read drop-ins and resolve deadlines besides the caller's; by default one per
    ///     further processor.
    ///     The result is the same whatever the number (tests load with none and with several to show it).
    ///   - compacted: the deadlines' text copied into storage of its own once loading is over
    ///     (``Configuration/compacted()``): for the daemon, which keeps the result; the tools that read and exit
    ///     are spared the copy and its moment of double memory.
    package static func load(
        mainFile: String = defaultMainFile, environment: [String: String],
        pending: (path: String, bytes: [UInt8])? = nil, readerThreads: Int? = nil, compacted: Bool = false
    ) -> ConfigLoadResult {
        let threads = readerThreads ?? InOrderWork.processorCount - 1
        var decoder = ConfigDecoder(environment: environment)
        func parse(_ path: String) -> TOMLDocument? {
            guard let pending, pending.path == path else { return ConfigLoader.parse(path, into: &decoder.sink) }
            let (document, diagnostics) = TOMLReader.parse(utf8: pending.bytes, file: path)
            decoder.sink.diagnostics += diagnostics
            return document
        }
        guard let main = parse(mainFile) else {
            return ConfigLoadResult(configuration: nil, diagnostics: decoder.sink.diagnostics, dropInDirectory: nil)
        }
        decoder.decodeMain(main, file: mainFile)
        var files = [mainFile]
        let dropInDirectory = FileSystem.join(FileSystem.directory(of: mainFile), decoder.dropInDirectory.value)
        if var names = FileSystem.list(dropInDirectory) {
            if let pending, FileSystem.directory(of: pending.path) == dropInDirectory {
                let name = String(
                    pending.path.dropFirst(dropInDirectory.count + (dropInDirectory.hasSuffix("/") ? 0 : 1)))
                if !names.contains(name) { names.append(name) }
            }
            let paths = names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
                .filter { $0.hasSuffix(".toml") && !$0.hasPrefix(".") }
                .map { FileSystem.join(dropInDirectory, $0) }
            // Each file is read and decoded on its own on every processor; what needs the other files (units,
            // channels, documents defined twice) and the diagnostics' order stay on this thread, in name order.
            let defaultRules = decoder.defaultRules
            InOrderWork.run(
                count: paths.count, threads: threads, name: "config-reader",
                work: { index in readDropIn(paths[index], pending: pending, defaultRules: defaultRules) },
                consume: { index, outcome in
                    switch outcome {
                    case .notAFile:
                        break
                    case .unreadable(let diagnostic):
                        decoder.sink.diagnostics.append(diagnostic)
                    case .read(let part):
                        decoder.merge(part, file: paths[index])
                        files.append(paths[index])
                    }
                })
        } else if decoder.dropInDirectory.explicit {
            decoder.sink.warning(
                mainFile, decoder.dropInDirectory.range,
                .problem(
                    "the drop-in folder '\(dropInDirectory)' does not exist or cannot be read; no drop-in files were loaded",
                    "dropInFolderMissing", ["folder": "\(dropInDirectory)"]))
        }
        var configuration = decoder.finish(mainFile: mainFile, files: files, threads: threads)
        if compacted { configuration = configuration.compacted() }
        let diagnostics = decoder.sink.diagnostics.sortedForDisplay()
        return ConfigLoadResult(
            configuration: diagnostics.hasErrors ? nil : configuration, diagnostics: diagnostics,
            dropInDirectory: dropInDirectory)
    }

    /// The `*.mustache` files of the templates folder: file name to (path, text). Unreadable files and files that
    /// are not UTF-8 are errors; other files are ignored.
    package static func templateFiles(in directory: String) -> ([String: (path: String, source: String)], [Diagnostic])
    {
        var files: [String: (path: String, source: String)] = [:]
        var diagnostics: [Diagnostic] = []
        for name in (FileSystem.list(directory) ?? []).sorted()
        where name.hasSuffix(".mustache") && !name.hasPrefix(".") {
            let path = FileSystem.join(directory, name)
            do {
                let bytes = try FileSystem.readBytes(path, limit: 1 << 20)
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    diagnostics.append(
                        .error(
                            path, nil, .problem("the template is not UTF-8 text; save it as UTF-8", "templateNotUTF8")))
                    continue
                }
                files[name] = (path, text)
            } catch {
                diagnostics.append(
                    .error(
                        path, nil,
                        .problem("cannot read the template: \(error)", "templateUnreadable", ["error": "\(error)"])))
            }
        }
        return (files, diagnostics)
    }

    /// Whether `path` names a regular file, e.g. to decide whether a command that can work without a configuration
    /// should read the default one.
    package static func fileExists(_ path: String) -> Bool {
        FileSystem.info(path)?.isRegular == true
    }

    /// What reading one drop-in gave.
    enum DropInOutcome: Sendable {
        /// Not a regular file (a folder named `x.toml`, a broken link): left out, as `ls` would show it.
        case notAFile
        case unreadable(Diagnostic)
        case read(ConfigDecoder.FilePart)
    }

    /// Reads, parses and decodes one drop-in as far as it can be without the other files.
    static func readDropIn(
        _ path: String, pending: (path: String, bytes: [UInt8])?, defaultRules: ReminderRules
    ) -> DropInOutcome {
        let bytes: [UInt8]
        if let pending, pending.path == path {
            bytes = pending.bytes
        } else {
            guard FileSystem.info(path)?.isRegular == true else { return .notAFile }
            switch readFile(path) {
            case .bytes(let read): bytes = read
            case .unreadable(let diagnostic): return .unreadable(diagnostic)
            }
        }
        let (document, diagnostics) = TOMLReader.parse(utf8: bytes, file: path)
        return .read(
            ConfigDecoder.decodeOnItsOwn(
                document.root, file: path, allowed: ConfigSchema.topLevelDropIn, defaultRules: defaultRules,
                readerDiagnostics: diagnostics))
    }

    static func parse(_ path: String, into sink: inout DiagnosticSink) -> TOMLDocument? {
        let bytes: [UInt8]
        switch readFile(path) {
        case .bytes(let read): bytes = read
        case .unreadable(let diagnostic):
            sink.diagnostics.append(diagnostic)
            return nil
        }
        let (document, diagnostics) = TOMLReader.parse(utf8: bytes, file: path)
        sink.diagnostics += diagnostics
        return document
    }

    /// What reading a configuration file gave: its bytes, or the error that says it cannot be read.
    enum FileRead {
        case bytes([UInt8])
        case unreadable(Diagnostic)
    }

    /// Reads a configuration file (the main file and each drop-in alike).
    static func readFile(_ path: String) -> FileRead {
        do {
            return .bytes(try FileSystem.readBytes(path))
        } catch {
            return .unreadable(
                .error(path, nil, .problem("cannot read the file: \(error)", "fileUnreadable", ["error": "\(error)"])))
        }
    }
}

/// Reads time zone rules from the system's zoneinfo files.
enum ZoneLoader {
    static func load(_ name: String, environment: [String: String]) -> Result<ZoneRules, ZoneLoadError> {
        guard !name.isEmpty, !name.contains(".."), !name.hasPrefix("/"),
            name.unicodeScalars.allSatisfy({
                $0.isASCIILetter || $0.asciiDigit != nil || "/_+-".unicodeScalars.contains($0)
            })
        else {
            return .failure(
                ZoneLoadError(
                    .problem(
                        "'\(name)' is not a time zone name (e.g. \"Asia/Ho_Chi_Minh\")", "notZoneName", ["name": name]))
            )
        }
        let directory = environment["TZDIR"] ?? "/usr/share/zoneinfo"
        let path = FileSystem.join(directory, name)
        guard let bytes = try? FileSystem.readBytes(path, limit: 1 << 20) else {
            let lowered = name.lowercased().replacingAll("_", with: "").replacingAll(" ", with: "")
            if ["hanoi", "saigon", "vietnam", "danang", "haiphong", "hue", "cantho"].contains(where: {
                lowered.contains($0)
            }) {
                return .failure(
                    ZoneLoadError(
                        .problem(
                            "unknown time zone '\(name)'; did you mean 'Asia/Ho_Chi_Minh'? (Vietnam's zone)",
                            "vietnamZone", ["name": name])))
            }
            let region = FileSystem.directory(of: name)
            let candidates = (FileSystem.list(FileSystem.join(directory, region)) ?? []).map {
                region == "." ? $0 : "\(region)/\($0)"
            }
            return .failure(
                ZoneLoadError(
                    .problem(
                        "unknown time zone '\(name)'\(Suggestions.hint(for: name, in: candidates + ["Asia/Ho_Chi_Minh"]))",
                        "unknownZone",
                        ["name": name],
                        parts: ["hint": Suggestions.hintPhrase(for: name, in: candidates + ["Asia/Ho_Chi_Minh"])])))
        }
        do {
            return .success(try ZoneRules(tzif: bytes, identifier: name))
        } catch {
            return .failure(
                ZoneLoadError(
                    .problem(
                        "cannot read time zone '\(name)': \(error)", "zoneUnreadable",
                        ["name": name, "error": "\(error)"])))
        }
    }
}

struct ZoneLoadError: Error, CustomStringConvertible {
    let phrase: Phrase
    var description: String { phrase.english }
    init(_ phrase: Phrase) { self.phrase = phrase }
}

extension ConfigLoader {
    /// The state directory from `$STATE_DIRECTORY` or the main file's `[daemon] state_directory` alone, for when
    /// the whole configuration does not load (a reload request must still find the daemon).
    package static func stateDirectory(mainFile: String, environment: [String: String]) -> String {
        if let state = environment["STATE_DIRECTORY"], !state.isEmpty {
            return String(state.split(separator: ":").first ?? Substring(state))
        }
        var sink = DiagnosticSink()
        if let document = parse(mainFile, into: &sink), case .table(let daemon)? = document.root["daemon"]?.value,
            case .string(let directory)? = daemon["state_directory"]?.value
        {
            return directory
        }
        return DaemonSettings().stateDirectory
    }
}

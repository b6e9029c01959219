import DeadlineKit

/// Finds and reads the main file and its drop-ins, and decodes them into a ``Configuration``.
///
/// The main file defaults to `/etc/deadlined/deadlined.toml`; drop-ins are the `*.toml` files of
/// `deadlines.d/` next to it (or of the folder `[daemon] drop_in_directory` names), read in name order.
public enum ConfigLoader {
    public static let defaultMainFile = "/etc/deadlined/deadlined.toml"

    /// Loads everything and reports every problem found (never just the first).
    /// - Parameter environment: `STATE_DIRECTORY`, `CREDENTIALS_DIRECTORY` and `TZDIR` are read from it.
    public static func load(mainFile: String = defaultMainFile, environment: [String: String]) -> ConfigLoadResult {
        var decoder = ConfigDecoder(environment: environment)
        guard let main = parse(mainFile, into: &decoder.sink) else {
            return ConfigLoadResult(configuration: nil, diagnostics: decoder.sink.diagnostics)
        }
        decoder.decodeMain(main, file: mainFile)
        var files = [mainFile]
        let dropInDirectory = FileSystem.join(FileSystem.directory(of: mainFile), decoder.dropInDirectory.value)
        if let names = FileSystem.list(dropInDirectory) {
            for name in names.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            where name.hasSuffix(".toml") && !name.hasPrefix(".") {
                let path = FileSystem.join(dropInDirectory, name)
                guard FileSystem.info(path)?.isRegular == true, let document = parse(path, into: &decoder.sink) else {
                    continue
                }
                decoder.decodeDropIn(document, file: path)
                files.append(path)
            }
        } else if decoder.dropInDirectory.explicit {
            decoder.sink.warning(
                mainFile, decoder.dropInDirectory.range,
                "the drop-in folder '\(dropInDirectory)' does not exist or cannot be read; no drop-in files were loaded")
        }
        let configuration = decoder.finish(mainFile: mainFile, files: files)
        let diagnostics = decoder.sink.diagnostics.sortedForDisplay()
        return ConfigLoadResult(configuration: diagnostics.hasErrors ? nil : configuration, diagnostics: diagnostics)
    }

    /// Whether `path` names a regular file, e.g. to decide whether a command that can work without a configuration
    /// should read the default one.
    public static func fileExists(_ path: String) -> Bool {
        FileSystem.info(path)?.isRegular == true
    }

    static func parse(_ path: String, into sink: inout DiagnosticSink) -> TOMLDocument? {
        let bytes: [UInt8]
        do {
            bytes = try FileSystem.readBytes(path)
        } catch {
            sink.error(path, nil, "cannot read the file: \(error)")
            return nil
        }
        let (document, diagnostics) = TOMLReader.parse(utf8: bytes, file: path)
        sink.diagnostics += diagnostics
        return document
    }
}

/// Reads time zone rules from the system's zoneinfo files.
enum ZoneLoader {
    static func load(_ name: String, environment: [String: String]) -> Result<ZoneRules, ZoneLoadError> {
        guard !name.isEmpty, !name.contains(".."), !name.hasPrefix("/"),
            name.unicodeScalars.allSatisfy({ $0.isASCIILetter || $0.asciiDigit != nil || "/_+-".unicodeScalars.contains($0) })
        else { return .failure(ZoneLoadError("'\(name)' is not a time zone name (e.g. \"Asia/Ho_Chi_Minh\")")) }
        let directory = environment["TZDIR"] ?? "/usr/share/zoneinfo"
        let path = FileSystem.join(directory, name)
        guard let bytes = try? FileSystem.readBytes(path, limit: 1 << 20) else {
            let lowered = name.lowercased().replacingAll("_", with: "").replacingAll(" ", with: "")
            if ["hanoi", "saigon", "vietnam", "danang", "haiphong", "hue", "cantho"].contains(where: { lowered.contains($0) }) {
                return .failure(ZoneLoadError("unknown time zone '\(name)'; did you mean 'Asia/Ho_Chi_Minh'? (Vietnam's zone)"))
            }
            let region = FileSystem.directory(of: name)
            let candidates = (FileSystem.list(FileSystem.join(directory, region)) ?? []).map {
                region == "." ? $0 : "\(region)/\($0)"
            }
            return .failure(
                ZoneLoadError("unknown time zone '\(name)'\(Suggestions.hint(for: name, in: candidates + ["Asia/Ho_Chi_Minh"]))"))
        }
        do {
            return .success(try ZoneRules(tzif: bytes, identifier: name))
        } catch {
            return .failure(ZoneLoadError("cannot read time zone '\(name)': \(error)"))
        }
    }
}

struct ZoneLoadError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

extension ConfigLoader {
    /// The state directory from `$STATE_DIRECTORY` or the main file's `[daemon] state_directory` alone, for when
    /// the whole configuration does not load (a reload request must still find the daemon).
    public static func stateDirectory(mainFile: String, environment: [String: String]) -> String {
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

import DeadlineConfig
import DeadlineKit

/// Loads the configuration for an admin command and reports its problems the way compilers do.
public enum ConfigSession {
    /// `--config PATH`, else `$DEADLINED_CONFIG`, else `/etc/deadlined/deadlined.toml`.
    public static func mainFile(_ option: String?, environment: [String: String]) -> String {
        option ?? environment["DEADLINED_CONFIG"] ?? ConfigLoader.defaultMainFile
    }

    /// The configuration, or nil after printing every error (and warnings) to stderr.
    public static func load(_ mainFile: String, environment: [String: String], showWarnings: Bool = true) -> Configuration? {
        let result = LoadedConfiguration.load(mainFile: mainFile, environment: environment)
        if showWarnings || result.configuration == nil {
            for d in result.diagnostics { Console.err("\(d)\n") }
        }
        if result.configuration == nil {
            Console.err("deadlinectl: \(countSummary(result.diagnostics)) in the configuration\n")
        }
        return result.configuration
    }

    /// `deadlinectl check`: 0 when the whole configuration is valid, 1 otherwise with every problem on stderr.
    public static func check(_ mainFile: String, environment: [String: String]) -> Int32 {
        let result = LoadedConfiguration.load(mainFile: mainFile, environment: environment)
        for d in result.diagnostics { Console.err("\(d)\n") }
        guard let configuration = result.configuration else {
            Console.err("\(mainFile): \(countSummary(result.diagnostics)); the configuration is not valid\n")
            return 1
        }
        if configuration.agenda.deadlines.isEmpty {
            // Valid, but deadlined would run and remind nobody: an empty file, or a drop-in folder in the wrong place.
            let warning = Diagnostic.warning(mainFile, nil, LoadedConfiguration.noDeadlines(dropInDirectory: result.dropInDirectory))
            Console.err("\(warning)\n")
        }
        let files = configuration.files.count
        let templates = result.templates.overriddenFiles.count
        let own = templates == 0 ? "" : ", \(templates) template\(templates == 1 ? "" : "s")"
        Console.out("\(mainFile): OK: \(configuration.summary) (\(files) file\(files == 1 ? "" : "s")\(own))\n")
        return 0
    }

    /// `2 errors, 1 warning`
    static func countSummary(_ diagnostics: [Diagnostic]) -> String {
        let e = diagnostics.filter { $0.severity == .error }.count
        let w = diagnostics.filter { $0.severity == .warning }.count
        var parts = ["\(e) error\(e == 1 ? "" : "s")"]
        if w > 0 { parts.append("\(w) warning\(w == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }

    /// Parses a `--now`/`--from`/`--to` value in the configuration's zone, or prints why not.
    public static func moment(_ text: String, option: String, zone: ZoneRules) -> Instant? {
        switch MomentParser.parse(text, zone: zone) {
        case .success(let i): return i
        case .failure(let e):
            Console.err("deadlinectl: \(option): \(e)\n")
            return nil
        }
    }
}

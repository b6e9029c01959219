package import DeadlineConfig
package import DeadlineKit
import DeadlineDelivery

/// Loads the configuration for an admin command and reports its problems the way compilers do.
package enum ConfigSession {
    /// `--config PATH`, else `$DEADLINED_CONFIG`, else `/etc/deadlined/deadlined.toml`.
    package static func mainFile(_ option: String?, environment: [String: String]) -> String {
        option ?? environment["DEADLINED_CONFIG"] ?? ConfigLoader.defaultMainFile
    }

    /// The configuration, or nil after printing every error (and warnings) to stderr, in `language`.
    package static func load(
        _ mainFile: String, environment: [String: String], showWarnings: Bool = true, language: Language = .en
    ) -> Configuration? {
        let say = Catalog(language)
        let result = LoadedConfiguration.load(mainFile: mainFile, environment: environment)
        if showWarnings || result.configuration == nil {
            for d in result.diagnostics { Console.err(say.diagnostic(d) + "\n") }
        }
        if result.configuration == nil {
            Console.err(say(CommonText.configurationHasErrors, ["count": countSummary(result.diagnostics, say)]))
        }
        return result.configuration
    }

    /// `deadlinectl check`: 0 when the whole configuration is valid, 1 otherwise with every problem on stderr.
    /// Problems are said in the language `--lang` gives, else the main file's `[daemon] language` (read even when
    /// the configuration has errors), else the locale's; the verdict on a valid configuration in the one it gives
    /// (see ``LanguageChoice``).
    package static func check(_ mainFile: String, environment: [String: String], language option: String?) -> Int32 {
        guard let early = AdminLanguage.early(option, environment: environment, mainFile: mainFile) else { return 2 }
        var say = Catalog(early)
        let result = LoadedConfiguration.load(mainFile: mainFile, environment: environment)
        guard let configuration = result.configuration else {
            for d in result.diagnostics { Console.err(say.diagnostic(d) + "\n") }
            Console.err(say(ConfigText.notValid, ["file": mainFile, "count": countSummary(result.diagnostics, say)]))
            return 1
        }
        say = Catalog(AdminLanguage.of(configuration, option: option, environment: environment))
        var diagnostics = result.diagnostics
        if configuration.agenda.deadlines.isEmpty {
            // Valid, but deadlined would run and remind nobody: an empty file, or a drop-in folder in the wrong place.
            diagnostics.append(
                LoadedConfiguration.noDeadlinesWarning(mainFile, dropInDirectory: result.dropInDirectory))
        }
        for d in diagnostics { Console.err(say.diagnostic(d) + "\n") }
        let templates = result.templates.overriddenFiles.count
        var arguments = [
            "file": mainFile, "summary": summary(configuration, say), "files": String(configuration.files.count),
        ]
        if templates == 0 {
            Console.out(say(ConfigText.valid, arguments))
        } else {
            arguments["templates"] = String(templates)
            Console.out(say(ConfigText.validWithTemplates, arguments))
        }
        return 0
    }

    /// `2 văn bản, 8 nhiệm vụ, 14 đơn vị, 1 kênh gửi`: what the configuration holds.
    static func summary(_ configuration: Configuration, _ say: Catalog) -> String {
        say(
            ConfigText.summary,
            [
                "documents": String(configuration.agenda.documents.count),
                "deadlines": String(configuration.agenda.deadlines.count),
                "units": String(configuration.agenda.units.count),
                "channels": String(configuration.channels.count),
            ])
    }

    /// `2 lỗi, 1 cảnh báo`
    static func countSummary(_ diagnostics: [Diagnostic], _ say: Catalog) -> String {
        let e = String(diagnostics.filter { $0.severity == .error }.count)
        let w = diagnostics.filter { $0.severity == .warning }.count
        return w > 0
            ? say(CommonText.errorAndWarningCount, ["errors": e, "warnings": String(w)])
            : say(CommonText.errorCount, ["errors": e])
    }

    /// Parses a `--now`/`--from`/`--to` value in the configuration's zone, or prints why not (in `language`).
    package static func moment(_ text: String, option: String, zone: ZoneRules, language: Language = .en) -> Instant? {
        switch MomentParser.parse(text, zone: zone) {
        case .success(let i): return i
        case .failure(let error) where error.isAboutYear:
            let say = Catalog(language)
            Console.err(say(CommonText.momentReason, ["option": option, "reason": say(error.phrase)]))
            return nil
        case .failure:
            let isPeriod: Bool =
                if case .success(let due) = DueDateParser.parse(text.trimmingSpaces, issued: nil),
                    due.granularity != .day
                {
                    true
                } else {
                    false
                }
            let say = Catalog(language)
            Console.err(
                say(isPeriod ? CommonText.momentIsPeriod : CommonText.badMoment, ["option": option, "text": text]))
            return nil
        }
    }
}

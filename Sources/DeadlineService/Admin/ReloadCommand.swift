package import DeadlineConfig
package import DeadlineKit

/// `deadlinectl reload`: asks the running daemon to re-read its configuration and reports the verdict.
package enum ReloadRequest {
    /// 0 accepted, 1 rejected (the old configuration keeps running), 3 daemon not reachable; said in `language`.
    ///
    /// The daemon relays its problems in English (as it logs them). `localDiagnostics` are the same files read
    /// here: a relayed line that is one of them word for word is said in the admin's language; any other (the
    /// daemon may see what this user cannot, e.g. its credentials) is shown as relayed.
    package static func run(stateDirectory: String, language: Language, localDiagnostics: [Diagnostic] = []) -> Int32 {
        let say = Catalog(language)
        var translated: [String: String] = [:]
        for d in localDiagnostics { translated[d.description] = say.diagnostic(d) }
        func relay(_ line: Substring) { Console.err((translated[String(line)] ?? String(line)) + "\n") }
        let lines: [String]
        do {
            lines = try ControlClient.request("RELOAD", stateDirectory: stateDirectory)
        } catch {
            Console.err(say(CommonText.problem, ["problem": ControlProblem.describe(error, say)]))
            return 3
        }
        guard let first = lines.first else {
            Console.err(say(ConfigText.reloadClosed))
            return 3
        }
        if first.hasPrefix("ACCEPTED ") {
            for line in lines.dropFirst() where line.hasPrefix("WARNING ") { relay(line.dropFirst(8)) }
            let summary = RecordedText.translate(String(first.dropFirst(9)), to: language)
            Console.out(say(ConfigText.reloadAccepted, ["summary": summary]))
            return 0
        }
        if first == "REJECTED" {
            for line in lines.dropFirst() where line.hasPrefix("ERROR ") { relay(line.dropFirst(6)) }
            Console.err(say(ConfigText.reloadRejected))
            return 1
        }
        Console.err(say(ConfigText.reloadUnexpected, ["answer": lines.joined(separator: "\n")]))
        return 3
    }

    /// The state directory as the daemon resolves it: `$STATE_DIRECTORY`, else the config's `state_directory`,
    /// from the configuration already `loaded`; read straight from the main file when it did not load, so that it
    /// works even when the drop-ins have errors.
    package static func stateDirectory(
        _ loaded: ConfigLoadResult, mainFile: String, environment: [String: String]
    ) -> String {
        loaded.configuration?.daemon.stateDirectory
            ?? ConfigLoader.stateDirectory(mainFile: mainFile, environment: environment)
    }
}

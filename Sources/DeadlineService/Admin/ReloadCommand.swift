import DeadlineConfig

/// `deadlinectl reload`: asks the running daemon to re-read its configuration and reports the verdict.
public enum ReloadRequest {
    /// 0 accepted, 1 rejected (the old configuration keeps running), 3 daemon not reachable.
    public static func run(stateDirectory: String) -> Int32 {
        let lines: [String]
        do {
            lines = try ControlClient.request("RELOAD", stateDirectory: stateDirectory)
        } catch {
            Console.err("deadlinectl: \(error)\n")
            return 3
        }
        guard let first = lines.first else {
            Console.err("deadlinectl: deadlined closed the connection without an answer\n")
            return 3
        }
        if first.hasPrefix("ACCEPTED ") {
            for line in lines.dropFirst() where line.hasPrefix("WARNING ") { Console.err(String(line.dropFirst(8)) + "\n") }
            Console.out("deadlined reloaded its configuration: \(first.dropFirst(9))\n")
            return 0
        }
        if first == "REJECTED" {
            for line in lines.dropFirst() where line.hasPrefix("ERROR ") { Console.err(String(line.dropFirst(6)) + "\n") }
            Console.err("deadlinectl: the new configuration was rejected; deadlined keeps running with the previous one\n")
            return 1
        }
        Console.err("deadlinectl: \(lines.joined(separator: "\n"))\n")
        return 3
    }

    /// The state directory as the daemon resolves it: `$STATE_DIRECTORY`, else the config's `state_directory`.
    /// Read straight from the main file, so that it works even when the drop-ins have errors.
    public static func stateDirectory(mainFile: String, environment: [String: String]) -> String {
        let result = ConfigLoader.load(mainFile: mainFile, environment: environment)
        return result.configuration?.daemon.stateDirectory ?? ConfigLoader.stateDirectory(mainFile: mainFile, environment: environment)
    }
}

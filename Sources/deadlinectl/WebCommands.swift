import ArgumentParser
import DeadlineService

struct WebKey: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web-key",
        abstract:
            "Create the key that signs the web side's links ([web] key_file), if there is none; --rotate replaces it, revoking every link sent."
    )
    @OptionGroup var config: ConfigOptions
    @Flag(help: "Replace an existing key: every confirmation and calendar link sent so far stops working.") var rotate =
        false
    @Option(help: "Write the key to this file instead of [web] key_file (e.g. the file LoadCredential= reads).")
    var file: String?

    func run() throws {
        let configuration = try config.load(showWarnings: false)
        let code = WebAdmin.key(
            configuration: configuration, file: file, rotate: rotate, language: config.language.of(configuration))
        if code != 0 { throw ExitCode(code) }
    }
}

struct WebLinksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web-links",
        abstract: "Print a unit's calendar link (every unit's when none is named) and the report's link, to send once.")
    @OptionGroup var config: ConfigOptions
    @Argument(help: "Units by id (deadlinectl list shows them).") var units: [String] = []
    @Flag(help: "Print the report's link.") var report = false

    func run() throws {
        let configuration = try config.load(showWarnings: false)
        let code = WebAdmin.links(
            configuration: configuration, units: units, report: report, language: config.language.of(configuration))
        if code != 0 { throw ExitCode(code) }
    }
}

import ArgumentParser
import DeadlineService

/// `deadlinectl config-reference-mdoc`, hidden: the config reference as mdoc(7), which scripts/generate-man-pages
/// puts into deadlined.toml(5). Admins read it with `man deadlined.toml`, or as Markdown with `config-reference`.
struct ConfigReferenceMdoc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config-reference-mdoc", abstract: "Print the reference of every config key (mdoc).",
        shouldDisplay: false)

    func run() throws {
        Console.out(ConfigReferenceDocument.mdoc())
    }
}

package import DeadlineConfig
package import DeadlineDelivery
package import DeadlineKit

/// The configuration together with the message templates it names (`[daemon] templates_directory`), loaded and
/// checked as one: a template error makes the whole configuration invalid, for `check`, `edit`, the daemon's
/// start and its reloads alike.
package struct LoadedConfiguration: Sendable {
    package let configuration: Configuration?
    package let templates: TemplateSet
    package let diagnostics: [Diagnostic]
    package let dropInDirectory: String?

    package var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    package var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    /// See ``ConfigLoader/load(mainFile:environment:pending:)``.
    package static func load(
        mainFile: String, environment: [String: String], pending: (path: String, bytes: [UInt8])? = nil,
        compacted: Bool = false
    ) -> LoadedConfiguration {
        let result = ConfigLoader.load(
            mainFile: mainFile, environment: environment, pending: pending, compacted: compacted)
        let found = result.diagnostics
        guard let configuration = result.configuration, let folder = configuration.daemon.templatesDirectory else {
            return LoadedConfiguration(
                configuration: result.configuration, templates: .builtIn, diagnostics: found.sortedForDisplay(),
                dropInDirectory: result.dropInDirectory)
        }
        let (templates, templateProblems) = Self.templates(in: folder)
        let diagnostics = (found + templateProblems).sortedForDisplay()
        return LoadedConfiguration(
            configuration: diagnostics.hasErrors ? nil : configuration, templates: templates, diagnostics: diagnostics,
            dropInDirectory: result.dropInDirectory)
    }

    /// Why a configuration without deadlines deserves a warning: deadlined would run and remind nobody.
    static func noDeadlinesWarning(_ mainFile: String, dropInDirectory: String?) -> Diagnostic {
        let message =
            dropInDirectory.map { CatalogMessage(ConfigText.noDeadlinesFolder.id, ["folder": $0]) }
            ?? CatalogMessage(ConfigText.noDeadlines.id)
        var warning = Diagnostic.warning(mainFile, nil, Catalog(.en)(message) ?? message.id)
        warning.catalogMessage = message
        return warning
    }

    /// The built-in templates with the `*.mustache` files of `folder` in their place, and every problem found.
    package static func templates(in folder: String) -> (TemplateSet, [Diagnostic]) {
        let (files, readProblems) = ConfigLoader.templateFiles(in: folder)
        let (templates, templateProblems) = TemplateSet.load(overrides: files)
        return (templates, readProblems + templateProblems)
    }
}

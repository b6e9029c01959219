package import DeadlineConfig
package import DeadlineKit

/// The language `deadlinectl` speaks: `--lang`, else `[daemon] language` when the configuration sets it, else
/// the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set: `vi_VN…` is Vietnamese, anything else
/// English), else Vietnamese.
///
/// Reminders follow `[daemon] language` (default Vietnamese) and each channel's `language`, never the locale.
package enum LanguageChoice {
    /// The language for an option value, a configuration (nil when it is not loaded or not valid) and the
    /// environment; an option value that is not `vi` or `en` is an ``UnknownLanguage``.
    /// `declared`: the `[daemon] language` the main file writes when the configuration could not be loaded
    /// (``DeclaredLanguage``).
    package static func resolve(
        option: String?, configuration: Configuration?, declared: Language? = nil, environment: [String: String]
    ) -> Result<Language, UnknownLanguage> {
        let fallback = configuration?.daemon.configuredLanguage ?? declared ?? locale(environment) ?? .vi
        guard let option else { return .success(fallback) }
        guard let language = Language(rawValue: option.lowercased()) else {
            return .failure(UnknownLanguage(text: option, fallback: fallback))
        }
        return .success(language)
    }

    /// The language without a configuration: `--lang` when it is valid, else the locale's, else Vietnamese.
    package static func beforeConfiguration(option: String?, environment: [String: String]) -> Language {
        (try? resolve(option: option, configuration: nil, environment: environment).get())
            ?? locale(environment) ?? .vi
    }

    /// The locale's language for messages: nil when none of `LC_ALL`, `LC_MESSAGES` and `LANG` is set.
    static func locale(_ environment: [String: String]) -> Language? {
        guard
            let value = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap({ environment[$0] }).first(where: {
                !$0.isEmpty
            })
        else { return nil }
        return value.hasPrefix("vi_VN") || value == "vi" || value.hasPrefix("vi.") ? .vi : .en
    }

    /// `--lang` given a value that is not a language; said in the language the command would otherwise use.
    package struct UnknownLanguage: Error, Sendable {
        package let text: String
        package let fallback: Language

        package var message: String { Catalog(fallback)(CommonText.unknownLanguage, ["text": text]) }
    }
}

/// The language of one `deadlinectl` command, for the executable to ask without knowing the rules.
package enum AdminLanguage {
    /// The language before the configuration is read (`--lang`, else the `[daemon] language` that `mainFile`
    /// writes, even if the configuration has errors, else the locale, else Vietnamese); nil after saying on stderr
    /// that `--lang` is not a language (exit status 2).
    package static func early(_ option: String?, environment: [String: String], mainFile: String? = nil) -> Language? {
        let declared = mainFile.flatMap(DeclaredLanguage.of(mainFile:)).flatMap(Language.init(rawValue:))
        switch LanguageChoice.resolve(option: option, configuration: nil, declared: declared, environment: environment)
        {
        case .success(let language): return language
        case .failure(let unknown):
            Console.err(unknown.message)
            return nil
        }
    }

    /// The language once the configuration is read; `option` has passed ``early(_:environment:)``.
    package static func of(_ configuration: Configuration?, option: String?, environment: [String: String]) -> Language
    {
        (try? LanguageChoice.resolve(option: option, configuration: configuration, environment: environment).get())
            ?? LanguageChoice.beforeConfiguration(option: option, environment: environment)
    }
}

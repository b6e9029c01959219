package import DeadlineKit
import Mustache

/// The four parts of a reminder message, and the same four of a unit's daily digest.
package enum TemplatePart: String, Sendable, CaseIterable, Hashable {
    /// The email subject (one line).
    case subject
    /// The plain-text email body.
    case text
    /// The HTML alternative of the email body.
    case html
    /// The message posted to a chat webhook (Slack, Teams, Telegram...).
    case chat
    case digestSubject = "digest-subject"
    case digestText = "digest-text"
    case digestHTML = "digest-html"
    case digestChat = "digest-chat"

    /// The parts of a reminder's message (a digest uses their `digest-` counterparts).
    package static let messageParts: Set<TemplatePart> = [.subject, .text, .html, .chat]

    var escapesHTML: Bool { self == .html || self == .digestHTML }
    var isDigest: Bool { rawValue.hasPrefix("digest-") }

    /// The part a digest uses in place of this one.
    var forDigest: TemplatePart {
        switch self {
        case .subject: .digestSubject
        case .text: .digestText
        case .html: .digestHTML
        case .chat: .digestChat
        default: self
        }
    }
}

/// A reminder rendered into its parts.
package struct RenderedMessage: Sendable, Hashable {
    package var subject: String
    package var text: String
    package var html: String
    package var chat: String
}

/// The templates messages are rendered from: the built-in ones, each replaceable by an admin's file named
/// `PART.LANG.mustache` (`subject.vi.mustache`, `text.en.mustache`, `html.vi.mustache`, `chat.vi.mustache`; for
/// digests `digest-subject.vi.mustache` and so on) in the templates folder.
///
/// Templates are logic-less Mustache. Plain-text parts are never HTML-escaped; the HTML part escapes every
/// `{{variable}}` (`{{{variable}}}` does not). A template that does not parse, or that names a variable that
/// does not exist, is an error with its file and line, found when the set is loaded (that is, by `check`).
package struct TemplateSet: Sendable {
    struct Key: Hashable, Sendable {
        let part: TemplatePart
        let language: Language
    }

    let templates: [Key: MustacheTemplate]
    /// Which templates came from files, for messages.
    package let overriddenFiles: [String]

    /// The built-in templates.
    package static let builtIn: TemplateSet = {
        var templates: [Key: MustacheTemplate] = [:]
        for part in TemplatePart.allCases {
            for language in Language.allCases {
                templates[Key(part: part, language: language)] = try! compile(
                    DefaultTemplates.source(part, language), part: part)
            }
        }
        return TemplateSet(templates: templates, overriddenFiles: [])
    }()

    /// The file name that overrides a part in a language.
    package static func fileName(_ part: TemplatePart, _ language: Language) -> String {
        "\(part.rawValue).\(language.rawValue).mustache"
    }

    /// The built-in set with each `(file name -> source)` override applied; every problem is reported.
    /// - Parameter files: file name (`subject.vi.mustache`) to (display path, source text).
    package static func load(overrides files: [String: (path: String, source: String)]) -> (TemplateSet, [Diagnostic]) {
        var templates = builtIn.templates
        var diagnostics: [Diagnostic] = []
        var used: [String] = []
        for (name, file) in files.sorted(by: { $0.key < $1.key }) {
            guard let key = key(forFileName: name) else {
                let expected = TemplatePart.allCases.map { fileName($0, .vi) }.joined(separator: ", ")
                diagnostics.append(
                    Diagnostic.warning(
                        file.path, nil,
                        "'\(name)' is not a template name and is ignored; expected names like \(expected) (or .en)"
                    )
                    .naming("templateName", ["name": name, "expected": expected]))
                continue
            }
            let problems = validate(file.source, part: key.part, file: file.path)
            diagnostics += problems
            if !problems.hasErrors, let compiled = try? compile(file.source, part: key.part) {
                templates[key] = compiled
                used.append(file.path)
            }
        }
        return (TemplateSet(templates: templates, overriddenFiles: used), diagnostics)
    }

    static func key(forFileName name: String) -> Key? {
        let parts = name.split(separator: ".")
        guard parts.count == 3, parts[2] == "mustache", let part = TemplatePart(rawValue: String(parts[0])),
            let language = Language(rawValue: String(parts[1]))
        else { return nil }
        return Key(part: part, language: language)
    }

    /// Renders the parts of a reminder a channel sends (``Channel/templateParts``; by default all four) in the
    /// facts' language; the subject always, the others left empty when not asked for.
    package func render(_ facts: ReminderFacts, parts: Set<TemplatePart> = TemplatePart.messageParts) -> RenderedMessage
    {
        let variables = TemplateText.wrapping(facts.templateVariables)
        func run(_ part: TemplatePart) -> String? {
            guard part == .subject || parts.contains(part) else { return nil }
            return templates[Key(part: facts.isDigest ? part.forDigest : part, language: facts.language)]!.render(
                variables)
        }
        return RenderedMessage(
            subject: Self.oneLine(run(.subject) ?? ""), text: run(.text).map(Self.tidy) ?? "",
            html: run(.html).map { $0.trimmingSpaces + "\n" } ?? "", chat: run(.chat).map(Self.tidy) ?? "")
    }

    static let textPragma = "{{% CONTENT_TYPE: TEXT}}"

    /// The HTML parts' pragma: escaping by ``HTMLEscaping`` (registered with swift-mustache on first use).
    static let htmlPragma: String = {
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        return "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}"
    }()

    /// What is put before a part's source: the pragma that sets how its variables are escaped.
    static func pragma(for part: TemplatePart) -> String {
        part.escapesHTML ? htmlPragma : textPragma
    }

    static func compile(_ source: String, part: TemplatePart) throws -> MustacheTemplate {
        try MustacheTemplate(string: pragma(for: part) + source)
    }

    /// Parse errors and unknown variables in one template, each at its line and column.
    package static func validate(_ source: String, part: TemplatePart, file: String) -> [Diagnostic] {
        let template: MustacheTemplate
        do {
            template = try compile(source, part: part)
        } catch let error as MustacheTemplate.ParserError {
            let line = error.context.lineNumber
            let column = error.context.columnNumber + 1 - (line == 1 ? pragma(for: part).count : 0)
            let range = SourceRange(at: SourceLocation(line: line, column: max(column, 1)))
            let (id, reason) = describe(error.error)
            return [
                Diagnostic.error(file, range, "the template does not parse: \(reason)")
                    .naming(id, id == "templateDoesNotParse" ? ["error": reason] : [:])
            ]
        } catch {
            return [
                Diagnostic.error(file, nil, "the template does not parse: \(error)").naming(
                    "templateDoesNotParse", ["error": "\(error)"])
            ]
        }
        var diagnostics: [Diagnostic] = []
        let recorder = MissingNameRecorder()
        for facts in part.isDigest ? ReminderFacts.digestSamples : ReminderFacts.samples {
            recorder.variables = TemplateText.wrapping(facts.templateVariables)
            _ = template.render(recorder)
        }
        for name in recorder.missing.sorted() {
            let known =
                (part.isDigest
                ? ReminderFacts.variableNames.union(ReminderFacts.itemVariableNames)
                : ReminderFacts.variableNames.union(LateUnit.variableNames)).sorted()
            let suggestion = closest(name, known)
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            let list = known.joined(separator: ", ")
            var arguments = ["name": name, "known": list]
            arguments["suggestion"] = suggestion
            diagnostics.append(
                Diagnostic.error(
                    file, location(of: name, in: source), "unknown template variable '\(name)'\(hint) (known: \(list))"
                )
                .naming(suggestion == nil ? "templateUnknownVariable" : "templateUnknownVariableHint", arguments))
        }
        return diagnostics
    }

    /// Why a template does not parse: the catalog entry that says it, and the English.
    private static func describe(_ error: any Error) -> (id: String, english: String) {
        switch error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect:
            ("templateSectionClosedWrongly", "a section is closed with a different name than it was opened with")
        case .unfinishedName: ("templateTagNotClosed", "a tag is not closed with }}")
        case .expectedSectionEnd:
            ("templateSectionNotClosed", "a section is opened but never closed (missing {{/name}})")
        case .invalidSetDelimiter: ("templateBadDelimiter", "a set-delimiter tag is malformed")
        default: ("templateDoesNotParse", "\(error)")
        }
    }

    /// Where `{{name`, `{{#name`, `{{^name`, `{{&name` or `{{{name` first appears.
    static func location(of name: String, in source: String) -> SourceRange? {
        var line = 1
        var column = 1
        let scalars = Array(source.unicodeScalars)
        var i = 0
        while i < scalars.count {
            if scalars[i] == "{", i + 1 < scalars.count, scalars[i + 1] == "{" {
                var j = i + 2
                while j < scalars.count, "{#^&/ ".unicodeScalars.contains(scalars[j]) { j += 1 }
                let candidate = String(
                    String.UnicodeScalarView(scalars[j..<min(j + name.unicodeScalars.count, scalars.count)]))
                let after = j + name.unicodeScalars.count
                if candidate == name, after >= scalars.count || !(scalars[after].isASCIILetter || scalars[after] == "_")
                {
                    return SourceRange(at: SourceLocation(line: line, column: column))
                }
            }
            if scalars[i] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
        return nil
    }

    private static func closest(_ word: String, _ candidates: [String]) -> String? {
        candidates.first { $0.hasPrefix(word) || word.hasPrefix($0) }
            ?? candidates.first { Set($0.split(separator: "_")).intersection(word.split(separator: "_")).count > 0 }
    }

    /// Whitespace runs and newlines folded into single spaces (a subject is one line).
    static func oneLine(_ s: String) -> String {
        // Most subjects are one line already: no line break or tab, single spaces between words, none at either end.
        let bytes = s.utf8
        if bytes.first != 32, bytes.last != 32,
            !bytes.contains(where: { $0 == 10 || $0 == 13 || $0 == 9 }),
            !zip(bytes, bytes.dropFirst()).contains(where: { $0 == 32 && $1 == 32 })
        {
            return s
        }
        return s.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    /// Trailing spaces removed, runs of blank lines folded into one, no blank lines at either end.
    ///
    /// Works on the UTF-8 bytes, with the same result as splitting into `Character`s: a line ends at a `\n` that is
    /// not the end of a `\r\n` (one `Character`), and the spaces, tabs and `\r`s at its end go. Text with characters
    /// that can join a following space into one `Character` (Arabic prepended marks, some scripts outside the Basic
    /// Multilingual Plane) takes the `Character` path.
    static func tidy(_ s: String) -> String {
        var s = s
        return s.withUTF8 { bytes -> String in
            if bytes.contains(where: { $0 == 0xD8 || $0 == 0xDC || $0 == 0xE0 || $0 >= 0xF0 }) {
                return tidyByCharacters(String(decoding: bytes, as: UTF8.self))
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 1)
            var lineStart = 0
            var blankPending = false
            var wroteAny = false
            func endLine(_ end: Int) {
                var last = end
                while last > lineStart, bytes[last - 1] == 32 || bytes[last - 1] == 9 || bytes[last - 1] == 13 {
                    last -= 1
                }
                guard last > lineStart else {
                    if wroteAny { blankPending = true }
                    return
                }
                if wroteAny {
                    out.append(10)
                    if blankPending { out.append(10) }
                }
                blankPending = false
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<last]))
                wroteAny = true
            }
            for index in 0..<bytes.count where bytes[index] == 10 && (index == 0 || bytes[index - 1] != 13) {
                endLine(index)
                lineStart = index + 1
            }
            endLine(bytes.count)
            out.append(10)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// ``tidy(_:)`` on `Character`s.
    static func tidyByCharacters(_ s: String) -> String {
        var out: [Substring] = []
        for line in s.split(separator: "\n", omittingEmptySubsequences: false) {
            var l = line
            while l.last == " " || l.last == "\t" || l.last == "\r" { l = l.dropLast() }
            if l.isEmpty, out.last?.isEmpty ?? true { continue }
            out.append(l)
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }
}

/// A text variable as templates see it: rendered, tested in sections and transformed (`{{uppercased(task)}}`) exactly
/// as the `String` it holds, but found by swift-mustache without the casts a `String` goes through (template,
/// custom renderable, lambda, optional, then `String(describing:)`), and, as the context of a section
/// (`{{#document_ref}}…{{/document_ref}}`), without reflecting on it (`Mirror`) for every name looked up inside: it
/// has no children, as a `String` has none. Together they were about a third of a message's rendering.
struct TemplateText: MustacheCustomRenderable, MustacheParent, MustacheTransformable, CustomStringConvertible,
    Sendable
{
    let text: String

    var renderText: String { text }
    var isNull: Bool { false }
    var description: String { text }

    func child(named name: String) -> Any? { nil }

    func transform(_ name: String) -> Any? { text.transform(name) }

    /// `variables` with each `String` value wrapped (nested dictionaries and arrays are left as they are).
    static func wrapping(_ variables: [String: any Sendable]) -> [String: any Sendable] {
        variables.mapValues { value in
            if let text = value as? String { return TemplateText(text: text) }
            return value
        }
    }
}

/// HTML escaping of the HTML parts' variables: what swift-mustache's own `HTML` content type does (`<`, `>`, `&`,
/// `"` and `'` become entities), on UTF-8 bytes instead of looking each `Character` up in a dictionary (that was a
/// twentieth of an email's rendering). The five are ASCII, so no multi-byte character is touched.
struct HTMLEscaping: MustacheContentType {
    static let name = "DEADLINED_HTML"

    func escapeText(_ text: String) -> String {
        func special(_ byte: UInt8) -> Bool { byte == 60 || byte == 62 || byte == 38 || byte == 34 || byte == 39 }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 60: out.append(contentsOf: "&lt;".utf8)
            case 62: out.append(contentsOf: "&gt;".utf8)
            case 38: out.append(contentsOf: "&amp;".utf8)
            case 34: out.append(contentsOf: "&quot;".utf8)
            case 39: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The root of a template's context during `check`: notes every name looked up that does not exist.
/// (Names inside sections fall through to the root when not found, so the root sees every real miss.)
final class MissingNameRecorder: MustacheParent {
    var variables: [String: any Sendable] = [:]
    var missing: Set<String> = []

    func child(named name: String) -> Any? {
        if let value = variables[name] { return value }
        missing.insert(name)
        return nil
    }
}

extension ReminderFacts {
    /// Sample reminders of every kind, with and without a document, for rendering templates during `check`.
    static var samples: [ReminderFacts] {
        let zone = ZoneRules.vietnam
        let due = zone.instant(
            for: LocalDateTime(CivilDate(year: 2020, month: 12, day: 10)!, TimeOfDay(hour: 17, minute: 0)!))
        var out: [ReminderFacts] = []
        for language in Language.allCases {
            for (kind, rule, offset) in [
                (ReminderKind.before, "7d", -7 * 86_400 - 9 * 3600), (.before, "2h", -7200), (.due, "due", -9 * 3600),
                (.overdue, "overdue-2", 2 * 86_400 - 9 * 3600), (.escalation, "escalation-1", 4 * 86_400 - 9 * 3600),
            ] {
                for withDocument in [true, false] {
                    out.append(
                        ReminderFacts(
                            key: "mau|2020-12-10|\(rule)|so-khdt|email", deadlineID: "mau",
                            task: "Báo cáo đề xuất nhiệm vụ, giải pháp",
                            documentRef: withDocument ? "5418/UBND-TKBT" : nil,
                            documentTitle: withDocument ? "Triển khai" : nil,
                            unitID: "so-khdt", unitName: "Sở Kế hoạch và Đầu tư", kind: kind, rule: rule,
                            occurrence: CivilDate(year: 2020, month: 12, day: 10)!, due: due,
                            sendAt: due.adding(seconds: Int64(offset)),
                            reminderNumber: 2, remindedCount: 4, recipients: [], zone: zone, language: language,
                            isTest: withDocument))
                }
            }
            // The web side on: a confirmation link in the reminders with a document.
            for i in out.indices where out[i].isTest && out[i].kind != .escalation && out[i].confirmURL == nil {
                out[i].confirmURL = "https://nhacviec.hanoi.example/xac-nhan/mau"
            }
            // An escalation to the supervisors of two late units.
            var group = out[out.count - 1]
            group.unitID = "so-khdt+so-tc"
            group.unitName = "Sở Kế hoạch và Đầu tư, Sở Tài chính"
            group.lateUnits = [
                LateUnit(id: "so-khdt", name: "Sở Kế hoạch và Đầu tư", remindedCount: 6, urgedCount: 2),
                LateUnit(id: "so-tc", name: "Sở Tài chính", remindedCount: 5, urgedCount: 2),
            ]
            out.append(group)
        }
        return out
    }

    /// Sample digests, one with an overdue item and a document, one without either, in each language.
    static var digestSamples: [ReminderFacts] {
        let zone = ZoneRules.vietnam
        let day = CivilDate(year: 2020, month: 12, day: 8)!
        let at = zone.instant(for: LocalDateTime(day, TimeOfDay(hour: 7, minute: 30)!))
        let soon = DigestEntry(
            deadlineID: "mau", task: "Báo cáo đề xuất nhiệm vụ, giải pháp", documentRef: "5418/UBND-TKBT",
            occurrence: day.adding(days: 2),
            due: at.adding(seconds: 2 * 86_400 + 9 * 3600))
        let late = DigestEntry(
            deadlineID: "mau-2", task: "Dự thảo kế hoạch", documentRef: nil, occurrence: day.adding(days: -1),
            due: at.adding(seconds: -86_400))
        return Language.allCases.flatMap { language in
            [[late, soon], [soon]].map { items in
                ReminderFacts(
                    digestKey: "@digest|2020-12-08|digest|so-khdt|email", unitID: "so-khdt",
                    unitName: "Sở Kế hoạch và Đầu tư", day: day,
                    sendAt: at, items: items, recipients: [], zone: zone, language: language, isTest: items.count == 1)
            }
        }
    }
}

extension Diagnostic {
    /// This diagnostic naming its entry of `deadlinectl`'s catalog (`config.ID`), for `check` to say it in the
    /// admin's language; the English message stays what the daemon logs.
    func naming(_ id: String, _ arguments: [String: String]) -> Diagnostic {
        var named = self
        named.catalogMessage = CatalogMessage("config." + id, arguments)
        return named
    }
}

import DeadlineConfig
import DeadlineDelivery
import DeadlineKit
import DeadlineStore
@testable import DeadlineService
import Testing
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// The folder of `Sources/DeadlineService/Catalog`, found from this file.
func sourcesFolder(_ path: String) -> String {
    let here = #filePath
    let root = here.components(separatedBy: "/Tests/").dropLast().joined(separator: "/Tests/")
    return root + "/Sources/" + path
}

/// The names of the files in a folder (not recursive).
func fileNames(in folder: String) -> [String] {
    guard let dir = opendir(folder) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafePointer(to: entry.pointee.d_name) {
            String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
        }
        if name != ".", name != ".." { names.append(name) }
    }
    return names.sorted()
}

func readText(_ path: String) -> String {
    guard let file = fopen(path, "r") else { return "" }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n <= 0 { break }
        bytes += buffer[0..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
}

@Suite("The message catalog: every entry in both languages")
struct CatalogTests {
    @Test("every entry has a Vietnamese and an English text, in NFC, with the same placeholders")
    func bothLanguages() {
        #expect(Catalog.allEntries.count > 200)
        for (id, texts) in Catalog.allEntries {
            #expect(!texts.vi.isEmpty, "\(id) has no Vietnamese text")
            #expect(!texts.en.isEmpty, "\(id) has no English text")
            #expect(
                Catalog.placeholders(in: texts.vi) == Catalog.placeholders(in: texts.en),
                "\(id): vi \(Catalog.placeholders(in: texts.vi).sorted()) ≠ en \(Catalog.placeholders(in: texts.en).sorted())"
            )
            #expect(texts.vi.isNFC, "\(id): the Vietnamese text is not NFC")
            #expect(texts.en.isNFC, "\(id): the English text is not NFC")
        }
    }

    @Test("ids are unique")
    func uniqueIDs() {
        let ids = Catalog.allEntries.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test("every area declared in Sources/DeadlineService/Catalog is part of the catalog")
    func everyAreaListed() {
        let folder = sourcesFolder("DeadlineService/Catalog")
        var declared: Set<String> = []
        for name in fileNames(in: folder) where name.hasSuffix(".swift") {
            for line in readText(folder + "/" + name).split(separator: "\n")
            where line.contains(": String, CatalogEntry") {
                let words = line.split(separator: " ")
                if let index = words.firstIndex(of: "enum"), index + 1 < words.count {
                    declared.insert(String(words[index + 1].prefix { $0 != ":" }))
                }
            }
        }
        let listed = Set(Catalog.allEntries.map { String($0.id.prefix { $0 != "." }) })
        #expect(declared.count == listed.count, "declared \(declared.sorted()), listed areas \(listed.sorted())")
        #expect(declared.count >= 10)
    }

    @Test(
        "placeholders, and plural forms that follow their argument",
        arguments: [
            ("{n} {n|unit|units}", ["n": "1"], "1 unit"),
            ("{n} {n|unit|units}", ["n": "14"], "14 units"),
            ("{a}: {b}", ["a": "x", "b": "y"], "x: y"),
            ("{ date, name }", [:], "{ date, name }"),
            ("{missing}", [:], "{missing}"),
        ])
    func rendering(template: String, arguments: [String: String], expected: String) {
        #expect(Catalog.render(template, arguments) == expected)
    }

    @Test("the check summary in both languages")
    func summary() {
        let arguments = ["documents": "2", "deadlines": "8", "units": "14", "channels": "1"]
        #expect(Catalog(.vi)(ConfigText.summary, arguments) == "2 văn bản, 8 nhiệm vụ, 14 đơn vị, 1 kênh gửi")
        #expect(Catalog(.en)(ConfigText.summary, arguments) == "2 documents, 8 deadlines, 14 units, 1 channel")
    }

    @Test(
        "the language: --lang, else [daemon] language when set, else LC_ALL, LC_MESSAGES, LANG, else vi",
        arguments: [
            (nil, nil, [:], Language.vi),
            (nil, nil, ["LANG": "C.UTF-8"], .en),
            (nil, nil, ["LANG": "vi_VN.UTF-8"], .vi),
            (nil, nil, ["LANG": "vi_VN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"], .en),
            (nil, nil, ["LANG": "en_US.UTF-8", "LC_ALL": "vi_VN"], .vi),
            (nil, Language.vi, ["LANG": "en_US.UTF-8"], .vi),
            (nil, Language.en, [:], .en),
            ("vi", Language.en, ["LANG": "en_US.UTF-8"], .vi),
            ("EN", nil, [:], .en),
        ] as [(String?, Language?, [String: String], Language)])
    func languageChoice(
        option: String?, configured: Language?, environment: [String: String], expected: Language
    ) throws {
        var daemon = DaemonSettings()
        daemon.configuredLanguage = configured
        let configuration = Configuration(
            agenda: Agenda(settings: AgendaSettings(), units: [], channels: [], documents: [], deadlines: []),
            channels: [:],
            daemon: daemon, mainFile: "x.toml", files: ["x.toml"])
        #expect(
            try LanguageChoice.resolve(option: option, configuration: configuration, environment: environment).get()
                == expected)
    }

    @Test("--lang fr is refused, in the language the command would otherwise speak")
    func unknownLanguage() {
        guard
            case .failure(let error) = LanguageChoice.resolve(
                option: "fr", configuration: nil, environment: ["LANG": "vi_VN"])
        else {
            Issue.record("fr was taken for a language")
            return
        }
        #expect(error.message == "deadlinectl: --lang: 'fr' không phải một ngôn ngữ; hãy dùng vi hoặc en\n")
    }
}

@Suite("Recorded texts: the ledger's English reasons said in the admin's language")
struct RecordedTextTests {
    @Test(
        "each reason the daemon and the ledger write is translated",
        arguments: [
            (
                "missed while deadlined was not running, more than catch_up (1d) ago",
                "lỡ khi deadlined không chạy, đã quá thời gian gửi bù catch_up (1d)"
            ),
            (
                "nothing to list: every item was done or snoozed",
                "không còn gì để tổng hợp: mọi nhiệm vụ đã hoàn thành hoặc đang tạm dừng nhắc"
            ),
            ("the deadline 'x-1' is no longer in the configuration", "nhiệm vụ 'x-1' không còn trong cấu hình"),
            ("the channel 'email' is no longer in the configuration", "kênh gửi 'email' không còn trong cấu hình"),
            (
                "every unit it is about finished the occurrence before it was sent",
                "mọi đơn vị liên quan đã hoàn thành trước giờ gửi"
            ),
            (
                "superseded: the later reminder 'overdue-2' of the same occurrence went out to the unit instead",
                "đã có lời nhắc sau (đôn đốc lần 2) của cùng lần hạn gửi thay cho lời nhắc này"
            ),
            (
                "5418-de-xuat@2020-12-10 was marked done for so-khdt by root (sudo: lan)",
                "5418-de-xuat@2020-12-10 đã được đánh dấu hoàn thành cho so-khdt (người thực hiện: root (sudo: lan))"
            ),
            ("written to /var/lib/deadlined/outbox/a.eml", "đã ghi vào /var/lib/deadlined/outbox/a.eml"),
            ("2 documents, 8 deadlines, 14 units, 1 channel", "2 văn bản, 8 nhiệm vụ, 14 đơn vị, 1 kênh gửi"),
            ("8 deadlines, next reminder 08:00 03/12/2020", "8 hạn, lời nhắc tiếp theo 08:00 03/12/2020"),
            ("250 2.0.0 Ok: queued as DL00001", "250 2.0.0 Ok: queued as DL00001"),
            (
                "there is no ledger at /var/lib/deadlined/state.db: deadlined has not run yet, or [daemon] state_directory or $STATE_DIRECTORY points elsewhere",
                "chưa có sổ theo dõi ở /var/lib/deadlined/state.db: deadlined chưa chạy lần nào, hoặc [daemon] state_directory hay $STATE_DIRECTORY chỉ tới nơi khác"
            ),
        ])
    func translated(english: String, vietnamese: String) {
        #expect(RecordedText.translate(english, to: .vi) == vietnamese)
        // In English too, a rule is said as `list` says it.
        let shown =
            english.hasPrefix("superseded:")
            ? "superseded: the later reminder 'urging #2' of the same occurrence went out to the unit instead" : english
        #expect(RecordedText.translate(english, to: .en) == shown)
    }

    @Test("the retry policy's reasons, as it writes them, are translated")
    func retryPolicy() {
        let policy = RetryPolicy(limit: 1, maxAgeSeconds: 3600)
        let sendAt = Instant(secondsSinceEpoch: 1_000_000)
        guard
            case .givenUp(let limit) = policy.afterTemporaryFailure(
                attempt: 1, sendAt: sendAt, now: sendAt, retryAfterSeconds: nil, random: 0.5)
        else {
            Issue.record("the retry policy did not give up")
            return
        }
        #expect(RecordedText.translate(limit, to: .vi) == "vẫn thất bại sau 1 lần thử (retry_limit = 1)")
        let patient = RetryPolicy(limit: 8, maxAgeSeconds: 3600)
        guard
            case .givenUp(let age) = patient.afterTemporaryFailure(
                attempt: 2, sendAt: sendAt, now: sendAt.adding(seconds: 7200), retryAfterSeconds: nil, random: 0.5)
        else {
            Issue.record("the retry policy did not give up")
            return
        }
        #expect(RecordedText.translate(age, to: .vi) == "vẫn thất bại 2h sau giờ gửi (retry_max_age = 1h)")
    }
}

extension String {
    /// Whether the text is in Unicode Normalization Form C (checked by composing decomposed Vietnamese letters:
    /// the catalog is written with precomposed characters, so any combining mark is a sign of NFD).
    var isNFC: Bool {
        !unicodeScalars.contains { (0x0300...0x036F).contains($0.value) }
    }
}

@Suite("Diagnostics that name their catalog entry say the same in English as they log")
struct CatalogDiagnosticTests {
    /// Every diagnostic of a broken template folder, with its catalog message.
    static var templateDiagnostics: [Diagnostic] {
        let (_, problems) = TemplateSet.load(overrides: [
            "subjct.vi.mustache": (path: "t/subjct.vi.mustache", source: "x"),
            "subject.vi.mustache": (path: "t/subject.vi.mustache", source: "{{tasks}} {{zzz}}"),
            "text.vi.mustache": (path: "t/text.vi.mustache", source: "{{#is_due}}Hôm nay"),
            "chat.vi.mustache": (path: "t/chat.vi.mustache", source: "{{#is_due}}x{{/is_overdue}}"),
            "html.vi.mustache": (path: "t/html.vi.mustache", source: "{{task"),
        ])
        return problems
    }

    @Test("templates: each problem's English from the catalog is the message the daemon logs")
    func templates() {
        let diagnostics = Self.templateDiagnostics
        #expect(diagnostics.count == 6, "\(diagnostics)")
        for d in diagnostics {
            let message = d.catalogMessage
            #expect(message != nil, "\(d) names no catalog entry")
            guard let message else { continue }
            #expect(Catalog(.en)(message) == d.message, "\(message.id)")
            #expect(Catalog(.vi)(message).map { $0 != d.message } == true, "\(message.id) is not said in Vietnamese")
        }
    }

    @Test("check says a named diagnostic in the admin's language; others as they were written")
    func rendering() {
        let named = Self.templateDiagnostics.first { $0.message.contains("'tasks'") }
        let said = named.map { Catalog(.vi).diagnostic($0) } ?? ""
        #expect(
            said.hasPrefix(
                "t/subject.vi.mustache:1:1: lỗi: mẫu thư dùng biến không có: 'tasks'; có phải ý bạn là 'task'? (các biến: "
            ),
            "\(said)")
        #expect(named.map { Catalog(.en).diagnostic($0) } == named?.description)
        let plain = Diagnostic.error("a.toml", SourceRange(at: SourceLocation(line: 3, column: 1)), "unknown key 'x'")
        #expect(Catalog(.vi).diagnostic(plain) == "a.toml:3:1: error: unknown key 'x'")
    }
}

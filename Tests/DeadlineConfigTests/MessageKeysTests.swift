import DeadlineConfig
import DeadlineKit
import Testing

/// The keys that say how messages read: `[daemon] organization`, `[[document]] kind`, the outbox's `from`.
@Suite("Config: the keys of the message wording")
struct MessageKeysTests {
    @Test("organization, a document's kind by name or abbreviation, the outbox's From; language written or not")
    func decoded() throws {
        let (result, lines) = try load([
            "deadlined.toml": """
            [daemon]
            organization = "Văn phòng UBND Thành phố Hà Nội"

            [channels.outbox]
            type = "outbox"
            from = "Phòng Tổng hợp <tonghop@hanoi.example>"

            [[document]]
            ref = "04-KH/TU"
            kind = "Kế hoạch"

            [[document]]
            ref = "7/UBND-KT"
            kind = "QĐ"

            [[document]]
            ref = "5418/UBND-TKBT"
            """
        ])
        #expect(lines == [])
        let configuration = try #require(result.configuration)
        #expect(configuration.agenda.settings.organization == "Văn phòng UBND Thành phố Hà Nội")
        #expect(configuration.daemon.configuredLanguage == nil)
        #expect(configuration.agenda.documents["04-KH/TU"]?.kind == .keHoach)
        #expect(configuration.agenda.documents["7/UBND-KT"]?.kind == .quyetDinh)
        #expect(configuration.agenda.documents["5418/UBND-TKBT"]?.kind == nil)
        #expect(configuration.agenda.documents["5418/UBND-TKBT"]?.citedKind == .congVan)
        guard case .outbox(let outbox) = configuration.channels["outbox"] else {
            Issue.record("no outbox channel")
            return
        }
        #expect(outbox.from == Mailbox(displayName: "Phòng Tổng hợp", address: "tonghop@hanoi.example"))
        let (english, _) = try load(["deadlined.toml": "[daemon]\nlanguage = \"en\"\n"])
        #expect(english.configuration?.daemon.configuredLanguage == .en)
    }

    @Test("a kind that is not one is an error at its value, with the kinds to choose from")
    func unknownKind() throws {
        let (_, lines) = try load(["deadlined.toml": "[[document]]\nref = \"04-KH/TU\"\nkind = \"kế hoạc\"\n"])
        #expect(lines.count == 1)
        #expect(
            lines.first?.hasPrefix(
                "deadlined.toml:3:8: error: 'kế hoạc' is not a kind of document; did you mean 'kế hoạch'? (one of \"công văn\", \"kế hoạch\""
            ) == true, "\(lines)")
    }
}

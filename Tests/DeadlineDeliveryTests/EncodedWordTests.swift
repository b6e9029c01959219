import Testing

@testable import DeadlineDelivery

@Suite("RFC 2047 encoded-words and header folding")
struct EncodedWordTests {
    static let subject = "Nhắc hạn: Báo cáo trình UBND TP trước ngày 10/12/2020"

    @Test("the Vietnamese subject encodes to exact B encoded-words, folded under 78 columns")
    func vietnameseSubjectExact() throws {
        var writer = HeaderWriter()
        try writer.appendUnstructured("Subject", Self.subject)
        #expect(
            writer.text
                == "Subject: =?UTF-8?B?Tmjhuq9jIGjhuqFuOiBCw6FvIGPDoW8gdHLDrG5oIFVCTkQgVFAgdHI=?=\r\n"
                + " =?UTF-8?B?xrDhu5tjIG5nw6B5IDEwLzEyLzIwMjA=?=\r\n")
    }

    @Test("every encoded-word is at most 75 characters and decodes to whole characters")
    func wordsAreBoundedAndWhole() throws {
        let text = String(repeating: "Ủy ban nhân dân thành phố Hà Nội — ", count: 8)
        let words = EncodedWord.encode(text, firstLimit: 69)
        #expect(words.count > 5)
        var decoded = ""
        for (index, word) in words.enumerated() {
            #expect(word.utf8.count <= (index == 0 ? 69 : 75))
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            let payload = String(word.dropFirst(10).dropLast(2))
            let bytes = try #require(Base64.decode(payload))
            // Each word on its own is valid UTF-8: no sequence split across words.
            let piece = try #require(String(validating: bytes, as: UTF8.self))
            decoded += piece
        }
        #expect(decoded == text)
    }

    @Test("a base letter and its combining marks stay in one word")
    func combiningSequencesStayTogether() throws {
        // "ắ" written decomposed: a + U+0306 (breve) + U+0301 (acute), 5 bytes as one grapheme.
        let decomposed = "a\u{0306}\u{0301}"
        let text = String(repeating: "x", count: 40) + decomposed + String(repeating: "y", count: 10)
        let words = EncodedWord.encode(text, firstLimit: 69)
        var pieces: [String] = []
        for word in words {
            let bytes = try #require(Base64.decode(String(word.dropFirst(10).dropLast(2))))
            pieces.append(try #require(String(validating: bytes, as: UTF8.self)))
        }
        #expect(pieces.joined() == text)
        #expect(pieces.contains { $0.contains(decomposed) })
    }

    @Test(
        "ASCII that needs no encoding stays readable; '=?' and long runs are encoded",
        arguments: [
            ("Deadline reminder", false),
            ("Nhắc hạn", true),
            ("looks like =?UTF-8?B?x?=", true),
            (String(repeating: "a", count: 80), true),
        ])
    func needsEncoding(text: String, expected: Bool) {
        #expect(EncodedWord.isNeeded(for: text) == expected)
    }

    @Test("long ASCII subjects fold at spaces, and unfolding restores them")
    func asciiFolding() throws {
        let subject = "Deadline reminder: the quarterly report to the People's Committee is due on 10/12/2020 at 17:00"
        var writer = HeaderWriter()
        try writer.appendUnstructured("Subject", subject)
        let lines = writer.text.split(separator: "\r\n", omittingEmptySubsequences: true)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines[1].hasPrefix(" "))
        // Drop the final CRLF (one Character in Swift) after unfolding.
        let unfolded = writer.text.replacing("\r\n ", with: " ").dropLast()
        #expect(unfolded == "Subject: " + subject)
    }

    @Test("double spaces survive and are never a fold point")
    func doubleSpaces() throws {
        var writer = HeaderWriter()
        try writer.appendUnstructured("Subject", "a  b")
        #expect(writer.text == "Subject: a  b\r\n")
    }

    @Test(
        "CR, LF and other control characters in header text are rejected",
        arguments: ["Báo cáo\r\nBcc: victim@example.org", "line\nbreak", "nul\u{0}", "esc\u{1B}[31m", "nel\u{85}"])
    func injectionRejected(value: String) {
        var writer = HeaderWriter()
        #expect(throws: MessageFormatError.self) { try writer.appendUnstructured("Subject", value) }
    }
}

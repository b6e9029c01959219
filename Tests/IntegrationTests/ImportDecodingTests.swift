import DeadlineImport
import DeadlineKit
import Testing

/// The bytes of a document turned into NFC text: our own Windows-1258 table, UTF-16, refusals.
@Suite("deadlinectl import: decoding the input")
struct ImportDecodingTests {
    @Test("Windows-1258: base letters with combining tone marks compose to NFC Vietnamese")
    func windows1258() throws {
        // "Việt Nam, Đảng ủy, chậm nhất" as Windows would save it: ê (0xEA) + dot below (0xF2), Đ (0xD0),
        // a + hook above (0xD2), u + hook above, â (0xE2) + dot below, â + acute (0xEC).
        let bytes: [UInt8] = [
            0x56, 0x69, 0xEA, 0xF2, 0x74, 0x20, 0x4E, 0x61, 0x6D, 0x2C, 0x20, 0xD0, 0x61, 0xD2, 0x6E, 0x67, 0x20, 0x75,
            0xD2,
            0x79, 0x2C, 0x20, 0x63, 0x68, 0xE2, 0xF2, 0x6D, 0x20, 0x6E, 0x68, 0xE2, 0xEC, 0x74,
        ]
        let input = try ImportInput.decode(bytes, name: "cp1258.txt").get()
        #expect(input.encoding == .windows1258)
        #expect(input.text == "Việt Nam, Đảng ủy, chậm nhất")
        #expect(input.text.unicodeScalars.count == input.text.count)  // composed: one scalar per letter
        guard case .failure(let undefined) = Windows1258.decode([0x41, 0x81]) else {
            Issue.record("0x81 decoded")
            return
        }
        #expect(undefined.byte == 0x81 && undefined.offset == 1)
        // Every defined byte decodes to one scalar; the five tone marks are combining.
        let marks = (0x80...0xFF).compactMap { b -> UInt32? in
            guard case .success(let s) = Windows1258.decode([UInt8(b)]) else { return nil }
            return s.unicodeScalars.first!.value
        }.filter { (0x0300...0x036F).contains($0) }
        #expect(marks == [0x0300, 0x0309, 0x0303, 0x0301, 0x0323])
    }

    @Test("UTF-8 with a byte order mark and UTF-16 (either byte order) read as text")
    func unicodeForms() throws {
        let text = "Sở Tài chính báo cáo trước ngày 10/12/2020."
        #expect(try ImportInput.decode([0xEF, 0xBB, 0xBF] + Array(text.utf8), name: "bom.txt").get().text == text)
        let little: [UInt8] =
            [0xFF, 0xFE] + text.utf16.flatMap { (u: UInt16) -> [UInt8] in [UInt8(u & 0xFF), UInt8(u >> 8)] }
        let big: [UInt8] =
            [0xFE, 0xFF] + text.utf16.flatMap { (u: UInt16) -> [UInt8] in [UInt8(u >> 8), UInt8(u & 0xFF)] }
        #expect(try ImportInput.decode(little, name: "le.txt").get() == ImportInput.decode(big, name: "be.txt").get())
        #expect(try ImportInput.decode(little, name: "le.txt").get().encoding == .utf16)
        #expect(try ImportInput.decode(big, name: "be.txt").get().text == text)
    }

    @Test("many control characters make a file binary even when it is valid UTF-8")
    func controls() {
        let bytes = Array(repeating: UInt8(0x01), count: 10) + Array("Sở Tài chính".utf8)
        guard case .failure(let error) = ImportInput.decode(bytes, name: "x.bin") else {
            Issue.record("a file of control characters was accepted")
            return
        }
        #expect(
            error.description
                == "'x.bin' looks like a binary file, not text (10 control characters); save the document as plain text (UTF-8) and import that file"
        )
    }
}

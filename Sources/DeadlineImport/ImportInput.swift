import DeadlineKit

/// Why a file cannot be imported, in words that say what to do about it.
package struct ImportInputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong and what to do, e.g. `'doc.pdf' is a binary file, not text (byte 10 is NUL); save ...`.
    package let description: String

    /// An error with the given explanation (what went wrong and what to do).
    package init(_ description: String) { self.description = description }
}

/// The text of a document to import, normalised to NFC, with the form it came in.
///
/// ``decode(_:name:)`` reads plain text: UTF-8 (with or without a byte order mark) as is; UTF-16 needs its byte
/// order mark; anything else is tried as Windows-1258 and kept only if it then reads as Vietnamese. Empty files,
/// binary files (NUL bytes or many control characters) and text in another encoding are refused with an
/// ``ImportInputError``. A web page's text comes from ``HTMLText``, a Word document's from ``WordDocumentText``;
/// reading files (and PDF) is `DeadlineImportFiles`' job.
package struct ImportInput: Sendable, Hashable {
    /// The forms of document ``DocumentImporter`` can be given.
    package enum Format: String, Sendable, Hashable {
        case text, html, pdf, docx
    }

    /// The encodings ``decode(_:name:)`` recognises.
    package enum Encoding: String, Sendable, Hashable {
        case utf8 = "UTF-8"
        case utf16 = "UTF-16"
        case windows1258 = "Windows-1258"
    }

    /// The text, in NFC.
    package let text: String
    /// The encoding the bytes were read in (UTF-8 for PDF and Word documents).
    package let encoding: Encoding
    /// The form of the file.
    package let format: Format

    /// Text already decoded, e.g. a PDF's as `pdftotext` printed it; normalised to NFC.
    package init(text: String, encoding: Encoding = .utf8, format: Format = .text) {
        self.text = ImportText.nfc(text)
        self.encoding = encoding
        self.format = format
    }

    /// Decodes `bytes`; `name` is used in error messages.
    package static func decode(_ bytes: [UInt8], name: String) -> Result<ImportInput, ImportInputError> {
        let advice = "save the document as plain text (UTF-8) and import that file"
        guard !bytes.isEmpty else {
            return .failure(ImportInputError("'\(name)' is empty; there is nothing to import"))
        }
        var text: String
        var encoding = Encoding.utf8
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            let units = stride(from: 2, to: bytes.count - 1, by: 2).map { i in
                little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            }
            guard bytes.count % 2 == 0, let decoded = String(validating: units, as: UTF16.self) else {
                return .failure(
                    ImportInputError("'\(name)' starts like UTF-16 text but is not valid UTF-16; \(advice)"))
            }
            (text, encoding) = (decoded, .utf16)
        } else {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            if let nul = body.firstIndex(of: 0) {
                return .failure(
                    ImportInputError("'\(name)' is a binary file, not text (byte \(nul) is NUL); \(advice)"))
            }
            if let decoded = String(validating: body, as: UTF8.self) {
                text = decoded
            } else {
                let bad = firstInvalidUTF8(body) ?? 0
                let utf8Problem = "it is not UTF-8 (byte \(bad) is \(hex(body[bad])))"
                switch Windows1258.decode(body) {
                case .failure(let undefined):
                    return .failure(
                        ImportInputError(
                            "'\(name)': \(utf8Problem), nor Windows-1258 (byte \(undefined.offset) is \(hex(undefined.byte)), "
                                + "which Windows-1258 does not define); \(advice)"))
                case .success(let decoded):
                    guard readsAsVietnamese(ImportText.nfc(decoded)) else {
                        return .failure(
                            ImportInputError(
                                "'\(name)': \(utf8Problem), and read as Windows-1258 it is not Vietnamese text; "
                                    + "it may be in another encoding (TCVN3, VNI, Latin-1); \(advice)"))
                    }
                    (text, encoding) = (decoded, .windows1258)
                }
            }
        }
        text = ImportText.nfc(text)
        let controls = text.unicodeScalars.filter {
            ($0.value < 0x20 && !"\t\n\r\u{0B}\u{0C}".unicodeScalars.contains($0)) || $0.value == 0x7F
        }.count
        if controls > max(3, text.unicodeScalars.count / 100) {
            return .failure(
                ImportInputError(
                    "'\(name)' looks like a binary file, not text (\(controls) control characters); \(advice)"))
        }
        guard !text.trimmingSpaces.isEmpty else {
            return .failure(ImportInputError("'\(name)' holds only white space; there is nothing to import"))
        }
        return .success(ImportInput(text: text, encoding: encoding, format: .text))
    }

    /// Whether text decoded from a legacy code page reads as Vietnamese: Vietnamese letters are common among its
    /// non-ASCII characters, and characters no Vietnamese text would use are rare.
    static func readsAsVietnamese(_ text: String) -> Bool {
        var vietnamese = 0
        var strange = 0
        for c in text where !c.isASCII {
            if VietnameseFolding.isVietnameseLetter(c) {
                vietnamese += 1
            } else if !"àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ“”‘’–—…•€₫«»°·\u{00A0}".contains(c) {
                strange += 1
            }
        }
        return vietnamese > 0 && strange * 4 <= vietnamese
    }

    private static func firstInvalidUTF8(_ b: [UInt8]) -> Int? {
        var i = 0
        while i < b.count {
            let n: Int
            switch b[i] {
            case 0..<0x80: n = 1
            case 0xC2...0xDF: n = 2
            case 0xE0...0xEF: n = 3
            case 0xF0...0xF4: n = 4
            default: return i
            }
            guard i + n <= b.count else { return i }
            for k in 1..<n where b[i + k] & 0xC0 != 0x80 { return i }
            i += n
        }
        return nil
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 15)])
    }
}

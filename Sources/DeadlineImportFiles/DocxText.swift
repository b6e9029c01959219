import DeadlineImport
import Foundation
import ZIPFoundation

/// The text of a Word document (`.docx`): its `word/document.xml`, read from the ZIP archive with ZIPFoundation and
/// turned into text by ``WordDocumentText``. No converter program is needed.
enum DocxText {
    /// The largest `document.xml` read, uncompressed (a ZIP bomb stops here).
    static let xmlLimit = 64 << 20

    static func text(ofFileAt path: String) -> Result<ImportInput, ImportInputError> {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            return .failure(
                ImportInputError(
                    "'\(path)' starts like a ZIP archive (as .docx files do) but cannot be opened as one: \(error); save the document again, as .docx or plain text"
                ))
        }
        guard let entry = archive["word/document.xml"] else {
            return .failure(
                ImportInputError(
                    "'\(path)' is a ZIP archive but not a Word document (it has no word/document.xml); import the document itself, as .docx, .pdf or plain text"
                ))
        }
        var xml: [UInt8] = []
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                guard xml.count + chunk.count <= xmlLimit else { throw TooLarge() }
                xml += chunk
            }
        } catch is TooLarge {
            return .failure(
                ImportInputError("'\(path)': its text is larger than 64 MiB once unpacked; is it really a document?"))
        } catch {
            return .failure(
                ImportInputError(
                    "'\(path)': its word/document.xml cannot be unpacked: \(error); save the document again"))
        }
        guard let decoded = String(validating: xml, as: UTF8.self) else {
            return .failure(
                ImportInputError(
                    "'\(path)': its word/document.xml is not UTF-8; save the document again from Word or LibreOffice"))
        }
        let text = WordDocumentText.text(ofDocumentXML: decoded)
        guard text.contains(where: \.isLetter) else {
            return .failure(
                ImportInputError(
                    "'\(path)' is a Word document with no text in it (only pictures?); import the text itself"))
        }
        return .success(ImportInput(text: text, encoding: .utf8, format: .docx))
    }

    private struct TooLarge: Error {}
}

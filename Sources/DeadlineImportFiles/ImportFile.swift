package import DeadlineImport

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a document to import from a file: plain text in any encoding ``ImportInput/decode(_:name:)`` reads, a
/// saved web page (`.html`, `.htm`, or text that starts as HTML), a PDF (through poppler's `pdftotext`) or a Word
/// document (`.docx`). The format is told by the file's first bytes, not its name, except for HTML.
package enum ImportFile {
    /// The largest file read (16 MiB): a directive is a few hundred kilobytes, a scanned PDF a few megabytes.
    package static let sizeLimit = 16 << 20

    /// The reader `deadlinectl import` uses.
    package static let reader = ImportFileReader(document: read(path:), bytes: readBytes)

    /// The document at `path` as text, or why it cannot be read.
    @Sendable package static func read(path: String) -> Result<ImportInput, ImportInputError> {
        readBytes(path).flatMap { decode($0, name: path) }
    }

    /// The text of a file's `bytes`; `name` (the path) is used for HTML detection, messages and temporary copies.
    static func decode(_ bytes: [UInt8], name: String) -> Result<ImportInput, ImportInputError> {
        if bytes.starts(with: Array("%PDF-".utf8)) { return PDFText.text(ofFileAt: name) }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return DocxText.text(ofFileAt: name) }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return .failure(
                ImportInputError(
                    "'\(name)' is a Word 97–2003 document (.doc); save it as .docx (Word: File > Save As) or as plain text and import that file"
                ))
        }
        return ImportInput.decode(bytes, name: name).flatMap { input in
            let lower = name.lowercased()
            guard lower.hasSuffix(".html") || lower.hasSuffix(".htm") || HTMLText.looksLikeHTML(input.text) else {
                return .success(input)
            }
            let text = HTMLText.articleText(input.text)
            guard text.contains(where: \.isLetter) else {
                return .failure(
                    ImportInputError(
                        "'\(name)' is a web page with no text in it (only markup and scripts); save the article's text and import that file"
                    ))
            }
            return .success(ImportInput(text: text, encoding: input.encoding, format: .html))
        }
    }

    /// The bytes of the file at `path` (at most ``sizeLimit``).
    @Sendable package static func readBytes(_ path: String) -> Result<[UInt8], ImportInputError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            return .failure(ImportInputError("cannot read '\(path)': \(String(cString: strerror(errno)))"))
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else {
                return .failure(ImportInputError("cannot read '\(path)': \(String(cString: strerror(errno)))"))
            }
            if n == 0 { break }
            bytes += buffer[0..<n]
            guard bytes.count <= sizeLimit else {
                return .failure(ImportInputError("'\(path)' is larger than 16 MiB; is it really a document?"))
            }
        }
        return .success(bytes)
    }
}

import DeadlineImport

#if canImport(Glibc)
    import Glibc
#endif

/// The text layer of a PDF, through poppler's `pdftotext` (Debian package `poppler-utils`).
///
/// Signed PDFs read like any other: the signature is not text. A scanned PDF has no text layer (only page images):
/// it is refused with an error saying so, since importing it would silently find nothing.
enum PDFText {
    static func text(ofFileAt path: String) -> Result<ImportInput, ImportInputError> {
        // Reading order (not -layout): columns are not interleaved (a header's left cell, then its right one); the
        // lines of a paragraph, which pdftotext ends where the page's do, are joined again (WrappedLines).
        let run = ChildProcess.run(["pdftotext", "-enc", "UTF-8", "-q", "--", path, "-"], limit: ImportFile.sizeLimit)
        switch run {
        case .failure(let error) where error.code == ENOENT:
            return .failure(
                ImportInputError(
                    "'\(path)' is a PDF, and reading it needs pdftotext, which is not installed; install poppler-utils (apt-get install poppler-utils) or save the document as text"
                ))
        case .failure(let error):
            return .failure(
                ImportInputError("'\(path)' is a PDF, and pdftotext could not be started: \(error.description)"))
        case .success(let finished):
            guard finished.status == 0 else {
                let why = String(decoding: finished.errors, as: UTF8.self).trimmingCharacters(in: " \n")
                let reason =
                    finished.status == 3
                    ? "its permissions forbid copying text"
                    : why.isEmpty ? "pdftotext failed (exit status \(finished.status))" : why
                return .failure(
                    ImportInputError(
                        "'\(path)' is a PDF that cannot be read: \(reason); save it as text from the program that made it"
                    ))
            }
            let text = WrappedLines.unwrap(String(decoding: finished.output, as: UTF8.self).replacingFormFeeds())
            guard text.unicodeScalars.filter({ $0.properties.isAlphabetic }).count >= 20 else {
                return .failure(
                    ImportInputError(
                        "'\(path)' is a PDF with no text in it: it looks scanned (pages are pictures); run text recognition on it (e.g. ocrmypdf -l vie) or type the text, then import that"
                    ))
            }
            return .success(ImportInput(text: text, encoding: .utf8, format: .pdf))
        }
    }
}

extension String {
    /// Page breaks (form feeds) as line breaks.
    fileprivate func replacingFormFeeds() -> String {
        String(map { $0 == "\u{0C}" ? "\n" : $0 })
    }

    /// Without the characters of `set` at either end.
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}

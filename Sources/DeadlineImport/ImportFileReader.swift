/// How `deadlinectl import` reads its files, handed to the command's logic by the executable.
///
/// The readers (PDF through `pdftotext`, Word documents through a ZIP library that brings Foundation) live in
/// `DeadlineImportFiles`, which only `deadlinectl` links: the daemon's modules never load them.
package struct ImportFileReader: Sendable {
    /// The text of the document at a path (plain text, a web page, a PDF or a Word document).
    package var document: @Sendable (String) -> Result<ImportInput, ImportInputError>
    /// The bytes of a file at a path (the `--units` file).
    package var bytes: @Sendable (String) -> Result<[UInt8], ImportInputError>

    /// A reader from its two functions.
    package init(
        document: @escaping @Sendable (String) -> Result<ImportInput, ImportInputError>,
        bytes: @escaping @Sendable (String) -> Result<[UInt8], ImportInputError>
    ) {
        self.document = document
        self.bytes = bytes
    }
}

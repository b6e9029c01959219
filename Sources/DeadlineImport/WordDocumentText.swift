/// The text of a Word document's body (`word/document.xml` of a `.docx`), one paragraph per line.
///
/// Runs (`w:t`) are joined; `w:tab` is a tab and `w:br`/`w:cr` a line break; deleted text (`w:delText`) and field
/// codes (`w:instrText`) are left out. Table cells are read row by row, each cell's paragraphs on their own lines:
/// the two-column header of a công văn (issuer and number left, motto and date right) comes out as the left
/// cell's lines, then the right cell's.
package enum WordDocumentText {
    /// The text of a `document.xml`.
    package static func text(ofDocumentXML xml: String) -> String {
        var scanner = MarkupScanner(xml, lowercaseNames: false)
        var out = ""
        var inText = false
        scanner.scan { token in
            switch token {
            case .start(let name, _, let selfClosing):
                switch name {
                case "w:t": inText = !selfClosing
                case "w:tab": out.append("\t")
                case "w:br", "w:cr": out.append("\n")
                case "w:delText", "w:instrText": return name
                default: break
                }
            case .end(let name):
                if name == "w:t" { inText = false }
                if name == "w:p" { out.append("\n") }
            case .text(let scalars):
                guard inText else { return nil }
                let text = MarkupScanner.decodeEntities(scalars)
                out.append(text)
            }
            return nil
        }
        return ImportText.nfc(out)
    }
}

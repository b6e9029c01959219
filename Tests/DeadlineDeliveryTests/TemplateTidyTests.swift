import Testing

@testable import DeadlineDelivery

/// The rendered text's clean-up on bytes (``TemplateSet/tidy(_:)``, ``TemplateSet/oneLine(_:)``) gives what the same
/// clean-up on `Character`s gives, whatever the line endings, blank lines, spaces and scripts.
@Suite struct TemplateTidyTests {
    static let texts: [String] = [
        "", "\n", "\n\n\n", "  \n\t\n", "Kính gửi Sở Tài chính,\n\n\n\nHạn: 10/12/2020.  \n\n",
        "\n\nđầu\ngiữa \t \nhết\n\n", "a\r\nb\r\n\r\nc", "a \r\n", "a\r", "a\r\r\nb", "dòng 1\r\rdòng 2\n\r\n",
        "  thụt vào  \n  vẫn thụt\n", "e\u{301} \n\u{301}x", "Tiêu đề", "Tiêu  đề", " Tiêu đề", "Tiêu đề ", "Tiêu\tđề",
        "Tiêu\nđề", "Tiêu\r\nđề", "\u{600} x \nb", "😀 nhắc \n\n việc 👍 ", "a\u{200D} \nb", "cuối cùng không xuống dòng",
    ]

    @Test(arguments: texts)
    func tidySameAsOnCharacters(_ text: String) {
        #expect(TemplateSet.tidy(text) == TemplateSet.tidyByCharacters(text))
    }

    @Test(arguments: texts)
    func oneLineSameAsOnCharacters(_ text: String) {
        let byCharacters = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == " " || $0 == "\t" }).joined(
            separator: " ")
        #expect(TemplateSet.oneLine(text) == byCharacters)
    }
}

@testable import DeadlineDelivery
import DeadlineKit
import Testing

/// Text variables reach templates wrapped (``TemplateText``) and the HTML parts escape on bytes (``HTMLEscaping``):
/// what a template writes must be what swift-mustache writes for plain `String`s with its own HTML escaping.
@Suite("Template rendering")
struct TemplateRenderingTests {
    /// `set` rendering an HTML override of `source`, with the task holding every character HTML escapes.
    func html(_ source: String, documentRef: String? = "5418/UBND-TKBT") -> String {
        let (set, diagnostics) = TemplateSet.load(overrides: [
            "html.vi.mustache": (path: "t/html.vi.mustache", source: source)
        ])
        #expect(diagnostics.isEmpty)
        var facts = deXuatFacts()
        facts.task = "<b>\"A & B's\"</b> Đạt"
        facts.documentRef = documentRef
        return set.render(facts).html
    }

    @Test(
        "text variables render, test, transform and scope as strings do",
        arguments: [
            ("{{task}}", "&lt;b&gt;&quot;A &amp; B&#39;s&quot;&lt;/b&gt; Đạt\n"),
            ("{{{task}}}", "<b>\"A & B's\"</b> Đạt\n"),
            ("{{&task}}", "<b>\"A & B's\"</b> Đạt\n"),
            ("{{uppercased(unit)}}", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ\n"),
            (
                "{{#document_ref}}[{{.}}|{{document_ref}}|{{unit}}]{{/document_ref}}",
                "[5418/UBND-TKBT|5418/UBND-TKBT|Sở Kế hoạch và Đầu tư]\n"
            ),
            ("{{^document_ref}}none{{/document_ref}}x", "x\n"),
            ("{{#task}}<{{.}}>{{/task}}", "<&lt;b&gt;&quot;A &amp; B&#39;s&quot;&lt;/b&gt; Đạt>\n"),
            ("{{#empty(unit)}}empty{{/empty(unit)}}{{^empty(unit)}}full{{/empty(unit)}}", "full\n"),
        ])
    func textVariables(source: String, expected: String) {
        #expect(html(source) == expected)
    }

    @Test("an absent document is a false section and an empty variable")
    func absentDocument() {
        #expect(
            html(
                "{{#document_ref}}yes{{/document_ref}}{{^document_ref}}no{{/document_ref}}[{{document_ref}}]",
                documentRef: nil) == "no[]\n")
    }

    @Test(
        "HTML escaping replaces the five characters and leaves every other byte",
        arguments: [
            ("", ""), ("plain Tiếng Việt", "plain Tiếng Việt"), ("<>&\"'", "&lt;&gt;&amp;&quot;&#39;"),
            ("a<b>c", "a&lt;b&gt;c"), ("Đ&Đ", "Đ&amp;Đ"),
        ])
    func escaping(text: String, expected: String) {
        #expect(HTMLEscaping().escapeText(text) == expected)
    }

    @Test("a parse error on an HTML template's first line is reported at its own column")
    func htmlParseErrorColumn() {
        let diagnostics = TemplateSet.validate("ab {{#x}}", part: .html, file: "html.vi.mustache")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.description.hasPrefix("html.vi.mustache:1:") == true)
        let column = diagnostics.first.flatMap { $0.description.split(separator: ":").dropFirst(2).first }
        let textColumn = TemplateSet.validate("ab {{#x}}", part: .text, file: "text.vi.mustache").first.flatMap {
            $0.description.split(separator: ":").dropFirst(2).first
        }
        #expect(column != nil && column == textColumn)
    }
}

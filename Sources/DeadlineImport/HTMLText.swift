import DeadlineKit
/// The article text of a saved web page: what a reader sees as the article, without menus, scripts or forms.
///
/// The article is the page's `<article>` (the longest, when there are several), else its `<main>`, else its
/// `<body>`. Inside it, scripts, styles, navigation, headers and footers of the site, asides, forms and elements whose
/// `class` or `id` names a menu, breadcrumb, sidebar, share bar or comment box are left out. Block elements (`p`,
/// `div`, `li`, `h1`, table cells...) end a line; entities are decoded; the result is NFC.
package enum HTMLText {
    /// Whether `text` begins like an HTML document (`<!DOCTYPE html`, `<html`), after white space.
    package static func looksLikeHTML(_ text: String) -> Bool {
        let start = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }.prefix(15).lowercased()
        return start.hasPrefix("<!doctype html") || start.hasPrefix("<html")
    }

    /// The article's text, one block per line.
    package static func articleText(_ html: String) -> String {
        let blocks = collect(html)
        let chosen = blocks.articles.max { $0.count < $1.count } ?? blocks.main ?? blocks.body
        return ImportText.nfc(chosen)
    }

    private static let raw: Set<String> = [
        "script", "style", "noscript", "template", "svg", "head", "iframe", "object",
    ]
    private static let chrome: Set<String> = [
        "nav", "header", "footer", "aside", "form", "menu", "button", "select", "figure",
    ]
    private static let chromeWords = [
        "menu", "breadcrumb", "sidebar", "share", "social", "comment", "related", "footer", "banner", "navbar", "tags",
    ]
    private static let blocks: Set<String> = [
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "section",
        "article", "main", "blockquote", "pre", "dd", "dt", "hr", "caption", "body",
    ]
    private static let void: Set<String> = [
        "br", "img", "meta", "link", "input", "hr", "area", "base", "col", "wbr", "source",
    ]

    /// The text of the body, of `<main>` and of each `<article>`.
    private static func collect(_ html: String) -> (body: String, main: String?, articles: [String]) {
        var scanner = MarkupScanner(html)
        var stack: [(name: String, skipped: Bool)] = []
        var skipDepth = 0
        var body = TextBuilder()
        var main: TextBuilder?
        var mainDepth: Int?
        var articles: [String] = []
        var article: TextBuilder?
        var articleDepth: Int?
        scanner.scan { token in
            switch token {
            case .start(let name, let attributes, let selfClosing):
                if raw.contains(name) { return name }
                let isChrome = chrome.contains(name) || isChromeByName(attributes)
                if blocks.contains(name) {
                    body.breakLine()
                    main?.breakLine()
                    article?.breakLine()
                }
                guard !selfClosing, !void.contains(name) else { return nil }
                stack.append((name, isChrome && skipDepth == 0))
                if isChrome, skipDepth == 0 { skipDepth = stack.count }
                if name == "main", main == nil, skipDepth == 0 {
                    main = TextBuilder()
                    mainDepth = stack.count
                }
                if name == "article", article == nil, skipDepth == 0 {
                    article = TextBuilder()
                    articleDepth = stack.count
                }
            case .end(let name):
                guard let index = stack.lastIndex(where: { $0.name == name }) else { return nil }
                stack.removeSubrange(index...)
                if skipDepth > stack.count { skipDepth = 0 }
                if let d = articleDepth, d > stack.count, let a = article {
                    articles.append(a.text)
                    article = nil
                    articleDepth = nil
                }
                if let d = mainDepth, d > stack.count { mainDepth = nil }
                if blocks.contains(name) {
                    body.breakLine()
                    main?.breakLine()
                    article?.breakLine()
                }
            case .text(let scalars):
                guard skipDepth == 0 else { return nil }
                let text = MarkupScanner.decodeEntities(scalars)
                body.append(text)
                if mainDepth != nil { main?.append(text) }
                article?.append(text)
            }
            return nil
        }
        if let a = article { articles.append(a.text) }
        return (body.text, main?.text, articles)
    }

    private static func isChromeByName(_ attributes: [String: String]) -> Bool {
        let names = ((attributes["class"] ?? "") + " " + (attributes["id"] ?? "") + " " + (attributes["role"] ?? ""))
            .lowercased()
        guard !names.trimmingSpaces.isEmpty else { return false }
        if names.contains("navigation") || names.contains("contentinfo") { return true }
        return chromeWords.contains { names.contains($0) }
    }
}

/// Text with runs of white space collapsed to one space and lines broken at blocks.
struct TextBuilder {
    private var out = ""
    private var pendingSpace = false

    var text: String { out.trimmingSpaces }

    mutating func append(_ text: String) {
        for c in text {
            if c.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace, let last = out.last, !last.isNewline { out.append(" ") }
            pendingSpace = false
            out.append(c)
        }
    }

    mutating func breakLine() {
        pendingSpace = false
        guard let last = out.last, !last.isNewline else { return }
        out.append("\n")
    }
}

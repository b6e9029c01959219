import Crypto
package import DeadlineKit

/// A whole page: one file, no external resources, no script. Its one `<style>` element is allowed by its hash in
/// the Content-Security-Policy it is served with, so the policy needs no `'unsafe-inline'`.
package struct HTMLDocument: Sendable {
    package var language: Language
    /// The `<title>`, as text (escaped here).
    package var title: String
    /// The page's CSS.
    package var style: String
    /// The inside of `<body>`, as HTML: callers escape what they put in it.
    package var body: String

    package init(language: Language, title: String, style: String = HTMLDocument.baseStyle, body: String) {
        self.language = language
        self.title = title
        self.style = style
        self.body = body
    }

    package var rendered: String {
        """
        <!DOCTYPE html>
        <html lang="\(language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <meta name="robots" content="noindex, nofollow">
        <title>\(HTML.escape(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    /// Nothing but the page's own style; forms post back to the same site; no framing.
    package var contentSecurityPolicy: String {
        let hash = Base64.encode(Array(SHA256.hash(data: Array(style.utf8))))
        return
            "default-src 'none'; style-src 'sha256-\(hash)'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    /// The style of deadlined's pages: readable on a phone, printable, no web fonts.
    package static let baseStyle = """
        body{margin:0;background:#f4f5f7;color:#1d2330;font:16px/1.5 system-ui,"Segoe UI",Roboto,Arial,sans-serif}\
        main{max-width:42rem;margin:2rem auto;padding:1.5rem 1.75rem;background:#fff;border-radius:8px;\
        box-shadow:0 1px 3px rgba(0,0,0,.12)}\
        h1{font-size:1.35rem;margin:0 0 1rem;color:#8b1a1a}\
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem;margin:0 0 1.25rem}\
        dt{font-weight:600;color:#4a5568}dd{margin:0}\
        label{display:block;font-weight:600;margin:.5rem 0 .25rem}\
        textarea{width:100%;box-sizing:border-box;min-height:4.5rem;font:inherit;padding:.5rem;border:1px solid #a0aec0;\
        border-radius:4px}\
        button{margin-top:1rem;font:inherit;font-weight:600;color:#fff;background:#1f6f43;border:0;border-radius:6px;\
        padding:.7rem 1.4rem;cursor:pointer}\
        button:hover,button:focus{background:#185a36}\
        .ok{border-left:4px solid #1f6f43;background:#eef8f1;padding:.75rem 1rem}\
        .warn{border-left:4px solid #b7791f;background:#fdf6e7;padding:.75rem 1rem}\
        .bad{border-left:4px solid #a61b1b;background:#fcefef;padding:.75rem 1rem}\
        .muted{color:#5a6473;font-size:.9rem}
        """
}

/// Splits HTML or XML into tags and text, in one pass: what ``HTMLText`` and ``WordDocumentText`` read.
///
/// It is not a validating parser: it reads the markup that web pages and Word documents contain (comments,
/// declarations, quoted attributes, self-closing tags), and never fails: a stray `<` is text.
struct MarkupScanner {
    enum Token {
        /// `<name attributes>` (name lowercased unless `keepCase`), `selfClosing` for `<name/>`.
        case start(name: String, attributes: [String: String], selfClosing: Bool)
        /// `</name>`
        case end(name: String)
        /// Text between tags, entities not yet decoded.
        case text(Substring.UnicodeScalarView)
    }

    private let scalars: [Unicode.Scalar]
    private var i = 0
    private let lowercase: Bool

    init(_ text: String, lowercaseNames: Bool = true) {
        scalars = Array(text.unicodeScalars)
        lowercase = lowercaseNames
    }

    /// The whole text as tokens, calling `body` for each; `body` returns the name of an element whose content is to
    /// be skipped unread (`script`, `style`), or nil.
    mutating func scan(_ body: (Token) -> String?) {
        var textStart = 0
        func flushText(_ end: Int) {
            guard end > textStart else { return }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[textStart..<end])
            _ = body(.text(Substring(String(view)).unicodeScalars))
        }
        while i < scalars.count {
            guard scalars[i] == "<" else {
                i += 1
                continue
            }
            let tagStart = i
            if starts(with: "<!--") {
                flushText(tagStart)
                i = find("-->", from: i + 4).map { $0 + 3 } ?? scalars.count
                textStart = i
                continue
            }
            if starts(with: "<!") || starts(with: "<?") {
                flushText(tagStart)
                i = find(">", from: i + 2).map { $0 + 1 } ?? scalars.count
                textStart = i
                continue
            }
            let closing = i + 1 < scalars.count && scalars[i + 1] == "/"
            var j = i + (closing ? 2 : 1)
            let nameStart = j
            while j < scalars.count, isNameScalar(scalars[j]) { j += 1 }
            guard j > nameStart else {
                i += 1  // "<" not starting a tag: text
                continue
            }
            flushText(tagStart)
            var name = String(String.UnicodeScalarView(scalars[nameStart..<j]))
            if lowercase { name = name.lowercased() }
            var attributes: [String: String] = [:]
            var selfClosing = false
            // Attributes up to the closing ">" (a ">" inside quotes does not close the tag).
            while j < scalars.count, scalars[j] != ">" {
                if scalars[j] == "/" {
                    selfClosing = true
                    j += 1
                    continue
                }
                guard isNameScalar(scalars[j]) else {
                    j += 1
                    continue
                }
                let a = j
                while j < scalars.count, isNameScalar(scalars[j]) { j += 1 }
                let key = String(String.UnicodeScalarView(scalars[a..<j])).lowercased()
                while j < scalars.count, scalars[j] == " " { j += 1 }
                var value = ""
                if j < scalars.count, scalars[j] == "=" {
                    j += 1
                    while j < scalars.count, scalars[j] == " " { j += 1 }
                    if j < scalars.count, scalars[j] == "\"" || scalars[j] == "'" {
                        let quote = scalars[j]
                        let v = j + 1
                        j = v
                        while j < scalars.count, scalars[j] != quote { j += 1 }
                        value = String(String.UnicodeScalarView(scalars[v..<min(j, scalars.count)]))
                        j += 1
                    } else {
                        let v = j
                        while j < scalars.count, scalars[j] != ">", scalars[j] != " " { j += 1 }
                        value = String(String.UnicodeScalarView(scalars[v..<j]))
                    }
                }
                selfClosing = false
                attributes[key] = value
            }
            i = min(j + 1, scalars.count)
            textStart = i
            if closing {
                _ = body(.end(name: name))
            } else if let skip = body(.start(name: name, attributes: attributes, selfClosing: selfClosing)),
                !selfClosing
            {
                // Raw content (script, style): jump to its end tag.
                i = findEndTag(skip, from: i)
                textStart = i
                _ = body(.end(name: name))
            }
        }
        flushText(scalars.count)
    }

    private func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || ("0"..."9").contains(c) || c == ":" || c == "-" || c == "_" || c == "."
    }

    private func starts(with s: String, at k: Int? = nil) -> Bool {
        var p = k ?? i
        for c in s.unicodeScalars {
            guard p < scalars.count, scalars[p] == c else { return false }
            p += 1
        }
        return true
    }

    private func find(_ s: String, from k: Int) -> Int? {
        var p = k
        while p < scalars.count {
            if scalars[p] == s.unicodeScalars.first!, starts(with: s, at: p) { return p }
            p += 1
        }
        return nil
    }

    /// The index after the end tag `</name>` that closes raw content starting at `k` (the end, if none).
    private func findEndTag(_ name: String, from k: Int) -> Int {
        var p = k
        while let lt = find("</", from: p) {
            var q = lt + 2
            let a = q
            while q < scalars.count, isNameScalar(scalars[q]) { q += 1 }
            if String(String.UnicodeScalarView(scalars[a..<q])).lowercased() == name {
                let close = find(">", from: q) ?? scalars.count - 1
                return min(close + 1, scalars.count)
            }
            p = lt + 2
        }
        return scalars.count
    }

    /// `&amp;`, `&#7871;`, `&#x1EBF;`, `&nbsp;` and the other entities pages use, decoded; unknown ones kept.
    static func decodeEntities<S: Sequence>(_ text: S) -> String where S.Element == Unicode.Scalar {
        let input = Array(text)
        var out = String.UnicodeScalarView()
        var k = 0
        while k < input.count {
            guard input[k] == "&", let semicolon = input[(k + 1)..<min(input.count, k + 12)].firstIndex(of: ";") else {
                out.append(input[k])
                k += 1
                continue
            }
            let name = String(String.UnicodeScalarView(input[(k + 1)..<semicolon]))
            var decoded: Unicode.Scalar?
            if name.hasPrefix("#x") || name.hasPrefix("#X") {
                decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
            } else if name.hasPrefix("#") {
                decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
            } else {
                decoded = named[name]
            }
            if let decoded {
                out.append(decoded)
                k = semicolon + 1
            } else {
                out.append(input[k])
                k += 1
            }
        }
        return String(out)
    }

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "ndash": "\u{2013}",
        "mdash": "\u{2014}", "hellip": "\u{2026}", "laquo": "\u{00AB}", "raquo": "\u{00BB}", "ldquo": "\u{201C}",
        "rdquo": "\u{201D}", "lsquo": "\u{2018}", "rsquo": "\u{2019}", "bull": "\u{2022}", "middot": "\u{00B7}",
        "copy": "\u{00A9}", "reg": "\u{00AE}", "deg": "\u{00B0}", "times": "\u{00D7}",
    ]
}

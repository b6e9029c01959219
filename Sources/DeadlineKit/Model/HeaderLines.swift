/// Request headers for a webhook, as a `headers_file` holds them: one `Name: value` per line, like `curl -H @file`.
/// Blank lines and lines starting with `#` are skipped; a trailing CR (a file saved on Windows) is dropped.
///
/// The values are secrets (API keys, `Authorization`): no message here ever quotes one.
package enum HeaderLines {
    /// One header of the file.
    package struct Header: Sendable, Hashable {
        package let name: String
        package let value: String
        /// 1-based line in the file.
        package let line: Int
    }

    /// A problem at a line and column (1-based) of the file.
    package struct Problem: Sendable, Hashable, CustomStringConvertible {
        package let line: Int
        package let column: Int
        /// What is wrong, with its catalog entry (`diagnostic.header…`).
        package let message: Phrase
        package var description: String { "\(line):\(column): \(message)" }
    }

    /// The headers of `text` and every problem found, in line order.
    package static func parse(_ text: String) -> (headers: [Header], problems: [Problem]) {
        var headers: [Header] = []
        var problems: [Problem] = []
        var seen: [String: Int] = [:]
        var number = 0
        // "\r\n" is one Character in Swift: split on it as well as on "\n".
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let content = line.drop { $0 == " " || $0 == "\t" }
            if content.isEmpty || content.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                let message = Phrase("expected 'Name: value' (the line has no ':')", "diagnostic.headerLineNoColon")
                problems.append(Problem(line: number, column: 1, message: message))
                continue
            }
            let name = String(line[..<colon])
            let value = line[line.index(after: colon)...].trimmingSpaces
            if let problem = nameProblem(name) {
                problems.append(Problem(line: number, column: 1, message: problem))
                continue
            }
            if !isValidValue(value) {
                let message = Phrase(
                    "the value of header '\(name)' contains a control character; write it on one line",
                    "diagnostic.headerLineControl", ["name": name])
                problems.append(Problem(line: number, column: name.count + 2, message: message))
                continue
            }
            if let first = seen[name.lowercased()] {
                let message = Phrase(
                    "header '\(name)' is given twice (first on line \(first)); keep one", "diagnostic.headerLineTwice",
                    ["name": name, "line": String(first)])
                problems.append(Problem(line: number, column: 1, message: message))
                continue
            }
            seen[name.lowercased()] = number
            headers.append(Header(name: name, value: value, line: number))
        }
        return (headers, problems)
    }

    /// Why `name` cannot be a header of ours, or nil: it must be an RFC 9110 token, and not one that deadlined or
    /// libcurl sets (``isReserved(_:)``).
    package static func nameProblem(_ name: String) -> Phrase? {
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(isTokenScalar) else {
            // Quoted only when printable: a name with a line break in it may be a value pasted in the wrong place.
            guard name.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) else {
                return Phrase(
                    "a header name may use only letters, digits and !#$%&'*+-.^_`|~", "diagnostic.headerNameLetters")
            }
            return Phrase(
                "the header name '\(name)' may use only letters, digits and !#$%&'*+-.^_`|~",
                "diagnostic.headerNameLettersNamed", ["name": name])
        }
        if isReserved(name) {
            return Phrase(
                "'\(name)' is set by deadlined itself (\(reservedDescription)); remove it", "diagnostic.headerReserved",
                ["name": name, "reserved": reservedDescription])
        }
        return nil
    }

    /// Headers deadlined or libcurl sets on every request, which a configuration may not set or override:
    /// `Content-Type`, `Content-Length`, `Host`, `Transfer-Encoding`, `Expect`, `Connection` and the other hop-by-hop
    /// headers, and every `webhook-*` header (Standard Webhooks' id, timestamp and signature).
    package static func isReserved(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return reserved.contains(lowered) || lowered.hasPrefix("webhook-")
    }

    static let reserved: Set<String> = [
        "content-type", "content-length", "content-encoding", "host", "transfer-encoding", "expect", "connection",
        "keep-alive", "upgrade", "te", "trailer", "proxy-connection",
    ]

    static let reservedDescription =
        "Content-Type, Content-Length, Host, Transfer-Encoding, Expect, Connection, webhook-*"

    /// A header value: one line, no control characters but tab.
    package static func isValidValue(_ value: some StringProtocol) -> Bool {
        value.unicodeScalars.allSatisfy { ($0.value >= 0x20 && $0.value != 0x7F) || $0 == "\t" }
    }

    static func isTokenScalar(_ s: Unicode.Scalar) -> Bool {
        s.isASCIILetter || s.asciiDigit != nil || "!#$%&'*+-.^_`|~".unicodeScalars.contains(s)
    }
}

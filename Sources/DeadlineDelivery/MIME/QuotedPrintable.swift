/// RFC 2045 §6.7 quoted-printable for text bodies.
///
/// Line breaks in the input (`\n`, `\r\n` or a lone `\r`) become CRLF hard breaks; every output line is at most
/// 76 characters, soft-broken with `=` between whole UTF-8 sequences (never inside `=E1=BA=AF`); `=`, control
/// characters and non-ASCII bytes are escaped, as are a space or tab at the end of a line. A line starting with
/// `.` stays as it is: libcurl dot-stuffs it on the way out.
enum QuotedPrintable {
    /// The longest encoded line, soft break included.
    static let lineLimit = 76

    /// The encoded text, its lines joined by CRLF. It ends with CRLF only if `text` ends with a line break:
    /// in a multipart body the CRLF before the next boundary belongs to the boundary, so the text round-trips.
    static func encode(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count * 2)
            // Lines end at `\r\n`, a lone `\n` or a lone `\r` (the same breaks as splitting into Characters: line
            // breaks are always Characters of their own). Each line is encoded in place, from the text's bytes.
            var lineStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 10 || byte == 13 else {
                    index += 1
                    continue
                }
                encodeLine(UnsafeBufferPointer(rebasing: bytes[lineStart..<index]), into: &output)
                output.append(13)
                output.append(10)
                index += byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10 ? 2 : 1
                lineStart = index
            }
            encodeLine(UnsafeBufferPointer(rebasing: bytes[lineStart..<bytes.count]), into: &output)
            return String(decoding: output, as: UTF8.self)
        }
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    private static func encodeLine(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        // Whole UTF-8 sequences are written literally or escaped; soft breaks fall between sequences. Each
        // sequence's width is known before it is written, so nothing is built on the side.
        var lineLength = 0
        var index = 0
        while index < bytes.count {
            let length = sequenceLength(bytes, at: index)
            let end = index + length
            let isLast = end == bytes.count
            var width = 0
            for position in index..<end { width += isLiteral(bytes[position], atEnd: isLast) ? 1 : 3 }
            let room = isLast ? lineLimit : lineLimit - 1
            if lineLength > 0, lineLength + width > room {
                output.append(UInt8(ascii: "="))
                output.append(13)
                output.append(10)
                lineLength = 0
            }
            for position in index..<end {
                let byte = bytes[position]
                if isLiteral(byte, atEnd: isLast) {
                    output.append(byte)
                } else {
                    output.append(UInt8(ascii: "="))
                    output.append(hex[Int(byte >> 4)])
                    output.append(hex[Int(byte & 15)])
                }
            }
            lineLength += width
            index = end
        }
    }

    /// Printable ASCII other than `=`, and a space or tab that does not end the line.
    @inline(__always)
    private static func isLiteral(_ byte: UInt8, atEnd: Bool) -> Bool {
        (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 32 || byte == 9) && !atEnd)
    }

    /// The length of the UTF-8 sequence starting at `index` (1 for ASCII or a malformed byte).
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let expected: Int
        switch lead {
        case 0xC2...0xDF: expected = 2
        case 0xE0...0xEF: expected = 3
        case 0xF0...0xF4: expected = 4
        default: return 1
        }
        guard index + expected <= bytes.count,
            bytes[(index + 1)..<(index + expected)].allSatisfy({ $0 & 0xC0 == 0x80 })
        else { return 1 }
        return expected
    }
}

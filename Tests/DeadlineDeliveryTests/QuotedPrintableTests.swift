import Testing

@testable import DeadlineDelivery

@Suite("Quoted-printable and base64 bodies")
struct QuotedPrintableTests {
    @Test(
        "encodes exactly",
        arguments: [
            ("plain ASCII", "plain ASCII"),
            ("a=b", "a=3Db"),
            ("Nhắc hạn", "Nh=E1=BA=AFc h=E1=BA=A1n"),
            ("trailing space ", "trailing space=20"),
            ("tab\t", "tab=09"),
            ("line one\nline two\r\nline three\rend", "line one\r\nline two\r\nline three\r\nend"),
            ("ends with newline\n", "ends with newline\r\n"),
            (".starts with a dot", ".starts with a dot"),
            ("bell\u{07}", "bell=07"),
        ])
    func exact(input: String, expected: String) {
        #expect(QuotedPrintable.encode(input) == expected)
    }

    @Test("soft breaks keep lines within 76 characters and never split an escaped UTF-8 sequence")
    func softBreaks() {
        let text = String(repeating: "Hạn chót nộp báo cáo tổng kết năm ", count: 10)
        let encoded = QuotedPrintable.encode(text)
        let lines = encoded.split(separator: "\r\n", omittingEmptySubsequences: false)
        #expect(lines.count > 5)
        for line in lines {
            #expect(line.utf8.count <= 76)
            // A soft-broken line ends in "=" preceded by a complete escape or a literal, never "=E1=BA=".
            if line.hasSuffix("=") {
                let body = line.dropLast()
                #expect(!body.hasSuffix("=E1") && !body.hasSuffix("=BA") && !body.hasSuffix("=BB"))
            }
        }
        #expect(decodeQP(encoded) == Array(text.utf8))
    }

    @Test("a 76-character line needs no soft break; 77 gets one")
    func boundary() {
        #expect(QuotedPrintable.encode(String(repeating: "a", count: 76)) == String(repeating: "a", count: 76))
        #expect(
            QuotedPrintable.encode(String(repeating: "a", count: 77))
                == String(repeating: "a", count: 75) + "=\r\n" + "aa")
    }

    @Test("base64 matches RFC 4648 test vectors and round-trips")
    func base64Vectors() {
        let vectors = [
            ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ]
        for (plain, encoded) in vectors {
            #expect(Base64.encode(Array(plain.utf8)) == encoded)
            #expect(Base64.decode(encoded) == Array(plain.utf8))
        }
        #expect(Base64.decode("Zm9vYg") == Array("foob".utf8))
        #expect(Base64.decode("Zm9v!") == nil)
        #expect(Base64.decode("Z") == nil)
        let lines = Base64.encodeLines([UInt8](repeating: 0xAB, count: 200))
        #expect(lines.split(separator: "\r\n").allSatisfy { $0.utf8.count <= 76 })
    }

    /// A small independent decoder for the round-trip check.
    private func decodeQP(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        let input = Array(text.utf8)
        var index = 0
        while index < input.count {
            if input[index] == UInt8(ascii: "=") {
                if index + 2 < input.count, input[index + 1] == 13, input[index + 2] == 10 {
                    index += 3
                    continue
                }
                let hex = String(decoding: input[(index + 1)...(index + 2)], as: UTF8.self)
                bytes.append(UInt8(hex, radix: 16)!)
                index += 3
            } else {
                bytes.append(input[index])
                index += 1
            }
        }
        return bytes
    }
}

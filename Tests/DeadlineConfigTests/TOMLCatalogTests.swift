import DeadlineConfig
import DeadlineKit
import DeadlineService
import Testing

/// The ids of a message and of every part said inside it.
private func ids(_ message: CatalogMessage) -> Set<String> {
    message.parts.values.reduce([message.id]) { $0.union(ids($1)) }
}

@Suite("check: every TOML syntax error is said from the catalog, its English the logged message")
struct TOMLCatalogTests {
    /// A broken file for each message of the TOML reader, with the catalog entry it must produce.
    static let cases: [(toml: String, id: String)] =
        [
            ("a = 1\rb = 2", "loneCarriageReturn"),
            ("[a] b = 1", "afterHeader"),
            ("a = 1 b = 2", "afterValue"),
            ("# a\u{7}b", "controlInComment"),
            ("[]", "missingTableName"),
            ("[[a]", "arrayHeaderEnd"),
            ("[[a] ]", "arrayHeaderSpaced"),
            ("[a = 1]", "headerWithEquals"),
            ("[a b]", "headerNotClosed"),
            ("[a", "endOfFile"),
            ("a\n", "equalsAtEndOfLine"),
            ("a b = 1", "expectedEquals"),
            ("a.", "keyAfterDot"),
            ("[", "keyMissing"),
            ("\"\"\"a\"\"\" = 1", "multiLineKey"),
            ("sở = 1", "bareKeyLetters"),
            ("a.= 1", "equalsAfterDot"),
            ("= 1", "keyBeforeEquals"),
            ("a..b = 1", "twoDots"),
            (".a = 1", "leadingDot"),
            ("a.@ = 1", "keyAfterDotFound"),
            ("a.\nb = 1", "endOfLine"),
            ("[@]", "keyFound"),
            ("a =\n", "missingValue"),
            ("a = [@]", "expectedValue"),
            ("a = .5", "numberAfterDot"),
            ("a = True", "lowercaseBoolean"),
            ("a = True", "invalid"),
            ("a = Inf", "lowercaseInfNaN"),
            ("a = hello", "quoteText"),
            ("a = hello", "kindValue"),
            ("a = [1, 2\nb = 1", "unterminatedArray"),
            ("a = [1 2]", "arrayComma"),
            ("a = [1 @]", "afterArrayElement"),
            ("a = {b = 1,}", "inlineLastComma"),
            ("a = {b = 1 c = 2}", "inlineComma"),
            ("a = {b = 1 @}", "afterInlineValue"),
            ("a = {b = 1", "unterminatedInlineTable"),
            ("a = " + String(repeating: "[", count: 130) + String(repeating: "]", count: 130), "valuesTooDeep"),
            ("[" + Array(repeating: "a", count: 130).joined(separator: ".") + "]", "tablesTooDeep"),
            ("a = \"abc", "unterminatedString"),
            ("a = 'abc", "unterminatedLiteralString"),
            ("a = \"\"\"abc", "unterminatedMultiLine"),
            ("a = '''x''''''", "tooManyQuotes"),
            ("a = \"\"\"x\"\"\"\"\"\"", "tooManyQuotesEscape"),
            ("a = \"x\\\n", "loneBackslash"),
            ("a = \"\\q\"", "invalidEscape"),
            ("a = \"\\u12\"", "unicodeEscapeDigits"),
            ("a = \"\\uD800\"", "notUnicode"),
            ("a = \"\u{7}\"", "controlInString"),
            ("a = '\u{7}'", "controlInLiteralString"),
            ("a = \"\"\"\u{7}\"\"\"", "controlInMultiLineString"),
            ("a = '''\u{7}'''", "controlInMultiLineLiteral"),
            ("a = +0x1", "hexadecimalSign"),
            ("a = -0o1", "octalSign"),
            ("a = +0b1", "binarySign"),
            ("a = 0xZ", "kindHexadecimal"),
            ("a = 0xZ", "notADigit"),
            ("a = 0o8", "kindOctal"),
            ("a = 0b2", "kindBinary"),
            ("a = +", "startWithDigit"),
            ("a = 01", "leadingZeros"),
            ("a = 7.", "decimalPoint"),
            ("a = 1e", "exponent"),
            ("a = 1.2.3", "invalidNumber"),
            ("a = 1e999", "floatTooLarge"),
            ("a = 0x", "digitsMissing"),
            ("a = 1__0", "underscore"),
            ("a = 1__0", "kindNumber"),
            ("a = 9223372036854775808", "integerRange"),
            ("a = 1-2", "dateForm"),
            ("a = 1-2", "kindDate"),
            ("a = 08:30", "timeForm"),
            ("a = 08:30", "kindTime"),
            ("a = 2024-12-10T08:30", "dateTimeForm"),
            ("a = 2024-12-10T08:30", "kindDateTime"),
            ("a = 08:30:00.", "fractionDigits"),
            ("a = 24:00:00", "hourRange"),
            ("a = 08:60:00", "minuteRange"),
            ("a = 08:30:61", "secondRange"),
            ("a = 2024-12-10T08:30:00+7", "offsetForm"),
            ("a = 2024-12-10T08:30:00+24:00", "offsetRange"),
            ("a = 0000-01-01", "yearRange"),
            ("a = 2024-13-01", "monthRange"),
            ("a = 2024-12-00", "dayRange"),
            ("a = 2024-02-30", "monthDays"),
            ("a.b = 1\n[a]", "tableByDottedKey"),
            ("[a]\n[a]", "tableTwice"),
            ("[[a]]\n[a]", "tableIsArray"),
            ("[a]\n[[a]]", "arrayIsTable"),
            ("a = []\n[[a]]", "arrayWithEquals"),
            ("[a.b]\n[a]\nb.c = 1", "dottedIntoHeader"),
            ("[[x.a]]\n[x]\na.b = 1", "dottedIntoArray"),
            ("a = 1\na = 2", "duplicateKey"),
            ("a = 1\n[a]", "defineTable"),
            ("a = 1\n[a]", "alreadyValue"),
            ("a = 1\n[a]", "anInteger"),
            ("a = 1\n[[a]]", "defineArrayOfTables"),
            ("a = 1\na.b = 2", "useDottedKey"),
            ("a = {}\n[a]", "extendInline"),
            ("a = 's'\n[a]", "aString"),
            ("a = 1.5\n[a]", "aFloat"),
            ("a = true\n[a]", "aBoolean"),
            ("a = 2024-01-01\n[a]", "aDate"),
            ("a = 08:00:00\n[a]", "aTime"),
            ("a = 2024-01-01T08:00:00\n[a]", "aDateTime"),
            ("a = [1]\n[a]", "anArray"),
            ("a = @", "character"),
        ] + (1...12).map { ("m = 2023-\($0 < 10 ? "0" : "")\($0)-32", "month\($0)") }

    /// Entries no input reaches: `aTable` names a table in DeadlineConfig's own checks (an inline table is
    /// `extendInline`), `invalidCharacter`, `invalidDate` and `expectedKeyOrHeader` are the reader's fallbacks.
    static let unreachable: Set<String> = ["aTable", "invalidCharacter", "invalidDate", "expectedKeyOrHeader"]

    @Test("each broken file says its entry, in English as logged and in Vietnamese")
    func eachError() {
        for (toml, id) in Self.cases {
            let diagnostics = TOMLReader.parse(toml, file: "t.toml").diagnostics
            expectSaidByCatalog(diagnostics)
            let said = diagnostics.compactMap(\.catalogMessage).reduce(Set<String>()) { $0.union(ids($1)) }
            #expect(said.contains("toml." + id), "\(toml.debugDescription): \(diagnostics.map(\.message))")
        }
    }

    @Test("every entry of the toml area is produced by some broken file")
    func everyEntry() {
        // `notUTF8` needs bytes rather than text: see notUTF8() below.
        let covered = Set(Self.cases.map { "toml." + $0.id } + ["toml.notUTF8"])
        let entries = Set(TOMLText.allCases.map(\.id)).subtracting(Self.unreachable.map { "toml." + $0 })
        #expect(entries.subtracting(covered).isEmpty, "no case for \(entries.subtracting(covered).sorted())")
    }

    @Test("a file that is not UTF-8 says so from the catalog")
    func notUTF8() {
        let diagnostics = TOMLReader.parse(
            utf8: Array("a = \"".utf8) + [0xC3, 0x28] + Array("\"\n".utf8), file: "t.toml"
        )
        .diagnostics
        expectSaidByCatalog(diagnostics)
        #expect(diagnostics.first?.catalogMessage?.id == "toml.notUTF8")
    }

    @Test(
        "in Vietnamese: TOML syntax, keys and values stay as written",
        arguments: [
            ("a = True", "t.toml:1:5: lỗi: giá trị 'True' không hợp lệ: hãy viết true hoặc false bằng chữ thường"),
            ("a = 2024-02-30", "t.toml:1:5: lỗi: ngày '2024-02-30' không hợp lệ: tháng 2 năm 2024 chỉ có 29 ngày"),
            (
                "[a] b = 1",
                "t.toml:1:5: lỗi: sau tiêu đề bảng [a] phải xuống dòng, nhưng gặp ký tự 'b'; tiêu đề bảng phải nằm trên một dòng riêng"
            ),
            ("a = 1\n[a]", "t.toml:2:2: lỗi: không thể khai báo bảng [a]: 'a' đã là một số nguyên (khai báo ở dòng 1)"),
            (
                "a = \"\\q\"",
                "t.toml:1:6: lỗi: dãy thoát '\\q' không hợp lệ; muốn viết chính dấu \\, hãy dùng \\\\ hoặc đặt chuỗi trong dấu nháy đơn"
            ),
        ])
    func vietnamese(_ toml: String, _ expected: String) {
        let said = TOMLReader.parse(toml, file: "t.toml").diagnostics.map { Catalog(.vi).diagnostic($0) }
        #expect(said == [expected])
    }
}

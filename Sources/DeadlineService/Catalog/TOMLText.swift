/// What `check` says when a configuration file is not valid TOML, and the names of TOML's types in messages
/// (DeadlineConfig's TOML reader names these entries as `toml.ID`).
///
/// The English of each entry is the diagnostic's message, which the daemon logs (`CatalogDiagnosticTests`). TOML
/// syntax, keys and values stay as written in both languages.
package enum TOMLText: String, CatalogEntry {
    // The names of TOML's types in messages (`found a string`)
    case aString, anInteger, aFloat, aBoolean, aDate, aTime, aDateTime, anArray, aTable
    // What the reader found where it expected something else
    case character, endOfFile, endOfLine, invalidCharacter
    // Lines, headers and keys (TOMLReader, TOMLParser)
    case notUTF8, loneCarriageReturn, afterHeader, afterValue, expectedKeyOrHeader, controlInComment
    case missingTableName, arrayHeaderEnd, arrayHeaderSpaced, headerWithEquals, headerNotClosed, equalsAtEndOfLine
    case expectedEquals, keyAfterDot, keyMissing, multiLineKey, bareKeyLetters, equalsAfterDot, keyBeforeEquals
    case twoDots, leadingDot, keyAfterDotFound, keyFound
    // Values, arrays and inline tables (TOMLParser+Values)
    case missingValue, expectedValue, numberAfterDot, invalid, kindValue, kindNumber, kindHexadecimal, kindOctal
    case kindBinary, kindDate, kindTime, kindDateTime, lowercaseBoolean, lowercaseInfNaN, quoteText
    case unterminatedArray, arrayComma, afterArrayElement, inlineLastComma, inlineComma, afterInlineValue
    case unterminatedInlineTable, valuesTooDeep
    // Strings (TOMLParser+Strings)
    case unterminatedString, unterminatedLiteralString, unterminatedMultiLine, tooManyQuotes, tooManyQuotesEscape
    case loneBackslash, invalidEscape, unicodeEscapeDigits, notUnicode, controlInString, controlInLiteralString
    case controlInMultiLineString, controlInMultiLineLiteral
    // Numbers (TOMLNumberLiteral)
    case hexadecimalSign, octalSign, binarySign, startWithDigit, leadingZeros, decimalPoint, exponent, invalidNumber
    case floatTooLarge, digitsMissing, underscore, notADigit, integerRange
    // Dates and times (TOMLDateTimeLiteral)
    case dateForm, timeForm, dateTimeForm, fractionDigits, hourRange, minuteRange, secondRange, offsetForm
    case offsetRange, invalidDate, yearRange, monthRange, dayRange, monthDays, month1, month2, month3, month4, month5
    case month6, month7, month8, month9, month10, month11, month12
    // What a header or key may add to the tables read so far (TOMLTreeRules)
    case tableByDottedKey, tableTwice, tableIsArray, arrayIsTable, arrayWithEquals, dottedIntoHeader, dottedIntoArray
    case duplicateKey, defineTable, defineArrayOfTables, useDottedKey, extendInline, alreadyValue, tablesTooDeep

    package static let area = "toml"

    package var texts: Bilingual {
        switch self {
        case .aString: Bilingual(vi: "một chuỗi", en: "a string")
        case .anInteger: Bilingual(vi: "một số nguyên", en: "an integer")
        case .aFloat: Bilingual(vi: "một số thực", en: "a float")
        case .aBoolean: Bilingual(vi: "một giá trị true/false", en: "a boolean")
        case .aDate: Bilingual(vi: "một ngày", en: "a date")
        case .aTime: Bilingual(vi: "một giờ", en: "a time")
        case .aDateTime: Bilingual(vi: "một ngày giờ", en: "a date-time")
        case .anArray: Bilingual(vi: "một mảng", en: "an array")
        case .aTable: Bilingual(vi: "một bảng", en: "a table")
        case .character: Bilingual(vi: "ký tự {character}", en: "{character}")
        case .endOfFile: Bilingual(vi: "cuối tệp", en: "the end of the file")
        case .endOfLine: Bilingual(vi: "cuối dòng", en: "the end of the line")
        case .invalidCharacter: Bilingual(vi: "một ký tự không hợp lệ", en: "an invalid character")
        case .notUTF8:
            Bilingual(
                vi: "dòng này không phải văn bản UTF-8 hợp lệ; hãy lưu tệp với bảng mã UTF-8",
                en: "this line is not valid UTF-8; save the file with the UTF-8 encoding")
        case .loneCarriageReturn:
            Bilingual(
                vi: "ký tự về đầu dòng (U+000D) phải có ký tự xuống dòng theo sau",
                en: "a carriage return (U+000D) must be followed by a line feed")
        case .afterHeader:
            Bilingual(
                vi:
                    "sau tiêu đề bảng {header} phải xuống dòng, nhưng gặp {found}; tiêu đề bảng phải nằm trên một dòng riêng",
                en:
                    "expected the end of the line after the header {header}, found {found}; a header goes on a line of its own"
            )
        case .afterValue:
            Bilingual(
                vi:
                    "sau giá trị của '{key}' phải xuống dòng, nhưng gặp {found}; hãy viết mỗi khóa = giá trị trên một dòng riêng",
                en:
                    "expected the end of the line after the value of '{key}', found {found}; put each key = value on its own line"
            )
        case .expectedKeyOrHeader:
            Bilingual(
                vi: "cần một khóa hoặc một tiêu đề [bảng], nhưng gặp {found}",
                en: "expected a key or a [table] header, found {found}")
        case .controlInComment:
            Bilingual(
                vi: "không được dùng ký tự điều khiển {character} trong chú thích",
                en: "control character {character} is not allowed in a comment")
        case .missingTableName:
            Bilingual(vi: "thiếu tên bảng giữa '{open}' và ']'", en: "missing table name between '{open}' and ']'")
        case .arrayHeaderEnd:
            Bilingual(vi: "tiêu đề [[{key}]] phải kết thúc bằng ']]'", en: "the header [[{key}]] must end with ']]'")
        case .arrayHeaderSpaced:
            Bilingual(
                vi: "tiêu đề [[{key}]] phải kết thúc bằng ']]', không có dấu cách giữa hai dấu ngoặc",
                en: "the header [[{key}]] must end with ']]', without a space between the brackets")
        case .headerWithEquals:
            Bilingual(
                vi: "tiêu đề bảng không được chứa '='; hãy viết [{key}] trên một dòng riêng",
                en: "a table header cannot contain '='; write [{key}] on its own line")
        case .headerNotClosed:
            Bilingual(
                vi: "cần '{close}' để đóng tiêu đề {header}, nhưng gặp {found}",
                en: "expected '{close}' to close the header {header}, found {found}")
        case .equalsAtEndOfLine:
            Bilingual(
                vi: "thiếu '=' sau khóa '{key}' (khóa, dấu '=' và giá trị phải nằm trên cùng một dòng)",
                en: "expected '=' after key '{key}' (the key, '=' and value go on one line)")
        case .expectedEquals:
            Bilingual(
                vi: "cần '=' sau khóa '{key}', nhưng gặp {found}",
                en: "expected '=' after key '{key}', found {found}")
        case .keyAfterDot: Bilingual(vi: "thiếu khóa sau dấu '.'", en: "expected a key after '.'")
        case .keyMissing: Bilingual(vi: "thiếu khóa", en: "expected a key")
        case .multiLineKey:
            Bilingual(vi: "khóa không được là chuỗi nhiều dòng", en: "a key cannot be a multi-line string")
        case .bareKeyLetters:
            Bilingual(
                vi:
                    "khóa '{key}' phải đặt trong dấu ngoặc kép (\"{key}\"): khóa không có dấu ngoặc kép chỉ được chứa chữ cái A-Z và a-z, chữ số, '_' và '-'",
                en:
                    "the key '{key}' must be in quotes (\"{key}\"): a key without quotes may only contain the letters A-Z and a-z, digits, '_' and '-'"
            )
        case .equalsAfterDot:
            Bilingual(vi: "cần một khóa sau dấu '.', nhưng gặp '='", en: "expected a key after '.', found '='")
        case .keyBeforeEquals: Bilingual(vi: "thiếu khóa trước dấu '='", en: "missing key before '='")
        case .twoDots: Bilingual(vi: "khóa có hai dấu chấm liền nhau", en: "two dots in a row in a key")
        case .leadingDot: Bilingual(vi: "khóa không được bắt đầu bằng dấu '.'", en: "a key cannot start with '.'")
        case .keyAfterDotFound:
            Bilingual(vi: "cần một khóa sau dấu '.', nhưng gặp {found}", en: "expected a key after '.', found {found}")
        case .keyFound: Bilingual(vi: "cần một khóa, nhưng gặp {found}", en: "expected a key, found {found}")
        case .missingValue: Bilingual(vi: "khóa '{key}' chưa có giá trị", en: "missing value for key '{key}'")
        case .expectedValue: Bilingual(vi: "cần một giá trị, nhưng gặp {found}", en: "expected a value, found {found}")
        case .numberAfterDot:
            Bilingual(
                vi: "số không được bắt đầu bằng dấu '.'; hãy thêm số 0 phía trước, ví dụ 0.5",
                en: "a number cannot start with '.'; write a 0 before it, as in 0.5")
        case .invalid: Bilingual(vi: "{kind} '{text}' không hợp lệ: {reason}", en: "invalid {kind} '{text}': {reason}")
        case .kindValue: Bilingual(vi: "giá trị", en: "value")
        case .kindNumber: Bilingual(vi: "số", en: "number")
        case .kindHexadecimal: Bilingual(vi: "số thập lục phân", en: "hexadecimal number")
        case .kindOctal: Bilingual(vi: "số bát phân", en: "octal number")
        case .kindBinary: Bilingual(vi: "số nhị phân", en: "binary number")
        case .kindDate: Bilingual(vi: "ngày", en: "date")
        case .kindTime: Bilingual(vi: "giờ", en: "time")
        case .kindDateTime: Bilingual(vi: "ngày giờ", en: "date-time")
        case .lowercaseBoolean:
            Bilingual(vi: "hãy viết true hoặc false bằng chữ thường", en: "write true or false in lowercase")
        case .lowercaseInfNaN:
            Bilingual(vi: "hãy viết inf hoặc nan bằng chữ thường", en: "write inf or nan in lowercase")
        case .quoteText:
            Bilingual(
                vi: "chuỗi ký tự phải đặt trong dấu ngoặc kép, ví dụ \"{text}\"",
                en: "text must be in double quotes, as in \"{text}\"")
        case .unterminatedArray:
            Bilingual(vi: "mảng chưa được đóng (thiếu ']')", en: "unterminated array (missing ']')")
        case .arrayComma:
            Bilingual(
                vi: "thiếu dấu ',' giữa hai phần tử của mảng",
                en: "missing ',' between two elements of the array")
        case .afterArrayElement:
            Bilingual(
                vi: "sau một phần tử của mảng bắt đầu ở dòng {line} cần ',' hoặc ']', nhưng gặp {found}",
                en: "expected ',' or ']' after an element of the array that starts at line {line}, found {found}")
        case .inlineLastComma:
            Bilingual(
                vi: "bảng trong ngoặc nhọn { } không được có dấu ',' sau giá trị cuối cùng",
                en: "an inline table cannot have a comma after its last value")
        case .inlineComma:
            Bilingual(
                vi: "thiếu dấu ',' giữa hai khóa của bảng trong ngoặc nhọn { }",
                en: "missing ',' between two keys of the inline table")
        case .afterInlineValue:
            Bilingual(
                vi: "trong bảng { } cần ',' hoặc '}', nhưng gặp {found}",
                en: "expected ',' or '}' in the inline table, found {found}")
        case .unterminatedInlineTable:
            Bilingual(
                vi:
                    "bảng trong ngoặc nhọn chưa được đóng (thiếu '}'): bảng { } phải viết trên một dòng; bảng dài hơn hãy viết dưới một tiêu đề [bảng]",
                en:
                    "unterminated inline table (missing '}'): an inline table must be on one line; for a longer table use a [table] header"
            )
        case .valuesTooDeep:
            Bilingual(
                vi: "mảng và bảng lồng nhau quá {levels} cấp",
                en: "arrays and tables are nested more than {levels} levels deep")
        case .unterminatedString:
            Bilingual(
                vi: "chuỗi chưa được đóng (chuỗi phải kết thúc bằng dấu \" trên cùng dòng)",
                en: "unterminated string (a string must end with \" on the same line)")
        case .unterminatedLiteralString:
            Bilingual(
                vi: "chuỗi chưa được đóng (chuỗi phải kết thúc bằng dấu ' trên cùng dòng)",
                en: "unterminated string (a string must end with ' on the same line)")
        case .unterminatedMultiLine:
            Bilingual(
                vi: "chuỗi nhiều dòng chưa được đóng (thiếu {delimiter} ở cuối)",
                en: "unterminated multi-line string (missing the closing {delimiter})")
        case .tooManyQuotes:
            Bilingual(
                vi:
                    "chuỗi nhiều dòng có quá nhiều dấu nháy liền nhau: chỉ được viết tối đa hai dấu trước {delimiter} đóng chuỗi",
                en: "too many quotes in a row in a multi-line string: write at most two before the closing {delimiter}")
        case .tooManyQuotesEscape:
            Bilingual(
                vi:
                    "chuỗi nhiều dòng có quá nhiều dấu nháy liền nhau: chỉ được viết tối đa hai dấu trước {delimiter} đóng chuỗi, hoặc viết chúng thành \\\"",
                en:
                    "too many quotes in a row in a multi-line string: write at most two before the closing {delimiter}, or escape them as \\\""
            )
        case .loneBackslash:
            Bilingual(
                vi: "sau dấu \\ phải là một dãy thoát như \\n hoặc \\\\",
                en: "a backslash must be followed by an escape such as \\n or \\\\")
        case .invalidEscape:
            Bilingual(
                vi:
                    "dãy thoát '{escape}' không hợp lệ; muốn viết chính dấu \\, hãy dùng \\\\ hoặc đặt chuỗi trong dấu nháy đơn",
                en:
                    "invalid escape sequence '{escape}'; to write a backslash itself, use \\\\ or put the text in single quotes"
            )
        case .unicodeEscapeDigits:
            Bilingual(
                vi:
                    "sau {escape} phải có {count} chữ số thập lục phân; muốn viết chính dấu \\, hãy dùng \\\\ hoặc đặt chuỗi trong dấu nháy đơn",
                en:
                    "{escape} must be followed by {count} hexadecimal digits; to write a backslash itself, use \\\\ or put the text in single quotes"
            )
        case .notUnicode:
            Bilingual(
                vi: "'{escape}' không phải một ký tự Unicode hợp lệ",
                en: "'{escape}' is not a valid Unicode character")
        case .controlInString:
            Bilingual(
                vi: "không được dùng ký tự điều khiển {character} trong chuỗi; hãy viết thành \\u{code}",
                en: "control character {character} is not allowed in a string; write it as \\u{code}")
        case .controlInLiteralString:
            Bilingual(
                vi: "không được dùng ký tự điều khiển {character} trong chuỗi nháy đơn",
                en: "control character {character} is not allowed in a literal string")
        case .controlInMultiLineString:
            Bilingual(
                vi: "không được dùng ký tự điều khiển {character} trong chuỗi nhiều dòng; hãy viết thành \\u{code}",
                en: "control character {character} is not allowed in a multi-line string; write it as \\u{code}")
        case .controlInMultiLineLiteral:
            Bilingual(
                vi: "không được dùng ký tự điều khiển {character} trong chuỗi nhiều dòng",
                en: "control character {character} is not allowed in a multi-line string")
        case .hexadecimalSign:
            Bilingual(vi: "số thập lục phân không được có dấu + hay -", en: "a hexadecimal number cannot have a sign")
        case .octalSign:
            Bilingual(vi: "số bát phân không được có dấu + hay -", en: "an octal number cannot have a sign")
        case .binarySign:
            Bilingual(vi: "số nhị phân không được có dấu + hay -", en: "a binary number cannot have a sign")
        case .startWithDigit: Bilingual(vi: "số phải bắt đầu bằng một chữ số", en: "a number must start with a digit")
        case .leadingZeros: Bilingual(vi: "không được viết số 0 ở đầu", en: "leading zeros are not allowed")
        case .decimalPoint:
            Bilingual(
                vi: "dấu chấm thập phân phải có chữ số ở cả hai bên",
                en: "a decimal point must have digits on both sides")
        case .exponent:
            Bilingual(vi: "số mũ sau 'e' phải là số nguyên", en: "the exponent after 'e' must be a whole number")
        case .invalidNumber: Bilingual(vi: "số '{text}' không hợp lệ", en: "invalid number '{text}'")
        case .floatTooLarge: Bilingual(vi: "số quá lớn, vượt giới hạn của số thực", en: "it is too large for a float")
        case .digitsMissing: Bilingual(vi: "thiếu chữ số", en: "digits are missing")
        case .underscore:
            Bilingual(vi: "dấu gạch dưới phải nằm giữa hai chữ số", en: "an underscore must be between two digits")
        case .notADigit:
            Bilingual(vi: "'{character}' không phải chữ số hợp lệ ở đây", en: "'{character}' is not a digit here")
        case .integerRange:
            Bilingual(
                vi:
                    "số nguyên '{text}' vượt quá giới hạn: số nguyên phải từ -9223372036854775808 đến 9223372036854775807",
                en:
                    "integer '{text}' is out of range: integers must be between -9223372036854775808 and 9223372036854775807"
            )
        case .dateForm:
            Bilingual(
                vi: "hãy viết ngày dạng YYYY-MM-DD, ví dụ 2024-12-10",
                en: "write a date as YYYY-MM-DD, as in 2024-12-10")
        case .timeForm:
            Bilingual(
                vi:
                    "hãy đặt trong dấu ngoặc kép, ví dụ \"08:30\" (giờ TOML không có dấu ngoặc kép phải ghi cả giây: 08:30:00)",
                en: "put it in quotes, as in \"08:30\" (a bare TOML time needs seconds: 08:30:00)")
        case .dateTimeForm:
            Bilingual(
                vi:
                    "hãy viết ngày giờ dạng YYYY-MM-DDTHH:MM:SS, ví dụ 2024-12-10T08:30:00, có thể thêm Z hoặc độ lệch múi giờ như +07:00",
                en:
                    "write a date-time as YYYY-MM-DDTHH:MM:SS, as in 2024-12-10T08:30:00, optionally followed by Z or an offset such as +07:00"
            )
        case .fractionDigits:
            Bilingual(
                vi: "sau dấu '.' ở phần giây phải có chữ số",
                en: "a '.' in the seconds must be followed by digits")
        case .hourRange: Bilingual(vi: "giờ phải từ 00 đến 23", en: "the hour must be 00 to 23")
        case .minuteRange: Bilingual(vi: "phút phải từ 00 đến 59", en: "the minute must be 00 to 59")
        case .secondRange:
            Bilingual(
                vi: "giây phải từ 00 đến 59 (60 chỉ dùng cho giây nhuận)",
                en: "the second must be 00 to 59 (60 only for a leap second)")
        case .offsetForm:
            Bilingual(
                vi: "hãy viết độ lệch múi giờ dạng +HH:MM hoặc -HH:MM, ví dụ +07:00",
                en: "write the offset as +HH:MM or -HH:MM, as in +07:00")
        case .offsetRange:
            Bilingual(
                vi: "độ lệch múi giờ phải từ -23:59 đến +23:59",
                en: "the offset must be between -23:59 and +23:59")
        case .invalidDate: Bilingual(vi: "ngày không hợp lệ", en: "invalid date")
        case .yearRange: Bilingual(vi: "năm phải từ 0001 đến 9999", en: "the year must be 0001 to 9999")
        case .monthRange: Bilingual(vi: "tháng phải từ 01 đến 12", en: "the month must be 01 to 12")
        case .dayRange: Bilingual(vi: "ngày phải từ 01 trở lên", en: "the day must be 01 or more")
        case .monthDays:
            Bilingual(vi: "{monthName} năm {year} chỉ có {days} ngày", en: "{monthName} {year} has only {days} days")
        case .month1: Bilingual(vi: "tháng 1", en: "January")
        case .month2: Bilingual(vi: "tháng 2", en: "February")
        case .month3: Bilingual(vi: "tháng 3", en: "March")
        case .month4: Bilingual(vi: "tháng 4", en: "April")
        case .month5: Bilingual(vi: "tháng 5", en: "May")
        case .month6: Bilingual(vi: "tháng 6", en: "June")
        case .month7: Bilingual(vi: "tháng 7", en: "July")
        case .month8: Bilingual(vi: "tháng 8", en: "August")
        case .month9: Bilingual(vi: "tháng 9", en: "September")
        case .month10: Bilingual(vi: "tháng 10", en: "October")
        case .month11: Bilingual(vi: "tháng 11", en: "November")
        case .month12: Bilingual(vi: "tháng 12", en: "December")
        case .tableByDottedKey:
            Bilingual(
                vi: "bảng [{key}] đã được khai báo bằng khóa có dấu chấm ở dòng {line}",
                en: "table [{key}] is already defined by the dotted key at line {line}")
        case .tableTwice:
            Bilingual(
                vi: "bảng [{key}] được khai báo hai lần (lần đầu ở dòng {line})",
                en: "table [{key}] is defined twice (first defined at line {line})")
        case .tableIsArray:
            Bilingual(
                vi:
                    "[{key}] là một mảng bảng (khai báo lần đầu ở dòng {line}); hãy viết [[{key}]] để thêm một phần tử vào mảng",
                en:
                    "[{key}] is an array of tables (first defined at line {line}); write [[{key}]] to add an element to it"
            )
        case .arrayIsTable:
            Bilingual(
                vi: "không thể khai báo mảng bảng [[{key}]]: [{key}] đã là một bảng (khai báo ở dòng {line})",
                en: "cannot define array of tables [[{key}]]: [{key}] is already a table (defined at line {line})")
        case .arrayWithEquals:
            Bilingual(
                vi: "không thể thêm vào mảng '{key}' bằng [[{key}]]: mảng này đã được viết bằng '=' ở dòng {line}",
                en: "cannot add to the array '{key}' with [[{key}]]: it was written with '=' at line {line}")
        case .dottedIntoHeader:
            Bilingual(
                vi:
                    "không thể thêm '{key}' bằng khóa có dấu chấm: bảng [{header}] đã có tiêu đề riêng ở dòng {line}; hãy viết '{rest}' dưới tiêu đề đó",
                en:
                    "cannot add '{key}' with a dotted key: table [{header}] has its own header at line {line}; write '{rest}' under that header instead"
            )
        case .dottedIntoArray:
            Bilingual(
                vi: "không thể dùng khóa có dấu chấm '{key}': '{path}' là một mảng bảng (khai báo ở dòng {line})",
                en: "cannot use the dotted key '{key}': '{path}' is an array of tables (defined at line {line})")
        case .duplicateKey:
            Bilingual(
                vi: "khóa '{key}' bị trùng (khai báo lần đầu ở dòng {line})",
                en: "duplicate key '{key}' (first defined at line {line})")
        case .defineTable: Bilingual(vi: "khai báo bảng [{key}]", en: "define table [{key}]")
        case .defineArrayOfTables: Bilingual(vi: "khai báo mảng bảng [[{key}]]", en: "define array of tables [[{key}]]")
        case .useDottedKey: Bilingual(vi: "dùng khóa có dấu chấm '{key}'", en: "use the dotted key '{key}'")
        case .extendInline:
            Bilingual(
                vi:
                    "không thể {action}: '{path}' là một bảng trong ngoặc nhọn (khai báo ở dòng {line}), mà bảng trong ngoặc nhọn thì không thêm khóa được",
                en:
                    "cannot {action}: '{path}' is an inline table (defined at line {line}), and an inline table cannot be extended"
            )
        case .alreadyValue:
            Bilingual(
                vi: "không thể {action}: '{path}' đã là {type} (khai báo ở dòng {line})",
                en: "cannot {action}: '{path}' is already {type} (defined at line {line})")
        case .tablesTooDeep:
            Bilingual(vi: "bảng lồng nhau quá {levels} cấp", en: "tables are nested more than {levels} levels deep")
        }
    }
}

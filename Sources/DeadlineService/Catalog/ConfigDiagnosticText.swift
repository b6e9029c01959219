/// What `check` says of a problem in the configuration files, at its `file:line:column` (DeadlineConfig's
/// diagnostics name these entries as `diagnostic.ID`).
///
/// The English of each entry is the diagnostic's message, which the daemon logs (`CatalogDiagnosticTests`). Key
/// names, TOML syntax and values stay as written in both languages.
package enum ConfigDiagnosticText: String, CatalogEntry {
    // Values of keys (TableReader)
    case exampleComma, exampleSemicolon, missingKey, overrideDateHint, wrongType, expectString, expectBoolean
    case expectWholeNumber, expectList, expectTime, expectDuration, expectTable, expectTableOfStrings, empty
    case controlCharacter, numberOutOfRange, listItemNotString, notTimeOfDay, notDuration, durationOutOfRange
    case notAChoice, nameControlCharacter, keyBelongsElsewhere, unknownKey, notSingleDay, notDate
    // Checks across files (CrossChecks)
    case duplicateDeadline, unknownChannel, unknownUnit, unitWithoutChannels, unitCycle, unknownDocument, whichDocument,
        dueBeforeIssued, dueLongAfterIssued, dueNeedsDate, dueWrongType, reachesNobody
    // Deadlines (DeadlineDecoding)
    case badDeadlineID, unitsEmpty, dueAndRepeat, missingDueOrRepeat, onlyWithRepeat, notARepeat, unusedWithRepeat,
        notWeekday, weeklyNeedsWeekday, notDayMonth, yearlyNeedsDate, monthInPeriod, repeatNeedsDay, untilBeforeFrom,
        notDayOfMonth
    // Tables, units, rules and the calendar (ConfigDecoder, CalendarDecoding, CalendarHolidayDecoding)
    case mainOnlyTable, notTopLevel, unknownTopLevel, mustBeTable, eachMustBeArrayTable, mustBeArrayTables,
        templatesFolderMissing, notOffset, notIntervalOrNone, notDelay, notInterval, offsetTooLong, unitMustBeTable,
        badUnitID, unitTwice, digestUrgentAloneUseless, escalatesToNobody, documentDisagrees, notWeekendDay,
        weekendTwice, weekendAllDays, notOfficeHours, offAndWork, falseSaysNothing, overrideSaysNothing,
        overriddenTwice, alreadyWorkingDay, yearTwice, tetFirstDay, nationalDayCompanion, notDayOfYear, notInTableYear,
        holidayTwice, holidaySolarAndLunar, holidayNeedsDay, holidayDateType, notYearlyDayMonth, february29, lunarType
    // Channels, the ledger, the web side and files (ChannelDecoding, StoreDecoding, WebDecoding, ConfigLoader)
    case channelMustBeTable, badChannelName, channelTwice, secretInConfig, channelNeedsType, usernameWithoutPassword,
        smtpURLUserInfo, notSMTPURL, starttlsWithSMTPS, opportunisticWithPassword, plaintextLocal, plaintextAllowed,
        plaintextRefused, headerNotString, headerValueControl, headerLooksSecret, webhookURLUserInfo, notHTTPURL,
        webhookPlaintext, telegramToken, telegramChat, headersFileNotUTF8, headerTwice, secretFileMissingHidden,
        notRegularFile, unreadableFile, notSSLMode, uselessWithSQLite, sslModeTwice, ledgerPlaintext, notWebAddress,
        linksPlaintext, linkLifetimeShort, linkKeyMissing, secretReadableByAll, dropInFolderMissing, templateNotUTF8,
        templateUnreadable, fileUnreadable
    // Time zones, kinds of documents, spans and holidays (written by hand)
    case notZoneName, vietnamZone, unknownZone, zoneUnreadable, notDocumentKind, urgingSpan, escalationSpan, nameInBoth,
        alreadyHoliday, alreadyWeeklyDayOff, leapMonth, notLunarDayMonth, yearsFrom, yearsIn, yearsFromTo,
        alreadyStatutory
    // Headers files, secret files' modes, missing files, the ledger's URL and the watchdog (HeaderLines,
    // SecretFilePolicy, ChannelDecoding, StoreURL)
    case headerLineNoColon, headerLineControl, headerLineTwice, headerNameLetters, headerNameLettersNamed
    case headerReserved, modeReadable, modeReadableWritable, modeReadableGroupWritable, modeWritable
    case modeGroupWritable, secretFileMode, secretFileMissing, fileMissing, ledgerSQLitePath, notLedgerURL
    case ledgerPassword, ledgerConnectTimeout, ledgerHiddenParameter, ledgerUnknownParameter, ledgerSSLMode
    case ledgerPort, sendTimeShippedWatchdog, sendTimeWatchdog

    package static let area = "diagnostic"

    package var texts: Bilingual {
        switch self {
        case .exampleComma:
            Bilingual(vi: ", ví dụ {key} = {example}", en: ", e.g. {key} = {example}")
        case .exampleSemicolon:
            Bilingual(vi: "; ví dụ {key} = {example}", en: "; e.g. {key} = {example}")
        case .missingKey:
            Bilingual(
                vi: "thiếu khóa bắt buộc '{key}' trong {table}{example}{hint}",
                en: "missing required key '{key}' in {table}{example}{hint}")
        case .overrideDateHint:
            Bilingual(vi: " (ngày mà mục điều chỉnh này nói đến)", en: " (the day this override is about)")
        case .wrongType:
            Bilingual(
                vi: "'{key}' phải là {expected}, nhưng đang là {found}{example}",
                en: "'{key}' must be {expected}, found {found}{example}")
        case .expectString:
            Bilingual(vi: "một chuỗi trong dấu ngoặc kép", en: "a string in quotes")
        case .expectBoolean:
            Bilingual(vi: "true hoặc false (không có dấu ngoặc kép)", en: "true or false (without quotes)")
        case .expectWholeNumber:
            Bilingual(vi: "một số nguyên (không có dấu ngoặc kép)", en: "a whole number (without quotes)")
        case .expectList:
            Bilingual(vi: "một danh sách chuỗi như [\"a\", \"b\"]", en: "a list of strings like [\"a\", \"b\"]")
        case .expectTime:
            Bilingual(vi: "một giờ như \"08:00\"", en: "a time like \"08:00\"")
        case .expectDuration:
            Bilingual(
                vi: "một khoảng thời gian như \"24h\" trong dấu ngoặc kép", en: "a duration like \"24h\" in quotes")
        case .expectTable:
            Bilingual(vi: "một bảng", en: "a table")
        case .expectTableOfStrings:
            Bilingual(vi: "một bảng các chuỗi", en: "a table of strings")
        case .empty:
            Bilingual(vi: "'{key}' đang để trống", en: "'{key}' is empty")
        case .controlCharacter:
            Bilingual(
                vi: "'{key}' chứa ký tự điều khiển {character}; hãy xóa ký tự này",
                en: "'{key}' contains the control character {character}; remove it")
        case .numberOutOfRange:
            Bilingual(
                vi: "'{key}' phải từ {lowest} đến {highest}, nhưng đang là {found}",
                en: "'{key}' must be between {lowest} and {highest}, found {found}")
        case .listItemNotString:
            Bilingual(
                vi: "'{key}' chỉ được chứa các chuỗi trong dấu ngoặc kép, nhưng có {found}",
                en: "'{key}' must contain only strings in quotes, found {found}")
        case .notTimeOfDay:
            Bilingual(
                vi: "'{text}' không phải một giờ trong ngày; hãy viết dạng \"08:00\"",
                en: "'{text}' is not a time of day; write it as \"08:00\"")
        case .notDuration:
            Bilingual(
                vi: "'{text}' không phải một khoảng thời gian; hãy viết dạng \"30s\", \"10m\", \"24h\" hoặc \"2d\"",
                en: "'{text}' is not a duration; write it as \"30s\", \"10m\", \"24h\" or \"2d\"")
        case .durationOutOfRange:
            Bilingual(
                vi: "'{key}' phải từ {lowest} đến {highest}, nhưng đang là '{found}'",
                en: "'{key}' must be from {lowest} to {highest}, found '{found}'")
        case .notAChoice:
            Bilingual(
                vi: "'{text}' không phải giá trị hợp lệ của {key}{hint} (các giá trị được dùng: {choices})",
                en: "'{text}' is not a valid {key}{hint} (one of {choices})")
        case .nameControlCharacter:
            Bilingual(
                vi: "tên hiển thị kèm '{address}' chứa ký tự điều khiển {character}; hãy xóa ký tự này",
                en: "the name in '{address}' contains the control character {character}; remove it")
        case .keyBelongsElsewhere:
            Bilingual(
                vi: "khóa '{key}' không có trong {table}; '{key}' thuộc {other}",
                en: "unknown key '{key}' in {table}; '{key}' belongs in {other}")
        case .unknownKey:
            Bilingual(vi: "khóa '{key}' không có trong {table}{hint}", en: "unknown key '{key}' in {table}{hint}")
        case .notSingleDay:
            Bilingual(
                vi: "'{key}' phải là một ngày cụ thể như \"19/11/2020\", nhưng đang là '{text}'",
                en: "'{key}' must be a single day such as \"19/11/2020\", found '{text}'")
        case .notDate:
            Bilingual(
                vi: "'{key}' phải là một ngày như \"19/11/2020\", nhưng đang là {found}",
                en: "'{key}' must be a date such as \"19/11/2020\", found {found}")
        case .duplicateDeadline:
            Bilingual(
                vi: "mã nhiệm vụ '{id}' bị trùng (đã khai báo tại {first}); mã nhiệm vụ phải khác nhau trong mọi tệp",
                en: "duplicate deadline id '{id}' (first defined at {first}); ids must be unique across all files")
        case .unknownChannel:
            Bilingual(
                vi: "không có kênh gửi '{name}'{hint} (kênh gửi được khai báo bằng [channels.TÊN])",
                en: "unknown channel '{name}'{hint} (channels are declared as [channels.NAME])")
        case .unknownUnit:
            Bilingual(
                vi: "không có đơn vị '{id}'{hint} (đơn vị được khai báo bằng [units.MÃ])",
                en: "unknown unit '{id}'{hint} (units are declared as [units.ID])")
        case .unitWithoutChannels:
            Bilingual(
                vi:
                    "đơn vị '{id}' không nêu kênh gửi nào và cũng không có kênh gửi mặc định; hãy thêm channels = [\"...\"] hoặc [daemon] default_channels",
                en:
                    "unit '{id}' names no channels and there is no default; add channels = [\"...\"] or [daemon] default_channels"
            )
        case .unitCycle:
            Bilingual(
                vi: "đơn vị '{id}' chứa chính nó qua members: {path}",
                en: "unit '{id}' contains itself through members: {path}")
        case .unknownDocument:
            Bilingual(
                vi:
                    "không có văn bản '{ref}'{hint}; hãy khai báo văn bản này trong một bảng [[document]] với ref = \"{ref}\"",
                en: "unknown document '{ref}'{hint}; declare it in a [[document]] table with ref = \"{ref}\"")
        case .whichDocument:
            Bilingual(
                vi:
                    "tệp này khai báo {count} văn bản; hãy nêu văn bản nào giao nhiệm vụ này, ví dụ document = \"{ref}\"",
                en: "this file declares {count} documents; say which one set this task, e.g. document = \"{ref}\"")
        case .dueBeforeIssued:
            Bilingual(
                vi: "hạn {due} trước ngày ban hành văn bản ({issued}){hint}",
                en: "the due date {due} is before the document's date ({issued}){hint}")
        case .dueLongAfterIssued:
            Bilingual(
                vi: "hạn {due} sau ngày ban hành văn bản ({issued}) tới {years} năm{hint}",
                en: "the due date {due} is {years} years after the document's date ({issued}){hint}")
        case .dueNeedsDate:
            Bilingual(
                vi: "'due' cần có ngày, không chỉ có giờ; ví dụ due = \"15:00 10/12/2020\"",
                en: "'due' needs a date, not only a time; e.g. due = \"15:00 10/12/2020\"")
        case .dueWrongType:
            Bilingual(
                vi: "'due' phải là một ngày trong dấu ngoặc kép như \"10/12/2020\", nhưng đang là {found}",
                en: "'due' must be a date in quotes such as \"10/12/2020\", found {found}")
        case .reachesNobody:
            Bilingual(
                vi:
                    "nhiệm vụ '{id}' không đến được ai: các đơn vị được giao không có người nhận trên kênh gửi email/outbox và không có kênh gửi webhook",
                en:
                    "deadline '{id}' reaches nobody: its units have no recipients for their email/outbox channels and no webhook channel"
            )
        case .badDeadlineID:
            Bilingual(
                vi:
                    "mã nhiệm vụ '{id}' chỉ được dùng chữ cái a-z, chữ số, '-', '_' và '.' (không dấu cách, không dấu tiếng Việt), ví dụ \"5418-de-xuat\"",
                en:
                    "deadline id '{id}' may use only letters a-z, digits, '-', '_' and '.' (no spaces or accents), e.g. \"5418-de-xuat\""
            )
        case .unitsEmpty:
            Bilingual(
                vi: "'units' đang để trống; hãy nêu ít nhất một đơn vị, ví dụ units = [\"so-khdt\"]",
                en: "'units' is empty; name at least one unit, e.g. units = [\"so-khdt\"]")
        case .dueAndRepeat:
            Bilingual(
                vi: "một nhiệm vụ có 'due' (một lần) hoặc 'repeat' (định kỳ), không có cả hai",
                en: "a deadline has either 'due' (once) or 'repeat' (recurring), not both")
        case .missingDueOrRepeat:
            Bilingual(
                vi:
                    "thiếu 'due' (ví dụ due = \"10/12/2020\") hoặc, với nhiệm vụ định kỳ, 'repeat' (ví dụ repeat = \"monthly\" cùng day = 20)",
                en:
                    "missing 'due' (e.g. due = \"10/12/2020\") or, for a recurring deadline, 'repeat' (e.g. repeat = \"monthly\" with day = 20)"
            )
        case .onlyWithRepeat:
            Bilingual(
                vi:
                    "'{key}' chỉ dùng cùng 'repeat'; với nhiệm vụ một lần, hãy ghi giờ trong 'due', ví dụ due = \"15:00 10/12/2020\"",
                en:
                    "'{key}' is only used with 'repeat'; for a one-off deadline put the time in 'due', e.g. due = \"15:00 10/12/2020\""
            )
        case .notARepeat:
            Bilingual(
                vi: "'{text}' không phải giá trị hợp lệ của repeat{hint} (các giá trị được dùng: {choices})",
                en: "'{text}' is not a valid repeat{hint} (one of {choices})")
        case .unusedWithRepeat:
            Bilingual(
                vi: "'{key}' không dùng với repeat = \"{repeat}\"",
                en: "'{key}' is not used with repeat = \"{repeat}\"")
        case .notWeekday:
            Bilingual(
                vi:
                    "'{text}' không phải một ngày trong tuần; hãy viết \"monday\" ... \"sunday\" hoặc \"thứ hai\" ... \"chủ nhật\"",
                en: "'{text}' is not a weekday; write \"monday\" ... \"sunday\" or \"thứ hai\" ... \"chủ nhật\"")
        case .weeklyNeedsWeekday:
            Bilingual(
                vi: "repeat = \"weekly\" cần 'weekday', ví dụ weekday = \"friday\"",
                en: "repeat = \"weekly\" needs 'weekday', e.g. weekday = \"friday\"")
        case .notDayMonth:
            Bilingual(
                vi: "'{text}' không phải một ngày và tháng; hãy viết dạng \"15/12\"",
                en: "'{text}' is not a day and month; write it as \"15/12\"")
        case .yearlyNeedsDate:
            Bilingual(
                vi: "repeat = \"yearly\" cần 'date', ví dụ date = \"15/12\"",
                en: "repeat = \"yearly\" needs 'date', e.g. date = \"15/12\"")
        case .monthInPeriod:
            Bilingual(
                vi: "'month' phải từ 1 đến {highest} với repeat = \"{repeat}\" (tháng thứ mấy trong mỗi kỳ)",
                en: "'month' must be between 1 and {highest} for repeat = \"{repeat}\" (the month within each period)")
        case .repeatNeedsDay:
            Bilingual(
                vi: "repeat = \"{repeat}\" cần 'day', ví dụ day = 20 (hoặc day = \"last\")",
                en: "repeat = \"{repeat}\" needs 'day', e.g. day = 20 (or day = \"last\")")
        case .untilBeforeFrom:
            Bilingual(
                vi: "'until' ({until}) ở trước 'from' ({from})",
                en: "'until' ({until}) is before 'from' ({from})")
        case .notDayOfMonth:
            Bilingual(
                vi: "'day' phải là một ngày trong tháng từ 1 đến 31, hoặc \"last\"",
                en: "'day' must be a day of the month from 1 to 31, or \"last\"")
        case .mainOnlyTable:
            Bilingual(
                vi:
                    "[{table}] chỉ được đặt trong tệp chính, không đặt trong tệp bổ sung; hãy chuyển sang deadlined.toml",
                en: "[{table}] belongs in the main file, not in a drop-in; move it to deadlined.toml")
        case .notTopLevel:
            Bilingual(
                vi:
                    "'{key}' không phải thiết lập cấp ngoài cùng; khóa này thuộc {table} (hãy viết tiêu đề bảng ở phía trên)",
                en: "'{key}' is not a top-level setting; it belongs in {table} (write the table header above it)")
        case .unknownTopLevel:
            Bilingual(
                vi: "không có bảng hay khóa '{key}'{hint}",
                en: "unknown table or key '{key}'{hint}")
        case .mustBeTable:
            Bilingual(
                vi: "'{name}' phải là một bảng, viết [{name}] trên một dòng riêng",
                en: "'{name}' must be a table, written as [{name}] on a line of its own")
        case .eachMustBeArrayTable:
            Bilingual(
                vi: "mỗi '{name}' phải là một bảng viết dạng [[{name}]]",
                en: "each '{name}' must be a table written as [[{name}]]")
        case .mustBeArrayTables:
            Bilingual(
                vi: "'{name}' phải được viết thành các bảng [[{name}]]",
                en: "'{name}' must be written as [[{name}]] tables")
        case .templatesFolderMissing:
            Bilingual(
                vi:
                    "thư mục mẫu thư '{path}' không tồn tại hoặc không phải thư mục; hãy tạo thư mục này hoặc bỏ templates_directory",
                en:
                    "the templates folder '{path}' does not exist or is not a folder; create it or remove templates_directory"
            )
        case .notOffset:
            Bilingual(
                vi:
                    "'{text}' không phải một khoảng nhắc trước; hãy viết \"7d\" (ngày), \"3wd\" (ngày làm việc), \"1w\" (tuần), \"2h\" (giờ) hoặc \"30m\" (phút)",
                en:
                    "'{text}' is not a reminder offset; write \"7d\" (days), \"3wd\" (working days), \"1w\" (weeks), \"2h\" (hours) or \"30m\" (minutes)"
            )
        case .notIntervalOrNone:
            Bilingual(
                vi:
                    "'{text}' không phải một chu kỳ; hãy viết \"1d\", \"2wd\", \"1w\" hoặc \"4h\" (hoặc \"\" nếu không nhắc)",
                en: "'{text}' is not an interval; write \"1d\", \"2wd\", \"1w\" or \"4h\" (or \"\" for none)")
        case .notDelay:
            Bilingual(
                vi: "'{text}' không phải một khoảng chờ; hãy viết \"3d\" (ngày) hoặc \"2wd\" (ngày làm việc)",
                en: "'{text}' is not a delay; write \"3d\" (days) or \"2wd\" (working days)")
        case .notInterval:
            Bilingual(
                vi: "'{text}' không phải một chu kỳ; hãy viết \"1d\", \"2wd\" hoặc \"1w\"",
                en: "'{text}' is not an interval; write \"1d\", \"2wd\" or \"1w\"")
        case .offsetTooLong:
            Bilingual(
                vi: "'{text}' dài hơn một năm; khoảng nhắc tối đa là 366d, 52w, 252wd hoặc 8784h",
                en: "'{text}' is longer than a year; an offset is at most 366d, 52w, 252wd or 8784h")
        case .unitMustBeTable:
            Bilingual(
                vi: "đơn vị '{id}' phải là một bảng: hãy viết [units.{key}] và các khóa của đơn vị ở dưới",
                en: "unit '{id}' must be a table: write [units.{key}] and its keys below")
        case .badUnitID:
            Bilingual(
                vi: "mã đơn vị '{id}' chỉ được dùng chữ cái a-z, chữ số, '-', '_' và '.'",
                en: "unit id '{id}' may use only letters a-z, digits, '-', '_' and '.'")
        case .unitTwice:
            Bilingual(
                vi: "đơn vị '{id}' được khai báo hai lần (lần đầu tại {file}:{position})",
                en: "unit '{id}' is defined twice (first at {file}:{position})")
        case .digestUrgentAloneUseless:
            Bilingual(
                vi: "'digest_urgent_alone' không có tác dụng khi không có 'digest'",
                en: "'digest_urgent_alone' has no effect without 'digest'")
        case .escalatesToNobody:
            Bilingual(
                vi:
                    "đơn vị '{id}' có báo cáo lãnh đạo nhưng không có heads hay supervisors; báo cáo qua email không đến được ai",
                en: "unit '{id}' escalates but has no heads or supervisors; escalations by email reach nobody")
        case .documentDisagrees:
            Bilingual(
                vi:
                    "văn bản '{ref}' được khai báo lại với '{key}' khác (lần đầu tại {file}:{position}); một văn bản chỉ được khai báo ở nhiều tệp khi các khai báo khớp nhau: hãy sửa hai giá trị '{key}' cho giống nhau hoặc bỏ một khai báo",
                en:
                    "document '{ref}' is declared again with another '{key}' (first at {file}:{position}); a document may be declared in several files only if they agree: make the two '{key}' the same or remove one"
            )
        case .notWeekendDay:
            Bilingual(
                vi:
                    "'{text}' không phải một ngày trong tuần{hint} (hãy viết \"monday\" ... \"sunday\" hoặc \"thứ hai\" ... \"chủ nhật\")",
                en: "'{text}' is not a weekday{hint} (write \"monday\" ... \"sunday\" or \"thứ hai\" ... \"chủ nhật\")")
        case .weekendTwice:
            Bilingual(
                vi: "'{text}' được liệt kê hai lần trong 'weekend'",
                en: "'{text}' is listed twice in 'weekend'")
        case .weekendAllDays:
            Bilingual(
                vi: "'weekend' không thể gồm cả bảy ngày: cơ quan phải làm việc vào một số ngày",
                en: "'weekend' cannot hold all seven days: the office must work on some day")
        case .notOfficeHours:
            Bilingual(
                vi:
                    "'{text}' không phải một khoảng giờ làm việc; hãy viết dạng \"08:00-17:00\" (giờ bắt đầu trước giờ kết thúc; \"24:00\" cho nửa đêm ở cuối)",
                en:
                    "'{text}' is not a span of office hours; write it as \"08:00-17:00\" (start before end; \"24:00\" for midnight at the end)"
            )
        case .offAndWork:
            Bilingual(
                vi: "ngày {date} không thể vừa là ngày nghỉ vừa là ngày làm việc; hãy giữ off = true hoặc work = true",
                en: "{date} cannot be both a day off and a working day; keep either off = true or work = true")
        case .falseSaysNothing:
            Bilingual(
                vi:
                    "'{key} = false' không có ý nghĩa gì; hãy viết off = true để ngày {date} là ngày nghỉ, hoặc work = true để ngày đó là ngày làm việc",
                en:
                    "'{key} = false' says nothing; write off = true to make {date} a day off, or work = true to make it a working day"
            )
        case .overrideSaysNothing:
            Bilingual(
                vi: "[[calendar.override]] cho ngày {date} không có off = true hay work = true; hãy thêm một trong hai",
                en: "[[calendar.override]] for {date} says neither off = true nor work = true; add one of them")
        case .overriddenTwice:
            Bilingual(
                vi:
                    "ngày {date} được điều chỉnh hai lần (lần đầu tại {file}:{position}); hãy giữ một [[calendar.override]]",
                en: "{date} is overridden twice (first at {file}:{position}); keep one [[calendar.override]]")
        case .alreadyWorkingDay:
            Bilingual(
                vi: "ngày {date} vốn đã là ngày làm việc; mục điều chỉnh này không thay đổi gì",
                en: "{date} is already a working day; this override changes nothing")
        case .yearTwice:
            Bilingual(
                vi: "năm {year} có hai bảng [[calendar.year]] (bảng đầu tại {file}:{position}); hãy gộp lại",
                en: "the year {year} has two [[calendar.year]] tables (first at {file}:{position}); merge them")
        case .tetFirstDay:
            Bilingual(
                vi:
                    "ngày {date} không thể là ngày nghỉ Tết đầu tiên của năm {year}: mùng 1 Tết là ngày {newYear}, nên năm ngày nghỉ Tết bắt đầu trong khoảng từ ngày {earliest} đến ngày {newYear}",
                en:
                    "{date} cannot be the first Tết day of {year}: mùng 1 Tết is {newYear}, so the five Tết days start between {earliest} and {newYear}"
            )
        case .nationalDayCompanion:
            Bilingual(
                vi: "ngày nghỉ liền kề Quốc khánh là 01/09/{year} hoặc 03/09/{year}, không phải {date}",
                en: "the day beside Quốc khánh is 01/09/{year} or 03/09/{year}, not {date}")
        case .notDayOfYear:
            Bilingual(
                vi: "'{text}' không phải một ngày của năm {year}",
                en: "'{text}' is not a day of {year}")
        case .notInTableYear:
            Bilingual(
                vi: "'{key}' ({date}) không thuộc năm {year}, năm của bảng này",
                en: "'{key}' ({date}) is not in {year}, the year of this table")
        case .holidayTwice:
            Bilingual(
                vi:
                    "{day} được khai báo hai lần (lần đầu tại {file}:{position}) cho các năm trùng nhau; hãy giữ một [[calendar.holiday]] hoặc tách năm của chúng bằng from và until",
                en:
                    "{day} is declared twice (first at {file}:{position}) for years in common; keep one [[calendar.holiday]] or separate their years with from and until"
            )
        case .holidaySolarAndLunar:
            Bilingual(
                vi:
                    "một [[calendar.holiday]] rơi vào một ngày dương lịch hoặc một ngày âm lịch; hãy giữ date hoặc lunar",
                en: "a [[calendar.holiday]] falls on a solar date or on a lunar one; keep either date or lunar")
        case .holidayNeedsDay:
            Bilingual(
                vi: "[[calendar.holiday]] cần ngày nghỉ: date = \"24/11\" (dương lịch) hoặc lunar = \"10/3\" (âm lịch)",
                en: "[[calendar.holiday]] needs its day: date = \"24/11\" (solar) or lunar = \"10/3\" (âm lịch)")
        case .holidayDateType:
            Bilingual(
                vi: "'date' phải là ngày và tháng trong dấu ngoặc kép, như \"24/11\"",
                en: "'date' must be a day and month in quotes, like \"24/11\"")
        case .notYearlyDayMonth:
            Bilingual(
                vi: "'{text}' không phải một ngày và tháng; hãy viết ngày hằng năm dạng \"DD/MM\", như \"24/11\"",
                en: "'{text}' is not a day and month; write the day of every year as \"DD/MM\", like \"24/11\"")
        case .february29:
            Bilingual(
                vi: "29/02 không có trong mọi năm; ngày lễ hằng năm cần một ngày năm nào cũng có",
                en: "29/02 is not in every year; a yearly holiday needs a day that is")
        case .lunarType:
            Bilingual(
                vi: "'lunar' phải là ngày và tháng âm lịch trong dấu ngoặc kép, như \"10/3\"",
                en: "'lunar' must be a lunar day and month in quotes, like \"10/3\"")
        case .channelMustBeTable:
            Bilingual(
                vi: "kênh gửi '{name}' phải là một bảng: hãy viết [channels.{name}] và các khóa của kênh ở dưới",
                en: "channel '{name}' must be a table: write [channels.{name}] and its keys below")
        case .badChannelName:
            Bilingual(
                vi: "tên kênh gửi '{name}' chỉ được dùng chữ cái a-z, chữ số, '-', '_' và '.'",
                en: "channel name '{name}' may use only letters a-z, digits, '-', '_' and '.'")
        case .channelTwice:
            Bilingual(
                vi: "kênh gửi '{name}' được khai báo hai lần (lần đầu tại {file}:{position})",
                en: "channel '{name}' is defined twice (first at {file}:{position})")
        case .secretInConfig:
            Bilingual(
                vi:
                    "không được ghi thông tin bí mật trong tệp cấu hình: hãy ghi vào một tệp chỉ deadlined đọc được (chmod 600) và đặt {replacement} = \"/etc/deadlined/secrets/...\"; hãy xóa '{key}' khỏi tệp này",
                en:
                    "secrets are not allowed in config files: put it in a file readable only by deadlined (chmod 600) and set {replacement} = \"/etc/deadlined/secrets/...\"; remove '{key}' from this file"
            )
        case .channelNeedsType:
            Bilingual(
                vi: "kênh gửi '{name}' cần có loại: type = \"smtp\", \"webhook\" hoặc \"outbox\"",
                en: "channel '{name}' needs a type: type = \"smtp\", \"webhook\" or \"outbox\"")
        case .usernameWithoutPassword:
            Bilingual(
                vi: "đã đặt 'username' nhưng chưa đặt 'password_file'; máy chủ thư nhiều khả năng sẽ từ chối đăng nhập",
                en: "'username' is set but 'password_file' is not; the server will likely refuse to log in")
        case .smtpURLUserInfo:
            Bilingual(
                vi:
                    "URL chứa tên người dùng hoặc mật khẩu (trước '@'); thông tin bí mật không được ghi trong tệp cấu hình: hãy ghi người dùng vào username và mật khẩu vào tệp do password_file chỉ định",
                en:
                    "the URL holds a user name or password (before '@'); secrets stay out of config files: put the user in username and the password in a file named by password_file"
            )
        case .notSMTPURL:
            Bilingual(
                vi:
                    "'{url}' không phải URL SMTP; hãy viết smtp://máy-chủ:cổng (STARTTLS) hoặc smtps://máy-chủ:cổng (TLS)",
                en: "'{url}' is not an SMTP URL; write smtp://host:port (STARTTLS) or smtps://host:port (TLS)")
        case .starttlsWithSMTPS:
            Bilingual(
                vi: "'starttls' không có tác dụng với smtps://, vì TLS được bật ngay từ đầu",
                en: "'starttls' has no effect with smtps://, where TLS starts at once")
        case .opportunisticWithPassword:
            Bilingual(
                vi:
                    "với starttls = \"opportunistic\" và có mật khẩu, máy chủ không hỗ trợ STARTTLS sẽ không nhận được thư: deadlined không bao giờ gửi mật khẩu khi chưa mã hóa, nên các lần gửi đó thất bại; hãy dùng \"required\" để nói rõ điều này",
                en:
                    "with starttls = \"opportunistic\" and a password, a server that offers no STARTTLS gets no mail: deadlined never sends the password unencrypted, so those deliveries fail; use \"required\" to say so plainly"
            )
        case .plaintextLocal:
            Bilingual(
                vi:
                    "thư gửi đến {host} không được mã hóa (starttls = \"off\"); chỉ chấp nhận được vì máy chủ thư nằm trên chính máy này",
                en:
                    "mail to {host} is sent unencrypted (starttls = \"off\"); acceptable only because the server is on this machine"
            )
        case .plaintextAllowed:
            Bilingual(
                vi:
                    "thư gửi đến {host} đi qua mạng mà không được mã hóa (starttls = \"off\" cùng allow_plaintext = true)",
                en:
                    "mail to {host} is sent unencrypted over the network (starttls = \"off\" with allow_plaintext = true)"
            )
        case .plaintextRefused:
            Bilingual(
                vi:
                    "starttls = \"off\" sẽ gửi thư đến {host} qua mạng mà không mã hóa; hãy dùng \"required\", hoặc thêm allow_plaintext = true nếu chấp nhận điều đó",
                en:
                    "starttls = \"off\" would send mail to {host} unencrypted over the network; use \"required\", or add allow_plaintext = true if you accept that"
            )
        case .headerNotString:
            Bilingual(
                vi: "trường tiêu đề '{name}' phải là một chuỗi",
                en: "header '{name}' must be a string")
        case .headerValueControl:
            Bilingual(
                vi: "giá trị của trường tiêu đề '{name}' không được chứa dấu xuống dòng hay ký tự điều khiển",
                en: "the value of header '{name}' may not contain line breaks or control characters")
        case .headerLooksSecret:
            Bilingual(
                vi:
                    "trường tiêu đề '{name}' có vẻ là thông tin bí mật, mà thông tin bí mật không được ghi trong tệp cấu hình: hãy ghi vào tệp do headers_file chỉ định (mỗi dòng một 'Tên: giá trị', chmod 600)",
                en:
                    "header '{name}' looks like a secret, and secrets stay out of config files: put it in a file named by headers_file (one 'Name: value' per line, chmod 600)"
            )
        case .webhookURLUserInfo:
            Bilingual(
                vi:
                    "URL chứa tên người dùng hoặc mật khẩu (trước '@'); thông tin bí mật không được ghi trong tệp cấu hình: hãy đưa thông tin đăng nhập vào trường tiêu đề Authorization trong tệp do headers_file chỉ định",
                en:
                    "the URL holds a user name or password (before '@'); secrets stay out of config files: give the credentials as an Authorization header in a file named by headers_file"
            )
        case .notHTTPURL:
            Bilingual(
                vi: "'{url}' không phải URL http:// hay https://",
                en: "'{url}' is not an http:// or https:// URL")
        case .webhookPlaintext:
            Bilingual(
                vi: "webhook gửi đến {host} đi qua http:// không được mã hóa; nên dùng https://",
                en: "webhooks to {host} go unencrypted over http://; prefer https://")
        case .telegramToken:
            Bilingual(
                vi: "format = \"telegram\" cần token_file (tệp chứa mã bot)",
                en: "format = \"telegram\" needs token_file (a file holding the bot token)")
        case .telegramChat:
            Bilingual(
                vi: "format = \"telegram\" cần chat_id, cuộc trò chuyện sẽ nhận tin",
                en: "format = \"telegram\" needs chat_id, the chat to post to")
        case .headersFileNotUTF8:
            Bilingual(
                vi: "tệp trường tiêu đề không phải văn bản UTF-8; hãy lưu lại ở dạng UTF-8",
                en: "the headers file is not UTF-8 text; save it as UTF-8")
        case .headerTwice:
            Bilingual(
                vi:
                    "trường tiêu đề '{name}' được ghi cả trong headers lẫn trong headers_file (dòng {line}); hãy giữ một chỗ",
                en: "header '{name}' is given both in headers and in headers_file (line {line}); keep one")
        case .secretFileMissingHidden:
            Bilingual(
                vi:
                    "không có tệp nào mang tên này (giá trị không được hiển thị, phòng khi đó chính là thông tin bí mật); hãy ghi đường dẫn của một tệp chứa thông tin bí mật, ví dụ \"/etc/deadlined/secrets/TÊN\", tạo bằng install -m 600 /dev/null ĐƯỜNG-DẪN",
                en:
                    "no file by this name exists (the value is not shown, in case it is the secret itself); write the path of a file that holds the secret, e.g. \"/etc/deadlined/secrets/NAME\", created with install -m 600 /dev/null PATH"
            )
        case .notRegularFile:
            Bilingual(
                vi: "'{path}' không phải một tệp thông thường",
                en: "'{path}' is not a regular file")
        case .unreadableFile:
            Bilingual(
                vi: "người dùng này không đọc được '{path}'; hãy bảo đảm người dùng deadlined đọc được tệp này",
                en: "'{path}' cannot be read by this user; make sure the deadlined user can read it")
        case .notSSLMode:
            Bilingual(
                vi: "'{text}' không phải giá trị hợp lệ của sslmode{hint} (các giá trị được dùng: {list})",
                en: "'{text}' is not a valid sslmode{hint} (one of {list})")
        case .uselessWithSQLite:
            Bilingual(
                vi: "'{key}' không có tác dụng: sổ theo dõi là một tệp SQLite",
                en: "'{key}' has no effect: the ledger is a SQLite file")
        case .sslModeTwice:
            Bilingual(
                vi: "sslmode được ghi hai lần, ở đây và trong url (sslmode={mode})",
                en: "sslmode is given twice, here and in the url (sslmode={mode})")
        case .ledgerPlaintext:
            Bilingual(
                vi:
                    "dữ liệu của sổ theo dõi gửi đến {url} có thể đi qua mạng mà không được mã hóa (sslmode = \"{mode}\"); nên dùng \"verify-full\"",
                en:
                    "the ledger's traffic to {url} may go unencrypted over the network (sslmode = \"{mode}\"); prefer \"verify-full\""
            )
        case .notWebAddress:
            Bilingual(
                vi: "'{url}' không phải một địa chỉ web; hãy viết dạng https://máy-chủ[/đường-dẫn], như người dùng mở",
                en: "'{url}' is not a web address; write it as https://host[/path], as people open it")
        case .linksPlaintext:
            Bilingual(
                vi:
                    "liên kết đến '{url}' đi qua mạng mà không được mã hóa; hãy đặt reverse proxy có TLS của cơ quan ở phía trước và viết https://",
                en:
                    "links to '{url}' travel unencrypted; put the office's reverse proxy with TLS in front and write https://"
            )
        case .linkLifetimeShort:
            Bilingual(
                vi: "'link_lifetime' phải từ 1h trở lên",
                en: "'link_lifetime' must be at least 1h")
        case .linkKeyMissing:
            Bilingual(
                vi:
                    "khóa liên kết '{path}' chưa có; hãy tạo bằng lệnh: deadlinectl web-key (đến lúc đó thư nhắc không kèm liên kết)",
                en:
                    "the link key '{path}' does not exist yet; create it with: deadlinectl web-key (until then reminders carry no links)"
            )
        case .secretReadableByAll:
            Bilingual(
                vi: "tệp bí mật '{path}' ai cũng đọc được (mode {mode}); hãy chạy: chmod 600 {path}",
                en: "the secret file '{path}' is readable by everyone (mode {mode}); run: chmod 600 {path}")
        case .dropInFolderMissing:
            Bilingual(
                vi: "thư mục tệp bổ sung '{folder}' không tồn tại hoặc không đọc được; không tệp bổ sung nào được nạp",
                en: "the drop-in folder '{folder}' does not exist or cannot be read; no drop-in files were loaded")
        case .templateNotUTF8:
            Bilingual(
                vi: "mẫu thư không phải văn bản UTF-8; hãy lưu lại ở dạng UTF-8",
                en: "the template is not UTF-8 text; save it as UTF-8")
        case .templateUnreadable:
            Bilingual(
                vi: "không đọc được mẫu thư: {error}",
                en: "cannot read the template: {error}")
        case .fileUnreadable:
            Bilingual(
                vi: "không đọc được tệp: {error}",
                en: "cannot read the file: {error}")
        case .notZoneName:
            Bilingual(
                vi: "'{name}' không phải tên múi giờ (ví dụ \"Asia/Ho_Chi_Minh\")",
                en: "'{name}' is not a time zone name (e.g. \"Asia/Ho_Chi_Minh\")")
        case .vietnamZone:
            Bilingual(
                vi: "không có múi giờ '{name}'; có phải ý bạn là 'Asia/Ho_Chi_Minh'? (múi giờ Việt Nam)",
                en: "unknown time zone '{name}'; did you mean 'Asia/Ho_Chi_Minh'? (Vietnam's zone)")
        case .unknownZone:
            Bilingual(
                vi: "không có múi giờ '{name}'{hint}",
                en: "unknown time zone '{name}'{hint}")
        case .zoneUnreadable:
            Bilingual(
                vi: "không đọc được múi giờ '{name}': {error}",
                en: "cannot read time zone '{name}': {error}")
        case .notDocumentKind:
            Bilingual(
                vi: "'{text}' không phải một loại văn bản{hint} (các loại: {choices})",
                en: "'{text}' is not a kind of document{hint} (one of {choices})")
        case .urgingSpan:
            Bilingual(
                vi:
                    "đôn đốc mỗi '{every}' tối đa {limitKey} = {times} lần kéo dài quá một năm; hãy giảm {limitKey} hoặc {everyKey}",
                en:
                    "urging every '{every}' up to {limitKey} = {times} times spans more than a year; lower {limitKey} or {everyKey}"
            )
        case .escalationSpan:
            Bilingual(
                vi:
                    "báo cáo lãnh đạo mỗi '{every}' tối đa {limitKey} = {times} lần kéo dài quá một năm; hãy giảm {limitKey} hoặc {everyKey}",
                en:
                    "escalation every '{every}' up to {limitKey} = {times} times spans more than a year; lower {limitKey} or {everyKey}"
            )
        case .nameInBoth:
            Bilingual(
                vi: "{vi}{en||}",
                en: "{en}{vi||}")
        case .alreadyHoliday:
            Bilingual(
                vi: "ngày {date} vốn đã là ngày nghỉ ({holiday}); mục điều chỉnh này không thay đổi gì",
                en: "{date} is already a day off ({holiday}); this override changes nothing")
        case .alreadyWeeklyDayOff:
            Bilingual(
                vi: "ngày {date} vốn đã là ngày nghỉ hằng tuần; mục điều chỉnh này không thay đổi gì",
                en: "{date} is already a weekly day off; this override changes nothing")
        case .leapMonth:
            Bilingual(
                vi: " (tháng nhuận không có trong mọi năm)",
                en: " (a leap month is not in every year)")
        case .notLunarDayMonth:
            Bilingual(
                vi:
                    "'{text}' không phải một ngày và tháng âm lịch{leap}; hãy viết dạng \"DD/MM\" với ngày từ 1 đến 30 và tháng từ 1 đến 12, như \"10/3\"",
                en:
                    "'{text}' is not a lunar day and month{leap}; write it as \"DD/MM\" with the day 1–30 and the month 1–12, like \"10/3\""
            )
        case .yearsFrom:
            Bilingual(
                vi: "từ năm {from}",
                en: "from {from}")
        case .yearsIn:
            Bilingual(
                vi: "trong năm {year}",
                en: "in {year}")
        case .yearsFromTo:
            Bilingual(
                vi: "từ năm {from} đến năm {to}",
                en: "from {from} to {to}")
        case .alreadyStatutory:
            Bilingual(
                vi:
                    "{day} vốn đã là {holiday} {years}, ngày nghỉ theo Bộ luật Lao động ({article}); mục [[calendar.holiday]] này không thêm ngày nghỉ nào trong thời gian đó",
                en:
                    "{day} is already {holiday} {years}, a holiday of the Labour Code ({article}); this [[calendar.holiday]] adds no day off then"
            )
        case .headerLineNoColon:
            Bilingual(
                vi: "dòng này phải có dạng 'Tên: giá trị' (dòng không có dấu ':')",
                en: "expected 'Name: value' (the line has no ':')")
        case .headerLineControl:
            Bilingual(
                vi: "giá trị của trường tiêu đề '{name}' chứa ký tự điều khiển; hãy viết giá trị trên một dòng",
                en: "the value of header '{name}' contains a control character; write it on one line")
        case .headerLineTwice:
            Bilingual(
                vi: "trường tiêu đề '{name}' được ghi hai lần (lần đầu ở dòng {line}); hãy giữ một lần",
                en: "header '{name}' is given twice (first on line {line}); keep one")
        case .headerNameLetters:
            Bilingual(
                vi: "tên trường tiêu đề chỉ được dùng chữ cái, chữ số và các ký tự !#$%&'*+-.^_`|~",
                en: "a header name may use only letters, digits and !#$%&'*+-.^_`|~")
        case .headerNameLettersNamed:
            Bilingual(
                vi: "tên trường tiêu đề '{name}' chỉ được dùng chữ cái, chữ số và các ký tự !#$%&'*+-.^_`|~",
                en: "the header name '{name}' may use only letters, digits and !#$%&'*+-.^_`|~")
        case .headerReserved:
            Bilingual(
                vi: "'{name}' do deadlined tự đặt ({reserved}); hãy xóa trường tiêu đề này",
                en: "'{name}' is set by deadlined itself ({reserved}); remove it")
        case .modeReadable:
            Bilingual(vi: "ai cũng đọc được", en: "readable by everyone")
        case .modeReadableWritable:
            Bilingual(vi: "ai cũng đọc được và ai cũng ghi được", en: "readable by everyone and writable by everyone")
        case .modeReadableGroupWritable:
            Bilingual(
                vi: "ai cũng đọc được và nhóm của tệp ghi được",
                en: "readable by everyone and writable by its group")
        case .modeWritable:
            Bilingual(vi: "ai cũng ghi được", en: "writable by everyone")
        case .modeGroupWritable:
            Bilingual(vi: "nhóm của tệp ghi được", en: "writable by its group")
        case .secretFileMode:
            Bilingual(
                vi:
                    "tệp bí mật '{path}' {faults} (mode {mode}); tệp bí mật phải thuộc root (đọc qua LoadCredential=) hoặc thuộc người dùng chạy deadlined, với mode 600 (640 nếu cho nhóm của tệp đọc): chmod 600 {path}",
                en:
                    "the secret file '{path}' is {faults} (mode {mode}); a secret file must be owned by root (read through LoadCredential=) or by the user deadlined runs as, with mode 600 (640 to let its group read it): chmod 600 {path}"
            )
        case .secretFileMissing:
            Bilingual(
                vi:
                    "tệp '{path}' không tồn tại (hãy tạo bằng: install -m 600 /dev/null {path}, rồi ghi thông tin bí mật vào tệp)",
                en:
                    "the file '{path}' does not exist (create it with: install -m 600 /dev/null {path}, then write the secret into it)"
            )
        case .fileMissing:
            Bilingual(vi: "tệp '{path}' không tồn tại", en: "the file '{path}' does not exist")
        case .ledgerSQLitePath:
            Bilingual(
                vi: "'{url}': hãy viết sqlite:/absolute/path/state.db (một đường dẫn tuyệt đối), hoặc chỉ sqlite",
                en: "'{url}': write sqlite:/absolute/path/state.db, or just sqlite")
        case .notLedgerURL:
            Bilingual(
                vi:
                    "'{url}' không phải vị trí của sổ theo dõi; hãy viết sqlite, sqlite:/path/state.db hoặc postgresql://user@host/database",
                en:
                    "'{url}' is not a ledger location; write sqlite, sqlite:/path/state.db or postgresql://user@host/database"
            )
        case .ledgerPassword:
            Bilingual(
                vi: "URL chứa mật khẩu; hãy xóa mật khẩu khỏi URL và ghi vào tệp do password_file của [store] chỉ định",
                en: "the URL holds a password; remove it and put the password in [store] password_file")
        case .ledgerConnectTimeout:
            Bilingual(
                vi: "connect_timeout trong URL phải là số giây từ 1 đến 600",
                en: "the URL's connect_timeout must be a number of seconds from 1 to 600")
        case .ledgerHiddenParameter:
            Bilingual(
                vi:
                    "URL có một tham số deadlined không hiểu (không hiển thị, phòng khi đó là thông tin bí mật); deadlined hiểu các tham số {known}",
                en:
                    "the URL has a parameter deadlined does not understand (not shown, in case it is a secret); deadlined understands {known}"
            )
        case .ledgerUnknownParameter:
            Bilingual(
                vi: "deadlined không hiểu tham số '{name}' của URL{hint}; deadlined hiểu các tham số {known}",
                en: "unknown URL parameter '{name}'{hint}; deadlined understands {known}")
        case .ledgerSSLMode:
            Bilingual(
                vi: "sslmode trong URL không phải giá trị hợp lệ{hint} (các giá trị được dùng: {list})",
                en: "the URL's sslmode is not a valid sslmode{hint} (one of {list})")
        case .ledgerPort:
            Bilingual(
                vi: "cổng trong URL phải là một số từ 1 đến 65535",
                en: "the URL's port must be a number from 1 to 65535")
        case .sendTimeShippedWatchdog:
            Bilingual(
                vi:
                    "connect_timeout + timeout ({total}) phải nhỏ hơn chu kỳ watchdog ({interval}, WatchdogSec= trong deadlined.service): một lần gửi kéo dài như vậy sẽ khiến systemd buộc dừng deadlined; hãy giảm hai giá trị này, hoặc tăng WatchdogSec= (systemctl edit deadlined)",
                en:
                    "connect_timeout + timeout ({total}) must be below the watchdog interval ({interval}, WatchdogSec= in deadlined.service): a send that takes that long gets deadlined killed; lower them, or raise WatchdogSec= (systemctl edit deadlined)"
            )
        case .sendTimeWatchdog:
            Bilingual(
                vi:
                    "connect_timeout + timeout ({total}) phải nhỏ hơn chu kỳ watchdog ({interval}): một lần gửi kéo dài như vậy sẽ khiến systemd buộc dừng deadlined; hãy giảm hai giá trị này, hoặc tăng WatchdogSec= (systemctl edit deadlined)",
                en:
                    "connect_timeout + timeout ({total}) must be below the watchdog interval ({interval}): a send that takes that long gets deadlined killed; lower them, or raise WatchdogSec= (systemctl edit deadlined)"
            )
        }
    }
}

/// Why a text is not a usable email address (DeadlineKit's `MailboxError`, as `mailbox.ID`).
package enum MailboxText: String, CatalogEntry {
    case lineBreak, notAddress, badCharacters, partialDomain

    package static let area = "mailbox"

    package var texts: Bilingual {
        switch self {
        case .lineBreak:
            Bilingual(
                vi: "địa chỉ thư điện tử không được chứa dấu xuống dòng", en: "an address cannot contain a line break")
        case .notAddress:
            Bilingual(
                vi: "'{address}' không phải địa chỉ thư điện tử (cần dạng tên@tên-miền)",
                en: "'{address}' is not an email address (expected name@domain)")
        case .badCharacters:
            Bilingual(
                vi: "'{address}' có dấu cách hoặc ký tự không được phép trong địa chỉ thư điện tử",
                en: "'{address}' has spaces or characters not allowed in an email address")
        case .partialDomain:
            Bilingual(
                vi: "'{address}': tên miền '{domain}' chưa đầy đủ",
                en: "'{address}': the domain '{domain}' is not a full domain name")
        }
    }
}

/// Why a date, a due date or a moment could not be read (`DueDateError`, from DeadlineKit's date parsers): what
/// `check` says at the value, and what `--now`, `--from`, `--to`, `--until` and `--pretend-now` say of theirs.
///
/// The English of each entry is the `DueDateError`'s description, which the daemon logs (`CatalogDiagnosticTests`).
package enum DateText: String, CatalogEntry {
    case forms, empty, inferredYearOutside, yearOutside, yearHint, about, notISO, timeNotHHMM, unexpectedAfter
    case unexpectedAfterForms, noQuarter, noHalfYear, noMonthUse, unreadable, fourDigits, fourDigitsExample, noYear
    case noMonth, monthLength, monthOfYearLength, momentIsPeriod, notMoment

    package static let area = "date"

    package var texts: Bilingual {
        switch self {
        case .forms:
            Bilingual(
                vi:
                    "hãy viết dạng 10/12/2020, 15:00 10/12/2020, 2020-12-10, 12/2020 (một tháng), Q1/2024 (một quý) hoặc 2024 (một năm)",
                en:
                    "write it as 10/12/2020, 15:00 10/12/2020, 2020-12-10, 12/2020 (a month), Q1/2024 (a quarter) or 2024 (a year)"
            )
        case .empty:
            Bilingual(vi: "thời hạn để trống; {forms}", en: "the due date is empty; {forms}")
        case .inferredYearOutside:
            Bilingual(
                vi:
                    "'{text}' rơi vào năm {year} (ngày như vậy đầu tiên sau ngày ban hành văn bản), ngoài các năm deadlined lập lịch nhắc việc ({years})",
                en:
                    "'{text}' falls in {year} (the first such day after the document's date), outside the years deadlined plans in ({years})"
            )
        case .yearOutside:
            Bilingual(
                vi: "năm {year} nằm ngoài các năm deadlined lập lịch nhắc việc ({years}){hint}",
                en: "the year {year} is outside the years deadlined plans in ({years}){hint}")
        case .yearHint:
            Bilingual(vi: "; có phải ý bạn là năm {year}?", en: "; did you mean {year}?")
        case .about:
            Bilingual(vi: "'{text}': {reason}", en: "'{text}': {reason}")
        case .notISO:
            Bilingual(
                vi: "'{text}' không phải ngày ISO hợp lệ (cần dạng YYYY-MM-DD)",
                en: "'{text}' is not a valid ISO date (expected YYYY-MM-DD)")
        case .timeNotHHMM:
            Bilingual(
                vi: "'{text}': giờ ghi sau ngày không có dạng HH:MM",
                en: "'{text}': the time after the date is not HH:MM")
        case .unexpectedAfter:
            Bilingual(vi: "thừa '{rest}' sau ngày", en: "unexpected '{rest}' after the date")
        case .unexpectedAfterForms:
            Bilingual(vi: "thừa '{rest}' sau ngày; {forms}", en: "unexpected '{rest}' after the date; {forms}")
        case .noQuarter:
            Bilingual(vi: "không có quý {number}; hãy dùng 1 đến 4", en: "there is no quarter {number}; use 1 to 4")
        case .noHalfYear:
            Bilingual(
                vi: "không có nửa năm {number}; hãy dùng H1 (6 tháng đầu năm) hoặc H2 (6 tháng cuối năm)",
                en: "there is no half-year {number}; use H1 or H2")
        case .noMonthUse:
            Bilingual(
                vi: "'{text}': không có tháng {month}; hãy dùng 1 đến 12",
                en: "'{text}': there is no month {month}; use 1 to 12")
        case .unreadable:
            Bilingual(
                vi: "không đọc được '{text}' thành ngày; {forms}", en: "'{text}' is not a date I can read; {forms}")
        case .fourDigits:
            Bilingual(
                vi: "'{text}': năm phải có bốn chữ số{hint}", en: "'{text}': the year must have four digits{hint}")
        case .fourDigitsExample:
            Bilingual(
                vi: "'{text}': năm phải có bốn chữ số, ví dụ 10/12/2020{hint}",
                en: "'{text}': the year must have four digits, e.g. 10/12/2020{hint}")
        case .noYear:
            Bilingual(
                vi:
                    "'{text}' không ghi năm và văn bản của nhiệm vụ không có ngày ban hành: hãy viết năm ({day}/{month}/YYYY) hoặc đặt 'issued' cho văn bản",
                en:
                    "'{text}' has no year and its document has no issued date: write the year ({day}/{month}/YYYY) or set 'issued' on the document"
            )
        case .noMonth:
            Bilingual(
                vi: "'{text}' không phải một ngày: không có tháng {month}",
                en: "'{text}' is not a date: there is no month {month}")
        case .monthLength:
            Bilingual(
                vi: "'{text}' không phải một ngày: tháng {month} chỉ có {days} ngày",
                en: "'{text}' is not a date: month {month} has {days} days")
        case .monthOfYearLength:
            Bilingual(
                vi: "'{text}' không phải một ngày: tháng {month} năm {year} chỉ có {days} ngày",
                en: "'{text}' is not a date: month {month} of {year} has {days} days")
        case .momentIsPeriod:
            Bilingual(
                vi: "'{text}' là một khoảng thời gian, không phải một thời điểm; hãy viết một ngày, ví dụ 20/11/2020",
                en: "'{text}' is a period, not a moment; write a day such as 20/11/2020")
        case .notMoment:
            Bilingual(
                vi:
                    "'{text}' không phải một thời điểm; hãy viết 20/11/2020, '20/11/2020 08:00' hoặc 2020-11-20T08:00:00+07:00",
                en: "'{text}' is not a moment; write 20/11/2020, '20/11/2020 08:00' or 2020-11-20T08:00:00+07:00")
        }
    }
}

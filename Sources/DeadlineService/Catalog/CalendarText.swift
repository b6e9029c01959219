/// What `holidays` and `lunar` say.
package enum CalendarText: String, CatalogEntry {
    case monday, tuesday, wednesday, thursday, friday, saturday, sunday
    case headerDate, headerWeekday, headerLunar, headerDayOff, headerSource
    case sourceLaw, sourceConfiguration, sourceAnnounced, sourceForecast
    case summary, summaryWeekly, summaryOnWeeklyDaysOff, forecastNote, workingDays, workingDay
    case lunarSuffix, lunarLeapSuffix, solarSuffix, outsideYears, lunarOutsideYears
    case giveOneDate, notASingleDay, notASolarDate, notALunarDate, noSuchLunarMonth, noSuchLeapMonth, noLeapMonth
    case monthTooShort, lunarRefused, dayOutOfMonth

    package static let area = "calendar"

    package var texts: Bilingual {
        switch self {
        case .monday: Bilingual(vi: "thứ Hai", en: "Monday")
        case .tuesday: Bilingual(vi: "thứ Ba", en: "Tuesday")
        case .wednesday: Bilingual(vi: "thứ Tư", en: "Wednesday")
        case .thursday: Bilingual(vi: "thứ Năm", en: "Thursday")
        case .friday: Bilingual(vi: "thứ Sáu", en: "Friday")
        case .saturday: Bilingual(vi: "thứ Bảy", en: "Saturday")
        case .sunday: Bilingual(vi: "Chủ nhật", en: "Sunday")
        case .headerDate: Bilingual(vi: "NGÀY", en: "DATE")
        case .headerWeekday: Bilingual(vi: "THỨ", en: "WEEKDAY")
        case .headerLunar: Bilingual(vi: "ÂM LỊCH", en: "LUNAR")
        case .headerDayOff: Bilingual(vi: "NGHỈ", en: "DAY OFF")
        case .headerSource: Bilingual(vi: "NGUỒN", en: "SOURCE")
        case .sourceLaw: Bilingual(vi: "luật", en: "law")
        case .sourceConfiguration: Bilingual(vi: "cấu hình", en: "configuration")
        case .sourceAnnounced: Bilingual(vi: "thông báo", en: "announced")
        case .sourceForecast: Bilingual(vi: "dự kiến", en: "forecast")
        case .summary:
            Bilingual(
                vi: "{count} ngày nghỉ lễ, tết năm {year}{weekly}{more}.\n",
                en: "{count} {count|day|days} off in {year}{weekly}{more}.\n")
        case .summaryWeekly:
            Bilingual(vi: " ngoài các ngày nghỉ hằng tuần ({days})", en: " besides the weekly days off ({days})")
        case .summaryOnWeeklyDaysOff:
            Bilingual(
                vi: "; ngoài ra {count} ngày lễ, tết trùng ngày nghỉ hằng tuần",
                en: "; {count} more {count|holiday falls|holidays fall} on weekly days off")
        case .forecastNote:
            Bilingual(
                vi:
                    "Ngày \"dự kiến\": Thủ tướng Chính phủ quyết định hằng năm; lịch nghỉ năm {year} chưa được ghi trong [[calendar.year]] của cấu hình.\n",
                en:
                    "\"forecast\": the Prime Minister decides these days each year; the announcement for {year} is not written in the configuration's [[calendar.year]].\n"
            )
        case .workingDays:
            Bilingual(vi: "Ngày làm việc theo thông báo: {days}.\n", en: "Working days announced: {days}.\n")
        case .workingDay: Bilingual(vi: "{weekday} {date}", en: "{weekday} {date}")
        case .lunarSuffix: Bilingual(vi: "{date} (âm lịch)\n", en: "{date} (lunar)\n")
        case .lunarLeapSuffix: Bilingual(vi: "{date} (âm lịch, tháng nhuận)\n", en: "{date} (lunar, leap month)\n")
        case .solarSuffix: Bilingual(vi: "{date} (dương lịch)\n", en: "{date} (solar)\n")
        case .outsideYears:
            Bilingual(
                vi: "deadlinectl: holidays: năm {year} nằm ngoài các năm lịch được tính ({first}–{last})\n",
                en: "deadlinectl: holidays: {year} is outside the years the calendar is computed for ({first}–{last})\n"
            )
        case .lunarOutsideYears:
            Bilingual(
                vi: "năm {year} nằm ngoài các năm âm lịch được tính ({first}–{last})",
                en: "{year} is outside the years the lunar calendar is computed for ({first}–{last})")
        case .giveOneDate:
            Bilingual(
                vi: "hãy cho một trong hai: một ngày dương lịch DATE (18/04/2024) hoặc --to-solar D/M/YYYY (10/3/2024)",
                en: "give one of a solar DATE (18/04/2024) and --to-solar D/M/YYYY (10/3/2024)")
        case .notASingleDay:
            Bilingual(
                vi: "'{text}' không phải một ngày; hãy viết 18/04/2024 hoặc 2024-04-18",
                en: "'{text}' is not a single day; write it as 18/04/2024 or 2024-04-18")
        case .notASolarDate:
            Bilingual(
                vi: "'{text}' không phải một ngày dương lịch; hãy viết 18/04/2024 hoặc 2024-04-18",
                en: "'{text}' is not a solar date; write it as 18/04/2024 or 2024-04-18")
        case .notALunarDate:
            Bilingual(
                vi:
                    "'{text}' không phải một ngày âm lịch; hãy viết ngày/tháng/năm, ví dụ 10/3/2024, thêm dấu + sau tháng nhuận: 1/4+/2020",
                en:
                    "'{text}' is not a lunar date; write day/month/year, e.g. 10/3/2024, with + after a leap month: 1/4+/2020"
            )
        case .noSuchLunarMonth:
            Bilingual(
                vi: "không có tháng {month} âm lịch; các tháng từ 1 đến 12",
                en: "there is no lunar month {month}; months are 1 to 12")
        case .noSuchLeapMonth:
            Bilingual(
                vi: "năm âm lịch {year} không có tháng {month} nhuận (tháng nhuận là tháng {leap}+)",
                en: "lunar year {year} has no leap month {month} (its leap month is {leap}+)")
        case .noLeapMonth:
            Bilingual(
                vi: "năm âm lịch {year} không có tháng {month} nhuận (năm này không có tháng nhuận)",
                en: "lunar year {year} has no leap month {month} (it has no leap month)")
        case .dayOutOfMonth:
            Bilingual(
                vi:
                    "'{text}' không phải một ngày: tháng {month} năm {year} có {days} ngày; hãy viết 18/04/2024 hoặc 2024-04-18",
                en:
                    "'{text}' is not a date: month {month} of {year} has {days} days; write it as 18/04/2024 or 2024-04-18"
            )
        case .lunarRefused:
            Bilingual(vi: "deadlinectl: lunar: {problem}\n", en: "deadlinectl: lunar: {problem}\n")
        case .monthTooShort:
            Bilingual(
                vi: "tháng {month} năm âm lịch {year} có {days} ngày, không có ngày {day}",
                en: "month {month} of lunar year {year} has {days} days, not {day}")
        }
    }
}

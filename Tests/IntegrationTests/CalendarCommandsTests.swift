import DeadlineService
import Foundation
import TestSupport
import Testing

/// `deadlinectl holidays` and `deadlinectl lunar`, through the built binary, compared with what an admin would see.
@Suite("deadlinectl holidays and lunar, the built binary")
struct CalendarCommandsTests {
    let deadlinectl = BuiltProducts.path("deadlinectl")

    func run(_ arguments: [String]) async throws -> ProcessResult {
        try await ProcessRunner.run(
            deadlinectl, arguments, environment: ProcessRunner.environment(removing: ["DEADLINED_CONFIG"]))
    }

    /// A main file with no [calendar]: the defaults apply.
    func emptyConfig(_ dir: TemporaryDirectory) throws -> String {
        try dir.write("deadlined.toml", "# no [calendar]: the defaults\n")
    }

    @Test("holidays 2025 --json with the defaults: Tết 27/1–31/1, Giỗ Tổ 7/4, 1/9 beside 2/9")
    func holidays2025JSON() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let result = try await run(["holidays", "2025", "--json", "--config", try emptyConfig(dir)])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let expected = [
            day("2025-01-01", "Tết Dương lịch", "new_year", "law"),
            day("2025-01-27", "Tết Nguyên đán (28 tháng Chạp)", "tet", "forecast", "28/12"),
            day("2025-01-28", "Tết Nguyên đán (29 tháng Chạp)", "tet", "forecast", "29/12"),
            day("2025-01-29", "Tết Nguyên đán (mùng 1)", "tet", "forecast", "1/1"),
            day("2025-01-30", "Tết Nguyên đán (mùng 2)", "tet", "forecast", "2/1"),
            day("2025-01-31", "Tết Nguyên đán (mùng 3)", "tet", "forecast", "3/1"),
            day("2025-04-07", "Giỗ Tổ Hùng Vương", "hung_kings", "law", "10/3"),
            day("2025-04-30", "Ngày Giải phóng miền Nam, thống nhất đất nước", "reunification", "law"),
            day("2025-05-01", "Ngày Quốc tế Lao động", "labour_day", "law"),
            day("2025-09-01", "Quốc khánh (ngày liền kề)", "national_day", "forecast"),
            day("2025-09-02", "Quốc khánh", "national_day", "law"),
        ]
        #expect(result.stdout == "[\n" + expected.joined(separator: ",\n") + "\n]\n")
    }

    /// One entry of `holidays --json` as printed.
    func day(_ date: String, _ name: String, _ kind: String, _ source: String, _ lunar: String? = nil) -> String {
        let lunarLine = lunar.map { ",\n    \"lunar\": \"\($0)\"" } ?? ""
        return "  {\n    \"date\": \"\(date)\",\n    \"name\": \"\(name)\",\n    \"kind\": \"\(kind)\",\n"
            + "    \"source\": \"\(source)\"\(lunarLine)\n  }"
    }

    /// Issue 23: a declared solar holiday with a nghỉ bù (24/11, a Saturday in 2029) and a declared lunar one
    /// without (15/8 âm lịch, Saturday 22/9/2029), listed with their source; the year's announced Tết and
    /// Quốc khánh make those days "announced", and the count leaves out the three holidays on the weekend.
    @Test("holidays 2029 --json and text with declared holidays across a weekend")
    func declaredHolidays() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let main = try dir.write(
            "deadlined.toml",
            """
            [[calendar.year]]
            year = 2029
            tet_first_day = "12/02/2029"
            national_day_companion = "03/09/2029"

            [[calendar.holiday]]
            date = "24/11"
            from = 2026
            name = "Ngày Văn hóa Việt Nam"
            name_en = "Vietnam Culture Day"

            [[calendar.holiday]]
            lunar = "15/8"
            from = 2027
            name = "Tết Trung thu"
            name_en = "Mid-Autumn Festival"
            compensated = false
            """)
        let json = try await run(["holidays", "2029", "--json", "--lang", "en", "--config", main])
        #expect(json.status == 0)
        #expect(json.stderr == "")
        let expected = [
            day("2029-01-01", "New Year's Day", "new_year", "law"),
            day("2029-02-12", "Lunar New Year (29th day of the 12th month)", "tet", "announced", "29/12"),
            day("2029-02-13", "Lunar New Year (day 1)", "tet", "announced", "1/1"),
            day("2029-02-14", "Lunar New Year (day 2)", "tet", "announced", "2/1"),
            day("2029-02-15", "Lunar New Year (day 3)", "tet", "announced", "3/1"),
            day("2029-02-16", "Lunar New Year (day 4)", "tet", "announced", "4/1"),
            day("2029-04-23", "Hung Kings' Commemoration Day", "hung_kings", "law", "10/3"),
            day("2029-04-30", "Reunification Day", "reunification", "law"),
            day("2029-05-01", "International Labour Day", "labour_day", "law"),
            day("2029-09-02", "National Day", "national_day", "law"),
            day("2029-09-03", "National Day (adjacent day)", "national_day", "announced"),
            day("2029-09-04", "Compensatory day off", "weekend_compensation", "law"),
            day("2029-09-22", "Mid-Autumn Festival", "declared", "configuration", "15/8"),
            day("2029-11-24", "Vietnam Culture Day", "declared", "configuration"),
            day("2029-11-26", "Compensatory day off", "weekend_compensation", "configuration"),
        ]
        #expect(json.stdout == "[\n" + expected.joined(separator: ",\n") + "\n]\n")
        let text = try await run(["holidays", "2029", "--config", main])
        #expect(
            text.stdout.hasSuffix(
                """
                02/09/2029  Chủ nhật           Quốc khánh                                     luật
                03/09/2029  thứ Hai            Quốc khánh (ngày liền kề)                      thông báo
                04/09/2029  thứ Ba             Nghỉ bù                                        luật
                22/09/2029  thứ Bảy   15/8     Tết Trung thu                                  cấu hình
                24/11/2029  thứ Bảy            Ngày Văn hóa Việt Nam                          cấu hình
                26/11/2029  thứ Hai            Nghỉ bù                                        cấu hình
                12 ngày nghỉ lễ, tết năm 2029 ngoài các ngày nghỉ hằng tuần (thứ Bảy, Chủ nhật); ngoài ra 3 ngày lễ, tết trùng ngày nghỉ hằng tuần.

                """))
        // Before its first year the declared day is a working day.
        let before = try await run(["holidays", "2025", "--json", "--config", main])
        #expect(!before.stdout.contains("declared"))
    }

    /// Issue 19 §7: 2021 has 14 days in the list, 3 of them on the weekend (Saturday 13/2, Sunday 14/2, Saturday
    /// 1/5), so 11 days off besides the weekly ones; Tết and the companion are a forecast without [[calendar.year]].
    @Test("holidays 2021 counts the days off besides the weekend and marks the forecast")
    func holidays2021Count() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try emptyConfig(dir)
        let vi = try await run(["holidays", "2021", "--config", config])
        #expect(
            vi.stdout.hasSuffix(
                """
                11 ngày nghỉ lễ, tết năm 2021 ngoài các ngày nghỉ hằng tuần (thứ Bảy, Chủ nhật); ngoài ra 3 ngày lễ, tết trùng ngày nghỉ hằng tuần.
                Ngày "dự kiến": Thủ tướng Chính phủ quyết định hằng năm; lịch nghỉ năm 2021 chưa được ghi trong [[calendar.year]] của cấu hình.

                """))
        #expect(vi.stdout.contains("10/02/2021  thứ Tư    29/12    Tết Nguyên đán (29 tháng Chạp)"))
        #expect(vi.stdout.contains("dự kiến\n"))
        let en = try await run(["holidays", "2021", "--lang", "en", "--config", config])
        #expect(
            en.stdout.hasSuffix(
                """
                11 days off in 2021 besides the weekly days off (Saturday, Sunday); 3 more holidays fall on weekly days off.
                "forecast": the Prime Minister decides these days each year; the announcement for 2021 is not written in the configuration's [[calendar.year]].

                """))
        // Without a configuration, 2020 has no companion of Quốc khánh: it exists from 2021 (BLLĐ 2019).
        let json = try await run(["holidays", "2020", "--json", "--config", config])
        let days = try #require(try JSONSerialization.jsonObject(with: json.standardOutput) as? [[String: String]])
        #expect(days.filter { $0["kind"] == "national_day" }.map { $0["date"] } == ["2020-09-02"])
        #expect(days.filter { $0["kind"] == "tet" }.map { $0["source"] } == Array(repeating: "forecast", count: 5))
    }

    @Test("holidays in English, with the config's overrides and a nghỉ bù")
    func holidaysEnglishWithOverrides() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let main = try dir.write(
            "deadlined.toml",
            """
            [[calendar.override]]
            date = "02/05/2025"
            off = true
            note = "Nghỉ hoán đổi, làm bù thứ Bảy 26/04/2025"

            [[calendar.override]]
            date = "26/04/2025"
            work = true
            """)
        let result = try await run(["holidays", "2025", "--lang", "en", "--config", main])
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                DATE        WEEKDAY    LUNAR  DAY OFF                                      SOURCE
                01/01/2025  Wednesday         New Year's Day                               law
                27/01/2025  Monday     28/12  Lunar New Year (28th day of the 12th month)  forecast
                28/01/2025  Tuesday    29/12  Lunar New Year (29th day of the 12th month)  forecast
                29/01/2025  Wednesday  1/1    Lunar New Year (day 1)                       forecast
                30/01/2025  Thursday   2/1    Lunar New Year (day 2)                       forecast
                31/01/2025  Friday     3/1    Lunar New Year (day 3)                       forecast
                07/04/2025  Monday     10/3   Hung Kings' Commemoration Day                law
                30/04/2025  Wednesday         Reunification Day                            law
                01/05/2025  Thursday          International Labour Day                     law
                02/05/2025  Friday            Swapped day off                              announced
                01/09/2025  Monday            National Day (adjacent day)                  forecast
                02/09/2025  Tuesday           National Day                                 law
                12 days off in 2025 besides the weekly days off (Saturday, Sunday).
                "forecast": the Prime Minister decides these days each year; the announcement for 2025 is not written in the configuration's [[calendar.year]].
                Working days announced: Saturday 26/04/2025.

                """)
        // 2024: mùng 1 and mùng 2 fall on the weekend, so Tuesday 13/2 and Wednesday 14/2 are nghỉ bù.
        let json = try await run(["holidays", "2024", "--json", "--lang", "en", "--config", main])
        let days = try #require(try JSONSerialization.jsonObject(with: json.standardOutput) as? [[String: String]])
        #expect(
            days.filter { $0["kind"] == "weekend_compensation" }.map { $0["date"] } == ["2024-02-13", "2024-02-14"])
        #expect(days.first { $0["date"] == "2024-02-13" }?["name"] == "Compensatory day off")
        #expect(days.first { $0["date"] == "2024-02-13" }?["lunar"] == nil)
    }

    @Test("the example configuration: 2020 with its announced Tết and Quốc khánh alone, and the 2025 swap")
    func exampleConfig() async throws {
        let result = try await run(["holidays", "2020", "--json", "--config", BuiltProducts.exampleConfig])
        let days = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [[String: String]])
        #expect(days.filter { $0["kind"] == "national_day" }.map { $0["date"] } == ["2020-09-02"])
        #expect(
            days.filter { $0["kind"] == "tet" }.map { $0["date"] } == [
                "2020-01-23", "2020-01-24", "2020-01-25", "2020-01-26", "2020-01-27",
            ])
        let text = try await run(["holidays", "2025", "--config", BuiltProducts.exampleConfig])
        #expect(days.filter { $0["kind"] == "tet" }.map { $0["source"] } == Array(repeating: "announced", count: 5))
        #expect(
            text.stdout.contains(
                "02/05/2025  thứ Sáu           Nghỉ hoán đổi, làm bù thứ Bảy 26/04/2025       thông báo\n"))
        #expect(text.stdout.hasSuffix("Ngày làm việc theo thông báo: thứ Bảy 26/04/2025.\n"))
    }

    @Test("docs/calendar.md's table of statutory holidays is the one the calendar computes from")
    func guideHolidayTable() throws {
        let guide = try String(contentsOfFile: BuiltProducts.repositoryRoot + "/docs/calendar.md", encoding: .utf8)
        let begin = "<!-- BEGIN HOLIDAY TABLE -->\n"
        let start = try #require(guide.range(of: begin)).upperBound
        let stop = try #require(guide.range(of: "<!-- END HOLIDAY TABLE -->")).lowerBound
        #expect(String(guide[start..<stop]) == HolidayReport.lawTableMarkdown())
    }

    @Test("holidays refuses a year outside 1901–2199 and an unknown language")
    func holidaysBadArguments() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let config = try emptyConfig(dir)
        let year = try await run(["holidays", "2300", "--config", config])
        #expect(year.status == 2)
        #expect(year.stderr == "deadlinectl: holidays: năm 2300 nằm ngoài các năm lịch được tính (1901–2199)\n")
        let english = try await run(["holidays", "2300", "--config", config, "--lang", "en"])
        #expect(
            english.stderr
                == "deadlinectl: holidays: 2300 is outside the years the calendar is computed for (1901–2199)\n")
        let language = try await run(["holidays", "2025", "--lang", "fr", "--config", config])
        #expect(language.status == 2)
        #expect(language.stderr == "deadlinectl: --lang: 'fr' không phải một ngôn ngữ; hãy dùng vi hoặc en\n")
    }

    @Test(
        "lunar converts a solar date",
        arguments: [
            ("18/04/2024", "10/3/2024 (âm lịch)\n"), ("2024-02-10", "1/1/2024 (âm lịch)\n"),
            ("23/05/2020", "1/4+/2020 (âm lịch, tháng nhuận)\n"), ("09/02/2024", "30/12/2023 (âm lịch)\n"),
        ])
    func lunar(_ date: String, _ shown: String) async throws {
        let result = try await run(["lunar", date])
        #expect(result.status == 0)
        #expect(result.stdout == shown)
    }

    @Test("lunar --json, and --to-solar with a leap month")
    func lunarJSONAndBack() async throws {
        let json = try await run(["lunar", "18/04/2024", "--json"])
        #expect(
            json.stdout == """
                {
                  "solar": "2024-04-18",
                  "lunar": "10/3/2024",
                  "lunar_day": 10,
                  "lunar_month": 3,
                  "lunar_year": 2024,
                  "leap_month": false
                }

                """)
        let back = try await run(["lunar", "--to-solar", "1/4+/2020"])
        #expect(back.stdout == "23/05/2020 (dương lịch)\n")
        let english = try await run(["lunar", "--to-solar", "10/3/2024", "--lang", "en"])
        #expect(english.stdout == "18/04/2024 (solar)\n")
        let leapJSON = try await run(["lunar", "--to-solar", "1/4+/2020", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: leapJSON.standardOutput) as? [String: Any])
        #expect(object["solar"] as? String == "2020-05-23")
        #expect(object["lunar"] as? String == "1/4+/2020")
        #expect(object["leap_month"] as? Bool == true)
    }

    @Test(
        "lunar explains what cannot be converted",
        arguments: [
            (
                ["lunar", "--to-solar", "1/4+/2021", "--lang", "en"],
                "lunar year 2021 has no leap month 4 (it has no leap month)"
            ),
            (
                ["lunar", "--to-solar", "1/2+/2020", "--lang", "en"],
                "lunar year 2020 has no leap month 2 (its leap month is 4+)"
            ),
            (["lunar", "--to-solar", "30/3/2024", "--lang", "en"], "month 3 of lunar year 2024 has 29 days, not 30"),
            (
                ["lunar", "--to-solar", "mùng 1 Tết", "--lang", "en"],
                "'mùng 1 Tết' is not a lunar date; write day/month/year, e.g. 10/3/2024, with + after a leap month: 1/4+/2020"
            ),
            (
                ["lunar", "31/02/2024", "--lang", "en"],
                "'31/02/2024' is not a date: month 2 of 2024 has 29 days; write it as 18/04/2024 or 2024-04-18"
            ),
            (["lunar", "--lang", "en"], "give one of a solar DATE (18/04/2024) and --to-solar D/M/YYYY (10/3/2024)"),
            (
                ["lunar", "18/04/2024", "--to-solar", "10/3/2024", "--lang", "en"],
                "give one of a solar DATE (18/04/2024) and --to-solar D/M/YYYY (10/3/2024)"
            ),
            (
                ["lunar", "--to-solar", "1/4+/2021"],
                "năm âm lịch 2021 không có tháng 4 nhuận (năm này không có tháng nhuận)"
            ),
            (
                ["lunar", "--to-solar", "1/2+/2020"],
                "năm âm lịch 2020 không có tháng 2 nhuận (tháng nhuận là tháng 4+)"
            ),
            (["lunar", "--to-solar", "30/3/2024"], "tháng 3 năm âm lịch 2024 có 29 ngày, không có ngày 30"),
            (
                ["lunar", "31/02/2024"],
                "'31/02/2024' không phải một ngày: tháng 2 năm 2024 có 29 ngày; hãy viết 18/04/2024 hoặc 2024-04-18"
            ),
            (
                ["lunar"],
                "hãy cho một trong hai: một ngày dương lịch DATE (18/04/2024) hoặc --to-solar D/M/YYYY (10/3/2024)"
            ),
        ])
    func lunarErrors(_ arguments: [String], _ message: String) async throws {
        let result = try await run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "deadlinectl: lunar: \(message)\n")
    }
}

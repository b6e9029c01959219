import DeadlineImport
import DeadlineKit
import Testing

private func day(_ d: Int, _ m: Int, _ y: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

/// One constructed sentence with the single deadline it must yield.
struct ImportFormCase: Sendable, CustomTestStringConvertible {
    let sentence: String
    var issued = day(19, 11, 2020)
    /// ISO due date, or nil for a recurring deadline.
    var due: String?
    var granularity: DueDate.Granularity = .day
    var time: String?
    var rrule: String?
    let unit: String
    var task: String?
    var testDescription: String { sentence }
}

@Suite("deadlinectl import: deadline forms")
struct ImportFormTests {
    static let cases: [ImportFormCase] = [
        // One-off days, with and without a year, in every separator.
        ImportFormCase(
            sentence: "Sở Tài chính báo cáo UBND Thành phố trước ngày 10/12/2020.", due: "2020-12-10",
            unit: "Sở Tài chính",
            task: "Báo cáo UBND Thành phố"),
        ImportFormCase(
            sentence: "Sở Nội vụ gửi báo cáo trước ngày 30/1.", due: "2021-01-30", unit: "Sở Nội vụ",
            task: "Gửi báo cáo"),
        ImportFormCase(
            sentence: "Sở Kế hoạch và Đầu tư hoàn thành dự thảo chậm nhất ngày 15/12/2020.", due: "2020-12-15",
            unit: "Sở Kế hoạch và Đầu tư", task: "Hoàn thành dự thảo"),
        ImportFormCase(
            sentence: "Sở Tài chính báo cáo UBND Thành phố chậm nhất là ngày 15 tháng 5 năm 2021.", due: "2021-05-15",
            unit: "Sở Tài chính"),
        ImportFormCase(
            sentence: "Các sở, ban, ngành gửi hồ sơ trước 15 giờ ngày 10/12/2020.", due: "2020-12-10", time: "15:00",
            unit: "Các sở, ban, ngành", task: "Gửi hồ sơ"),
        ImportFormCase(
            sentence: "Sở Tài chính gửi báo cáo trước 15h30 ngày 10/12/2020.", due: "2020-12-10", time: "15:30",
            unit: "Sở Tài chính"),
        ImportFormCase(
            sentence: "Sở Tài chính trình UBND Thành phố trước ngày 31 tháng 12 năm 2024.", due: "2024-12-31",
            unit: "Sở Tài chính"),
        ImportFormCase(sentence: "Các đơn vị gửi báo cáo trước ngày 5-12-2022.", due: "2022-12-05", unit: "Các đơn vị"),
        ImportFormCase(
            sentence: "Các đơn vị nộp hồ sơ chậm nhất ngày 10.1.2023.", due: "2023-01-10", unit: "Các đơn vị"),
        ImportFormCase(
            sentence: "Sở Kế hoạch và Đầu tư báo cáo kết quả, hạn chót là ngày 20/12/2020.", due: "2020-12-20",
            unit: "Sở Kế hoạch và Đầu tư"),
        ImportFormCase(
            sentence: "Sở Nội vụ báo cáo trước ngày 15/1.", issued: day(10, 1, 2021), due: "2021-01-15",
            unit: "Sở Nội vụ"),
        // Words for numbers.
        ImportFormCase(
            sentence: "Sở Tài chính báo cáo trước ngày mười lăm tháng mười hai năm 2020.", due: "2020-12-15",
            unit: "Sở Tài chính"),
        ImportFormCase(
            sentence: "Các đơn vị báo cáo trước ngày hai mươi mốt tháng giêng năm 2021.", due: "2021-01-21",
            unit: "Các đơn vị"),
        ImportFormCase(
            sentence: "Các đơn vị hoàn thành trong quý một năm 2021.", due: "2021-03-31", granularity: .quarter,
            unit: "Các đơn vị"),
        ImportFormCase(
            sentence: "Sở Nội vụ báo cáo trước ngày mười lăm tháng tư.", issued: day(1, 3, 2021), due: "2021-04-15",
            unit: "Sở Nội vụ"),
        // Years in words: in full, the spoken short form, `linh`; the year words are not part of the task.
        ImportFormCase(
            sentence: "Sở Tài chính báo cáo trước ngày mười lăm tháng một năm hai nghìn không trăm hai mươi hai.",
            due: "2022-01-15",
            unit: "Sở Tài chính", task: "Báo cáo"),
        ImportFormCase(
            sentence: "Sở Nội vụ hoàn thành trong tháng mười hai năm hai nghìn không trăm hai mươi mốt.",
            due: "2021-12-31",
            granularity: .month, unit: "Sở Nội vụ", task: "Hoàn thành"),
        ImportFormCase(
            sentence: "Sở Nội vụ hoàn thành trong năm hai nghìn hai mươi tư.", due: "2024-12-31", granularity: .year,
            unit: "Sở Nội vụ", task: "Hoàn thành"),
        ImportFormCase(
            sentence: "Sở Tài chính hoàn thành trong 6 tháng cuối năm hai ngàn không trăm hai mươi ba.",
            due: "2023-12-31",
            granularity: .halfYear, unit: "Sở Tài chính", task: "Hoàn thành"),
        ImportFormCase(
            sentence: "Sở Tài chính báo cáo trước ngày 5 tháng 3 năm hai nghìn không trăm linh năm.",
            issued: day(1, 1, 2005),
            due: "2005-03-05", unit: "Sở Tài chính", task: "Báo cáo"),
        // Periods: their last day; `trước` a period: the day before it starts.
        ImportFormCase(
            sentence: "Sở Nội vụ hoàn thành việc rà soát trong tháng 12/2020.", due: "2020-12-31", granularity: .month,
            unit: "Sở Nội vụ", task: "Hoàn thành việc rà soát"),
        ImportFormCase(
            sentence: "UBND các quận, huyện, thị xã hoàn thành trong quý I/2024.", due: "2024-03-31",
            granularity: .quarter,
            unit: "UBND các quận, huyện, thị xã"),
        ImportFormCase(
            sentence: "Sở Tài chính hoàn thành việc quyết toán trong năm 2024.", due: "2024-12-31", granularity: .year,
            unit: "Sở Tài chính"),
        ImportFormCase(
            sentence: "Các đơn vị hoàn thành trong 6 tháng đầu năm 2024.", due: "2024-06-30", granularity: .halfYear,
            unit: "Các đơn vị"),
        ImportFormCase(
            sentence: "Các đơn vị hoàn thành trong 6 tháng đầu năm.", due: "2021-06-30", granularity: .halfYear,
            unit: "Các đơn vị"),
        ImportFormCase(
            sentence: "Sở Tài chính hoàn thành trong quý IV.", due: "2020-12-31", granularity: .quarter,
            unit: "Sở Tài chính"),
        ImportFormCase(
            sentence: "UBND các quận, huyện, thị xã hoàn thành trước tháng 6/2023.", due: "2023-05-31",
            unit: "UBND các quận, huyện, thị xã"),
        ImportFormCase(
            sentence: "Sở Xây dựng khởi công dự án vào quí 3-2024.", due: "2024-09-30", granularity: .quarter,
            unit: "Sở Xây dựng", task: "Khởi công dự án"),
        ImportFormCase(
            sentence: "Sở Nội vụ tổ chức hội nghị vào tháng 9 tới.", issued: day(15, 8, 2023), due: "2023-09-30",
            granularity: .month, unit: "Sở Nội vụ"),
        ImportFormCase(
            sentence: "Sở Nội vụ tổ chức hội nghị vào tháng 9 tới.", issued: day(20, 9, 2023), due: "2024-09-30",
            granularity: .month, unit: "Sở Nội vụ"),
        ImportFormCase(
            sentence: "Các quận, huyện hoàn thành việc cắm mốc từ nay đến tháng 6/2023.", issued: day(10, 1, 2023),
            due: "2023-06-30", granularity: .month, unit: "Các quận, huyện", task: "Hoàn thành việc cắm mốc"),
        ImportFormCase(
            sentence: "Thành phố hoàn thiện hồ sơ để trình Quốc hội thông qua tại kỳ họp tháng 5/2024.",
            issued: day(9, 1, 2024), due: "2024-05-31", granularity: .month, unit: "Thành phố",
            task: "Hoàn thiện hồ sơ để trình Quốc hội thông qua"),
        ImportFormCase(
            sentence: "Trong tháng 12/2020, các sở phải hoàn thành việc rà soát.", due: "2020-12-31",
            granularity: .month,
            unit: "các sở", task: "Hoàn thành việc rà soát"),
        // Tết: the day before mùng 1 Tết (10/2/2024).
        ImportFormCase(
            sentence: "Các cấp ủy hoàn thành trước Tết Nguyên đán 2024.", issued: day(1, 11, 2023), due: "2024-02-09",
            unit: "Các cấp ủy"),
        ImportFormCase(
            sentence: "Các đơn vị báo cáo trước Tết Giáp Thìn.", issued: day(1, 11, 2023), due: "2024-02-09",
            unit: "Các đơn vị"),
        // Recurring forms.
        ImportFormCase(
            sentence: "Các sở, ban, ngành báo cáo hằng tháng trước ngày 20.", rrule: "FREQ=MONTHLY;BYMONTHDAY=20",
            unit: "Các sở, ban, ngành", task: "Báo cáo"),
        ImportFormCase(
            sentence: "Các đơn vị báo cáo trước ngày 22 hàng tháng.", rrule: "FREQ=MONTHLY;BYMONTHDAY=22",
            unit: "Các đơn vị"),
        ImportFormCase(
            sentence: "Sở Tài chính báo cáo định kỳ hằng quý.", rrule: "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=-1",
            unit: "Sở Tài chính"),
        ImportFormCase(
            sentence: "Các sở báo cáo định kỳ hằng quý trước ngày 15 của tháng cuối quý.",
            rrule: "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15", unit: "Các sở"),
        ImportFormCase(
            sentence: "Sở Nội vụ tổng hợp, báo cáo hằng năm trước ngày 15/12.",
            rrule: "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15",
            unit: "Sở Nội vụ"),
        ImportFormCase(
            sentence: "Các đơn vị gửi báo cáo vào thứ sáu hằng tuần.", rrule: "FREQ=WEEKLY;BYDAY=FR", unit: "Các đơn vị"
        ),
        ImportFormCase(
            sentence: "Các đơn vị báo cáo định kỳ 6 tháng một lần.", rrule: "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=-1",
            unit: "Các đơn vị"),
    ]

    @Test("each form yields its one deadline, due date, unit and task", arguments: cases)
    func form(_ c: ImportFormCase) throws {
        let proposal = DocumentImporter.propose(c.sentence, options: ImportOptions(issued: c.issued))
        #expect(proposal.deadlines.count == 1)
        let d = try #require(proposal.deadlines.first)
        #expect(d.due?.date.iso == c.due)
        if c.due != nil {
            #expect(d.due?.granularity == c.granularity)
            #expect(d.due?.time?.description == c.time)
        }
        #expect(d.recurrence?.rrule == c.rrule)
        #expect(d.unit == c.unit)
        if let task = c.task { #expect(d.task == task) }
        #expect(d.sentence == c.sentence)
        #expect(d.offset == 0)
        #expect((0.0...1.0).contains(d.confidence))
    }

    @Test("a date without a year and no issue date gives a deadline with no due date, for the admin to complete")
    func noReference() throws {
        let proposal = DocumentImporter.propose("Sở Nội vụ báo cáo trước ngày 30/1.")
        let d = try #require(proposal.deadlines.first)
        #expect(d.due == nil)
        #expect(d.recurrence == nil)
        #expect(d.phrase == "trước ngày 30/1")
    }

    @Test("two deadlines in one sentence, one per clause, each with its own unit")
    func twoClauses() {
        let text = "Sở Tài chính báo cáo trước ngày 10/12/2020; Sở Nội vụ hoàn thành việc rà soát trong tháng 1/2021."
        let proposal = DocumentImporter.propose(text, options: ImportOptions(issued: day(19, 11, 2020)))
        #expect(proposal.deadlines.map { $0.due?.date.iso } == ["2020-12-10", "2021-01-31"])
        #expect(proposal.deadlines.map(\.unit) == ["Sở Tài chính", "Sở Nội vụ"])
        #expect(proposal.deadlines.map(\.task) == ["Báo cáo", "Hoàn thành việc rà soát"])
    }

    @Test("the unit a task is handed to (giao X) wins over the sentence's subject; titles are dropped")
    func assignee() {
        let text = "UBND TP giao Giám đốc Sở Tài chính chủ trì, hoàn thành dự thảo trước ngày 15/12/2020."
        let proposal = DocumentImporter.propose(text)
        #expect(proposal.deadlines.map(\.unit) == ["Sở Tài chính"])
    }

    @Test("a sentence with no unit takes the one of the sentence before, in the same paragraph only")
    func earlierSentence() {
        let text =
            "UBND TP giao Sở Nội vụ chủ trì xây dựng đề án. Dự thảo đề án trình UBND TP trước ngày 15/12/2020.\n"
            + "Dự thảo quy chế trình UBND TP trước ngày 20/12/2020."
        let proposal = DocumentImporter.propose(text)
        #expect(proposal.deadlines.map(\.unit) == ["Sở Nội vụ", nil])
        #expect(proposal.deadlines.map(\.unitFromEarlierSentence) == [true, false])
        // Worded as orders: the verb first.
        #expect(proposal.deadlines.map(\.task) == ["Trình UBND TP dự thảo đề án", "Trình UBND TP dự thảo quy chế"])
    }
}

import DeadlineImport
import DeadlineKit
import Testing

private func day(_ d: Int, _ m: Int, _ y: Int) -> CivilDate { CivilDate(year: y, month: m, day: d)! }

/// The phrasing classes of issue 15, one sentence each, worded as the corpus's documents word them (the corpus
/// itself is scored by ``ImportCorpusTests``): what each must yield, and what must not be proposed.
@Suite("deadlinectl import: phrasing classes of the corpus")
struct ImportPhrasingClassTests {
    static let deadlines: [ImportFormCase] = [
        // Report deadlines tied to the reporting period (Thông tư 02/2023/TT-BTTTT, Nghị định 09/2019/NĐ-CP).
        ImportFormCase(
            sentence: "Các cơ quan gửi báo cáo định kỳ hằng tháng chậm nhất ngày 15 (mười lăm) của tháng báo cáo.",
            rrule: "FREQ=MONTHLY;BYMONTHDAY=15", unit: "Các cơ quan", task: "Gửi báo cáo định kỳ hằng tháng"),
        ImportFormCase(
            sentence: "Sở Tài chính gửi báo cáo quý chậm nhất ngày 06 của tháng cuối quý.",
            rrule: "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=6", unit: "Sở Tài chính"),
        ImportFormCase(
            sentence: "Các cơ sở in gửi báo cáo 6 tháng đầu năm trước ngày 10/7 của năm báo cáo.",
            rrule: "FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=10", unit: "Các cơ sở in", task: "Gửi báo cáo 6 tháng đầu năm"),
        ImportFormCase(
            sentence: "Các cơ sở in gửi báo cáo cả năm trước ngày 10/01 của năm liền kề năm báo cáo.",
            rrule: "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=10", unit: "Các cơ sở in", task: "Gửi báo cáo cả năm"),
        ImportFormCase(
            sentence: "Các đơn vị dự toán gửi báo cáo quyết toán năm trước ngày 30/6 năm sau.",
            rrule: "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30", unit: "Các đơn vị dự toán"),
        ImportFormCase(
            sentence: "Phòng Nội vụ các huyện báo cáo từ ngày 01 đến ngày 05 hằng tháng.",
            rrule: "FREQ=MONTHLY;BYMONTHDAY=5",
            unit: "Phòng Nội vụ các huyện"),
        // `hàng tháng` as `hằng tháng`; the day written again in words is not a second number.
        ImportFormCase(
            sentence: "Sở Y tế gửi báo cáo về Văn phòng UBND tỉnh trước ngày 25 (hai mươi lăm) hàng tháng.",
            rrule: "FREQ=MONTHLY;BYMONTHDAY=25", unit: "Sở Y tế", task: "Gửi báo cáo về Văn phòng UBND tỉnh"),
        // Dates with dots, and in words.
        ImportFormCase(
            sentence: "Sở Tư pháp hoàn thành trước ngày 25.12.2017.", issued: day(1, 12, 2017), due: "2017-12-25",
            unit: "Sở Tư pháp"),
        ImportFormCase(
            sentence: "Sở Nội vụ gửi báo cáo chậm nhất ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi mốt.",
            due: "2021-03-15", unit: "Sở Nội vụ", task: "Gửi báo cáo"),
        // Relative to the document's date: calendar days, working days (Saturday, Sunday and holidays off).
        ImportFormCase(
            sentence: "Sở Công Thương báo cáo UBND tỉnh trong thời hạn 10 ngày kể từ ngày nhận được văn bản này.",
            issued: day(4, 3, 2024), due: "2024-03-14", unit: "Sở Công Thương", task: "Báo cáo UBND tỉnh"),
        // 08/4/2021 + 30 working days, with Giỗ Tổ (21/4), 30/4 and the nghỉ bù for 1/5 (3/5) off.
        ImportFormCase(
            sentence: "Sở Tài nguyên và Môi trường báo cáo UBND tỉnh trong 30 ngày làm việc.", issued: day(8, 4, 2021),
            due: "2021-05-25", unit: "Sở Tài nguyên và Môi trường"),
        // A year or period alone right after an obligation; a fronted day with `phải`.
        ImportFormCase(
            sentence: "Các bộ khẩn trương hoàn thiện 23 đề án phải trình năm 2025.", issued: day(4, 11, 2025),
            due: "2025-12-31",
            granularity: .year, unit: "Các bộ"),
        ImportFormCase(
            sentence: "Ngày 1/5, 63 tỉnh, thành phố phải gửi đề án sắp xếp về Bộ Nội vụ.", issued: day(1, 4, 2025),
            due: "2025-05-01", unit: "63 tỉnh, thành phố", task: "Gửi đề án sắp xếp về Bộ Nội vụ"),
        // Months listed with one year: the last.
        ImportFormCase(
            sentence: "Các huyện hoàn thành việc kiểm điểm trong tháng 11, tháng 12 năm 2025.",
            issued: day(1, 10, 2025),
            due: "2025-12-31", granularity: .month, unit: "Các huyện"),
    ]

    @Test("each class yields its one deadline, due date or recurrence, unit and task", arguments: deadlines)
    func deadline(_ c: ImportFormCase) throws {
        let proposal = DocumentImporter.propose(c.sentence, options: ImportOptions(issued: c.issued))
        #expect(proposal.deadlines.count == 1, "\(proposal.deadlines.map(\.phrase))")
        let d = try #require(proposal.deadlines.first)
        #expect(d.due?.date.iso == c.due)
        if c.due != nil { #expect(d.due?.granularity == c.granularity) }
        #expect(d.recurrence?.rrule == c.rrule)
        #expect(d.unit == c.unit)
        if let task = c.task { #expect(d.task == task) }
    }

    static let notDeadlines: [BackgroundCase] = [
        BackgroundCase(
            sentence: "Về báo cáo tháng, thời gian chốt số liệu ngày 25 tháng báo cáo.",
            why: "cutoff: a data cut-off day"),
        BackgroundCase(
            sentence: "Số liệu báo cáo được tính từ ngày 15 tháng trước đến ngày 14 của tháng báo cáo.",
            why: "cutoff: the bounds of a reporting period"),
        BackgroundCase(
            sentence: "Bộ Nội vụ sẽ tổng hợp, báo cáo Chính phủ trước ngày 30/9.",
            why: "announcement: what a body will do (sẽ)"),
        BackgroundCase(
            sentence: "Dự kiến, thời gian giám sát vào cuối tháng 9/2021.",
            why: "announcement: what is planned (dự kiến)"),
        BackgroundCase(
            sentence: "Theo lộ trình, trong tháng 7 tới, UBND thành phố sẽ trình HĐND thành phố đề án.",
            why: "announcement: a fronted date, then what a body will do"),
        BackgroundCase(
            sentence: "Ngày 19/11, Sở Tài chính vừa có văn bản đề nghị các quận, huyện báo cáo tình hình giải ngân.",
            why: "lead: a news lead (vừa có văn bản đề nghị)"),
        BackgroundCase(
            sentence: "Ngày 08/4/2021, Văn phòng UBND tỉnh ban hành Văn bản số 404/VPUBND-TCD-NC.",
            why: "lead: a news lead"),
        BackgroundCase(
            sentence: "Rà soát các công việc chưa hoàn thành trong năm 2020.", why: "past: what was not done (chưa)"),
        BackgroundCase(
            sentence: "Phấn đấu đến năm 2030, tỉ lệ đô thị hóa đạt 50%.", why: "horizon: a target year"),
        BackgroundCase(
            sentence: "Cán bộ, công chức được nghỉ từ ngày 30/4/2021 đến hết ngày 03/5/2021.",
            why: "span: the end of a period of leave"),
        BackgroundCase(
            sentence: "Luật có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021.", why: "span: the start of validity"),
        BackgroundCase(
            sentence:
                "Căn cứ Quyết định số 15/2020/QĐ-UBND ngày 20/10/2020 về việc báo cáo trước ngày 15 hằng tháng, UBND tỉnh hướng dẫn như sau:",
            why: "background: the legal basis and its subject"),
        BackgroundCase(
            sentence: "Sở Tài chính thực hiện các nhiệm vụ từ nay đến hết năm 2021, như sau:",
            why: "span: a framing before a list"),
        BackgroundCase(
            sentence: "Trong thời hạn 03 ngày làm việc kể từ ngày nhận được hồ sơ, Bộ phận một cửa trả kết quả.",
            why: "event: a time limit counted from an undated event"),
    ]

    @Test("look-alikes of each class are not proposed", arguments: notDeadlines)
    func notDeadline(_ c: BackgroundCase) {
        let proposal = DocumentImporter.propose(c.sentence, options: ImportOptions(issued: day(19, 11, 2020)))
        #expect(proposal.deadlines.isEmpty, "\(proposal.deadlines.map(\.phrase))")
    }

    @Test("ngày 25 của tháng cuối kỳ báo cáo: one rule for each report the clause names, monthly to annual")
    func lastMonthOfEachPeriod() {
        let text =
            "Các sở, ban, ngành gửi báo cáo định kỳ hằng tháng, hằng quý, 6 tháng và hằng năm chậm nhất vào ngày 25 "
            + "của tháng cuối kỳ báo cáo."
        let proposal = DocumentImporter.propose(text)
        #expect(
            proposal.deadlines.map { $0.recurrence?.rrule } == [
                "FREQ=MONTHLY;BYMONTHDAY=25", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=25",
                "FREQ=YEARLY;BYMONTH=6,12;BYMONTHDAY=25", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25",
            ])
        #expect(proposal.deadlines.allSatisfy { $0.phrase == "chậm nhất vào ngày 25 của tháng cuối kỳ báo cáo" })
        #expect(proposal.deadlines.allSatisfy { $0.unit == "Các sở, ban, ngành" })
    }

    @Test("a time limit with no date to count from (no document date, no --issued) is a standing rule's: not proposed")
    func relativeWithoutDate() {
        let text = "a) Trong thời hạn 01 ngày làm việc, Bộ phận Tiếp nhận và Trả kết quả kiểm tra thành phần của hồ sơ."
        #expect(DocumentImporter.propose(text).deadlines.isEmpty)
        // With the document's date, the same words are an order counted from it.
        let dated = DocumentImporter.propose(
            "Sở Tư pháp báo cáo UBND tỉnh trong thời hạn 05 ngày làm việc.",
            options: ImportOptions(issued: day(4, 3, 2024)))
        #expect(dated.deadlines.map { $0.due?.date.iso } == ["2024-03-11"])
    }
}

/// Tasks read as orders (issue 14 §2): the verb first, in the active, nothing lost.
@Suite("deadlinectl import: tasks worded as orders")
struct ImportTaskWordingTests {
    private func tasks(_ text: String, issued: CivilDate = day(19, 11, 2020)) -> [String] {
        DocumentImporter.propose(text, options: ImportOptions(issued: issued)).deadlines.map(\.task)
    }

    @Test("a passive agent: the verb first, the agent kept, tổ chức for an event and thực hiện otherwise")
    func passive() {
        #expect(
            tasks(
                "Hội nghị do các quận, huyện, thị ủy, đảng ủy khối trực thuộc Thành ủy hoàn thành trước ngày 15/1/2021."
            )
                == ["Hoàn thành hội nghị do các quận, huyện, thị ủy, đảng ủy khối trực thuộc Thành ủy tổ chức"])
        #expect(
            tasks("Việc rà soát do Sở Nội vụ hoàn thành trước ngày 15/1/2021.") == [
                "Hoàn thành việc rà soát do Sở Nội vụ thực hiện"
            ])
        #expect(
            tasks("Các lớp do Ban Tuyên giáo Thành ủy tổ chức hoàn thành trong tháng 12/2020.")
                == ["Hoàn thành các lớp do Ban Tuyên giáo Thành ủy tổ chức"])
    }

    @Test("a document sent on: the sending verb first, the recipient and the document kept, in full")
    func sentOn() {
        // The plan named in full where the unit was given it (kế hoạch tổng thể), away from that sentence.
        let text =
            "UBND TP giao Sở Kế hoạch và Đầu tư chủ trì tham mưu UBND TP ban hành kế hoạch tổng thể để triển khai Chương trình. "
            + "Dự thảo kế hoạch trình UBND thành phố trước ngày 25/12/2020."
        #expect(tasks(text) == ["Trình UBND thành phố dự thảo kế hoạch tổng thể"])
        #expect(
            tasks("Các sở, ngành báo cáo. Báo cáo yêu cầu gửi về Văn phòng UBND tỉnh trước ngày 05/12/2020.") == [
                "Gửi báo cáo về Văn phòng UBND tỉnh"
            ])
        #expect(
            tasks("UBND cấp tỉnh rà soát. Số liệu phải được gửi về Bộ Nội vụ trước 30/11.") == [
                "Gửi số liệu về Bộ Nội vụ"
            ])
    }

    @Test("relays and a data cut-off before the task are left out")
    func relays() {
        #expect(
            tasks("Sở Tài chính có trách nhiệm ban hành kế hoạch thanh tra trước ngày 15/12/2020.") == [
                "Ban hành kế hoạch thanh tra"
            ])
        let text = """
            BHXH Việt Nam yêu cầu BHXH các tỉnh, thành phố thực hiện:
            - Về báo cáo tháng, thời gian chốt số liệu ngày 25 tháng báo cáo, gửi về BHXH Việt Nam trước ngày 28 hàng tháng.
            """
        #expect(tasks(text) == ["Gửi báo cáo tháng về BHXH Việt Nam"])
    }

    @Test("a bare hoàn thành is the order given before it; báo cáo UBND tỉnh keeps what was asked")
    func orderBefore() {
        #expect(
            tasks(
                "Giao Sở Tài nguyên và Môi trường chủ trì, phối hợp các đơn vị nghiên cứu, đề xuất UBND tỉnh; hoàn thành trước ngày 10/12/2020."
            )
                == ["Chủ trì, phối hợp các đơn vị nghiên cứu, đề xuất UBND tỉnh"])
        #expect(
            tasks(
                "Giao Sở Công Thương chủ trì tổng hợp báo cáo kết quả thực hiện Nghị định. Trình UBND tỉnh trước ngày 10/12/2020."
            )
                == ["Chủ trì tổng hợp báo cáo kết quả thực hiện Nghị định, trình UBND tỉnh"])
    }

    @Test("a list item with no verb follows its lead-in's order")
    func listItem() {
        let text = """
            Các cơ quan, đơn vị thuộc Bộ có trách nhiệm tổng hợp và gửi báo cáo về Bộ Thông tin và Truyền thông:
            - Chậm nhất ngày 16 của tháng báo cáo đối với báo cáo định kỳ hằng tháng;
            """
        #expect(
            tasks(text) == [
                "Tổng hợp và gửi báo cáo về Bộ Thông tin và Truyền thông – đối với báo cáo định kỳ hằng tháng"
            ])
    }
}

import DeadlineImport
import DeadlineKit
import Testing

/// A sentence whose dates are background, not deadlines.
struct BackgroundCase: Sendable, CustomTestStringConvertible {
    let sentence: String
    let why: String
    var testDescription: String { why }
}

@Suite("deadlinectl import: background dates are not proposed")
struct ImportBackgroundTests {
    static let cases: [BackgroundCase] = [
        BackgroundCase(
            sentence:
                "Thực hiện Kế hoạch số 134-KH/TƯ ngày 17/2/2023 của Ban Thường vụ Thành ủy, các cấp ủy đã tổ chức hội nghị.",
            why: "a cited document's date"),
        BackgroundCase(sentence: "Đại hội Đảng bộ Thành phố nhiệm kỳ 2020-2025 đã thành công tốt đẹp.", why: "a term"),
        BackgroundCase(
            sentence: "Đại hội Đảng bộ các cấp nhiệm kỳ 2025 – 2030 được chuẩn bị chu đáo.",
            why: "a term with an en dash"),
        BackgroundCase(sentence: "Kế hoạch đầu tư công trung hạn giai đoạn 2021-2025 được cập nhật.", why: "a stage"),
        BackgroundCase(
            sentence: "Kết luận nêu rõ, ngày 23 và 24/11/2023, Ban Chấp hành Đảng bộ thành phố khóa XVII đã họp.",
            why: "a past meeting"),
        BackgroundCase(
            sentence:
                "Đồ án Điều chỉnh Quy hoạch chung Thủ đô Hà Nội đến năm 2045, tầm nhìn đến năm 2065 được thông qua.",
            why: "a planning horizon and a vision"),
        BackgroundCase(
            sentence:
                "Phát huy những kết quả đã đạt được, trong năm 2024, thành phố sẽ tiếp tục thực hiện có hiệu quả chủ đề năm.",
            why: "a fronted year that frames a general aim"),
        BackgroundCase(
            sentence: "Một trong những nhiệm vụ rất quan trọng trong năm 2024 là chuẩn bị Đại hội.",
            why: "a year inside a noun phrase"),
        BackgroundCase(sentence: "Các đơn vị đã hoàn thành trước ngày 15/12/2020.", why: "done already (đã)"),
        BackgroundCase(
            sentence: "Sở Tài chính báo cáo trước ngày 10/10/2019.", why: "a day before the document's date"),
        BackgroundCase(
            sentence: "Nghị quyết số 97/2019/QH14 của Quốc hội được triển khai tốt.", why: "a reference number"),
        BackgroundCase(sentence: "Có 5/10 tiêu chí vượt kế hoạch; 14/18 nhiệm vụ đã hoàn thành.", why: "fractions"),
        BackgroundCase(sentence: "Hội nghị diễn ra ngày 19/4.", why: "an event with no cue"),
        BackgroundCase(sentence: "Thành phố tổ chức đón Tết Giáp Thìn vui tươi, an toàn.", why: "Tết with no cue"),
        BackgroundCase(
            sentence: "Ngày 7/8/2023, Ban Thường vụ Thành ủy đã ban hành Chỉ thị số 24-CT/TU về tăng cường kỷ cương.",
            why: "a document issued in the past"),
        BackgroundCase(sentence: "Hơn 2 năm qua, thành phố có nhiều đổi mới.", why: "a duration"),
        BackgroundCase(
            sentence: "Phấn đấu hoàn thành các nhiệm vụ phát triển kinh tế – xã hội năm 2024.",
            why: "a year naming the tasks"),
        BackgroundCase(sentence: "Tăng trưởng hằng năm đạt khoảng 7%.", why: "a yearly rate, not a duty"),
    ]

    @Test("no deadline is proposed", arguments: cases)
    func background(_ c: BackgroundCase) {
        let issued = CivilDate(year: 2020, month: 11, day: 19)!
        let proposal = DocumentImporter.propose(c.sentence, options: ImportOptions(issued: issued))
        #expect(proposal.deadlines.isEmpty, "\(proposal.deadlines.map(\.phrase))")
    }
}

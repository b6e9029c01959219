import DeadlineImport
import DeadlineImportFiles
import DeadlineKit
import DeadlineService
import Foundation
import TestSupport
import Testing

/// A deadline a seed document really sets, checked by hand against the text.
struct SeedDeadline: Sendable {
    /// The start of its sentence.
    let sentence: String
    /// ISO due date (a period's last day).
    let due: String
    /// The configured units (of etc/deadlined) it must match; empty when none of them is meant.
    let units: [String]
    let document: String?
}

/// A seed document (Tests/Fixtures/seeds), how it is imported, and every deadline it sets.
struct SeedCase: Sendable, CustomTestStringConvertible {
    let file: String
    var issued: String?
    let documents: [String]
    let deadlines: [SeedDeadline]
    var testDescription: String { file }
}

struct ImportFailure: Error, CustomStringConvertible {
    let description: String
}

@Suite("deadlinectl import: the seed documents")
struct ImportSeedTests {
    static let seeds: [SeedCase] = [
        // 000: công văn 1021-CV/TU lists focus tasks "đến hết nhiệm kỳ" with no date; its dates are background: the
        // cited 134-KH/TƯ of 17/2/2023, 24-CT/TU of 7/8/2023, 128-KH/TU, 28-NQ/TƯ, and the terms 2020-2025 and
        // 2025-2030. No deadline.
        SeedCase(file: "000_57e536416049cb05.txt", documents: ["1021-CV/TU"], deadlines: []),
        // 001: kết luận 143-KL/TU reports a meeting (23 and 24/11/2023, past), plans for 2024 without a due date,
        // stages 2021-2025 and 2024-2026, a horizon 2045 and a vision 2065. "trong năm 2024, thành phố sẽ tiếp tục
        // thực hiện ... chủ đề" frames a yearly theme, not a task with a deadline. No deadline.
        SeedCase(file: "001_c872be74d7b7b5f5.txt", documents: ["143-KL/TU"], deadlines: []),
        // 002: two documents. 04-KH/TU (18/11/2020): study of the resolution by key city officials in 12/2020 (the
        // sentence names no responsible unit: the officials attend; the example config gives it to ban-tuyen-giao),
        // conferences of the district and bloc party committees by 15/1/2021, of the grassroots party committees in
        // 1/2021, classes of Ban Tuyên giáo in 12/2020. 5418/UBND-TKBT (19/11/2020): proposals by 10/12/2020, the
        // overall plan by 25/12/2020 (Sở KH&ĐT, named in an earlier sentence), the draft programmes by 30/1/2021
        // (the sở, ban, ngành, named in the sentence before).
        SeedCase(
            file: "002_cb67e36fc604a1f7.txt", issued: "19/11/2020", documents: ["04-KH/TU", "5418/UBND-TKBT"],
            deadlines: [
                SeedDeadline(
                    sentence: "Theo kế hoạch, các cán bộ chủ chốt", due: "2020-12-31", units: [], document: "04-KH/TU"),
                SeedDeadline(
                    sentence: "Hội nghị do các quận", due: "2021-01-15", units: ["cap-uy-truc-thuoc"],
                    document: "04-KH/TU"),
                SeedDeadline(
                    sentence: "Các hội nghị do đảng ủy cơ sở", due: "2021-01-31", units: ["dang-uy-co-so"],
                    document: "04-KH/TU"),
                SeedDeadline(
                    sentence: "Các lớp do Ban Tuyên giáo", due: "2020-12-31", units: ["ban-tuyen-giao"],
                    document: "04-KH/TU"),
                SeedDeadline(
                    sentence: "Các sở, ban, ngành, cơ quan", due: "2020-12-10",
                    units: ["cac-so-nganh", "ubnd-quan-huyen"],
                    document: "5418/UBND-TKBT"),
                SeedDeadline(
                    sentence: "Dự thảo kế hoạch trình", due: "2020-12-25", units: ["so-khdt"],
                    document: "5418/UBND-TKBT"),
                SeedDeadline(
                    sentence: "Dự thảo từng chương trình", due: "2021-01-30", units: ["cac-so-nganh"],
                    document: "5418/UBND-TKBT"),
            ]),
        // 003: a report on a mid-term review (held 19/4, past); stages 2021-2025 and 2021-2026; fractions such as 7/14
        // chỉ tiêu. No deadline.
        SeedCase(file: "003_dd7b7d5e3f8c2efa.txt", documents: [], deadlines: []),
        // 004: a speech of 9/1/2024 (no document reference). One deadline: the revised Law on the Capital is to be
        // passed "tại kỳ họp tháng 5/2024" (the month's last day); its subject is "Thành phố", which no configured
        // unit is. "năm 2024" elsewhere names the year's tasks; 2021-2030, 2045, 2050, 2065, 2025 – 2030 are
        // horizons and terms; 7/8/2023 is a past directive.
        SeedCase(
            file: "004_500c946874c7bc7b.txt", documents: [],
            deadlines: [
                SeedDeadline(sentence: "Cùng đó, Thành phố chỉ đạo", due: "2024-05-31", units: [], document: nil)
            ]),
    ]

    static func draft(_ seed: SeedCase) throws -> ImportDraft {
        let request = ImportSession.Request(
            path: BuiltProducts.repositoryRoot + "/Tests/Fixtures/seeds/" + seed.file, issued: seed.issued,
            configPath: BuiltProducts.exampleConfig, reader: ImportFile.reader)
        switch ImportSession.prepare(request, environment: [:]) {
        case .draft(let draft): return draft
        case .failed(let status, let message): throw ImportFailure(description: "import failed (\(status)): \(message)")
        }
    }

    @Test(
        "every hand-checked deadline is proposed with its date, units and document, and nothing else", arguments: seeds)
    func seed(_ seed: SeedCase) throws {
        let draft = try Self.draft(seed)
        #expect(draft.proposal.documents.compactMap(\.ref) == seed.documents)
        let got = draft.entries.map { e in
            "\(e.deadline.sentence.prefix(40)) | \(e.deadline.due?.date.iso ?? "-") | \(e.unitIDs) | \(e.documentRef ?? "-")"
        }
        let expected = seed.deadlines.map { x -> String in
            let sentence =
                draft.entries.first { $0.deadline.sentence.hasPrefix(x.sentence) }?.deadline.sentence ?? x.sentence
            return "\(sentence.prefix(40)) | \(x.due) | \(x.units) | \(x.document ?? "-")"
        }
        #expect(got == expected)
    }

    @Test("offsets point at the sentences in the NFC text, in Characters", arguments: seeds)
    func offsets(_ seed: SeedCase) throws {
        let text = try String(
            contentsOfFile: BuiltProducts.repositoryRoot + "/Tests/Fixtures/seeds/" + seed.file, encoding: .utf8)
        let characters = Array(ImportText.nfc(text))
        for e in try Self.draft(seed).entries {
            let d = e.deadline
            #expect(String(characters[d.offset..<(d.offset + d.sentence.count)]) == d.sentence)
        }
    }

    @Test("precision and recall over the seeds (printed; 1.00 is what the seeds were hand-checked for)")
    func precisionAndRecall() throws {
        var proposed = 0
        var expected = 0
        var right = 0
        var unitsRight = 0
        for seed in Self.seeds {
            let entries = try Self.draft(seed).entries
            proposed += entries.count
            expected += seed.deadlines.count
            for x in seed.deadlines {
                guard
                    let e = entries.first(where: {
                        $0.deadline.sentence.hasPrefix(x.sentence) && $0.deadline.due?.date.iso == x.due
                    })
                else { continue }
                right += 1
                if e.unitIDs == x.units { unitsRight += 1 }
            }
        }
        let precision = proposed == 0 ? 1 : Double(right) / Double(proposed)
        let recall = expected == 0 ? 1 : Double(right) / Double(expected)
        func two(_ x: Double) -> String { String(format: "%.2f", x) }
        print(
            "deadlinectl import over the seeds: precision \(two(precision)) recall \(two(recall)) "
                + "(\(right) right of \(proposed) proposed, \(expected) expected); units right \(unitsRight)/\(right)")
        #expect(right == expected && proposed == expected && unitsRight == right)
    }
}

import Foundation
import TestSupport
import Testing

/// Runs the built `deadlinectl import` the way an admin does: on the seeds, then saving the result and checking it.
@Suite("deadlinectl import, the built binary")
struct ImportBinaryTests {
    let deadlinectl = BuiltProducts.path("deadlinectl")
    let example = BuiltProducts.exampleConfig
    static let seed002 = BuiltProducts.repositoryRoot + "/Tests/Fixtures/seeds/002_cb67e36fc604a1f7.txt"

    func run(_ arguments: [String]) async throws -> ProcessResult {
        try await ProcessRunner.run(
            deadlinectl, arguments, environment: ProcessRunner.environment(removing: ["DEADLINED_CONFIG"]))
    }

    /// A copy of etc/deadlined in a temporary directory.
    func copyOfExample() throws -> (TemporaryDirectory, String) {
        let dir = try TemporaryDirectory()
        let source = BuiltProducts.repositoryRoot + "/etc/deadlined"
        try FileManager.default.copyItem(atPath: source, toPath: dir.path + "/deadlined")
        return (dir, dir.path + "/deadlined/deadlined.toml")
    }

    /// `check`'s summary with some counts raised: `2 documents, 8 deadlines, ... (3 files)` and `deadlines: 6`
    /// give `... 14 deadlines, ... (4 files)`.
    func raised(_ summary: String, _ increments: [String: Int]) throws -> String {
        var out = summary
        for (word, n) in increments {
            let regex = try NSRegularExpression(pattern: "(\\d+) \(word)")
            guard let m = regex.firstMatch(in: out, range: NSRange(out.startIndex..., in: out)),
                let r = Range(m.range(at: 1), in: out), let count = Int(out[r])
            else { continue }
            out.replaceSubrange(r, with: String(count + n))
        }
        return out
    }

    @Test("002 imported with the example config: saved beside it, check accepts it, with every deadline active")
    func acceptance() async throws {
        let result = try await run(["import", Self.seed002, "--issued", "19/11/2020", "--config", example])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr == "")
        let dropIn = result.stdout
        let (dir, main) = try copyOfExample()
        defer { dir.remove() }
        let before = try await run(["check", "--config", main, "--lang", "en"])
        try dir.write("deadlined/deadlines.d/zz-import-002.toml", dropIn)
        let check = try await run(["check", "--config", main, "--lang", "en"])
        #expect(check.status == 0, "\(check)")
        // Six active deadlines (the seventh is commented out) in one more file; no new document.
        #expect(check.stdout == (try raised(before.stdout, ["deadlines": 6, "files": 1])))
        // The documents are declared by the example already: named, not declared again.
        #expect(!dropIn.contains("\n[[document]]"))
        #expect(dropIn.contains("# [[document]] \"04-KH/TU\" đã được khai báo trong cấu hình.\n"))
        let active = [
            ("04-KH/TU", "[\"cap-uy-truc-thuoc\"]", "15/01/2021"), ("04-KH/TU", "[\"dang-uy-co-so\"]", "01/2021"),
            ("04-KH/TU", "[\"ban-tuyen-giao\"]", "12/2020"),
            ("5418/UBND-TKBT", "[\"cac-so-nganh\", \"ubnd-quan-huyen\"]", "10/12/2020"),
            ("5418/UBND-TKBT", "[\"so-khdt\"]", "25/12/2020"), ("5418/UBND-TKBT", "[\"cac-so-nganh\"]", "30/01/2021"),
        ]
        for (document, units, due) in active {
            #expect(
                dropIn.contains("\ndocument = \"\(document)\"\nunits = \(units)\ndue = \"\(due)\"\n"), "\(units) \(due)"
            )
        }
        // "các cán bộ chủ chốt thành phố" is no configured unit: the entry is there, commented out, with the reason.
        #expect(
            dropIn.contains(
                #"""
                # "Theo kế hoạch, các cán bộ chủ chốt thành phố sẽ được nghiên cứu, quán triệt, thực hiện Nghị quyết Đại hội đại
                #  biểu lần thứ XVII Đảng bộ TP Hà Nội trong tháng 12/2020."
                # (trong tháng 12/2020; độ tin cậy 0.6; vị trí 1272)
                # không đơn vị nào trong cấu hình khớp với "các cán bộ chủ chốt thành phố"
                # cấu hình đã có 04kh-can-bo-chu-chot, 04kh-lop-ban-tuyen-giao cho văn bản và thời hạn này
                # [[deadline]]
                # id = "import-04-kh-tu-nghien-cuu-quan-triet-thuc"
                # task = "Nghiên cứu, quán triệt, thực hiện Nghị quyết Đại hội đại biểu lần thứ XVII Đảng bộ TP Hà Nội"
                # document = "04-KH/TU"
                # units = []
                # due = "12/2020"

                """#))
        // An active entry exactly as the admin sees it: the task is an order, verb first, and the plan keeps the
        // words the sentence that gave the unit named it with (kế hoạch tổng thể).
        #expect(
            dropIn.contains(
                #"""
                # "Dự thảo kế hoạch trình UBND thành phố trước ngày 25/12/2020."
                # (trước ngày 25/12/2020; độ tin cậy 0.8; vị trí 3464)
                # đơn vị "Sở Kế hoạch và Đầu tư" là so-khdt
                # cấu hình đã có 5418-ke-hoach-tong-the cho văn bản và thời hạn này
                [[deadline]]
                id = "import-5418-ubnd-tkbt-trinh-ubnd-thanh-pho-du"
                task = "Trình UBND thành phố dự thảo kế hoạch tổng thể"
                document = "5418/UBND-TKBT"
                units = ["so-khdt"]
                due = "25/12/2020"

                """#))
        #expect(
            dropIn.hasPrefix(
                "# Đề xuất của `deadlinectl import` từ 002_cb67e36fc604a1f7.txt: 7 nhiệm vụ (6 sẵn sàng, 1 để dạng chú thích).\n"
            ))
        // The same tables with the notes in English; nothing else differs.
        let english = try await run(
            ["import", Self.seed002, "--issued", "19/11/2020", "--config", example, "--lang", "en"])
        #expect(
            english.stdout.hasPrefix(
                "# Proposed by `deadlinectl import` from 002_cb67e36fc604a1f7.txt: 7 deadlines (6 ready, 1 commented out).\n"
            ))
        #expect(english.stdout.contains("# unit \"Sở Kế hoạch và Đầu tư\" is so-khdt\n"))
        let tables = { (text: String) in
            text.split(separator: "\n").filter { !$0.hasPrefix("# ") || $0.hasPrefix("# [[deadline") }
        }
        #expect(tables(english.stdout).filter { !$0.hasPrefix("#") } == tables(dropIn).filter { !$0.hasPrefix("#") })
    }

    @Test("every form of due date and recurrence the drop-in writes is one check accepts")
    func everyForm() async throws {
        let (dir, main) = try copyOfExample()
        defer { dir.remove() }
        let document = try dir.write(
            "forms.txt",
            """
            Sở Tài chính báo cáo hằng tháng trước ngày 20.
            Sở Nội vụ báo cáo định kỳ hằng quý.
            Sở Kế hoạch và Đầu tư báo cáo hằng năm trước ngày 15/12.
            Sở Tài chính gửi báo cáo vào thứ sáu hằng tuần.
            Sở Nội vụ gửi hồ sơ trước 15 giờ ngày 10/12/2020.
            Sở Tài chính hoàn thành trong quý I/2021.
            Sở Nội vụ hoàn thành trong 6 tháng đầu năm 2021.
            Sở Tài chính hoàn thành việc quyết toán trong năm 2021.
            """)
        let before = try await run(["check", "--config", main, "--lang", "en"])
        let result = try await run([
            "import", document, "--issued", "19/11/2020", "--ref", "99/UBND-TH", "--config", main,
        ])
        #expect(result.status == 0, "\(result)")
        for line in [
            "repeat = \"monthly\"\nday = 20\n", "repeat = \"quarterly\"\nday = \"last\"\n",
            "repeat = \"yearly\"\ndate = \"15/12\"\n",
            "repeat = \"weekly\"\nweekday = \"friday\"\n", "due = \"15:00 10/12/2020\"\n", "due = \"Q1/2021\"\n",
            "due = \"H1/2021\"\n", "due = \"2021\"\n", "[[document]]\nref = \"99/UBND-TH\"\nissued = \"19/11/2020\"\n",
        ] {
            #expect(result.stdout.contains(line), "\(line)")
        }
        try dir.write("deadlined/deadlines.d/zz-forms.toml", result.stdout)
        let check = try await run(["check", "--config", main, "--lang", "en"])
        #expect(check.stdout == (try raised(before.stdout, ["documents": 1, "deadlines": 8, "files": 1])), "\(check)")
    }

    @Test("without a configuration the drop-in declares both documents and comments every entry out; check accepts it")
    func withoutConfiguration() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let main = try dir.write("deadlined.toml", "# no units yet\n")
        let result = try await run(["import", Self.seed002, "--config", main, "--lang", "en"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("[[document]]\nref = \"04-KH/TU\"\nissued = \"18/11/2020\"\n"))
        #expect(result.stdout.contains("[[document]]\nref = \"5418/UBND-TKBT\"\nissued = \"19/11/2020\"\n"))
        #expect(!result.stdout.contains("\n[[deadline]]"))
        #expect(
            result.stderr.hasPrefix(
                "deadlinectl import: note: no unit to match (\(main) has no [units.ID], no --units)"))
        try dir.write("deadlines.d/002.toml", result.stdout)
        let check = try await run(["check", "--config", main, "--lang", "en"])
        #expect(check.stdout == "\(main): OK: 2 documents, 0 deadlines, 0 units, 1 channel (2 files)\n", "\(check)")
        // Saved beside the example, which declares the same two documents with the same dates: still one each.
        let (example, exampleMain) = try copyOfExample()
        defer { example.remove() }
        let before = try await run(["check", "--config", exampleMain, "--lang", "en"])
        try example.write("deadlined/deadlines.d/002.toml", result.stdout)
        let beside = try await run(["check", "--config", exampleMain, "--lang", "en"])
        #expect(beside.status == 0, "\(beside)")
        #expect(beside.stdout == (try raised(before.stdout, ["files": 1])), "\(beside)")
    }

    @Test(
        "a công văn as .docx and as PDF: the header's number, date, subject and issuer declare the document; check accepts it",
        arguments: ["cv-2618-bhxh-khtc.docx", "cv-2618-bhxh-khtc.pdf"])
    func officeFiles(_ name: String) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let main = try dir.write("deadlined.toml", "[units.bhxh-tinh]\nname = \"BHXH các tỉnh, thành phố\"\n")
        let file = BuiltProducts.repositoryRoot + "/Tests/Fixtures/import-corpus/formats/" + name
        let result = try await run(["import", file, "--config", main])
        #expect(result.status == 0, "\(result)")
        #expect(
            result.stdout.contains(
                "[[document]]\nref = \"2618/BHXH-KHTC\"\nissued = \"28/06/2010\"\ntitle = \"Chỉ tiêu báo cáo thống kê\"\n"
                    + "issuer = \"BẢO HIỂM XÃ HỘI VIỆT NAM\"\n"), "\(result.stdout)")
        #expect(
            result.stdout.contains(
                "task = \"Gửi báo cáo tháng theo các chỉ tiêu từ A1 đến B4 về Bảo hiểm xã hội Việt Nam\"\ndocument = \"2618/BHXH-KHTC\"\n"
                    + "units = [\"bhxh-tinh\"]\nrepeat = \"monthly\"\nday = 28\n"), "\(result.stdout)")
        try dir.write("deadlines.d/2618.toml", result.stdout)
        let check = try await run(["check", "--config", main, "--lang", "en"])
        #expect(check.stdout == "\(main): OK: 1 document, 1 deadline, 1 unit, 1 channel (2 files)\n", "\(check)")
    }

    @Test("--units FILE matches units without a configuration")
    func unitsFile() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let main = try dir.write("deadlined.toml", "# no units\n")
        let units = try dir.write(
            "units.toml",
            "[units.khdt]\nname = \"Sở Kế hoạch và Đầu tư\"\n[units.btg]\nname = \"Ban Tuyên giáo Thành ủy\"\n")
        let result = try await run(["import", Self.seed002, "--config", main, "--units", units, "--json"])
        #expect(result.status == 0, "\(result)")
        let root = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        let deadlines = try #require(root["deadlines"] as? [[String: Any]])
        #expect(deadlines.map { $0["unit_id"] as? String } == [nil, nil, nil, "btg", nil, "khdt", nil])

        // As a drop-in: the units the configuration does not declare leave their entries commented, with a note,
        // so that the saved file passes check.
        let dropIn = try await run(["import", Self.seed002, "--config", main, "--units", units])
        #expect(
            dropIn.stdout.contains(
                "# đơn vị khdt lấy từ --units và chưa có trong cấu hình: hãy thêm [units.khdt] vào tệp chính")
        )
        #expect(!dropIn.stdout.contains("\n[[deadline]]"), "\(dropIn.stdout)")
        try dir.write("deadlines.d/002.toml", dropIn.stdout)
        let check = try await run(["check", "--config", main, "--lang", "en"])
        #expect(check.succeeded, "\(check)")
    }

    @Test("--json: the main document, and for each deadline its date, units, sentence, offset and confidence")
    func json() async throws {
        let result = try await run(["import", Self.seed002, "--issued", "19/11/2020", "--config", example, "--json"])
        #expect(result.status == 0, "\(result)")
        let root = try #require(try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
        #expect(root["document"] as? [String: String] == ["ref": "04-KH/TU", "issued": "2020-11-18"])
        let deadlines = try #require(root["deadlines"] as? [[String: Any]])
        #expect(
            deadlines.map { $0["due"] as? String } == [
                "2020-12-31", "2021-01-15", "2021-01-31", "2020-12-31", "2020-12-10", "2020-12-25", "2021-01-30",
            ])
        #expect(
            deadlines.map { $0["document"] as? String } == Array(repeating: "04-KH/TU", count: 4)
                + Array(repeating: "5418/UBND-TKBT", count: 3))
        #expect(
            deadlines.map { $0["unit_ids"] as? [String] } == [
                [], ["cap-uy-truc-thuoc"], ["dang-uy-co-so"], ["ban-tuyen-giao"], ["cac-so-nganh", "ubnd-quan-huyen"],
                ["so-khdt"], ["cac-so-nganh"],
            ])
        #expect(deadlines[1]["unit"] as? String == "các quận, huyện, thị ủy, đảng ủy khối trực thuộc Thành ủy")
        #expect(deadlines[1]["recurrence"] is NSNull)
        #expect(deadlines[1]["phrase"] as? String == "trước ngày 15/1/2021")
        let text = Array(try String(contentsOfFile: Self.seed002, encoding: .utf8))
        for d in deadlines {
            let sentence = try #require(d["sentence"] as? String)
            let offset = try #require(d["offset"] as? Int)
            #expect(String(text[offset..<(offset + sentence.count)]) == sentence)
            let confidence = try #require(d["confidence"] as? Double)
            #expect(confidence > 0 && confidence <= 1)
        }
    }

    @Test("a Windows-1258 copy (Python's cp1258 codec, tone marks combining) and an NFD copy import identically")
    func encodings() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let script = """
            import sys, unicodedata
            TONES = {'\\u0300', '\\u0301', '\\u0303', '\\u0309', '\\u0323'}
            text = open(sys.argv[1], encoding='utf-8').read()
            out = bytearray()
            for ch in text:
                parts = unicodedata.normalize('NFD', ch)
                base = unicodedata.normalize('NFC', ''.join(c for c in parts if c not in TONES))
                out += base.encode('cp1258') + ''.join(c for c in parts if c in TONES).encode('cp1258')
            open(sys.argv[2], 'wb').write(bytes(out))
            open(sys.argv[3], 'w', encoding='utf-8').write(unicodedata.normalize('NFD', text))
            """
        let py = try dir.write("encode.py", script)
        let cp1258 = dir.path + "/002-cp1258.txt"
        let nfd = dir.path + "/002-nfd.txt"
        let made = try await ProcessRunner.run("/usr/bin/python3", [py, Self.seed002, cp1258, nfd])
        #expect(made.succeeded, "\(made)")
        let cp1258Bytes = try Data(contentsOf: URL(fileURLWithPath: cp1258))
        #expect(String(data: cp1258Bytes, encoding: .utf8) == nil)  // really not UTF-8
        #expect(cp1258Bytes.contains(0xEC))  // a combining acute accent
        let arguments = ["--issued", "19/11/2020", "--config", example, "--json"]
        let utf8 = try await run(["import", Self.seed002] + arguments)
        let fromCP1258 = try await run(["import", cp1258] + arguments)
        let fromNFD = try await run(["import", nfd] + arguments)
        #expect(utf8.status == 0 && fromCP1258.status == 0 && fromNFD.status == 0, "\(fromCP1258)\n\(fromNFD)")
        #expect(fromCP1258.stdout == utf8.stdout)
        #expect(fromNFD.stdout == utf8.stdout)
    }

    struct Unreadable: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let message: String
        var testDescription: String { name }
    }

    static let unreadable: [Unreadable] = [
        Unreadable(name: "empty.txt", bytes: [], message: "'FILE' is empty; there is nothing to import"),
        Unreadable(
            name: "spaces.txt", bytes: Array(" \n\t\n".utf8),
            message: "'FILE' holds only white space; there is nothing to import"),
        Unreadable(
            name: "image.png",
            bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48],
            message:
                "'FILE' is a binary file, not text (byte 8 is NUL); save the document as plain text (UTF-8) and import that file"
        ),
        Unreadable(
            name: "latin1.txt",
            bytes: Array("Caf".utf8) + [0xE9, 0x20, 0xE0, 0x20, 0x6C, 0x61, 0x20, 0x63, 0x72, 0xE8, 0x6D, 0x65],
            message:
                "'FILE': it is not UTF-8 (byte 3 is 0xE9), and read as Windows-1258 it is not Vietnamese text; it may be "
                + "in another encoding (TCVN3, VNI, Latin-1); save the document as plain text (UTF-8) and import that file"
        ),
        Unreadable(
            name: "undefined.txt", bytes: Array("Ngày ".utf8) + [0x81, 0x41],
            message:
                "'FILE': it is not UTF-8 (byte 6 is 0x81), nor Windows-1258 (byte 6 is 0x81, which Windows-1258 does "
                + "not define); save the document as plain text (UTF-8) and import that file"),
    ]

    @Test("unreadable input: a clear message on stderr, nothing on stdout, exit 1", arguments: unreadable)
    func unreadableInput(_ c: Unreadable) async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path + "/" + c.name
        try Data(c.bytes).write(to: URL(fileURLWithPath: path))
        let result = try await run(["import", path, "--config", example])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "deadlinectl import: " + c.message.replacingOccurrences(of: "FILE", with: path) + "\n")
    }

    @Test("a missing file and a bad --issued are refused")
    func badArguments() async throws {
        let missing = try await run(["import", "/nonexistent/doc.txt", "--config", example])
        #expect(missing.status == 1)
        #expect(missing.stderr == "deadlinectl import: cannot read '/nonexistent/doc.txt': No such file or directory\n")
        let issued = try await run([
            "import", Self.seed002, "--issued", "31/2/2021", "--config", example, "--lang", "en",
        ])
        #expect(issued.status == 2)
        #expect(issued.stderr == "deadlinectl import: --issued: '31/2/2021' is not a day; write it as 19/11/2020\n")
        let vietnamese = try await run(["import", Self.seed002, "--issued", "31/2/2021", "--config", example])
        #expect(
            vietnamese.stderr
                == "deadlinectl import: --issued: '31/2/2021' không phải một ngày; hãy viết như 19/11/2020\n")
    }
}

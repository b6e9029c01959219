import DeadlineConfig
import DeadlineKit
import Foundation
import TestSupport
import Testing

@Suite("check: drop-ins read on several threads give what one thread gives")
struct ConfigParallelLoadTests {
    /// Forty drop-ins, most with a mistake of their own or one that involves another file (a unit, a deadline id
    /// or a document defined twice), a file that is not UTF-8, and a folder named like a drop-in.
    static func writeConfiguration(in dir: TemporaryDirectory) throws {
        try dir.write(
            "deadlined.toml",
            """
            [reminders]
            before = ["3d"]

            [units.so-khdt]
            name = "Sở Kế hoạch và Đầu tư"
            recipients = ["Văn thư <vanthu@khdt.hanoi.example>"]

            """)
        for i in 0..<40 {
            let name = "deadlines.d/\(String(format: "%02d", i)).toml"
            var text = """
                [[document]]
                ref = "\(i % 5)/UBND"
                issued = "\(i % 7 == 3 ? "20" : "19")/11/2020"

                [[deadline]]
                id = "d-\(i % 13 == 4 ? 0 : i)"
                task = "Việc số \(i)"
                units = ["\(i % 9 == 2 ? "so-khdtt" : "so-khdt")"]
                due = "\(i % 11 == 6 ? "31/2" : "30/1")"

                """
            switch i % 6 {
            case 1: text += "[daemon]\nlanguage = \"vi\"\n"
            case 2: text += "[[deadline]]\nid = \"x-\(i)\"\ntask = 5\nunits = []\nrepeat = \"weekly\"\n"
            case 3: text += "[units.dv-\(i % 4)]\nname = \"Đơn vị\"\nrecipients = [\"a@b.vn\"]\n"
            case 4: text += "oops = \n[[deadline]\n"
            default: break
            }
            try dir.write(name, text)
        }
        try dir.write("deadlines.d/41.toml", "")
        let latin1 = dir.path + "/deadlines.d/42.toml"
        try Data("[[deadline]]\nid = \"y\"\ntask = \"Vi\u{1}\"\n".utf8 + [0xE9, 0x0A]).write(
            to: URL(fileURLWithPath: latin1))
        try FileManager.default.createDirectory(
            atPath: dir.path + "/deadlines.d/43.toml", withIntermediateDirectories: true)
    }

    @Test("the same diagnostics in the same order, the same files and deadlines, with 0, 1 and 3 reader threads")
    func sameResult() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Self.writeConfiguration(in: dir)
        let main = dir.path + "/deadlined.toml"
        let alone = ConfigLoader.load(mainFile: main, environment: [:], readerThreads: 0)
        #expect(alone.errors.count > 30, "\(alone.diagnostics)")
        #expect(Set(alone.diagnostics.map(\.span.file)).count > 30)
        for threads in [1, 3, 3, 3] {
            let shared = ConfigLoader.load(mainFile: main, environment: [:], readerThreads: threads)
            #expect(shared.diagnostics == alone.diagnostics)
        }
        // Without the mistakes, a configuration: the same one either way.
        let clean = try TemporaryDirectory()
        defer { clean.remove() }
        try clean.write("deadlined.toml", "[units.a]\nname = \"A\"\nrecipients = [\"a@b.vn\"]\n")
        for i in 0..<20 {
            try clean.write(
                "deadlines.d/\(i).toml",
                "[[deadline]]\nid = \"d\(i)\"\ntask = \"Việc \(i)\"\nunits = [\"a\"]\ndue = \"1/2/2026\"\n")
        }
        let one = ConfigLoader.load(mainFile: clean.path + "/deadlined.toml", environment: [:], readerThreads: 0)
        let many = ConfigLoader.load(mainFile: clean.path + "/deadlined.toml", environment: [:], readerThreads: 3)
        #expect(one.diagnostics.isEmpty && many.diagnostics.isEmpty)
        #expect(one.configuration?.files == many.configuration?.files)
        #expect(one.configuration?.files.count == 21)
        #expect(one.configuration?.agenda.deadlines.map(\.id) == many.configuration?.agenda.deadlines.map(\.id))
        #expect(
            many.configuration?.agenda.deadlines.map(\.id) == ["d0", "d1", "d10", "d11"] + (12...19).map { "d\($0)" }
                + ["d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9"])
    }
}

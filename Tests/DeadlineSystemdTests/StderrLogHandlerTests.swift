import DeadlineSystemd
import Logging
import Testing

@Suite("console lines (pure)")
struct StderrLogHandlerTests {
    @Test("plain: LEVEL message key=value, keys sorted, spaces quoted")
    func plainLine() {
        let line = StderrLogHandler.line(
            level: .warning,
            message: "Sắp đến hạn",
            metadata: ["unit": "Sở Kế hoạch và Đầu tư", "deadline_id": "5418", "attempt": .stringConvertible(2)],
            format: .plain
        )
        #expect(line == #"WARNING Sắp đến hạn attempt=2 deadline_id=5418 unit="Sở Kế hoạch và Đầu tư""#)
    }

    @Test("priority-prefixed: <N>message key=value, for journald's stream")
    func prefixedLine() {
        let line = StderrLogHandler.line(
            level: .info,
            message: "Đã gửi",
            metadata: ["channel": "smtp"],
            format: .priorityPrefixed
        )
        #expect(line == "<6>Đã gửi channel=smtp")
        let critical = StderrLogHandler.line(level: .critical, message: "x", metadata: [:], format: .priorityPrefixed)
        #expect(critical == "<2>x")
    }

    @Test("one line per event: control characters are escaped, quotes and backslashes too")
    func escaping() {
        let line = StderrLogHandler.line(
            level: .error,
            message: "dòng 1\ndòng 2\tcột",
            metadata: ["reply": "say \"no\"\n", "path": #"C:\x"#, "empty": ""],
            format: .plain
        )
        #expect(line == #"ERROR dòng 1\ndòng 2\tcột empty="" path="C:\\x" reply="say \"no\"\n""#)
        #expect(!line.contains("\n"))
    }

    @Test("nested metadata: dotted keys for dictionaries, brackets for arrays")
    func nesting() {
        let line = StderrLogHandler.line(
            level: .debug,
            message: "m",
            metadata: ["smtp": ["code": "451", "host": "mail.example"], "to": ["a", "b"]],
            format: .plain
        )
        #expect(line == "DEBUG m smtp.code=451 smtp.host=mail.example to=[a,b]")
    }
}

@Suite("log target resolution (pure)")
struct LogTargetTests {
    static let stderrID = LogEnvironment.FileIdentity(device: 23, inode: 4711)

    static func environment(
        stream: String? = nil,
        terminal: Bool = false,
        socket: Bool = false
    ) -> LogEnvironment {
        LogEnvironment(
            journalStream: stream,
            stderrIdentity: stderrID,
            stderrIsTerminal: terminal,
            journalSocketExists: socket
        )
    }

    @Test("auto picks the journal when JOURNAL_STREAM names stderr, even on a terminal")
    func journalStreamMatches() {
        #expect(
            LogTarget.auto.resolve(in: Self.environment(stream: "23:4711")) == .journal(fallback: .priorityPrefixed)
        )
        #expect(
            LogTarget.auto.resolve(in: Self.environment(stream: "23:4711", terminal: true, socket: true))
                == .journal(fallback: .priorityPrefixed)
        )
    }

    @Test("a JOURNAL_STREAM for another file (inherited, stderr redirected) does not count")
    func journalStreamMismatch() {
        #expect(LogTarget.auto.resolve(in: Self.environment(stream: "23:4712")) == .console(.plain))
        #expect(LogTarget.auto.resolve(in: Self.environment(stream: "garbage")) == .console(.plain))
        #expect(LogTarget.auto.resolve(in: Self.environment(stream: "23:4711:1")) == .console(.plain))
        let closed = LogEnvironment(
            journalStream: "23:4711",
            stderrIdentity: nil,
            stderrIsTerminal: false,
            journalSocketExists: false
        )
        #expect(LogTarget.auto.resolve(in: closed) == .console(.plain))
    }

    @Test("auto picks the journal when the socket exists and stderr is not a terminal")
    func socketAndNoTerminal() {
        #expect(LogTarget.auto.resolve(in: Self.environment(socket: true)) == .journal(fallback: .plain))
        #expect(LogTarget.auto.resolve(in: Self.environment(terminal: true, socket: true)) == .console(.plain))
        #expect(LogTarget.auto.resolve(in: Self.environment()) == .console(.plain))
    }

    @Test("explicit targets are obeyed; console is prefixed only on the journal stream")
    func explicitTargets() {
        #expect(LogTarget.journal.resolve(in: Self.environment(terminal: true)) == .journal(fallback: .plain))
        #expect(LogTarget.console.resolve(in: Self.environment(socket: true)) == .console(.plain))
        #expect(LogTarget.console.resolve(in: Self.environment(stream: "23:4711")) == .console(.priorityPrefixed))
    }

    @Test("handlers made for a destination have the requested type and level")
    func handlers() {
        let journal = LogDestination.journal(fallback: .plain).makeHandler(identifier: "deadlinectl", logLevel: .debug)
        #expect((journal as? JournalLogHandler)?.identifier == "deadlinectl")
        #expect(journal.logLevel == .debug)
        let console = LogDestination.console(.priorityPrefixed).makeHandler()
        #expect((console as? StderrLogHandler)?.format == .priorityPrefixed)
        #expect(console.logLevel == .info)
    }
}

// deadline-journal-probe: a tiny program the DeadlineSystemd tests run as a child, inside the journald harness's
// namespace or with a NOTIFY_SOCKET, to exercise the real libsystemd calls across a process boundary.
//
//   deadline-journal-probe log <auto|journal|console> <deadline-id>
//       logs the three statements below through LogTarget; prints one "logged <event> CODE_LINE=<n>" line each,
//       plus CODE_FILE= and CODE_FUNC= lines, on stdout
//   deadline-journal-probe notify <status>
//       sends MAINPID=<own pid>, READY=1 with STATUS=<status>, then STOPPING=1; prints "pid=<n>" and outcomes
import DeadlineSystemd
import Glibc
import Logging

/// Writes a line to stdout unbuffered, so the test sees it even if a later step fails.
func report(_ line: String) {
    var bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeMutableBytes { write(STDOUT_FILENO, $0.baseAddress!, $0.count) }
}

/// The probe's statements, one function so `CODE_FUNC` is a known value.
func logScenario(logger: Logger, deadlineID: String) {
    report("CODE_FILE=\(#fileID)")
    report("CODE_FUNC=\(#function)")

    let unit = "Sở Kế hoạch và Đầu tư"
    logger.info(
        "Đã gửi nhắc hạn cho \(unit)",
        metadata: LogEventID.reminderSent.metadata([
            LogMetadataKey.deadlineID: .string(deadlineID),
            LogMetadataKey.unit: .string(unit),
            LogMetadataKey.channel: "smtp",
            LogMetadataKey.attempt: .stringConvertible(1),
            LogMetadataKey.recipient: "van.thu@skhdt.example.gov.vn",
        ])
    )
    report("logged reminder-sent CODE_LINE=\(#line - 10)")

    logger.error(
        "Gửi thất bại, sẽ thử lại\nmáy chủ trả lời: 451 4.7.1 Tạm thời từ chối",
        metadata: LogEventID.deliveryFailed.metadata([
            LogMetadataKey.deadlineID: .string(deadlineID),
            LogMetadataKey.unit: .string(unit),
            LogMetadataKey.channel: "smtp",
            LogMetadataKey.attempt: .stringConvertible(2),
            "smtp": ["code": "451", "enhanced": "4.7.1"],
            "recipients": ["a@example.gov.vn", "b@example.gov.vn"],
        ])
    )
    report("logged delivery-failed CODE_LINE=\(#line - 11)")

    logger.debug("chi tiết gỡ lỗi", metadata: [LogMetadataKey.deadlineID: .string(deadlineID)])
    report("logged debug CODE_LINE=\(#line - 1)")
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "log" where arguments.count == 3:
    guard let target = LogTarget(rawValue: arguments[1]) else {
        report("unknown target \(arguments[1])")
        exit(64)
    }
    LoggingSystem.bootstrap(target.makeHandlerFactory(logLevel: .debug))
    logScenario(logger: Logger(label: "deadlined.probe"), deadlineID: arguments[2])

case "notify" where arguments.count == 2:
    let notifier = SystemdNotifier()
    report("pid=\(getpid())")
    report("enabled=\(notifier.isEnabled)")
    report("mainpid=\(notifier.mainPID(getpid()))")
    report("ready=\(notifier.ready(status: arguments[1]))")
    report("stopping=\(notifier.stopping())")

default:
    report("usage: deadline-journal-probe log <auto|journal|console> <deadline-id> | notify <status>")
    exit(64)
}

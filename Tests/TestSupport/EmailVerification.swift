import Foundation

/// What Python's `email` package (and `icalendar`) make of a message: `Tests/Servers/verify_email.py`.
public struct EmailVerification: Decodable {
    public struct Calendar: Decodable {
        public struct Event: Decodable {
            public struct Alarm: Decodable {
                public var action: String
                public var trigger: String
                public var description: String
            }
            public var uid: String
            public var summary: String
            public var description: String
            public var dtstart: String
            public var dtend: String
            public var alarms: [Alarm]
        }
        public var method: String
        public var content_type_method: String?
        public var filename: String?
        public var events: [Event]
        public var max_line_octets: Int
        public var crlf_only: Bool
    }
    public var subject: String
    public var from_display_name: String
    public var from_address: String
    public var to: [[String]]
    public var date: String
    public var date_iso: String
    public var message_id: String
    public var auto_submitted: String
    public var key: String
    public var content_type: String
    public var text: String?
    public var html: String?
    public var calendar: Calendar?
    public var crlf_only: Bool
    public var max_line_octets: Int
    public var max_header_line_octets: Int
    public var defects: [String]
}

/// Runs the verify script with /usr/bin/python3 on `message`.
public func verifyWithPython(_ message: [UInt8]) async throws -> EmailVerification {
    let directory = try TemporaryDirectory(prefix: "deadlined-verify")
    defer { directory.remove() }
    let path = directory.path + "/message.eml"
    try Data(message).write(to: URL(fileURLWithPath: path))
    let script = BuiltProducts.repositoryRoot + "/Tests/Servers/verify_email.py"
    let result = try await ProcessRunner.run("/usr/bin/python3", [script, path], timeout: .seconds(30))
    guard result.succeeded else { throw TestServerError(description: "verify_email.py failed: \(result)") }
    return try JSONDecoder().decode(EmailVerification.self, from: result.standardOutput)
}


import Foundation

/// What Python's `email` package (and `icalendar`) make of a message: `Tests/Servers/verify_email.py`.
package struct EmailVerification: Decodable {
    package struct Calendar: Decodable {
        package struct Event: Decodable {
            package struct Alarm: Decodable {
                package var action: String
                package var trigger: String
                package var description: String
            }
            package var uid: String
            package var summary: String
            package var description: String
            package var dtstart: String
            package var dtend: String
            package var alarms: [Alarm]
        }
        package var method: String
        package var content_type_method: String?
        package var filename: String?
        package var events: [Event]
        package var max_line_octets: Int
        package var crlf_only: Bool
    }
    package var subject: String
    package var from_display_name: String
    package var from_address: String
    package var to: [[String]]
    package var date: String
    package var date_iso: String
    package var message_id: String
    package var auto_submitted: String
    package var key: String
    package var content_type: String
    package var text: String?
    package var html: String?
    package var calendar: Calendar?
    package var crlf_only: Bool
    package var max_line_octets: Int
    package var max_header_line_octets: Int
    package var defects: [String]
}

/// Runs the verify script with /usr/bin/python3 on `message`.
package func verifyWithPython(_ message: [UInt8]) async throws -> EmailVerification {
    let directory = try TemporaryDirectory(prefix: "deadlined-verify")
    defer { directory.remove() }
    let path = directory.path + "/message.eml"
    try Data(message).write(to: URL(fileURLWithPath: path))
    let script = BuiltProducts.repositoryRoot + "/Tests/Servers/verify_email.py"
    let result = try await ProcessRunner.run("/usr/bin/python3", [script, path], timeout: .seconds(30))
    guard result.succeeded else { throw TestServerError(description: "verify_email.py failed: \(result)") }
    return try JSONDecoder().decode(EmailVerification.self, from: result.standardOutput)
}

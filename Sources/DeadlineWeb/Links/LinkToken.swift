import Crypto
package import DeadlineKit

/// What a confirmation link names: one unit, one occurrence of one deadline, until a moment.
package struct ConfirmationLink: Sendable, Hashable {
    package var deadlineID: String
    /// The occurrence, by its nominal due day.
    package var occurrence: CivilDate
    package var unitID: String
    /// The language of the message that carried the link, and so of its pages.
    package var language: Language
    /// After this moment the link no longer confirms anything.
    package var expires: Instant

    package init(deadlineID: String, occurrence: CivilDate, unitID: String, language: Language, expires: Instant) {
        self.deadlineID = deadlineID
        self.occurrence = occurrence
        self.unitID = unitID
        self.language = language
        self.expires = expires
    }
}

/// The tokens in the links: the fields as text, then the first 128 bits of their HMAC-SHA256 under the
/// ``LinkKey``, the whole in unpadded base64url. Three kinds, told apart by the text's first field so that no
/// token of one kind is taken for another: `1c` a confirmation, `1l` a unit's calendar, `1r` the report.
///
/// Ids of deadlines and units never hold `|` (the configuration refuses it), so the fields split back exactly.
enum LinkToken {
    static let macLength = 16
    /// Longer tokens are refused before any work is done on them.
    static let maxLength = 400

    static func sign(_ fields: [String], key: LinkKey) -> String {
        let text = Array(fields.joined(separator: "|").utf8)
        return Base64URL.encode(text + mac(text, key: key))
    }

    /// The fields of a token whose signature holds; nil for anything else.
    static func open(_ token: some StringProtocol, key: LinkKey) -> [String]? {
        guard token.utf8.count <= maxLength, let bytes = Base64URL.decode(token), bytes.count > macLength else {
            return nil
        }
        let text = Array(bytes.dropLast(macLength))
        let expected = mac(text, key: key)
        // Constant time: every byte is compared whatever the first difference.
        var difference: UInt8 = 0
        for (a, b) in zip(expected, bytes.suffix(macLength)) { difference |= a ^ b }
        guard difference == 0 else { return nil }
        return String(decoding: text, as: UTF8.self).split(separator: "|", omittingEmptySubsequences: false).map(
            String.init)
    }

    static func mac(_ text: [UInt8], key: LinkKey) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: text, using: key.key).prefix(macLength))
    }

    // MARK: The three kinds

    static func confirmation(_ link: ConfirmationLink, key: LinkKey) -> String {
        sign(
            [
                "1c", link.language.rawValue, link.deadlineID, String(link.occurrence.daysSinceEpoch), link.unitID,
                String(link.expires.secondsSinceEpoch),
            ], key: key)
    }

    static func confirmation(from token: some StringProtocol, key: LinkKey) -> ConfirmationLink? {
        guard let f = open(token, key: key), f.count == 6, f[0] == "1c", let language = Language(rawValue: f[1]),
            !f[2].isEmpty, let days = Int(f[3]), !f[4].isEmpty, let expires = Int64(f[5])
        else { return nil }
        return ConfirmationLink(
            deadlineID: f[2], occurrence: CivilDate(daysSinceEpoch: days), unitID: f[4], language: language,
            expires: Instant(secondsSinceEpoch: expires))
    }

    static func calendar(unit: String, key: LinkKey) -> String {
        sign(["1l", unit], key: key)
    }

    static func calendarUnit(from token: some StringProtocol, key: LinkKey) -> String? {
        guard let f = open(token, key: key), f.count == 2, f[0] == "1l", !f[1].isEmpty else { return nil }
        return f[1]
    }

    static func report(key: LinkKey) -> String {
        sign(["1r", "report"], key: key)
    }

    static func isReport(_ token: some StringProtocol, key: LinkKey) -> Bool {
        open(token, key: key) == ["1r", "report"]
    }
}

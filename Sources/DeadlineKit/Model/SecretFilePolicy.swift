/// What a file holding a secret (a password, a token, a signing key, secret headers) must be: not readable by
/// everyone, and writable by its owner alone, so that nobody else can read the secret or put another in its place.
/// `deadlinectl check` applies it to every `*_file` key that names a secret, and the daemon again when it reads one.
public enum SecretFilePolicy {
    /// The owner and mode to give such a file, for messages.
    public static let expected =
        "a secret file must be owned by root (read through LoadCredential=) or by the user deadlined runs as, "
        + "with mode 600 (640 to let its group read it)"

    /// Why a file with these permission bits may not hold a secret (`is readable by everyone and writable by its
    /// group (mode 664)`), or nil when it may.
    public static func problem(mode: UInt32) -> String? {
        var faults: [String] = []
        if mode & 0o004 != 0 { faults.append("readable by everyone") }
        if mode & 0o002 != 0 {
            faults.append("writable by everyone")
        } else if mode & 0o020 != 0 {
            faults.append("writable by its group")
        }
        guard !faults.isEmpty else { return nil }
        return "is " + faults.joined(separator: " and ") + " (mode " + String(mode & 0o777, radix: 8) + ")"
    }

    /// The whole message for `path`: what is wrong, the owner and mode expected, and the command that fixes it.
    public static func message(path: String, mode: UInt32) -> String? {
        problem(mode: mode).map { "the secret file '\(path)' \($0); \(expected): chmod 600 \(path)" }
    }
}

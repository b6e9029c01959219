/// What a file holding a secret (a password, a token, a signing key, secret headers) must be: not readable by
/// everyone, and writable by its owner alone, so that nobody else can read the secret or put another in its place.
/// `deadlinectl check` applies it to every `*_file` key that names a secret, and the daemon again when it reads one.
package enum SecretFilePolicy {
    /// The owner and mode to give such a file, for messages.
    package static let expected =
        "a secret file must be owned by root (read through LoadCredential=) or by the user deadlined runs as, "
        + "with mode 600 (640 to let its group read it)"

    /// Why a file with these permission bits may not hold a secret (`is readable by everyone and writable by its
    /// group (mode 664)`), or nil when it may.
    package static func problem(mode: UInt32) -> String? {
        faults(mode: mode).map { "is \($0) (mode \(String(mode & 0o777, radix: 8)))" }
    }

    /// What is wrong with the mode (`readable by everyone and writable by its group`), as a catalog phrase
    /// (`diagnostic.modeReadable`, ...), or nil when nothing is.
    static func faults(mode: UInt32) -> Phrase? {
        let readable = mode & 0o004 != 0
        let writable: String? = mode & 0o002 != 0 ? "Writable" : mode & 0o020 != 0 ? "GroupWritable" : nil
        let english: String? =
            switch (readable, writable) {
            case (true, nil): "readable by everyone"
            case (true, "Writable"): "readable by everyone and writable by everyone"
            case (true, _): "readable by everyone and writable by its group"
            case (false, "Writable"): "writable by everyone"
            case (false, "GroupWritable"): "writable by its group"
            default: nil
            }
        guard let english else { return nil }
        return Phrase(english, "diagnostic.mode" + (readable ? "Readable" : "") + (writable ?? ""))
    }

    /// The whole message for `path`: what is wrong, the owner and mode expected, and the command that fixes it.
    package static func message(path: String, mode: UInt32) -> String? {
        phrase(path: path, mode: mode)?.english
    }

    /// ``message(path:mode:)`` as a catalog phrase (`diagnostic.secretFileMode`), for `deadlinectl check` to say in
    /// the admin's language.
    package static func phrase(path: String, mode: UInt32) -> Phrase? {
        guard let faults = faults(mode: mode) else { return nil }
        let octal = String(mode & 0o777, radix: 8)
        return Phrase(
            "the secret file '\(path)' is \(faults) (mode \(octal)); \(expected): chmod 600 \(path)",
            "diagnostic.secretFileMode", ["path": path, "mode": octal], parts: ["faults": faults])
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import DeadlineKit

/// Reads a file holding a secret (a password, a token, a signing key, secret headers), the one way deadlined
/// reads them: the file's mode is checked on the open file (``SecretFilePolicy``), at most 1 MiB is read, and
/// every error names the file, never its contents.
package enum SecretFile {
    /// The file's bytes; with `trimmed`, without its trailing line breaks (an editor's final newline; spaces are
    /// kept, a password may end with one), and an empty file is an error.
    package static func read(_ path: String, trimmed: Bool = true) throws(FileFailure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileFailure.system("cannot read the secret file '\(path)'") }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw FileFailure.system("cannot read the secret file '\(path)'") }
        if let message = SecretFilePolicy.message(path: path, mode: UInt32(status.st_mode)) {
            throw FileFailure(message)
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while bytes.count < 1 << 20 {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw FileFailure.system("cannot read the secret file '\(path)'") }
            if n == 0 { break }
            bytes += buffer[0..<n]
        }
        guard trimmed else { return bytes }
        while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
        guard !bytes.isEmpty else { throw FileFailure("the secret file '\(path)' is empty") }
        return bytes
    }
}

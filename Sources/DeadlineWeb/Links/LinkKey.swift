#if canImport(Glibc)
    import Glibc
#endif
import Crypto

/// The secret the links are signed with: 256 random bits, kept in `[web] key_file` as 64 hexadecimal digits.
///
/// `deadlinectl web-key` writes a new one (mode 600); replacing it revokes every link ever sent, the calendar
/// links too. Never logged, never in an error message.
package struct LinkKey: Sendable {
    let key: SymmetricKey

    init(bytes: [UInt8]) {
        key = SymmetricKey(data: bytes)
    }

    /// A new random key (the system's secure generator) and the text to store it as.
    package static func generate() -> (key: LinkKey, fileText: String) {
        let key = SymmetricKey(size: .bits256)
        let bytes = key.withUnsafeBytes { Array($0) }
        return (LinkKey(bytes: bytes), bytes.map(Self.hex).joined() + "\n")
    }

    /// The key in a file's text: 64 hexadecimal digits, surrounding white space ignored.
    package static func parse(_ text: String) -> LinkKey? {
        let digits = Array(text.utf8.filter { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) })
        guard digits.count == 64 else { return nil }
        var bytes: [UInt8] = []
        for i in stride(from: 0, to: 64, by: 2) {
            guard let high = nibble(digits[i]), let low = nibble(digits[i + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return LinkKey(bytes: bytes)
    }

    /// Reads the key from `path`, refusing a file that everyone may read.
    package static func load(path: String) -> Result<LinkKey, LinkKeyError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            return .failure(
                code == ENOENT
                    ? LinkKeyError("the key file '\(path)' does not exist; create it with: deadlinectl web-key")
                    : LinkKeyError("the key file '\(path)' cannot be read: \(String(cString: strerror(code)))"))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return .failure(LinkKeyError("'\(path)' is not a regular file"))
        }
        if info.st_mode & 0o004 != 0 {
            return .failure(
                LinkKeyError(
                    "the key file '\(path)' is readable by everyone (mode \(String(info.st_mode & 0o777, radix: 8))); run: chmod 600 \(path)"
                ))
        }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while bytes.count <= 1024 {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            bytes += buffer[0..<n]
        }
        guard let key = parse(String(decoding: bytes, as: UTF8.self)) else {
            return .failure(
                LinkKeyError(
                    "the key file '\(path)' does not hold a key (64 hexadecimal digits); write a new one with: deadlinectl web-key --rotate"
                ))
        }
        return .success(key)
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}

/// Why the link key could not be read: what is wrong and what to do. Never holds the key.
package struct LinkKeyError: Error, Sendable, Equatable, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}

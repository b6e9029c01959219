#if canImport(Glibc)
    import Glibc
#endif

/// Writes to the terminal: reports on stdout, problems on stderr.
package enum Console {
    package static func out(_ text: String) {
        write(fd: 1, text)
    }

    package static func err(_ text: String) {
        write(fd: 2, text)
    }

    /// Writes all of `text`, retrying short writes and EINTR.
    static func write(fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            var attempts = 0
            while offset < buffer.count, attempts < 1_000_000 {
                attempts += 1
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }

    /// The process environment as a dictionary.
    package static var environment: [String: String] {
        var result: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let s = String(cString: entry)
            if let eq = s.firstIndex(of: "=") {
                result[String(s[..<eq])] = String(s[s.index(after: eq)...])
            }
            p += 1
        }
        return result
    }
}

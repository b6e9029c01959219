#if canImport(Glibc)
    import Glibc
#endif

/// The few file operations the config layer needs, straight on the C library (no Foundation needed).
enum FileSystem {
    enum ReadError: Error, CustomStringConvertible {
        case cannotOpen(String)
        case tooLarge
        var description: String {
            switch self {
            case .cannotOpen(let reason): reason
            case .tooLarge: "the file is larger than 64 MiB"
            }
        }
    }

    static func readBytes(_ path: String, limit: Int = 64 << 20) throws(ReadError) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotOpen(String(cString: strerror(errno)))
            }
            if n == 0 { break }
            out.append(contentsOf: buffer[0..<n])
            if out.count > limit { throw .tooLarge }
        }
        return out
    }

    /// The names in a directory (no `.`/`..`), or nil if it cannot be opened.
    static func list(_ directory: String) -> [String]? {
        guard let dir = opendir(directory) else { return nil }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    struct FileInfo {
        var isRegular: Bool
        var isDirectory: Bool
        var mode: UInt32
        var owner: UInt32
    }

    static func info(_ path: String) -> FileInfo? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        let type = st.st_mode & S_IFMT
        return FileInfo(
            isRegular: type == S_IFREG, isDirectory: type == S_IFDIR, mode: st.st_mode & 0o7777, owner: st.st_uid)
    }

    static func isReadable(_ path: String) -> Bool { access(path, R_OK) == 0 }

    /// The directory part of a path (`.` for a bare name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// `base/relative`, unless `relative` is absolute.
    static func join(_ base: String, _ relative: String) -> String {
        if relative.hasPrefix("/") { return relative }
        if base == "." { return relative }
        return base.hasSuffix("/") ? base + relative : base + "/" + relative
    }
}

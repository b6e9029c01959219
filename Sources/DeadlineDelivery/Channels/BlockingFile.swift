#if canImport(Glibc)
    import Glibc
#endif
import DeadlineKit

/// Small, synchronous file operations for channel set-up and the outbox, straight on the C library.
enum BlockingFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func errorText(_ what: String) -> Failure {
        Failure(description: "\(what): \(String(cString: strerror(errno)))")
    }

    static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw errorText("cannot open '\(path)'") }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while out.count < 1 << 20 {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { throw errorText("cannot read '\(path)'") }
            if n == 0 { break }
            out += buffer[0..<n]
        }
        return out
    }

    /// The names in a folder (not `.` and `..`); empty when it cannot be read.
    static func list(_ folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while names.count < 1_000_000, let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same folder, fsync, rename, fsync the folder.
    /// Readers see the whole file or none of it, also after a crash.
    static func writeAtomically(_ bytes: [UInt8], to path: String, mode: mode_t = 0o640) throws {
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let temporary = "\(directory)/.tmp-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw errorText("cannot create '\(temporary)'") }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else {
                let failure = errorText("cannot write '\(temporary)'")
                close(fd)
                unlink(temporary)
                throw failure
            }
            offset += n
        }
        guard fsync(fd) == 0 else {
            let failure = errorText("cannot sync '\(temporary)'")
            close(fd)
            unlink(temporary)
            throw failure
        }
        close(fd)
        guard rename(temporary, path) == 0 else {
            let failure = errorText("cannot rename to '\(path)'")
            unlink(temporary)
            throw failure
        }
        let dfd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }
}

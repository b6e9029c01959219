#if canImport(Glibc)
    package import Glibc
#elseif canImport(Musl)
    package import Musl
#endif

/// Folders, made the one way deadlined makes them.
package enum Folders {
    /// Creates `path` and each missing parent with `mode` (like `mkdir -p`). A part that exists but is not a
    /// folder is an error.
    package static func create(_ path: String, mode: mode_t = 0o700) throws(FileFailure) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            var status = stat()
            if stat(current, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFDIR else { throw FileFailure("'\(current)' is not a folder") }
                continue
            }
            if mkdir(current, mode) != 0, errno != EEXIST {
                throw FileFailure.system("cannot create the folder '\(current)'")
            }
        }
    }

    /// Creates the folders that would contain `file` (everything before its last `/`).
    package static func create(containing file: String, mode: mode_t = 0o700) throws(FileFailure) {
        guard let slash = file.lastIndex(of: "/"), slash > file.startIndex else { return }
        try create(String(file[..<slash]), mode: mode)
    }
}

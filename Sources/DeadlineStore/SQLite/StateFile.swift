#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Creates the ledger's file and missing folders with private permissions before SQLite opens it: folders 0700,
/// the file 0600 (SQLite gives `-wal` and `-shm` the database file's mode). An existing file or folder keeps
/// its owner and mode: an admin who opened it to a group did so on purpose.
enum StateFile {
    static func prepare(path: String, create: Bool) throws(StoreError) {
        guard !path.isEmpty else { throw StoreError(.invalidInput, "the ledger's path is empty") }
        guard create else {
            guard access(path, F_OK) == 0 else {
                throw StoreError(
                    .notFound,
                    "there is no ledger at \(path): deadlined has not run yet, or [daemon] state_directory or "
                        + "$STATE_DIRECTORY points elsewhere")
            }
            return
        }
        try makeFolders(containing: path)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            let number = errno
            if number == EACCES || number == EROFS {
                throw StoreError(
                    number == EROFS ? .readOnly : .cannotOpen,
                    "cannot open \(path): \(describe(number)); the user running deadlined must be able to "
                        + "read and write it and its folder")
            }
            throw StoreError(.cannotOpen, "cannot open \(path): \(describe(number))")
        }
        close(descriptor)
    }

    /// `mkdir -p` with mode 0700 for each folder it creates. Messages quote the path as given.
    private static func makeFolders(containing path: String) throws(StoreError) {
        let utf8 = Array(path.utf8)
        for (offset, byte) in utf8.enumerated() where byte == UInt8(ascii: "/") && offset > 0 {
            guard utf8[offset - 1] != UInt8(ascii: "/") else { continue }
            let folder = String(decoding: utf8[..<offset], as: UTF8.self)
            var status = stat()
            if stat(folder, &status) == 0 {
                guard status.st_mode & S_IFMT == S_IFDIR else {
                    throw StoreError(.cannotOpen, "cannot create the ledger in \(folder): it is not a folder")
                }
                continue
            }
            if mkdir(folder, 0o700) != 0, errno != EEXIST {
                throw StoreError(
                    .cannotOpen, "cannot create the folder \(folder) for the ledger: \(describe(errno))")
            }
        }
    }

    private static func describe(_ number: Int32) -> String {
        String(cString: strerror(number))
    }
}

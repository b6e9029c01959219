#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif
import Platform

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
        do {
            try Folders.create(containing: path)
        } catch {
            throw StoreError(.cannotOpen, "cannot create the ledger's folder: \(error)")
        }
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

    private static func describe(_ number: Int32) -> String {
        String(cString: strerror(number))
    }
}

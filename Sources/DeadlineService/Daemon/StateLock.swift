import DeadlineKit
#if canImport(Glibc)
    import Glibc
#endif

/// An exclusive lock on the state directory (`deadlined.lock`, holding the owner's PID): one daemon per ledger.
/// Two daemons on one SQLite ledger would otherwise wait out each other's claims; a `--once` run from the timer
/// and a resident daemon would race. The kernel drops the lock when the process dies, even by `kill -9`.
struct StateLock {
    let fd: Int32

    /// Takes the lock, or says who holds it.
    static func acquire(stateDirectory: String) -> Result<StateLock, ControlError> {
        let path = stateDirectory + "/deadlined.lock"
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            return .failure(ControlError("cannot open \(path): \(String(cString: strerror(errno)))"))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let n = read(fd, &buffer, buffer.count)
            let holder = n > 0 ? String(decoding: buffer[0..<n], as: UTF8.self).trimmingSpaces : "?"
            close(fd)
            return .failure(ControlError("another deadlined (pid \(holder)) is using \(stateDirectory); stop it first"))
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = pwrite(fd, pid, pid.count, 0)
        return .success(StateLock(fd: fd))
    }
}

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program (found on `PATH`) with no input and collects what it prints, for the converters `import` uses.
struct ChildProcess {
    /// The program's exit status (128 + N when killed by signal N), standard output and standard error.
    struct Finished {
        let status: Int32
        let output: [UInt8]
        let errors: [UInt8]
    }

    /// Runs `arguments` (the program's name first) and waits for it; `spawnError` is `errno` when it cannot start
    /// (`ENOENT`: not installed). Output beyond `limit` bytes is read and dropped, so the child never blocks.
    static func run(_ arguments: [String], limit: Int) -> Result<Finished, SpawnError> {
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard openPipe(&outPipe) else { return .failure(SpawnError(code: errno)) }
        guard openPipe(&errPipe) else {
            close(outPipe[0])
            close(outPipe[1])
            return .failure(SpawnError(code: errno))
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
        argv.append(nil)
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        close(outPipe[1])
        close(errPipe[1])
        defer {
            close(outPipe[0])
            close(errPipe[0])
        }
        guard spawned == 0 else { return .failure(SpawnError(code: spawned)) }
        var output: [UInt8] = []
        var errors: [UInt8] = []
        var fds = [
            pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0),
            pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0),
        ]
        var open = 2
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while open > 0 {
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if errno == EINTR { continue }
                break
            }
            for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                let n = buffer.withUnsafeMutableBytes { Glibc.read(fds[i].fd, $0.baseAddress, $0.count) }
                if n < 0, errno == EINTR { continue }
                if n <= 0 {
                    fds[i].fd = -1
                    open -= 1
                    continue
                }
                if i == 0 {
                    if output.count < limit { output += buffer[0..<min(n, limit - output.count)] }
                } else if errors.count < 65_536 {
                    errors += buffer[0..<min(n, 65_536 - errors.count)]
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { break }
        }
        let exitCode = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return .success(Finished(status: exitCode, output: output, errors: errors))
    }

    /// A pipe whose ends are closed in the child (only the dup2'd copies survive `exec`).
    private static func openPipe(_ fds: inout [Int32]) -> Bool {
        guard pipe(&fds) == 0 else { return false }
        _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        return true
    }

    /// Why a program could not be started.
    struct SpawnError: Error {
        let code: Int32
        var description: String { String(cString: strerror(code)) }
    }
}

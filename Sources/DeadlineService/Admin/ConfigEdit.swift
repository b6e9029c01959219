#if canImport(Glibc)
    import Glibc
#endif
import DeadlineConfig
import DeadlineKit

/// `deadlinectl edit [FILE]`, in the manner of `visudo` and `systemctl edit`:
///
/// 1. copies the file (the main file by default; a drop-in, or a new drop-in in the drop-in folder) to a private
///    temporary folder and opens the copy in `$VISUAL`, `$EDITOR`, `editor` or `vi`;
/// 2. checks the whole configuration as if the copy were installed, every other file as it is on disk;
/// 3. on errors prints them (`file:line:column: error: ...`, lines of the edited text) and asks whether to edit
///    again or leave; without a terminal to ask on, it leaves. The installed files are not touched;
/// 4. when valid, installs the copy atomically (a temporary file in the same folder with the original's mode and
///    owner, fsync, rename, fsync of the folder), unless the installed file changed meanwhile;
/// 5. asks a running deadlined to reload, and reports its verdict.
///
/// Exit status: 0 installed (or nothing changed), 1 not installed, 2 usage error.
public enum ConfigEdit {
    /// The answers the session reads when the edited copy is not valid; nil at the end of input.
    public typealias Ask = @Sendable (String) -> String?

    public static func run(
        file: String?, mainFile: String, environment: [String: String], ask: Ask = ConfigEdit.askOnTerminal
    ) -> Int32 {
        let current = ConfigLoader.load(mainFile: mainFile, environment: environment)
        guard let target = resolve(file, mainFile: mainFile, dropInDirectory: current.dropInDirectory) else { return 2 }
        let original = read(target)
        if original == nil, file == nil || !isInDropIns(target, current.dropInDirectory) {
            Console.err("deadlinectl: cannot read \(target): \(String(cString: strerror(errno)))\n")
            return 1
        }
        guard let folder = makeTemporaryFolder() else {
            Console.err("deadlinectl: cannot make a temporary folder: \(String(cString: strerror(errno)))\n")
            return 1
        }
        let copy = folder + "/" + baseName(target)
        defer {
            unlink(copy)
            rmdir(folder)
        }
        guard write(copy, original ?? Array(newFileTemplate(target).utf8), mode: 0o600) else {
            Console.err("deadlinectl: cannot write \(copy): \(String(cString: strerror(errno)))\n")
            return 1
        }
        for _ in 0..<100 {
            guard runEditor(on: copy, environment: environment) else { return 1 }
            guard let edited = read(copy) else {
                Console.err("deadlinectl: the edited copy \(copy) is gone; nothing was changed\n")
                return 1
            }
            if edited == original || (original == nil && edited == Array(newFileTemplate(target).utf8)) {
                Console.out("\(target): no changes\n")
                return 0
            }
            let result = LoadedConfiguration.load(mainFile: mainFile, environment: environment, pending: (target, edited))
            for d in result.diagnostics { Console.err("\(d)\n") }
            if result.configuration == nil {
                Console.err("deadlinectl: \(ConfigSession.countSummary(result.diagnostics)) with this change; \(target) is unchanged\n")
                switch ask("What now? (e)dit again, e(x)it without saving [e/x]: ")?.lowercased().first {
                case "e": continue
                default:
                    Console.err("deadlinectl: left without saving; \(target) is unchanged\n")
                    return 1
                }
            }
            guard read(target) == original else {
                Console.err("deadlinectl: \(target) was changed by someone else while you edited it; nothing was installed\n")
                return 1
            }
            guard install(edited, at: target) else { return 1 }
            Console.out("\(target): installed (\(result.configuration!.summary))\n")
            let stateDirectory = result.configuration!.daemon.stateDirectory
            guard (try? ControlClient.request("PING", stateDirectory: stateDirectory, timeoutSeconds: 5)) != nil else {
                Console.out("deadlined is not running here; the change takes effect when it starts\n")
                return 0
            }
            return ReloadRequest.run(stateDirectory: stateDirectory)
        }
        return 1
    }

    /// Reads an answer from the terminal (`/dev/tty`), so that it works whatever stdin is; nil without one.
    public static let askOnTerminal: Ask = { question in
        guard let tty = fopen("/dev/tty", "r+") else { return nil }
        defer { fclose(tty) }
        fputs(question, tty)
        fflush(tty)
        var buffer = [CChar](repeating: 0, count: 256)
        guard fgets(&buffer, Int32(buffer.count), tty) != nil else { return nil }
        return text(buffer).trimmingSpaces
    }

    /// The file to edit, spelled as the loader spells it so that the edited copy takes its place.
    static func resolve(_ file: String?, mainFile: String, dropInDirectory: String?) -> String? {
        guard let file else { return mainFile }
        if samePath(file, mainFile) { return mainFile }
        guard let dropIns = dropInDirectory else {
            Console.err("deadlinectl: cannot read the main file \(mainFile), so the drop-in folder is unknown\n")
            return nil
        }
        let candidate = file.contains("/") ? file : dropIns + "/" + file
        guard samePath(directoryName(candidate), dropIns) else {
            Console.err("deadlinectl: \(file) is not part of the configuration: edit the main file \(mainFile) or a file in \(dropIns)\n")
            return nil
        }
        guard baseName(candidate).hasSuffix(".toml"), !baseName(candidate).hasPrefix(".") else {
            Console.err("deadlinectl: \(file): drop-in files are read only when their names end in .toml and do not start with a dot\n")
            return nil
        }
        return (dropIns.hasSuffix("/") ? dropIns : dropIns + "/") + baseName(candidate)
    }

    static func isInDropIns(_ path: String, _ dropIns: String?) -> Bool {
        dropIns.map { samePath(directoryName(path), $0) } ?? false
    }

    static func newFileTemplate(_ path: String) -> String {
        """
        # \(baseName(path)): a new drop-in file of deadlined's configuration (one directive per file is usual).
        # Example:
        #
        # [documents."5418/UBND-TKBT"]
        # date = "17/11/2020"
        # title = "Triển khai thực hiện Nghị quyết"
        #
        # [[deadlines]]
        # id = "5418-bao-cao-de-xuat"
        # document = "5418/UBND-TKBT"
        # task = "Báo cáo đề xuất nhiệm vụ, giải pháp"
        # units = ["cac-so"]
        # due = "10/12"

        """
    }

    /// Runs the editor on `path` and waits; false (after saying why) when it cannot run or fails.
    static func runEditor(on path: String, environment: [String: String]) -> Bool {
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.trimmingSpaces.isEmpty }
            ?? (access("/usr/bin/editor", X_OK) == 0 ? "/usr/bin/editor" : "vi")
        // Through the shell, so that `EDITOR="code --wait"` works; the path goes as "$1", never into the command.
        let command: String = editor + " \"$1\""
        let words: [String] = ["/bin/sh", "-c", command, "sh", path]
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) }
        argv.append(nil)
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ)
        guard spawned == 0 else {
            Console.err("deadlinectl: cannot start the editor '\(editor)': \(String(cString: strerror(spawned)))\n")
            return false
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return false }
        }
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited, code == 0 else {
            Console.err("deadlinectl: the editor '\(editor)' failed (\(exited ? "exit status \(code)" : "killed by signal \(status & 0x7f)")); nothing was changed\n")
            return false
        }
        return true
    }

    /// Writes `bytes` over `path` atomically, keeping the original file's mode and owner (0644 for a new file).
    static func install(_ bytes: [UInt8], at path: String) -> Bool {
        var st = stat()
        let exists = stat(path, &st) == 0
        let folder = directoryName(path)
        var template = Array((folder + "/." + baseName(path) + ".deadlinectl-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else {
            Console.err("deadlinectl: cannot write in \(folder): \(String(cString: strerror(errno))); nothing was installed\n")
            return false
        }
        let temporary = text(template)
        var ok = writeAll(fd, bytes) && fchmod(fd, exists ? st.st_mode & 0o7777 : 0o644) == 0
        if ok, exists, geteuid() == 0 { ok = fchown(fd, st.st_uid, st.st_gid) == 0 }
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            Console.err("deadlinectl: cannot install \(path): \(String(cString: strerror(errno))); nothing was installed\n")
            unlink(temporary)
            return false
        }
        let dir = open(folder, O_RDONLY | O_DIRECTORY)
        if dir >= 0 {
            fsync(dir)
            close(dir)
        }
        return true
    }

    static func read(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while out.count < 64 << 20 {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { return out }
            out += buffer[0..<n]
        }
        return nil
    }

    static func write(_ path: String, _ bytes: [UInt8], mode: mode_t) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return writeAll(fd, bytes)
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }

    static func makeTemporaryFolder() -> String? {
        let base = ProcessInfoLite.temporaryDirectory
        var template = Array((base + "/deadlinectl-edit.XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else { return nil }
        return text(template)
    }

    static func samePath(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        guard let ra = realpath(a, nil), let rb = realpath(b, nil) else { return false }
        defer {
            free(ra)
            free(rb)
        }
        return strcmp(ra, rb) == 0
    }

    /// A NUL-terminated C buffer as text.
    static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static func directoryName(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

/// `$TMPDIR` or `/tmp`.
enum ProcessInfoLite {
    static var temporaryDirectory: String {
        if let t = getenv("TMPDIR"), let s = String(validatingCString: t), !s.isEmpty { return s }
        return "/tmp"
    }
}

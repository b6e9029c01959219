#if canImport(Glibc)
    import Glibc
#endif
import DeadlineConfig
import DeadlineKit
import Platform

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
package enum ConfigEdit {
    /// The answers the session reads when the edited copy is not valid; nil at the end of input.
    package typealias Ask = @Sendable (String) -> String?

    /// Runs the session, speaking `--lang` (`language`), else the language of the configuration as it is, else the
    /// locale's.
    package static func run(
        file: String?, mainFile: String, environment: [String: String], language option: String? = nil,
        ask: Ask = ConfigEdit.askOnTerminal
    ) -> Int32 {
        guard let early = AdminLanguage.early(option, environment: environment, mainFile: mainFile) else { return 2 }
        let current = ConfigLoader.load(mainFile: mainFile, environment: environment)
        let say = Catalog(
            current.configuration.map { AdminLanguage.of($0, option: option, environment: environment) } ?? early)
        guard let target = resolve(file, mainFile: mainFile, dropInDirectory: current.dropInDirectory, say) else {
            return 2
        }
        let original = read(target)
        if original == nil, file == nil || !isInDropIns(target, current.dropInDirectory) {
            Console.err(say(ConfigText.editCannotRead, ["file": target, "error": systemError()]))
            return 1
        }
        guard let folder = makeTemporaryFolder() else {
            Console.err(say(ConfigText.editNoTemporaryFolder, ["error": systemError()]))
            return 1
        }
        let copy = folder + "/" + baseName(target)
        defer {
            unlink(copy)
            rmdir(folder)
        }
        let template = Array(say(ConfigText.editNewFileTemplate, ["name": baseName(target)]).utf8)
        guard write(copy, original ?? template, mode: 0o600) else {
            Console.err(say(ConfigText.editCannotWriteCopy, ["file": copy, "error": systemError()]))
            return 1
        }
        for _ in 0..<100 {
            guard runEditor(on: copy, environment: environment, say) else { return 1 }
            guard let edited = read(copy) else {
                Console.err(say(ConfigText.editCopyGone, ["file": copy]))
                return 1
            }
            if edited == original || (original == nil && edited == template) {
                Console.out(say(ConfigText.editNoChanges, ["file": target]))
                return 0
            }
            let result = LoadedConfiguration.load(
                mainFile: mainFile, environment: environment, pending: (target, edited))
            for d in result.diagnostics { Console.err(say.diagnostic(d) + "\n") }
            guard let configuration = result.configuration else {
                let count = ConfigSession.countSummary(result.diagnostics, say)
                Console.err(say(ConfigText.editErrorsWithChange, ["count": count, "file": target]))
                // machine: the answer that means edit again
                if ask(say(ConfigText.editAsk))?.lowercased().first == "e" { continue }
                Console.err(say(ConfigText.editLeft, ["file": target]))
                return 1
            }
            guard read(target) == original else {
                Console.err(say(ConfigText.editChangedMeanwhile, ["file": target]))
                return 1
            }
            guard install(edited, at: target, say) else { return 1 }
            Console.out(
                say(ConfigText.editInstalled, ["file": target, "summary": ConfigSession.summary(configuration, say)]))
            let stateDirectory = configuration.daemon.stateDirectory
            guard (try? ControlClient.request("PING", stateDirectory: stateDirectory, timeoutSeconds: 5)) != nil else {
                Console.out(say(ConfigText.editDaemonNotRunning))
                return 0
            }
            return ReloadRequest.run(
                stateDirectory: stateDirectory, language: say.language, localDiagnostics: result.diagnostics)
        }
        return 1
    }

    /// The text of `errno`, as the C library says it.
    static func systemError(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }

    /// Reads an answer from the terminal (`/dev/tty`), so that it works whatever stdin is; nil without one.
    package static let askOnTerminal: Ask = { question in
        guard let tty = fopen("/dev/tty", "r+") else { return nil }
        defer { fclose(tty) }
        fputs(question, tty)
        fflush(tty)
        var buffer = [CChar](repeating: 0, count: 256)
        guard fgets(&buffer, Int32(buffer.count), tty) != nil else { return nil }
        return text(buffer).trimmingSpaces
    }

    /// The file to edit, spelled as the loader spells it so that the edited copy takes its place.
    static func resolve(_ file: String?, mainFile: String, dropInDirectory: String?, _ say: Catalog) -> String? {
        guard let file else { return mainFile }
        if samePath(file, mainFile) { return mainFile }
        guard let dropIns = dropInDirectory else {
            Console.err(say(ConfigText.editMainUnreadable, ["file": mainFile]))
            return nil
        }
        let candidate = file.contains("/") ? file : dropIns + "/" + file
        guard samePath(directoryName(candidate), dropIns) else {
            Console.err(
                say(ConfigText.editNotPartOfConfiguration, ["file": file, "main": mainFile, "folder": dropIns]))
            return nil
        }
        guard baseName(candidate).hasSuffix(".toml"), !baseName(candidate).hasPrefix(".") else {
            Console.err(say(ConfigText.editDropInName, ["file": file]))
            return nil
        }
        return (dropIns.hasSuffix("/") ? dropIns : dropIns + "/") + baseName(candidate)
    }

    static func isInDropIns(_ path: String, _ dropIns: String?) -> Bool {
        dropIns.map { samePath(directoryName(path), $0) } ?? false
    }

    /// Runs the editor on `path` and waits; false (after saying why) when it cannot run or fails.
    static func runEditor(on path: String, environment: [String: String], _ say: Catalog) -> Bool {
        let editor =
            [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.trimmingSpaces.isEmpty }
            ?? (access("/usr/bin/editor", X_OK) == 0 ? "/usr/bin/editor" : "vi")  // machine: the editor to run
        // Through the shell, so that `EDITOR="code --wait"` works; the path goes as "$1", never into the command.
        let command: String = editor + " \"$1\""
        let words: [String] = ["/bin/sh", "-c", command, "sh", path]  // machine: the shell's arguments
        var argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) }
        argv.append(nil)
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", nil, nil, argv, environ)
        guard spawned == 0 else {
            Console.err(say(ConfigText.editCannotStartEditor, ["editor": editor, "error": systemError(spawned)]))
            return false
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return false }
        }
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited, code == 0 else {
            let how =
                exited
                ? say(ConfigText.editExitStatus, ["code": String(code)])
                : say(ConfigText.editKilled, ["signal": String(status & 0x7f)])
            Console.err(say(ConfigText.editEditorFailed, ["editor": editor, "how": how]))
            return false
        }
        return true
    }

    /// Writes `bytes` over `path` atomically, keeping the original file's mode and owner (0644 for a new file).
    static func install(_ bytes: [UInt8], at path: String, _ say: Catalog) -> Bool {
        var st = stat()
        let exists = stat(path, &st) == 0
        let folder = directoryName(path)
        var template = Array((folder + "/." + baseName(path) + ".deadlinectl-XXXXXX").utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else {
            Console.err(say(ConfigText.editCannotWriteIn, ["folder": folder, "error": systemError()]))
            return false
        }
        let temporary = text(template)
        var ok = writeAll(fd, bytes) && fchmod(fd, exists ? st.st_mode & 0o7777 : 0o644) == 0
        if ok, exists, geteuid() == 0 { ok = fchown(fd, st.st_uid, st.st_gid) == 0 }
        ok = ok && fsync(fd) == 0
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            Console.err(say(ConfigText.editCannotInstall, ["file": path, "error": systemError()]))
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

    static func read(_ path: String) -> [UInt8]? { FileBytes.read(path, limit: 64 << 20) }

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

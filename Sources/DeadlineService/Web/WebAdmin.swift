#if canImport(Glibc)
    import Glibc
#endif
package import DeadlineConfig
package import DeadlineKit
import DeadlineWeb

/// `deadlinectl web-key` and `deadlinectl web-links`: the admin's side of the web side.
package enum WebAdmin {
    /// Writes a new link key to `[web] key_file` (or `file`) when there is none, or always with `rotate`: mode 600,
    /// owned like the folder it is in (the daemon's state directory belongs to its user), replaced atomically.
    package static func key(configuration: Configuration, file: String?, rotate: Bool, language: Language) -> Int32 {
        let say = Catalog(language)
        guard let web = configuration.web else {
            Console.err(say(WebText.noWebTableHint))
            return 2
        }
        let path = file ?? web.keyFile
        guard !path.contains("CREDENTIALS_DIRECTORY") else {
            Console.err(say(WebText.keyIsCredential, ["path": path]))
            return 2
        }
        if !rotate, access(path, F_OK) == 0 {
            Console.out(say(WebText.keyKept, ["path": path]))
            return 0
        }
        if let problem = write(LinkKey.generate().fileText, to: path, say) {
            Console.err(say(WebText.problem, ["problem": problem]))
            return 1
        }
        Console.out(say(rotate ? WebText.keyWrittenRotated : WebText.keyWritten, ["path": path]))
        return 0
    }

    /// Prints each unit's calendar link (all units when none is named) and, with `report` or no unit, the report's.
    package static func links(configuration: Configuration, units: [String], report: Bool, language: Language) -> Int32
    {
        let agenda = configuration.agenda
        let say = Catalog(language)
        guard let web = configuration.web else {
            Console.err(say(WebText.noWebTable))
            return 2
        }
        let key: LinkKey
        switch LinkKey.load(path: web.keyFile) {
        case .success(let k): key = k
        case .failure(let error):
            Console.err(say(WebText.problem, ["problem": "\(error)"]))
            return 1
        }
        let links = WebLinks(publicURL: web.publicURL, key: key, linkLifetimeSeconds: web.linkLifetimeSeconds)
        for unit in units where agenda.units[unit] == nil {
            let hint = OccurrenceWords(language: language).hint(Suggestions.closest(to: unit, in: agenda.units.keys))
            Console.err(say(WebText.noSuchUnit, ["unit": unit, "hint": hint]))
            return 2
        }
        var out = ""
        let chosen = units.isEmpty && !report ? agenda.units.keys.sorted() : units
        if !chosen.isEmpty {
            out += say(WebText.calendarsTitle)
            for unit in chosen {
                out += "  \(unit)  \(agenda.units[unit]?.name ?? unit)\n    \(links.calendarURL(unitID: unit))\n"
            }
        }
        if report || units.isEmpty {
            out += (out.isEmpty ? "" : "\n") + say(WebText.reportTitle)
            out += "  \(links.reportURL)\n"
        }
        Console.out(out)
        return 0
    }

    /// The report as one HTML page.
    package static func reportPage(
        configuration: Configuration, state: PlannerState, from: CivilDate, to: CivilDate, now: Instant,
        language: Language
    ) -> String {
        CompletionReportPage.build(
            agenda: configuration.agenda, state: state, from: from, to: to, now: now, language: language
        )
        .document().rendered
    }

    /// Writes `text` to `path` through a new file beside it (mode 600, owned like the folder), renamed over it.
    static func write(_ text: String, to path: String, _ say: Catalog) -> String? {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) }.flatMap { $0.isEmpty ? "/" : $0 } ?? "."
        var info = stat()
        guard stat(folder, &info) == 0 else { return say(WebText.folderMissing, ["folder": folder]) }
        let temporary = "\(path).new-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            return say(WebText.cannotWrite, ["file": temporary, "error": String(cString: strerror(errno))])
        }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        if getuid() == 0, info.st_uid != 0 { _ = fchown(fd, info.st_uid, info.st_gid) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return say(WebText.cannotWrite, ["file": path, "error": reason])
        }
        return nil
    }
}

#if canImport(Glibc)
    import Glibc
#endif
import DeadlineConfig
import DeadlineKit
import DeadlineWeb

/// `deadlinectl web-key` and `deadlinectl web-links`: the admin's side of the web side.
public enum WebAdmin {
    /// Writes a new link key to `[web] key_file` (or `file`) when there is none, or always with `rotate`: mode 600,
    /// owned like the folder it is in (the daemon's state directory belongs to its user), replaced atomically.
    public static func key(configuration: Configuration, file: String?, rotate: Bool) -> Int32 {
        let vi = configuration.agenda.settings.language == .vi
        guard let web = configuration.web else {
            Console.err(
                vi ? "deadlinectl: chưa có bảng [web] trong cấu hình; thêm [web] với public_url trước (xem README, \"Confirming from the reminder\")\n"
                    : "deadlinectl: the configuration has no [web] table; add [web] with public_url first (README, \"Confirming from the reminder\")\n")
            return 2
        }
        let path = file ?? web.keyFile
        guard !path.contains("CREDENTIALS_DIRECTORY") else {
            Console.err(
                vi ? "deadlinectl: key_file là một credential của systemd (\(path)); ghi khoá vào tệp nguồn của LoadCredential=: deadlinectl web-key --file /etc/deadlined/secrets/web-key\n"
                    : "deadlinectl: key_file is a systemd credential (\(path)); write the key to the file LoadCredential= reads: deadlinectl web-key --file /etc/deadlined/secrets/web-key\n")
            return 2
        }
        if !rotate, access(path, F_OK) == 0 {
            Console.out(
                vi ? "Đã có khoá ở \(path); không thay. --rotate tạo khoá mới (mọi liên kết đã gửi sẽ hết hiệu lực).\n"
                    : "A key already exists at \(path); kept. --rotate makes a new one (every link sent so far stops working).\n")
            return 0
        }
        if let problem = write(LinkKey.generate().fileText, to: path) {
            Console.err("deadlinectl: \(problem)\n")
            return 1
        }
        Console.out(
            vi ? "Đã ghi khoá mới vào \(path) (chế độ 600).\(rotate ? " Mọi liên kết đã gửi trước đây hết hiệu lực." : "") Nạp lại deadlined để dùng khoá này: systemctl reload deadlined\n"
                : "Wrote a new key to \(path) (mode 600).\(rotate ? " Every link sent before no longer works." : "") Reload deadlined to use it: systemctl reload deadlined\n")
        return 0
    }

    /// Prints each unit's calendar link (all units when none is named) and, with `report` or no unit, the report's.
    public static func links(configuration: Configuration, units: [String], report: Bool) -> Int32 {
        let agenda = configuration.agenda
        let vi = agenda.settings.language == .vi
        guard let web = configuration.web else {
            Console.err(vi ? "deadlinectl: chưa có bảng [web] trong cấu hình\n" : "deadlinectl: the configuration has no [web] table\n")
            return 2
        }
        let key: LinkKey
        switch LinkKey.load(path: web.keyFile) {
        case .success(let k): key = k
        case .failure(let error):
            Console.err("deadlinectl: \(error)\n")
            return 1
        }
        let links = WebLinks(publicURL: web.publicURL, key: key, linkLifetimeSeconds: web.linkLifetimeSeconds)
        for unit in units where agenda.units[unit] == nil {
            let hint = Suggestions.closest(to: unit, in: agenda.units.keys).map { vi ? "; có phải ý bạn là '\($0)'?" : "; did you mean '\($0)'?" } ?? ""
            Console.err(vi ? "deadlinectl: không có đơn vị '\(unit)'\(hint)\n" : "deadlinectl: there is no unit '\(unit)'\(hint)\n")
            return 2
        }
        var out = ""
        let chosen = units.isEmpty && !report ? agenda.units.keys.sorted() : units
        if !chosen.isEmpty {
            out += vi ? "Lịch nhiệm vụ của từng đơn vị (gửi mỗi đơn vị liên kết của mình một lần; họ thêm vào Outlook, Thunderbird hoặc lịch điện thoại):\n"
                : "Each unit's calendar (send each unit its own link once; they add it to Outlook, Thunderbird or their phone's calendar):\n"
            for unit in chosen {
                out += "  \(unit)  \(agenda.units[unit]?.name ?? unit)\n    \(links.calendarURL(unitID: unit))\n"
            }
        }
        if report || units.isEmpty {
            out += (out.isEmpty ? "" : "\n") + (vi ? "Báo cáo kết quả thực hiện (cho lãnh đạo văn phòng):\n" : "The completion report (for the office's heads):\n")
            out += "  \(links.reportURL)\n"
        }
        Console.out(out)
        return 0
    }

    /// The report as one HTML page.
    public static func reportPage(
        configuration: Configuration, state: PlannerState, from: CivilDate, to: CivilDate, now: Instant
    ) -> String {
        CompletionReportPage.build(
            agenda: configuration.agenda, state: state, from: from, to: to, now: now, language: configuration.agenda.settings.language
        ).document().rendered
    }

    /// Writes `text` to `path` through a new file beside it (mode 600, owned like the folder), renamed over it.
    static func write(_ text: String, to path: String) -> String? {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) }.flatMap { $0.isEmpty ? "/" : $0 } ?? "."
        var info = stat()
        guard stat(folder, &info) == 0 else { return "the folder '\(folder)' does not exist; create it first" }
        let temporary = "\(path).new-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return "cannot write '\(temporary)': \(String(cString: strerror(errno)))" }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        if getuid() == 0, info.st_uid != 0 { _ = fchown(fd, info.st_uid, info.st_gid) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == bytes.count, synced, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot write '\(path)': \(reason)"
        }
        return nil
    }
}

/// What `web-key` and `web-links` say.
package enum WebText: String, CatalogEntry {
    case noWebTable, noWebTableHint, keyIsCredential, keyKept, keyWritten, keyWrittenRotated, noSuchUnit
    case calendarsTitle, reportTitle, problem, folderMissing, cannotWrite

    package static let area = "web"

    package var texts: Bilingual {
        switch self {
        case .noWebTable:
            Bilingual(
                vi: "deadlinectl: chưa có bảng [web] trong cấu hình\n",
                en: "deadlinectl: the configuration has no [web] table\n")
        case .noWebTableHint:
            Bilingual(
                vi:
                    "deadlinectl: chưa có bảng [web] trong cấu hình; thêm [web] với public_url trước (xem docs/web.md, \"Confirming from the reminder\")\n",
                en:
                    "deadlinectl: the configuration has no [web] table; add [web] with public_url first (docs/web.md, \"Confirming from the reminder\")\n"
            )
        case .keyIsCredential:
            Bilingual(
                vi:
                    "deadlinectl: key_file là một credential của systemd ({path}); hãy ghi khoá vào tệp nguồn của LoadCredential=: deadlinectl web-key --file /etc/deadlined/secrets/web-key\n",
                en:
                    "deadlinectl: key_file is a systemd credential ({path}); write the key to the file LoadCredential= reads: deadlinectl web-key --file /etc/deadlined/secrets/web-key\n"
            )
        case .keyKept:
            Bilingual(
                vi: "Đã có khoá ở {path}; không thay. --rotate tạo khoá mới (mọi liên kết đã gửi sẽ hết hiệu lực).\n",
                en:
                    "A key already exists at {path}; kept. --rotate makes a new one (every link sent so far stops working).\n"
            )
        case .keyWritten:
            Bilingual(
                vi:
                    "Đã ghi khoá mới vào {path} (chế độ 600). Nạp lại deadlined để dùng khoá này: systemctl reload deadlined\n",
                en: "Wrote a new key to {path} (mode 600). Reload deadlined to use it: systemctl reload deadlined\n")
        case .keyWrittenRotated:
            Bilingual(
                vi:
                    "Đã ghi khoá mới vào {path} (chế độ 600). Mọi liên kết đã gửi trước đây hết hiệu lực. Nạp lại deadlined để dùng khoá này: systemctl reload deadlined\n",
                en:
                    "Wrote a new key to {path} (mode 600). Every link sent before no longer works. Reload deadlined to use it: systemctl reload deadlined\n"
            )
        case .noSuchUnit:
            Bilingual(
                vi: "deadlinectl: không có đơn vị '{unit}'{hint}\n",
                en: "deadlinectl: there is no unit '{unit}'{hint}\n")
        case .calendarsTitle:
            Bilingual(
                vi:
                    "Lịch nhiệm vụ của từng đơn vị (gửi mỗi đơn vị liên kết của mình một lần; đơn vị thêm vào Outlook, Thunderbird hoặc lịch điện thoại):\n",
                en:
                    "Each unit's calendar (send each unit its own link once; they add it to Outlook, Thunderbird or their phone's calendar):\n"
            )
        case .reportTitle:
            Bilingual(
                vi: "Báo cáo kết quả thực hiện nhiệm vụ (cho lãnh đạo văn phòng):\n",
                en: "The completion report (for the office's heads):\n")
        case .problem: Bilingual(vi: "deadlinectl: {problem}\n", en: "deadlinectl: {problem}\n")
        case .folderMissing:
            Bilingual(
                vi: "không có thư mục '{folder}'; hãy tạo thư mục trước",
                en: "the folder '{folder}' does not exist; create it first")
        case .cannotWrite: Bilingual(vi: "không ghi được '{file}': {error}", en: "cannot write '{file}': {error}")
        }
    }
}

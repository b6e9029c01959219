/// What `check`, `edit` and `reload` say about the configuration.
package enum ConfigText: String, CatalogEntry {
    case valid, validWithTemplates, summary, notValid, noDeadlines, noDeadlinesFolder, severityError, severityWarning
    case severityNote, diagnostic, diagnosticAt
    case editCannotRead, editNoTemporaryFolder, editCannotWriteCopy, editCopyGone, editNoChanges, editErrorsWithChange
    case editAsk, editLeft, editChangedMeanwhile, editInstalled, editDaemonNotRunning, editMainUnreadable
    case editNotPartOfConfiguration, editDropInName, editCannotStartEditor, editEditorFailed, editExitStatus
    case editKilled, editCannotWriteIn, editCannotInstall, editNewFileTemplate
    case reloadClosed, reloadAccepted, reloadRejected, reloadUnexpected
    case templateName, templateDoesNotParse, templateSectionClosedWrongly, templateTagNotClosed,
        templateSectionNotClosed
    case templateBadDelimiter, templateUnknownVariable, templateUnknownVariableHint

    package static let area = "config"

    package var texts: Bilingual {
        switch self {
        case .valid:
            Bilingual(
                vi: "{file}: cấu hình hợp lệ: {summary} ({files} tệp)\n",
                en: "{file}: OK: {summary} ({files} {files|file|files})\n")
        case .validWithTemplates:
            Bilingual(
                vi: "{file}: cấu hình hợp lệ: {summary} ({files} tệp, {templates} mẫu thư riêng)\n",
                en: "{file}: OK: {summary} ({files} {files|file|files}, {templates} {templates|template|templates})\n")
        case .summary:
            Bilingual(
                vi: "{documents} văn bản, {deadlines} nhiệm vụ, {units} đơn vị, {channels} kênh gửi",
                en: "{documents} {documents|document|documents}, {deadlines} {deadlines|deadline|deadlines}, "
                    + "{units} {units|unit|units}, {channels} {channels|channel|channels}")
        case .notValid:
            Bilingual(
                vi: "{file}: {count}; cấu hình không hợp lệ\n", en: "{file}: {count}; the configuration is not valid\n")
        case .noDeadlines:
            Bilingual(
                vi:
                    "chưa khai báo nhiệm vụ nào nên deadlined sẽ không gửi gì; hãy thêm các bảng [[deadline]] vào tệp này (deadlinectl import đề xuất các bảng này từ một văn bản chỉ đạo)",
                en:
                    "no deadline is declared, so deadlined will send nothing; add [[deadline]] tables to this file (deadlinectl import proposes them from a directive)"
            )
        case .noDeadlinesFolder:
            Bilingual(
                vi:
                    "chưa khai báo nhiệm vụ nào nên deadlined sẽ không gửi gì; hãy thêm các bảng [[deadline]] vào tệp này hoặc vào các tệp trong {folder} (deadlinectl import đề xuất các bảng này từ một văn bản chỉ đạo)",
                en:
                    "no deadline is declared, so deadlined will send nothing; add [[deadline]] tables to this file or to files in {folder} (deadlinectl import proposes them from a directive)"
            )
        case .severityError:
            Bilingual(vi: "lỗi", en: "error")
        case .severityWarning:
            Bilingual(vi: "cảnh báo", en: "warning")
        case .severityNote:
            Bilingual(vi: "ghi chú", en: "note")
        case .diagnostic:
            Bilingual(vi: "{file}: {severity}: {message}", en: "{file}: {severity}: {message}")
        case .diagnosticAt:
            Bilingual(
                vi: "{file}:{line}:{column}: {severity}: {message}", en: "{file}:{line}:{column}: {severity}: {message}"
            )
        case .editCannotRead:
            Bilingual(
                vi: "deadlinectl: không đọc được {file}: {error}\n", en: "deadlinectl: cannot read {file}: {error}\n")
        case .editNoTemporaryFolder:
            Bilingual(
                vi: "deadlinectl: không tạo được thư mục tạm: {error}\n",
                en: "deadlinectl: cannot make a temporary folder: {error}\n")
        case .editCannotWriteCopy:
            Bilingual(
                vi: "deadlinectl: không ghi được {file}: {error}\n", en: "deadlinectl: cannot write {file}: {error}\n")
        case .editCopyGone:
            Bilingual(
                vi: "deadlinectl: bản sao đang sửa {file} không còn nữa; không có gì thay đổi\n",
                en: "deadlinectl: the edited copy {file} is gone; nothing was changed\n")
        case .editNoChanges:
            Bilingual(vi: "{file}: không có thay đổi\n", en: "{file}: no changes\n")
        case .editErrorsWithChange:
            Bilingual(
                vi: "deadlinectl: thay đổi này làm cấu hình có {count}; {file} giữ nguyên\n",
                en: "deadlinectl: {count} with this change; {file} is unchanged\n")
        case .editAsk:
            Bilingual(
                vi: "Làm gì tiếp? (e) sửa lại, (x) thoát không lưu [e/x]: ",
                en: "What now? (e)dit again, e(x)it without saving [e/x]: ")
        case .editLeft:
            Bilingual(
                vi: "deadlinectl: đã thoát không lưu; {file} giữ nguyên\n",
                en: "deadlinectl: left without saving; {file} is unchanged\n")
        case .editChangedMeanwhile:
            Bilingual(
                vi: "deadlinectl: {file} đã bị người khác sửa trong lúc bạn sửa; không cài đặt gì\n",
                en: "deadlinectl: {file} was changed by someone else while you edited it; nothing was installed\n")
        case .editInstalled:
            Bilingual(vi: "{file}: đã cài đặt ({summary})\n", en: "{file}: installed ({summary})\n")
        case .editDaemonNotRunning:
            Bilingual(
                vi: "deadlined không chạy trên máy này; thay đổi có hiệu lực khi deadlined khởi động\n",
                en: "deadlined is not running here; the change takes effect when it starts\n")
        case .editMainUnreadable:
            Bilingual(
                vi: "deadlinectl: không đọc được tệp chính {file} nên không biết thư mục tệp bổ sung\n",
                en: "deadlinectl: cannot read the main file {file}, so the drop-in folder is unknown\n")
        case .editNotPartOfConfiguration:
            Bilingual(
                vi: "deadlinectl: {file} không thuộc cấu hình: hãy sửa tệp chính {main} hoặc một tệp trong {folder}\n",
                en:
                    "deadlinectl: {file} is not part of the configuration: edit the main file {main} or a file in {folder}\n"
            )
        case .editDropInName:
            Bilingual(
                vi:
                    "deadlinectl: {file}: chỉ những tệp bổ sung có tên kết thúc bằng .toml và không bắt đầu bằng dấu chấm mới được đọc\n",
                en:
                    "deadlinectl: {file}: drop-in files are read only when their names end in .toml and do not start with a dot\n"
            )
        case .editCannotStartEditor:
            Bilingual(
                vi: "deadlinectl: không mở được trình soạn thảo '{editor}': {error}\n",
                en: "deadlinectl: cannot start the editor '{editor}': {error}\n")
        case .editEditorFailed:
            Bilingual(
                vi: "deadlinectl: trình soạn thảo '{editor}' bị lỗi ({how}); không có gì thay đổi\n",
                en: "deadlinectl: the editor '{editor}' failed ({how}); nothing was changed\n")
        case .editExitStatus:
            Bilingual(vi: "mã thoát {code}", en: "exit status {code}")
        case .editKilled:
            Bilingual(vi: "bị dừng bởi tín hiệu {signal}", en: "killed by signal {signal}")
        case .editCannotWriteIn:
            Bilingual(
                vi: "deadlinectl: không ghi được vào {folder}: {error}; không cài đặt gì\n",
                en: "deadlinectl: cannot write in {folder}: {error}; nothing was installed\n")
        case .editCannotInstall:
            Bilingual(
                vi: "deadlinectl: không cài đặt được {file}: {error}; không cài đặt gì\n",
                en: "deadlinectl: cannot install {file}: {error}; nothing was installed\n")
        case .editNewFileTemplate:
            Bilingual(
                vi: """
                    # {name}: tệp bổ sung mới của cấu hình deadlined (thường mỗi văn bản một tệp).
                    # Ví dụ:
                    #
                    # [[document]]
                    # ref = "5418/UBND-TKBT"
                    # issued = "19/11/2020"
                    # issuer = "UBND thành phố Hà Nội"
                    # title = "Triển khai thực hiện Chương trình hành động"
                    #
                    # [[deadline]]
                    # id = "5418-de-xuat"
                    # task = "Báo cáo đề xuất nhiệm vụ, giải pháp"
                    # units = ["cac-so-nganh"]
                    # due = "10/12/2020"

                    """,
                en: """
                    # {name}: a new drop-in file of deadlined's configuration (one directive per file is usual).
                    # Example:
                    #
                    # [[document]]
                    # ref = "5418/UBND-TKBT"
                    # issued = "19/11/2020"
                    # issuer = "UBND thành phố Hà Nội"
                    # title = "Triển khai thực hiện Chương trình hành động"
                    #
                    # [[deadline]]
                    # id = "5418-de-xuat"
                    # task = "Báo cáo đề xuất nhiệm vụ, giải pháp"
                    # units = ["cac-so-nganh"]
                    # due = "10/12/2020"

                    """)
        case .templateName:
            Bilingual(
                vi: "'{name}' không phải tên một mẫu thư nên bị bỏ qua; tên mẫu thư có dạng {expected} (hoặc .en)",
                en: "'{name}' is not a template name and is ignored; expected names like {expected} (or .en)")
        case .templateDoesNotParse:
            Bilingual(vi: "mẫu thư không đọc được: {error}", en: "the template does not parse: {error}")
        case .templateSectionClosedWrongly:
            Bilingual(
                vi: "mẫu thư không đọc được: một đoạn được đóng bằng tên khác với tên đã mở",
                en: "the template does not parse: a section is closed with a different name than it was opened with")
        case .templateTagNotClosed:
            Bilingual(
                vi: "mẫu thư không đọc được: một thẻ chưa được đóng bằng }}",
                en: "the template does not parse: a tag is not closed with }}")
        case .templateSectionNotClosed:
            Bilingual(
                vi: "mẫu thư không đọc được: một đoạn được mở nhưng không được đóng (thiếu {{/tên}})",
                en: "the template does not parse: a section is opened but never closed (missing {{/name}})")
        case .templateBadDelimiter:
            Bilingual(
                vi: "mẫu thư không đọc được: thẻ đổi dấu phân cách viết sai",
                en: "the template does not parse: a set-delimiter tag is malformed")
        case .templateUnknownVariable:
            Bilingual(
                vi: "mẫu thư dùng biến không có: '{name}' (các biến: {known})",
                en: "unknown template variable '{name}' (known: {known})")
        case .templateUnknownVariableHint:
            Bilingual(
                vi: "mẫu thư dùng biến không có: '{name}'; có phải ý bạn là '{suggestion}'? (các biến: {known})",
                en: "unknown template variable '{name}'; did you mean '{suggestion}'? (known: {known})")
        case .reloadClosed:
            Bilingual(
                vi: "deadlinectl: deadlined đóng kết nối mà không trả lời\n",
                en: "deadlinectl: deadlined closed the connection without an answer\n")
        case .reloadAccepted:
            Bilingual(
                vi: "deadlined đã nạp lại cấu hình: {summary}\n",
                en: "deadlined reloaded its configuration: {summary}\n")
        case .reloadRejected:
            Bilingual(
                vi: "deadlinectl: cấu hình mới bị từ chối; deadlined vẫn chạy với cấu hình cũ\n",
                en: "deadlinectl: the new configuration was rejected; deadlined keeps running with the previous one\n")
        case .reloadUnexpected:
            Bilingual(
                vi: "deadlinectl: deadlined trả lời không như mong đợi: {answer}\n",
                en: "deadlinectl: unexpected answer from deadlined: {answer}\n")
        }
    }
}

/// What `deadlinectl import` writes around the tables it proposes (comments of the drop-in file) and says on
/// stderr. The tables themselves (keys, values, the document's own sentences) are the same in every language.
package enum ImportNoteText: String, CatalogEntry {
    case header, review, commentedOut, noDeadlines, noDocument, documentDeclared, origin, unitIs, unitTied
    case unitUnmatched, noUnitInText, unitFromUnitsFile, noYear, similar
    case issuedNotADay, refEmpty, noUnitToMatch, noUnitsInConfig, noConfiguration, unitsFileProblem
    case unitsFileNoTables, unitsFileNoName

    package static let area = "import"

    package var texts: Bilingual {
        switch self {
        case .header:
            Bilingual(
                vi:
                    "# Đề xuất của `deadlinectl import` từ {source}: {total} nhiệm vụ ({ready} sẵn sàng, {commented} để dạng chú thích).",
                en:
                    "# Proposed by `deadlinectl import` from {source}: {total} {total|deadline|deadlines} ({ready} ready, {commented} commented out)."
            )
        case .review:
            Bilingual(
                vi:
                    "# Hãy đối chiếu từng mục với văn bản, rồi lưu tệp này vào deadlines.d/ và chạy `deadlinectl check`.",
                en:
                    "# Review every entry against the document, then save this file into deadlines.d/ and run `deadlinectl check`."
            )
        case .commentedOut:
            Bilingual(
                vi:
                    "# Mục có đơn vị không khớp đơn vị nào trong cấu hình được để dạng chú thích: điền `units`, rồi bỏ \"# \" ở đầu dòng.",
                en:
                    "# An entry whose units match no configured unit is commented out: fill in `units`, then remove the \"# \"."
            )
        case .noDeadlines:
            Bilingual(
                vi: "# Không tìm thấy nhiệm vụ có thời hạn nào trong {source}.", en: "# No deadlines found in {source}."
            )
        case .noDocument:
            Bilingual(
                vi: "# Văn bản không ghi số, ký hiệu; hãy chạy lại với --ref SỐ_KÝ_HIỆU để khai báo.",
                en: "# The text names no document; run with --ref REF to declare one.")
        case .documentDeclared:
            Bilingual(
                vi: "# [[document]] {ref} đã được khai báo trong cấu hình.",
                en: "# [[document]] {ref} is already declared in the configuration.")
        case .origin:
            Bilingual(
                vi: "# ({phrase}; độ tin cậy {confidence}; vị trí {offset})",
                en: "# ({phrase}; confidence {confidence}; offset {offset})")
        case .unitIs:
            Bilingual(vi: "# đơn vị {written} là {id}", en: "# unit {written} is {id}")
        case .unitTied:
            Bilingual(
                vi: "# {written} khớp ngang nhau với nhiều đơn vị: {ids}; hãy ghi đơn vị đúng vào `units`",
                en: "# {written} matches several units equally: {ids}; put the right one in `units`")
        case .unitUnmatched:
            Bilingual(
                vi: "# không đơn vị nào trong cấu hình khớp với {written}",
                en: "# no configured unit matches {written}")
        case .noUnitInText:
            Bilingual(
                vi: "# văn bản không nêu đơn vị chịu trách nhiệm", en: "# no responsible unit found in the text")
        case .unitFromUnitsFile:
            Bilingual(
                vi: "# đơn vị {id} lấy từ --units và chưa có trong cấu hình: hãy thêm [units.{id}] vào tệp chính",
                en:
                    "# unit {id} comes from --units and is not in the configuration yet: add [units.{id}] to the main file"
            )
        case .noYear:
            Bilingual(
                vi: "# không ghi năm và không rõ ngày ban hành: hãy điền đủ `due`",
                en: "# no year given and no issue date known: complete `due`")
        case .similar:
            Bilingual(
                vi: "# cấu hình đã có {ids} cho văn bản và thời hạn này",
                en: "# the configuration already has {ids} for this document and date")
        case .issuedNotADay:
            Bilingual(
                vi: "deadlinectl import: --issued: '{text}' không phải một ngày; hãy viết như 19/11/2020\n",
                en: "deadlinectl import: --issued: '{text}' is not a day; write it as 19/11/2020\n")
        case .refEmpty:
            Bilingual(
                vi: "deadlinectl import: --ref để trống; hãy ghi số, ký hiệu như trên văn bản, ví dụ 5418/UBND-TKBT\n",
                en: "deadlinectl import: --ref is empty; write it as printed, e.g. 5418/UBND-TKBT\n")
        case .noUnitToMatch:
            Bilingual(
                vi:
                    "deadlinectl import: lưu ý: không có đơn vị nào để đối chiếu ({found}, không có --units): mọi mục đều để trống đơn vị; hãy chỉ ra cấu hình bằng --config ĐƯỜNG_DẪN để đối chiếu các đơn vị của nó\n",
                en:
                    "deadlinectl import: note: no unit to match ({found}, no --units): every entry is left without units; name the configuration with --config PATH to match its units\n"
            )
        case .noUnitsInConfig:
            Bilingual(vi: "{file} không có bảng [units.ID] nào", en: "{file} has no [units.ID]")
        case .noConfiguration:
            Bilingual(vi: "không có cấu hình tại {file}", en: "no configuration at {file}")
        case .unitsFileProblem:
            Bilingual(vi: "deadlinectl import: --units: {error}\n", en: "deadlinectl import: --units: {error}\n")
        case .unitsFileNoTables:
            Bilingual(
                vi:
                    "{file}: lỗi: không có bảng [units.ID] nào; hãy viết ví dụ [units.so-khdt] name = \"Sở Kế hoạch và Đầu tư\"\n",
                en: "{file}: error: no [units.ID] tables; write e.g. [units.so-khdt] name = \"Sở Kế hoạch và Đầu tư\"\n"
            )
        case .unitsFileNoName:
            Bilingual(
                vi: "{file}:{line}:{column}: lỗi: [units.{id}] cần có tên, ví dụ name = \"Sở Tài chính\"\n",
                en: "{file}:{line}:{column}: error: [units.{id}] needs a name, e.g. name = \"Sở Tài chính\"\n")
        }
    }
}

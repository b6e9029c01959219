/// What `migrate` says.
package enum MigrateText: String, CatalogEntry {
    case badSSLMode, daemonRunning, failed, copied, headerTable, headerRows, next, fromMissing, fromNotSQLite, fromBad
    case toMissing, toNotPostgres, toBad

    package static let area = "migrate"

    package var texts: Bilingual {
        switch self {
        case .badSSLMode:
            Bilingual(
                vi: "deadlinectl: --sslmode: '{mode}' không thuộc các giá trị {modes}\n",
                en: "deadlinectl: --sslmode: '{mode}' is not one of {modes}\n")
        case .daemonRunning:
            Bilingual(
                vi:
                    "deadlinectl: deadlined (pid {pid}) đang chạy trên {path}; hãy dừng trước (systemctl stop deadlined), rồi mới chép\n",
                en:
                    "deadlinectl: deadlined (pid {pid}) is running on {path}; stop it first (systemctl stop deadlined), then migrate\n"
            )
        case .failed: Bilingual(vi: "deadlinectl: migrate: {error}\n", en: "deadlinectl: migrate: {error}\n")
        case .copied:
            Bilingual(
                vi: "Đã chép sổ theo dõi {source} sang {target}:\n", en: "Copied the ledger {source} to {target}:\n")
        case .headerTable: Bilingual(vi: "BẢNG", en: "TABLE")
        case .headerRows: Bilingual(vi: "SỐ DÒNG", en: "ROWS")
        case .next:
            Bilingual(
                vi:
                    "\nTiếp theo: đặt [store] url = \"{target}\" trong deadlined.toml của mọi máy chủ, rồi khởi động deadlined.\n",
                en: "\nNext: set [store] url = \"{target}\" in deadlined.toml on every server, then start deadlined.\n")
        case .fromMissing:
            Bilingual(
                vi: "deadlinectl: --from: hãy cho sổ theo dõi SQLite, ví dụ sqlite:/var/lib/deadlined/state.db\n",
                en: "deadlinectl: --from: give the SQLite ledger, e.g. sqlite:/var/lib/deadlined/state.db\n")
        case .fromNotSQLite:
            Bilingual(
                vi: "deadlinectl: --from: migrate chép một sổ theo dõi SQLite; hãy viết sqlite:/đường/dẫn/state.db\n",
                en: "deadlinectl: --from: migrate copies a SQLite ledger; write sqlite:/path/state.db\n")
        case .fromBad: Bilingual(vi: "deadlinectl: --from: {error}\n", en: "deadlinectl: --from: {error}\n")
        case .toMissing:
            Bilingual(
                vi:
                    "deadlinectl: --to: hãy cho cơ sở dữ liệu PostgreSQL, ví dụ postgresql://deadlined@db.example.vn/deadlined\n",
                en:
                    "deadlinectl: --to: give the PostgreSQL database, e.g. postgresql://deadlined@db.example.vn/deadlined\n"
            )
        case .toNotPostgres:
            Bilingual(
                vi:
                    "deadlinectl: --to: migrate chép vào PostgreSQL; hãy viết postgresql://người-dùng@máy/cơ-sở-dữ-liệu\n",
                en: "deadlinectl: --to: migrate copies into PostgreSQL; write postgresql://user@host/database\n")
        case .toBad: Bilingual(vi: "deadlinectl: --to: {error}\n", en: "deadlinectl: --to: {error}\n")
        }
    }
}

/// What `check` says when a configuration file is not valid TOML, and the names of TOML's types in messages
/// (DeadlineConfig's TOML reader names these entries as `toml.ID`).
///
/// The English of each entry is the diagnostic's message, which the daemon logs (`CatalogDiagnosticTests`).
public enum TOMLText: String, CatalogEntry {
    case aString, anInteger, aFloat, aBoolean, aDate, aTime, aDateTime, anArray, aTable

    public static let area = "toml"

    public var texts: Bilingual {
        switch self {
        case .aString: Bilingual(vi: "một chuỗi", en: "a string")
        case .anInteger: Bilingual(vi: "một số nguyên", en: "an integer")
        case .aFloat: Bilingual(vi: "một số thực", en: "a float")
        case .aBoolean: Bilingual(vi: "một giá trị true/false", en: "a boolean")
        case .aDate: Bilingual(vi: "một ngày", en: "a date")
        case .aTime: Bilingual(vi: "một giờ", en: "a time")
        case .aDateTime: Bilingual(vi: "một ngày giờ", en: "a date-time")
        case .anArray: Bilingual(vi: "một mảng", en: "an array")
        case .aTable: Bilingual(vi: "một bảng", en: "a table")
        }
    }
}

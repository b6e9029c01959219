import DeadlineImport
package import DeadlineKit

/// `deadlinectl import --json`: the draft as stable JSON.
///
/// ```json
/// { "document": { "ref": "04-KH/TU", "issued": "2020-11-18" },
///   "documents": [ { "ref": "04-KH/TU", "issued": "2020-11-18", "title": null, "issuer": null, "url": null,
///                    "offset": 0, "declared": true }, ... ],
///   "deadlines": [ { "id": "import-04-kh-tu-...", "document": "04-KH/TU", "due": "2021-01-15",
///                    "due_text": "15/01/2021", "time": null, "recurrence": null,
///                    "unit": "các quận, huyện, ...", "unit_id": "cap-uy-truc-thuoc", "unit_ids": ["cap-uy-truc-thuoc"],
///                    "units": [ { "name": "...", "id": "cap-uy-truc-thuoc" } ], "task": "...",
///                    "phrase": "trước ngày 15/1/2021", "sentence": "...", "offset": 1439, "confidence": 0.9,
///                    "ready": true, "similar": ["04kh-hoi-nghi-cap-uy"] } ] }
/// ```
///
/// `document` is the main document (`{"ref": null, "issued": null}` when there is none). A document's `title`
/// (a công văn's `V/v` line) and `issuer` come from the header of a công văn's layout, `url` from a saved page's
/// `url:` header. `due` is an ISO date (a
/// period's last day), null for a recurring deadline, whose `recurrence` is an iCalendar RRULE such as
/// `FREQ=MONTHLY;BYMONTHDAY=20`. `unit_id` is the first matched unit (null when none matched); `unit_ids` lists all.
/// `offset` counts Characters of the NFC input from its start. `ready` says whether the drop-in entry is active.
package enum ImportJSON {
    /// The JSON document described above.
    package static func render(_ draft: ImportDraft) -> JSONValue {
        let main = draft.mainDocument
        let documents = draft.proposal.documents.map { d -> JSONValue in
            .object([
                ("ref", .optional(d.ref)), ("issued", .optional(d.issued?.iso)), ("title", .optional(d.title)),
                ("issuer", .optional(d.issuer)), ("url", .optional(d.url)), ("offset", .integer(Int64(d.offset))),
                ("declared", .bool(d.ref.map { draft.context.declaredDocuments.contains($0) } ?? false)),
            ])
        }
        return .object([
            ("document", .object([("ref", .optional(main?.ref)), ("issued", .optional(main?.issued?.iso))])),
            ("documents", .array(documents)),
            ("deadlines", .array(draft.entries.map(entry))),
        ])
    }

    private static func entry(_ e: ImportDraft.Entry) -> JSONValue {
        let d = e.deadline
        let units = e.matches.map { JSONValue.object([("name", .string($0.written)), ("id", .optional($0.id))]) }
        return .object([
            ("id", .string(e.id)),
            ("document", .optional(e.documentRef)),
            ("due", .optional(d.due?.date.iso)),
            ("due_text", .optional(e.due)),
            ("time", .optional(d.due?.time?.description)),
            ("recurrence", .optional(d.recurrence?.rrule)),
            ("unit", .optional(d.unit)),
            ("unit_id", .optional(e.unitIDs.first)),
            ("unit_ids", .array(e.unitIDs.map { .string($0) })),
            ("units", .array(units)),
            ("task", .string(d.task)),
            ("phrase", .string(d.phrase)),
            ("sentence", .string(d.sentence)),
            ("offset", .integer(Int64(d.offset))),
            ("confidence", .double(e.confidence)),
            ("ready", .bool(e.isReady)),
            ("similar", .array(e.similar.map { .string($0) })),
        ])
    }
}

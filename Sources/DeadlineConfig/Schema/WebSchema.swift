extension ConfigSchema {
    /// `[web]`: the optional web side (links to confirm a task done, calendars, the report).
    package static let web = TableSpec(
        "[web]",
        "The web side, off unless this table is present: each reminder to a unit carries a link to confirm the task done, each unit can subscribe to a calendar of its deadlines, and the office's report is a page (see \"Confirming from the reminder\"). deadlined serves it when systemd hands it the socket of deadlined-web.socket (plain HTTP on 127.0.0.1:8087, behind the office's reverse proxy for TLS). Main file only.",
        keys: [
            KeySpec(
                "public_url", .string, required: true,
                "The address people reach the web side at, through the office's reverse proxy; every link starts with it.",
                example: "\"https://nhacviec.hanoi.gov.vn\""),
            KeySpec(
                "key_file", .secretPath, default: "\"web-key\"",
                "File holding the key that signs the links (64 hexadecimal digits, not readable by everyone); relative paths are inside the state directory. `deadlinectl web-key` creates it; `deadlinectl web-key --rotate` replaces it, which revokes every link already sent. With LoadCredential=, write `$CREDENTIALS_DIRECTORY/NAME`."
            ),
            KeySpec(
                "link_lifetime", .duration, default: "\"60d\"",
                "How long a confirmation link works after the reminder that carries it was sent."),
        ])
}

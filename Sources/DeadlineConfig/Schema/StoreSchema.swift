extension ConfigSchema {
    /// `[store]`: where the ledger lives.
    package static let store = TableSpec(
        "[store]",
        "Where the ledger lives. Without this table: SQLite, the file `state.db` in `state_directory`, for one server. With a PostgreSQL `url`, two or more servers share one ledger and every reminder still goes out once (see \"Running two or more servers\"); each plans from the same configuration. Main file only.",
        keys: [
            KeySpec(
                "url", .string, default: "\"sqlite\"",
                "`sqlite` (the file `state.db` in `state_directory`), `sqlite:/absolute/path.db`, or `postgresql://USER@HOST[:PORT]/DATABASE` as libpq writes it (`?host=/run/postgresql` for a Unix socket; `?sslmode=` and `?sslrootcert=` are understood too). Never put a password in it: use `password_file`.",
                example: "\"postgresql://deadlined@db.example.vn/deadlined\""),
            KeySpec(
                "password_file", .secretPath,
                "PostgreSQL: file holding the database user's password (not readable by everyone). With LoadCredential=, write `$CREDENTIALS_DIRECTORY/NAME`.",
                example: "\"/etc/deadlined/secrets/db-password\""),
            KeySpec(
                "sslmode", .choice(["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]),
                default: "\"verify-full\"",
                "PostgreSQL: TLS, as libpq's `sslmode`. `verify-full` checks the server's certificate and host name; `require` only encrypts. For `localhost`, 127.0.0.1 and ::1 the default is `prefer`; a Unix socket never uses TLS."
            ),
            KeySpec(
                "ca_file", .path,
                "PostgreSQL: a private CA certificate (PEM) to verify the server's certificate with (libpq's `sslrootcert`)."
            ),
            KeySpec(
                "connect_timeout", .duration, default: "\"10s\"", range: timeoutRange,
                "PostgreSQL: time allowed to connect and log in."),
            KeySpec(
                "lease", .duration, default: "\"30s\"", range: .seconds(3...3600),
                "PostgreSQL: how long a server's claim on a reminder it is sending holds unless renewed; it renews its claims every third of this. When a server dies, another sends its reminders once their lease has run out."
            ),
            KeySpec(
                "recheck", .duration, default: "\"60s\"", range: .seconds(1...3600),
                "PostgreSQL: each server hears the others' changes at once (LISTEN/NOTIFY); should a notification be lost, it re-examines the ledger, and writes its heartbeat, at least this often."
            ),
        ])
}

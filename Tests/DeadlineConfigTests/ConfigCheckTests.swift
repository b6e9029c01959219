import DeadlineConfig
import DeadlineKit
import Foundation
import TestSupport
import Testing

/// Writes a config folder, loads it, and returns every diagnostic as printed, with paths relative to the folder.
func load(
    _ files: [String: String], environment: [String: String] = [:], modes: [String: Int] = [:]
) throws
    -> (ConfigLoadResult, [String])
{
    let dir = try TemporaryDirectory()
    defer { dir.remove() }
    for (name, text) in files { try dir.write(name, text, mode: modes[name] ?? 0o644) }
    let result = ConfigLoader.load(mainFile: dir.path + "/deadlined.toml", environment: environment)
    let lines = result.diagnostics.map { $0.description.replacingOccurrences(of: dir.path + "/", with: "") }
    expectSaidByCatalog(result.diagnostics)
    return (result, lines)
}

let units = """
    [units.so-khdt]
    name = "Sở Kế hoạch và Đầu tư"
    recipients = ["Văn thư <vanthu@khdt.hanoi.example>"]

    """

@Suite("deadlinectl check: every error class at its line and column")
struct ConfigCheckTests {
    @Test("a misspelt key and an impossible date are both reported, each at its line")
    func misspeltKeyAndImpossibleDate() throws {
        let (result, lines) = try load([
            "deadlined.toml": units + """
                [[deadline]]
                id = "a"
                task = "Việc A"
                units = ["so-khdt"]
                due = "31/2/2024"

                [[deadline]]
                id = "b"
                task = "Việc B"
                unitss = ["so-khdt"]
                due = "10/12/2020"
                """
        ])
        #expect(result.configuration == nil)
        #expect(
            lines == [
                "deadlined.toml:8:7: error: '31/2/2024' is not a date: month 2 of 2024 has 29 days",
                "deadlined.toml:10:1: error: missing required key 'units' in [[deadline]], e.g. units = [\"so-khdt\"]",
                "deadlined.toml:13:1: error: unknown key 'unitss' in [[deadline]]; did you mean 'units'?",
            ])
    }

    @Test("TOML syntax errors, with recovery to report more than one")
    func syntax() throws {
        let (_, lines) = try load([
            "deadlined.toml": units + """
                [daemon]
                language = "vi
                closing_time = 17:00
                """
        ])
        #expect(lines.count == 2)
        #expect(
            lines[0] == "deadlined.toml:5:12: error: unterminated string (a string must end with \" on the same line)")
        #expect(
            lines[1]
                == "deadlined.toml:6:16: error: invalid time '17:00': put it in quotes, as in \"08:30\" (a bare TOML time needs seconds: 08:30:00)"
        )
    }

    @Test("unknown keys, with did-you-mean and with the table they belong in")
    func unknownKeys() throws {
        let (_, lines) = try load([
            "deadlined.toml": """
            [daemon]
            timezon = "Asia/Ho_Chi_Minh"
            before = ["3d"]

            [units.so-khdt]
            name = "Sở Kế hoạch và Đầu tư"
            recipents = ["vanthu@khdt.hanoi.example"]
            """
        ])
        #expect(
            lines == [
                "deadlined.toml:2:1: error: unknown key 'timezon' in [daemon]; did you mean 'timezone'?",
                "deadlined.toml:3:1: error: unknown key 'before' in [daemon]; 'before' belongs in [reminders]",
                "deadlined.toml:7:1: error: unknown key 'recipents' in [units.ID]; did you mean 'recipients'?",
            ])
    }

    @Test("wrong types name what was expected and what was found")
    func wrongTypes() throws {
        let (_, lines) = try load([
            "deadlined.toml": units + """
                [reminders]
                overdue_limit = "5"
                on_due = "yes"
                before = "7d"
                time = 8
                """
        ])
        #expect(
            lines == [
                "deadlined.toml:5:17: error: 'overdue_limit' must be a whole number (without quotes), found a string",
                "deadlined.toml:6:10: error: 'on_due' must be true or false (without quotes), found a string",
                "deadlined.toml:8:8: error: 'time' must be a time like \"08:00\", found an integer",
            ])
    }

    @Test("unknown unit and channel references point at the reference, with a suggestion")
    func unknownReferences() throws {
        let (_, lines) = try load([
            "deadlined.toml": units + """
                [channels.email]
                type = "outbox"

                [[deadline]]
                id = "a"
                task = "Việc A"
                units = ["so-khdt", "so-kdht"]
                channels = ["emial"]
                due = "10/12/2020"
                """
        ])
        #expect(
            lines == [
                "deadlined.toml:10:21: error: unknown unit 'so-kdht'; did you mean 'so-khdt'? (units are declared as [units.ID])",
                "deadlined.toml:11:13: error: unknown channel 'emial'; did you mean 'email'? (channels are declared as [channels.NAME])",
            ])
    }

    @Test("duplicate deadline ids across files name the first definition")
    func duplicateIDs() throws {
        let deadline = """
            [[deadline]]
            id = "5418-de-xuat"
            task = "Việc"
            units = ["so-khdt"]
            due = "10/12/2020"
            """
        let (_, lines) = try load([
            "deadlined.toml": units,
            "deadlines.d/a.toml": deadline,
            "deadlines.d/b.toml": "# second file\n" + deadline,
        ])
        #expect(
            lines == [
                "deadlines.d/b.toml:3:6: error: duplicate deadline id '5418-de-xuat' (first defined at deadlines.d/a.toml:2:6); ids must be unique across all files"
            ])
    }

    @Test("secrets: a missing file, a file readable by everyone, and a secret written inline")
    func secrets() throws {
        let (_, lines) = try load(
            [
                "deadlined.toml": """
                [units.so-khdt]
                name = "Sở Kế hoạch và Đầu tư"
                recipients = ["Văn thư <vanthu@khdt.hanoi.example>"]
                channels = ["mail"]

                [channels.mail]
                type = "smtp"
                url = "smtps://mail.hanoi.example:465"
                from = "Văn phòng <nhacviec@hanoi.example>"
                username = "nhacviec"
                password_file = "secrets/missing"

                [channels.hook]
                type = "webhook"
                url = "https://hooks.hanoi.example/x"
                secret_file = "secrets/open"

                [channels.bad]
                type = "webhook"
                url = "https://hooks.hanoi.example/y"
                secret = "whsec_c2VjcmV0IHZhbHVlIDEyMzQ1Ng=="
                """,
                "secrets/open": "whsec_c2VjcmV0",
            ], modes: ["secrets/open": 0o644])
        #expect(lines.count == 3)
        #expect(
            lines[0]
                == "deadlined.toml:11:17: error: the file 'secrets/missing' does not exist (create it with: install -m 600 /dev/null secrets/missing, then write the secret into it)"
        )
        #expect(
            lines[1]
                == "deadlined.toml:16:15: error: the secret file 'secrets/open' is readable by everyone (mode 644); a secret file must be owned by root (read through LoadCredential=) or by the user deadlined runs as, with mode 600 (640 to let its group read it): chmod 600 secrets/open"
        )
        #expect(lines[2].hasPrefix("deadlined.toml:21:1: error: secrets are not allowed in config files"))
        #expect(lines.allSatisfy { !$0.contains("c2VjcmV0IHZhbHVl") })
    }

    @Test("plain-text SMTP to another machine needs an explicit acknowledgement; on loopback it is a warning")
    func plaintextSMTP() throws {
        let channel = { (host: String, ack: String) in
            units + """
                [channels.mail]
                type = "smtp"
                url = "smtp://\(host):25"
                from = "nhacviec@hanoi.example"
                starttls = "off"
                \(ack)
                """
        }
        let (remote, remoteLines) = try load(["deadlined.toml": channel("mail.hanoi.example", "")])
        #expect(remote.configuration == nil)
        #expect(remoteLines.first?.hasPrefix("deadlined.toml:8:12: error: starttls = \"off\" would send mail") == true)
        let (acknowledged, ackLines) = try load([
            "deadlined.toml": channel("mail.hanoi.example", "allow_plaintext = true")
        ])
        #expect(acknowledged.configuration != nil)
        #expect(ackLines.first?.contains("warning: mail to mail.hanoi.example is sent unencrypted") == true)
        let (loopback, loopLines) = try load(["deadlined.toml": channel("127.0.0.1", "")])
        #expect(loopback.configuration != nil)
        #expect(loopLines.first?.contains("warning: mail to 127.0.0.1 is sent unencrypted") == true)
    }

    @Test("connections: defaults 2 (smtp) and 4 (webhook), 1 for the outbox; 0 and 17 are reported where they stand")
    func connections() throws {
        let channels = { (smtp: String, webhook: String) in
            "[daemon]\ndefault_channels = [\"mail\", \"chat\"]\n\n" + units + """
                [channels.mail]
                type = "smtp"
                url = "smtps://mail.hanoi.example:465"
                from = "nhacviec@hanoi.example"
                \(smtp)

                [channels.chat]
                type = "webhook"
                url = "https://chat.hanoi.example/hooks/abc"
                \(webhook)
                """
        }
        let (defaults, _) = try load(["deadlined.toml": channels("", "")])
        let configuration = try #require(defaults.configuration)
        #expect(configuration.channels["mail"]?.connections == 2)
        #expect(configuration.channels["chat"]?.connections == 4)
        #expect(ChannelSettings.outbox(OutboxSettings(name: "outbox", directory: "/tmp")).connections == 1)
        let (set, _) = try load(["deadlined.toml": channels("connections = 8", "connections = 1")])
        #expect(set.configuration?.channels["mail"]?.connections == 8)
        #expect(set.configuration?.channels["chat"]?.connections == 1)
        let (bad, lines) = try load(["deadlined.toml": channels("connections = 0", "connections = 17")])
        #expect(bad.configuration == nil)
        #expect(
            lines == [
                "deadlined.toml:11:15: error: 'connections' must be between 1 and 16, found 0",
                "deadlined.toml:16:15: error: 'connections' must be between 1 and 16, found 17",
            ])
    }

    @Test(
        "a due date before its document or years after it is a warning with the year meant; a near one is not",
        arguments: [
            (
                "15/1/2012",
                "deadlines.d/04.toml:8:7: warning: the due date 15/01/2012 is before the document's date (18/11/2020); did you mean 2021?"
            ),
            (
                "15/1/2102",
                "deadlines.d/04.toml:8:7: warning: the due date 15/01/2102 is 82 years after the document's date (18/11/2020); did you mean 2021?"
            ),
            (
                "2102-01-15",
                "deadlines.d/04.toml:8:7: warning: the due date 15/01/2102 is 82 years after the document's date (18/11/2020); did you mean 2021?"
            ),
            ("15/1/2021", nil),
            ("31/12/2025", nil),
        ] as [(String, String?)])
    func implausibleYears(_ due: String, _ warning: String?) throws {
        let (result, lines) = try load([
            "deadlined.toml": units,
            "deadlines.d/04.toml": """
            [[document]]
            ref = "04-KH/TU"
            issued = "18/11/2020"
            [[deadline]]
            id = "a"
            task = "Hội nghị"
            units = ["so-khdt"]
            due = "\(due)"
            """,
        ])
        #expect(result.configuration != nil, "only a warning")
        #expect(lines == (warning.map { [$0] } ?? []))
    }

    @Test(
        "the language a main file declares is found by a line scan, whatever else is wrong in it",
        arguments: [
            ("[daemon]\nlanguage = \"vi\"\n", "vi"),
            ("[daemon]\n  language='en' # English\nzone = \"oops\n", "en"),
            ("title = \"x\n[ daemon ]\r\nlanguage =\"VI\"\r\n", "vi"),
            ("[channels.a]\nlanguage = \"en\"\n", nil),
            ("[daemon]\nlanguage = \"fr\"\n", nil),
            ("[[daemon]]\nlanguage = \"en\"\n", nil),
            ("", nil),
        ] as [(String, String?)])
    func declaredLanguage(_ text: String, _ expected: String?) {
        #expect(DeclaredLanguage.scan(text) == expected)
    }

    @Test("documents: year inference from the issued date, unknown references, two documents in one file")
    func documents() throws {
        let (ok, _) = try load([
            "deadlined.toml": units,
            "deadlines.d/5418.toml": """
            [[document]]
            ref = "5418/UBND-TKBT"
            issued = "19/11/2020"

            [[deadline]]
            id = "a"
            task = "Dự thảo"
            units = ["so-khdt"]
            due = "30/1"
            """,
        ])
        let agenda = try #require(ok.configuration?.agenda)
        #expect(
            agenda.deadline(id: "a")?.schedule
                == .once(LocalDateTime(CivilDate(year: 2021, month: 1, day: 30)!, TimeOfDay(hour: 17, minute: 0)!)))
        #expect(agenda.deadline(id: "a")?.documentRef == "5418/UBND-TKBT")

        let (_, lines) = try load([
            "deadlined.toml": units + """
                [[document]]
                ref = "04-KH/TU"
                [[document]]
                ref = "5418/UBND-TKBT"

                [[deadline]]
                id = "a"
                task = "Việc"
                units = ["so-khdt"]
                due = "10/12/2020"

                [[deadline]]
                id = "b"
                task = "Việc"
                document = "5418/UBND-TKBD"
                units = ["so-khdt"]
                due = "10/12"
                """
        ])
        #expect(
            lines == [
                "deadlined.toml:9:1: error: this file declares 2 documents; say which one set this task, e.g. document = \"04-KH/TU\"",
                "deadlined.toml:18:12: error: unknown document '5418/UBND-TKBD'; did you mean '5418/UBND-TKBT'?; declare it in a [[document]] table with ref = \"5418/UBND-TKBD\"",
            ])
    }

    @Test("a deadline with several mistakes gets each reported: unknown unit, unknown channel, duplicate id, bad date")
    func severalMistakesInOneDeadline() throws {
        let (_, lines) = try load([
            "deadlined.toml": units + """
                [[deadline]]
                id = "a"
                task = "Việc A"
                units = ["so-khdt"]
                due = "10/12/2020"

                [[deadline]]
                id = "b"
                task = "Việc B"
                units = ["so-tc"]
                channels = ["hook"]
                due = "31/2/2024"

                [[deadline]]
                id = "a"
                task = "Việc A lần nữa"
                units = ["so-khdt"]
                due = "31/4/2024"
                """
        ])
        #expect(lines.count == 5, "\(lines)")
        #expect(lines[0].hasPrefix("deadlined.toml:13:10: error: unknown unit 'so-tc'"), "\(lines)")
        #expect(lines[1].hasPrefix("deadlined.toml:14:13: error: unknown channel 'hook'"), "\(lines)")
        #expect(lines[2].hasPrefix("deadlined.toml:15:7: error: "), "\(lines)")
        #expect(lines[3].hasPrefix("deadlined.toml:18:6: error: duplicate deadline id 'a'"), "\(lines)")
        #expect(lines[4].hasPrefix("deadlined.toml:21:7: error: "), "\(lines)")
    }

    @Test("a document declared in two files: one document when they agree, an error at the differing value when not")
    func documentDeclaredTwice() throws {
        let first = """
            [[document]]
            ref = "5418/UBND-TKBT"
            issued = "19/11/2020"
            issuer = "UBND thành phố Hà Nội"

            [[deadline]]
            id = "a"
            task = "Dự thảo"
            units = ["so-khdt"]
            due = "30/1"
            """
        // The second file (say, one that `deadlinectl import` wrote) repeats the ref and the date, not the issuer.
        let second = """
            [[document]]
            ref = "5418/UBND-TKBT"
            issued = "%@"

            [[deadline]]
            id = "b"
            task = "Báo cáo"
            units = ["so-khdt"]
            due = "10/12"
            """
        let (ok, okLines) = try load([
            "deadlined.toml": units, "deadlines.d/a.toml": first,
            "deadlines.d/b.toml": second.replacingOccurrences(of: "%@", with: "19/11/2020"),
        ])
        #expect(okLines == [])
        let agenda = try #require(ok.configuration?.agenda)
        #expect(agenda.documents.keys.sorted() == ["5418/UBND-TKBT"])
        #expect(agenda.documents["5418/UBND-TKBT"]?.issuer == "UBND thành phố Hà Nội")
        #expect(
            agenda.deadline(id: "b")?.schedule
                == .once(LocalDateTime(CivilDate(year: 2020, month: 12, day: 10)!, TimeOfDay(hour: 17, minute: 0)!)))

        let (_, lines) = try load([
            "deadlined.toml": units, "deadlines.d/a.toml": first,
            "deadlines.d/b.toml": second.replacingOccurrences(of: "%@", with: "20/11/2020"),
        ])
        #expect(
            lines == [
                "deadlines.d/b.toml:3:10: error: document '5418/UBND-TKBT' is declared again with another 'issued' (first at deadlines.d/a.toml:2:7); "
                    + "a document may be declared in several files only if they agree: make the two 'issued' the same or remove one"
            ])
    }

    @Test("recurrences: what each repeat needs, and keys that do not belong")
    func recurrences() throws {
        let (_, lines) = try load([
            "deadlined.toml": units + """
                [[deadline]]
                id = "a"
                task = "Báo cáo tháng"
                units = ["so-khdt"]
                repeat = "montly"

                [[deadline]]
                id = "b"
                task = "Báo cáo quý"
                units = ["so-khdt"]
                repeat = "quarterly"
                day = 32
                weekday = "friday"
                """
        ])
        #expect(
            lines == [
                "deadlined.toml:8:10: error: 'montly' is not a valid repeat; did you mean 'monthly'? (one of \"weekly\", \"monthly\", \"quarterly\", \"half-yearly\", \"yearly\")",
                "deadlined.toml:15:7: error: 'day' must be a day of the month from 1 to 31, or \"last\"",
                "deadlined.toml:16:1: error: 'weekday' is not used with repeat = \"quarterly\"",
            ])
    }

    @Test("a unit that contains itself, and a deadline that reaches nobody")
    func unitsChecks() throws {
        let (_, lines) = try load([
            "deadlined.toml": """
            [units.a]
            name = "A"
            members = ["b"]
            [units.b]
            name = "B"
            members = ["a"]
            [units.empty]
            name = "Không ai"

            [[deadline]]
            id = "x"
            task = "Việc"
            units = ["empty"]
            due = "10/12/2020"
            """
        ])
        #expect(lines.contains("deadlined.toml:1:8: error: unit 'a' contains itself through members: a -> b -> a"))
        #expect(lines.contains { $0.hasPrefix("deadlined.toml:11:6: warning: deadline 'x' reaches nobody") })
    }

    @Test("the time zone is read from the system and checked")
    func timeZone() throws {
        let (_, lines) = try load(["deadlined.toml": "[daemon]\ntimezone = \"Asia/Hanoi\"\n" + units])
        #expect(
            lines == [
                "deadlined.toml:2:12: error: unknown time zone 'Asia/Hanoi'; did you mean 'Asia/Ho_Chi_Minh'? (Vietnam's zone)"
            ])
        let (ok, _) = try load(["deadlined.toml": "[daemon]\ntimezone = \"Asia/Bangkok\"\n" + units])
        #expect(ok.configuration?.agenda.settings.zone.identifier == "Asia/Bangkok")
    }

    @Test("$STATE_DIRECTORY overrides state_directory; the implicit outbox lives in it")
    func stateDirectory() throws {
        let (result, _) = try load(
            ["deadlined.toml": "[daemon]\nstate_directory = \"/srv/x\"\n" + units],
            environment: ["STATE_DIRECTORY": "/var/lib/deadlined"])
        let configuration = try #require(result.configuration)
        #expect(configuration.daemon.stateDirectory == "/var/lib/deadlined")
        #expect(
            configuration.channels["outbox"]
                == .outbox(OutboxSettings(name: "outbox", directory: "/var/lib/deadlined/outbox")))
    }
}

@Suite("check: dates outside the years deadlined plans in")
struct ConfigDateRangeTests {
    @Test(
        "a due date, a TOML date, a document's date, a recurrence's bounds and a calendar override out of range: each at its line"
    )
    func everyDatePosition() throws {
        let (result, lines) = try load([
            "deadlined.toml": units + """
                [calendar]
                [[calendar.override]]
                date = "02/09/2250"
                off = true

                [[document]]
                ref = "1/UBND"
                issued = 0202-11-19

                [[deadline]]
                id = "a"
                task = "Việc A"
                document = "1/UBND"
                units = ["so-khdt"]
                due = "10/12/2020"

                [[deadline]]
                id = "b"
                task = "Việc B"
                units = ["so-khdt"]
                due = "10/12/0202"

                [[deadline]]
                id = "c"
                task = "Việc C"
                units = ["so-khdt"]
                due = 9999-12-31

                [[deadline]]
                id = "d"
                task = "Việc D"
                units = ["so-khdt"]
                repeat = "monthly"
                day = 20
                from = "01/01/1900"
                until = "Q4/9999"
                """
        ])
        #expect(result.configuration == nil)
        #expect(
            lines == [
                "deadlined.toml:6:8: error: '02/09/2250': the year 2250 is outside the years deadlined plans in (1901–2199); did you mean 2025?",
                "deadlined.toml:11:10: error: 'issued': the year 0202 is outside the years deadlined plans in (1901–2199); did you mean 2020?",
                "deadlined.toml:24:7: error: '10/12/0202': the year 0202 is outside the years deadlined plans in (1901–2199); did you mean 2020?",
                "deadlined.toml:30:7: error: 'due': the year 9999 is outside the years deadlined plans in (1901–2199)",
                "deadlined.toml:38:8: error: '01/01/1900': the year 1900 is outside the years deadlined plans in (1901–2199)",
                "deadlined.toml:39:9: error: 'Q4/9999': the year 9999 is outside the years deadlined plans in (1901–2199)",
            ])
    }
}

@Suite("check: every duration, count and offset has a range")
struct ConfigValueRangeTests {
    /// An SMTP channel's table, without the blank line after it.
    static let channel = """
        [channels.email]
        type = "smtp"
        url = "smtps://127.0.0.1:2525"
        from = "Văn phòng <vp@hanoi.example>"

        """
    static let channels = channel + "\n"

    /// One value in its table, and the error `check` gives at it.
    struct Case: Sendable, CustomTestStringConvertible {
        let table: String
        let line: String
        let message: String
        var testDescription: String { "[\(table)] \(line)" }
    }

    static let cases: [Case] = [
        Case(
            table: "channels.email", line: "timeout = \"9223372036854775807s\"",
            message: "'9223372036854775807s' is not a duration; write it as \"30s\", \"10m\", \"24h\" or \"2d\""),
        Case(
            table: "channels.email", line: "timeout = \"99999999d\"",
            message: "'timeout' must be from 1 s to 10 min, found '99999999d'"),
        Case(
            table: "channels.email", line: "timeout = \"0s\"",
            message: "'timeout' must be from 1 s to 10 min, found '0s'"),
        Case(
            table: "channels.email", line: "connect_timeout = \"11m\"",
            message: "'connect_timeout' must be from 1 s to 10 min, found '11m'"),
        Case(
            table: "channels.email", line: "connections = 17",
            message: "'connections' must be between 1 and 16, found 17"),
        Case(table: "daemon", line: "catch_up = \"0s\"", message: "'catch_up' must be from 1 s to 30 d, found '0s'"),
        Case(
            table: "daemon", line: "catch_up = \"999999999w 999999999w\"",
            message: "'catch_up' must be from 1 s to 30 d, found '999999999w 999999999w'"),
        Case(
            table: "daemon", line: "retry_delay = \"2h\"", message: "'retry_delay' must be from 1 s to 1 h, found '2h'"),
        Case(
            table: "daemon", line: "retry_max_age = \"31d\"",
            message: "'retry_max_age' must be from 1 min to 30 d, found '31d'"),
        Case(table: "daemon", line: "retry_limit = 101", message: "'retry_limit' must be between 0 and 100, found 101"),
        Case(
            table: "reminders", line: "before = [\"9999wd\"]",
            message: "'9999wd' is longer than a year; an offset is at most 366d, 52w, 252wd or 8784h"),
        Case(
            table: "reminders", line: "overdue_every = \"9999wd\"",
            message: "'9999wd' is longer than a year; an offset is at most 366d, 52w, 252wd or 8784h"),
        Case(
            table: "reminders", line: "escalate_every = \"53w\"",
            message: "'53w' is longer than a year; an offset is at most 366d, 52w, 252wd or 8784h"),
        Case(
            table: "reminders", line: "escalate_after = \"367d\"",
            message: "'367d' is longer than a year; an offset is at most 366d, 52w, 252wd or 8784h"),
        Case(
            table: "reminders", line: "overdue_limit = 366",
            message: "'overdue_limit' must be between 0 and 365, found 366"),
        Case(
            table: "reminders", line: "overdue_every = \"252wd\"",
            message:
                "urging every '252wd' up to overdue_limit = 5 times spans more than a year; lower overdue_limit or overdue_every"
        ),
        Case(
            table: "reminders", line: "escalate_every = \"20w\"",
            message:
                "escalation every '20w' up to escalate_limit = 3 times spans more than a year; lower escalate_limit or escalate_every"
        ),
        Case(table: "store", line: "lease = \"2s\"", message: "'lease' must be from 3 s to 1 h, found '2s'"),
        Case(
            table: "store", line: "connect_timeout = \"0s\"",
            message: "'connect_timeout' must be from 1 s to 10 min, found '0s'"),
    ]

    @Test("a value out of its range is an error at the value", arguments: cases)
    func outOfRange(_ c: Case) throws {
        let settings =
            c.table == "channels.email"
            ? Self.channel + c.line + "\n\n" : Self.channels + "[\(c.table)]\n\(c.line)\n\n"
        let text =
            settings + units + """
                [[deadline]]
                id = "a"
                task = "Việc A"
                units = ["so-khdt"]
                due = "10/12/2020"
                """
        let (result, lines) = try load(["deadlined.toml": text])
        #expect(result.configuration == nil)
        let errors = lines.filter { $0.contains(": error: ") }
        let lineNumber = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
            $0 == Substring(c.line)
        }
        #expect(errors.count == 1, "\(lines)")
        #expect(errors.first?.hasPrefix("deadlined.toml:\((lineNumber ?? 0) + 1):") == true, "\(lines)")
        #expect(errors.first?.hasSuffix(": error: \(c.message)") == true, "\(lines)")
    }

    @Test("the edges of each range are accepted")
    func edges() throws {
        let (result, lines) = try load([
            "deadlined.toml": Self.channel + """
                connect_timeout = "1s"
                timeout = "2m"
                connections = 16

                [daemon]
                catch_up = "30d"
                retry_delay = "1s"
                retry_max_age = "1m"

                [reminders]
                before = ["366d", "52w", "252wd", "8784h"]
                overdue_every = "1d"
                overdue_limit = 365
                escalate_after = "252wd"
                escalate_every = "1w"
                escalate_limit = 52

                [store]
                lease = "1h"

                """ + units + """
                    [[deadline]]
                    id = "a"
                    task = "Việc A"
                    units = ["so-khdt"]
                    due = "10/12/2020"
                    """
        ])
        #expect(result.configuration != nil, "\(lines)")
        #expect(lines.isEmpty, "\(lines)")
    }

    @Test("connect_timeout + timeout at or above the watchdog interval: a warning at check, an error under systemd")
    func watchdog() throws {
        let text =
            Self.channel + """
                connect_timeout = "1m"
                timeout = "2m"

                """ + units + """
                [[deadline]]
                id = "a"
                task = "Việc A"
                units = ["so-khdt"]
                due = "10/12/2020"
                """
        let (checked, warnings) = try load(["deadlined.toml": text])
        #expect(checked.configuration != nil)
        #expect(
            warnings == [
                "deadlined.toml:6:11: warning: connect_timeout + timeout (3m) must be below the watchdog interval (3m, WatchdogSec= in deadlined.service): a send that takes that long gets deadlined killed; lower them, or raise WatchdogSec= (systemctl edit deadlined)"
            ])
        let (daemon, errors) = try load(["deadlined.toml": text], environment: ["WATCHDOG_USEC": "120000000"])
        #expect(daemon.configuration == nil)
        #expect(
            errors == [
                "deadlined.toml:6:11: error: connect_timeout + timeout (3m) must be below the watchdog interval (2m): a send that takes that long gets deadlined killed; lower them, or raise WatchdogSec= (systemctl edit deadlined)"
            ])
        let (raised, none) = try load(["deadlined.toml": text], environment: ["WATCHDOG_USEC": "600000000"])
        #expect(raised.configuration != nil)
        #expect(none.isEmpty)
    }
}

@Suite("check: secrets are never quoted, and their files keep them secret")
struct ConfigSecretTests {
    static let hook = """
        [units.so-khdt]
        name = "Sở Kế hoạch và Đầu tư"
        recipients = ["Văn thư <vanthu@khdt.hanoi.example>"]
        channels = ["hook"]

        """

    @Test(
        "secret files: group- or world-writable and world-readable are refused, saying the owner and mode expected",
        arguments: [
            (0o600, nil), (0o640, nil), (0o400, nil),
            (0o644, "is readable by everyone (mode 644)"),
            (0o620, "is writable by its group (mode 620)"),
            (0o602, "is writable by everyone (mode 602)"),
            (0o666, "is readable by everyone and writable by everyone (mode 666)"),
            (0o664, "is readable by everyone and writable by its group (mode 664)"),
        ] as [(Int, String?)])
    func modes(_ mode: Int, _ problem: String?) throws {
        let (_, lines) = try load(
            [
                "deadlined.toml": Self.hook + """
                    [channels.hook]
                    type = "webhook"
                    url = "https://hooks.hanoi.example/x"
                    secret_file = "secrets/key"
                    """,
                "secrets/key": "whsec_c2VjcmV0",
            ], modes: ["secrets/key": mode])
        if let problem {
            #expect(
                lines == [
                    "deadlined.toml:8:15: error: the secret file 'secrets/key' \(problem); a secret file must be owned by root (read through LoadCredential=) or by the user deadlined runs as, with mode 600 (640 to let its group read it): chmod 600 secrets/key"
                ])
        } else {
            #expect(lines.isEmpty, "\(lines)")
        }
    }

    @Test("a password written where its file's path goes is never echoed")
    func passwordAsPath() throws {
        let (_, lines) = try load([
            "deadlined.toml": units + """
                [channels.mail]
                type = "smtp"
                url = "smtps://mail.hanoi.example:465"
                from = "Văn phòng <nhacviec@hanoi.example>"
                username = "nhacviec"
                password_file = "MyMailPassw0rd!"

                [store]
                url = "postgresql://deadlined@db.example.vn/deadlined"
                password_file = "Sup3r/Secret"
                """
        ])
        #expect(
            lines == [
                "deadlined.toml:9:17: error: no file by this name exists (the value is not shown, in case it is the secret itself); write the path of a file that holds the secret, e.g. \"/etc/deadlined/secrets/NAME\", created with install -m 600 /dev/null PATH",
                "deadlined.toml:13:17: error: no file by this name exists (the value is not shown, in case it is the secret itself); write the path of a file that holds the secret, e.g. \"/etc/deadlined/secrets/NAME\", created with install -m 600 /dev/null PATH",
            ])
    }

    @Test(
        "a password in a URL is refused, and no message quotes it, whatever it holds",
        arguments: [
            (
                "[store]\nurl = \"postgresql://deadlined:Sup3r/Secret@db.example.vn/deadlined\"",
                "the URL holds a password; remove it and put the password in [store] password_file"
            ),
            (
                "[store]\nurl = \"postgresql://deadlined:Sup3r?Secret@db.example.vn:5432/deadlined\"",
                "the URL holds a password; remove it and put the password in [store] password_file"
            ),
            (
                "[store]\nurl = \"postgresql://deadlined:Sup3r@Secret@db.example.vn/deadlined\"",
                "the URL holds a password; remove it and put the password in [store] password_file"
            ),
            (
                "[store]\nurl = \"postgresql://deadlined@db.example.vn/deadlined?password=Sup3rSecret\"",
                "the URL holds a password; remove it and put the password in [store] password_file"
            ),
            (
                "[store]\nurl = \"postgresql://deadlined@db.example.vn/deadlined?Sup3rSecret\"",
                "the URL has a parameter deadlined does not understand (not shown, in case it is a secret); deadlined understands host, port, user, dbname, sslmode, sslrootcert, connect_timeout"
            ),
            (
                "[store]\nurl = \"postgresql://deadlined@db.example.vn:Sup3rSecret/deadlined\"",
                "the URL's port must be a number from 1 to 65535"
            ),
            (
                "[store]\nurl = \"mysql://root:Sup3rSecret@db.example.vn/x?token=Sup3rSecret\"",
                "'mysql://root:[redacted]@db.example.vn/x?token=[redacted]' is not a ledger location; write sqlite, sqlite:/path/state.db or postgresql://user@host/database"
            ),
            (
                "[channels.hook]\ntype = \"webhook\"\nurl = \"https://bot:Sup3rSecret@hooks.hanoi.example/x\"",
                "the URL holds a user name or password (before '@'); secrets stay out of config files: give the credentials as an Authorization header in a file named by headers_file"
            ),
            (
                "[channels.hook]\ntype = \"webhook\"\nurl = \"https://Sup3rSecret@hooks.hanoi.example/x\"",
                "the URL holds a user name or password (before '@'); secrets stay out of config files: give the credentials as an Authorization header in a file named by headers_file"
            ),
            (
                "[channels.hook]\ntype = \"webhook\"\nurl = \"ftp://hooks.hanoi.example/hooks/Sup3rSecret?token=Sup3rSecret\"",
                "'ftp://hooks.hanoi.example/…' is not an http:// or https:// URL"
            ),
            (
                "[channels.hook]\ntype = \"smtp\"\nfrom = \"a@hanoi.example\"\nurl = \"smtps://nhacviec:Sup3r/Secret@mail.hanoi.example:465\"",
                "the URL holds a user name or password (before '@'); secrets stay out of config files: put the user in username and the password in a file named by password_file"
            ),
            (
                "[channels.hook]\ntype = \"smtp\"\nfrom = \"a@hanoi.example\"\nurl = \"smtps:/mail.hanoi.example/Sup3rSecret\"",
                "'smtps:/mail.hanoi.example/Sup3rSecret' is not an SMTP URL; write smtp://host:port (STARTTLS) or smtps://host:port (TLS)"
            ),
        ])
    func urls(_ table: String, _ message: String) throws {
        let (_, lines) = try load(["deadlined.toml": Self.hook + table])
        let errors = lines.filter { $0.contains("error:") && !$0.contains("unknown channel 'hook'") }
        #expect(errors.count == 1, "\(lines)")
        #expect(errors.first?.hasSuffix("error: \(message)") == true, "\(lines)")
        if !message.contains("smtps:/mail") {
            #expect(lines.allSatisfy { !$0.contains("Sup3r") }, "\(lines)")
        }
    }

    @Test(
        "headers: reserved names and bad values are errors at check; a secret-looking one is a warning, its value never shown"
    )
    func inlineHeaders() throws {
        let (_, lines) = try load([
            "deadlined.toml": Self.hook + """
                [channels.hook]
                type = "webhook"
                url = "https://hooks.hanoi.example/x"
                headers = { "Content-Type" = "text/plain", "webhook-id" = "1", "Host" = "x", "X-Ok" = "a\\r\\nb", "Authorization" = "Bearer Sup3rSecret", "X-Don-Vi" = "VP" }
                """
        ])
        #expect(
            lines == [
                "deadlined.toml:8:13: error: 'Content-Type' is set by deadlined itself (Content-Type, Content-Length, Host, Transfer-Encoding, Expect, Connection, webhook-*); remove it",
                "deadlined.toml:8:44: error: 'webhook-id' is set by deadlined itself (Content-Type, Content-Length, Host, Transfer-Encoding, Expect, Connection, webhook-*); remove it",
                "deadlined.toml:8:64: error: 'Host' is set by deadlined itself (Content-Type, Content-Length, Host, Transfer-Encoding, Expect, Connection, webhook-*); remove it",
                "deadlined.toml:8:87: error: the value of header 'X-Ok' may not contain line breaks or control characters",
                "deadlined.toml:8:97: warning: header 'Authorization' looks like a secret, and secrets stay out of config files: put it in a file named by headers_file (one 'Name: value' per line, chmod 600)",
            ])
    }

    @Test("headers_file: checked like other secret files, its problems at its own lines, never its values")
    func headersFile() throws {
        let (result, lines) = try load(
            [
                "deadlined.toml": Self.hook + """
                    [channels.hook]
                    type = "webhook"
                    url = "https://hooks.hanoi.example/x"
                    headers = { "X-Api-Key" = "public" }
                    headers_file = "secrets/headers"
                    """,
                "secrets/headers": """
                # Khóa API của hệ thống chat
                Authorization: Bearer Sup3rSecret

                X-Api-Key: Sup3rSecret
                Content-Type: text/plain
                Sup3rSecret
                webhook-signature: v1,Sup3rSecret
                Authorization: Bearer Sup3rSecret2

                """,
            ], modes: ["secrets/headers": 0o600])
        #expect(result.configuration == nil)
        #expect(
            lines == [
                "deadlined.toml:8:13: warning: header 'X-Api-Key' looks like a secret, and secrets stay out of config files: put it in a file named by headers_file (one 'Name: value' per line, chmod 600)",
                "deadlined.toml:9:16: error: header 'X-Api-Key' is given both in headers and in headers_file (line 4); keep one",
                "secrets/headers:5:1: error: 'Content-Type' is set by deadlined itself (Content-Type, Content-Length, Host, Transfer-Encoding, Expect, Connection, webhook-*); remove it",
                "secrets/headers:6:1: error: expected 'Name: value' (the line has no ':')",
                "secrets/headers:7:1: error: 'webhook-signature' is set by deadlined itself (Content-Type, Content-Length, Host, Transfer-Encoding, Expect, Connection, webhook-*); remove it",
                "secrets/headers:8:1: error: header 'Authorization' is given twice (first on line 2); keep one",
            ])
        #expect(lines.allSatisfy { !$0.contains("Sup3r") })
    }

    @Test("starttls = \"opportunistic\" with a password: a warning that the password never goes unencrypted")
    func opportunisticWithPassword() throws {
        let (result, lines) = try load(
            [
                "deadlined.toml": units + """
                    [channels.mail]
                    type = "smtp"
                    url = "smtp://mail.hanoi.example:587"
                    starttls = "opportunistic"
                    from = "Văn phòng <nhacviec@hanoi.example>"
                    username = "nhacviec"
                    password_file = "secrets/smtp"
                    """,
                "secrets/smtp": "Sup3rSecret\n",
            ], modes: ["secrets/smtp": 0o600])
        #expect(result.configuration != nil)
        #expect(
            lines == [
                "deadlined.toml:7:12: warning: with starttls = \"opportunistic\" and a password, a server that offers no STARTTLS gets no mail: deadlined never sends the password unencrypted, so those deliveries fail; use \"required\" to say so plainly"
            ])
    }
}

@Suite("check: control characters in names and tasks")
struct ConfigControlCharacterTests {
    @Test(
        "line breaks and other white space in a name or task become one space; other controls are errors at the value")
    func namesAndTasks() throws {
        let (result, lines) = try load([
            "deadlined.toml": """
            [units.so-khdt]
            name = "Sở Kế hoạch\\r\\nvà Đầu tư"
            recipients = ["Văn thư <vanthu@khdt.hanoi.example>", "Văn\\u0007thư <vt2@khdt.hanoi.example>"]

            [units.so-tc]
            name = "Sở\\u0000Tài chính"
            recipients = ["vanthu@stc.hanoi.example"]

            [[document]]
            ref = "5418/UBND-TKBT"
            title = "Về việc\\u000btriển khai"

            [[deadline]]
            id = "a"
            task = \"\"\"
              Báo cáo tham mưu, đề xuất
              các nhiệm vụ\\u000b giải pháp\"\"\"
            units = ["so-khdt"]
            due = "10/12/2020"

            [[deadline]]
            id = "b"
            task = "Việc B\\u001b[31m"
            units = ["so-khdt"]
            due = "10/12/2020"
            """
        ])
        #expect(result.configuration == nil)
        #expect(
            lines == [
                "deadlined.toml:3:54: error: the name in 'vt2@khdt.hanoi.example' contains the control character U+0007; remove it",
                "deadlined.toml:6:8: error: 'name' contains the control character U+0000; remove it",
                "deadlined.toml:23:8: error: 'task' contains the control character U+001B; remove it",
            ])
        let (fixed, none) = try load([
            "deadlined.toml": """
            [units.so-khdt]
            name = "Sở Kế hoạch\\r\\nvà Đầu tư"
            recipients = ["Văn thư <vanthu@khdt.hanoi.example>"]

            [[document]]
            ref = "5418/UBND-TKBT"
            title = "Về việc\\u000btriển khai"

            [[deadline]]
            id = "a"
            task = \"\"\"
              Báo cáo tham mưu, đề xuất
              các nhiệm vụ\\u000b giải pháp\"\"\"
            units = ["so-khdt"]
            due = "10/12/2020"
            """
        ])
        #expect(none.isEmpty, "\(none)")
        let agenda = try #require(fixed.configuration?.agenda)
        #expect(agenda.units["so-khdt"]?.name == "Sở Kế hoạch và Đầu tư")
        #expect(agenda.documents["5418/UBND-TKBT"]?.title == "Về việc triển khai")
        #expect(agenda.deadlines.first?.task == "Báo cáo tham mưu, đề xuất các nhiệm vụ giải pháp")
    }
}

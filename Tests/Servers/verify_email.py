#!/usr/bin/python3
"""Parses one raw e-mail with Python's `email` package and prints what a mail client would see, as JSON.

Usage: verify_email.py MESSAGE_FILE

Checks the wire form too: CRLF-only line endings, longest line, longest header line, and the parser's defects.
The attached .ics (if any) is parsed with the `icalendar` package (Debian: python3-icalendar).
"""
import json
import sys
from email import policy
from email.parser import BytesParser


def text_of(part):
    if part is None:
        return None
    return part.get_content().replace("\r\n", "\n")


def calendar_of(part):
    if part is None:
        return None
    import icalendar
    raw = part.get_payload(decode=True)
    calendar = icalendar.Calendar.from_ical(raw)
    events = []
    for event in calendar.walk("VEVENT"):
        alarms = [
            {"action": str(alarm.get("ACTION")), "trigger": str(alarm.decoded("TRIGGER")),
             "description": str(alarm.get("DESCRIPTION"))}
            for alarm in event.walk("VALARM")
        ]
        events.append({
            "uid": str(event.get("UID")),
            "summary": str(event.get("SUMMARY")),
            "description": str(event.get("DESCRIPTION")),
            "dtstart": event.decoded("DTSTART").isoformat(),
            "dtend": event.decoded("DTEND").isoformat(),
            "alarms": alarms,
        })
    lines = raw.split(b"\r\n")
    return {
        "method": str(calendar.get("METHOD")),
        "content_type_method": part.get_param("method"),
        "filename": part.get_filename(),
        "events": events,
        "max_line_octets": max(len(line) for line in lines),
        "crlf_only": b"\n" not in raw.replace(b"\r\n", b""),
    }


def main():
    raw = open(sys.argv[1], "rb").read()
    message = BytesParser(policy=policy.default).parsebytes(raw)
    header_block = raw.split(b"\r\n\r\n", 1)[0]
    lines = raw.split(b"\r\n")
    plain = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    calendar = next((part for part in message.walk() if part.get_content_type() == "text/calendar"), None)
    sender = message["from"].addresses[0]
    defects = [str(defect) for part in message.walk() for defect in part.defects]
    for name in message.keys():
        defects += ["%s: %s" % (name, defect) for defect in getattr(message[name], "defects", [])]
    result = {
        "subject": str(message["subject"]),
        "from_display_name": sender.display_name,
        "from_address": sender.addr_spec,
        "to": [[address.display_name, address.addr_spec] for address in message["to"].addresses],
        "date": str(message["date"]),
        "date_iso": message["date"].datetime.isoformat(),
        "message_id": str(message["message-id"]),
        "auto_submitted": str(message["auto-submitted"]),
        "key": str(message["x-deadlined-key"]),
        "content_type": message.get_content_type(),
        "text": text_of(plain),
        "html": text_of(html),
        "calendar": calendar_of(calendar),
        "crlf_only": b"\n" not in raw.replace(b"\r\n", b""),
        "max_line_octets": max(len(line) for line in lines),
        "max_header_line_octets": max(len(line) for line in header_block.split(b"\r\n")),
        "defects": defects,
    }
    print(json.dumps(result, ensure_ascii=False))


if __name__ == "__main__":
    main()

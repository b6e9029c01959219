#!/usr/bin/python3
"""Fetches a calendar feed over HTTP and reads it with the icalendar library (Debian's python3-icalendar), as a
calendar program would. Prints the calendar's name and its events as JSON: uid, summary, start and end (UTC,
ISO 8601), the alarms' triggers in minutes before the start, and the description.

Usage: fetch_calendar.py URL
"""
import json
import sys
import urllib.request

import icalendar


def main():
    with urllib.request.urlopen(sys.argv[1], timeout=20) as response:
        content_type = response.headers.get("Content-Type")
        data = response.read()
    calendar = icalendar.Calendar.from_ical(data)
    events = []
    for event in calendar.walk("VEVENT"):
        alarms = []
        for alarm in event.walk("VALARM"):
            trigger = alarm.decoded("TRIGGER")
            alarms.append(int(-trigger.total_seconds() // 60))
        events.append({
            "uid": str(event["UID"]),
            "summary": str(event["SUMMARY"]),
            "start": event.decoded("DTSTART").isoformat(),
            "end": event.decoded("DTEND").isoformat(),
            "alarms": sorted(alarms),
            "description": str(event.get("DESCRIPTION", "")),
        })
    json.dump({"content_type": content_type, "name": str(calendar.get("X-WR-CALNAME", "")), "events": events},
              sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Synthetic deadlined configurations for the benchmarks, and the same deadlines as a Remind file.

    gen_config.py --deadlines N --out DIR [--units 200] [--variant office|plain] [--smtp-port P] [--http-port P]
    gen_config.py --burst N --channel smtp|webhook --due "YYYY-MM-DD" --out DIR [--connections C] ...

Writes DIR/deadlined.toml (daemon settings, default rules, calendar, units, channels), DIR/deadlines.d/*.toml
(one file per document, 20 deadlines each, as offices write them) and DIR/reminders.rem (the same deadlines and
the same five reminders for Remind). Deterministic: the same arguments give the same bytes.

The mix (per 100 deadlines): 60 one-off (due dates spread over 2026, written in the forms offices use:
"10/12/2026", "ngày 10 tháng 12 năm 2026", "15:00 10/12/2026", "2026-12-10"), 20 monthly, 10 quarterly,
3 half-yearly, 5 yearly and 2 weekly. Every deadline has five rules: before = ["7d", "3d", "1d"], on_due, and one
urging the day after (overdue_every = "1d", overdue_limit = 1). Each deadline goes to one of the units; 200 units,
half reached by email (SMTP) and half by webhook.

Variants:
  office  the defaults an office runs: reminders that fall on a day off or outside working hours move to the next
          working morning (off_hours = "move"), Labour Code holidays computed.
  plain   off_hours = overdue_off_hours = "send": send times are pure calendar arithmetic (the due day minus 7, 3,
          1 and 0 days, plus 1 day, at 08:00). This is exactly what the Remind file expresses, so this variant is
          the one compared with Remind (equivalent work).

--burst N writes N one-off deadlines due on --due at 17:00 with the single rule on_due (sent at 08:00 that day),
each to one unit, all through one channel: N reminders that fall due at one moment (the delivery benchmark).
--connections C sets both channels' `connections` (how many sends at once); without it deadlined's defaults apply.
"""
import argparse
import datetime
import os
import random

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday"]
REM_WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
TASKS = [
    "Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội",
    "Tham mưu, đề xuất các nhiệm vụ, giải pháp trọng tâm trình UBND Thành phố",
    "Tổng hợp kết quả kiểm tra, giám sát và báo cáo Thường trực Thành ủy",
    "Dự thảo kế hoạch triển khai chương trình công tác toàn khóa",
    "Rà soát, đánh giá việc thực hiện các chỉ tiêu được giao",
]
RULES_BEFORE = [7, 3, 1]  # days; plus on_due (0) and one urging the day after (+1): five rules


def unit_id(i):
    return "dv-%03d" % (i + 1)


def write_main(path, args, units, channels):
    state = os.path.join(os.path.abspath(args.out), "state")
    off_hours = "send" if args.variant == "plain" else "move"
    lines = [
        "# Synthetic configuration for deadlined's benchmarks (Benchmarks/gen_config.py); not for production.",
        "[daemon]",
        'timezone = "Asia/Ho_Chi_Minh"',
        'language = "vi"',
        'state_directory = "%s"' % state,
        'drop_in_directory = "deadlines.d"',
        'closing_time = "17:00"',
        'default_channels = ["email"]',
        'catch_up = "24h"',
        "",
        "[reminders]",
    ]
    if args.burst:
        lines += ["before = []", "on_due = true", 'overdue_every = ""', "overdue_limit = 0"]
    else:
        lines += ['before = ["7d", "3d", "1d"]', "on_due = true", 'overdue_every = "1d"', "overdue_limit = 1"]
    lines += [
        'time = "08:00"',
        'due_on_day_off = "keep"',
        'off_hours = "%s"' % off_hours,
        'overdue_off_hours = "%s"' % off_hours,
        "",
        "[calendar]",
        'weekend = ["saturday", "sunday"]',
        'working_hours = "08:00-17:00"',
        "",
    ]
    for i in range(units):
        channel = channels[i % len(channels)]
        lines += [
            "[units.%s]" % unit_id(i),
            'name = "Đơn vị số %d"' % (i + 1),
            'recipients = ["Văn thư đơn vị %d <vanthu@dv%03d.hanoi.example>"]' % (i + 1, i + 1),
            'heads = ["Thủ trưởng đơn vị %d <thutruong@dv%03d.hanoi.example>"]' % (i + 1, i + 1),
            'channels = ["%s"]' % channel,
            "",
        ]
    connections = ["connections = %d" % args.connections] if args.connections else []
    lines += [
        "[channels.email]",
        'type = "smtp"',
        'url = "smtp://127.0.0.1:%d"' % args.smtp_port,
        'starttls = "off"',
        'from = "Văn phòng UBND Thành phố <nhacviec@hanoi.example>"',
        # Below the idle benchmark's watchdog (20 s): deadlined refuses a send that could outlast it.
        'connect_timeout = "5s"',
        'timeout = "10s"',
    ] + connections + [
        "",
        "[channels.chat]",
        'type = "webhook"',
        'url = "http://127.0.0.1:%d/hook"' % args.http_port,
        'format = "json"',
        'connect_timeout = "5s"',
        'timeout = "10s"',
    ] + connections + [
        "",
    ]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def due_text(day, form):
    """A one-off due date as an office writes it; the due moment is 17:00 except for the form with a time."""
    if form == 0:
        return "%02d/%02d/%04d" % (day.day, day.month, day.year), 17 * 60
    if form == 1:
        return "ngày %d tháng %d năm %04d" % (day.day, day.month, day.year), 17 * 60
    if form == 2:
        return "15:00 %02d/%02d/%04d" % (day.day, day.month, day.year), 15 * 60
    return day.isoformat(), 17 * 60


def rem_date(day):
    return "%d %s %d" % (day.day, MONTHS[day.month - 1], day.year)


def rem_lines(trigger_for_offset, message):
    """Five REM lines: 7, 3, 1 days before, on the due day (all at 08:00), and the day after at 08:00."""
    out = []
    for days in RULES_BEFORE:
        out.append("REM %s --%d AT 08:00 MSG %s (%dd)" % (trigger_for_offset(0), days, message, days))
    out.append("REM %s AT 08:00 MSG %s (due)" % (trigger_for_offset(0), message))
    out.append("REM %s AT 08:00 MSG %s (overdue-1)" % (trigger_for_offset(1), message))
    return out


def generate(args):
    rng = random.Random(args.seed)
    os.makedirs(os.path.join(args.out, "deadlines.d"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "state"), exist_ok=True)
    if args.burst:
        channels = ["email" if args.channel == "smtp" else "chat"]
        count = args.burst
    else:
        channels = ["email", "chat"]
        count = args.deadlines
    write_main(os.path.join(args.out, "deadlined.toml"), args, args.units, channels)
    year_start = datetime.date(2026, 1, 1)
    rem = ["# Synthetic Remind file for deadlined's benchmarks: the same deadlines and reminders.",
           "# Five reminders per occurrence: 7, 3, 1 days before, on the due day, and the day after, at 08:00."]
    per_file = 20
    files = (count + per_file - 1) // per_file
    serial = 0
    for f in range(files):
        doc = "%d/UBND-BENCH" % (f + 1)
        body = [
            "[[document]]",
            'ref = "%s"' % doc,
            'issued = "01/01/2025"',
            'issuer = "UBND thành phố Hà Nội"',
            "",
        ]
        for _ in range(min(per_file, count - f * per_file)):
            serial += 1
            did = "bench-%06d" % serial
            unit = unit_id(rng.randrange(args.units))
            task = "%s (việc số %d)" % (TASKS[serial % len(TASKS)], serial)
            body += ["[[deadline]]", 'id = "%s"' % did, 'task = "%s"' % task, 'units = ["%s"]' % unit]
            message = "%s: %s" % (did, task)
            if args.burst:
                body.append('due = "%s"' % args.due)
                body.append("")
                continue
            kind = serial % 100
            if kind < 60:  # one-off, spread over the year
                day = year_start + datetime.timedelta(days=rng.randrange(365))
                text, _ = due_text(day, serial % 4)
                body.append('due = "%s"' % text)
                rem += rem_lines(lambda plus, d=day: rem_date(d + datetime.timedelta(days=plus)), message)
            elif kind < 80:  # monthly, day 1..27 so that day + 1 stays in the month
                d = rng.randrange(1, 28)
                body += ['repeat = "monthly"', "day = %d" % d]
                rem += rem_lines(lambda plus, d=d: "%d" % (d + plus), message)
            elif kind < 90:  # quarterly: day d of the quarter's last month (the default month = 3)
                d = rng.randrange(1, 28)
                body += ['repeat = "quarterly"', "day = %d" % d]
                for m in (3, 6, 9, 12):
                    rem += rem_lines(lambda plus, d=d, m=m: "%d %s" % (d + plus, MONTHS[m - 1]), message)
            elif kind < 93:  # half-yearly: day d of the half's last month (the default month = 6)
                d = rng.randrange(1, 28)
                body += ['repeat = "half-yearly"', "day = %d" % d]
                for m in (6, 12):
                    rem += rem_lines(lambda plus, d=d, m=m: "%d %s" % (d + plus, MONTHS[m - 1]), message)
            elif kind < 98:  # yearly
                m = rng.randrange(1, 13)
                d = rng.randrange(1, 28)
                body += ['repeat = "yearly"', 'date = "%d/%d"' % (d, m)]
                rem += rem_lines(lambda plus, d=d, m=m: "%d %s" % (d + plus, MONTHS[m - 1]), message)
            else:  # weekly
                w = rng.randrange(5)
                body += ['repeat = "weekly"', 'weekday = "%s"' % WEEKDAYS[w]]
                rem += rem_lines(lambda plus, w=w: REM_WEEKDAYS[(w + plus) % 7], message)
            body.append("")
        with open(os.path.join(args.out, "deadlines.d", "doc-%05d.toml" % (f + 1)), "w", encoding="utf-8") as out:
            out.write("\n".join(body))
    with open(os.path.join(args.out, "reminders.rem"), "w", encoding="utf-8") as out:
        out.write("\n".join(rem) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--deadlines", type=int, default=1000)
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--variant", choices=["office", "plain"], default="office")
    parser.add_argument("--burst", type=int, default=0, help="N deadlines whose reminders all fall due at once")
    parser.add_argument("--channel", choices=["smtp", "webhook"], default="smtp")
    parser.add_argument("--due", default="2026-03-02", help="with --burst: the due day (YYYY-MM-DD)")
    parser.add_argument("--connections", type=int, default=0, help="both channels' `connections` (default: unset)")
    parser.add_argument("--smtp-port", type=int, default=2525)
    parser.add_argument("--http-port", type=int, default=8080)
    parser.add_argument("--seed", type=int, default=5418)
    generate(parser.parse_args())


if __name__ == "__main__":
    main()

"""The Markdown tables of a benchmark run (printed, and saved as results.md)."""


def fmt_s(value):
    if value is None:
        return "—"
    if value < 1:
        return "%.0f ms" % (value * 1000)
    if value < 10:
        return "%.2f s" % value
    return "%.1f s" % value


def fmt_mb(value):
    return "—" if value is None else "%.1f MB" % value


def fmt_n(value):
    return "—" if value is None else "{:,}".format(int(value)).replace(",", " ")


def fmt_rate(value):
    return "—" if value is None else ("%.0f/s" % value if value >= 10 else "%.1f/s" % value)


def ratio(a, b):
    if a is None or b is None or b == 0:
        return "—"
    r = a / b
    return "%.2f×" % r if r < 10 else "%.0f×" % r


def bounded_ratio(mine, other):
    """mine ÷ other, marked as a bound when the other was stopped at its time limit (it would have taken longer)."""
    text = ratio(mine["wall"], other["wall"])
    return ("< " + text) if other.get("timed_out") and text != "—" else text


def timed(row):
    if row.get("timed_out"):
        return "> %s (stopped)" % fmt_s(row["wall"])
    if row.get("rc"):
        return "failed (rc %d)" % row["rc"]
    return fmt_s(row["wall"])


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def load_line(section):
    load = section.get("load", {})
    others = ", ".join(load.get("busy_others", [])) or "none seen"
    return "_Load at the start of this section: load average %s, CPU busy %.0f%% in the second before; other " \
           "busy processes: %s._" % (load.get("loadavg", "?"), 100 * load.get("cpu_busy_before", 0), others)


def planning(results):
    p = results["planning"]
    out = ["### (1) Planning: load and validate, then plan the 365 days of 2026", "", load_line(p), ""]
    rows = []
    for n, r in p["sizes"].items():
        rows.append([fmt_n(n), fmt_n(r["files"]),
                     "%s, %s" % (timed(r["check"]), fmt_mb(r["check"]["maxrss_mb"])),
                     "%s, %s" % (timed(r["plan_office"]), fmt_mb(r["plan_office"]["maxrss_mb"])),
                     fmt_n(r["plan_office"].get("items")),
                     "%s, %s" % (timed(r["plan_plain"]), fmt_mb(r["plan_plain"]["maxrss_mb"])),
                     fmt_n(r["plan_plain"].get("items")),
                     "%s, %s" % (timed(r["remind_s12"]), fmt_mb(r["remind_s12"]["maxrss_mb"])),
                     fmt_n(r["remind_s12"].get("items")),
                     "%s / %s" % (bounded_ratio(r["plan_plain"], r["remind_s12"]),
                                  ratio(r["plan_plain"]["maxrss_mb"], r["remind_s12"]["maxrss_mb"]))])
    out.append(table(["deadlines", "files", "`check`: time, peak RSS", "`plan --json`, office: time, peak RSS",
                      "reminders", "`plan --json`, plain: time, peak RSS", "reminders",
                      "`remind -s12`: time, peak RSS", "reminders", "deadlined ÷ remind (time / RSS)"], rows))
    out += ["", "Each deadline's next reminder (`deadlinectl list --json` vs `remind -n`, plain variant):", ""]
    rows = []
    for n, r in p["sizes"].items():
        rows.append([fmt_n(n), "%s, %s" % (timed(r["list"]), fmt_mb(r["list"]["maxrss_mb"])),
                     "%s, %s" % (timed(r["remind_n"]), fmt_mb(r["remind_n"]["maxrss_mb"])),
                     "%s / %s" % (bounded_ratio(r["list"], r["remind_n"]),
                                  ratio(r["list"]["maxrss_mb"], r["remind_n"]["maxrss_mb"]))])
    out.append(table(["deadlines", "`deadlinectl list`: time, peak RSS", "`remind -n`: time, peak RSS",
                      "deadlined ÷ remind (time / RSS)"], rows))
    sizes = list(p["sizes"].values())
    if len(sizes) > 1:
        growth = []
        for a, b, na, nb in zip(sizes, sizes[1:], list(p["sizes"]), list(p["sizes"])[1:]):
            growth.append("%s→%s deadlines (×%s): check ×%s (k = %s), plan ×%s (k = %s), peak RSS ×%s" % (
                fmt_n(na), fmt_n(nb), ratio(int(nb), int(na)).rstrip("×"),
                ratio(b["check"]["wall"], a["check"]["wall"]).rstrip("×"),
                exponent(a["check"]["wall"], b["check"]["wall"], int(na), int(nb)),
                ratio(b["plan_office"]["wall"], a["plan_office"]["wall"]).rstrip("×"),
                exponent(a["plan_office"]["wall"], b["plan_office"]["wall"], int(na), int(nb)),
                ratio(b["plan_office"]["maxrss_mb"], a["plan_office"]["maxrss_mb"]).rstrip("×")))
        out += ["", "Growth (office variant; k is the exponent in time ∝ n^k between two sizes: 1 is linear, n log n "
                "gives k ≈ 1.1 over these steps, 2 is quadratic; start-up costs flatten k at the small end): " + "; ".join(growth) + "."]
    return out


def exponent(t_a, t_b, n_a, n_b):
    """k in t ∝ n^k between two sizes."""
    import math
    if not t_a or not t_b or n_a == n_b:
        return "—"
    return "%.2f" % (math.log(t_b / t_a) / math.log(n_b / n_a))


def startup(results):
    s = results["startup"]
    out = ["### (2) Start-up through a real NOTIFY_SOCKET (fresh ledger, pretend-now Monday 02/03/2026 07:00)", "",
           load_line(s), ""]
    rows = [[fmt_n(n), fmt_s(r["ready"]), fmt_s(r["planned"]), fmt_mb(r["rss_mb"]), fmt_mb(r["hwm_mb"]),
             r["threads"], fmt_s(r.get("reload")), fmt_s(r["stop"]), r["runs"]] for n, r in s["sizes"].items()]
    out.append(table(["deadlines", "exec → READY=1", "exec → first wake-up done (asleep)",
                      "RSS 2 s later", "peak RSS", "threads", "SIGHUP → READY=1 (reload)", "SIGTERM → exit",
                      "runs (median)"], rows))
    return out


def wake(row):
    w = row["wakeups"]
    perf = w.get("perf")
    return ("%s (perf) / %s (procfs)" % ("—" if perf is None else perf, w["procfs"]["switches"]))


def switches(row):
    """Context switches over the window: perf's count when perf works here, else procfs's."""
    w = row["wakeups"]
    return w["perf"] if w.get("perf") is not None else w["procfs"]["switches"]


def idle(results):
    i = results["idle"]
    window = i["window"]
    out = ["### (3) Idle cost, %s deadlines, %d s windows" % (fmt_n(i["size"]), window), "", load_line(i), ""]
    rows = []
    base = i["idle"]["deadlined"]
    for name, label in (("deadlined", "deadlined"), ("deadlined_web", "deadlined, web side on (served once)"),
                        ("deadlined_watchdog", "deadlined, WATCHDOG_USEC=20 s"), ("remind_z1", "`remind -z1`"), ("alertmanager", "Alertmanager 0.25, no alerts")):
        r = i["idle"].get(name)
        if r is None:
            continue
        sc = r.get("syscalls") or {}
        rows.append([label, fmt_mb(r["rss_mb"]), fmt_mb(r.get("anon_mb")), fmt_mb(r.get("hwm_mb")),
                     fmt_mb(r["rss_end_mb"]), r["threads"],
                     wake(r),
                     "%s (%s)" % (sc.get("calls", "—"), ", ".join(sc.get("top", []))) if sc else "—",
                     "—" if name == "deadlined" else ratio(base["rss_mb"], r["rss_mb"])])
    out.append(table(["process", "RSS", "of which anonymous", "peak RSS (start-up)", "RSS at end", "threads",
                      "context switches in %d s" % window,
                      "syscalls in %d s (strace -c -f)" % window, "deadlined RSS ÷ this"], rows))
    wd = i["idle"]["deadlined_watchdog"]
    out += ["", "WATCHDOG=1 datagrams received in the window: %s." % wd.get("watchdog_pings")]
    for name in ("deadlined", "deadlined_web", "deadlined_watchdog"):
        if name not in i["idle"]:
            continue
        by_thread = i["idle"][name]["wakeups"]["procfs"].get("by_thread")
        if by_thread is not None:
            out += ["", "Context switches of %s by thread (procfs): %s." % (
                name.replace("_", " + "), ", ".join("%s %d" % kv for kv in by_thread.items()) or "none")]
    d = i["day"]
    out += ["", "After a working day's burst (office variant, Monday 02/03/2026 08:00, both channels to the sinks):",
            "", table(["reminders at 08:00", "delivered", "burst took", "RSS before", "RSS after the burst",
                       "RSS after %d s idle" % window, "peak RSS", "threads", "context switches in %d s idle" % window],
                      [[d["expected"], d["delivered"], fmt_s(d["burst_seconds"]), fmt_mb(d["rss_before_mb"]),
                        fmt_mb(d["rss_after_burst_mb"]), fmt_mb(d["rss_after_idle_mb"]), fmt_mb(d["hwm_mb"]),
                        d["threads"], wake(d)]])]
    return out


def delivery(results):
    out = ["### (4) Delivery: N reminders falling due at one moment (latency from that moment to the sink)", ""]
    rows = []
    if "delivery" in results:
        out += [load_line(results["delivery"]), ""]
        for r in results["delivery"]["bursts"]:
            rows.append([deadlined_label(r),
                         fmt_n(r["n"]), fmt_n(r.get("delivered")), r["connections"], fmt_rate(r.get("rate")),
                         fmt_s(r.get("p50")), fmt_s(r.get("p99")), fmt_s(r.get("max")),
                         "%.2f ms" % r["cpu_ms_per_message"], fmt_mb(r["rss_after_mb"])])
    if "alternatives" in results:
        a = results["alternatives"]
        for key, label in (("cron_smtp", "cron script, one `curl smtp://` per email"),
                           ("cron_smtp_parallel", "cron script, one `curl smtp://` per email, %d loops in parallel"),
                           ("cron_webhook", "cron script, one `curl` per webhook"),
                           ("cron_webhook_parallel", "cron script, one `curl` per webhook, %d loops in parallel")):
            if key not in a:
                continue
            r = a[key]
            rows.append([label.replace("%d", str(r.get("parallel", 1))), fmt_n(r["n"]), fmt_n(r["received"]),
                         r["connections"], fmt_rate(r["rate"]), fmt_s(r.get("p50")), fmt_s(r.get("p99")),
                         fmt_s(r.get("max")), "—", "—"])
        for key in ("am_burst_small", "am_burst_large"):
            if key in a:
                r = a[key]
                rows.append(["Alertmanager 0.25 webhook (group_wait 0s, own parallelism)", fmt_n(r["n"]),
                             fmt_n(r["received"]), r["connections"], fmt_rate(r.get("rate")), fmt_s(r.get("p50")),
                             fmt_s(r.get("p99")), fmt_s(r.get("max")), "—", fmt_mb(r["rss_after_mb"])])
        for key, label in (("ceiling_smtp", "sink ceiling: Python smtplib, one connection"),
                           ("ceiling_http", "sink ceiling: one curl process, keep-alive")):
            r = a[key]
            rows.append([label, fmt_n(r["n"]), fmt_n(r["received"]), r["connections"], fmt_rate(r["rate"]), "—", "—",
                         "—", "—", "—"])
        out += [load_line(a), ""]
    out.append(table(["sender", "messages", "received", "connections", "rate", "latency p50", "p99", "max",
                      "sender CPU per message", "sender RSS after"], rows))
    return out


def burst_parallel(r):
    return r.get("parallel", 1)


def connections_text(c):
    return "1 connection" if c == 1 else "%d connections" % c


def deadlined_label(r):
    c = burst_parallel(r)
    return "deadlined, %s, %s" % ("SMTP" if r["kind"] == "smtp" else "webhook",
                                  "1 connection (sequential)" if c == 1 else "%d connections" % c)


def matching_burst(bursts, kind, n, parallel):
    """deadlined's burst to set beside another sender's: same kind, preferably the same size, then the same
    parallelism (or, with parallel None, the most connections measured)."""
    same_kind = [r for r in bursts if r["kind"] == kind]
    if not same_kind:
        return None
    same_n = [r for r in same_kind if r["n"] == n] or same_kind
    if parallel is None:
        return max(same_n, key=burst_parallel)
    return min(same_n, key=lambda r: (abs(burst_parallel(r) - parallel), burst_parallel(r)))


def side_by_side(results):
    out = ["### (5) Side by side: deadlined ÷ the alternative, same run", ""]
    rows = []
    if "planning" in results:
        for n, r in results["planning"]["sizes"].items():
            rows.append(["plan 365 days, %s deadlines: time (lower is better)" % fmt_n(n), "remind -s12",
                         bounded_ratio(r["plan_plain"], r["remind_s12"])])
            rows.append(["next reminder of each, %s deadlines: time" % fmt_n(n), "remind -n",
                         bounded_ratio(r["list"], r["remind_n"])])
            rows.append(["plan 365 days, %s deadlines: peak RSS" % fmt_n(n), "remind -s12",
                         ratio(r["plan_plain"]["maxrss_mb"], r["remind_s12"]["maxrss_mb"])])
    if "idle" in results:
        i = results["idle"]["idle"]
        for other, label in (("remind_z1", "remind -z1"), ("alertmanager", "Alertmanager")):
            rows.append(["idle RSS (lower is better)", label, ratio(i["deadlined"]["rss_mb"], i[other]["rss_mb"])])
            rows.append(["idle anonymous RSS (lower is better)", label,
                         ratio(i["deadlined"].get("anon_mb"), i[other].get("anon_mb"))])
            a, b = switches(i["deadlined"]), switches(i[other])
            rows.append(["idle wake-ups (context switches in %d s; fewer is better)" % results["idle"]["window"], label,
                         "%s vs %s" % (a, b)])
    if "delivery" in results and "alternatives" in results:
        bursts = results["delivery"]["bursts"]
        a = results["alternatives"]
        for kind, key in (("smtp", "cron_smtp"), ("webhook", "cron_webhook"), ("smtp", "cron_smtp_parallel"),
                          ("webhook", "cron_webhook_parallel")):
            if key not in a:
                continue
            parallel = a[key].get("parallel", 1)
            mine = matching_burst(bursts, kind, a[key]["n"], parallel)
            label = "cron + curl" if parallel == 1 else "cron + curl, %d in parallel" % parallel
            if mine:
                label += " (deadlined: %s)" % connections_text(burst_parallel(mine))
                rows.append(["%s throughput, %s (higher is better)" % (kind, fmt_n(mine["n"])), label,
                             ratio(mine.get("rate"), a[key]["rate"])])
                rows.append(["%s latency p99, %s vs %s (lower is better)" % (kind, fmt_n(mine["n"]), fmt_n(a[key]["n"])),
                             label, ratio(mine.get("p99"), a[key].get("p99"))])
        for key in ("am_burst_small", "am_burst_large"):
            if key in a:
                mine = matching_burst(bursts, "webhook", a[key]["n"], None)
                if mine:
                    label = "Alertmanager (deadlined: %s)" % connections_text(burst_parallel(mine))
                    rows.append(["webhook throughput, %s (higher is better)" % fmt_n(a[key]["n"]), label,
                                 ratio(mine.get("rate"), a[key].get("rate"))])
                    rows.append(["webhook latency p99, %s (lower is better)" % fmt_n(a[key]["n"]), label,
                                 ratio(mine.get("p99"), a[key].get("p99"))])
    out.append(table(["measure", "vs", "deadlined ÷ other"], rows))
    return out


def goals(results):
    """Issue 22's goals beside this run's figures: each row says the goal, the figure and whether it is met."""
    rows = []

    def row(what, goal, figure, met):
        rows.append([what, goal, figure, "—" if met is None else ("**met**" if met else "not met")])

    def at_most(value, limit):
        return None if value is None else value <= limit

    p = results.get("planning", {}).get("sizes", {})
    big = p.get("100000")
    if big:
        c, o = big["check"], big["plan_office"]
        row("`check`, 100 000 deadlines", "≤ 0.5 s, ≤ 100 MB", "%s, %s" % (timed(c), fmt_mb(c["maxrss_mb"])),
            at_most(c["wall"], 0.5) and at_most(c["maxrss_mb"], 100))
        row("`plan --json` for a year, 100 000 deadlines", "≤ 2 s, ≤ 150 MB",
            "%s, %s" % (timed(o), fmt_mb(o["maxrss_mb"])), at_most(o["wall"], 2) and at_most(o["maxrss_mb"], 150))
        n = big.get("remind_n")
        if n:
            row("the same, beside `remind -n` (next reminder of each only)", "faster",
                "%s ÷ %s = %s" % (timed(o), timed(n), bounded_ratio(o, n)), o["wall"] < n["wall"])
    sizes = list(p.items())
    if len(sizes) > 1:
        (na, a), (nb, b) = sizes[0], sizes[-1]
        k = exponent(a["plan_office"]["wall"], b["plan_office"]["wall"], int(na), int(nb))
        kc = exponent(a["check"]["wall"], b["check"]["wall"], int(na), int(nb))
        row("growth %s → %s deadlines (time ∝ n^k)" % (fmt_n(na), fmt_n(nb)), "linear (k ≈ 1)",
            "check k = %s, plan k = %s" % (kc, k), None)
    st = results.get("startup", {}).get("sizes", {}).get("100000")
    if st:
        row("start to `READY=1`, 100 000 deadlines", "≤ 1 s", fmt_s(st["ready"]), at_most(st["ready"], 1))
        row("reload (SIGHUP → `READY=1`), 100 000 deadlines", "≤ 1 s", fmt_s(st.get("reload")),
            at_most(st.get("reload"), 1))
        row("the daemon at rest, 100 000 deadlines", "≤ 100 MB", fmt_mb(st["rss_mb"]), at_most(st["rss_mb"], 100))
    if "idle" in results:
        i = results["idle"]["idle"]
        mine, am = i["deadlined"], i.get("alertmanager")
        row("RSS at rest, %s deadlines" % fmt_n(results["idle"]["size"]), "≤ 20 MB (≤ 0.65× Alertmanager)",
            "%s (%s Alertmanager's %s)" % (fmt_mb(mine["rss_mb"]), ratio(mine["rss_mb"], am and am["rss_mb"]),
                                          fmt_mb(am and am["rss_mb"])),
            at_most(mine["rss_mb"], 20))
        row("wake-ups at rest, %d s" % results["idle"]["window"], "0", str(switches(mine)), switches(mine) == 0)
    if "delivery" in results:
        bursts = results["delivery"]["bursts"]
        a = results.get("alternatives", {})
        hook = matching_burst(bursts, "webhook", 1000, None)
        mail = matching_burst(bursts, "smtp", 1000, None)
        am = a.get("am_burst_small")
        if hook and am:
            row("webhooks, burst of 1 000 (%s)" % connections_text(burst_parallel(hook)), "≥ Alertmanager's rate",
                "%s vs %s: %s" % (fmt_rate(hook.get("rate")), fmt_rate(am.get("rate")),
                                  ratio(hook.get("rate"), am.get("rate"))),
                (hook.get("rate") or 0) >= (am.get("rate") or 0))
        ceiling = a.get("ceiling_smtp")
        if mail and ceiling:
            row("emails, burst of 1 000 (%s)" % connections_text(burst_parallel(mail)),
                "≥ 80 % of the SMTP sink's rate from one client",
                "%s vs %s: %s" % (fmt_rate(mail.get("rate")), fmt_rate(ceiling.get("rate")),
                                  ratio(mail.get("rate"), ceiling.get("rate"))),
                (mail.get("rate") or 0) >= 0.8 * (ceiling.get("rate") or 0))
        for r in (hook, mail):
            if r:
                label = "webhook" if r["kind"] == "webhook" else "email"
                row("CPU per %s (%s)" % (label, connections_text(burst_parallel(r))), "≤ 0.3 ms",
                    "%.2f ms" % r["cpu_ms_per_message"], r["cpu_ms_per_message"] <= 0.3)
                row("p99 from due moment to the sink, 1 000 %ss" % label, "≤ 1 s", fmt_s(r.get("p99")),
                    at_most(r.get("p99"), 1))
    if not rows:
        return []
    return ["### Issue 22's goals in this run", "",
            table(["work", "goal", "this run", ""], rows)]


def render(results):
    m = results["machine"]
    out = ["## Results%s" % (" (smoke run: smallest size, short windows)" if results.get("smoke") else ""), "",
           "- Date: %s; command: `%s`; commit %s%s" % (m["date"], m["command"], m["commit"],
                                                       " with uncommitted changes to Sources/" if m["dirty"] else ""),
           "- Machine: %s, %s cores, %s RAM, Linux %s, %s" % (m["cpu"], m["cores"], m["memory"], m["kernel"], m["os"]),
           "- %s; Remind %s; Alertmanager %s; %s; %s" % (m["swift"], m["remind"], m["alertmanager"],
                                                        m["curl"].split(" (")[0], m["python"]),
           "- Wake-ups counted with perf: %s" % ("yes" if results.get("perf") else "no (procfs only)"), ""]
    out += goals(results) + [""]
    for name, render_section in (("planning", planning), ("startup", startup), ("idle", idle)):
        if name in results:
            out += render_section(results) + [""]
    if "delivery" in results or "alternatives" in results:
        out += delivery(results) + [""]
    out += side_by_side(results) + [""]
    return "\n".join(out)

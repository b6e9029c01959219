"""(1) Planning, and (5a) the same work with Remind.

For each size: `deadlinectl check` (load and validate), `deadlinectl plan --json` over the 365 days of 2026, on
the office variant (the defaults: reminders move off days off) and on the plain variant (pure calendar
arithmetic, exactly what the Remind file says); `remind -s12` (every trigger of those 12 months, the same
reminders) over the plain variant's Remind file; and `deadlinectl list` vs `remind -n` (each deadline's next
reminder). Wall time is the median of the runs; peak RSS (getrusage's ru_maxrss, what `time -v` prints) the
largest; output goes to a file (not a terminal), and the reminders in it are counted.
"""
import statistics

from procs import load_note, measure

FROM, TO = "01/01/2026", "01/01/2027"


def count_bytes(path, needle):
    """Occurrences of `needle` in a file of any size, read in 16 MB chunks."""
    count = 0
    tail = b""
    with open(path, "rb") as f:
        while True:
            chunk = f.read(1 << 24)
            if not chunk:
                break
            data = tail + chunk
            count += data.count(needle)
            tail = data[-(len(needle) - 1):] if len(needle) > 1 else b""
            count -= tail.count(needle)
    return count


def repeat(cmd, out, runs, timeout, counter=None):
    samples = []
    for _ in range(runs):
        sample = measure(cmd, out, timeout)
        samples.append(sample)
        if sample["rc"] != 0 or sample["timed_out"]:
            break
    last = samples[-1]
    row = {
        "runs": len(samples),
        "wall": statistics.median(s["wall"] for s in samples),
        "wall_min": min(s["wall"] for s in samples),
        "cpu": statistics.median(s["cpu"] for s in samples),
        "maxrss_mb": max(s["maxrss_mb"] for s in samples),
        "rc": last["rc"],
        "timed_out": last["timed_out"],
        "command": " ".join(cmd),
    }
    if counter and last["rc"] == 0 and not last["timed_out"]:
        row["items"] = counter(out)
    return row


def run(ctx, sizes, runs_by_size):
    results = {"load": load_note(), "sizes": {}}
    for n in sizes:
        runs = runs_by_size(n)
        office = ctx.config(n, "office")
        plain = ctx.config(n, "plain")
        out = ctx.path("plan-%d.out" % n)
        dl = ctx.deadlinectl
        rows = {}
        print("bench: planning, %d deadlines (%d run%s each)" % (n, runs, "" if runs == 1 else "s"), flush=True)
        rows["check"] = repeat([dl, "check", "--config", office.main], out, runs, ctx.timeout)
        plan = [dl, "plan", "--now", FROM, "--from", FROM, "--to", TO, "--json", "--config"]
        rows["plan_office"] = repeat(plan + [office.main], out, runs, ctx.timeout,
                                     lambda p: count_bytes(p, b'"deadline_id"'))
        rows["plan_plain"] = repeat(plan + [plain.main], out, runs, ctx.timeout,
                                    lambda p: count_bytes(p, b'"deadline_id"'))
        rows["remind_s12"] = repeat(["remind", "-s12", plain.remind, "1", "Jan", "2026"], out, runs,
                                    ctx.remind_timeout, lambda p: count_bytes(p, b"\n"))
        rows["list"] = repeat([dl, "list", "--now", FROM, "--json", "--config", plain.main], out, runs, ctx.timeout,
                              lambda p: count_bytes(p, b'"id"'))
        rows["remind_n"] = repeat(["remind", "-n", plain.remind, "1", "Jan", "2026"], out, runs,
                                  ctx.remind_timeout, lambda p: count_bytes(p, b"\n"))
        rows["files"] = office.files
        rows["remind_lines"] = plain.remind_lines
        results["sizes"][str(n)] = rows
        for name in ("check", "plan_office", "plan_plain", "remind_s12", "list", "remind_n"):
            r = rows[name]
            print("  %-12s %8.3f s  %8.1f MB  %s%s" % (name, r["wall"], r["maxrss_mb"], r.get("items", ""),
                                                     "  TIMED OUT" if r["timed_out"] else
                                                     ("" if r["rc"] == 0 else "  rc=%d" % r["rc"])), flush=True)
    return results

"""(4) Delivery: N reminders that fall due at one moment, sent by deadlined to a local SMTP or HTTP sink.

The burst configuration has N one-off deadlines due Monday 02/03/2026 17:00 with the single rule on_due, so all N
reminders fall due at 08:00:00 (one per deadline, each to one unit, all through one channel). deadlined starts
`lead` seconds before that moment (--pretend-now), plans, and sleeps on its timer until then.

Where 08:00:00 falls on the real clock: --pretend-now sets the daemon's clock offset in whole seconds, from the
system clock read right after the configuration is loaded (DaemonRunner.run). We time that load beforehand
(`deadlinectl check` on the same files) and start the daemon so that the read lands in the middle of a second;
then the offset, and so the real due moment R, are known exactly. Latency of each message = the sink's receive
time - R (one machine, one clock). Rates: (messages - 1) / (last - first receive), and messages / (last - R).
Each burst runs with the channel's `connections` set explicitly: 1 sends one reminder at a time over one kept
connection (sequential); C sends up to C at once, over C kept connections.
"""
import datetime
import math
import time

from alternatives import sink_records, wait_records
from daemon import Daemon
from procs import cpu_seconds, load_note, measure, proc_status, start_server, stop
import stats

DAY = datetime.datetime(2026, 3, 2, 8, 0, 0)  # Monday, not a holiday


def pretend_iso(seconds_before):
    moment = DAY - datetime.timedelta(seconds=seconds_before)
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + "+07:00"


def start_aligned(ctx, config, name, lead_hint=None):
    """Starts deadlined so that 08:00:00 (pretend) falls at a known real second R; returns (daemon, R, info)."""
    load = measure([ctx.deadlinectl, "check", "--config", config], ctx.path("load-estimate.out"), ctx.timeout)["wall"]
    lead = lead_hint or max(8, int(math.ceil(3 * load)) + 5)
    now = time.time()
    target = (0.5 - load) % 1.0  # exec at this fraction puts the clock read mid-second
    start_at = math.floor(now) + 1 + target
    time.sleep(max(0.0, start_at - time.time()))
    daemon = Daemon(ctx, config, name, pretend_iso(lead), stamp_stderr=True).start()
    base = math.floor(daemon.t_exec + load)
    info = {"lead": lead, "load_estimate": load}
    return daemon, base + lead, info


def check_alignment(daemon, base_second, info):
    """Records when the "configuration loaded" line arrived: the clock was read before it."""
    for stamp, line in daemon.stderr_lines:
        if b"configuration loaded" in line:
            info["loaded_line_after_exec"] = stamp - daemon.t_exec
            # The read happened in [exec, this line]; with the load as estimated, both ends are in one second.
            info["offset_certain"] = math.floor(stamp) == base_second and stamp - daemon.t_exec <= info[
                "load_estimate"] + 0.45
            break
    return info


def deadlined_burst(ctx, kind, n, connections):
    log = ctx.path("dl-%s-%d-c%d.jsonl" % (kind, n, connections))
    sink, port = start_server(ctx.smtp_sink if kind == "smtp" else ctx.http_sink, log)
    daemon = None
    try:
        config = ctx.burst_config(kind, n, int(port), connections)
        daemon, due, info = start_aligned(ctx, config.main, "burst-%s-%d-c%d" % (kind, n, connections))
        daemon.wait_planned(timeout=info["lead"])
        check_alignment(daemon, due - info["lead"], info)
        startup_rss = proc_status(daemon.pid)["VmRSS"]
        time.sleep(max(0.0, due - 0.3 - time.time()))
        cpu0 = cpu_seconds(daemon.pid)
        event = "message" if kind == "smtp" else "request"
        records = wait_records(log, event, n, ctx.timeout)
        cpu1 = cpu_seconds(daemon.pid)
        after = proc_status(daemon.pid)
    finally:
        if daemon is not None:
            daemon.stop()
        stop(sink)
    times = sorted(r["t"] for r in records)
    row = stats.burst(times, due, n)
    row.update(info)
    row.update({"connections": len(sink_records(log, "connect")), "cpu_seconds": cpu1 - cpu0,
                "cpu_ms_per_message": 1000.0 * (cpu1 - cpu0) / max(len(times), 1),
                "rss_before_mb": startup_rss, "rss_after_mb": after["VmRSS"], "hwm_mb": after["VmHWM"]})
    return row


def plan_for(smoke, connections):
    """(kind, messages, connections) of each burst: every setting at 1 000 emails and 1 000 webhooks (200 emails and
    1 000 webhooks in a smoke run); in a full run also 200 emails sequentially and 10 000 webhooks sequentially
    and at the highest setting."""
    if smoke:
        return [("smtp", 200, c) for c in connections] + [("webhook", 1000, c) for c in connections]
    most = max(connections)
    return ([("smtp", 200, 1)] + [("smtp", 1000, c) for c in connections] +
            [("webhook", 1000, c) for c in connections] + [("webhook", 10000, c) for c in sorted({1, most})])


def run(ctx, smoke, connections=(1,)):
    results = {"load": load_note(), "bursts": []}
    print("bench: delivery bursts (deadlined; connections per channel: %s)" % ", ".join(map(str, connections)),
          flush=True)
    for kind, n, c in plan_for(smoke, connections):
        row = deadlined_burst(ctx, kind, n, c)
        row["kind"] = kind
        row["parallel"] = c
        results["bursts"].append(row)
        print("  %-7s %6d, connections = %d: %s/%d delivered, %.1f msg/s (%.1f from due), latency p50 %.3f s "
              "p99 %.3f s, %d connection(s), CPU %.2f ms/msg" % (kind, n, c, row.get("delivered"), n,
                                                                 row.get("rate") or 0, row.get("rate_from_due") or 0,
                                                                 row.get("p50") or -1, row.get("p99") or -1,
                                                                 row["connections"], row["cpu_ms_per_message"]),
              flush=True)
    return results

"""(3) Idle cost: resident memory and wake-ups, deadlined side by side with `remind -z1` and Alertmanager.

Four idle processes run at once over the same window (idle processes do not compete for the CPU):
  deadlined            the office configuration at Monday 02/03/2026 07:00 (pretend-now): its next send time is an
                       hour away, so it should not wake at all;
  deadlined+web        the same with the web side on ([web] and its key, a listening socket handed over as systemd's
                       socket activation does): its event loop should sleep as the rest does;
  deadlined+watchdog   the same with WATCHDOG_USEC=20 s (it pings every 10 s, as sd_watchdog_enabled advises:
                       half the interval); the shipped unit has WatchdogSec=3min, i.e. one ping per 90 s;
  remind -z1           Remind's daemon mode on the same deadlines (it re-checks its file once a minute);
  alertmanager         with no alerts.
Wake-ups over the window are counted twice, independently:
  perf      `perf stat -e context-switches -p PID`: every time any thread of the process was switched out, threads
            created during the window included (perf's counters are inherited);
  procfs    voluntary + nonvoluntary context switches summed over /proc/PID/task/*/status, sampled every second
            (a thread that exits between samples loses its last second);
and, in a second window, `strace -c -f -p PID` counts system calls (attaching makes each thread restart its
blocked call once, so 1 call per thread is strace's own).

"After a day's work" replaces "after 24 simulated hours": a day of deadlined's life is its 08:00 burst (every
reminder of that day that moved to the working morning) and the h/m rules during office hours; between events it
sleeps without waking. So the run starts the office configuration at 07:59 (pretend-now) with both channels
pointed at the local sinks, waits until the sinks have received the whole burst, then reads resident memory and
counts wake-ups over the window. The next event is the next morning, so what it shows holds for the rest of the
day. A real 24-hour soak would add only timer expiries that do not happen.
"""
import os
import secrets
import subprocess
import threading
import time
import urllib.error
import urllib.request

from alternatives import Alertmanager, sink_records, wait_records
from daemon import Daemon
from delivery import start_aligned
from procs import PY, load_note, proc_status, spawn, start_server, stop, task_names, task_switches
from planning import count_bytes
import procs

HERE_BENCH = os.path.dirname(os.path.abspath(__file__))


class ProcfsSampler(threading.Thread):
    """Samples per-thread context switches of some processes every second."""

    def __init__(self, pids, seconds):
        super().__init__(daemon=True)
        self.pids = pids
        self.seconds = seconds
        self.first = {name: {} for name in pids}
        self.last = {name: {} for name in pids}
        self.names = {name: {} for name in pids}

    def run(self):
        end = time.monotonic() + self.seconds
        first_pass = True
        while True:
            for name, pid in self.pids.items():
                self.names[name].update(task_names(pid))
                for tid, count in task_switches(pid).items():
                    # A thread already there counts from its first sample; one born later counts from zero.
                    self.first[name].setdefault(tid, count if first_pass else 0)
                    self.last[name][tid] = count
            first_pass = False
            if time.monotonic() >= end:
                break
            time.sleep(min(1.0, max(0.0, end - time.monotonic())))

    def result(self, name):
        last, first = self.last[name], self.first[name]
        by_thread = {}
        for t in last:
            label = self.names[name].get(t, "?")
            by_thread[label] = by_thread.get(label, 0) + last[t] - first.get(t, 0)
        return {"switches": sum(last[t] - first.get(t, 0) for t in last), "threads_seen": len(last),
                "by_thread": {k: v for k, v in sorted(by_thread.items(), key=lambda kv: -kv[1]) if v}}


def count_wakeups(ctx, pids, seconds):
    """Context switches per process over `seconds`, with perf (if it works here) and procfs at the same time."""
    perf_runs = {}
    if ctx.perf:
        for name, pid in pids.items():
            out = ctx.path("perf-%s.csv" % name)
            perf_runs[name] = (spawn(["perf", "stat", "-x", ",", "-e", "context-switches", "-o", out, "-p", str(pid),
                                      "--", "sleep", str(seconds)], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL), out)
    sampler = ProcfsSampler(pids, seconds)
    sampler.start()
    sampler.join(seconds + 30)
    result = {}
    for name in pids:
        row = {"procfs": sampler.result(name)}
        if name in perf_runs:
            process, out = perf_runs[name]
            process.wait(timeout=seconds + 30)
            row["perf"] = parse_perf(out)
        result[name] = row
    return result


def parse_perf(path):
    try:
        with open(path) as f:
            for line in f:
                fields = line.strip().split(",")
                if len(fields) > 2 and fields[2] == "context-switches":
                    return int(fields[0]) if fields[0].isdigit() else 0
    except FileNotFoundError:
        pass
    return None


def count_syscalls(ctx, pids, seconds):
    runs = {}
    for name, pid in pids.items():
        out = ctx.path("strace-%s.txt" % name)
        runs[name] = (spawn(["strace", "-c", "-f", "-p", str(pid), "-o", out], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL), out)
    time.sleep(seconds)
    result = {}
    for name, (process, out) in runs.items():
        process.send_signal(2)  # SIGINT: strace detaches and writes its summary
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            stop(process)
        result[name] = parse_strace(out)
    return result


def parse_strace(path):
    calls, top = 0, []
    try:
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 5 and parts[-1] == "total":
                    calls = int(parts[3])
                elif len(parts) >= 5 and parts[0][0].isdigit() and parts[3].isdigit():
                    top.append((int(parts[3]), parts[-1]))
    except FileNotFoundError:
        return None
    top.sort(reverse=True)
    return {"calls": calls, "top": ["%s %d" % (name, n) for n, name in top[:4]]}


def run_idle(ctx, n, window):
    office = ctx.config(n, "office")
    plain = ctx.config(n, "plain")
    subjects = {}
    daemons = []
    remind = manager = None
    print("bench: idle, %d deadlines, %d s windows" % (n, window), flush=True)
    try:
        quiet = Daemon(ctx, office.main, "idle", "02/03/2026 07:00").start()
        daemons.append(quiet)
        watched = Daemon(ctx, office.main, "idle-watchdog", "02/03/2026 07:00", watchdog_usec=20_000_000).start()
        daemons.append(watched)
        web = Daemon(ctx, web_config(ctx, office.main), "idle-web", "02/03/2026 07:00", launcher=web_launcher(ctx)).start()
        daemons.append(web)
        for d in daemons:
            d.wait_ready()
            d.wait_planned()
        subjects["deadlined"] = quiet.pid
        subjects["deadlined_watchdog"] = watched.pid
        subjects["deadlined_web"] = web.pid
        wait_for_text(web.stderr_path, "serving the web side", 30)
        fetch_web_pages(web)  # served once: what an idle site costs after it has answered, not before
        remind = spawn(["remind", "-z1", plain.remind], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        subjects["remind_z1"] = remind.pid
        sink, port = start_server(ctx.http_sink, ctx.path("idle-am.jsonl"))
        manager = Alertmanager(ctx, "idle", port)
        subjects["alertmanager"] = manager.pid
        time.sleep(5.0)
        rss_start = {name: proc_status(pid) for name, pid in subjects.items()}
        t0 = time.time()
        wakeups = count_wakeups(ctx, subjects, window)
        t1 = time.time()
        pings = watched.watchdog_pings(t0, t1)
        syscalls = count_syscalls(ctx, subjects, window) if ctx.strace else {}
        rss_end = {name: proc_status(pid) for name, pid in subjects.items()}
    finally:
        for d in daemons:
            d.stop()
        if remind is not None:
            stop(remind)
        if manager is not None:
            manager.stop()
    out = {}
    for name in subjects:
        out[name] = {"rss_mb": rss_start[name]["VmRSS"], "rss_end_mb": rss_end[name]["VmRSS"],
                     "anon_mb": rss_start[name].get("RssAnon"), "hwm_mb": rss_start[name].get("VmHWM"),
                     "threads": rss_start[name]["Threads"], "wakeups": wakeups[name],
                     "syscalls": syscalls.get(name)}
    out["deadlined_watchdog"]["watchdog_pings"] = pings
    return out


def web_config(ctx, main):
    """The main file with the web side turned on, beside it (its drop-ins stay relative to it)."""
    key = ctx.path("idle-web-key")
    with open(key, "w") as f:
        f.write(secrets.token_hex(32) + "\n")
    os.chmod(key, 0o600)
    path = os.path.join(os.path.dirname(main), "deadlined-web.toml")
    with open(main) as f:
        text = f.read()
    with open(path, "w") as f:
        f.write(text + '\n[web]\npublic_url = "http://127.0.0.1"\nkey_file = "%s"\n' % key)
    return path


def web_launcher(ctx):
    launcher = os.path.join(os.path.dirname(os.path.dirname(HERE_BENCH)), "Tests", "Servers", "socket_activate.py")
    return [PY, launcher, "--port-file", ctx.path("idle-web-port"), "--"]


def wait_for_text(path, text, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            with open(path, errors="replace") as f:
                if text in f.read():
                    return True
        except FileNotFoundError:
            pass
        time.sleep(0.2)
    raise RuntimeError("%s: no '%s' within %d s" % (path, text, timeout))


def fetch_web_pages(daemon):
    with open(daemon.ctx.path("idle-web-port")) as f:
        port = int(f.read())
    for path in ("/robots.txt", "/xac-nhan/AAAA", "/bao-cao/AAAA"):
        try:
            urllib.request.urlopen("http://127.0.0.1:%d%s" % (port, path), timeout=10).read()
        except urllib.error.HTTPError:
            pass


def run_day(ctx, n, window):
    """deadlined's working day: the 08:00 burst of the office configuration to both sinks, then idle."""
    smtp_log, http_log = ctx.path("day-smtp.jsonl"), ctx.path("day-http.jsonl")
    smtp, smtp_port = start_server(ctx.smtp_sink, smtp_log)
    http, http_port = start_server(ctx.http_sink, http_log)
    daemon = None
    print("bench: a working day, %d deadlines" % n, flush=True)
    try:
        config = ctx.office_config_with_ports(n, int(smtp_port), int(http_port))
        expected_out = ctx.path("day-plan.json")
        subprocess.run([ctx.deadlinectl, "plan", "--config", config.main, "--now", "02/03/2026 07:00", "--from",
                        "02/03/2026 08:00", "--to", "02/03/2026 08:01", "--json"],
                       stdout=open(expected_out, "wb"), check=True)
        expected = count_bytes(expected_out, b'"deadline_id"')
        daemon, due, info = start_aligned(ctx, config.main, "day")
        daemon.wait_planned(timeout=info["lead"])
        before = proc_status(daemon.pid)
        end = time.monotonic() + ctx.timeout
        while time.monotonic() < end:
            got = len(sink_records(smtp_log, "message")) + len(sink_records(http_log, "request"))
            if got >= expected:
                break
            time.sleep(0.2)
        finished = time.time()
        time.sleep(2.0)
        after_burst = proc_status(daemon.pid)
        wakeups = count_wakeups(ctx, {"deadlined_day": daemon.pid}, window)["deadlined_day"]
        after_idle = proc_status(daemon.pid)
    finally:
        if daemon is not None:
            daemon.stop()
        stop(smtp)
        stop(http)
    return {"expected": expected, "delivered": got, "burst_seconds": finished - due,
            "rss_before_mb": before["VmRSS"], "rss_after_burst_mb": after_burst["VmRSS"],
            "rss_after_idle_mb": after_idle["VmRSS"], "hwm_mb": after_idle["VmHWM"],
            "threads": after_idle["Threads"], "wakeups": wakeups}


def run(ctx, n, window):
    results = {"load": load_note(), "size": n, "window": window}
    results["idle"] = run_idle(ctx, n, window)
    results["day"] = run_day(ctx, n, window)
    for name, row in list(results["idle"].items()) + [("after a day", results["day"])]:
        print("  %-20s %s" % (name, row), flush=True)
    return results

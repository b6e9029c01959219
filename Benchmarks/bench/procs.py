"""Starting, measuring and always stopping the processes of a benchmark run.

Every process the benchmarks start goes through `spawn`, and `stop_all` (called from `run.py`'s `finally`, and on
SIGTERM/SIGINT) stops each one by its PID: SIGTERM, then SIGKILL after a grace period. Nothing is stopped by name.
"""
import os
import select
import signal
import subprocess
import threading
import time

PY = "/usr/bin/python3"
STARTED = []


def spawn(cmd, **kwargs):
    """Starts `cmd` and remembers it, so `stop_all` stops it even if the benchmark fails."""
    process = subprocess.Popen(cmd, **kwargs)
    STARTED.append(process)
    return process


def stop(process, grace=10.0):
    """SIGTERM, wait up to `grace` seconds, then SIGKILL; returns the exit status."""
    if process.poll() is None:
        try:
            process.send_signal(signal.SIGTERM)
            return process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
    return process.wait()


def stop_all():
    while STARTED:
        process = STARTED.pop()
        try:
            stop(process, grace=5.0)
        except Exception:  # keep stopping the others
            pass


def install_signal_handlers():
    def interrupted(signum, _frame):
        raise SystemExit("bench: stopped by signal %d" % signum)

    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGINT, interrupted)


def read_ready(process, timeout=30.0):
    """Reads the "READY <value>" line a test server prints; returns the value."""
    end = time.monotonic() + timeout
    buffer = b""
    while time.monotonic() < end:
        readable, _, _ = select.select([process.stdout], [], [], 0.2)
        if readable:
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                break
            buffer += chunk
            if b"\n" in buffer:
                line = buffer.split(b"\n")[0].decode()
                if line.startswith("READY "):
                    return line.split(" ", 1)[1]
        if process.poll() is not None:
            break
    raise RuntimeError("server did not print READY: %r" % buffer)


def start_server(script, log, *extra):
    process = spawn([PY, script, "--log", log, *extra], stdout=subprocess.PIPE)
    return process, read_ready(process)


GNU_TIME = "/usr/bin/time"


def measure(cmd, stdout_path, timeout, env=None, cwd=None):
    """Runs `cmd` once with stdout to a file; wall time, CPU and peak RSS.

    Peak RSS comes from GNU time (`%M`), not from this process's wait4: Linux keeps a child's ru_maxrss across
    execve, so a child forked from this Python process would report at least Python's own resident size (30-90 MB
    here) and hide how little a small program such as remind uses. GNU time is a small C program; its own floor is
    about 2 MB."""
    rss_path = stdout_path + ".rss"
    wrapped = [GNU_TIME, "-f", "%M", "-o", rss_path] + list(cmd) if os.access(GNU_TIME, os.X_OK) else cmd
    with open(stdout_path, "wb") as out, open(stdout_path + ".err", "wb") as err:
        start = time.perf_counter()
        # Its own process group, so that a timeout stops the command under GNU time too (by the group's id).
        process = subprocess.Popen(wrapped, stdout=out, stderr=err, env=env, cwd=cwd, start_new_session=True)
        timer = threading.Timer(timeout, lambda: os.killpg(process.pid, signal.SIGKILL))
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    maxrss_kb = usage.ru_maxrss
    if wrapped is not cmd:
        try:
            with open(rss_path) as f:
                maxrss_kb = int(f.read().split()[-1])  # GNU time writes "Command exited with non-zero status N" first
        except (OSError, ValueError, IndexError):
            pass
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "maxrss_mb": maxrss_kb / 1024.0,
        "rc": process.returncode,
        "timed_out": wall >= timeout,
    }


def proc_status(pid):
    """VmRSS, VmHWM (peak RSS), RssAnon (private heap and stacks: RSS without the mapped, shared program and
    library files) in MB and thread count, from /proc/PID/status."""
    out = {}
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            name, _, value = line.partition(":")
            if name in ("VmRSS", "VmHWM", "RssAnon"):
                out[name] = int(value.split()[0]) / 1024.0
            elif name == "Threads":
                out["Threads"] = int(value)
    return out


def cpu_seconds(pid):
    """User + system CPU time of the whole process (all threads, living and exited), from /proc/PID/stat."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def task_names(pid):
    """{tid: thread name} for every thread now alive (libdispatch's manager thread shows as "-qos.overcommit")."""
    out = {}
    try:
        tids = os.listdir("/proc/%d/task" % pid)
    except FileNotFoundError:
        return out
    for tid in tids:
        try:
            with open("/proc/%d/task/%s/comm" % (pid, tid)) as f:
                out[int(tid)] = f.read().strip()
        except FileNotFoundError:
            pass
    return out


def task_switches(pid):
    """{tid: voluntary + nonvoluntary context switches} for every thread now alive."""
    out = {}
    try:
        tids = os.listdir("/proc/%d/task" % pid)
    except FileNotFoundError:
        return out
    for tid in tids:
        try:
            with open("/proc/%d/task/%s/status" % (pid, tid)) as f:
                total = 0
                for line in f:
                    if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                        total += int(line.split()[1])
                out[int(tid)] = total
        except FileNotFoundError:
            pass
    return out


def cpu_busy(seconds=1.0):
    """Share of the machine's CPU time (all cores) spent busy over the next `seconds`, from /proc/stat."""
    def sample():
        with open("/proc/stat") as f:
            values = [int(v) for v in f.readline().split()[1:]]
        idle = values[3] + values[4]
        return sum(values), idle
    total0, idle0 = sample()
    time.sleep(seconds)
    total1, idle1 = sample()
    return 1.0 - (idle1 - idle0) / max(total1 - total0, 1)


def load_note():
    """The load average, the CPU busy share just before (we run nothing then), and other busy processes."""
    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    busy_now = cpu_busy(1.0)
    ps = subprocess.run(["ps", "-eo", "pid,pcpu,comm", "--sort=-pcpu", "--no-headers"], capture_output=True,
                        text=True).stdout.splitlines()
    mine = {os.getpid()} | {p.pid for p in STARTED}
    busy = []
    for line in ps[:8]:
        parts = line.split(None, 2)
        if len(parts) == 3 and int(parts[0]) not in mine and float(parts[1]) >= 5.0:
            busy.append("%s %s%%" % (parts[2], parts[1]))
    return {"loadavg": load, "cpu_busy_before": round(busy_now, 3), "busy_others": busy}

"""(2) Start-up: exec to READY=1, and exec to the first wake-up done, through a real NOTIFY_SOCKET.

deadlined sends READY=1 once the configuration is loaded, the ledger open and the control socket listening, and
before its first wake-up; the first wake-up (plan the window around now, record what is due, compute the next
send time) ends with a STATUS= "N hạn, lời nhắc tiếp theo ..." datagram, after which the daemon sleeps. Both are
stamped by the listener. Each run starts on a fresh state directory (a first start: the ledger is created) at
Monday 02/03/2026 07:00 (pretend-now): nothing falls due in the catch-up window, so nothing is sent. Resident
memory is read from /proc/PID/status 2 s after the daemon went to sleep; then SIGHUP, and the time from the signal
to the READY=1 that ends the reload (the same files loaded and checked again, the configuration swapped); then
SIGTERM, and the time to exit.
"""
import statistics
import time

from daemon import Daemon
from procs import load_note, proc_status

PRETEND = "02/03/2026 07:00"


def run(ctx, sizes, runs_by_size):
    results = {"load": load_note(), "sizes": {}}
    for n in sizes:
        config = ctx.config(n, "office")
        samples = []
        print("bench: start-up, %d deadlines" % n, flush=True)
        for i in range(runs_by_size(n)):
            daemon = Daemon(ctx, config.main, "startup-%d-%d" % (n, i), PRETEND).start()
            try:
                ready = daemon.wait_ready()
                planned = daemon.wait_planned()
                time.sleep(2.0)
                status = proc_status(daemon.pid)
                reload_seconds = daemon.reload()
            finally:
                stop_seconds = daemon.stop()
            samples.append({"ready": ready - daemon.t_exec, "planned": planned - daemon.t_exec,
                            "rss_mb": status["VmRSS"], "hwm_mb": status["VmHWM"], "threads": status["Threads"],
                            "reload": reload_seconds, "stop": stop_seconds})
            print("  run %d: READY=1 %.3f s, asleep %.3f s, RSS %.1f MB (peak %.1f), %d threads, reload %.3f s, "
                  "stop %.3f s"
                  % (i + 1, samples[-1]["ready"], samples[-1]["planned"], status["VmRSS"], status["VmHWM"],
                     status["Threads"], reload_seconds, stop_seconds), flush=True)
        results["sizes"][str(n)] = {
            "runs": len(samples),
            "ready": statistics.median(s["ready"] for s in samples),
            "planned": statistics.median(s["planned"] for s in samples),
            "rss_mb": statistics.median(s["rss_mb"] for s in samples),
            "hwm_mb": max(s["hwm_mb"] for s in samples),
            "threads": samples[-1]["threads"],
            "reload": statistics.median(s["reload"] for s in samples),
            "stop": statistics.median(s["stop"] for s in samples),
        }
    return results

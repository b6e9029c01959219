#!/usr/bin/python3
"""deadlined's benchmarks: planning, start-up, idle cost and delivery, side by side with Remind, a cron + curl
script and Prometheus Alertmanager, in one run. Nothing here passes or fails; it measures and prints tables.

    Benchmarks/run.py [--smoke] [--sizes 1000,10000,100000] [--only SECTION,...] [--bin DIR] [--window 60]
                      [--connections 1,4,8]

Sections: planning, startup, idle, delivery, alternatives (default: all). Binaries come from --bin (default
.build-bench/release, built by `make bench`). Scratch files go to .build-bench/bench/ (removed at the start of each
run); the results are written there as results.json and results.md, and the tables are printed.
Every process started is stopped by its PID when the run ends, fails or is interrupted. See BENCHMARKS.md.
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "bench"))

import procs  # noqa: E402
import report  # noqa: E402

ROOT = os.path.dirname(HERE)
SECTIONS = ["planning", "startup", "idle", "delivery", "alternatives"]


class Config:
    def __init__(self, directory):
        self.dir = directory
        self.main = os.path.join(directory, "deadlined.toml")
        self.remind = os.path.join(directory, "reminders.rem")
        self.files = len(os.listdir(os.path.join(directory, "deadlines.d")))
        with open(self.remind, "rb") as f:
            self.remind_lines = sum(1 for line in f if line.startswith(b"REM"))


class Context:
    def __init__(self, arguments):
        self.bin = os.path.abspath(arguments.bin)
        self.work = os.path.join(ROOT, ".build-bench", "bench")
        shutil.rmtree(self.work, ignore_errors=True)
        os.makedirs(self.work)
        self.servers = os.path.join(HERE, "servers")
        self.smtp_sink = os.path.join(self.servers, "smtp_sink.py")
        self.http_sink = os.path.join(self.servers, "http_sink.py")
        self.cron_curl = os.path.join(HERE, "cron_curl.sh")
        self.generator = os.path.join(HERE, "gen_config.py")
        self.deadlined = os.path.join(self.bin, "deadlined")
        self.deadlinectl = os.path.join(self.bin, "deadlinectl")
        self.alertmanager = shutil.which("prometheus-alertmanager") or shutil.which("alertmanager")
        self.timeout = 900.0
        self.remind_timeout = 60.0 if arguments.smoke else 300.0
        self.perf = self._perf_works()
        self.strace = shutil.which("strace") is not None
        self._configs = {}
        self._serial = 0
        for tool in (self.deadlined, self.deadlinectl):
            if not os.access(tool, os.X_OK):
                sys.exit("bench: %s is missing; build with `swift build -c release --scratch-path .build-bench`" % tool)
        for tool in ("remind", "curl"):
            if not shutil.which(tool):
                sys.exit("bench: %s is missing; run scripts/install-deps.sh bench" % tool)
        if not self.alertmanager:
            sys.exit("bench: prometheus-alertmanager is missing; run scripts/install-deps.sh bench")

    @staticmethod
    def _perf_works():
        if not shutil.which("perf"):
            return False
        probe = subprocess.run(["perf", "stat", "-x", ",", "-e", "context-switches", "true"], capture_output=True,
                               text=True)
        return probe.returncode == 0 and "context-switches" in probe.stderr and "<not supported>" not in probe.stderr

    def path(self, name):
        return os.path.join(self.work, name)

    def fresh_dir(self, name):
        self._serial += 1
        directory = os.path.join(self.work, "%03d-%s" % (self._serial, name))
        os.makedirs(directory)
        return directory

    @staticmethod
    def free_port():
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]

    def generate(self, directory, *arguments):
        subprocess.run([procs.PY, self.generator, "--out", directory, *arguments], check=True)
        return Config(directory)

    def config(self, n, variant):
        """The planning configurations: generated once per run, channels on ports nothing listens on."""
        key = (n, variant)
        if key not in self._configs:
            self._configs[key] = self.generate(self.path("cfg-%s-%d" % (variant, n)), "--deadlines", str(n),
                                               "--variant", variant, "--smtp-port", "9", "--http-port", "9")
        return self._configs[key]

    def burst_config(self, kind, n, port, connections):
        return self.generate(self.fresh_dir("burst-%s-%d-c%d" % (kind, n, connections)), "--burst", str(n),
                             "--channel", kind, "--connections", str(connections),
                             "--smtp-port" if kind == "smtp" else "--http-port", str(port))

    def office_config_with_ports(self, n, smtp_port, http_port):
        return self.generate(self.fresh_dir("day-%d" % n), "--deadlines", str(n), "--variant", "office",
                             "--smtp-port", str(smtp_port), "--http-port", str(http_port))


def machine():
    def first(path, prefix, separator=":"):
        try:
            with open(path) as f:
                for line in f:
                    if line.startswith(prefix):
                        return line.split(separator, 1)[1].strip()
        except OSError:
            pass
        return "?"

    def version(cmd):
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
            return (out.stdout + out.stderr).strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return "?"

    git = lambda *a: subprocess.run(["git", "-C", ROOT, *a], capture_output=True, text=True).stdout.strip()
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": first("/proc/cpuinfo", "model name"),
        "cores": os.cpu_count(),
        "memory": first("/proc/meminfo", "MemTotal"),
        "kernel": platform.release(),
        "os": first("/etc/os-release", "PRETTY_NAME", "=").strip('"'),
        "swift": version(["swift", "--version"]),
        "remind": subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "remind"], capture_output=True,
                                 text=True).stdout,
        "alertmanager": subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "prometheus-alertmanager"],
                                       capture_output=True, text=True).stdout,
        "curl": version(["curl", "--version"]),
        "python": version([procs.PY, "--version"]),
        "commit": git("rev-parse", "--short", "HEAD"),
        "dirty": git("status", "--porcelain", "--untracked-files=no", "--", "Sources", "Package.swift") != "",
        "command": " ".join([os.path.relpath(sys.argv[0], ROOT)] + sys.argv[1:]),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="smallest size, one run, short windows (< 2 min)")
    parser.add_argument("--sizes", default=None, help="comma-separated deadline counts (default 1000,10000,100000)")
    parser.add_argument("--only", default=",".join(SECTIONS))
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build-bench", "release"))
    parser.add_argument("--window", type=int, default=None, help="idle window in seconds (default 60; smoke 10)")
    parser.add_argument("--connections", default=None,
                        help="delivery: deadlined's `connections` per channel to measure, comma-separated; 1 is "
                             "sequential (default 1,4,8; smoke 1,4)")
    parser.add_argument("--idle-size", type=int, default=None,
                        help="deadlines for the idle section (default 1000, as issue 22 states its goal at rest)")
    arguments = parser.parse_args()
    sizes = [int(s) for s in (arguments.sizes or ("1000" if arguments.smoke else "1000,10000,100000")).split(",")]
    window = arguments.window or (10 if arguments.smoke else 60)
    idle_size = arguments.idle_size or 1000
    only = [s for s in arguments.only.split(",") if s]
    for s in only:
        if s not in SECTIONS:
            sys.exit("bench: unknown section %r (sections: %s)" % (s, ", ".join(SECTIONS)))

    procs.install_signal_handlers()
    ctx = Context(arguments)
    results = {"machine": machine(), "smoke": arguments.smoke, "sizes": sizes, "perf": ctx.perf}
    if arguments.smoke:
        runs = lambda n: 1
    else:
        runs = lambda n: 5 if n <= 1000 else (3 if n <= 10000 else 1)
    started = time.time()
    try:
        import planning, startup, idle, delivery, alternatives  # noqa: E401
        if "planning" in only:
            results["planning"] = planning.run(ctx, sizes, runs)
        if "startup" in only:
            results["startup"] = startup.run(ctx, sizes, lambda n: 1 if arguments.smoke else (3 if n <= 10000 else 2))
        if "idle" in only:
            results["idle"] = idle.run(ctx, idle_size, window)
        if "delivery" in only:
            connections = [int(c) for c in (arguments.connections or ("1,4" if arguments.smoke else "1,4,8")).split(",")]
            results["delivery"] = delivery.run(ctx, arguments.smoke, connections)
        if "alternatives" in only:
            results["alternatives"] = alternatives.run(ctx, arguments.smoke)
    finally:
        procs.stop_all()
        results["seconds"] = time.time() - started
        with open(ctx.path("results.json"), "w") as f:
            json.dump(results, f, indent=1)
    text = report.render(results)
    with open(ctx.path("results.md"), "w") as f:
        f.write(text)
    print()
    print(text)
    print("bench: %.0f s; results in %s" % (results["seconds"], ctx.path("results.{json,md}")))


if __name__ == "__main__":
    main()

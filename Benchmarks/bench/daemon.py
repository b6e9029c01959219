"""Running deadlined as systemd would: a real NOTIFY_SOCKET, optionally WATCHDOG_USEC, its own state directory.

`Daemon.start` records the wall-clock time just before exec; the NOTIFY_SOCKET listener stamps every datagram with
its receive time, so "exec to READY=1" is measured on one clock without touching deadlined's code.
"""
import json
import os
import signal
import subprocess
import threading
import time

from procs import PY, spawn, stop, read_ready


class Daemon:
    def __init__(self, ctx, config, name, pretend_now, watchdog_usec=None, stamp_stderr=False, launcher=None):
        self.ctx = ctx
        self.launcher = launcher or []  # e.g. Tests/Servers/socket_activate.py: a listening socket as systemd hands it
        self.config = config
        self.dir = ctx.fresh_dir("daemon-" + name)
        self.state = os.path.join(self.dir, "state")
        os.makedirs(self.state)
        self.socket = os.path.join(self.dir, "notify.sock")
        self.notify_log = os.path.join(self.dir, "notify.jsonl")
        self.stderr_path = os.path.join(self.dir, "stderr.log")
        self.pretend_now = pretend_now
        self.watchdog_usec = watchdog_usec
        self.stamp_stderr = stamp_stderr
        self.stderr_lines = []  # (receive time, line) when stamp_stderr
        self.process = None
        self.listener = None
        self.t_exec = None

    def start(self):
        self.listener = spawn([PY, os.path.join(self.ctx.servers, "notify_listener.py"), "--socket", self.socket,
                               "--log", self.notify_log, "--lifetime", "3600"], stdout=subprocess.PIPE)
        read_ready(self.listener)
        env = {k: v for k, v in os.environ.items()
               if k not in ("NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID", "INVOCATION_ID", "JOURNAL_STREAM")}
        env["NOTIFY_SOCKET"] = self.socket
        env["STATE_DIRECTORY"] = self.state
        if self.watchdog_usec:
            env["WATCHDOG_USEC"] = str(self.watchdog_usec)
        cmd = self.launcher + [self.ctx.deadlined, "--config", self.config, "--log-target", "console", "--log-level", "info"]
        if self.pretend_now:
            cmd += ["--pretend-now", self.pretend_now]
        if self.stamp_stderr:
            self.t_exec = time.time()
            self.process = spawn(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            threading.Thread(target=self._read_stderr, daemon=True).start()
        else:
            err = open(self.stderr_path, "wb")
            self.t_exec = time.time()
            self.process = spawn(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err)
            err.close()
        return self

    def _read_stderr(self):
        with open(self.stderr_path, "wb") as out:
            for line in self.process.stderr:
                self.stderr_lines.append((time.time(), line))
                out.write(line)

    @property
    def pid(self):
        return self.process.pid

    def notifications(self):
        try:
            with open(self.notify_log) as f:
                return [json.loads(line) for line in f if line.endswith("\n") and line.strip()]
        except FileNotFoundError:
            return []

    def wait_for(self, predicate, timeout):
        """The receive time of the first datagram whose fields satisfy `predicate`, waiting up to `timeout`."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            for record in self.notifications():
                if predicate(record["fields"]):
                    return record["t"]
            if self.process.poll() is not None:
                raise RuntimeError("deadlined exited with %s; see %s" % (self.process.returncode, self.stderr_path))
            time.sleep(0.01)
        raise RuntimeError("deadlined: no such notification within %.0f s; see %s" % (timeout, self.stderr_path))

    def wait_ready(self, timeout=600.0):
        return self.wait_for(lambda fields: "READY=1" in fields, timeout)

    def wait_planned(self, timeout=600.0):
        """The first STATUS= after READY=1's "started": the first wake-up is done and the daemon sleeps."""
        return self.wait_for(
            lambda fields: any(f.startswith("STATUS=") and f != "STATUS=started" for f in fields)
            and "READY=1" not in fields, timeout)

    def reload(self, timeout=600.0):
        """SIGHUP, as `systemctl reload` sends it; returns seconds from the signal to the READY=1 that ends the reload
        (deadlined sends RELOADING=1, loads and checks every file, swaps the configuration, then READY=1)."""
        seen = len(self.notifications())
        t0 = time.time()
        self.process.send_signal(signal.SIGHUP)
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            records = self.notifications()[seen:]
            reloading = [i for i, r in enumerate(records) if "RELOADING=1" in r["fields"]]
            if reloading:
                for r in records[reloading[0]:]:
                    if "READY=1" in r["fields"]:
                        return r["t"] - t0
            if self.process.poll() is not None:
                raise RuntimeError("deadlined exited with %s; see %s" % (self.process.returncode, self.stderr_path))
            time.sleep(0.01)
        raise RuntimeError("deadlined: no READY=1 after SIGHUP within %.0f s; see %s" % (timeout, self.stderr_path))

    def watchdog_pings(self, since, until):
        return sum(1 for r in self.notifications() if since <= r["t"] < until and "WATCHDOG=1" in r["fields"])

    def stop(self):
        """SIGTERM; returns seconds until the process exited."""
        t0 = time.time()
        if self.process is not None:
            stop(self.process, grace=30.0)
        elapsed = time.time() - t0
        if self.listener is not None:
            stop(self.listener)
        return elapsed

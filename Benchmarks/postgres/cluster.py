#!/usr/bin/python3
"""Several deadlined on one PostgreSQL ledger: reminders per second for 1, 2 and 3 instances, and the time another
instance takes to send what a `kill -9`ed one held.

    Benchmarks/postgres/cluster.py --bin "$(Benchmarks/build.sh)"           # release build, as BENCHMARKS.md
    Benchmarks/postgres/cluster.py --bin .build/debug --reminders 300 --quick  # a quick look

Everything runs on this machine, on loopback: a throwaway PostgreSQL cluster (Debian's `postgresql` package:
initdb into a temporary folder, `postgres` on a free port, as the `postgres` user when run as root; stopped by
PID), the SMTP sink of Benchmarks/servers (no TLS, no delay), and the daemons, each with its own state directory
and the same configuration: `--reminders` units with one reminder each, all due at the same moment (their clock
is pretended, `--pretend-now`, a few seconds before it).

Throughput: reminders / (last message received - due moment), on the sink's clock; every reminder must arrive
exactly once (the run fails otherwise). Takeover: two instances, plenty of reminders in flight; one is killed
with SIGKILL while it holds a lease; the time from the kill until the other instance has recorded every reminder
the dead one held as sent. It is bounded by `[store] lease` (renewed every third of it), measured for the default
lease (30 s) and a short one.
"""
import argparse
import datetime
import glob
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "bench"))
from procs import PY, spawn, stop, stop_all, install_signal_handlers, start_server  # noqa: E402

USER = "deadlined"
PASSWORD = "bench-mật-khẩu"
DUE_UTC = datetime.datetime(2021, 3, 1, 1, 0, 0, tzinfo=datetime.timezone.utc)  # 08:00 in Hanoi, 7 days before


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Postgres:
    """A throwaway cluster: initdb, postgres on 127.0.0.1 and a Unix socket, stopped by PID."""

    def __init__(self, root, durable=True):
        bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(p.split("/")[4]))
        if not bins:
            raise SystemExit("bench: PostgreSQL is not installed (apt-get install postgresql)")
        self.bin = os.path.dirname(bins[-1])
        self.dir = os.path.join(root, "pg")
        os.makedirs(self.dir)
        self.port = free_port()
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            entry = pwd.getpwnam("postgres")
            os.chown(root, entry.pw_uid, entry.pw_gid)
            os.chown(self.dir, entry.pw_uid, entry.pw_gid)
        pwfile = os.path.join(self.dir, "pw")
        with open(pwfile, "w") as f:
            f.write("postgres")
        if self.as_postgres:
            os.chown(pwfile, entry.pw_uid, entry.pw_gid)
        subprocess.run(self.cmd("initdb", "-D", self.dir + "/data", "-U", "postgres", "--pwfile=" + pwfile,
                                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                                "--locale=C.UTF-8", "--no-sync"), check=True, stdout=subprocess.DEVNULL)
        log = open(os.path.join(self.dir, "server.log"), "ab")
        # Durable settings (fsync on, every commit flushed) as in production, unless --no-sync.
        settings = [] if durable else ["-c", "synchronous_commit=off"]
        self.process = spawn(self.cmd("postgres", "-D", self.dir + "/data", "-p", str(self.port), "-k", self.dir,
                                      "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=100", *settings),
                             stdout=log, stderr=log)
        end = time.monotonic() + 60
        while time.monotonic() < end:
            if subprocess.run(self.cmd("pg_isready", "-h", self.dir, "-p", str(self.port)),
                              stdout=subprocess.DEVNULL).returncode == 0:
                break
            time.sleep(0.1)
        else:
            raise SystemExit("bench: postgres did not start; see " + self.dir + "/server.log")
        self.sql("CREATE ROLE %s LOGIN PASSWORD '%s'" % (USER, PASSWORD))

    def cmd(self, program, *args):
        path = os.path.join(self.bin, program)
        if self.as_postgres:
            return ["/usr/bin/setpriv", "--reuid=postgres", "--regid=postgres", "--init-groups", "--", path, *args]
        return [path, *args]

    def sql(self, query, database="postgres"):
        result = subprocess.run(self.cmd("psql", "-h", self.dir, "-p", str(self.port), "-U", "postgres", "-d",
                                         database, "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", query),
                                check=True, capture_output=True, text=True)
        return result.stdout.strip()

    def stop(self):
        stop(self.process, grace=20.0)


class Cluster:
    """One database, one SMTP sink, one configuration, and the daemons started on it."""

    def __init__(self, args, pg, root, name, reminders, lease="30s"):
        self.args = args
        self.pg = pg
        self.dir = os.path.join(root, name)
        os.makedirs(self.dir)
        self.database = name.replace("-", "_")
        pg.sql("CREATE DATABASE %s OWNER %s" % (self.database, USER))
        self.reminders = reminders
        self.sink_log = os.path.join(self.dir, "sink.jsonl")
        self.sink, port = start_server(os.path.join(HERE, "..", "servers", "smtp_sink.py"), self.sink_log,
                                       "--lifetime", "3600")
        password_file = os.path.join(self.dir, "db-password")
        with open(password_file, "w") as f:
            f.write(PASSWORD + "\n")
        os.chmod(password_file, 0o600)
        self.config = os.path.join(self.dir, "deadlined.toml")
        with open(self.config, "w") as f:
            f.write(config_text(self.dir, int(port), pg.port, self.database, password_file, reminders, lease))
        self.daemons = {}
        self.created = time.time()
        self.start_pretend = DUE_UTC - datetime.timedelta(seconds=args.lead)

    def due_real(self):
        """The real time at which the daemons' clock shows the due moment."""
        return self.created + self.args.lead

    def start(self, index):
        pretend = self.start_pretend + datetime.timedelta(seconds=time.time() - self.created)
        env = {k: v for k, v in os.environ.items() if k not in ("NOTIFY_SOCKET", "DEADLINED_CONFIG")}
        env["STATE_DIRECTORY"] = os.path.join(self.dir, "state-%d" % index)
        log = open(os.path.join(self.dir, "log-%d" % index), "ab")
        self.daemons[index] = spawn([os.path.join(self.args.bin, "deadlined"), "--config", self.config,
                                     "--log-target", "console", "--pretend-now",
                                     pretend.strftime("%Y-%m-%dT%H:%M:%SZ")],
                                    env=env, stdout=log, stderr=log)
        return self.daemons[index]

    def messages(self):
        try:
            with open(self.sink_log) as f:
                return [json.loads(line) for line in f if '"message"' in line]
        except FileNotFoundError:
            return []

    def sql(self, query):
        return self.pg.sql(query, database=self.database)

    def wait_for_all(self, timeout):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if len(self.messages()) >= self.reminders:
                return True
            time.sleep(0.05)
        return False

    def stop(self):
        for process in self.daemons.values():
            stop(process, grace=20.0)
        stop(self.sink)


def config_text(directory, smtp_port, pg_port, database, password_file, units, lease):
    lines = [
        "[daemon]", 'state_directory = "%s/state"' % directory, 'catch_up = "24h"', "",
        "[store]", 'url = "postgresql://%s@127.0.0.1:%d/%s"' % (USER, pg_port, database),
        'password_file = "%s"' % password_file, 'sslmode = "disable"', 'lease = "%s"' % lease, "",
        "[reminders]", 'before = ["7d"]', "on_due = false", 'overdue_every = ""', 'time = "08:00"', "",
        "[channels.email]", 'type = "smtp"', 'url = "smtp://127.0.0.1:%d"' % smtp_port, 'starttls = "off"',
        'from = "Văn phòng UBND Thành phố <nhacviec@hanoi.example>"', 'connect_timeout = "2s"', 'timeout = "10s"', "",
    ]
    for i in range(1, units + 1):
        lines += ["[units.so-%d]" % i, 'name = "Sở số %d"' % i,
                  'recipients = ["Văn thư Sở %d <vanthu%d@so%d.hanoi.example>"]' % (i, i, i), 'channels = ["email"]', ""]
    ids = ", ".join('"so-%d"' % i for i in range(1, units + 1))
    lines += ['[[document]]', 'ref = "5418/UBND-TKBT"', 'issued = "19/11/2020"', "",
              "[[deadline]]", 'id = "bao-cao"', 'task = "Báo cáo kết quả thực hiện"', "units = [%s]" % ids,
              'due = "08/03/2021"', ""]
    return "\n".join(lines)


def throughput(args, pg, root, instances, run):
    cluster = Cluster(args, pg, root, "tp-%d-%d" % (instances, run), args.reminders)
    try:
        for index in range(instances):
            cluster.start(index)
        if not cluster.wait_for_all(args.timeout):
            raise SystemExit("bench: only %d of %d reminders arrived; see %s" % (len(cluster.messages()),
                                                                                  args.reminders, cluster.dir))
        time.sleep(1.0)  # a repeat would arrive by now
        messages = cluster.messages()
        attempts = int(cluster.sql("SELECT COUNT(*) FROM attempts"))
        per_instance = cluster.sql(
            "SELECT string_agg(n::text, '/' ORDER BY n DESC) FROM "
            "(SELECT COUNT(*) AS n FROM attempts WHERE outcome = 'sent' GROUP BY owner) c")
        if len(messages) != args.reminders or attempts != args.reminders:
            raise SystemExit("bench: %d messages, %d attempts for %d reminders; see %s" % (
                len(messages), attempts, args.reminders, cluster.dir))
        times = sorted(m["t"] for m in messages)
        elapsed = times[-1] - cluster.due_real()
        return {"instances": instances, "seconds": elapsed, "rate": args.reminders / elapsed,
                "first_after_due": times[0] - cluster.due_real(), "per_instance": per_instance}
    finally:
        cluster.stop()


def takeover(args, pg, root, lease, run):
    """Kills instance 0 while it holds at least one lease; seconds until instance 1 has sent what it held."""
    cluster = Cluster(args, pg, root, "to-%s-%d" % (lease, run), args.reminders, lease=lease)
    try:
        victim = cluster.start(0)
        cluster.start(1)
        pattern = "%%:%d:%%" % victim.pid
        end = time.monotonic() + args.timeout
        while time.monotonic() < end:
            try:
                held = cluster.sql("SELECT COUNT(*) FROM reminders WHERE state = 'sending' AND claimed_by LIKE '%s'"
                                   % pattern)
            except subprocess.CalledProcessError:  # the first daemon has not created the tables yet
                held = ""
            if held not in ("", "0"):
                break
            time.sleep(0.005)
        else:
            raise SystemExit("bench: instance 0 never held a lease; see %s" % cluster.dir)
        os.kill(victim.pid, signal.SIGKILL)
        killed = time.time()
        victim.wait()
        orphans = cluster.sql("SELECT string_agg(reminder_key, E'\\n') FROM reminders "
                              "WHERE state = 'sending' AND claimed_by LIKE '%s'" % pattern).splitlines()
        quoted = ", ".join("'%s'" % k.replace("'", "''") for k in orphans)
        if not orphans:  # it finished its send between the two queries: try again
            return None
        while time.monotonic() < end:
            done = cluster.sql("SELECT COUNT(*) FROM reminders WHERE reminder_key IN (%s) AND state = 'sent'"
                               % quoted)
            if int(done) == len(orphans):
                break
            time.sleep(0.05)
        else:
            raise SystemExit("bench: the dead instance's reminders were not taken over; see %s" % cluster.dir)
        seconds = time.time() - killed
        if not cluster.wait_for_all(args.timeout):
            raise SystemExit("bench: reminders lost after the kill; see %s" % cluster.dir)
        time.sleep(1.0)
        repeated = len(cluster.messages()) - args.reminders
        return {"lease": lease, "seconds": seconds, "orphans": len(orphans), "repeated": repeated}
    finally:
        cluster.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", required=True, help="folder holding deadlined (e.g. the output of build.sh)")
    parser.add_argument("--reminders", type=int, default=2000, help="reminders per throughput run")
    parser.add_argument("--runs", type=int, default=3, help="throughput runs per instance count (median shown)")
    parser.add_argument("--lead", type=float, default=4.0, help="seconds between start and the due moment")
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--quick", action="store_true", help="one run each, takeover with the short lease only")
    parser.add_argument("--no-sync", action="store_true",
                        help="synchronous_commit = off: commits are not waited for on disk (shows what fsync costs)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs) afterwards")
    args = parser.parse_args()
    args.bin = os.path.abspath(args.bin)
    if args.quick:
        args.runs = 1
    install_signal_handlers()
    root = tempfile.mkdtemp(prefix="deadlined-pg-bench-")
    pg = None
    try:
        pg = Postgres(root, durable=not args.no_sync)
        version = pg.sql("SHOW server_version")
        print("PostgreSQL %s on 127.0.0.1, synchronous_commit %s; SMTP sink on 127.0.0.1; %d CPU(s); deadlined from %s"
              % (version, pg.sql("SHOW synchronous_commit"), os.cpu_count(), args.bin))
        print()
        print("| instances | reminders | first message after due (s) | due to last (s) | reminders/s | sent per instance |")
        print("|---|---|---|---|---|---|")
        for instances in (1, 2, 3):
            results = sorted((throughput(args, pg, root, instances, run) for run in range(args.runs)),
                             key=lambda r: r["rate"])
            median = results[len(results) // 2]
            print("| %d | %d | %.2f | %.2f | %.0f (runs: %s) | %s |" % (
                instances, args.reminders, median["first_after_due"], median["seconds"], median["rate"],
                ", ".join("%.0f" % r["rate"] for r in results), median["per_instance"]), flush=True)
        print()
        print("| lease | takeover after kill -9 (s) | reminders held by the killed instance | repeated |")
        print("|---|---|---|---|")
        args.reminders = min(args.reminders, 400)
        for lease, trials in ((("6s", 1),) if args.quick else (("30s", 2), ("6s", 3))):
            done = 0
            for attempt in range(trials * 3):
                if done == trials:
                    break
                result = takeover(args, pg, root, lease, attempt)
                if result is None:
                    continue
                done += 1
                print("| %s | %.1f | %d | %d |" % (lease, result["seconds"], result["orphans"], result["repeated"]),
                      flush=True)
    finally:
        stop_all()
        if args.keep:
            print("logs kept in " + root)
        else:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

"""(5b, 5c) What users would pick instead, on the same bursts: a cron script calling curl once per reminder, and
Prometheus Alertmanager; plus the ceiling of each test server (one fast sequential client on one connection),
so that a sink's own limit is not mistaken for a sender's.
"""
import json
import os
import smtplib
import subprocess
import time
import urllib.request

from procs import PY, load_note, proc_status, read_ready, spawn, start_server, stop
import stats

PARALLEL = 8  # "N parallel connections" / "N in flight" wherever a sender can do that

SAMPLE_EMAIL = (
    "From: =?UTF-8?B?VsSDbiBwaMOybmc=?= <nhacviec@hanoi.example>\r\n"
    "To: =?UTF-8?B?VsSDbiB0aMawIMSRxqFuIHbhu4sgMQ==?= <vanthu@dv001.hanoi.example>\r\n"
    "Subject: =?UTF-8?B?W05o4bqvYyB2aeG7h2NdIEjhuqFuIGjDtG0gbmF5?=\r\n"
    "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    + "Kính gửi Văn thư đơn vị 1. Nhắc hạn: Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội.\r\n"
    * 12
)


def write_samples(ctx):
    """A typical reminder email and webhook body, as deadlined sends them (about the same size)."""
    eml = ctx.path("sample.eml")
    with open(eml, "w", encoding="utf-8") as f:
        f.write(SAMPLE_EMAIL)
    body = ctx.path("sample.json")
    with open(body, "w", encoding="utf-8") as f:
        json.dump({"version": 1, "type": "deadline.reminder", "key": "bench-000001|2026-03-02|due|dv-001|chat",
                   "message": {"subject": "[Nhắc việc] Hạn hôm nay",
                               "text": "Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội. " * 8}},
                  f, ensure_ascii=False)
    return eml, body


def sink_records(log, event):
    """The sink's records of `event` so far: whole lines only (the sink may be writing the last one)."""
    with open(log) as f:
        lines = [line for line in f if line.endswith("\n") and line.strip()]
    return [r for r in (json.loads(line) for line in lines) if r["event"] == event]


def wait_records(log, event, count, timeout, weight=None):
    """Waits until the sink logged `count` events (or `count` alerts); returns them."""
    end = time.monotonic() + timeout
    records = []
    while time.monotonic() < end:
        try:
            records = sink_records(log, event)
        except FileNotFoundError:
            records = []
        done = sum(weight(r) for r in records) if weight else len(records)
        if done >= count:
            return records
        time.sleep(0.05)
    return records


def smtp_ceiling(ctx, n, eml):
    log = ctx.path("ceiling-smtp-%d.jsonl" % n)
    server, port = start_server(ctx.smtp_sink, log)
    try:
        data = open(eml, "rb").read()
        t0 = time.time()
        with smtplib.SMTP("127.0.0.1", int(port), timeout=30) as client:
            for i in range(n):
                client.sendmail("nhacviec@hanoi.example", ["vanthu@dv%03d.hanoi.example" % (i % 200)], data)
        wall = time.time() - t0
        records = wait_records(log, "message", n, 30)
    finally:
        stop(server)
    return {"n": n, "wall": wall, "rate": n / wall, "received": len(records),
            "connections": len(sink_records(log, "connect"))}


def http_ceiling(ctx, n, body):
    log = ctx.path("ceiling-http-%d.jsonl" % n)
    server, port = start_server(ctx.http_sink, log)
    config = ctx.path("ceiling-curl-%d.conf" % n)
    with open(config, "w") as f:
        for i in range(n):
            f.write('url = "http://127.0.0.1:%s/hook"\ndata-binary = "@%s"\nheader = "Content-Type: application/json"\n'
                    'output = "/dev/null"\n%s' % (port, body, "next\n" if i < n - 1 else ""))
    try:
        t0 = time.time()
        subprocess.run(["curl", "-sS", "--max-time", "600", "-K", config], check=True)
        wall = time.time() - t0
        records = wait_records(log, "request", n, 30)
    finally:
        stop(server)
    return {"n": n, "wall": wall, "rate": n / wall, "received": len(records),
            "connections": len(sink_records(log, "connect"))}


def cron_curl(ctx, kind, n, sample, parallel=1):
    """The cron script's N sends, P loops side by side; latency from the script's start (its "due moment")."""
    log = ctx.path("cron-%s-%d-p%d.jsonl" % (kind, n, parallel))
    server, port = start_server(ctx.smtp_sink if kind == "smtp" else ctx.http_sink, log)
    try:
        t0 = time.time()
        subprocess.run(["bash", ctx.cron_curl, kind, str(n), port, sample, str(parallel)], check=True, timeout=900)
        wall = time.time() - t0
        records = wait_records(log, "message" if kind == "smtp" else "request", n, 30)
    finally:
        stop(server)
    row = stats.burst(sorted(r["t"] for r in records), t0, n)
    row.update({"wall": wall, "rate": n / wall, "received": len(records), "parallel": parallel,
                "connections": len(sink_records(log, "connect"))})
    return row


class Alertmanager:
    """prometheus-alertmanager on 127.0.0.1, no clustering, storage in a temp dir, one webhook receiver."""

    def __init__(self, ctx, name, receiver_port):
        self.dir = ctx.fresh_dir("alertmanager-" + name)
        self.config = os.path.join(self.dir, "alertmanager.yml")
        with open(self.config, "w") as f:
            f.write(
                "# Every alert is its own group (group_by: ['...']) and goes out at once (group_wait: 0s),\n"
                "# like a reminder that falls due.\n"
                "route:\n  receiver: bench\n  group_by: ['...']\n  group_wait: 0s\n  group_interval: 5m\n"
                "  repeat_interval: 24h\n"
                "receivers:\n  - name: bench\n    webhook_configs:\n"
                "      - url: http://127.0.0.1:%s/alertmanager\n        send_resolved: false\n" % receiver_port)
        self.port = ctx.free_port()
        self.process = spawn(
            [ctx.alertmanager, "--config.file=" + self.config, "--storage.path=" + os.path.join(self.dir, "data"),
             "--web.listen-address=127.0.0.1:%d" % self.port, "--cluster.listen-address=", "--log.level=warn"],
            stdout=subprocess.DEVNULL, stderr=open(os.path.join(self.dir, "stderr.log"), "wb"))
        end = time.monotonic() + 30
        while time.monotonic() < end:
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d/-/ready" % self.port, timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("alertmanager did not become ready; see %s" % self.dir)

    @property
    def pid(self):
        return self.process.pid

    def post(self, alerts):
        request = urllib.request.Request(
            "http://127.0.0.1:%d/api/v2/alerts" % self.port, data=json.dumps(alerts).encode(),
            headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request, timeout=120) as r:
            r.read()

    def stop(self):
        stop(self.process)


def alertmanager_burst(ctx, n):
    """n alerts posted at one moment; each becomes one webhook notification. Rate and latency on the sink's clock."""
    log = ctx.path("am-burst-%d.jsonl" % n)
    server, port = start_server(ctx.http_sink, log)
    manager = Alertmanager(ctx, "burst-%d" % n, port)
    try:
        time.sleep(2.0)
        idle = proc_status(manager.pid)
        alerts = [{"labels": {"alertname": "DeadlineReminder", "deadline": "bench-%06d" % i,
                              "unit": "dv-%03d" % (i % 200), "rule": "due"},
                   "annotations": {"summary": "[Nhắc việc] Hạn hôm nay: bench-%06d" % i,
                                   "description": "Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội. "
                                                  * 4}} for i in range(n)]
        t0 = time.time()
        for start in range(0, n, 1000):  # the API takes a list; 1000 alerts per POST
            manager.post(alerts[start:start + 1000])
        posted = time.time()
        records = wait_records(log, "request", n, ctx.timeout, weight=lambda r: max(r["alerts"], 0))
        after = proc_status(manager.pid)
    finally:
        manager.stop()
        stop(server)
    received = sum(max(r["alerts"], 0) for r in records)
    times = sorted(r["t"] for r in records)
    row = stats.burst(times, t0, n)
    row.update({"received": received, "notifications": len(records), "post_seconds": posted - t0,
                "connections": len(sink_records(log, "connect")), "rss_idle_mb": idle["VmRSS"],
                "rss_after_mb": after["VmRSS"], "hwm_mb": after["VmHWM"], "threads": after["Threads"]})
    return row


def run(ctx, smoke):
    results = {"load": load_note()}
    eml, body = write_samples(ctx)
    email_n = 200 if smoke else 1000
    hook_n = 1000
    print("bench: alternatives (cron + curl, Alertmanager, server ceilings)", flush=True)
    results["ceiling_smtp"] = smtp_ceiling(ctx, email_n, eml)
    results["ceiling_http"] = http_ceiling(ctx, 1000 if smoke else 10000, body)
    results["cron_smtp"] = cron_curl(ctx, "smtp", 100 if smoke else email_n, eml)
    results["cron_webhook"] = cron_curl(ctx, "webhook", 100 if smoke else hook_n, body)
    results["cron_smtp_parallel"] = cron_curl(ctx, "smtp", 100 if smoke else email_n, eml, PARALLEL)
    results["cron_webhook_parallel"] = cron_curl(ctx, "webhook", 100 if smoke else hook_n, body, PARALLEL)
    results["am_burst_small"] = alertmanager_burst(ctx, 200 if smoke else hook_n)
    if not smoke:
        results["am_burst_large"] = alertmanager_burst(ctx, 10000)
    for name, row in results.items():
        if name != "load":
            print("  %-16s %s" % (name, json.dumps({k: (round(v, 4) if isinstance(v, float) else v)
                                                     for k, v in row.items()})), flush=True)
    return results

#!/bin/bash
# What an office would write instead of deadlined: a cron job that calls curl once per reminder.
#   cron_curl.sh smtp    N PORT MESSAGE.eml [P]   N emails to smtp://127.0.0.1:PORT, one curl (one connection) each
#   cron_curl.sh webhook N PORT BODY.json  [P]   N POSTs to http://127.0.0.1:PORT/hook, one curl (one connection) each
# With P > 1, P loops run side by side (loop j sends reminders j, j+P, j+2P, ...): N parallel connections.
# It does only the sending: no config to read, no plan, no ledger, no retry (a favourable comparison for curl).
# Bounded: exactly N curl calls in all, each with --max-time 10.
set -euo pipefail
kind="$1" n="$2" port="$3" file="$4" parallel="${5:-1}"

send() {
    local i="$1"
    case "$kind" in
    smtp)
        curl -sS --max-time 10 "smtp://127.0.0.1:$port" --mail-from nhacviec@hanoi.example \
            --mail-rcpt "vanthu@dv$((i % 200)).hanoi.example" --upload-file "$file"
        ;;
    webhook)
        curl -sS --max-time 10 -o /dev/null -H 'Content-Type: application/json' --data-binary "@$file" \
            "http://127.0.0.1:$port/hook"
        ;;
    esac
}

case "$kind" in smtp | webhook) ;; *)
    echo "usage: $0 smtp|webhook N PORT FILE [PARALLEL]" >&2
    exit 2
    ;;
esac
pids=()
for ((j = 1; j <= parallel; j++)); do
    (for ((i = j; i <= n; i += parallel)); do send "$i"; done) &
    pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit "$status"

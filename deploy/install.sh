#!/bin/bash
# Installs deadlined on this machine: release binaries, systemd units, the journald catalog, and the example
# configuration (never over an existing one). Run as root from the repository: deploy/install.sh
#   PREFIX=/usr/local (binaries in $PREFIX/bin)   SYSCONFDIR=/etc   DESTDIR= (for packaging)
set -euo pipefail
cd "$(dirname "$0")/.."
PREFIX="${PREFIX:-/usr/local}"
SYSCONFDIR="${SYSCONFDIR:-/etc}"
DESTDIR="${DESTDIR:-}"
BINDIR="$PREFIX/bin"
UNITDIR="${UNITDIR:-/etc/systemd/system}"
CATALOGDIR="${CATALOGDIR:-/usr/lib/systemd/catalog}"

scripts/install-deps.sh build
swift build -c release --product deadlined
swift build -c release --product deadlinectl
bin="$(swift build -c release --show-bin-path)"

install -d "$DESTDIR$BINDIR" "$DESTDIR$UNITDIR" "$DESTDIR$CATALOGDIR"
install -m 0755 "$bin/deadlined" "$bin/deadlinectl" "$DESTDIR$BINDIR/"
for unit in deadlined.service deadlined-once.service; do
    # The units name /usr/local/bin and /etc, the defaults: put in the paths chosen here.
    sed -e "s|=/usr/local/bin/|=$BINDIR/|g" -e "s|--config /etc/deadlined/|--config $SYSCONFDIR/deadlined/|g" \
        "deploy/$unit" > "$DESTDIR$UNITDIR/$unit"
    chmod 0644 "$DESTDIR$UNITDIR/$unit"
done
install -m 0644 deploy/deadlined.timer deploy/deadlined-web.socket "$DESTDIR$UNITDIR/"
install -m 0644 deploy/deadlined.catalog "$DESTDIR$CATALOGDIR/deadlined.catalog"

# The example configuration, only where there is none yet.
if [ ! -e "$DESTDIR$SYSCONFDIR/deadlined/deadlined.toml" ]; then
    install -d -m 0755 "$DESTDIR$SYSCONFDIR/deadlined/deadlines.d"
    install -d -m 0700 "$DESTDIR$SYSCONFDIR/deadlined/secrets"
    install -m 0644 etc/deadlined/deadlined.toml "$DESTDIR$SYSCONFDIR/deadlined/"
    install -m 0644 etc/deadlined/deadlines.d/*.toml "$DESTDIR$SYSCONFDIR/deadlined/deadlines.d/"
    echo "install: example configuration in $SYSCONFDIR/deadlined (edit it, then: deadlinectl check)"
else
    echo "install: kept the existing $SYSCONFDIR/deadlined/deadlined.toml"
fi

if [ -z "$DESTDIR" ]; then
    journalctl --update-catalog || true
    if [ -d /run/systemd/system ]; then systemctl daemon-reload; fi
fi
cat <<DONE
install: done. Next:
  deadlinectl check                      # validate /etc/deadlined
  systemctl enable --now deadlined       # start it (or: systemctl enable --now deadlined.timer)
  journalctl -u deadlined -f             # watch it
DONE

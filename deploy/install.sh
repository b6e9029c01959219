#!/bin/bash
# Installs deadlined on this machine: release binaries, systemd units, the journald catalog, the manual pages, shell
# completions (bash, zsh, fish), and the example configuration (never over an existing one). Run as root from the
# repository: deploy/install.sh
#   PREFIX=/usr/local (binaries in $PREFIX/bin, pages in $PREFIX/share/man)   SYSCONFDIR=/etc   DESTDIR= (staging)
#   PREBUILT=DIR: install the deadlined and deadlinectl found in DIR instead of building them (tests)
# The Debian package (make deb) installs the same things under /usr; see scripts/build-deb.
set -euo pipefail
cd "$(dirname "$0")/.."
PREFIX="${PREFIX:-/usr/local}"
SYSCONFDIR="${SYSCONFDIR:-/etc}"
DESTDIR="${DESTDIR:-}"
BINDIR="$PREFIX/bin"
UNITDIR="${UNITDIR:-/etc/systemd/system}"
CATALOGDIR="${CATALOGDIR:-/usr/lib/systemd/catalog}"
DATADIR="${DATADIR:-$PREFIX/share}"
MANDIR="${MANDIR:-$DATADIR/man}"

if [ -n "${PREBUILT:-}" ]; then
    bin="$PREBUILT"
else
    scripts/install-deps.sh build
    swift build -c release --product deadlined
    swift build -c release --product deadlinectl
    bin="$(swift build -c release --show-bin-path)"
fi

install -d "$DESTDIR$BINDIR" "$DESTDIR$UNITDIR" "$DESTDIR$CATALOGDIR"
install -m 0755 "$bin/deadlined" "$bin/deadlinectl" "$DESTDIR$BINDIR/"

# The manual pages (generated into man/ by make man), and the shell completions the binaries write for themselves.
for page in man/*.[1-8]; do
    install -D -m 0644 "$page" "$DESTDIR$MANDIR/man${page##*.}/$(basename "$page")"
done
install -d "$DESTDIR$DATADIR/bash-completion/completions" "$DESTDIR$DATADIR/zsh/site-functions" \
    "$DESTDIR$DATADIR/fish/vendor_completions.d"
for command in deadlined deadlinectl; do
    # Sourced, not run: without argument-parser's #!/bin/bash line.
    "$bin/$command" --generate-completion-script bash | sed '1{/^#!/d}' \
        > "$DESTDIR$DATADIR/bash-completion/completions/$command"
    "$bin/$command" --generate-completion-script zsh > "$DESTDIR$DATADIR/zsh/site-functions/_$command"
    "$bin/$command" --generate-completion-script fish > "$DESTDIR$DATADIR/fish/vendor_completions.d/$command.fish"
done
chmod 0644 "$DESTDIR$DATADIR"/bash-completion/completions/deadline* "$DESTDIR$DATADIR"/zsh/site-functions/_deadline* \
    "$DESTDIR$DATADIR"/fish/vendor_completions.d/deadline*.fish
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
  man deadlined.toml                     # what the configuration says, key by key
  deadlinectl check                      # validate /etc/deadlined
  systemctl enable --now deadlined       # start it (or: systemctl enable --now deadlined.timer)
  journalctl -u deadlined -f             # watch it
DONE

# deadlined: the targets behind README's two commands (`scripts/run demo`, `scripts/run test`), and a few more.
#   make demo   installs what it needs, builds, runs deadlined once on the example config (outbox: no server) and
#               shows a reminder it sent, the ledger's view of it, and how to follow it in the journal
#   make test   installs what the tests need (real SMTP server, journald, PostgreSQL, ...), runs every test,
#               then the benchmark harness on its smallest size (bench-smoke, with the debug build)
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)
CONFIG := etc/deadlined/deadlined.toml
DEMO_STATE := $(CURDIR)/.demo-state

.PHONY: deps build release demo test clean install

deps:
	scripts/install-deps.sh build

build: deps
	swift build

release: deps
	swift build -c release

# The demo: the daemon runs once at 08:00 on 03/12/2020, a week before the first deadline of directive 5418/UBND-TKBT,
# on the example config with the outbox channel (no server), in a fresh state directory ($(DEMO_STATE)). Then what it
# sent, as a person reads it; the ledger's view; and how to follow it in the journal.
demo: build
	rm -rf $(DEMO_STATE)
	.build/debug/deadlinectl check --config $(CONFIG)
	STATE_DIRECTORY=$(DEMO_STATE) .build/debug/deadlined --config $(CONFIG) --once --pretend-now "03/12/2020 08:00" --log-target console
	STATE_DIRECTORY=$(DEMO_STATE) .build/debug/deadlinectl outbox --config $(CONFIG)
	STATE_DIRECTORY=$(DEMO_STATE) .build/debug/deadlinectl outbox --config $(CONFIG) --show 1
	STATE_DIRECTORY=$(DEMO_STATE) .build/debug/deadlinectl history 5418-de-xuat --config $(CONFIG)
	STATE_DIRECTORY=$(DEMO_STATE) .build/debug/deadlinectl status --config $(CONFIG) --now "03/12/2020 08:05"
	@echo "Run as a service, deadlined logs to the journal: journalctl -u deadlined -f  (one deadline: journalctl DEADLINE_ID=5418-de-xuat)"

test:
	scripts/install-deps.sh bench
	swift build --build-tests
	@# At most 8 tests at once: the integration suites start servers and daemons, and a 2-core machine running
	@# every one of them together turns waits that take a second into ones that take thirty.
	@# DEADLINED_TESTS_REQUIRE_SERVERS=1: the journald and PostgreSQL suites must run here, not skip themselves.
	DEADLINED_TESTS_REQUIRE_SERVERS=1 swift test --experimental-maximum-parallelization-width 8
	@# The benchmark harness on its smallest size, with the debug binaries just built: it must run, nothing is judged.
	/usr/bin/python3 Benchmarks/run.py --smoke --bin "$$(swift build --show-bin-path)"

clean:
	rm -rf .build .demo-state

install:
	deploy/install.sh

# Benchmarks (Benchmarks/, BENCHMARKS.md): release build in .build-bench, synthetic configs of 1 000, 10 000 and
# 100 000 deadlines, planning, start-up, idle cost and delivery, side by side with Remind, cron + curl and
# Alertmanager. Nothing passes or fails; tables are printed. bench-smoke: the smallest size only, in under 2 minutes.
.PHONY: bench bench-smoke

bench:
	scripts/install-deps.sh bench
	bin="$$(Benchmarks/build.sh)" && /usr/bin/python3 Benchmarks/run.py --bin "$$bin"

bench-smoke:
	scripts/install-deps.sh bench
	bin="$$(Benchmarks/build.sh)" && /usr/bin/python3 Benchmarks/run.py --smoke --bin "$$bin"

# The importer scored on the corpus of real directives (Tests/Fixtures/import-corpus, README there): precision, recall,
# F1 and unit accuracy, overall and per phrasing class, then every miss and false proposal. ImportCorpusTests holds
# the figures at the floor in floor.toml.
.PHONY: import-eval

import-eval: deps
	swift build --product import-eval
	"$$(swift build --show-bin-path)/import-eval" Tests/Fixtures/import-corpus

# deadlined: the targets behind README's two commands (`scripts/run demo`, `scripts/run test`), and a few more.
#   make demo   installs what it needs, builds, runs deadlined once on the example config (outbox: no server) and
#               shows a reminder it sent, the ledger's view of it, and how to follow it in the journal
#   make test   installs what the tests need (real SMTP server, journald, PostgreSQL, ...), runs every test,
#               then the benchmark harness on its smallest size (bench-smoke, with the debug build)
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)
CONFIG := etc/deadlined/deadlined.toml
DEMO_STATE := $(CURDIR)/.demo-state

.PHONY: deps build release demo test clean install man deb deb-test fuzz lint format

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
	@# The sources' format first: a finding fails the run before anything is built (make format fixes most).
	$(MAKE) lint
	swift build --build-tests
	@# At most 8 tests at once: the integration suites start servers and daemons, and a 2-core machine running
	@# every one of them together turns waits that take a second into ones that take thirty.
	@# DEADLINED_TESTS_REQUIRE_SERVERS=1: the journald and PostgreSQL suites must run here, not skip themselves.
	DEADLINED_TESTS_REQUIRE_SERVERS=1 swift test --experimental-maximum-parallelization-width 8
	@# The fuzz targets for 20 s each (Fuzz/run.sh builds them with coverage in .build-fuzz): no input may trap.
	Fuzz/run.sh 20
	@# The benchmark harness on its smallest size, with the debug binaries just built: it must run, nothing is judged.
	/usr/bin/python3 Benchmarks/run.py --smoke --bin "$$(swift build --show-bin-path)"

clean:
	rm -rf .build .build-fuzz .demo-state

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

# Manual pages (man/, committed): deadlinectl(1), deadlined.toml(5), deadlined-webhook(7), deadlined(8), generated
# from man/src/*.in and from the code itself (the commands' options, ConfigSchema, the journald catalog) by
# scripts/generate-man-pages, then checked with mandoc, groff and man (scripts/lint-man-pages). A test fails when
# man/ is not what this target makes: edit man/src/ or the code, never man/, and run it again.
man: build
	scripts/install-deps.sh docs
	/usr/bin/python3 scripts/generate-man-pages --bin "$$(swift build --show-bin-path)"
	scripts/lint-man-pages

# The Debian package: deadlined_VERSION_ARCH.deb here, from a release build with the Swift runtime linked in
# (.build-release, kept: the first build takes about 15 minutes on 2 cores, later ones reuse it). scripts/build-deb
# says what goes where; lintian must find no error. make deb-test installs it into a throwaway root with dpkg,
# runs it, purges it and checks that nothing is left (scripts/test-deb); it is not part of make test (CI), whose
# time budget a release build would eat.
deb:
	scripts/install-deps.sh package
	scripts/build-deb

deb-test: deb
	scripts/test-deb

# Fuzzing (Fuzz/): the config, values and import targets under libFuzzer with AddressSanitizer, from the committed
# corpus (Fuzz/Corpus) and the example configuration and seed directives. make test runs each for 20 s; make fuzz
# for FUZZ_SECONDS (default 10 minutes) each. A finding is saved in .build-fuzz/findings/TARGET/.
FUZZ_SECONDS ?= 600

fuzz:
	Fuzz/run.sh $(FUZZ_SECONDS)

# The sources' format (.swift-format: 4 spaces, 120 columns, swift-server's rules; .editorconfig for editors):
# make lint fails on any finding (make test runs it); make format rewrites the files in place.
FORMATTED := Sources Tests Fuzz Benchmarks Package.swift

lint:
	swift format lint --strict --recursive --parallel $(FORMATTED)

format:
	swift format format --in-place --recursive --parallel $(FORMATTED)

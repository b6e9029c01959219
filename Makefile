# deadlined: the targets behind README's two commands (`scripts/run demo`, `scripts/run test`), and a few more.
#   make demo   installs what it needs, builds, and runs deadlined on the example config (outbox: no server)
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

demo: build
	.build/debug/deadlinectl check --config $(CONFIG)
	.build/debug/deadlinectl list --config $(CONFIG) --now "20/11/2020 09:00"
	.build/debug/deadlinectl plan --config $(CONFIG) --now "20/11/2020 09:00" --to 31/01/2021
	.build/debug/deadlined --config $(CONFIG) --pretend-now "02/12/2020 09:00" --print-plan

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

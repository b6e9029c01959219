# deadlined: the targets behind README's two commands (`scripts/run demo`, `scripts/run test`), and a few more.
#   make demo   installs what it needs, builds, and runs deadlined on the example config (outbox: no server)
#   make test   installs what the tests need (real SMTP server, journald, PostgreSQL, ...), runs every test,
#               then the benchmark harness on its smallest size (bench-smoke, with the debug build)
SHELL := /bin/bash
export PATH := /opt/swift/usr/bin:$(PATH)
CONFIG := etc/deadlined/deadlined.toml
DEMO_STATE := $(CURDIR)/.demo-state

.PHONY: deps build release demo test clean install fuzz

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

# Fuzzing (Fuzz/): the config, values and import targets under libFuzzer with AddressSanitizer, from the committed
# corpus (Fuzz/Corpus) and the example configuration and seed directives. make test runs each for 20 s; make fuzz
# for FUZZ_SECONDS (default 10 minutes) each. A finding is saved in .build-fuzz/findings/TARGET/.
FUZZ_SECONDS ?= 600

fuzz:
	Fuzz/run.sh $(FUZZ_SECONDS)

# deadlined: the two commands of README.md, and a few more.
#   make demo   installs what it needs, builds, and runs deadlined on the example config (outbox: no server)
#   make test   installs what the tests need (real SMTP server, journald, ...) and runs every test
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
	.build/debug/deadlined --config $(CONFIG) --now "02/12/2020 09:00" --print-plan

test:
	scripts/install-deps.sh test
	swift build --build-tests
	swift test

clean:
	rm -rf .build .demo-state

install:
	deploy/install.sh

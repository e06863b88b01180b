# batterykg: `make run` serves the graph with GraphiQL; `make test` runs every test against a
# real Neo4j that it starts and stops itself. Both install what they need on a fresh machine.

STATE        ?= .state
CACHE        ?= $(STATE)/cache
BIN          := bin/batterykg
DEV_PORT     ?= 7687
TEST_PORT    ?= 7688
# The local development Neo4j's password (loopback only); set NEO4J_PASSWORD to change it.
DEV_PASSWORD ?= batterykg-dev

export BATTERYKG_NEO4J_CACHE := $(abspath $(CACHE))

.PHONY: run test build chromium generate check-generated web neo4j-start neo4j-stop neo4j-status bench bench-compare loadtest clean

build:
	go build -o $(BIN) ./cmd/batterykg

## chromium: Debian's chromium for the GraphiQL browser test (installed once).
chromium:
	bash scripts/chromium.sh

web: web/node_modules/.installed
web/node_modules/.installed: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## run: a local Neo4j (unless NEO4J_URI points elsewhere), schema, seed data, GraphQL + GraphiQL.
run: build web
	@if [ -z "$$NEO4J_URI" ]; then \
	  $(BIN) neo4j start --state $(STATE)/neo4j --cache $(CACHE) --port $(DEV_PORT) --password "$${NEO4J_PASSWORD:-$(DEV_PASSWORD)}" || exit 1; \
	fi
	NEO4J_URI="$${NEO4J_URI:-bolt://127.0.0.1:$(DEV_PORT)}" NEO4J_PASSWORD="$${NEO4J_PASSWORD:-$(DEV_PASSWORD)}" \
	  $(BIN) serve --seed data/seed $(SERVE_FLAGS)

neo4j-start: build
	$(BIN) neo4j start --state $(STATE)/neo4j --cache $(CACHE) --port $(DEV_PORT) --password "$${NEO4J_PASSWORD:-$(DEV_PASSWORD)}"
neo4j-stop: build
	$(BIN) neo4j stop --state $(STATE)/neo4j --cache $(CACHE)
neo4j-status: build
	$(BIN) neo4j status --state $(STATE)/neo4j --cache $(CACHE) --port $(DEV_PORT)

## test: vet, generated code in sync, every test (unit and integration) against a throw-away Neo4j.
test: build web chromium
	STATE=$(STATE) CACHE=$(CACHE) TEST_PORT=$(TEST_PORT) bash scripts/test.sh

## generate: regenerate gqlgen's code from schema.graphqls.
generate:
	go run ./cmd/gqlgen

check-generated:
	bash scripts/check-generated.sh

bench: build
	STATE=$(STATE) CACHE=$(CACHE) TEST_PORT=$(TEST_PORT) BENCH=1 bash scripts/test.sh

## bench-compare: batterykg beside the Neo4j GraphQL Library, and 1k to 100k actors (docs/benchmarks.md).
bench-compare: build web
	cd bench/neo4j-graphql && npm ci --no-audit --no-fund --loglevel=error
	go run ./cmd/bench compare --actors 10000 --sizes 1000,10000,100000

## loadtest: 50 concurrent clients (one address) for 30 s against a running
## `make run SERVE_FLAGS=--no-caller-limits` server (the per-caller limits would 429 most of them).
loadtest:
	go run ./cmd/loadtest -url http://127.0.0.1:8080/graphql -c 50 -d 30s

clean:
	rm -rf bin

#!/usr/bin/env bash
# make test: vet, generated code check, then every Go test against a throw-away local Neo4j
# that this script starts on TEST_PORT and always stops. With BENCH=1 it runs the benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE=${STATE:-.state}; CACHE=${CACHE:-$STATE/cache}; TEST_PORT=${TEST_PORT:-7688}
BIN=bin/batterykg
TEST_STATE=$STATE/neo4j-test
TEST_PASSWORD=batterykg-test

echo "== go vet"
go vet ./...
echo "== generated code"
bash scripts/check-generated.sh

echo "== test Neo4j on port $TEST_PORT"
$BIN neo4j stop --state "$TEST_STATE" --cache "$CACHE" >/dev/null 2>&1 || true
rm -rf "$TEST_STATE"
$BIN neo4j start --state "$TEST_STATE" --cache "$CACHE" --port "$TEST_PORT" --password "$TEST_PASSWORD" --heap 1g --pagecache 256m
trap '$BIN neo4j stop --state "$TEST_STATE" --cache "$CACHE"' EXIT

export BATTERYKG_TEST_NEO4J_URI=bolt://127.0.0.1:$TEST_PORT
export BATTERYKG_TEST_NEO4J_USER=neo4j
export BATTERYKG_TEST_NEO4J_PASSWORD=$TEST_PASSWORD
export BATTERYKG_REQUIRE_NEO4J=1
export BATTERYKG_NEO4J_CACHE=$(cd "$CACHE" && pwd)
mkdir -p test-artifacts

if [ "${BENCH:-}" = 1 ]; then
  echo "== benchmarks"
  go test -p 1 -run '^$' -bench "${BENCH_PATTERN:-.}" -benchmem -count "${BENCH_COUNT:-1}" ./... | tee test-artifacts/bench.txt
  exit 0
fi

echo "== go test (packages one at a time: they share the test database)"
go build -o bin/testreport ./cmd/testreport
set +e
go test -p 1 -count=1 -timeout 20m -json ./... > test-artifacts/go-test.json
bin/testreport < test-artifacts/go-test.json
status=$?
set -e
exit $status

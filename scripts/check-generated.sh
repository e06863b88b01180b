#!/usr/bin/env bash
# Fails when gqlgen's generated code does not match schema.graphqls and gqlgen.yml: it
# regenerates in a scratch copy of the module and compares.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tar -C "$root" --exclude=./.state --exclude=./web --exclude=./bin --exclude=./.git -cf - . | tar -C "$tmp" -xf -
(cd "$tmp" && go run ./cmd/gqlgen)
status=0
for f in graph/generated.go graph/model/models_gen.go graph/schema.resolvers.go; do
  if ! cmp -s "$root/$f" "$tmp/$f"; then
    echo "check-generated: $f differs from what 'go run ./cmd/gqlgen' writes; run 'make generate' and commit" >&2
    diff -u "$root/$f" "$tmp/$f" | head -20 >&2 || true
    status=1
  fi
done
[ $status -eq 0 ] && echo "check-generated: gqlgen code matches the schema"
exit $status

#!/usr/bin/env bash
# Installs Debian's chromium for the GraphiQL browser test (web/browser-test.mjs) when it is
# missing. Idempotent: does nothing when chromium is already on the PATH. Needs root (or sudo)
# the first time, as apt-get does.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then
  SUDO=sudo
fi
echo "== installing chromium (Debian package) for the browser test"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium
command -v chromium >/dev/null

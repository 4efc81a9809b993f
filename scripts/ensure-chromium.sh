#!/usr/bin/env bash
# The web page's end-to-end tests drive Debian's Chromium (playwright-core downloads no browser):
# install it when it is missing and this machine can (root with apt), quietly; otherwise say why.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing chromium from Debian's packages for the browser tests…" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
else
  echo "chromium is missing and cannot be installed here (needs root and apt-get): the web page's browser tests will fail; install Debian's chromium package" >&2
fi

#!/bin/sh
# Headless Chromium for the browser tests (tests/test_viz_browser.py, bench/bench_viz.py): Debian's
# `chromium` package, never a browser that Playwright would download. Quiet when it is there already.
set -e
CHROMIUM="${KG_CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
    echo "install-chromium: $CHROMIUM is missing; as root run: apt-get update && apt-get install -y chromium" >&2
    exit 1
fi
echo "install-chromium: installing Debian's chromium package" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium >/dev/null

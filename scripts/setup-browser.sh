#!/usr/bin/env bash
# Install what the browser tests drive: Debian's Chromium (Playwright's own browser download does not
# work on these machines) and a CJK font so the zh-CN console renders Chinese, not empty boxes.
# Also libfaketime (Debian's faketime), which runs the date-sensitive suites at chosen dates.
# Idempotent: when all are present it only checks and exits.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
need=()
[[ -x "$CHROMIUM" ]] || need+=(chromium)
# Noto Sans CJK is the face the console's font stack falls back to on Linux.
fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-noto-cjk)
command -v faketime >/dev/null || need+=(faketime)

if ((${#need[@]} == 0)); then
    exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
    SUDO=sudo
else
    SUDO=
fi
echo "setup: installing ${need[*]} (Debian packages)…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
"$CHROMIUM" --version 2>/dev/null  # its wrapper script prints a harmless shell warning on stderr

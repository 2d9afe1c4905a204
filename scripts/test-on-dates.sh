#!/usr/bin/env bash
# The date-sensitive suites (close of business, servicing, ledger API, payments, origination's
# journeys and expiry, consolidation) with the wall clock started at a month end, a leap day and a
# year end: they must pass whatever the machine's clock says. `JINKONG_TEST_AT` makes
# tests/conftest.py start the process's clock at that instant (time-machine, ticking on from there;
# monotonic time, sleeps and timed waits stay real). The three dates run side by side, each its own
# embedded AWS on loopback; each run's log is kept in .run/dates-<date>.log.
#
#   scripts/test-on-dates.sh                          # the three dates
#   scripts/test-on-dates.sh '2031-07-31T23:50:00'    # any instants (UTC) you name
set -uo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
DATES=("$@")
((${#DATES[@]})) || DATES=("2027-04-30T23:40:00" "2028-02-29T12:00:00" "2026-12-31T23:55:00")
SUITES=(tests/integration/closing tests/integration/servicing tests/integration/payments
        tests/integration/ledger/test_ledger_api.py tests/integration/origination/test_application_journeys.py
        tests/integration/risk --deselect tests/integration/risk/test_demo_history.py)

mkdir -p .run
pids=()
for at in "${DATES[@]}"; do
    JINKONG_TEST_AT="$at" "$PY" -m pytest -q -p no:logging "${SUITES[@]}" >".run/dates-${at%%T*}.log" 2>&1 &
    pids+=($!)
done
failed=0
for i in "${!DATES[@]}"; do
    if wait "${pids[$i]}"; then status=ok; else status=FAILED; failed=1; fi
    log=".run/dates-${DATES[$i]%%T*}.log"
    echo "test-on-dates: at ${DATES[$i]} — $status — $(grep -E '[0-9]+ (passed|failed)' "$log" | tail -n 1)"
    [[ $status == ok ]] || grep -E '^(FAILED|ERROR)' "$log" | head -n 20
done
exit $failed

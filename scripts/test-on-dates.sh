#!/usr/bin/env bash
# The date-sensitive suites (close of business, servicing, ledger API, payments, origination's
# journeys and expiry, consolidation) under libfaketime at a month end, a leap day and a year end:
# they must pass whatever the machine's clock says. The wall clock is faked from that instant on and
# ticks; the monotonic clock stays real (timeouts and backoff keep working). The three dates run side
# by side, each its own embedded AWS on loopback; each run's log is kept in .run/dates-<date>.log.
# Left out: the suites that close months of dates on the emulated close-of-business machine (group
# effects, the time-travel end of day): they read no wall clock and run in the main suite; under
# libfaketime the emulated Step Functions slows to seconds a date.
#
#   scripts/test-on-dates.sh                          # the three dates
#   scripts/test-on-dates.sh '2031-07-31 23:50:00'    # any dates you name
set -uo pipefail
cd "$(dirname "$0")/.."

PY=${PY:-.venv/bin/python}
DATES=("$@")
((${#DATES[@]})) || DATES=("2027-04-30 23:40:00" "2028-02-29 12:00:00" "2026-12-31 23:55:00")
# What dates money or reads the clock: business dates and closes, bills and accruals, repayments and
# their clearing day, signed webhooks' timestamps, postings, signing windows and expiry, limit holds
# and HQ's as-of dates. (Access rules, egress, fan-out limits and spreadsheets run in the whole suite.)
SUITES=(tests/integration/closing
        tests/integration/servicing --deselect tests/integration/servicing/test_fanout_limits.py
        --deselect tests/integration/servicing/test_spreadsheet_downloads.py
        --deselect tests/integration/servicing/test_group_effects.py
        --deselect tests/integration/servicing/test_time_travel_end_of_day.py
        tests/integration/payments/test_clearing.py tests/integration/payments/test_stripe_webhooks.py
        tests/integration/payments/test_merchant_webhooks.py
        tests/integration/ledger/test_ledger_api.py tests/integration/origination/test_application_journeys.py
        tests/integration/risk/test_demo_consolidation.py tests/integration/risk/test_exposure_projection.py
        tests/integration/risk/test_limit_reservation.py)

command -v faketime >/dev/null || { echo "test-on-dates: faketime is not installed (scripts/setup-browser.sh)"; exit 1; }
mkdir -p .run
pids=()
dated_run() {
    # '@' starts the fake clock at that instant and lets it run. libfaketime re-reads its settings
    # from the environment when its cache lapses (10 s by default), and a getenv racing the suite's own
    # os.environ writes in another thread can crash the process: it reads them once here. glibc's own
    # getenv/setenv race (a thread's tzset while the suite sets its environment) can still kill the
    # process at start-up: a run that dies of a signal is run again (three attempts), and says so. (The faketime
    # wrapper reports a child's death by signal as exit status 1, "Caught Segmentation fault": the
    # interpreter's own fatal-error report in the log is what tells such a death from failed tests.)
    local at=$1 log=".run/dates-${1%% *}.log" rc attempt
    for attempt in 1 2 3; do
        FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_CACHE_DURATION=864000 faketime -f "@$at" "$PY" -m pytest -q -p no:logging "${SUITES[@]}" \
            >"$log" 2>&1
        rc=$?
        ((rc != 0 && attempt < 3)) && grep -q "^Fatal Python error" "$log" || break
        mv "$log" "$log.crashed-$attempt"
        echo "test-on-dates: at $at the interpreter died ($(grep -m1 '^Fatal Python error' "$log.crashed-$attempt"); $log.crashed-$attempt); running it again"
    done
    return $rc
}

for at in "${DATES[@]}"; do
    dated_run "$at" &
    pids+=($!)
done
failed=0
for i in "${!DATES[@]}"; do
    if wait "${pids[$i]}"; then status=ok; else status=FAILED; failed=1; fi
    log=".run/dates-${DATES[$i]%% *}.log"
    echo "test-on-dates: at ${DATES[$i]} — $status — $(grep -E '[0-9]+ (passed|failed)' "$log" | tail -n 1)"
    [[ $status == ok ]] || grep -E '^(FAILED|ERROR)' "$log" | head -n 20
done
exit $failed

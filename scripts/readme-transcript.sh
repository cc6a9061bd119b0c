#!/usr/bin/env bash
# Prints the README's transcript: real runs on the demo network with a fixed today.
set -euo pipefail
cd "$(dirname "$0")/.."
export NETPREP_TODAY=2026-11-26 COLUMNS=92
db=$(mktemp -d)/demo.db
.venv/bin/netprep --db "$db" demo >/dev/null
run() {
  local shown=()
  for arg in "$@"; do
    if [[ "$arg" == *" "* ]]; then shown+=("\"$arg\""); else shown+=("$arg"); fi
  done
  echo "\$ netprep ${shown[*]}"
  .venv/bin/netprep --db "$db" "$@" 2>&1 | sed 's/[[:space:]]*$//'
}
run people --search "zoe muller"
run ideas kwame --limit 3
run next --overdue
run health
run plan --limit 2

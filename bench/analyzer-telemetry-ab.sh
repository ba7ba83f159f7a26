#!/usr/bin/env bash
# Stack's analyzers of this tree against a baseline commit's, in process on the 1,000-service
# definition (`Stack.Benchmarks analyzer-telemetry`): the driver's time per analyzer, the process
# CPU time of the compiler alone and with the analyzers, and the bytes allocated. The analyzers run
# concurrently, as csc runs them. Processes alternate (baseline, this tree, ...), PAIRS=N pairs
# (default 4) of ROUNDS=N compilations each (default 6). The allocations do not move with the
# machine's load; the times do, so read them pair by pair.
# Usage: bash bench/analyzer-telemetry-ab.sh [BASELINE_COMMIT] (default 9215e1b: before the
# analyzer's cost was cut on 2026-12-07).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
baseline_commit=${1:-9215e1b}
work=$(mktemp -d)
cleanup() {
  [ -d "$work/baseline-tree" ] && git -C "$repo" worktree remove --force "$work/baseline-tree"
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release bench/Stack.Benchmarks --nologo -v quiet >/dev/null
mkdir "$work/with"; cp src/Stack.Analyzers/bin/Release/netstandard2.0/Stack.Analyzers.dll "$work/with/"
git -C "$repo" worktree add --detach "$work/baseline-tree" "$baseline_commit" >/dev/null 2>&1
dotnet build -c Release "$work/baseline-tree/src/Stack.Analyzers" --nologo -v quiet >/dev/null
mkdir "$work/baseline"; cp "$work/baseline-tree/src/Stack.Analyzers/bin/Release/netstandard2.0/Stack.Analyzers.dll" "$work/baseline/"

for pair in $(seq "${PAIRS:-4}"); do
  for variant in baseline with; do
    echo "== pair $pair, $variant ($([ "$variant" = with ] && echo "this tree" || echo "$baseline_commit")), load: $(cut -d' ' -f1-3 /proc/loadavg)"
    STACK_ANALYZERS="$work/$variant/Stack.Analyzers.dll" \
      dotnet bench/Stack.Benchmarks/bin/Release/net10.0/Stack.Benchmarks.dll analyzer-telemetry "${ROUNDS:-6}"
  done
done

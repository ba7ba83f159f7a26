#!/usr/bin/env bash
# Methods the JIT compiled in one emit of the reference stack (Release, ReadyToRun), and with
# BASELINE_DLL (another commit's Stack.Definition.dll, e.g. from a git worktree) the ones only
# this build compiles, grouped by type. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release src/Stack.Definition -v q -nologo >/dev/null
definition=$(ls src/Stack.Definition/bin/Release/net10.0/*/Stack.Definition.dll | head -n 1)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
compiled() { # dll -> sorted method list
  DOTNET_JitDisasmSummary=1 DOTNET_JitStdOutFile="$work/jit.txt" dotnet "$1" --out "$work/out-$2" >/dev/null
  sed -E 's/^ *[0-9]+: JIT compiled //; s/ \[Tier.*//' "$work/jit.txt" | sort >"$work/$2.txt"
  rm -f "$work/jit.txt"
}
compiled "$definition" current
echo "current: $(wc -l <"$work/current.txt") methods JIT-compiled"
if [ -n "${1:-}" ]; then
  compiled "$1" baseline
  echo "baseline: $(wc -l <"$work/baseline.txt") methods JIT-compiled"
  echo "only in current, by type:"
  comm -13 "$work/baseline.txt" "$work/current.txt" | sed -E 's/\(.*//; s/:[^:]*$//' | sort | uniq -c | sort -rn
fi

#!/usr/bin/env bash
# Emit cost of this tree against a baseline commit, interleaved A B A B (order shuffled per
# round), reporting wall and user-CPU medians: user CPU is steadier than wall time on a loaded
# machine. Usage: BASE=4856c00 RUNS=30 bench/emit-cpu-ab.sh
# Builds the baseline's Stack.Definition (Release) from `git archive` into a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${BASE:-4856c00}; runs=${RUNS:-30}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
if [ -z "${BASE_DLL:-}" ]; then # BASE_DLL=path/to/Stack.Definition.dll reuses a baseline already built
  mkdir -p "$work/base" && git archive "$base" | tar -x -C "$work/base"
  dotnet build -c Release "$work/base/src/Stack.Definition" -v q -nologo >/dev/null
fi
dotnet build -c Release src/Stack.Definition -v q -nologo >/dev/null
this=$(ls src/Stack.Definition/bin/Release/net10.0/*/Stack.Definition.dll | head -n 1)
that=${BASE_DLL:-$(ls "$work"/base/src/Stack.Definition/bin/Release/net10.0/*/Stack.Definition.dll | head -n 1)}
: >"$work/times"
for ((i = 0; i < runs; i++)); do
  for which in $(printf 'this\nbase\n' | shuf); do
    dll=$this; [ "$which" = base ] && dll=$that
    rm -rf "$work/out"
    /usr/bin/time -f "$which %e %U" -a -o "$work/times" dotnet "$dll" --out "$work/out" >/dev/null
  done
done
uptime
for which in this base; do
  grep "^$which " "$work/times" | awk -v w="$which" '{print $2" "$3}' | sort -n >"$work/$which.wall"
  wall=$(awk '{print $1}' "$work/$which.wall" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  user=$(awk '{print $2}' "$work/$which.wall" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$which: wall median ${wall}s, user-CPU median ${user}s ($runs runs)"
done

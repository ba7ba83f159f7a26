#!/usr/bin/env bash
# The emit's speed against a baseline commit, whole processes, interleaved (see bench/README.md):
#   ref        the built Stack.Definition (Release, ReadyToRun) emitting the reference stack into a fresh folder;
#   10k        `Stack.Benchmarks peak-memory 10000`: a cold build, validate and emit of 10,000 services;
#   compose/all (this tree only) the reference emitted with `--target compose` and with `--target all`
#              (compose + Swarm files): issue 25's "Swarm adds at most 10%";
#   clean compose/all (this tree only) the same for bench/SwarmClean: the reference with every Swarm
#              difference accepted, so `--target all` has no STK05nn finding to place.
# Each round runs every command once, in a shuffled order, so the machine's drift lands on all alike.
# Prints per command the median wall time and the median user CPU (ms), the ratios of the medians, and for
# the targets the median of the rounds' own ratios (paired: the machine's drift cancels out).
#   bash bench/emit-vs-baseline.sh [BASELINE_COMMIT]     (default c2d82cd; RUNS=N rounds, default 20;
#   TEN_K=0 leaves out the 10k runs, which take seconds each; BASELINE_TARGETS=1 runs the baseline's
#   --target compose and --target all too)
# The baseline is built in a temporary git worktree of this repository, removed at the end
# (BASELINE_DIR=folder: a checkout of the baseline already built in Release, used as it is;
# NO_BUILD=1: this tree is already built in Release too).
set -euo pipefail
cd "$(dirname "$0")/.."
baseline_commit=${1:-c2d82cd}
runs=${RUNS:-20}
work=$(mktemp -d)
base=${BASELINE_DIR:-$work/baseline}
cleanup() {
  [ -n "${BASELINE_DIR:-}" ] || git worktree remove --force "$base" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

build() { # folder
  dotnet build -c Release "$1/src/Stack.Definition" -v q -nologo >/dev/null
  dotnet build -c Release "$1/bench/Stack.Benchmarks" -v q -nologo >/dev/null
  [ ! -d "$1/bench/SwarmClean" ] || dotnet build -c Release "$1/bench/SwarmClean" -v q -nologo >/dev/null
}
if [ -z "${BASELINE_DIR:-}" ]; then
  git worktree add --detach "$base" "$baseline_commit" >/dev/null 2>&1
  build "$base"
fi
[ -n "${NO_BUILD:-}" ] || build .
dll() { ls "$1"/src/Stack.Definition/bin/Release/net10.0/*/Stack.Definition.dll | head -n 1; }
current=$(dll .)
baseline=$(dll "$base")
clean=$(ls bench/SwarmClean/bin/Release/net10.0/*/SwarmClean.dll | head -n 1)
benchmarks=bench/Stack.Benchmarks/bin/Release/net10.0/Stack.Benchmarks.dll

# name|command (split at spaces); every command writes into $work/out, emptied before each run.
commands=(
  "ref current|dotnet $current --out $work/out"
  "ref baseline|dotnet $baseline --out $work/out"
  "target compose|dotnet $current --out $work/out --target compose"
  "target all|dotnet $current --out $work/out --target all"
  "clean compose|dotnet $clean --out $work/out --target compose"
  "clean all|dotnet $clean --out $work/out --target all"
)
if [ -n "${BASELINE_TARGETS:-}" ]; then # the baseline's --target compose and --target all too
  commands+=(
    "base compose|dotnet $baseline --out $work/out --target compose"
    "base all|dotnet $baseline --out $work/out --target all"
  )
fi
if [ "${TEN_K:-1}" != 0 ]; then
  commands+=(
    "10k current|dotnet $benchmarks peak-memory 10000"
    "10k baseline|dotnet $base/$benchmarks peak-memory 10000"
  )
fi

TIMEFORMAT='%R %U'
for round in $(seq 0 "$runs"); do # round 0 warms the disk cache and is not kept
  while IFS= read -r entry; do
    name=${entry%%|*}
    command=${entry#*|}
    rm -rf "$work/out"
    { time $command >"$work/stdout" 2>"$work/stderr"; } 2>"$work/time" || { cat "$work/stderr"; exit 1; }
    [ "$round" = 0 ] && continue
    echo "$(cat "$work/time")" >>"$work/times.$name"
    case $name in 10k*) sed -nE 's/.* in ([0-9]+) ms.*peak working set ([0-9]+) MiB/\1 \2/p' "$work/stdout" >>"$work/inner.$name" ;; esac
  done < <(printf '%s\n' "${commands[@]}" | shuf)
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
wall() { awk '{ print $1 * 1000 }' "$work/times.$1" | median; }
user() { awk '{ print $2 * 1000 }' "$work/times.$1" | median; }
echo "$runs rounds, shuffled per round; $(uptime | sed 's/.*load/load/'); baseline $(git -C "$base" rev-parse --short HEAD), current $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' + uncommitted changes')"
printf '| %-15s | %9s | %9s |\n' command "wall [ms]" "user [ms]"
printf "|:%s|%s:|%s:|\n" "----------------" "----------" "----------"
for entry in "${commands[@]}"; do
  name=${entry%%|*}
  printf '| %-15s | %9.0f | %9.0f |\n' "$name" "$(wall "$name")" "$(user "$name")"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
# The median of the ratios of two commands' wall times in the same round: both ran within a second
# of each other, so the machine's drift over the run (this one's speed moves by 10%) cancels out.
paired() { paste "$work/times.$1" "$work/times.$2" | awk '{ print $1 / $3 }' | median | awk '{ printf "%.3f", $1 }'; }
echo
echo "reference emit, current / baseline: wall $(ratio "$(wall 'ref current')" "$(wall 'ref baseline')"), user $(ratio "$(user 'ref current')" "$(user 'ref baseline')")"
echo "--target all / --target compose:     wall $(ratio "$(wall 'target all')" "$(wall 'target compose')"), user $(ratio "$(user 'target all')" "$(user 'target compose')"), wall paired by round $(paired 'target all' 'target compose')"
echo "  the same, Swarm-clean stack:        wall $(ratio "$(wall 'clean all')" "$(wall 'clean compose')"), user $(ratio "$(user 'clean all')" "$(user 'clean compose')"), wall paired by round $(paired 'clean all' 'clean compose')"
if [ -n "${BASELINE_TARGETS:-}" ]; then
  echo "baseline's all / compose:             wall $(ratio "$(wall 'base all')" "$(wall 'base compose')"), user $(ratio "$(user 'base all')" "$(user 'base compose')"), wall paired by round $(paired 'base all' 'base compose')"
  echo "--target all, current / baseline:    wall $(ratio "$(wall 'target all')" "$(wall 'base all')"), user $(ratio "$(user 'target all')" "$(user 'base all')")"
fi
if [ "${TEN_K:-1}" != 0 ]; then
  echo "10k services, current / baseline:    wall $(ratio "$(wall '10k current')" "$(wall '10k baseline')"), user $(ratio "$(user '10k current')" "$(user '10k baseline')")"
  for name in "10k current" "10k baseline"; do
    echo "  $name: in-process validate+emit median $(awk '{ print $1 }' "$work/inner.$name" | median) ms, peak working set median $(awk '{ print $2 }' "$work/inner.$name" | median) MiB"
  done
fi

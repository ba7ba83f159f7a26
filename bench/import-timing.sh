#!/usr/bin/env bash
# `stack import -f FILE` as a process (Release), this tree against a baseline commit, interleaved:
# every round runs each (build, file) pair once in a shuffled order, so the machine's drift lands
# on both alike. Prints per build and file the median wall and user-CPU seconds and the ratios.
#   BASELINE=<commit> (default ab8ce37: before the import compiled its C# with Roslyn)
#   RUNS=N rounds (default 15); FILES="a.yml b.yml" (default: three of the import test corpus)
# The baseline is built in a temporary git worktree, removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
baseline=${BASELINE:-ab8ce37}
runs=${RUNS:-15}
files=${FILES:-"tests/Stack.Engine.Tests/Import/Files/first-run.yml tests/Stack.Engine.Tests/Import/TraefikCorpus/redirect-pairs.yml tests/Stack.Engine.Tests/Corpus/Files/web-basics.yml"}
work=$(mktemp -d)
tree="$work/baseline"
cleanup() { git -C "$root" worktree remove --force "$tree" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
git -C "$root" worktree add -q --detach "$tree" "$baseline"
dotnet build -c Release "$root/src/Stack.Tool" -v q -nologo >/dev/null
dotnet build -c Release "$tree/src/Stack.Tool" -v q -nologo >/dev/null
declare -A tool=([current]="$root/src/Stack.Tool/bin/Release/net10.0/Stack.Tool.dll" [baseline]="$tree/src/Stack.Tool/bin/Release/net10.0/Stack.Tool.dll")
for file in $files; do mkdir -p "$work/in/$(basename "$file" .yml)"; cp "$root/$file" "$work/in/$(basename "$file" .yml)/"; done
echo "load before: $(uptime)"
for round in $(seq "$runs"); do
  for pair in $(for b in current baseline; do for f in $files; do echo "$b:$(basename "$f" .yml)"; done; done | shuf); do
    build=${pair%%:*}; name=${pair#*:}; out="$work/out-$pair-$round.cs"
    /usr/bin/time -f "$build $name %e %U %x" -a -o "$work/times" dotnet "${tool[$build]}" import -f "$work/in/$name/$name.yml" -o "$out" >/dev/null 2>"$work/err" || { echo "$pair failed:"; cat "$work/err"; }
  done
done
echo "load after: $(uptime)"
python3 - "$work/times" <<'PY'
import sys, statistics, collections
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    build, name, wall, user, code = line.split()
    rows[(build, name)].append((float(wall), float(user), int(code)))
print(f"{'file':<16}{'build':<10}{'runs':>5}{'wall med':>10}{'user med':>10}{'exit':>6}")
for name in sorted({n for _, n in rows}):
    med = {}
    for build in ("baseline", "current"):
        r = rows[(build, name)]
        med[build] = (statistics.median(w for w, _, _ in r), statistics.median(u for _, u, _ in r))
        print(f"{name:<16}{build:<10}{len(r):>5}{med[build][0]:>10.3f}{med[build][1]:>10.3f}{max(c for *_, c in r):>6}")
    print(f"{name:<16}{'ratio':<10}{'':>5}{med['current'][0] / med['baseline'][0]:>10.2f}{med['current'][1] / med['baseline'][1]:>10.2f}   (current / baseline)")
PY

#!/usr/bin/env bash
# Stack's analyzers' cost in the real build of a 1,000-service definition, measured two ways that
# move less with a loaded machine than the wall clock (bench/analyzer-build-timing.sh):
#   - share: the compiler's own timing (`-p:ReportAnalyzer=true`): the time it spent in
#     Stack.Analyzers, as a fraction of the Csc task. Thread time, summed over the analyzer
#     threads, and it includes the binding the analyzers ask for (paid by whichever analyzer asks
#     first: the .NET SDK's own analyzers bind the same code when Stack's do not).
#   - CPU: the build's user+sys CPU time (MSBuild in one process, csc as its child, no compiler
#     server), with the analyzers against without them: what they add to the machine's work.
# Every build is a fresh compiler process (UseSharedCompilation=false): the analyzers are
# JIT-compiled cold each time, as on CI. Runs alternate (without, baseline, with, ...).
# RUNS=N (default 11), SERVICES=N (default 1000), BASELINE_COMMIT=<commit> (default 4856c00:
# built in a temporary git worktree, removed at the end; BASELINE_COMMIT= to skip).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
runs=${RUNS:-11}
baseline_commit=${BASELINE_COMMIT-4856c00}
work=$(mktemp -d)
cleanup() {
  [ -d "$work/baseline-tree" ] && git -C "$repo" worktree remove --force "$work/baseline-tree"
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release bench/Stack.Benchmarks --nologo -v quiet >/dev/null # also builds Stack.Dsl and Stack.Analyzers
dotnet run -c Release --project bench/Stack.Benchmarks --no-build -- write-definition "${SERVICES:-1000}" "$work/src"
dsl=$repo/src/Stack.Dsl/bin/Release/net10.0/Stack.Dsl.dll
mkdir "$work/with"; cp src/Stack.Analyzers/bin/Release/netstandard2.0/Stack.Analyzers.dll "$work/with/"
variants="without with"
if [ -n "$baseline_commit" ]; then
  git -C "$repo" worktree add --detach "$work/baseline-tree" "$baseline_commit" >/dev/null 2>&1
  dotnet build -c Release "$work/baseline-tree/src/Stack.Analyzers" --nologo -v quiet >/dev/null
  mkdir "$work/baseline"; cp "$work/baseline-tree/src/Stack.Analyzers/bin/Release/netstandard2.0/Stack.Analyzers.dll" "$work/baseline/"
  variants="without baseline with"
fi
cat >"$work/Definition.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="src/*.cs" />
    <Reference Include="$dsl" />
    <Analyzer Include="$work/\$(WithStack)/Stack.Analyzers.dll" Condition="'\$(WithStack)' != 'without'" />
  </ItemGroup>
</Project>
XML
dotnet restore "$work" --nologo -v quiet

build() { # variant -> "variant stack_s csc_ms cpu_s wall_s"
  local log=$work/build.log
  /usr/bin/time -f '%U %S %e' -o "$work/time.txt" \
    dotnet build "$work" --no-restore --no-incremental --nologo -v d -m:1 -nr:false -clp:PerformanceSummary \
      -p:UseSharedCompilation=false -p:ReportAnalyzer=true -p:WithStack="$1" >"$log"
  local stack csc
  stack=$(awk '$3 == "Stack.Analyzers," { print $1; exit }' "$log"); stack=${stack:-0}
  csc=$(awk '$3 == "Csc" && $2 == "ms" { print $1; exit }' "$log")
  read -r user sys wall <"$work/time.txt"
  echo "$1 $stack $csc $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $wall"
}

# Prove each variant loads and passes the definition (warnings as errors), and warm the disk cache.
for variant in $variants; do
  dotnet build "$work" --no-restore --nologo -v quiet -p:UseSharedCompilation=false -p:WithStack="$variant" -warnaserror >/dev/null
done
echo "load before: $(uptime)"
for _ in $(seq "$runs"); do
  for variant in $variants; do build "$variant"; done
done >"$work/runs.txt"
echo "load after:  $(uptime)"

median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
column_of() { awk -v v="$1" -v c="$2" '$1 == v { print $c }' "$work/runs.txt" | median; }
without_cpu=$(column_of without 4)
without_csc=$(column_of without 3)
printf '%-9s %10s %10s %8s %9s %9s %9s\n' variant stack-ms csc-ms share cpu-s cpu-cost csc-cost
for variant in $variants; do
  awk -v v="$variant" -v s="$(column_of "$variant" 2)" -v c="$(column_of "$variant" 3)" -v u="$(column_of "$variant" 4)" \
    -v u0="$without_cpu" -v c0="$without_csc" \
    'BEGIN { printf "%-9s %10.0f %10.0f %7.1f%% %9.2f %+8.1f%% %+8.1f%%\n", v, s * 1000, c, s * 100000 / c, u, (u - u0) * 100 / u0, (c - c0) * 100 / c0 }'
done
echo "medians of $runs interleaved runs; share = Stack.Analyzers' reported time / the Csc task's time;"
echo "cpu-cost and csc-cost: against the build without Stack's analyzers. Raw runs (variant stack-s csc-ms cpu-s wall-s):"
cat "$work/runs.txt"

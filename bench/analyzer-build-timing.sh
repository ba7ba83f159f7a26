#!/usr/bin/env bash
# The real build of a 1,000-service definition (`dotnet build --no-incremental`), with and without
# Stack's analyzers, in both ways the compiler runs:
#   - server: the compiler server (VBCSCompiler) stays warm between builds. The SDK's default.
#   - no-server: UseSharedCompilation=false, a fresh compiler process per build, as CI machines and
#     this one (its environment sets it) run it. Everything the analyzers run is compiled cold.
# Runs alternate (without, with, without, ...) so the machine's drift hits both alike; the
# medians (and the fastest runs, the least disturbed on a noisy machine) are compared. `RUNS=N` (default 15), `SERVICES=N` (default 1000); `BASELINE=path/to/
# Stack.Analyzers.dll` adds a third variant with that build of the analyzers (an earlier commit's).
# With BASELINE, read only the no-server rows: a compiler server holding two builds of one
# analyzer assembly and switching between them each build reloads them, which a user never sees.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-15}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

dotnet build -c Release bench/Stack.Benchmarks --nologo -v quiet # also builds Stack.Dsl and Stack.Analyzers
dotnet run -c Release --project bench/Stack.Benchmarks --no-build -- write-definition "${SERVICES:-1000}" "$work/src"
dsl=$(pwd)/src/Stack.Dsl/bin/Release/net10.0/Stack.Dsl.dll
analyzer=$(pwd)/src/Stack.Analyzers/bin/Release/netstandard2.0/Stack.Analyzers.dll
baseline_item=""
[ -n "${BASELINE:-}" ] && baseline_item="<Analyzer Include=\"$BASELINE\" Condition=\"'\$(WithStack)' == 'baseline'\" />"
cat >"$work/Definition.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="src/*.cs" />
    <Reference Include="$dsl" />
    <Analyzer Include="$analyzer" Condition="'\$(WithStack)' == 'with'" />
    $baseline_item
  </ItemGroup>
</Project>
XML
dotnet restore "$work" --nologo -v quiet

build() { # mode variant -> milliseconds
  local shared=false; [ "$1" = server ] && shared=true
  local start end
  start=$(date +%s%N)
  dotnet build "$work" --no-restore --no-incremental --nologo -v quiet -p:UseSharedCompilation=$shared -p:WithStack=$2 >/dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

# Prove the analyzers load and pass the definition (warnings as errors), and warm the server.
dotnet build "$work" --no-restore --nologo -v quiet -p:UseSharedCompilation=true -p:WithStack=with -warnaserror >/dev/null
variants="without with"; [ -n "${BASELINE:-}" ] && variants="without baseline with"
for mode in server no-server; do
  for variant in $variants; do build "$mode" "$variant" >/dev/null; done # warm-up
  for _ in $(seq "$runs"); do
    for variant in $variants; do echo "$mode $variant $(build "$mode" "$variant")"; done
  done
done >"$work/times.txt"

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
fastest() { sort -n | head -n 1; }
runs_of() { awk -v m="$1" -v v="$2" '$1 == m && $2 == v { print $3 }' "$work/times.txt"; }
printf '%-10s %-9s %9s %8s %9s %8s\n' mode variant median cost fastest cost
for mode in server no-server; do
  without_median=$(runs_of "$mode" without | median)
  without_fastest=$(runs_of "$mode" without | fastest)
  for variant in $variants; do
    awk -v m="$mode" -v v="$variant" -v a="$without_median" -v b="$(runs_of "$mode" "$variant" | median)" \
      -v c="$without_fastest" -v d="$(runs_of "$mode" "$variant" | fastest)" \
      'BEGIN { printf "%-10s %-9s %6d ms %+7.1f%% %6d ms %+7.1f%%\n", m, v, b, (b - a) * 100 / a, d, (d - c) * 100 / c }'
  done
done

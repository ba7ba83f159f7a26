#!/usr/bin/env bash
# Whole-process timing, side by side in one interleaved run (bench/Stack.Benchmarks/ProcessTiming.cs):
#   1. the built Stack.Definition (Release, ReadyToRun) emitting the reference stack into a fresh folder;
#   2. `docker-compose config -q` on the same stack (a copy without the top-level name:);
#   3. a hello-world .NET console (the floor any .NET program pays to start).
# Targets: (1) <= 0.25 x (2) and <= 3 x (3), medians. `RUNS=N` rounds (default 40);
# `BASELINE=path/to/Stack.Definition.dll` adds an earlier build (another commit's) to the same rounds.
# Installs docker-compose when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v docker-compose >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null; }
dotnet build -c Release src/Stack.Definition -v q -nologo >/dev/null
dotnet build -c Release bench/HelloWorld -v q -nologo >/dev/null
dotnet build -c Release bench/Stack.Benchmarks -v q -nologo >/dev/null
definition=$(ls src/Stack.Definition/bin/Release/net10.0/*/Stack.Definition.dll | head -n 1)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
sed '/^name:/d' generated/docker-compose.yml >"$work/compose.yml"
baseline=()
[ -n "${BASELINE:-}" ] && baseline=("baseline emit=dotnet $BASELINE --out $work/out")
dotnet bench/Stack.Benchmarks/bin/Release/net10.0/Stack.Benchmarks.dll process-timing "${RUNS:-40}" "$work/out" \
  "stack emit=dotnet $definition --out $work/out" \
  "${baseline[@]}" \
  "docker-compose config -q=docker-compose -f $work/compose.yml config -q" \
  "hello world=dotnet bench/HelloWorld/bin/Release/net10.0/HelloWorld.dll"

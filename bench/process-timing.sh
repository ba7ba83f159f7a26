#!/usr/bin/env bash
# Whole-process timing, side by side in one hyperfine run:
#   1. the built Stack.Definition (Release, ReadyToRun) emitting the reference stack into a temp folder;
#   2. `docker-compose config -q` on the same stack (a copy without the top-level name:);
#   3. a hello-world .NET console (the floor any .NET program pays to start).
# Targets: (1) <= 0.2 x (2) and <= 3 x (3). Installs hyperfine and docker-compose when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine docker-compose; do
  command -v "$tool" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null; }
done
dotnet build -c Release src/Stack.Definition -v q -nologo >/dev/null
dotnet build -c Release bench/HelloWorld -v q -nologo >/dev/null
definition=$(ls src/Stack.Definition/bin/Release/net10.0/*/Stack.Definition.dll | head -n 1)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
sed '/^name:/d' generated/docker-compose.yml >"$work/compose.yml"
hyperfine -N --warmup 3 --runs "${RUNS:-30}" --prepare "rm -rf $work/out" --export-markdown "$work/result.md" \
  -n "stack emit (built dll)" "dotnet $definition --out $work/out" \
  -n "docker-compose config -q" "docker-compose -f $work/compose.yml config -q" \
  -n "hello world (.NET)" "dotnet bench/HelloWorld/bin/Release/net10.0/HelloWorld.dll"
cat "$work/result.md"

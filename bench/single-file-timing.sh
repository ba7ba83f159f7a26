#!/usr/bin/env bash
# The single-file flow, side by side in one hyperfine run (issue 14's targets):
#   1. `dotnet run stack.cs` on samples/single-file with nothing changed, against the package
#      packed from the repository (ReadyToRun for linux-x64, as published);
#   2. `docker-compose config -q` on the same stack (its generated file, without the top-level name:);
#   3. an edit (a healthcheck retry count) followed by `dotnet run stack.cs`: edit to new YAML.
# Targets: (1) <= 0.75 x (2); (3) <= 4 s. `RUNS=N` to change the count.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-15}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

dotnet pack src/Stack.Dsl -c Release -o "$work/feed" --nologo -v quiet
cp -r samples/single-file "$work/app"
run="dotnet run --property:RestoreAdditionalProjectSources=$work/feed --property:RestorePackagesPath=$work/packages stack.cs"
(cd "$work/app" && $run >/dev/null)
grep -v '^name:' "$work/app/generated/docker-compose.yml" >"$work/compose.yml"
cd "$work/app"
hyperfine --warmup 2 --runs "$runs" -N \
  -n "dotnet run stack.cs (nothing changed)" "$run" \
  -n "docker-compose config -q" "docker-compose -f $work/compose.yml config -q"
hyperfine --runs 5 -n "edit, then dotnet run stack.cs" \
  --prepare "sed -i \"s/Retries = [0-9]*/Retries = \$(( \$(date +%s%N) % 900 + 1 ))/\" stack.cs" "$run"

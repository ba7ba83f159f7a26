#!/usr/bin/env bash
# The real build of a 1,000-service definition (dotnet build, compiler server warm), with and
# without the checklist analyzer, side by side (hyperfine). `RUNS=N` to change the count.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-15}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT

dotnet build -c Release bench/Stack.Benchmarks --nologo -v quiet # also builds Stack.Dsl and Stack.Analyzers
dotnet run -c Release --project bench/Stack.Benchmarks --no-build -- write-definition "${SERVICES:-1000}" "$work/src"
dsl=$(pwd)/src/Stack.Dsl/bin/Release/net10.0/Stack.Dsl.dll
analyzer=$(pwd)/src/Stack.Analyzers/bin/Release/netstandard2.0/Stack.Analyzers.dll
cat >"$work/Definition.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="src/*.cs" />
    <Reference Include="$dsl" />
    <Analyzer Include="$analyzer" Condition="'\$(WithChecklist)' == 'true'" />
  </ItemGroup>
</Project>
XML
dotnet restore "$work" --nologo -v quiet
# Warm the compiler server, and prove the analyzer loads (the definition passes the checklist).
dotnet build "$work" --no-restore --nologo -v quiet -p:WithChecklist=true -warnaserror
hyperfine --warmup 2 --runs "$runs" \
  -n "build without analyzer" "dotnet build $work --no-restore --no-incremental --nologo -v quiet -p:WithChecklist=false" \
  -n "build with the checklist analyzer" "dotnet build $work --no-restore --no-incremental --nologo -v quiet -p:WithChecklist=true"

#!/usr/bin/env bash
# ./benchmarks/run.sh SUITE [ARGS...]: builds the benchmarks in Release, installs the suite's peer (Debian
# packages listed in benchmarks/peers/SUITE.apt) if missing, runs SemRestore and the peer alternately, prints a
# Markdown table and writes benchmarks/results/SUITE.json.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
suite="${1:?usage: benchmarks/run.sh SUITE [ARGS...]}"
shift
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
deps="$root/benchmarks/peers/$suite.apt"
if [ -f "$deps" ]; then
  missing=()
  while read -r pkg; do
    [ -z "$pkg" ] && continue
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done < "$deps"
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "run.sh: installing peer packages: ${missing[*]}" >&2
    if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2
    else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >&2; fi
  fi
fi
out="$root/.build/benchmarks"
dotnet build "$root/benchmarks/SemRestore.Benchmarks/SemRestore.Benchmarks.csproj" -c Release -o "$out" -nologo -v q -clp:ErrorsOnly >&2
work="$root/benchmarks/.work/$suite"
mkdir -p "$work"
cd "$root"
exec dotnet "$out/SemRestore.Benchmarks.dll" "$suite" --work "$work" --results "$root/benchmarks/results" "$@"

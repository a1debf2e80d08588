#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what is missing (the .NET 10 SDK is expected; PostgreSQL's
# server binaries and Chromium are installed from Debian's packages when absent), then builds warning-free and runs all
# test projects, the sample host's in-process and browser tests included.
# The integration tests start their own throwaway PostgreSQL cluster; set METRICSETS_TEST_CONNECTION to use a server instead.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${METRICSETS_TEST_CONNECTION:-}" ]] && ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 && ! command -v pg_ctl >/dev/null 2>&1; then
  echo "PostgreSQL server binaries not found; installing Debian's postgresql package" >&2
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
fi

# The sample's browser test drives Debian's headless Chromium.
if [[ -z "${CHROMIUM_PATH:-}" ]] && ! command -v chromium >/dev/null 2>&1; then
  echo "Chromium not found; installing Debian's chromium package for the browser test" >&2
  sudo_cmd=""; [[ $(id -u) -ne 0 ]] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build MetricSets.sln -c Release -warnaserror
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test MetricSets.sln -c Release --no-build "$@" | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole run, summed over the test projects.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i + 1); if ($i == "Failed:") f += $(i + 1) } }
     END { printf "%d passed, %d failed\n", p, f }' "$log"
exit "$status"

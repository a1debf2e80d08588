#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what is missing (the .NET 10 SDK is expected; PostgreSQL's
# server binaries and Chromium are installed from Debian's packages when absent), then builds warning-free and runs all
# test projects, the sample host's in-process and browser tests included.
# The integration tests start their own throwaway PostgreSQL cluster; set METRICSETS_TEST_CONNECTION to use a server instead.
set -euo pipefail
cd "$(dirname "$0")/.."

. .ci/packages.sh
ensure_debian_package postgresql "PostgreSQL server binaries not found" has_postgres_server
ensure_debian_package chromium "Chromium not found (the sample's browser test drives it headless)" \
  bash -c '[[ -n "${CHROMIUM_PATH:-}" ]] || command -v chromium'

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

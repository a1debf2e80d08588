#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: installs what is missing (the .NET 10 SDK is expected; PostgreSQL's
# server binaries, PgBouncer and Chromium are installed from Debian's packages when absent), then builds warning-free and
# runs all test projects, the sample host's in-process and browser tests included.
# The integration tests start their own throwaway PostgreSQL cluster; set METRICSETS_TEST_CONNECTION to use a server
# instead (the harness's own tests still start a few clusters, standbys and PgBouncers, so the server binaries and
# PgBouncer are installed either way).
# Afterwards the run fails if any PostgreSQL server, PgBouncer, or directory of theirs that it started is left behind.
set -euo pipefail
cd "$(dirname "$0")/.."

. .ci/packages.sh
ensure_debian_package postgresql "PostgreSQL server binaries not found" has_postgres_server
ensure_debian_package pgbouncer "PgBouncer not found (the test harness runs it in front of a throwaway server)" has_pgbouncer
ensure_debian_package chromium "Chromium not found (the sample's browser test drives it headless)" \
  bash -c '[[ -n "${CHROMIUM_PATH:-}" ]] || command -v chromium'

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build MetricSets.sln -c Release -warnaserror

# The tests' temporary files, throwaway clusters and standbys (metricsets-pg-*) and PgBouncers (metricsets-pgbouncer-*)
# included, go to a directory of this run's own, so the check below sees this run's servers only and never those of
# another run on the same machine. The postgres OS user, which runs the servers when we are root, must be able to enter it.
run_tmp=$(mktemp -d "${TMPDIR:-/tmp}/metricsets-test-run.XXXXXX")
chmod 755 "$run_tmp"
log=$(mktemp)
directories_of_this_run() { compgen -G "$run_tmp/metricsets-pg-*" || true; compgen -G "$run_tmp/metricsets-pgbouncer-*" || true; }
# An interrupted run leaves its servers to their watchdogs, so the directory goes only when they are gone.
trap 'rm -f "$log"; [[ -n $(directories_of_this_run) ]] || rm -rf "$run_tmp"' EXIT

set +e
TMPDIR=$run_tmp dotnet test MetricSets.sln -c Release --no-build "$@" | tee "$log"
status=${PIPESTATUS[0]}
set -e

# postmasters started from this run's clusters (their command line keeps "postgres -D <dir>") and PgBouncers started
# with this run's configurations ("pgbouncer -d <dir>/pgbouncer.ini"); read from /proc, so the check needs no procps.
servers_of_this_run() {
  local cmdline args
  for cmdline in /proc/[0-9]*/cmdline; do
    args=$(tr '\0' ' ' 2>/dev/null <"$cmdline") || continue
    if [[ $args == *"postgres -D $run_tmp/metricsets-pg-"* || $args == *"pgbouncer -d $run_tmp/metricsets-pgbouncer-"* ]]; then
      cmdline=${cmdline#/proc/}
      echo "  process ${cmdline%/cmdline}: $args"
    fi
  done
}

# Servers stop on disposal, or else their watchdog stops them within a second or so of the test host's exit.
for _ in $(seq 1 30); do
  [[ -z $(servers_of_this_run) && -z $(directories_of_this_run) ]] && break
  sleep 0.5
done
servers=$(servers_of_this_run)
directories=$(directories_of_this_run)
if [[ -n $servers || -n $directories ]]; then
  {
    echo "FAILED: this run left PostgreSQL or PgBouncer behind (15 s after the tests ended):"
    [[ -n $servers ]] && echo "$servers"
    [[ -n $directories ]] && sed 's/^/  directory /' <<<"$directories"
    echo "Stopping and deleting them now; the watchdogs of tests/MetricSets.Testing.PostgreSql/Watchdog.cs should have."
  } >&2
  # SIGQUIT is a postmaster's immediate shutdown; PgBouncer's meaning of each signal changed in 1.23, so it gets SIGKILL.
  while read -r pid args; do
    [[ -n $pid ]] || continue
    if [[ $args == *"pgbouncer -d "* ]]; then kill -KILL "$pid" 2>/dev/null || true; else kill -QUIT "$pid" 2>/dev/null || true; fi
  done < <(sed -n 's/^  process \([0-9]*\): \(.*\)/\1 \2/p' <<<"$servers")
  sleep 1
  rm -rf "$run_tmp"/metricsets-pg-* "$run_tmp"/metricsets-pgbouncer-*
  status=1
fi

# One closing line for the whole run, summed over the test projects.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i + 1); if ($i == "Failed:") f += $(i + 1) } }
     END { printf "%d passed, %d failed\n", p, f }' "$log"
exit "$status"

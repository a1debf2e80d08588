#!/usr/bin/env bash
# Runs the sample host on http://127.0.0.1:5000 (METRICSETS_SAMPLE_URLS to change it; extra arguments go to the host),
# in the Development environment unless ASPNETCORE_ENVIRONMENT says otherwise.
#
# The host reads its database from ConnectionStrings:MetricSets. When ConnectionStrings__MetricSets is set, it uses
# that server. Otherwise this script provides a throwaway PostgreSQL: it installs Debian's postgresql package if the
# server binaries are missing (through sudo when not root), runs initdb into a temporary directory (as the postgres OS
# user when run as root: PostgreSQL refuses to run as root), starts it on a free loopback port with fsync off, and
# stops it and deletes the directory when the host ends, Ctrl+C and `kill` included.
set -euo pipefail
cd "$(dirname "$0")/.."

urls=${METRICSETS_SAMPLE_URLS:-http://127.0.0.1:5000}
# The page's demo directory (/demo) and the OpenAPI document are mapped in Development only.
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}

# Runs the host in the background and waits for it, so that INT or TERM sent to this script alone (not only Ctrl+C,
# which the terminal sends to every process in the foreground) reaches the trap at once; the trap passes TERM on, and
# the host shuts down as it does on Ctrl+C. The cluster is stopped only after the host has ended.
run_host() {
  dotnet run --project samples/MetricSets.SampleHost -- --urls "$urls" "$@" &
  host=$!
  trap 'kill -TERM "$host" 2>/dev/null || true' INT TERM
  local status=0
  while kill -0 "$host" 2>/dev/null; do
    wait "$host" || status=$?
  done
  return "$status"
}

if [[ -n ${ConnectionStrings__MetricSets:-} ]]; then
  run_host "$@"
  exit
fi

. .ci/packages.sh
ensure_debian_package postgresql "PostgreSQL server binaries not found" has_postgres_server

# Debian keeps the server binaries off the PATH, one directory per major version: take the newest.
bindir=${PG_BINDIR:-}
if [[ -z $bindir ]]; then
  newest=$(compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" | sort -V | tail -n 1 || true)
  bindir=$(dirname "${newest:-$(command -v pg_ctl)}")
fi

as_server_user=()
if [[ $(id -u) -eq 0 ]]; then
  as_server_user=(runuser -u postgres --)
fi

cluster=$(mktemp -d "${TMPDIR:-/tmp}/metricsets-sample-pg.XXXXXX")
stop_cluster() {
  if [[ -f $cluster/data/postmaster.pid ]]; then
    "${as_server_user[@]}" "$bindir/pg_ctl" -D "$cluster/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf -- "$cluster"
  echo "Stopped the throwaway PostgreSQL and deleted $cluster" >&2
}
trap stop_cluster EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ ${#as_server_user[@]} -gt 0 ]]; then
  chown postgres "$cluster"
fi
"${as_server_user[@]}" "$bindir/initdb" -D "$cluster/data" -U postgres -A trust -E UTF8 --no-locale --no-sync >/dev/null

# A free port: skip those something answers on, and try another if the server still cannot bind (a race).
port=
for _ in $(seq 1 20); do
  candidate=$((20000 + RANDOM % 30000))
  if (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
    continue
  fi
  if "${as_server_user[@]}" "$bindir/pg_ctl" -D "$cluster/data" -l "$cluster/server.log" -w -t 60 \
      -o "-p $candidate -c listen_addresses=127.0.0.1 -k $cluster -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
    port=$candidate
    break
  fi
done
if [[ -z $port ]]; then
  echo "Could not start PostgreSQL on a free port; its log follows." >&2
  cat "$cluster/server.log" >&2 || true
  exit 1
fi

"$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres metricsets_sample
export ConnectionStrings__MetricSets="Host=127.0.0.1;Port=$port;Username=postgres;Database=metricsets_sample"
echo "Throwaway PostgreSQL listening on 127.0.0.1:$port (database metricsets_sample, files in $cluster)"
echo "Sample host on $urls; Ctrl+C stops it and the database"
run_host "$@"

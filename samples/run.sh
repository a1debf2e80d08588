#!/usr/bin/env bash
# Runs the sample host on http://127.0.0.1:5000 with a throwaway PostgreSQL (installed from Debian's packages if the
# machine has none). Ctrl+C stops the host and the database. Pass ConnectionStrings__MetricSets to use your own server.
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/packages.sh
ensure_debian_package postgresql "PostgreSQL server binaries not found" has_postgres_server
exec dotnet run --project samples/MetricSets.SampleHost -- --urls "${METRICSETS_SAMPLE_URLS:-http://127.0.0.1:5000}" "$@"

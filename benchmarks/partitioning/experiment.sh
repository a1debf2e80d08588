#!/usr/bin/env bash
# Time partitioning of member_metrics, measured (docs/scaling.md, "Time partitioning, assessed").
#
# Builds two copies of the same values in one database — member_metrics as the library creates it (one table, primary
# key on id) and a copy range-partitioned by recorded_at (one partition per month over five years; the primary key must
# then include recorded_at) — and measures with pgbench, one client, the statements the hot paths use:
#   latest   the latest value of each of a set's 20 definitions for one member (GetLatestAsync's probe)
#   history  one member's values of one definition in the last 90 days (a bounded history page)
#   id       one value by id (the idempotency lookup of a retried write)
# then the sizes, and retention: dropping the oldest month against deleting it.
#
#   bash benchmarks/partitioning/experiment.sh "host=127.0.0.1 port=5432 user=postgres" [members]
#
# The first argument is a libpq connection string to a server this script may create a database on (it drops and
# recreates metricsets_partitioning). Members default to 2,000: 2,000 x 20 definitions x 100 values = 4M rows.
set -euo pipefail

server=${1:?"a libpq connection string, e.g. \"host=127.0.0.1 port=5432 user=postgres\""}
members=${2:-2000}
seconds=${SECONDS_PER_RUN:-15}
bin=$(pg_config --bindir 2>/dev/null || echo /usr/lib/postgresql/15/bin)
db="metricsets_partitioning"
psql() { "$bin/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }

psql "$server dbname=postgres" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
target="$server dbname=$db"

echo "== generating $members members x 20 definitions x 100 values"
psql "$target" <<SQL
CREATE TABLE plain (
    id uuid NOT NULL PRIMARY KEY,
    member_id uuid NOT NULL, definition_id uuid NOT NULL, value numeric(14,4) NOT NULL, unit text NOT NULL,
    recorded_at timestamptz NOT NULL, source varchar(50), organization_id uuid);

-- Values spread evenly over the five years before 2026-11-01; ids are UUIDv7-like (time first), as the library's.
INSERT INTO plain
SELECT (lpad(to_hex((extract(epoch FROM t) * 1000)::bigint), 12, '0') || substr(md5(m || '-' || d || '-' || v), 13, 20))::uuid,
       ('00000000-0000-0000-0000-' || lpad(to_hex(m), 12, '0'))::uuid,
       ('00000000-0000-0000-0001-' || lpad(to_hex(d), 12, '0'))::uuid,
       round((random() * 200)::numeric, 1), 'kg', t, 'self_report', '00000000-0000-0000-0002-000000000001'
FROM generate_series(1, $members) AS m, generate_series(1, 20) AS d, generate_series(1, 100) AS v,
     LATERAL (SELECT timestamptz '2021-11-01' + (v - 1 + random()) * interval '18 days 6 hours' AS t) AS at;

CREATE TABLE parted (LIKE plain) PARTITION BY RANGE (recorded_at);
DO \$\$
DECLARE month date := date '2021-11-01';
BEGIN
    WHILE month < date '2026-12-01' LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF parted FOR VALUES FROM (%L) TO (%L)',
                       'parted_' || to_char(month, 'YYYY_MM'), month, month + interval '1 month');
        month := month + interval '1 month';
    END LOOP;
END \$\$;
INSERT INTO parted SELECT * FROM plain;

-- The seed's primary key cannot be kept: a unique key of a partitioned table must include the partition key.
ALTER TABLE parted ADD PRIMARY KEY (id, recorded_at);
CREATE INDEX plain_member_def_recorded_idx ON plain (member_id, definition_id, recorded_at DESC);
CREATE INDEX parted_member_def_recorded_idx ON parted (member_id, definition_id, recorded_at DESC);
VACUUM ANALYZE plain;
VACUUM ANALYZE parted;
SQL

for table in plain parted; do
    cat > "/tmp/partitioning-latest-$table.sql" <<SQL
\set m random(1, $members)
SELECT d.i, x.value FROM generate_series(1, 20) AS d(i)
CROSS JOIN LATERAL (
    SELECT p.value FROM $table AS p
    WHERE p.member_id = ('00000000-0000-0000-0000-' || lpad(to_hex(:m::int), 12, '0'))::uuid
      AND p.definition_id = ('00000000-0000-0000-0001-' || lpad(to_hex(d.i), 12, '0'))::uuid
    ORDER BY p.recorded_at DESC LIMIT 1) AS x;
SQL
    cat > "/tmp/partitioning-history-$table.sql" <<SQL
\set m random(1, $members)
SELECT p.id, p.value, p.recorded_at FROM $table AS p
WHERE p.member_id = ('00000000-0000-0000-0000-' || lpad(to_hex(:m::int), 12, '0'))::uuid
  AND p.definition_id = '00000000-0000-0000-0001-000000000001'::uuid
  AND p.recorded_at >= timestamptz '2026-11-01' - interval '90 days' AND p.recorded_at < timestamptz '2026-11-01'
ORDER BY p.recorded_at DESC LIMIT 50;
SQL
    # An id that exists: the lookup a retried write makes, by id alone (the partitioned key does not know the time).
    psql "$target" -At -c "SELECT id FROM plain TABLESAMPLE SYSTEM (1) LIMIT 1000" > "/tmp/partitioning-ids.txt"
    {
        echo "\\set i random(1, 1000)"
        echo "SELECT value FROM $table WHERE id = (SELECT (array['$(paste -sd, /tmp/partitioning-ids.txt | sed "s/,/','/g")'])[:i::int])::uuid;"
    } > "/tmp/partitioning-id-$table.sql"
done

echo "== pgbench, 1 client, ${seconds}s each (tps; average latency)"
for statement in latest history id; do
    for table in plain parted; do
        result=$("$bin/pgbench" -n -M prepared -c 1 -T "$seconds" -f "/tmp/partitioning-$statement-$table.sql" "$target" 2>/dev/null |
            awk '/latency average/ {lat=$4} /^tps/ {tps=$3} END {printf "%.0f tps, %s ms", tps, lat}')
        echo "$statement $table: $result"
    done
done

echo "== plans (buffers touched by one latest-values read)"
for table in plain parted; do
    psql "$target" -At -c "EXPLAIN (ANALYZE, BUFFERS, SUMMARY, FORMAT JSON)
        SELECT d.i, x.value FROM generate_series(1, 20) AS d(i)
        CROSS JOIN LATERAL (SELECT p.value FROM $table AS p
            WHERE p.member_id = '00000000-0000-0000-0000-000000000007'::uuid
              AND p.definition_id = ('00000000-0000-0000-0001-' || lpad(to_hex(d.i), 12, '0'))::uuid
            ORDER BY p.recorded_at DESC LIMIT 1) AS x" |
        python3 -c "import json,sys; p=json.load(sys.stdin)[0]; print('$table: planning %.2f ms, execution %.2f ms, shared hits %d' % (p['Planning Time'], p['Execution Time'], p['Plan']['Shared Hit Blocks'] + p['Plan'].get('Shared Read Blocks', 0)))"
done

echo "== sizes"
psql "$target" -At -F ' ' -c "
    SELECT 'plain', pg_size_pretty(pg_table_size('plain')), pg_size_pretty(pg_indexes_size('plain'))
    UNION ALL
    SELECT 'parted', pg_size_pretty(sum(pg_table_size(inhrelid))), pg_size_pretty(sum(pg_indexes_size(inhrelid)))
    FROM pg_inherits WHERE inhparent = 'parted'::regclass"

echo "== retention: the oldest month"
psql "$target" <<'SQL'
\timing on
DELETE FROM plain WHERE recorded_at < timestamptz '2021-12-01';
ALTER TABLE parted DETACH PARTITION parted_2021_11;
DROP TABLE parted_2021_11;
SQL

psql "$server dbname=postgres" -c "DROP DATABASE $db"

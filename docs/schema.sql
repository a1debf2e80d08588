-- MetricSets schema: the DDL that modelBuilder.ApplyMetricSets() makes a host's migration create.
-- Generated from the model; tests/MetricSets.IntegrationTests/Schema/SchemaTest.cs fails when it drifts.
-- Assumes the host tables users(id uuid), workouts(id uuid) and organizations(id uuid) exist.
CREATE TYPE metric_kind AS ENUM ('one_rep_max', 'time', 'distance', 'body_comp', 'repetitions', 'body_measurement', 'heart_rate', 'power', 'energy');
CREATE TYPE metric_unit AS ENUM ('kg', 'lb', '%', 'seconds', 'minutes', 'hours', 'meters', 'kilometers', 'centimeters', 'miles', 'yards', 'feet', 'inches', 'reps', 'bpm', 'watts', 'kj', 'kcal');


CREATE TABLE member_metrics_latest (
    member_id uuid NOT NULL,
    definition_id uuid NOT NULL,
    organization_id uuid NOT NULL,
    source character varying(50) NOT NULL,
    metric_id uuid NOT NULL,
    recorded_at timestamp with time zone NOT NULL,
    base_amount numeric NOT NULL,
    CONSTRAINT member_metrics_latest_pkey PRIMARY KEY (member_id, definition_id, organization_id, source)
);


CREATE TABLE metric_definitions (
    id uuid NOT NULL,
    slug character varying(100) NOT NULL,
    name_i18n jsonb NOT NULL,
    unit metric_unit NOT NULL,
    kind metric_kind NOT NULL,
    description text,
    CONSTRAINT metric_definitions_pkey PRIMARY KEY (id),
    CONSTRAINT metric_definitions_slug_key UNIQUE (slug)
);


CREATE TABLE metric_sets (
    id uuid NOT NULL,
    name character varying(255) NOT NULL,
    member_user_id uuid,
    workout_id uuid,
    organization_id uuid,
    CONSTRAINT metric_sets_pkey PRIMARY KEY (id),
    CONSTRAINT metric_sets_owner_exclusive_chk CHECK (num_nonnulls(member_user_id, workout_id, organization_id) = 1),
    CONSTRAINT metric_sets_member_user_id_fkey FOREIGN KEY (member_user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT metric_sets_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE CASCADE,
    CONSTRAINT metric_sets_workout_id_fkey FOREIGN KEY (workout_id) REFERENCES workouts (id) ON DELETE CASCADE
);


CREATE TABLE member_metrics (
    id uuid NOT NULL,
    member_id uuid NOT NULL,
    definition_id uuid NOT NULL,
    value numeric(14,4) NOT NULL,
    unit metric_unit NOT NULL,
    recorded_at timestamp with time zone NOT NULL DEFAULT (now()),
    source character varying(50),
    organization_id uuid,
    CONSTRAINT member_metrics_pkey PRIMARY KEY (id),
    CONSTRAINT member_metrics_definition_id_fkey FOREIGN KEY (definition_id) REFERENCES metric_definitions (id) ON DELETE RESTRICT,
    CONSTRAINT member_metrics_member_id_fkey FOREIGN KEY (member_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT member_metrics_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations (id) ON DELETE SET NULL
);


CREATE TABLE metric_set_definitions (
    set_id uuid NOT NULL,
    definition_id uuid NOT NULL,
    sort_order integer NOT NULL DEFAULT 0,
    CONSTRAINT metric_set_definitions_pkey PRIMARY KEY (set_id, definition_id),
    CONSTRAINT metric_set_definitions_definition_id_fkey FOREIGN KEY (definition_id) REFERENCES metric_definitions (id) ON DELETE RESTRICT,
    CONSTRAINT metric_set_definitions_set_id_fkey FOREIGN KEY (set_id) REFERENCES metric_sets (id) ON DELETE CASCADE
);


CREATE INDEX member_metrics_definition_idx ON member_metrics (definition_id, recorded_at DESC);


CREATE INDEX member_metrics_member_def_recorded_idx ON member_metrics (member_id, definition_id, recorded_at DESC);


CREATE INDEX member_metrics_organization_idx ON member_metrics (organization_id);


CREATE INDEX member_metrics_latest_rank_idx ON member_metrics_latest (definition_id, base_amount, member_id);


CREATE INDEX metric_set_definitions_definition_idx ON metric_set_definitions (definition_id);


CREATE INDEX metric_sets_member_idx ON metric_sets (member_user_id) WHERE member_user_id IS NOT NULL;


CREATE INDEX metric_sets_org_idx ON metric_sets (organization_id) WHERE organization_id IS NOT NULL;


CREATE INDEX metric_sets_workout_idx ON metric_sets (workout_id) WHERE workout_id IS NOT NULL;


ALTER TABLE "member_metrics"
    ADD COLUMN IF NOT EXISTS base_amount numeric GENERATED ALWAYS AS (value * CASE unit WHEN 'kg' THEN 1 WHEN 'lb' THEN 0.45359237 WHEN '%' THEN 1 WHEN 'seconds' THEN 1 WHEN 'minutes' THEN 60 WHEN 'hours' THEN 3600 WHEN 'meters' THEN 1 WHEN 'kilometers' THEN 1000 WHEN 'centimeters' THEN 0.01 WHEN 'miles' THEN 1609.344 WHEN 'yards' THEN 0.9144 WHEN 'feet' THEN 0.3048 WHEN 'inches' THEN 0.0254 WHEN 'reps' THEN 1 WHEN 'bpm' THEN 1 WHEN 'watts' THEN 1 WHEN 'kj' THEN 1 WHEN 'kcal' THEN 4.184 END) STORED,
    ADD COLUMN IF NOT EXISTS plausible boolean NOT NULL DEFAULT true;


ALTER TABLE "metric_definitions"
    ADD COLUMN IF NOT EXISTS plausible_units "metric_unit"[] GENERATED ALWAYS AS (CASE WHEN kind = 'one_rep_max' AND unit IN ('kg', 'lb') THEN ARRAY['kg', 'lb']::"metric_unit"[] WHEN kind = 'time' AND unit IN ('seconds', 'minutes', 'hours') THEN ARRAY['seconds', 'minutes', 'hours']::"metric_unit"[] WHEN kind = 'distance' AND unit IN ('meters', 'kilometers', 'centimeters', 'miles', 'yards', 'feet', 'inches') THEN ARRAY['meters', 'kilometers', 'centimeters', 'miles', 'yards', 'feet', 'inches']::"metric_unit"[] WHEN kind = 'body_comp' AND unit IN ('kg', 'lb') THEN ARRAY['kg', 'lb']::"metric_unit"[] WHEN kind = 'body_comp' AND unit IN ('%') THEN ARRAY['%']::"metric_unit"[] WHEN kind = 'repetitions' AND unit IN ('reps') THEN ARRAY['reps']::"metric_unit"[] WHEN kind = 'body_measurement' AND unit IN ('meters', 'kilometers', 'centimeters', 'miles', 'yards', 'feet', 'inches') THEN ARRAY['meters', 'kilometers', 'centimeters', 'miles', 'yards', 'feet', 'inches']::"metric_unit"[] WHEN kind = 'heart_rate' AND unit IN ('bpm') THEN ARRAY['bpm']::"metric_unit"[] WHEN kind = 'power' AND unit IN ('watts') THEN ARRAY['watts']::"metric_unit"[] WHEN kind = 'energy' AND unit IN ('kj', 'kcal') THEN ARRAY['kj', 'kcal']::"metric_unit"[] END) STORED,
    ADD COLUMN IF NOT EXISTS plausible_maximum numeric GENERATED ALWAYS AS (CASE WHEN kind = 'one_rep_max' AND unit IN ('kg', 'lb') THEN 1000 WHEN kind = 'time' AND unit IN ('seconds', 'minutes', 'hours') THEN 604800 WHEN kind = 'distance' AND unit IN ('meters', 'kilometers', 'centimeters', 'miles', 'yards', 'feet', 'inches') THEN 1000000 WHEN kind = 'body_comp' AND unit IN ('kg', 'lb') THEN 700 WHEN kind = 'body_comp' AND unit IN ('%') THEN 100 WHEN kind = 'repetitions' AND unit IN ('reps') THEN 100000 WHEN kind = 'body_measurement' AND unit IN ('meters', 'kilometers', 'centimeters', 'miles', 'yards', 'feet', 'inches') THEN 5 WHEN kind = 'heart_rate' AND unit IN ('bpm') THEN 300 WHEN kind = 'power' AND unit IN ('watts') THEN 5000 WHEN kind = 'energy' AND unit IN ('kj', 'kcal') THEN 100000 END) STORED;


UPDATE "member_metrics" AS m SET plausible = false
FROM "metric_definitions" AS d
WHERE d.id = m.definition_id AND m.plausible AND NOT coalesce(m.unit = ANY(d.plausible_units) AND m.base_amount BETWEEN 0 AND d.plausible_maximum, false);


CREATE INDEX IF NOT EXISTS "member_metrics_member_def_amount_idx" ON "member_metrics" (member_id, definition_id, base_amount);


CREATE OR REPLACE FUNCTION "member_metrics_latest_insert"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $function$
BEGIN
    IF EXISTS (
        SELECT 1 FROM new_rows AS n JOIN "metric_definitions" AS d ON d.id = n.definition_id
        WHERE n.plausible <> coalesce(n.unit = ANY(d.plausible_units) AND n.base_amount BETWEEN 0 AND d.plausible_maximum, false)) THEN
        UPDATE "member_metrics" AS m SET plausible = coalesce(m.unit = ANY(d.plausible_units) AND m.base_amount BETWEEN 0 AND d.plausible_maximum, false)
        FROM new_rows AS n
        JOIN "metric_definitions" AS d ON d.id = n.definition_id
        WHERE m.id = n.id AND m.plausible <> coalesce(m.unit = ANY(d.plausible_units) AND m.base_amount BETWEEN 0 AND d.plausible_maximum, false);
    END IF;

    INSERT INTO "member_metrics_latest" AS l (member_id, definition_id, organization_id, source, metric_id, recorded_at, base_amount)
    SELECT DISTINCT ON (n.member_id, n.definition_id, coalesce(n.organization_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(n.source, ''))
           n.member_id, n.definition_id, coalesce(n.organization_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(n.source, ''), n.id, n.recorded_at, n.base_amount
    FROM new_rows AS n
    JOIN "metric_definitions" AS d ON d.id = n.definition_id
    WHERE coalesce(n.unit = ANY(d.plausible_units) AND n.base_amount BETWEEN 0 AND d.plausible_maximum, false)
    ORDER BY n.member_id, n.definition_id, coalesce(n.organization_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(n.source, ''), n.recorded_at DESC, n.id DESC
    ON CONFLICT (member_id, definition_id, organization_id, source) DO UPDATE
    SET metric_id = CASE WHEN (excluded.recorded_at, excluded.metric_id) > (l.recorded_at, l.metric_id) THEN excluded.metric_id ELSE l.metric_id END,
        recorded_at = CASE WHEN (excluded.recorded_at, excluded.metric_id) > (l.recorded_at, l.metric_id) THEN excluded.recorded_at ELSE l.recorded_at END,
        base_amount = CASE WHEN (excluded.recorded_at, excluded.metric_id) > (l.recorded_at, l.metric_id) THEN excluded.base_amount ELSE l.base_amount END;
    RETURN NULL;
END
$function$;


CREATE OR REPLACE FUNCTION "member_metrics_latest_delete"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $function$
BEGIN
    PERFORM 1
    FROM "member_metrics_latest" AS l
    JOIN old_rows AS o ON o.member_id = l.member_id AND o.definition_id = l.definition_id AND o.id = l.metric_id
    ORDER BY l.member_id, l.definition_id, l.organization_id, l.source
    FOR UPDATE OF l;

    WITH stale AS (
        SELECT l.member_id, l.definition_id, l.organization_id, l.source
        FROM "member_metrics_latest" AS l
        WHERE (l.member_id, l.definition_id) IN (SELECT o.member_id, o.definition_id FROM old_rows AS o)
          AND NOT EXISTS (SELECT 1 FROM "member_metrics" AS m WHERE m.id = l.metric_id)
    ), fresh AS (
        SELECT s.member_id, s.definition_id, s.organization_id, s.source, v.id, v.recorded_at, v.base_amount
        FROM stale AS s
        JOIN LATERAL (
            SELECT m.id, m.recorded_at, m.base_amount
            FROM "member_metrics" AS m
            JOIN "metric_definitions" AS d ON d.id = m.definition_id
            WHERE m.member_id = s.member_id AND m.definition_id = s.definition_id
              AND coalesce(m.organization_id, '00000000-0000-0000-0000-000000000000'::uuid) = s.organization_id AND coalesce(m.source, '') = s.source AND coalesce(m.unit = ANY(d.plausible_units) AND m.base_amount BETWEEN 0 AND d.plausible_maximum, false)
            ORDER BY m.recorded_at DESC, m.id DESC
            LIMIT 1) AS v ON true
    ), emptied AS (
        DELETE FROM "member_metrics_latest" AS l
        USING stale AS s
        WHERE (l.member_id, l.definition_id, l.organization_id, l.source) = (s.member_id, s.definition_id, s.organization_id, s.source) AND NOT EXISTS (SELECT 1 FROM fresh AS f WHERE (f.member_id, f.definition_id, f.organization_id, f.source) = (s.member_id, s.definition_id, s.organization_id, s.source))
    )
    UPDATE "member_metrics_latest" AS l
    SET metric_id = f.id, recorded_at = f.recorded_at, base_amount = f.base_amount
    FROM fresh AS f
    WHERE (l.member_id, l.definition_id, l.organization_id, l.source) = (f.member_id, f.definition_id, f.organization_id, f.source);
    RETURN NULL;
END
$function$;


CREATE OR REPLACE FUNCTION "member_metrics_latest_update"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $function$
BEGIN
    IF EXISTS (
            SELECT 1 FROM new_rows AS n JOIN "metric_definitions" AS d ON d.id = n.definition_id
            WHERE n.plausible <> coalesce(n.unit = ANY(d.plausible_units) AND n.base_amount BETWEEN 0 AND d.plausible_maximum, false)) THEN
            UPDATE "member_metrics" AS m SET plausible = coalesce(m.unit = ANY(d.plausible_units) AND m.base_amount BETWEEN 0 AND d.plausible_maximum, false)
            FROM new_rows AS n
            JOIN "metric_definitions" AS d ON d.id = n.definition_id
            WHERE m.id = n.id AND m.plausible <> coalesce(m.unit = ANY(d.plausible_units) AND m.base_amount BETWEEN 0 AND d.plausible_maximum, false);
        END IF;

    PERFORM 1
    FROM "member_metrics_latest" AS l
    WHERE (l.member_id, l.definition_id) IN (SELECT o.member_id, o.definition_id FROM old_rows AS o UNION SELECT n.member_id, n.definition_id FROM new_rows AS n)
    ORDER BY l.member_id, l.definition_id, l.organization_id, l.source
    FOR UPDATE OF l;

    DELETE FROM "member_metrics_latest" AS l WHERE (l.member_id, l.definition_id) IN (SELECT o.member_id, o.definition_id FROM old_rows AS o UNION SELECT n.member_id, n.definition_id FROM new_rows AS n);

    INSERT INTO "member_metrics_latest" AS l (member_id, definition_id, organization_id, source, metric_id, recorded_at, base_amount)
    SELECT DISTINCT ON (m.member_id, m.definition_id, coalesce(m.organization_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(m.source, ''))
           m.member_id, m.definition_id, coalesce(m.organization_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(m.source, ''), m.id, m.recorded_at, m.base_amount
    FROM "member_metrics" AS m
    JOIN "metric_definitions" AS d ON d.id = m.definition_id
    WHERE coalesce(m.unit = ANY(d.plausible_units) AND m.base_amount BETWEEN 0 AND d.plausible_maximum, false) AND (m.member_id, m.definition_id) IN (SELECT o.member_id, o.definition_id FROM old_rows AS o UNION SELECT n.member_id, n.definition_id FROM new_rows AS n)
    ORDER BY m.member_id, m.definition_id, coalesce(m.organization_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(m.source, ''), m.recorded_at DESC, m.id DESC
    ON CONFLICT (member_id, definition_id, organization_id, source) DO UPDATE
    SET metric_id = CASE WHEN (excluded.recorded_at, excluded.metric_id) > (l.recorded_at, l.metric_id) THEN excluded.metric_id ELSE l.metric_id END,
        recorded_at = CASE WHEN (excluded.recorded_at, excluded.metric_id) > (l.recorded_at, l.metric_id) THEN excluded.recorded_at ELSE l.recorded_at END,
        base_amount = CASE WHEN (excluded.recorded_at, excluded.metric_id) > (l.recorded_at, l.metric_id) THEN excluded.base_amount ELSE l.base_amount END;
    RETURN NULL;
END
$function$;


CREATE OR REPLACE FUNCTION "member_metrics_latest_truncate"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $function$
BEGIN
    TRUNCATE "member_metrics_latest";
    RETURN NULL;
END
$function$;


CREATE OR REPLACE FUNCTION "metric_definitions_plausibility"() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $function$
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows AS n JOIN old_rows AS o ON o.id = n.id WHERE (o.kind, o.unit) IS DISTINCT FROM (n.kind, n.unit)) THEN
        UPDATE "member_metrics" AS m SET plausible = coalesce(m.unit = ANY(d.plausible_units) AND m.base_amount BETWEEN 0 AND d.plausible_maximum, false)
        FROM new_rows AS d
        WHERE m.definition_id = d.id AND m.plausible <> coalesce(m.unit = ANY(d.plausible_units) AND m.base_amount BETWEEN 0 AND d.plausible_maximum, false);
    END IF;
    RETURN NULL;
END
$function$;


DO $pin$
DECLARE target name := current_schema();
BEGIN
    EXECUTE format('ALTER FUNCTION %I.%I() SET search_path = pg_catalog, %I, pg_temp', target, 'member_metrics_latest_insert', target);
    EXECUTE format('ALTER FUNCTION %I.%I() SET search_path = pg_catalog, %I, pg_temp', target, 'member_metrics_latest_update', target);
    EXECUTE format('ALTER FUNCTION %I.%I() SET search_path = pg_catalog, %I, pg_temp', target, 'member_metrics_latest_delete', target);
    EXECUTE format('ALTER FUNCTION %I.%I() SET search_path = pg_catalog, %I, pg_temp', target, 'member_metrics_latest_truncate', target);
    EXECUTE format('ALTER FUNCTION %I.%I() SET search_path = pg_catalog, %I, pg_temp', target, 'metric_definitions_plausibility', target);
END
$pin$;


CREATE TRIGGER "member_metrics_latest_insert" AFTER INSERT ON "member_metrics"
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "member_metrics_latest_insert"();


CREATE TRIGGER "member_metrics_latest_update" AFTER UPDATE ON "member_metrics"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "member_metrics_latest_update"();


CREATE TRIGGER "member_metrics_latest_delete" AFTER DELETE ON "member_metrics"
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "member_metrics_latest_delete"();


CREATE TRIGGER "member_metrics_latest_truncate" AFTER TRUNCATE ON "member_metrics" FOR EACH STATEMENT EXECUTE FUNCTION "member_metrics_latest_truncate"();


CREATE TRIGGER "metric_definitions_plausibility" AFTER UPDATE ON "metric_definitions"
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "metric_definitions_plausibility"();


INSERT INTO "member_metrics_latest" AS l (member_id, definition_id, organization_id, source, metric_id, recorded_at, base_amount)
SELECT DISTINCT ON (m.member_id, m.definition_id, coalesce(m.organization_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(m.source, ''))
       m.member_id, m.definition_id, coalesce(m.organization_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(m.source, ''), m.id, m.recorded_at, m.base_amount
FROM "member_metrics" AS m
JOIN "metric_definitions" AS d ON d.id = m.definition_id
WHERE coalesce(m.unit = ANY(d.plausible_units) AND m.base_amount BETWEEN 0 AND d.plausible_maximum, false)
ORDER BY m.member_id, m.definition_id, coalesce(m.organization_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(m.source, ''), m.recorded_at DESC, m.id DESC
ON CONFLICT (member_id, definition_id, organization_id, source) DO UPDATE
SET metric_id = CASE WHEN (excluded.recorded_at, excluded.metric_id) > (l.recorded_at, l.metric_id) THEN excluded.metric_id ELSE l.metric_id END,
    recorded_at = CASE WHEN (excluded.recorded_at, excluded.metric_id) > (l.recorded_at, l.metric_id) THEN excluded.recorded_at ELSE l.recorded_at END,
    base_amount = CASE WHEN (excluded.recorded_at, excluded.metric_id) > (l.recorded_at, l.metric_id) THEN excluded.base_amount ELSE l.base_amount END;

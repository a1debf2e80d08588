-- MetricSets schema: the DDL that modelBuilder.ApplyMetricSets() makes a host's migration create.
-- Generated from the model; tests/MetricSets.IntegrationTests/Schema/SchemaTest.cs fails when it drifts.
-- Assumes the host tables users(id uuid), workouts(id uuid) and organizations(id uuid) exist.
CREATE TYPE metric_kind AS ENUM ('one_rep_max', 'time', 'distance', 'body_comp', 'repetitions', 'body_measurement', 'heart_rate', 'power', 'energy');
CREATE TYPE metric_unit AS ENUM ('kg', 'lb', '%', 'seconds', 'minutes', 'hours', 'meters', 'kilometers', 'centimeters', 'miles', 'yards', 'feet', 'inches', 'reps', 'bpm', 'watts', 'kj', 'kcal');


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


CREATE INDEX metric_set_definitions_definition_idx ON metric_set_definitions (definition_id);


CREATE INDEX metric_sets_member_idx ON metric_sets (member_user_id) WHERE member_user_id IS NOT NULL;


CREATE INDEX metric_sets_org_idx ON metric_sets (organization_id) WHERE organization_id IS NOT NULL;


CREATE INDEX metric_sets_workout_idx ON metric_sets (workout_id) WHERE workout_id IS NOT NULL;

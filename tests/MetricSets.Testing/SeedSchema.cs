namespace MetricSets.Testing;

/// <summary>
/// The seed schema (shared/seed/metric-sets-data-model.txt, restated in design/schema.md), item by item, as pg_catalog
/// spells it. The one addition the design accepts is marked.
/// </summary>
public static class SeedSchema
{
    public static readonly string[] Columns =
    [
        "member_metrics.id uuid NOT NULL",
        "member_metrics.member_id uuid NOT NULL",
        "member_metrics.definition_id uuid NOT NULL",
        "member_metrics.value numeric(14,4) NOT NULL",
        "member_metrics.unit metric_unit NOT NULL",
        "member_metrics.recorded_at timestamp with time zone NOT NULL DEFAULT now()",
        "member_metrics.source character varying(50)",
        "metric_definitions.id uuid NOT NULL",
        "metric_definitions.slug character varying(100) NOT NULL",
        "metric_definitions.name_i18n jsonb NOT NULL",
        "metric_definitions.unit metric_unit NOT NULL",
        "metric_definitions.kind metric_kind NOT NULL",
        "metric_definitions.description text",
        "metric_set_definitions.set_id uuid NOT NULL",
        "metric_set_definitions.definition_id uuid NOT NULL",
        "metric_set_definitions.sort_order integer NOT NULL DEFAULT 0",
        "metric_sets.id uuid NOT NULL",
        "metric_sets.name character varying(255) NOT NULL",
        "metric_sets.member_user_id uuid",
        "metric_sets.workout_id uuid",
        "metric_sets.organization_id uuid",
    ];

    public static readonly string[] Enums =
    [
        "metric_kind: one_rep_max, time, distance, body_comp, repetitions, body_measurement, heart_rate, power, energy",
        "metric_unit: kg, lb, %, seconds, minutes, hours, meters, kilometers, centimeters, miles, yards, feet, inches, reps, bpm, watts, kj, kcal",
    ];

    public static readonly string[] Constraints =
    [
        "member_metrics_definition_id_fkey: FOREIGN KEY (definition_id) REFERENCES metric_definitions(id) ON DELETE RESTRICT",
        "member_metrics_member_id_fkey: FOREIGN KEY (member_id) REFERENCES users(id) ON DELETE CASCADE",
        "member_metrics_pkey: PRIMARY KEY (id)",
        "metric_definitions_pkey: PRIMARY KEY (id)",
        "metric_definitions_slug_key: UNIQUE (slug)",
        "metric_set_definitions_definition_id_fkey: FOREIGN KEY (definition_id) REFERENCES metric_definitions(id) ON DELETE RESTRICT",
        "metric_set_definitions_pkey: PRIMARY KEY (set_id, definition_id)",
        "metric_set_definitions_set_id_fkey: FOREIGN KEY (set_id) REFERENCES metric_sets(id) ON DELETE CASCADE",
        "metric_sets_member_user_id_fkey: FOREIGN KEY (member_user_id) REFERENCES users(id) ON DELETE CASCADE",
        "metric_sets_organization_id_fkey: FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE CASCADE",
        "metric_sets_owner_exclusive_chk: CHECK ((num_nonnulls(member_user_id, workout_id, organization_id) = 1))",
        "metric_sets_pkey: PRIMARY KEY (id)",
        "metric_sets_workout_id_fkey: FOREIGN KEY (workout_id) REFERENCES workouts(id) ON DELETE CASCADE",
    ];

    public static readonly string[] Indexes =
    [
        "member_metrics_definition_idx: CREATE INDEX member_metrics_definition_idx ON public.member_metrics USING btree (definition_id, recorded_at DESC)",
        "member_metrics_member_def_recorded_idx: CREATE INDEX member_metrics_member_def_recorded_idx ON public.member_metrics USING btree (member_id, definition_id, recorded_at DESC)",

        // Not in the seed; accepted by design/schema.md: EF Core indexes the foreign key, and it serves the RESTRICT check.
        "metric_set_definitions_definition_idx: CREATE INDEX metric_set_definitions_definition_idx ON public.metric_set_definitions USING btree (definition_id)",
        "metric_sets_member_idx: CREATE INDEX metric_sets_member_idx ON public.metric_sets USING btree (member_user_id) WHERE (member_user_id IS NOT NULL)",
        "metric_sets_org_idx: CREATE INDEX metric_sets_org_idx ON public.metric_sets USING btree (organization_id) WHERE (organization_id IS NOT NULL)",
        "metric_sets_workout_idx: CREATE INDEX metric_sets_workout_idx ON public.metric_sets USING btree (workout_id) WHERE (workout_id IS NOT NULL)",
    ];

    /// <summary>
    /// What the library's defaults add to the seed, for the security review: restricted provenance's
    /// <c>member_metrics.organization_id</c>, its foreign key (forgetting a deleted organization) and its index; and the flat
    /// reads (docs/scaling.md): <c>member_metrics_latest</c> with its key and ranking index, member_metrics' stored base
    /// amount (generated) and plausibility with the base-amount index, metric_definitions' plausibility rule (generated), and
    /// the triggers that keep them. A host that opts out (<c>MemberMetricProvenance.None</c>) gets the seed exactly: no
    /// extra column, no function, no trigger.
    /// </summary>
    public static class WithDefaults
    {
        public static readonly string[] Columns =
        [
            .. Of("member_metrics"),
            "member_metrics.organization_id uuid",
            "member_metrics.base_amount numeric GENERATED",
            "member_metrics.plausible boolean NOT NULL DEFAULT true",
            "member_metrics_latest.member_id uuid NOT NULL",
            "member_metrics_latest.definition_id uuid NOT NULL",
            "member_metrics_latest.organization_id uuid NOT NULL",
            "member_metrics_latest.source character varying(50) NOT NULL",
            "member_metrics_latest.metric_id uuid NOT NULL",
            "member_metrics_latest.recorded_at timestamp with time zone NOT NULL",
            "member_metrics_latest.base_amount numeric NOT NULL",
            .. Of("metric_definitions"),
            "metric_definitions.plausible_units metric_unit[] GENERATED",
            "metric_definitions.plausible_maximum numeric GENERATED",
            .. Of("metric_set_definitions"),
            .. Of("metric_sets"),
        ];

        public static readonly string[] Constraints =
        [
            .. SeedSchema.Constraints
                .Append("member_metrics_organization_id_fkey: FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE SET NULL")
                .Append("member_metrics_latest_pkey: PRIMARY KEY (member_id, definition_id, organization_id, source)")
                .Order(StringComparer.Ordinal),
        ];

        public static readonly string[] Indexes =
        [
            .. SeedSchema.Indexes
                .Append("member_metrics_organization_idx: CREATE INDEX member_metrics_organization_idx ON public.member_metrics USING btree (organization_id)")
                .Append("member_metrics_member_def_amount_idx: CREATE INDEX member_metrics_member_def_amount_idx ON public.member_metrics USING btree (member_id, definition_id, base_amount)")
                .Append("member_metrics_latest_rank_idx: CREATE INDEX member_metrics_latest_rank_idx ON public.member_metrics_latest USING btree (definition_id, base_amount, member_id)")
                .Order(StringComparer.Ordinal),
        ];

        // The seed's columns of one table, in their order (pg_catalog lists a table's added columns after them).
        private static IEnumerable<string> Of(string table) => SeedSchema.Columns.Where(column => column.StartsWith(table + ".", StringComparison.Ordinal));

        public static readonly string[] Triggers =
        [
            "member_metrics_latest_delete: CREATE TRIGGER member_metrics_latest_delete AFTER DELETE ON public.member_metrics REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION member_metrics_latest_delete()",
            "member_metrics_latest_insert: CREATE TRIGGER member_metrics_latest_insert AFTER INSERT ON public.member_metrics REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_metrics_latest_insert()",
            "member_metrics_latest_truncate: CREATE TRIGGER member_metrics_latest_truncate AFTER TRUNCATE ON public.member_metrics FOR EACH STATEMENT EXECUTE FUNCTION member_metrics_latest_truncate()",
            "member_metrics_latest_update: CREATE TRIGGER member_metrics_latest_update AFTER UPDATE ON public.member_metrics REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION member_metrics_latest_update()",
            "metric_definitions_plausibility: CREATE TRIGGER metric_definitions_plausibility AFTER UPDATE ON public.metric_definitions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION metric_definitions_plausibility()",
        ];

        /// <summary>The triggers' functions, run as the tables' owner with a pinned search path.</summary>
        public static readonly string[] Functions =
        [
            "member_metrics_latest_delete() v security definer search_path=pg_catalog, public, pg_temp",
            "member_metrics_latest_insert() v security definer search_path=pg_catalog, public, pg_temp",
            "member_metrics_latest_truncate() v security definer search_path=pg_catalog, public, pg_temp",
            "member_metrics_latest_update() v security definer search_path=pg_catalog, public, pg_temp",
            "metric_definitions_plausibility() v security definer search_path=pg_catalog, public, pg_temp",
        ];
    }
}

namespace MetricSets.EntityFrameworkCore.Mapping;

/// <summary>
/// Every table, column, type and constraint name of the seed schema, spelled once. Names are explicit so that a host's
/// naming convention (for example EFCore.NamingConventions) cannot change them or break the CHECK constraint's SQL.
/// </summary>
internal static class SchemaNames
{
    public const string UnitEnum = "metric_unit";
    public const string KindEnum = "metric_kind";

    public static class Definitions
    {
        public const string Table = "metric_definitions";
        public const string PrimaryKey = "metric_definitions_pkey";
        public const string SlugUnique = "metric_definitions_slug_key";
        public const string Id = "id";
        public const string Slug = "slug";
        public const string Name = "name_i18n";
        public const string Unit = "unit";
        public const string Kind = "kind";
        public const string Description = "description";

        // With provenance (Track or Restrict), not in the seed (see FlatReadsSql): the plausibility rule of the definition's
        // kind and unit, as stored generated columns the triggers read.
        public const string PlausibleUnits = "plausible_units";
        public const string PlausibleMaximum = "plausible_maximum";
    }

    public static class Sets
    {
        public const string Table = "metric_sets";
        public const string PrimaryKey = "metric_sets_pkey";
        public const string OwnerCheck = "metric_sets_owner_exclusive_chk";
        public const string Id = "id";
        public const string Name = "name";
        public const string MemberUserId = "member_user_id";
        public const string WorkoutId = "workout_id";
        public const string OrganizationId = "organization_id";
        public const string MemberIndex = "metric_sets_member_idx";
        public const string WorkoutIndex = "metric_sets_workout_idx";
        public const string OrganizationIndex = "metric_sets_org_idx";
        public const string MemberForeignKey = "metric_sets_member_user_id_fkey";
        public const string WorkoutForeignKey = "metric_sets_workout_id_fkey";
        public const string OrganizationForeignKey = "metric_sets_organization_id_fkey";
    }

    public static class SetDefinitions
    {
        public const string Table = "metric_set_definitions";
        public const string PrimaryKey = "metric_set_definitions_pkey";
        public const string SetId = "set_id";
        public const string DefinitionId = "definition_id";
        public const string SortOrder = "sort_order";
        public const string SetForeignKey = "metric_set_definitions_set_id_fkey";
        public const string DefinitionForeignKey = "metric_set_definitions_definition_id_fkey";

        // Not in the seed: EF Core indexes every foreign key, and this one serves the RESTRICT check on delete.
        public const string DefinitionIndex = "metric_set_definitions_definition_idx";
    }

    public static class MemberMetrics
    {
        public const string Table = "member_metrics";
        public const string PrimaryKey = "member_metrics_pkey";
        public const string Id = "id";
        public const string MemberId = "member_id";
        public const string DefinitionId = "definition_id";
        public const string Value = "value";
        public const string Unit = "unit";
        public const string RecordedAt = "recorded_at";
        public const string Source = "source";

        // Opt-in provenance (MemberMetricProvenance.Track or Restrict); not in the seed.
        public const string RecordedIn = "organization_id";
        public const string RecordedInForeignKey = "member_metrics_organization_id_fkey";
        public const string RecordedInIndex = "member_metrics_organization_idx";
        public const string MemberDefinitionRecordedIndex = "member_metrics_member_def_recorded_idx";
        public const string DefinitionIndex = "member_metrics_definition_idx";
        public const string MemberForeignKey = "member_metrics_member_id_fkey";
        public const string DefinitionForeignKey = "member_metrics_definition_id_fkey";

        // With provenance (Track or Restrict), not in the seed (see FlatReadsSql): the exact base-unit amount (a stored
        // generated column), whether reads may report the value (kept by the triggers), and personal bests in base-unit order.
        public const string BaseAmount = "base_amount";
        public const string Plausible = "plausible";
        public const string AmountIndex = "member_metrics_member_def_amount_idx";
    }

    /// <summary>
    /// With provenance (Track or Restrict), not in the seed: each member's latest plausible value per definition, recording
    /// organization and source, kept by triggers on member_metrics (see FlatReadsSql), for leaderboards of large organizations.
    /// </summary>
    public static class LatestValues
    {
        public const string Table = "member_metrics_latest";
        public const string PrimaryKey = "member_metrics_latest_pkey";
        public const string RankIndex = "member_metrics_latest_rank_idx";
        public const string MemberId = "member_id";
        public const string DefinitionId = "definition_id";
        public const string RecordedIn = "organization_id";
        public const string Source = "source";
        public const string MetricId = "metric_id";
        public const string RecordedAt = "recorded_at";
        public const string BaseAmount = "base_amount";

        // The key's columns are NOT NULL (a primary key), so a value without an organization or a source is filed under these.
        public const string NoOrganization = "00000000-0000-0000-0000-000000000000";
        public const string NoSource = "";
    }

    /// <summary>The functions and triggers of the flat reads (see FlatReadsSql), created with <see cref="LatestValues"/>.</summary>
    public static class FlatReads
    {
        public const string InsertTrigger = "member_metrics_latest_insert";
        public const string UpdateTrigger = "member_metrics_latest_update";
        public const string DeleteTrigger = "member_metrics_latest_delete";
        public const string TruncateTrigger = "member_metrics_latest_truncate";

        // On metric_definitions: a definition whose kind or unit another tool changes has its values' plausibility decided again.
        public const string DefinitionsTrigger = "metric_definitions_plausibility";
    }
}

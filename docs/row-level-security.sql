-- MetricSets: optional row-level security, as defence in depth behind the library's access policy.
--
-- The library already refuses every read and write the policy does not allow (see docs/security-review.md). This script
-- makes PostgreSQL refuse them too, for hosts that also run other code (reports, admin tools, ad-hoc SQL) against the
-- same tables. Tested by tests/MetricSets.IntegrationTests/Security/RowLevelSecurityTest.cs.
--
-- What the host provides, as views over its own tables (names fixed, columns as shown):
--   metricsets_memberships(user_id uuid, organization_id uuid, role text)   -- active memberships only; role 'member' or 'staff'
--   metricsets_workout_organizations(workout_id uuid, organization_id uuid)  -- which organization each workout belongs to
--
-- How the application uses it:
--   * connect as a role that neither owns the tables nor is a superuser (both bypass row-level security), with
--     SELECT/INSERT/UPDATE/DELETE granted on the four tables and SELECT on the two views;
--   * in each transaction, say who is asking, as the library's MetricViewer does:
--       SET LOCAL metricsets.viewer_user_id = '<user uuid>';
--       SET LOCAL metricsets.viewer_organization_id = '<organization uuid>';   -- or '' when acting for oneself
--   * with no viewer set, no member metric and no metric set is visible or writable.
--
-- The rules are the library's: a member sees and records their own values; staff of organization O (confirmed in
-- metricsets_memberships) see and record the values of O's members; organization- and workout-owned sets are visible
-- inside their organization and managed by its staff; member-owned sets are visible to and managed by the member and the
-- staff of organizations the member belongs to. metric_definitions is the global catalogue and stays readable by all.
-- (The library's optional recorded-in provenance restriction is not repeated here.)

CREATE OR REPLACE FUNCTION metricsets_viewer() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('metricsets.viewer_user_id', true), '')::uuid $$;

CREATE OR REPLACE FUNCTION metricsets_viewer_organization() RETURNS uuid
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('metricsets.viewer_organization_id', true), '')::uuid $$;

-- Does the viewer hold a role (any, or 'staff') in the organization they act in, and is it the given one?
CREATE OR REPLACE FUNCTION metricsets_viewer_has_role_in(organization uuid, staff_only boolean) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT organization IS NOT NULL
           AND organization = metricsets_viewer_organization()
           AND EXISTS (SELECT 1 FROM metricsets_memberships m
                       WHERE m.user_id = metricsets_viewer() AND m.organization_id = organization
                         AND (NOT staff_only OR m.role = 'staff'))
    $$;

-- May the viewer act for this member: themselves, or staff of an organization the member belongs to?
CREATE OR REPLACE FUNCTION metricsets_can_act_for_member(member uuid) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT member = metricsets_viewer()
            OR (metricsets_viewer_has_role_in(metricsets_viewer_organization(), true)
                AND EXISTS (SELECT 1 FROM metricsets_memberships m
                            WHERE m.user_id = member AND m.organization_id = metricsets_viewer_organization() AND m.role = 'member'))
    $$;

CREATE OR REPLACE FUNCTION metricsets_can_use_set(member_user_id uuid, workout_id uuid, organization_id uuid, manage boolean) RETURNS boolean
    LANGUAGE sql STABLE
    AS $$
        SELECT CASE
            WHEN member_user_id IS NOT NULL THEN metricsets_can_act_for_member(member_user_id)
            WHEN organization_id IS NOT NULL THEN metricsets_viewer_has_role_in(organization_id, manage)
            ELSE metricsets_viewer_has_role_in(
                     (SELECT w.organization_id FROM metricsets_workout_organizations w WHERE w.workout_id = metricsets_can_use_set.workout_id),
                     manage)
        END
    $$;

ALTER TABLE member_metrics ENABLE ROW LEVEL SECURITY;
CREATE POLICY member_metrics_viewer ON member_metrics
    USING (metricsets_can_act_for_member(member_id))
    WITH CHECK (metricsets_can_act_for_member(member_id));

ALTER TABLE metric_sets ENABLE ROW LEVEL SECURITY;
CREATE POLICY metric_sets_visible ON metric_sets FOR SELECT
    USING (metricsets_can_use_set(member_user_id, workout_id, organization_id, false));
CREATE POLICY metric_sets_insert ON metric_sets FOR INSERT
    WITH CHECK (metricsets_can_use_set(member_user_id, workout_id, organization_id, true));
CREATE POLICY metric_sets_update ON metric_sets FOR UPDATE
    USING (metricsets_can_use_set(member_user_id, workout_id, organization_id, true))
    WITH CHECK (metricsets_can_use_set(member_user_id, workout_id, organization_id, true));
CREATE POLICY metric_sets_delete ON metric_sets FOR DELETE
    USING (metricsets_can_use_set(member_user_id, workout_id, organization_id, true));

-- Entries follow their set: visible when the set is, writable when the set may be managed.
ALTER TABLE metric_set_definitions ENABLE ROW LEVEL SECURITY;
CREATE POLICY metric_set_definitions_visible ON metric_set_definitions FOR SELECT
    USING (EXISTS (SELECT 1 FROM metric_sets s WHERE s.id = set_id));
CREATE POLICY metric_set_definitions_write ON metric_set_definitions FOR ALL
    USING (EXISTS (SELECT 1 FROM metric_sets s WHERE s.id = set_id
                   AND metricsets_can_use_set(s.member_user_id, s.workout_id, s.organization_id, true)))
    WITH CHECK (EXISTS (SELECT 1 FROM metric_sets s WHERE s.id = set_id
                        AND metricsets_can_use_set(s.member_user_id, s.workout_id, s.organization_id, true)));

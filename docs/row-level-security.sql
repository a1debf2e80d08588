-- MetricSets: optional row-level security (RLS) on the library's tables, behind the library's own access policy.
-- Tested by tests/MetricSets.IntegrationTests/Security/RowLevelSecurity*.cs, as an application role that neither owns the
-- tables nor is a superuser.
--
-- WHAT IT DEFENDS AGAINST, AND WHAT IT CANNOT
--   The library's access policy is the first line (docs/security-review.md): every read and write of the library checks
--   the viewer against the host's membership directory before it touches these tables. This script is the second line,
--   for other code that connects as the same application role: a report, an admin tool, ad-hoc SQL, a query of the
--   host's that forgets the filter. For such code PostgreSQL itself hides the rows the viewer may not see and refuses
--   the writes the viewer may not make, whatever the query says.
--   It cannot defend against:
--     * a session that may set its own viewer. The viewer is three settings (below), and any session can set them to
--       any user. RLS then checks the claim for consistency (a claimed staff role counts only where the host's
--       memberships confirm it), but a session that sets viewer_user_id to someone else IS that someone else. The
--       boundary is who may run SQL as the application role and where it takes the viewer from: only from the
--       authenticated principal, never from user input.
--     * the table owner, superusers and roles with BYPASSRLS: RLS does not apply to them. Never let the application
--       role be, or become (SET ROLE), the owner.
--     * TRUNCATE, which RLS does not cover (nor REFERENCES or TRIGGER): the script revokes these from the application
--       role and PUBLIC.
--     * existence probes: a unique-key or foreign-key error can confirm that an id the viewer cannot see exists. Ids are
--       random UUIDs; do not show such errors to users verbatim.
--
-- THE VIEWER: three transaction-local settings
--   metricsets.viewer_user_id          the user asking (uuid)
--   metricsets.viewer_organization_id  the organization they act in (uuid), or '' when acting for themselves
--   metricsets.viewer_role             'member' or 'staff': the role they claim there, which metricsets_memberships
--                                      must confirm before it grants anything
--   With MetricSetsOptions.RowLevelSecurity on, the library sets these itself, with set_config(…, true), in the same
--   transaction as each of its own statements (a DO block sent in the same command), from the MetricViewer of the call,
--   so that RLS and its policy agree (tests/MetricSets.IntegrationTests/Security/RowLevelSecurityLibraryTest.cs).
--   PostgreSQL refuses COPY into a table under RLS, so with the option on a bulk import always goes through the
--   library's temporary staging table: the application role then needs TEMPORARY on the database (see below).
--   Any other code sets them the same way, once per transaction, before its first statement:
--       SELECT set_config('metricsets.viewer_user_id', $1, true),
--              set_config('metricsets.viewer_organization_id', $2, true),
--              set_config('metricsets.viewer_role', $3, true);
--   or SET LOCAL metricsets.viewer_user_id = '…' (and the others) inside BEGIN … COMMIT. Only these two forms: a plain
--   SET, or set_config(…, false), lasts for the whole session, so every later transaction on that connection — the next
--   request on a pooled connection that is not reset (PgBouncer in transaction mode, Npgsql with No Reset On Close), the
--   next unit of work on a connection kept open — runs as that viewer.
--   Without a viewer (no user id, or a role other than 'member' and 'staff') nothing in member_metrics, metric_sets and
--   metric_set_definitions is visible or writable. The catalogue, metric_definitions, stays readable.
--
-- THE RULES (the library's default access rules; a host with its own IMetricAccessHandler rules adapts the policies)
--   member_metrics
--     read    the member, all of their values; confirmed staff of O, the values of O's active members. When the table
--             has the optional provenance column organization_id (MemberMetricProvenance.Track or Restrict), staff of O
--             read only values recorded in O and the member's self-reports, as under Restrict.
--     insert  the member, for themself, source 'self_report' only (the library's default MetricAccessOptions.MemberSources;
--             a host that lets members record other sources widens the member branch of member_metrics_insert);
--             confirmed staff of O, for O's active members, any source but 'self_report'. With the provenance column a
--             value must say where it was recorded: staff write organization_id = O; a member writes NULL, or the
--             organization they act in when the memberships confirm they hold a role there.
--     update  nobody: values are never edited.
--     delete  the member, their own self-reports; confirmed staff of O, values of O's active members recorded in O
--             (without the provenance column, where that is unknown: any value but the member's self-reports).
--   metric_sets (and their entries, metric_set_definitions, which follow their set)
--     read    organization- and workout-owned sets: anyone acting in that organization with a confirmed role there;
--             member-owned sets: the member, and confirmed staff of an organization the member actively belongs to.
--     insert, update (old and new row), delete: the same, but for organization- and workout-owned sets confirmed staff.
--   member_metrics_latest (with the provenance column only): each member's latest value per definition, organization
--     and source, which the library's leaderboards rank from. Read as member_metrics is read; written only by the
--     triggers on member_metrics, which run as the tables' owner; no role RLS applies to writes it.
--   metric_definitions: readable by every role granted SELECT; writable by no role RLS applies to. Catalogue administration
--     (IMetricCatalog writes, seeding) runs as the owner role, for example through a separate connection string used
--     only by platform administrators and migrations.
--   "Confirmed staff of O": viewer_role is 'staff', viewer_organization_id is O, and metricsets_memberships has the row
--   (viewer, O, 'staff'). "Active member of O": metricsets_memberships has (member, O, 'member').
--
-- WHAT THE HOST PROVIDES, in the tables' schema, before running the script:
--   metricsets_memberships(user_id uuid, organization_id uuid, role text)   active memberships only; role 'member' or
--                                                                             'staff' (one row per role held)
--   metricsets_workout_organizations(workout_id uuid, organization_id uuid)  the organization each workout belongs to
--   Views over the host's own tables, readable by the tables' owner. The application role needs no grant on them: the
--   script's helper functions read them with the owner's rights. Their bodies are bound to the views when created, so
--   the views can be redefined (CREATE OR REPLACE VIEW with the same columns) but not dropped while the script's objects
--   exist; to recreate them, run the script again afterwards.
--
-- HOW TO APPLY IT
--   Run it as the tables' owner (the migration role) or a superuser, in one transaction, after the library's tables and
--   the two views exist. Two settings name what the script cannot guess:
--       BEGIN;
--       SELECT set_config('metricsets.rls_app_role', 'gym_app', true);  -- required: the role the application connects as
--       SELECT set_config('metricsets.rls_schema', 'gym', true);        -- the tables' schema; 'public' when not set
--       -- this file
--       COMMIT;
--   (In an EF Core migration: migrationBuilder.Sql with the two set_config calls and this file's text.) Every name the
--   script creates or reads is qualified with that schema; in the text below @schema stands for it and @app_role for the
--   application role. The helper functions are SECURITY DEFINER, owned by the tables' owner, with search_path fixed to
--   pg_catalog, @schema, pg_temp (pg_temp last: left out, it would be searched first), EXECUTE revoked from PUBLIC and
--   granted to the application role only (grant that role to other login roles that need the same access). The policies
--   on member data apply to the application role and the roles that are members of it; other roles see nothing.
--   The script may be run again, after an upgrade or after adding the provenance column: it replaces its own functions
--   and policies, and drops those of its first version (permissive policies add up, so one left behind would reopen
--   what this version closes). It warns about any other policy on the four tables, for the same reason.
--
-- GRANTS THE HOST MAKES to the application role (the policies hold even with more, as the tests show):
--   GRANT USAGE ON SCHEMA @schema TO @app_role;
--   GRANT SELECT, INSERT, DELETE ON @schema.member_metrics TO @app_role;
--   GRANT SELECT, INSERT, UPDATE, DELETE ON @schema.metric_sets, @schema.metric_set_definitions TO @app_role;
--   GRANT SELECT ON @schema.metric_definitions TO @app_role;
--   GRANT SELECT ON @schema.member_metrics_latest TO @app_role;   (with the provenance column: the flat reads' table)
--   and SELECT on the host's users table (the library checks that a member exists).
--   Never CREATE on @schema (the script warns). Temporary objects: TEMPORARY on a database is granted to PUBLIC by
--   default, so revoking it from the application role alone changes nothing; run
--       REVOKE TEMPORARY ON DATABASE <database> FROM PUBLIC;
--       GRANT TEMPORARY ON DATABASE <database> TO <the roles that need temporary tables>;
--   (the application role is one of them when it imports with IMemberMetricRecorder.RecordManyAsync)
--   The helpers do not depend on that (a temporary view named like a host view no longer shadows it: tested), but it
--   takes away a way to shadow names in any code that still resolves them at run time.
--
-- COST: the viewer's user, organizations and, for staff, their organization's members are computed once per statement
-- (the policies call the helpers in uncorrelated subqueries); set rows call a helper per row.

DO $script$
DECLARE
    target_schema name := coalesce(nullif(current_setting('metricsets.rls_schema', true), ''), 'public');
    app_role name := nullif(current_setting('metricsets.rls_app_role', true), '');
    table_owner name;
    has_provenance boolean;
    helper regprocedure;
    stray record;
    own_policies constant text[] := ARRAY[
        'member_metrics_select', 'member_metrics_insert', 'member_metrics_delete', 'member_metrics_latest_select',
        'metric_sets_select', 'metric_sets_insert', 'metric_sets_update', 'metric_sets_delete',
        'metric_set_definitions_select', 'metric_set_definitions_insert', 'metric_set_definitions_update',
        'metric_set_definitions_delete', 'metric_definitions_select'];
    -- The first version of this script (one permissive FOR ALL policy on member_metrics, among others).
    first_version_policies constant text[] := ARRAY[
        'member_metrics_viewer', 'metric_sets_visible', 'metric_set_definitions_visible', 'metric_set_definitions_write'];
    library_tables constant text[] := ARRAY['member_metrics', 'metric_sets', 'metric_set_definitions', 'metric_definitions', 'member_metrics_latest'];
    library_table text;
    schema_oid oid;
    ddl text;
BEGIN
    -- Check what the script cannot create itself.
    IF app_role IS NULL THEN
        RAISE EXCEPTION 'Set metricsets.rls_app_role to the role the application connects as, for example: SELECT set_config(''metricsets.rls_app_role'', ''gym_app'', true);';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = app_role) THEN
        RAISE EXCEPTION 'The application role % does not exist.', app_role;
    END IF;
    SELECT pg_catalog.pg_get_userbyid(c.relowner) INTO table_owner
    FROM pg_catalog.pg_class AS c
    WHERE c.oid = pg_catalog.to_regclass(pg_catalog.format('%I.member_metrics', target_schema));
    IF table_owner IS NULL THEN
        RAISE EXCEPTION 'There is no table %.member_metrics; set metricsets.rls_schema to the schema of the MetricSets tables.', target_schema;
    END IF;
    SELECT n.oid INTO schema_oid FROM pg_catalog.pg_namespace AS n WHERE n.nspname = target_schema;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = app_role AND (rolsuper OR rolbypassrls))
       OR pg_catalog.pg_has_role(app_role, table_owner, 'MEMBER') THEN
        RAISE EXCEPTION 'The application role % bypasses row-level security (it is a superuser, has BYPASSRLS, or is or may become the tables'' owner %).', app_role, table_owner;
    END IF;
    FOREACH library_table IN ARRAY ARRAY['metricsets_memberships', 'metricsets_workout_organizations'] LOOP
        IF pg_catalog.to_regclass(pg_catalog.format('%I.%I', target_schema, library_table)) IS NULL THEN
            RAISE EXCEPTION 'The host view %.% does not exist; create it first (see the header of this script).', target_schema, library_table;
        END IF;
        IF NOT pg_catalog.has_table_privilege(table_owner, pg_catalog.format('%I.%I', target_schema, library_table), 'SELECT') THEN
            RAISE EXCEPTION 'The tables'' owner % cannot read %.%; grant it SELECT.', table_owner, target_schema, library_table;
        END IF;
    END LOOP;
    IF pg_catalog.has_schema_privilege(app_role, target_schema, 'CREATE') THEN
        RAISE WARNING 'The application role % may create objects in schema %; revoke CREATE.', app_role, target_schema;
    END IF;
    IF EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = table_owner AND rolsuper) THEN
        RAISE WARNING 'The tables'' owner % is a superuser, so the helper functions run as one; prefer an owner that is not.', table_owner;
    END IF;
    SELECT EXISTS (
        SELECT FROM pg_catalog.pg_attribute
        WHERE attrelid = pg_catalog.format('%I.member_metrics', target_schema)::regclass
          AND attname = 'organization_id' AND NOT attisdropped)
    INTO has_provenance;

    -- Start from no policy of ours (this version's or the first's) and none of the first version's functions.
    FOR stray IN
        SELECT p.tablename, p.policyname FROM pg_catalog.pg_policies AS p
        WHERE p.schemaname = target_schema AND p.tablename = ANY (library_tables)
          AND p.policyname = ANY (own_policies || first_version_policies)
    LOOP
        EXECUTE pg_catalog.format('DROP POLICY %I ON %I.%I', stray.policyname, target_schema, stray.tablename);
    END LOOP;
    FOR helper IN
        SELECT p.oid::regprocedure FROM pg_catalog.pg_proc AS p
        WHERE p.pronamespace = schema_oid
          AND p.proname IN ('metricsets_viewer', 'metricsets_viewer_organization', 'metricsets_viewer_has_role_in',
                            'metricsets_can_act_for_member', 'metricsets_can_use_set')
    LOOP
        EXECUTE pg_catalog.format('DROP FUNCTION %s', helper);
    END LOOP;

    ddl := $sql$
        -- The viewer's user id; NULL without a viewer (no user id, or a role other than member and staff).
        CREATE OR REPLACE FUNCTION @schema.metricsets_viewer_user_id() RETURNS uuid
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, @schema, pg_temp
            RETURN CASE WHEN current_setting('metricsets.viewer_role', true) IN ('member', 'staff')
                        THEN nullif(current_setting('metricsets.viewer_user_id', true), '')::uuid END;

        -- The organization the viewer acts in, when the memberships confirm they hold a role there (any role).
        CREATE OR REPLACE FUNCTION @schema.metricsets_viewer_organization_id() RETURNS uuid
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, @schema, pg_temp
            BEGIN ATOMIC
                SELECT m.organization_id FROM @schema.metricsets_memberships AS m
                WHERE m.user_id = (SELECT @schema.metricsets_viewer_user_id())
                  AND m.organization_id = nullif(current_setting('metricsets.viewer_organization_id', true), '')::uuid
                LIMIT 1;
            END;

        -- The organization the viewer acts in, when they claim staff there and the memberships confirm it.
        CREATE OR REPLACE FUNCTION @schema.metricsets_viewer_staff_organization_id() RETURNS uuid
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, @schema, pg_temp
            BEGIN ATOMIC
                SELECT m.organization_id FROM @schema.metricsets_memberships AS m
                WHERE current_setting('metricsets.viewer_role', true) = 'staff'
                  AND m.user_id = (SELECT @schema.metricsets_viewer_user_id())
                  AND m.organization_id = nullif(current_setting('metricsets.viewer_organization_id', true), '')::uuid
                  AND m.role = 'staff'
                LIMIT 1;
            END;

        -- The active members of the organization where the viewer is confirmed staff: the members staff act for.
        CREATE OR REPLACE FUNCTION @schema.metricsets_viewer_members() RETURNS SETOF uuid
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, @schema, pg_temp
            BEGIN ATOMIC
                SELECT m.user_id FROM @schema.metricsets_memberships AS m
                WHERE m.organization_id = (SELECT @schema.metricsets_viewer_staff_organization_id()) AND m.role = 'member';
            END;

        -- May the viewer see (manage = false) or manage a set with this owner? One owner is set, the others are NULL.
        CREATE OR REPLACE FUNCTION @schema.metricsets_viewer_may_use_set(
            owner_member uuid, owner_workout uuid, owner_organization uuid, manage boolean) RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, @schema, pg_temp
            RETURN coalesce(
                owner_member = @schema.metricsets_viewer_user_id()
                OR owner_member IN (SELECT @schema.metricsets_viewer_members())
                OR EXISTS (
                    SELECT FROM (SELECT CASE WHEN manage THEN @schema.metricsets_viewer_staff_organization_id()
                                             ELSE @schema.metricsets_viewer_organization_id() END) AS v (organization_id)
                    WHERE v.organization_id = owner_organization
                       OR EXISTS (SELECT FROM @schema.metricsets_workout_organizations AS w
                                  WHERE w.workout_id = owner_workout AND w.organization_id = v.organization_id)),
                false);

        -- May the viewer manage the set with this id? (For its entries; reads the set with the owner's rights.)
        CREATE OR REPLACE FUNCTION @schema.metricsets_viewer_may_manage_set(entry_set uuid) RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, @schema, pg_temp
            RETURN EXISTS (
                SELECT FROM @schema.metric_sets AS s
                WHERE s.id = entry_set
                  AND @schema.metricsets_viewer_may_use_set(s.member_user_id, s.workout_id, s.organization_id, true));

        -- RLS does not cover these.
        REVOKE TRUNCATE, REFERENCES, TRIGGER
            ON @schema.member_metrics, @schema.metric_sets, @schema.metric_set_definitions, @schema.metric_definitions
            FROM PUBLIC, @app_role;

        ALTER TABLE @schema.metric_definitions ENABLE ROW LEVEL SECURITY;
        CREATE POLICY metric_definitions_select ON @schema.metric_definitions FOR SELECT USING (true);

        ALTER TABLE @schema.metric_sets ENABLE ROW LEVEL SECURITY;
        CREATE POLICY metric_sets_select ON @schema.metric_sets FOR SELECT TO @app_role
            USING (@schema.metricsets_viewer_may_use_set(member_user_id, workout_id, organization_id, false));
        CREATE POLICY metric_sets_insert ON @schema.metric_sets FOR INSERT TO @app_role
            WITH CHECK (@schema.metricsets_viewer_may_use_set(member_user_id, workout_id, organization_id, true));
        CREATE POLICY metric_sets_update ON @schema.metric_sets FOR UPDATE TO @app_role
            USING (@schema.metricsets_viewer_may_use_set(member_user_id, workout_id, organization_id, true))
            WITH CHECK (@schema.metricsets_viewer_may_use_set(member_user_id, workout_id, organization_id, true));
        CREATE POLICY metric_sets_delete ON @schema.metric_sets FOR DELETE TO @app_role
            USING (@schema.metricsets_viewer_may_use_set(member_user_id, workout_id, organization_id, true));

        ALTER TABLE @schema.metric_set_definitions ENABLE ROW LEVEL SECURITY;
        CREATE POLICY metric_set_definitions_select ON @schema.metric_set_definitions FOR SELECT TO @app_role
            USING (EXISTS (SELECT FROM @schema.metric_sets AS s WHERE s.id = set_id));
        CREATE POLICY metric_set_definitions_insert ON @schema.metric_set_definitions FOR INSERT TO @app_role
            WITH CHECK (@schema.metricsets_viewer_may_manage_set(set_id));
        CREATE POLICY metric_set_definitions_update ON @schema.metric_set_definitions FOR UPDATE TO @app_role
            USING (@schema.metricsets_viewer_may_manage_set(set_id))
            WITH CHECK (@schema.metricsets_viewer_may_manage_set(set_id));
        CREATE POLICY metric_set_definitions_delete ON @schema.metric_set_definitions FOR DELETE TO @app_role
            USING (@schema.metricsets_viewer_may_manage_set(set_id));

        -- No UPDATE policy: with row-level security on, no row of member_metrics can be updated by a role it applies to.
        ALTER TABLE @schema.member_metrics ENABLE ROW LEVEL SECURITY;
    $sql$;

    IF has_provenance THEN
        -- member_metrics.organization_id exists: staff read and write only what is recorded in their organization (and
        -- read the member's self-reports); every new value says where it was recorded.
        ddl := ddl || $sql$
            CREATE POLICY member_metrics_select ON @schema.member_metrics FOR SELECT TO @app_role
                USING (member_id = (SELECT @schema.metricsets_viewer_user_id())
                    OR (member_id IN (SELECT @schema.metricsets_viewer_members())
                        AND (organization_id = (SELECT @schema.metricsets_viewer_staff_organization_id())
                             OR source = 'self_report')));
            CREATE POLICY member_metrics_insert ON @schema.member_metrics FOR INSERT TO @app_role
                WITH CHECK ((member_id = (SELECT @schema.metricsets_viewer_user_id())
                             AND source = 'self_report'
                             AND (organization_id IS NULL
                                  OR organization_id = (SELECT @schema.metricsets_viewer_organization_id())))
                         OR (member_id IN (SELECT @schema.metricsets_viewer_members())
                             AND source IS DISTINCT FROM 'self_report'
                             AND organization_id = (SELECT @schema.metricsets_viewer_staff_organization_id())));
            CREATE POLICY member_metrics_delete ON @schema.member_metrics FOR DELETE TO @app_role
                USING ((member_id = (SELECT @schema.metricsets_viewer_user_id()) AND source = 'self_report')
                    OR (member_id IN (SELECT @schema.metricsets_viewer_members())
                        AND organization_id = (SELECT @schema.metricsets_viewer_staff_organization_id())));

            -- The flat reads' latest rows (docs/scaling.md), kept by triggers that run as the tables' owner: the same rows
            -- are visible as of member_metrics (a value without an organization is filed under the nil uuid, a value without
            -- a source under ''), and no policy lets the application role write one, so no session can forge a ranking.
            REVOKE TRUNCATE, REFERENCES, TRIGGER ON @schema.member_metrics_latest FROM PUBLIC, @app_role;
            ALTER TABLE @schema.member_metrics_latest ENABLE ROW LEVEL SECURITY;
            CREATE POLICY member_metrics_latest_select ON @schema.member_metrics_latest FOR SELECT TO @app_role
                USING (member_id = (SELECT @schema.metricsets_viewer_user_id())
                    OR (member_id IN (SELECT @schema.metricsets_viewer_members())
                        AND (organization_id = (SELECT @schema.metricsets_viewer_staff_organization_id())
                             OR source = 'self_report')));
        $sql$;
    ELSE
        -- No provenance column: values follow the person, so staff read all values of their organization's members and
        -- may delete any of them but the member's self-reports.
        ddl := ddl || $sql$
            CREATE POLICY member_metrics_select ON @schema.member_metrics FOR SELECT TO @app_role
                USING (member_id = (SELECT @schema.metricsets_viewer_user_id())
                    OR member_id IN (SELECT @schema.metricsets_viewer_members()));
            CREATE POLICY member_metrics_insert ON @schema.member_metrics FOR INSERT TO @app_role
                WITH CHECK ((member_id = (SELECT @schema.metricsets_viewer_user_id()) AND source = 'self_report')
                         OR (member_id IN (SELECT @schema.metricsets_viewer_members())
                             AND source IS DISTINCT FROM 'self_report'));
            CREATE POLICY member_metrics_delete ON @schema.member_metrics FOR DELETE TO @app_role
                USING ((member_id = (SELECT @schema.metricsets_viewer_user_id()) AND source = 'self_report')
                    OR (member_id IN (SELECT @schema.metricsets_viewer_members())
                        AND source IS DISTINCT FROM 'self_report'));
        $sql$;
    END IF;
    EXECUTE pg_catalog.replace(pg_catalog.replace(ddl, '@schema', pg_catalog.quote_ident(target_schema)),
                               '@app_role', pg_catalog.quote_ident(app_role));

    -- The helpers: owned by the tables' owner, executable by the application role only.
    FOR helper IN
        SELECT p.oid::regprocedure FROM pg_catalog.pg_proc AS p
        WHERE p.pronamespace = schema_oid
          AND p.proname IN ('metricsets_viewer_user_id', 'metricsets_viewer_organization_id',
                            'metricsets_viewer_staff_organization_id', 'metricsets_viewer_members',
                            'metricsets_viewer_may_use_set', 'metricsets_viewer_may_manage_set')
    LOOP
        EXECUTE pg_catalog.format('ALTER FUNCTION %s OWNER TO %I', helper, table_owner);
        EXECUTE pg_catalog.format('REVOKE ALL ON FUNCTION %s FROM PUBLIC', helper);
        EXECUTE pg_catalog.format('GRANT EXECUTE ON FUNCTION %s TO %I', helper, app_role);
    END LOOP;

    FOR stray IN
        SELECT p.tablename, p.policyname, p.permissive FROM pg_catalog.pg_policies AS p
        WHERE p.schemaname = target_schema AND p.tablename = ANY (library_tables) AND p.policyname <> ALL (own_policies)
    LOOP
        RAISE WARNING 'Policy % on %.% is not this script''s; a % policy % what this script allows.',
            stray.policyname, target_schema, stray.tablename, lower(stray.permissive),
            CASE WHEN stray.permissive = 'PERMISSIVE' THEN 'adds to' ELSE 'narrows' END;
    END LOOP;
END
$script$;

using MetricSets.EntityFrameworkCore;
using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Xunit.Abstractions;

namespace MetricSets.IntegrationTests.Security;

/// <summary>
/// The adversarial matrix: three organizations, members in one, two and none of them, staff and members as viewers
/// (including false claims), every public read and write path, with and without restricted provenance, under the default
/// policy and under a custom one (a host rule that lets coaches act only for the athletes assigned to them). An independent
/// oracle (the rules as the security review states them, written out again here) says what each viewer may see; the
/// library must return exactly that, and a hidden target must answer exactly like an absent one.
/// </summary>
public sealed class IsolationMatrixTest(ITestOutputHelper output)
{
    private static readonly Duration Day = Duration.FromDays(1);

    // The last column walks every leaderboard's ranking (the latest rows, and the definition's values) instead of probing
    // each member, as organizations from MetricSetsOptions.LeaderboardWalkFrom active members do.
    [Theory]
    [InlineData(MemberMetricProvenance.None, false, MembershipSource.Directory, false)]
    [InlineData(MemberMetricProvenance.Restrict, false, MembershipSource.Directory, false)]
    [InlineData(MemberMetricProvenance.Restrict, true, MembershipSource.Directory, false)]
    [InlineData(MemberMetricProvenance.None, false, MembershipSource.Mapped, false)]
    [InlineData(MemberMetricProvenance.Restrict, false, MembershipSource.Mapped, false)]
    [InlineData(MemberMetricProvenance.Restrict, true, MembershipSource.Mapped, false)]
    [InlineData(MemberMetricProvenance.None, false, MembershipSource.Mapped, true)]
    [InlineData(MemberMetricProvenance.Restrict, false, MembershipSource.Directory, true)]
    [InlineData(MemberMetricProvenance.Restrict, true, MembershipSource.Directory, true)]
    [InlineData(MemberMetricProvenance.Restrict, false, MembershipSource.Mapped, true)]
    [InlineData(MemberMetricProvenance.Restrict, true, MembershipSource.Mapped, true)]
    public async Task No_viewer_reads_or_writes_across_organizations(
        MemberMetricProvenance provenance, bool assignedCoachesOnly, MembershipSource memberships, bool walkLeaderboards)
    {
        var world = await World.CreateAsync(provenance, assignedCoachesOnly, memberships, walkLeaderboards: walkLeaderboards);
        var matrix = await RunAsync(world);

        output.WriteLine(
            $"{provenance}{(assignedCoachesOnly ? ", assigned coaches only" : string.Empty)}, {memberships}{(walkLeaderboards ? ", leaderboards walked" : string.Empty)}: "
            + $"{matrix.Cases} cases run, {matrix.Leaks.Count} leaks found");
        Assert.True(matrix.Leaks.Count == 0, string.Join('\n', matrix.Leaks.Take(20)));
        Assert.True(matrix.Cases > 1000, $"only {matrix.Cases} cases ran");
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task The_matrix_catches_a_policy_that_trusts_a_claimed_role(MembershipSource memberships)
    {
        // A host rule that grants what a viewer claims, without the directory's confirmation: the classic mistake.
        var world = await World.CreateAsync(MemberMetricProvenance.Restrict, assignedCoachesOnly: false, memberships, extraRule: new TrustClaimedStaffRule());
        var matrix = await RunAsync(world);

        output.WriteLine($"Broken policy: {matrix.Cases} cases run, {matrix.Leaks.Count} leaks found");
        Assert.True(matrix.Leaks.Count > 10, $"The matrix found only {matrix.Leaks.Count} leaks in a policy that trusts claimed roles.");
        Assert.Contains(matrix.Leaks, leak => leak.Contains("LEAK", StringComparison.Ordinal));
    }

    private static async Task<Matrix> RunAsync(World world)
    {
        var matrix = new Matrix();
        foreach (var viewer in world.Viewers)
        {
            foreach (var member in world.Members)
            {
                await CheckMemberReadsAsync(world, matrix, viewer, member);
            }

            foreach (var organization in world.Organizations)
            {
                await CheckLeaderboardAsync(world, matrix, viewer, organization);
            }

            foreach (var set in world.Sets)
            {
                await CheckSetReadsAsync(world, matrix, viewer, set);
            }
        }

        // Writes last: they add rows the read oracle does not know about.
        foreach (var viewer in world.Viewers)
        {
            foreach (var set in world.Sets)
            {
                await CheckSetWritesAsync(world, matrix, viewer, set);
            }

            foreach (var member in world.Members)
            {
                await CheckRecordingAsync(world, matrix, viewer, member);
                await CheckBulkRecordingAsync(world, matrix, viewer, member);
                await CheckSourcesAsync(world, matrix, viewer, member);
            }
        }

        // Deletes after everything else: each allowed one removes a value for good.
        foreach (var value in world.Values.ToList())
        {
            await CheckDeleteAsync(world, matrix, value);
        }

        return matrix;
    }

    private static async Task CheckMemberReadsAsync(World world, Matrix matrix, MetricViewer viewer, UserId member)
    {
        var reader = world.Scope.Reader;
        var squat = world.Squat.Id;
        var expected = world.Oracle.CanReadMember(viewer, member) ? world.Oracle.VisibleValues(viewer, member) : null;
        var all = new Interval(null, null);

        await matrix.ExpectAsync(
            $"{viewer} history of {member}",
            expected,
            async () => (await reader.GetHistoryAsync(viewer, new MetricHistoryQuery(member, squat) { Interval = all })).Items.Select(r => r.Id).ToHashSet(),
            () => reader.GetHistoryAsync(viewer, new MetricHistoryQuery(world.GhostMember, squat) { Interval = all }),
            member,
            world.GhostMember);
        await matrix.ExpectAsync(
            $"{viewer} last 10 of {member}",
            expected,
            async () => (await reader.GetLastAsync(viewer, member, [squat], 10))[squat].Select(r => r.Id).ToHashSet(),
            () => reader.GetLastAsync(viewer, world.GhostMember, [squat], 10),
            member,
            world.GhostMember);
        await matrix.ExpectSubsetAsync(
            $"{viewer} latest of {member}",
            expected,
            async () => (await reader.GetLatestAsync(viewer, member, [squat])).Values.Select(r => r.Id).ToHashSet(),
            () => reader.GetLatestAsync(viewer, world.GhostMember, [squat]),
            member,
            world.GhostMember);
        await matrix.ExpectSubsetAsync(
            $"{viewer} best of {member}",
            expected,
            async () => (await reader.GetPersonalBestsAsync(viewer, member, [squat])).Values.Select(r => r.Id).ToHashSet(),
            () => reader.GetPersonalBestsAsync(viewer, world.GhostMember, [squat]),
            member,
            world.GhostMember);
    }

    private static async Task CheckLeaderboardAsync(World world, Matrix matrix, MetricViewer viewer, OrganizationId organization)
    {
        var ghost = OrganizationId.New();
        var allowed = world.Oracle.CanReadOrganization(viewer, organization);
        var expected = allowed
            ? world.Members.Where(m => world.Oracle.IsMember(m, organization)).SelectMany(m => world.Oracle.VisibleValues(viewer, m)).ToHashSet()
            : null;
        await matrix.ExpectSubsetAsync(
            $"{viewer} leaderboard of {organization}",
            expected,
            async () => (await world.Scope.Leaderboards.GetLeaderboardAsync(viewer, new MetricLeaderboardQuery(organization, world.Squat.Id) { PageSize = 50 }))
                .Items.Select(e => e.Reading.Id).ToHashSet(),
            () => world.Scope.Leaderboards.GetLeaderboardAsync(MetricViewer.ForStaff(viewer.UserId, ghost), new MetricLeaderboardQuery(ghost, world.Squat.Id)),
            organization,
            ghost);
    }

    private static async Task CheckSetReadsAsync(World world, Matrix matrix, MetricViewer viewer, MetricSetSnapshot set)
    {
        var sets = world.Scope.Sets;
        var visible = world.Oracle.CanSeeSet(viewer, set.Owner);
        await matrix.ExpectAccessAsync(
            $"{viewer} get {set.Name}", visible, () => sets.GetAsync(viewer, set.Id), () => sets.GetAsync(viewer, world.GhostSet), set.Id, world.GhostSet);

        matrix.Count();
        var listed = await sets.ListByOwnerAsync(viewer, set.Owner);
        if (listed.Any(s => s.Id == set.Id) != visible)
        {
            matrix.Leaks.Add($"{viewer} list of {set.Owner}: listed={listed.Count}, visible={visible}");
        }

        // Resolution needs both the set and the member; the member is the set's owner or an active member of its org.
        foreach (var member in world.Members)
        {
            var allowed = visible && world.Oracle.CanReadMember(viewer, member);
            await matrix.ExpectAccessAsync(
                $"{viewer} resolve {set.Name} for {member}",
                allowed,
                () => world.Scope.Resolver.ResolveAsync(viewer, new MetricSetResolutionQuery(set.Id, member) { Language = "en" }),
                () => world.Scope.Resolver.ResolveAsync(viewer, new MetricSetResolutionQuery(world.GhostSet, member) { Language = "en" }),
                set.Id,
                world.GhostSet,
                alternativeAbsent: () => world.Scope.Resolver.ResolveAsync(viewer, new MetricSetResolutionQuery(set.Id, world.GhostMember) { Language = "en" }),
                alternativeKeys: (member, world.GhostMember));
        }
    }

    private static async Task CheckSetWritesAsync(World world, Matrix matrix, MetricViewer viewer, MetricSetSnapshot set)
    {
        var sets = world.Scope.Sets;
        var manage = world.Oracle.CanManageSet(viewer, set.Owner);
        await matrix.ExpectAccessAsync(
            $"{viewer} rename {set.Name}",
            manage,
            () => sets.RenameAsync(viewer, set.Id, set.Name),
            () => sets.RenameAsync(viewer, world.GhostSet, set.Name),
            set.Id,
            world.GhostSet);

        var ghostOwner = set.Owner.Match(
            _ => MetricOwner.ForMember(world.GhostMember),
            _ => MetricOwner.ForWorkout(WorkoutId.New()),
            _ => MetricOwner.ForOrganization(OrganizationId.New()));
        var ownerKey = set.Owner.Match<object>(m => m, w => w, o => o);
        var ghostKey = ghostOwner.Match<object>(m => m, w => w, o => o);
        await matrix.ExpectAccessAsync(
            $"{viewer} create a set for {set.Owner}",
            manage,
            async () =>
            {
                var created = await sets.CreateAsync(viewer, set.Owner, "Matrix");
                await sets.DeleteAsync(viewer, created.Id);
            },
            () => sets.CreateAsync(viewer, ghostOwner, "Matrix"),
            ownerKey,
            ghostKey);
    }

    private static async Task CheckRecordingAsync(World world, Matrix matrix, MetricViewer viewer, UserId member)
    {
        var allowed = world.Oracle.CanRecord(viewer, member);
        var value = MetricValue.Of(50, MetricUnit.Kilogram);
        var source = viewer.UserId == member ? null : MetricSource.CoachInput;
        // A member recording for themselves "in" an organization they do not belong to is refused for that organization,
        // so its absent twin is the same claim on an organization that does not exist.
        var ghostOrganization = OrganizationId.New();
        var claimsOrganization = viewer.UserId == member && viewer.OrganizationId is not null;
        var absentActor = claimsOrganization
            ? (viewer.Role == ViewerRole.Staff ? MetricViewer.ForStaff(member, ghostOrganization) : MetricViewer.ForMember(member, ghostOrganization))
            : viewer;
        var absentMember = claimsOrganization ? member : world.GhostMember;
        await matrix.ExpectAccessAsync(
            $"{viewer} record for {member}",
            allowed,
            () => world.Scope.Recorder.RecordAsync(viewer, new(member, world.Squat.Id, value) { Source = source }),
            () => world.Scope.Recorder.RecordAsync(absentActor, new(absentMember, world.Squat.Id, value) { Source = source }),
            claimsOrganization ? viewer.OrganizationId!.Value : member,
            claimsOrganization ? ghostOrganization : world.GhostMember);
    }

    private static async Task CheckBulkRecordingAsync(World world, Matrix matrix, MetricViewer viewer, UserId member)
    {
        var allowed = world.Oracle.CanRecord(viewer, member);
        var value = MetricValue.Of(55, MetricUnit.Kilogram);
        var source = viewer.UserId == member ? null : MetricSource.CoachInput;
        var ghostOrganization = OrganizationId.New();
        var claimsOrganization = viewer.UserId == member && viewer.OrganizationId is not null;
        var absentActor = claimsOrganization
            ? (viewer.Role == ViewerRole.Staff ? MetricViewer.ForStaff(member, ghostOrganization) : MetricViewer.ForMember(member, ghostOrganization))
            : viewer;
        var absentMember = claimsOrganization ? member : world.GhostMember;
        await matrix.ExpectAccessAsync(
            $"{viewer} bulk-record for {member}",
            allowed,
            () => world.Scope.Recorder.RecordManyAsync(viewer, [new(member, world.Squat.Id, value) { Source = source }]),
            () => world.Scope.Recorder.RecordManyAsync(absentActor, [new(absentMember, world.Squat.Id, value) { Source = source }]),
            claimsOrganization ? viewer.OrganizationId!.Value : member,
            claimsOrganization ? ghostOrganization : world.GhostMember);
    }

    // Sources are a rule of the policy: a member writes self-reports, staff write the rest. Whoever asks, a source the actor
    // may not use is a validation error that says nothing about the member, and nothing is written.
    private static async Task CheckSourcesAsync(World world, Matrix matrix, MetricViewer viewer, UserId member)
    {
        var self = viewer.UserId == member;
        var forbidden = self ? MetricSource.CoachInput : MetricSource.SelfReport;
        var ghostActor = self ? MetricViewer.ForMember(world.GhostMember, viewer.OrganizationId) : viewer;
        var before = world.Values.Count;
        await matrix.ExpectValidationAsync(
            $"{viewer} record {forbidden} for {member}",
            () => world.Scope.Recorder.RecordAsync(viewer, new(member, world.Squat.Id, MetricValue.Of(60, MetricUnit.Kilogram)) { Source = forbidden }),
            () => world.Scope.Recorder.RecordAsync(ghostActor, new(world.GhostMember, world.Squat.Id, MetricValue.Of(60, MetricUnit.Kilogram)) { Source = forbidden }));
        Assert.Equal(before, world.Values.Count);
    }

    private static async Task CheckDeleteAsync(World world, Matrix matrix, MetricReading value)
    {
        // Every viewer the rules forbid must be refused exactly as for an absent value; then the first allowed one deletes it.
        var ghost = MemberMetricId.New();
        foreach (var viewer in world.Viewers.Where(viewer => !world.Oracle.CanDelete(viewer, value)))
        {
            await matrix.ExpectAccessAsync(
                $"{viewer} delete {value.Id}",
                allowed: false,
                () => world.Scope.Recorder.DeleteAsync(viewer, value.Id),
                () => world.Scope.Recorder.DeleteAsync(viewer, ghost),
                value.Id,
                ghost);
        }

        if (world.Viewers.FirstOrDefault(viewer => world.Oracle.CanDelete(viewer, value)) is { } deleter)
        {
            await matrix.ExpectAccessAsync($"{deleter} delete {value.Id}", allowed: true, () => world.Scope.Recorder.DeleteAsync(deleter, value.Id), () => Task.CompletedTask, value.Id, ghost);
        }
    }

    /// <summary>Counts cases and collects leaks: anything the oracle forbids that the library allowed, or any difference between hidden and absent.</summary>
    private sealed class Matrix
    {
        public int Cases { get; private set; }

        public List<string> Leaks { get; } = [];

        public void Count() => Cases++;

        public Task ExpectAsync<T>(string name, HashSet<MemberMetricId>? expected, Func<Task<HashSet<MemberMetricId>>> read, Func<Task<T>> absent, object key, object ghostKey) =>
            CheckAsync(name, expected, read, absent, key, ghostKey, (actual, wanted) => actual.SetEquals(wanted));

        public Task ExpectSubsetAsync<T>(string name, HashSet<MemberMetricId>? expected, Func<Task<HashSet<MemberMetricId>>> read, Func<Task<T>> absent, object key, object ghostKey) =>
            CheckAsync(name, expected, read, absent, key, ghostKey, (actual, wanted) => actual.IsSubsetOf(wanted) && (wanted.Count == 0) == (actual.Count == 0));

        public async Task ExpectAccessAsync(
            string name,
            bool allowed,
            Func<Task> act,
            Func<Task> absent,
            object key,
            object ghostKey,
            Func<Task>? alternativeAbsent = null,
            (object Key, object GhostKey)? alternativeKeys = null)
        {
            Cases++;
            var error = await CatchAsync(act);
            if (allowed)
            {
                if (error is not null)
                {
                    Leaks.Add($"{name}: allowed by the rules but refused ({error.Message})");
                }

                return;
            }

            if (error is null)
            {
                Leaks.Add($"{name}: LEAK, forbidden by the rules but allowed");
                return;
            }

            var absentError = await CatchAsync(absent);
            var sameAsAbsent = SameAnswer(error, absentError, key, ghostKey);
            if (!sameAsAbsent && alternativeAbsent is not null && alternativeKeys is { } keys)
            {
                sameAsAbsent = SameAnswer(error, await CatchAsync(alternativeAbsent), keys.Key, keys.GhostKey);
            }

            if (!sameAsAbsent)
            {
                Leaks.Add($"{name}: hidden answers differently from absent ({error.Message} vs {absentError?.Message})");
            }
        }

        private async Task CheckAsync<T>(
            string name,
            HashSet<MemberMetricId>? expected,
            Func<Task<HashSet<MemberMetricId>>> read,
            Func<Task<T>> absent,
            object key,
            object ghostKey,
            Func<HashSet<MemberMetricId>, HashSet<MemberMetricId>, bool> matches)
        {
            Cases++;
            HashSet<MemberMetricId>? actual = null;
            var error = await CatchAsync(async () => actual = await read());
            if (expected is null)
            {
                if (error is null)
                {
                    Leaks.Add($"{name}: LEAK, forbidden but returned {actual!.Count} values");
                }
                else if (!SameAnswer(error, await CatchAsync(absent), key, ghostKey))
                {
                    Leaks.Add($"{name}: hidden answers differently from absent ({error.Message})");
                }
            }
            else if (error is not null)
            {
                Leaks.Add($"{name}: allowed but refused ({error.Message})");
            }
            else if (!matches(actual!, expected))
            {
                var extra = actual!.Except(expected).Count();
                Leaks.Add($"{name}: returned {actual!.Count} values, {extra} of them not visible to the viewer (expected {expected.Count})");
            }
        }

        public async Task ExpectValidationAsync(string name, Func<Task> act, Func<Task> absent)
        {
            Cases++;
            var error = await CatchAsync(act);
            var absentError = await CatchAsync(absent);
            if (error is not MetricValidationException { ParameterName: "Source" } || absentError?.Message != error.Message)
            {
                Leaks.Add($"{name}: expected the same source refusal as for an absent member, got {error?.Message ?? "success"} vs {absentError?.Message}");
            }
        }

        private static bool SameAnswer(Exception hidden, Exception? absent, object key, object ghostKey) =>
            hidden is MetricNotFoundException h
            && absent is MetricNotFoundException a
            && h.Entity == a.Entity
            && h.Message.Replace(key.ToString()!, "<id>", StringComparison.Ordinal) == a.Message.Replace(ghostKey.ToString()!, "<id>", StringComparison.Ordinal);

        private static async Task<Exception?> CatchAsync(Func<Task> act)
        {
            try
            {
                await act();
                return null;
            }
            catch (MetricSetsException exception)
            {
                return exception;
            }
        }
    }

    /// <summary>The rules, restated independently of the library's policy.</summary>
    private sealed class Oracle(World world)
    {
        public bool IsMember(UserId user, OrganizationId organization) => world.Memberships.Contains((user, organization));

        public bool IsStaff(UserId user, OrganizationId organization) => world.Staff.Contains((user, organization));

        public bool CanReadMember(MetricViewer viewer, UserId member) => viewer.UserId == member || IsStaffActingFor(viewer, member);

        public bool CanRecord(MetricViewer viewer, UserId member) =>
            viewer.UserId == member
                ? viewer.OrganizationId is not { } organization || IsMember(viewer.UserId, organization) || IsStaff(viewer.UserId, organization)
                : IsStaffActingFor(viewer, member);

        public bool CanReadOrganization(MetricViewer viewer, OrganizationId organization) =>
            viewer.Role == ViewerRole.Staff && viewer.OrganizationId == organization && IsStaff(viewer.UserId, organization);

        public bool CanDelete(MetricViewer viewer, MetricReading value) =>
            viewer.UserId == value.MemberId
                ? value.Source == MetricSource.SelfReport
                : IsStaffActingFor(viewer, value.MemberId)
                  && (world.Provenance == MemberMetricProvenance.None ? value.Source != MetricSource.SelfReport : value.RecordedIn == viewer.OrganizationId);

        public HashSet<MemberMetricId> VisibleValues(MetricViewer viewer, UserId member) =>
            [.. world.Values
                .Where(v => v.MemberId == member)
                .Where(v => world.Provenance != MemberMetricProvenance.Restrict
                    || viewer.UserId == member
                    || v.RecordedIn == viewer.OrganizationId
                    || v.Source == MetricSource.SelfReport)
                .Select(v => v.Id)];

        public bool CanSeeSet(MetricViewer viewer, MetricOwner owner) => owner.Match(
            member => CanReadMember(viewer, member),
            workout => HasRole(viewer, world.WorkoutOrganizations[workout], staffOnly: false),
            organization => HasRole(viewer, organization, staffOnly: false));

        public bool CanManageSet(MetricViewer viewer, MetricOwner owner) => owner.Match(
            member => CanReadMember(viewer, member),
            workout => world.WorkoutOrganizations.TryGetValue(workout, out var organization) && HasRole(viewer, organization, staffOnly: true),
            organization => HasRole(viewer, organization, staffOnly: true));

        private bool IsStaffActingFor(MetricViewer viewer, UserId member) =>
            viewer.Role == ViewerRole.Staff && viewer.OrganizationId is { } organization && IsStaff(viewer.UserId, organization) && IsMember(member, organization)
            && (world.Assignments is null || world.Assignments.Contains((viewer.UserId, member)));

        private bool HasRole(MetricViewer viewer, OrganizationId organization, bool staffOnly) =>
            viewer.OrganizationId == organization
            && (staffOnly
                ? viewer.Role == ViewerRole.Staff && IsStaff(viewer.UserId, organization)
                : IsStaff(viewer.UserId, organization) || IsMember(viewer.UserId, organization));
    }

    /// <summary>Organizations A, B, C; members in A, in A and B, in none; one coach per organization; a workout per organization; sets of every kind; values recorded by members and coaches.</summary>
    private sealed class World
    {
        public required MemberMetricProvenance Provenance { get; init; }

        /// <summary>Gets the coach–athlete assignments of the custom policy, or <see langword="null"/> under the default policy.</summary>
        public required HashSet<(UserId Coach, UserId Athlete)>? Assignments { get; init; }

        public required ServiceScope Scope { get; init; }

        public required MetricDefinition Squat { get; init; }

        public List<OrganizationId> Organizations { get; } = [];

        public List<UserId> Members { get; } = [];

        public List<MetricViewer> Viewers { get; } = [];

        public List<MetricSetSnapshot> Sets { get; } = [];

        public List<MetricReading> Values { get; } = [];

        public HashSet<(UserId, OrganizationId)> Memberships { get; } = [];

        public HashSet<(UserId, OrganizationId)> Staff { get; } = [];

        public Dictionary<WorkoutId, OrganizationId> WorkoutOrganizations { get; } = [];

        public UserId GhostMember { get; } = UserId.New();

        public MetricSetId GhostSet { get; } = MetricSetId.New();

        public Oracle Oracle => new(this);

        public static async Task<World> CreateAsync(
            MemberMetricProvenance provenance, bool assignedCoachesOnly, MembershipSource memberships, IMetricAccessHandler? extraRule = null, bool walkLeaderboards = false)
        {
            var database = DatabaseFixture.Attach(await TestServer.CreateDatabaseAsync($"metricsets_matrix_{provenance}", provenance));
            HashSet<(UserId Coach, UserId Athlete)>? assignments = assignedCoachesOnly ? [] : null;
            var rule = extraRule ?? (assignments is null ? null : new AssignedCoachesRule(assignments));
            var scope = new ServiceScope(
                database.ConnectionString,
                configure: walkLeaderboards ? options => options.LeaderboardWalkFrom = 0 : null,
                provenance: provenance,
                services: rule is null ? null : services => services.AddScoped(_ => rule),
                memberships: memberships);
            var world = new World { Provenance = provenance, Assignments = assignments, Scope = scope, Squat = await scope.BackSquatAsync() };

            for (var i = 0; i < 3; i++)
            {
                world.Organizations.Add(await database.AddOrganizationAsync());
            }

            var (a, b, c) = (world.Organizations[0], world.Organizations[1], world.Organizations[2]);
            var inA = await database.AddUserAsync();
            var inAB = await database.AddUserAsync();
            var inNone = await database.AddUserAsync();
            world.Members.AddRange([inA, inAB, inNone]);
            world.Join(inA, a);
            world.Join(inAB, a);
            world.Join(inAB, b);

            var coaches = new List<UserId>();
            foreach (var organization in world.Organizations)
            {
                var coach = await database.AddUserAsync();
                coaches.Add(coach);
                world.Staff.Add((coach, organization));
                scope.Directory.AddStaff(coach, organization);
                var workout = await database.AddWorkoutAsync();
                world.WorkoutOrganizations[workout] = organization;
                scope.Directory.AddWorkout(workout, organization);
                world.Sets.Add(await scope.Sets.CreateAsync(MetricViewer.ForStaff(coach, organization), MetricOwner.ForOrganization(organization), $"Org set {organization}", [world.Squat.Id]));
                world.Sets.Add(await scope.Sets.CreateAsync(MetricViewer.ForStaff(coach, organization), MetricOwner.ForWorkout(workout), $"Workout set {workout}", [world.Squat.Id]));
            }

            // Under the custom policy, A's coach looks after the member in A only and B's coach after the member in A and B, so
            // each shared member has a coach who may not act for them.
            assignments?.UnionWith([(coaches[0], inA), (coaches[1], inAB)]);

            foreach (var member in world.Members)
            {
                world.Sets.Add(await scope.Sets.CreateAsync(MetricViewer.ForMember(member), MetricOwner.ForMember(member), $"Member set {member}", [world.Squat.Id]));
                await world.RecordAsync(MetricViewer.ForMember(member), member, 100, Day * 9);
                for (var i = 0; i < 3; i++)
                {
                    if (world.Memberships.Contains((member, world.Organizations[i])) && world.Oracle.CanRecord(MetricViewer.ForStaff(coaches[i], world.Organizations[i]), member))
                    {
                        // Coaches record newer and heavier values, so "latest" and "best" point at them when visible.
                        await world.RecordAsync(MetricViewer.ForStaff(coaches[i], world.Organizations[i]), member, 110 + (10 * i), Day * (5 - i));
                    }
                }
            }

            foreach (var member in world.Members)
            {
                world.Viewers.Add(MetricViewer.ForMember(member));
                foreach (var organization in world.Organizations)
                {
                    world.Viewers.Add(MetricViewer.ForMember(member, organization));
                    world.Viewers.Add(MetricViewer.ForStaff(member, organization));
                }
            }

            foreach (var coach in coaches)
            {
                world.Viewers.Add(MetricViewer.ForMember(coach));
                foreach (var organization in world.Organizations)
                {
                    world.Viewers.Add(MetricViewer.ForStaff(coach, organization));
                }
            }

            return world;
        }

        private void Join(UserId member, OrganizationId organization)
        {
            Memberships.Add((member, organization));
            Scope.Directory.AddMember(member, organization);
        }

        private async Task RecordAsync(MetricViewer actor, UserId member, decimal kilograms, Duration ago) =>
            Values.Add(await Scope.Recorder.RecordAsync(
                actor,
                new(member, Squat.Id, MetricValue.Of(kilograms, MetricUnit.Kilogram))
                {
                    RecordedAt = Scope.Clock.GetCurrentInstant() - ago,
                    Source = actor.UserId == member ? null : MetricSource.CoachInput,
                }));
    }

    /// <summary>A broken host rule: it grants the organization a viewer claims to be staff of, unconfirmed.</summary>
    private sealed class TrustClaimedStaffRule : IMetricAccessHandler
    {
        public ValueTask HandleAsync(MetricAccessContext context, CancellationToken cancellationToken)
        {
            if (context.Viewer is { Role: ViewerRole.Staff, OrganizationId: { } organization })
            {
                context.Succeed(MetricAccessGrant.InOrganization(organization));
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>
    /// A host's rule, added to the default policy: staff act for a member's values only when the coach is assigned to
    /// that athlete. It only vetoes, so everything else is still decided by the default rules.
    /// </summary>
    private sealed class AssignedCoachesRule(HashSet<(UserId Coach, UserId Athlete)> assignments) : IMetricAccessHandler
    {
        public ValueTask HandleAsync(MetricAccessContext context, CancellationToken cancellationToken)
        {
            // The athlete's values, and the sets the athlete owns.
            var request = context.Request;
            var athlete = request.Member ?? (request.SetOwner is { } owner && owner.TryGetMember(out var member) ? member : null);
            if (athlete is { } target && context.Viewer.UserId != target && !assignments.Contains((context.Viewer.UserId, target)))
            {
                context.Fail("not-assigned-coach");
            }

            return ValueTask.CompletedTask;
        }
    }
}

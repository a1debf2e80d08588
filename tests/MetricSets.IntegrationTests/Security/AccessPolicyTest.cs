using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NodaTime;

namespace MetricSets.IntegrationTests.Security;

/// <summary>
/// The access policy as a host extends it: handlers that grant, handlers that veto, the default rules turned off; every
/// refusal answers like a missing resource and is logged with a stable event id and no personal data; and within one
/// call the host's directory is asked each question once.
/// </summary>
public sealed class AccessPolicyTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task A_host_rule_can_grant_what_the_default_rules_do_not(MembershipSource memberships)
    {
        var (junior, parent) = (await database.AddUserAsync(), await database.AddUserAsync());
        var guardians = new Dictionary<UserId, UserId> { [junior] = parent };
        await using var scope = new ServiceScope(
            database.ConnectionString, services: s => s.AddScoped<IMetricAccessHandler>(_ => new GuardianRule(guardians)), memberships: memberships);
        var squat = await scope.BackSquatAsync();
        await scope.Recorder.RecordAsync(MetricViewer.ForMember(junior), new(junior, squat.Id, MetricValue.Of(40, MetricUnit.Kilogram)));

        var seenByParent = await scope.Reader.FindLatestAsync(MetricViewer.ForMember(parent), junior, squat.Id);
        var stranger = await database.AddUserAsync();

        Assert.Equal(40m, seenByParent!.Value.Amount);
        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Reader.FindLatestAsync(MetricViewer.ForMember(stranger), junior, squat.Id));
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task A_host_rule_can_veto_what_the_default_rules_grant_and_the_refusal_answers_like_a_missing_member(MembershipSource memberships)
    {
        var (member, gym) = (await database.AddUserAsync(), OrganizationId.New());
        await using var scope = new ServiceScope(
            database.ConnectionString, services: s => s.AddScoped<IMetricAccessHandler, NoCoachesOnSundaysRule>(), memberships: memberships);
        var squat = await scope.BackSquatAsync();
        scope.Directory.AddMember(member, gym);
        var coach = scope.StaffOf(gym);

        var refused = await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Reader.FindLatestAsync(coach, member, squat.Id));
        var absent = await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Reader.FindLatestAsync(coach, UserId.New(), squat.Id));

        Assert.Equal(MetricEntity.Member, refused.Entity);
        Assert.Equal(absent.Message.Replace(absent.Key.ToString()!, "?", StringComparison.Ordinal), refused.Message.Replace(member.ToString(), "?", StringComparison.Ordinal));
        Assert.Null(await scope.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, squat.Id)); // the member still reads their own
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task Without_the_default_rules_and_without_a_host_rule_nothing_is_allowed(MembershipSource memberships)
    {
        var member = await database.AddUserAsync();
        await using var scope = new ServiceScope(database.ConnectionString, o => o.Access.UseDefaultRules = false, memberships: memberships);
        var squat = await scope.BackSquatAsync();

        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Reader.FindLatestAsync(MetricViewer.ForMember(member), member, squat.Id));
        await Assert.ThrowsAsync<MetricNotFoundException>(
            () => scope.Recorder.RecordAsync(MetricViewer.ForMember(member), new(member, squat.Id, MetricValue.Of(1, MetricUnit.Kilogram))));
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE member_id = $1", member.Value));
    }

    [Fact]
    public async Task Every_refusal_is_logged_with_a_stable_event_id_and_no_personal_data()
    {
        var logs = new CapturingLoggerProvider();
        var (member, gym) = (await database.AddUserAsync(), OrganizationId.New());
        await using var scope = new ServiceScope(database.ConnectionString, services: s => s.AddLogging(b => b.AddProvider(logs)));
        var squat = await scope.BackSquatAsync();
        var outsider = scope.StaffOf(OrganizationId.New());

        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Reader.FindLatestAsync(outsider, member, squat.Id));
        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Leaderboards.GetLeaderboardAsync(outsider, new MetricLeaderboardQuery(gym, squat.Id)));

        var refusals = logs.Entries.Where(e => e.EventId.Id == 1000).ToList();
        Assert.Equal(2, refusals.Count);
        Assert.All(refusals, e => Assert.Equal("MetricAccessRefused", e.EventId.Name));
        Assert.Equal(["ReadValues", "ReadOrganization"], refusals.Select(e => e.State.Single(p => p.Key == "Request").Value!.ToString()));
        var everything = string.Join('\n', logs.Entries.Select(e => e.Message + string.Join(',', e.State.Select(p => p.Value))));
        foreach (var personal in new object[] { member, gym, outsider.UserId, outsider.OrganizationId!.Value })
        {
            Assert.DoesNotContain(personal.ToString()!, everything, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task A_coach_who_is_also_a_member_deletes_only_their_own_self_reports_not_what_a_colleague_recorded_for_them(MembershipSource memberships)
    {
        var (coachAndMember, colleague, gym) = (await database.AddUserAsync(), await database.AddUserAsync(), await database.AddOrganizationAsync());
        await using var scope = new ServiceScope(database.ConnectionString, memberships: memberships);
        var squat = await scope.BackSquatAsync();
        scope.Directory.AddStaff(coachAndMember, gym).AddMember(coachAndMember, gym).AddStaff(colleague, gym);
        var byColleague = await scope.Recorder.RecordAsync(
            MetricViewer.ForStaff(colleague, gym), new(coachAndMember, squat.Id, MetricValue.Of(150, MetricUnit.Kilogram)) { Source = MetricSource.CoachInput });
        var selfReport = await scope.Recorder.RecordAsync(MetricViewer.ForMember(coachAndMember), new(coachAndMember, squat.Id, MetricValue.Of(120, MetricUnit.Kilogram)));

        var refused = await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Recorder.DeleteAsync(MetricViewer.ForStaff(coachAndMember, gym), byColleague.Id));
        await scope.Recorder.DeleteAsync(MetricViewer.ForStaff(coachAndMember, gym), selfReport.Id);

        Assert.Equal(MetricEntity.MemberMetric, refused.Entity);
        var left = await scope.Reader.GetLastAsync(MetricViewer.ForMember(coachAndMember), coachAndMember, [squat.Id], 10);
        Assert.Equal([byColleague.Id], left[squat.Id].Select(reading => reading.Id));
    }

    [Fact]
    public async Task A_viewer_acting_in_no_organization_sees_no_workouts_set_without_asking_the_directory()
    {
        var (member, gym, workout) = (await database.AddUserAsync(), await database.AddOrganizationAsync(), await database.AddWorkoutAsync());
        var counting = new CountingDirectory();
        counting.Inner.AddMember(member, gym).AddWorkout(workout, gym);
        await using var scope = new ServiceScope(database.ConnectionString, services: s => s.AddSingleton<IMembershipDirectory>(counting));
        var squat = await scope.BackSquatAsync();
        var coachId = await database.AddUserAsync();
        counting.Inner.AddStaff(coachId, gym);
        var set = await scope.Sets.CreateAsync(MetricViewer.ForStaff(coachId, gym), MetricOwner.ForWorkout(workout), "Monday", [squat.Id]);
        counting.Questions.Clear();

        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Sets.GetAsync(MetricViewer.ForMember(member), set.Id));

        Assert.Empty(counting.Questions);
    }

    [Fact]
    public async Task Within_one_call_the_directory_is_asked_each_question_once()
    {
        var (member, gym) = (await database.AddUserAsync(), await database.AddOrganizationAsync());
        var counting = new CountingDirectory();
        counting.Inner.AddMember(member, gym);
        await using var scope = new ServiceScope(database.ConnectionString, services: s => s.AddSingleton<IMembershipDirectory>(counting));
        var squat = await scope.BackSquatAsync();
        var coachId = await database.AddUserAsync();
        counting.Inner.AddStaff(coachId, gym);
        var coach = MetricViewer.ForStaff(coachId, gym);
        var set = await scope.Sets.CreateAsync(coach, MetricOwner.ForMember(member), "Goals", [squat.Id]);
        counting.Questions.Clear();

        // Resolving a member-owned set for that member: the set's visibility and the member's values need the same facts.
        await scope.Resolver.ResolveAsync(coach, new MetricSetResolutionQuery(set.Id, member));

        Assert.Equal(counting.Questions.Distinct().Count(), counting.Questions.Count);
        Assert.Equal(2, counting.Questions.Count); // the coach's role, and the member's membership
        counting.Questions.Clear();

        // The next call asks again: answers are never kept across calls, so an ended membership ends access at once.
        await scope.Resolver.ResolveAsync(coach, new MetricSetResolutionQuery(set.Id, member));
        Assert.Equal(2, counting.Questions.Count);
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task A_host_rule_that_decides_by_source_is_asked_about_every_source_of_a_bulk_import(MembershipSource memberships)
    {
        var (member, gym) = (await database.AddUserAsync(), await database.AddOrganizationAsync());
        await using var scope = new ServiceScope(
            database.ConnectionString, services: s => s.AddScoped<IMetricAccessHandler, DevicesSyncOnlyForThemselvesRule>(), memberships: memberships);
        var squat = await scope.BackSquatAsync();
        scope.Directory.AddMember(member, gym);
        var coach = scope.StaffOf(gym);
        RecordMetricRequest Row(MetricSource source) => new(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)) { Source = source };

        var imported = await scope.Recorder.RecordManyAsync(coach, [Row(MetricSource.CoachInput), Row(MetricSource.CoachInput)]);
        var refused = await Assert.ThrowsAsync<MetricNotFoundException>(
            () => scope.Recorder.RecordManyAsync(coach, [Row(MetricSource.CoachInput), Row(MetricSource.Parse("wearable_sync")), Row(MetricSource.CoachInput)]));

        Assert.Equal(2, imported.Recorded);
        Assert.Equal(MetricEntity.Member, refused.Entity);
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM member_metrics WHERE member_id = $1", member.Value));
    }

    /// <summary>A device sync is the member's own: staff may not record one (a host rule that decides by source).</summary>
    private sealed class DevicesSyncOnlyForThemselvesRule : IMetricAccessHandler
    {
        public ValueTask HandleAsync(MetricAccessContext context, CancellationToken cancellationToken)
        {
            if (context.Request is { Operation: MetricOperation.RecordValue, Source.Code: "wearable_sync" } && context.Viewer.UserId != context.Request.Member)
            {
                context.Fail("device-sync-by-staff");
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A parent reads their junior member's values.</summary>
    private sealed class GuardianRule(Dictionary<UserId, UserId> guardians) : IMetricAccessHandler
    {
        public ValueTask HandleAsync(MetricAccessContext context, CancellationToken cancellationToken)
        {
            if (context.Request is { Operation: MetricOperation.ReadValues, Member: { } junior }
                && guardians.TryGetValue(junior, out var parent) && parent == context.Viewer.UserId)
            {
                context.Succeed(MetricAccessGrant.Everything);
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>A veto on every staff read (a stand-in for any restriction a gym adds).</summary>
    private sealed class NoCoachesOnSundaysRule : IMetricAccessHandler
    {
        public ValueTask HandleAsync(MetricAccessContext context, CancellationToken cancellationToken)
        {
            if (context.Viewer.Role == ViewerRole.Staff)
            {
                context.Fail("coaches-off-duty");
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Counts the questions asked of the host's directory.</summary>
    private sealed class CountingDirectory : IMembershipDirectory
    {
        public TestMembershipDirectory Inner { get; } = new();

        public List<string> Questions { get; } = [];

        public ValueTask<bool> IsActiveMemberAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default)
        {
            Questions.Add($"active {userId} {organizationId}");
            return Inner.IsActiveMemberAsync(userId, organizationId, cancellationToken);
        }

        public ValueTask<ViewerRole?> GetRoleAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default)
        {
            Questions.Add($"role {userId} {organizationId}");
            return Inner.GetRoleAsync(userId, organizationId, cancellationToken);
        }

        public ValueTask<OrganizationId?> GetWorkoutOrganizationAsync(WorkoutId workoutId, CancellationToken cancellationToken = default)
        {
            Questions.Add($"workout {workoutId}");
            return Inner.GetWorkoutOrganizationAsync(workoutId, cancellationToken);
        }

        public ValueTask<IReadOnlyCollection<UserId>> ListActiveMembersAsync(OrganizationId organizationId, CancellationToken cancellationToken = default)
        {
            Questions.Add($"members {organizationId}");
            return Inner.ListActiveMembersAsync(organizationId, cancellationToken);
        }
    }
}

using MetricSets.EntityFrameworkCore;
using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace MetricSets.IntegrationTests.Security;

/// <summary>
/// Recorded-in provenance (Restrict by default, Track on request): the column, filled on every write, and under <see cref="MemberMetricProvenance.Restrict"/>
/// staff of A see values recorded in A plus self-reports only, with latest, best, history and leaderboards computed over
/// those rows.
/// </summary>
public sealed class ProvenanceTest
{
    private static readonly Duration Day = Duration.FromDays(1);

    [Fact]
    public async Task The_option_adds_a_nullable_organization_id_that_forgets_a_deleted_organization()
    {
        var connectionString = await TestServer.CreateDatabaseAsync("metricsets_provenance_schema", MemberMetricProvenance.Track);

        var columns = await CatalogSnapshot.ColumnsAsync(connectionString);
        var constraints = await CatalogSnapshot.ConstraintsAsync(connectionString);
        var indexes = await CatalogSnapshot.IndexesAsync(connectionString);

        Assert.Equal(SeedSchema.WithDefaults.Columns, columns);
        Assert.Contains("member_metrics_organization_id_fkey: FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE SET NULL", constraints);

        // The seed's, the provenance foreign key, and the flat reads' latest rows' key (which Track has too).
        Assert.Equal(SeedSchema.WithDefaults.Constraints, constraints);
        Assert.Contains("member_metrics_organization_idx: CREATE INDEX member_metrics_organization_idx ON public.member_metrics USING btree (organization_id)", indexes);
    }

    [Fact]
    public async Task Without_the_option_the_schema_has_no_organization_id()
    {
        var connectionString = await TestServer.CreateDatabaseAsync("metricsets_no_provenance", MemberMetricProvenance.None);

        Assert.DoesNotContain("member_metrics.organization_id uuid", await CatalogSnapshot.ColumnsAsync(connectionString));
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task Every_write_records_the_organization_it_was_made_in(MembershipSource memberships)
    {
        var gym = await TwoGyms.CreateAsync(MemberMetricProvenance.Track, memberships);

        var byCoachA = await gym.RecordAsync(gym.CoachA, gym.Both, 100, Day * 3);
        var selfInA = await gym.Scope.Recorder.RecordAsync(
            MetricViewer.ForMember(gym.Both, gym.A), new(gym.Both, gym.Squat.Id, MetricValue.Of(101, MetricUnit.Kilogram)));
        var selfAnywhere = await gym.RecordAsync(MetricViewer.ForMember(gym.Both), gym.Both, 102, Day);

        Assert.Equal(gym.A, byCoachA.RecordedIn);
        Assert.Equal(gym.A, selfInA.RecordedIn);
        Assert.Equal(MetricSource.SelfReport, selfInA.Source);
        Assert.Null(selfAnywhere.RecordedIn);
        Assert.Equal(gym.A.Value, await gym.Database.ScalarAsync<Guid>("SELECT organization_id FROM member_metrics WHERE id = $1", byCoachA.Id.Value));

        // Track does not restrict reads: staff of B see the value recorded in A (the newest, recorded now) as the latest,
        // but not where it was recorded: that would tell B where else the member trains. The member and A's staff see it.
        var latest = await gym.Scope.Reader.FindLatestAsync(gym.CoachBView, gym.Both, gym.Squat.Id);
        Assert.Equal(selfInA.Id, latest?.Id);
        Assert.Null(latest?.RecordedIn);
        Assert.Equal(gym.A, (await gym.Scope.Reader.FindLatestAsync(gym.CoachAView, gym.Both, gym.Squat.Id))?.RecordedIn);
        Assert.Equal(gym.A, (await gym.Scope.Reader.FindLatestAsync(MetricViewer.ForMember(gym.Both), gym.Both, gym.Squat.Id))?.RecordedIn);
    }

    [Theory]
    [InlineData(MemberMetricProvenance.Track, MembershipSource.Directory)]
    [InlineData(MemberMetricProvenance.Restrict, MembershipSource.Directory)]
    [InlineData(MemberMetricProvenance.Track, MembershipSource.Mapped)]
    [InlineData(MemberMetricProvenance.Restrict, MembershipSource.Mapped)]
    public async Task No_read_tells_one_organizations_staff_where_else_the_member_trains(MemberMetricProvenance provenance, MembershipSource memberships)
    {
        var gym = await TwoGyms.CreateAsync(provenance, memberships);
        var selfInA = await gym.Scope.Recorder.RecordAsync(
            MetricViewer.ForMember(gym.Both, gym.A), new(gym.Both, gym.Squat.Id, MetricValue.Of(101, MetricUnit.Kilogram)));
        var set = await gym.Scope.Sets.CreateAsync(gym.CoachBView, MetricOwner.ForOrganization(gym.B), "B's benchmarks", [gym.Squat.Id]);
        var reader = gym.Scope.Reader;

        // A self-report made while acting in A is visible to B's staff (it is the member's own), but never as "recorded in A".
        var readings = new List<MetricReading?>
        {
            await reader.FindLatestAsync(gym.CoachBView, gym.Both, gym.Squat.Id),
            (await reader.GetLastAsync(gym.CoachBView, gym.Both, [gym.Squat.Id], 5))[gym.Squat.Id].Single(),
            (await reader.GetPersonalBestsAsync(gym.CoachBView, gym.Both, [gym.Squat.Id]))[gym.Squat.Id],
            (await reader.GetHistoryAsync(gym.CoachBView, new MetricHistoryQuery(gym.Both, gym.Squat.Id))).Items.Single(),
            (await gym.Scope.Resolver.ResolveAsync(gym.CoachBView, new MetricSetResolutionQuery(set.Id, gym.Both))).Metrics[0].Latest,
            (await gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachBView, new MetricLeaderboardQuery(gym.B, gym.Squat.Id))).Items.Single().Reading,
        };

        Assert.All(readings, reading => Assert.Equal((selfInA.Id, (OrganizationId?)null), (reading!.Id, reading.RecordedIn)));
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task A_hosts_grant_in_another_organization_adds_its_values_to_the_default_rules(MembershipSource memberships)
    {
        var gym = await GymsWhereCoachAIsGrantedBAsync(memberships);
        var inA = await gym.RecordAsync(gym.CoachA, gym.Both, 100, Day * 2);
        var inB = await gym.RecordAsync(gym.CoachB, gym.Both, 110, Day);

        var history = await gym.Scope.Reader.GetHistoryAsync(gym.CoachAView, new MetricHistoryQuery(gym.Both, gym.Squat.Id));

        Assert.Equal([(inA.Id, gym.A), (inB.Id, gym.B)], history.Items.Select(reading => (reading.Id, reading.RecordedIn!.Value)));
    }

    [Theory]
    [InlineData(MembershipSource.Directory)]
    [InlineData(MembershipSource.Mapped)]
    public async Task When_the_default_rules_refuse_a_hosts_grant_alone_decides_what_is_read_and_disclosed(MembershipSource memberships)
    {
        var gym = await GymsWhereCoachAIsGrantedBAsync(memberships);
        var inA = await gym.RecordAsync(gym.CoachA, gym.Both, 100, Day * 3);
        var selfInA = await gym.Scope.Recorder.RecordAsync(
            MetricViewer.ForMember(gym.Both, gym.A),
            new(gym.Both, gym.Squat.Id, MetricValue.Of(105, MetricUnit.Kilogram)) { RecordedAt = gym.Scope.Clock.GetCurrentInstant() - (Day * 2) });
        var inB = await gym.RecordAsync(gym.CoachB, gym.Both, 110, Day);
        gym.Scope.Directory.RemoveMember(gym.Both, gym.A);

        // A's coach no longer reads the member as A's staff: B's grant reads B's value and the member's self-report, and
        // never says the self-report was made in A.
        var history = await gym.Scope.Reader.GetHistoryAsync(gym.CoachAView, new MetricHistoryQuery(gym.Both, gym.Squat.Id));

        Assert.DoesNotContain(inA.Id, history.Items.Select(reading => reading.Id));
        Assert.Equal([(selfInA.Id, (OrganizationId?)null), (inB.Id, gym.B)], history.Items.Select(reading => (reading.Id, reading.RecordedIn)));
    }

    [Fact]
    public async Task Restrict_confines_staff_to_their_organizations_values_and_self_reports()
    {
        var gym = await TwoGyms.CreateAsync(MemberMetricProvenance.Restrict);
        var inA = await gym.RecordAsync(gym.CoachA, gym.Both, 100, Day * 5);
        var selfReport = await gym.RecordAsync(MetricViewer.ForMember(gym.Both), gym.Both, 105, Day * 4);
        var inB = await gym.RecordAsync(gym.CoachB, gym.Both, 140, Day * 1);   // newest and best, recorded in B

        var reader = gym.Scope.Reader;
        var latestForA = await reader.FindLatestAsync(gym.CoachAView, gym.Both, gym.Squat.Id);
        var bestForA = await reader.GetPersonalBestsAsync(gym.CoachAView, gym.Both, [gym.Squat.Id]);
        var historyForA = await reader.GetHistoryAsync(gym.CoachAView, new MetricHistoryQuery(gym.Both, gym.Squat.Id));
        var lastForA = await reader.GetLastAsync(gym.CoachAView, gym.Both, [gym.Squat.Id], 10);
        var boardForA = await gym.Scope.Leaderboards.GetLeaderboardAsync(gym.CoachAView, new MetricLeaderboardQuery(gym.A, gym.Squat.Id));

        Assert.Equal(selfReport.Id, latestForA?.Id);
        Assert.Equal(selfReport.Id, bestForA[gym.Squat.Id].Id);
        Assert.Equal([inA.Id, selfReport.Id], historyForA.Items.Select(r => r.Id));
        Assert.DoesNotContain(inB.Id, lastForA[gym.Squat.Id].Select(r => r.Id));
        Assert.Equal(MetricValue.Of(105, MetricUnit.Kilogram), Assert.Single(boardForA.Items).Value);

        // B sees its own value; the member sees everything.
        Assert.Equal(inB.Id, (await reader.FindLatestAsync(gym.CoachBView, gym.Both, gym.Squat.Id))?.Id);
        Assert.Equal(3, (await reader.GetHistoryAsync(MetricViewer.ForMember(gym.Both), new MetricHistoryQuery(gym.Both, gym.Squat.Id))).Items.Count);
    }

    [Fact]
    public async Task Restrict_applies_to_set_resolution_too()
    {
        var gym = await TwoGyms.CreateAsync(MemberMetricProvenance.Restrict);
        var set = await gym.Scope.Sets.CreateAsync(gym.CoachAView, MetricOwner.ForOrganization(gym.A), "Strength", [gym.Squat.Id]);
        var inA = await gym.RecordAsync(gym.CoachA, gym.Both, 100, Day * 2);
        await gym.RecordAsync(gym.CoachB, gym.Both, 140, Day * 1);

        var resolved = await gym.Scope.Resolver.ResolveAsync(gym.CoachAView, new MetricSetResolutionQuery(set.Id, gym.Both) { Language = "en" });

        Assert.Equal(inA.Id, resolved.Metrics[0].Latest?.Id);
    }

    [Fact]
    public async Task Staff_may_not_pass_their_entries_off_as_self_reports()
    {
        var gym = await TwoGyms.CreateAsync(MemberMetricProvenance.Restrict);

        var error = await Assert.ThrowsAsync<MetricValidationException>(() => gym.Scope.Recorder.RecordAsync(
            gym.CoachBView, new(gym.Both, gym.Squat.Id, MetricValue.Of(150, MetricUnit.Kilogram)) { Source = MetricSource.SelfReport }));

        Assert.Equal("Source", error.ParameterName);
        Assert.Equal(0L, await gym.Database.ScalarAsync<long>("SELECT count(*) FROM member_metrics"));
    }

    /// <summary>Two gyms with a coach each and a member who belongs to both.</summary>

    // Two gyms, and a host rule that lets A's coach read members' values in B.
    private static async Task<TwoGyms> GymsWhereCoachAIsGrantedBAsync(MembershipSource memberships)
    {
        GrantIn? grant = null;
        var gym = await TwoGyms.CreateAsync(MemberMetricProvenance.Restrict, memberships, services => services.AddSingleton<IMetricAccessHandler>(_ => grant!));
        grant = new GrantIn(gym.CoachA.UserId, gym.B);
        return gym;
    }

    /// <summary>A host's rule: <paramref name="viewer"/> reads members' values in <paramref name="organization"/>, whatever the memberships say.</summary>
    private sealed class GrantIn(UserId viewer, OrganizationId organization) : IMetricAccessHandler
    {
        public ValueTask HandleAsync(MetricAccessContext context, CancellationToken cancellationToken)
        {
            if (context.Viewer.UserId == viewer && context.Request.Operation == MetricOperation.ReadValues)
            {
                context.Succeed(MetricAccessGrant.InOrganization(organization));
            }

            return ValueTask.CompletedTask;
        }
    }
}

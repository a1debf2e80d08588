namespace MetricSets.Tests;

// Queries and requests keep what they were built with and default the rest as documented.
public class QueryTests
{
    private static readonly UserId Member = UserId.New();
    private static readonly MetricDefinitionId Definition = MetricDefinitionId.New();

    [Fact]
    public void A_history_query_keeps_its_member_and_definition_and_defaults_its_page()
    {
        var query = new MetricHistoryQuery(Member, Definition);

        Assert.Equal((Member, Definition), (query.MemberId, query.DefinitionId));
        Assert.Equal(MetricLimits.DefaultHistoryPageSize, query.PageSize);
        Assert.False(query.Interval.HasStart);
        Assert.Null(query.Cursor);
    }

    [Fact]
    public void A_leaderboard_query_keeps_its_organization_and_definition()
    {
        var organization = OrganizationId.New();

        var query = new MetricLeaderboardQuery(organization, Definition);

        Assert.Equal((organization, Definition), (query.OrganizationId, query.DefinitionId));
        Assert.Equal((LeaderboardOrder.BestFirst, MetricLimits.DefaultLeaderboardPageSize, UnitPreference.DefinitionUnit), (query.Order, query.PageSize, query.Units));
        Assert.Null(query.Sources);
    }

    [Fact]
    public void A_resolution_query_keeps_its_set_and_member()
    {
        var set = MetricSetId.New();

        var query = new MetricSetResolutionQuery(set, Member);

        Assert.Equal((set, Member), (query.SetId, query.MemberId));
        Assert.Equal(("en", UnitPreference.DefinitionUnit), (query.Language, query.Units));
    }

    [Fact]
    public void A_record_request_keeps_its_member_definition_and_value()
    {
        var value = MetricValue.Of(100, MetricUnit.Kilogram);

        var request = new RecordMetricRequest(Member, Definition, value);

        Assert.Equal((Member, Definition, value), (request.MemberId, request.DefinitionId, request.Value));
    }

    [Fact]
    public void Pages_snapshots_and_catalogue_entries_refuse_nulls()
    {
        Assert.Equal("items", Assert.Throws<ArgumentNullException>(() => new MetricPage<int>(null!, null)).ParamName);
        Assert.Equal("set", Assert.Throws<ArgumentNullException>(() => MetricSetSnapshot.Of(null!)).ParamName);
        Assert.Equal("slug", Assert.Throws<ArgumentNullException>(() => new CatalogEntry(null!, LocalizedName.Of("en", "Squat"), MetricUnit.Kilogram, MetricKind.OneRepMax)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentNullException>(() => new CatalogEntry(MetricSlug.Parse("squat"), null!, MetricUnit.Kilogram, MetricKind.OneRepMax)).ParamName);
    }
}

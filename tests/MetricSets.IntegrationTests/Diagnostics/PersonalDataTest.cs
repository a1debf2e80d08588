using System.Diagnostics.Metrics;
using MetricSets.IntegrationTests.TestUtilities;

namespace MetricSets.IntegrationTests.Diagnostics;

/// <summary>
/// Span names, span tags, span events, span statuses and metric tags never carry personal data: no user, member,
/// organization, set, definition or value id, no value, no name — whatever the calls and however they end.
/// </summary>
public sealed class PersonalDataTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task No_id_value_or_name_appears_in_any_span_or_metric_tag()
    {
        await using var scope = new ServiceScope(database.ConnectionString);
        using var trace = new TraceCapture();
        using var measurements = new MeasurementCapture(scope.Get<IMeterFactory>());

        var run = await EveryOperation.RunAsync(scope, database);
        var outsider = scope.StaffOf(OrganizationId.New());
        var (squat, missingSet) = (run.DefinitionIds[0], MetricSetId.New());
        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Reader.FindLatestAsync(outsider, run.Member, squat));
        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Sets.GetAsync(run.Coach, missingSet));
        await Assert.ThrowsAsync<MetricConflictException>(() => scope.Recorder.RecordAsync(
            run.Coach, new RecordMetricRequest(run.Member, squat, MetricValue.Of(1, MetricUnit.Kilogram)) { Id = run.ValueIds[1], Source = MetricSource.CoachInput }));
        await Assert.ThrowsAsync<MetricValidationException>(() => scope.Sets.CreateAsync(run.Coach, MetricOwner.ForMember(run.Member), new string('x', 500)));

        var secrets = run.Secrets.Concat([outsider.UserId.ToString(), outsider.OrganizationId.ToString()!, missingSet.ToString()]).ToList();
        var spans = trace.Spans;
        Assert.NotEmpty(spans);
        var texts = spans
            .SelectMany(span => new[] { span.OperationName, span.DisplayName, span.StatusDescription }
                .Concat(span.Tags.Select(tag => tag.Value))
                .Concat(span.Events.SelectMany(e => e.Tags.Select(tag => tag.Value?.ToString()).Append(e.Name))))
            .Concat(measurements.All.SelectMany(m => m.Tags.Values.Select(value => value?.ToString())))
            .OfType<string>()
            .Distinct()
            .ToList();
        Assert.Contains("not_found", texts); // the failures above were seen
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(texts, text => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        // Every tag value is one of the documented low-cardinality words or codes.
        Assert.All(texts, text => Assert.Matches("^[a-z_.\\-]+$|^[A-Z][A-Za-z.]+Exception$", text));
    }
}

using NodaTime;

namespace MetricSets.IntegrationTests.TestUtilities;

/// <summary>Copies of a request with one thing changed, for tests that retry a request with a difference.</summary>
public static class RecordMetricRequestCopies
{
    public static RecordMetricRequest With(
        this RecordMetricRequest request,
        UserId? memberId = null,
        MetricDefinitionId? definitionId = null,
        MetricValue? value = null,
        MemberMetricId? id = null,
        Instant? recordedAt = null,
        MetricSource? source = null) =>
        new(memberId ?? request.MemberId, definitionId ?? request.DefinitionId, value ?? request.Value)
        {
            Id = id ?? request.Id,
            RecordedAt = recordedAt ?? request.RecordedAt,
            Source = source ?? request.Source,
        };
}

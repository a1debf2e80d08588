using NodaTime;

namespace MetricSets.IntegrationTests.Scale;

/// <summary>The values the scale tests record: kilograms of a definition, on a given day after a fixed start.</summary>
public static class Kilograms
{
    public static readonly Instant Start = Instant.FromUtc(2026, 7, 1, 6, 0);

    /// <summary>A request to record <paramref name="kilograms"/> kg for <paramref name="member"/>, <paramref name="day"/> days after <see cref="Start"/>.</summary>
    public static RecordMetricRequest OnDay(UserId member, MetricDefinitionId definition, decimal kilograms, int day) =>
        new(member, definition, MetricValue.Of(kilograms, MetricUnit.Kilogram)) { RecordedAt = Start + Duration.FromDays(day) };
}

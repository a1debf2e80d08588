using Microsoft.Extensions.Options;
using NodaTime;

namespace MetricSets.EntityFrameworkCore.Services;

/// <summary>The rules a recording request must meet before it reaches the database, shared by single and bulk recording.</summary>
internal sealed class RecordingRules(IClock clock, IOptions<MetricSetsOptions> options)
{
    /// <summary>
    /// Returns the request's source — <c>self_report</c> for a member's own value without one — when the actor may use it:
    /// a member only the sources of <see cref="MetricAccessOptions.MemberSources"/>, staff any source but <c>self_report</c>.
    /// </summary>
    public MetricSource? SourceOf(MetricViewer actor, RecordMetricRequest request)
    {
        if (actor.UserId != request.MemberId)
        {
            return request.Source == MetricSource.SelfReport
                ? throw new MetricValidationException(
                    nameof(request.Source), request.Source.Code, "Only the member may record a self_report; staff record with another source, such as coach_input.")
                : request.Source;
        }

        var source = request.Source ?? MetricSource.SelfReport;
        return options.Value.Access.MemberSources.Contains(source)
            ? source
            : throw new MetricValidationException(
                nameof(request.Source),
                source.Code,
                $"A member may record their own values only as {string.Join(" or ", options.Value.Access.MemberSources.Select(s => s.Code).Order(StringComparer.Ordinal))}; '{source}' needs staff.");
    }

    /// <summary>Returns the request's time, or now; refuses a time further ahead than <see cref="MetricSetsOptions.MaxFutureSkew"/>.</summary>
    public Instant RecordedAtOf(RecordMetricRequest request, Instant now)
    {
        var recordedAt = request.RecordedAt ?? now;
        var latestAllowed = now + options.Value.MaxFutureSkew;
        return recordedAt <= latestAllowed
            ? recordedAt
            : throw new MetricValidationException(
                nameof(request.RecordedAt), recordedAt, $"The recording time {recordedAt} is in the future (latest allowed: {latestAllowed}).");
    }

    /// <summary>Gets the current time, once per call, so every row of a batch is stamped alike.</summary>
    public Instant Now() => clock.GetCurrentInstant();
}

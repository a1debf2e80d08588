using Microsoft.Extensions.Options;
using NodaTime;
using Npgsql;

namespace MetricSets.EntityFrameworkCore.Infrastructure;

/// <summary>Validates <see cref="MetricSetsOptions"/> with messages that name the option and its allowed range.</summary>
internal sealed class MetricSetsOptionsValidator : IValidateOptions<MetricSetsOptions>
{
    public ValidateOptionsResult Validate(string? name, MetricSetsOptions options)
    {
        var failures = new List<string>();
        if (options.MaxDefinitionsPerSet is < 1 or > MetricLimits.MaxDefinitionsPerSet)
        {
            failures.Add(
                $"MetricSetsOptions.MaxDefinitionsPerSet is {options.MaxDefinitionsPerSet}; it must be between 1 and {MetricLimits.MaxDefinitionsPerSet}.");
        }

        if (options.MaxFutureSkew < Duration.Zero || options.MaxFutureSkew > Duration.FromDays(1))
        {
            failures.Add($"MetricSetsOptions.MaxFutureSkew is {options.MaxFutureSkew}; it must be between zero and one day.");
        }

        if (options.CursorKey is { } key && CursorSeal.TryDecodeKey(key) is null)
        {
            failures.Add($"MetricSetsOptions.CursorKey is not base64 of {CursorSeal.KeySize} bytes; generate one with Convert.ToBase64String(RandomNumberGenerator.GetBytes({CursorSeal.KeySize})).");
        }

        failures.AddRange(ReplicaFailures(options.Replicas));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static IEnumerable<string> ReplicaFailures(MetricSetsReplicaOptions replicas)
    {
        if (replicas.ConnectionString is not null && replicas.DataSource is not null)
        {
            yield return "MetricSetsOptions.Replicas has both a ConnectionString and a DataSource; set one of them.";
        }

        if (replicas.ConnectionString is { } connectionString && ConnectionStringFailure(connectionString) is { } failure)
        {
            yield return $"MetricSetsOptions.Replicas.ConnectionString {failure}.";
        }

        if (replicas.RetryAfter < Duration.Zero || replicas.RetryAfter > Duration.FromHours(1))
        {
            yield return $"MetricSetsOptions.Replicas.RetryAfter is {replicas.RetryAfter}; it must be between zero and one hour.";
        }
    }

    // What is wrong with a replica's connection string, or null; the message never repeats the string (it may hold a password).
    private static string? ConnectionStringFailure(string connectionString)
    {
        try
        {
            return string.IsNullOrEmpty(new NpgsqlConnectionStringBuilder(connectionString).Host) ? "names no Host" : null;
        }
        catch (ArgumentException exception)
        {
            return $"is not an Npgsql connection string ({exception.Message})";
        }
    }
}

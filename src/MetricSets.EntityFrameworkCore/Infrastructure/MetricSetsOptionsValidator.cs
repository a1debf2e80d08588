using Microsoft.Extensions.Options;
using NodaTime;

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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

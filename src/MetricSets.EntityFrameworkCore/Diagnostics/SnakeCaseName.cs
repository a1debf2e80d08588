using System.Collections.Frozen;
using System.Text.Json;

namespace MetricSets.EntityFrameworkCore.Diagnostics;

/// <summary>
/// The snake_case names of an enum's members (<c>MetricErrorCode.IdInUse</c> → <c>id_in_use</c>), computed once: tag values
/// in OpenTelemetry's style, without an allocation per call.
/// </summary>
internal static class SnakeCaseName<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names = Enum.GetValues<TEnum>().ToFrozenDictionary(value => value, Convert);

    /// <summary>Returns <paramref name="value"/>'s name in snake_case.</summary>
    public static string Of(TEnum value) => Names.TryGetValue(value, out var name) ? name : Convert(value);

    private static string Convert(TEnum value) => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

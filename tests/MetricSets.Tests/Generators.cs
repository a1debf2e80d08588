using FsCheck;
using FsCheck.Fluent;

namespace MetricSets.Tests;

/// <summary>FsCheck generators for the domain's values.</summary>
internal static class Generators
{
    /// <summary>Amounts with at most four decimal places and |x| &lt; 60,000, so that every conversion stays in range (mile → centimetre is × 160,934.4).</summary>
    public static Gen<decimal> Amount { get; } = Gen.OneOf(
        Gen.Choose(-599_999_999, 599_999_999).Select(tenThousandths => tenThousandths / 10_000m),
        Gen.Choose(-59_999, 59_999).Select(whole => (decimal)whole),
        Gen.Choose(-99_999, 99_999).Select(tenThousandths => tenThousandths / 10_000m));

    public static Gen<MetricUnit> Unit { get; } = Gen.Elements(MetricUnitExtensions.All.ToArray());

    /// <summary>A unit of the same dimension as <paramref name="unit"/>, possibly itself.</summary>
    public static Gen<MetricUnit> UnitLike(MetricUnit unit) =>
        Gen.Elements(MetricUnitExtensions.All.Where(other => other.Dimension() == unit.Dimension()).ToArray());

    /// <summary>Two units of one dimension; the dimensions with several units are weighted by their number of units.</summary>
    public static Gen<(MetricUnit A, MetricUnit B)> UnitPair { get; } =
        Unit.SelectMany(a => UnitLike(a).Select(b => (a, b)));

    public static Gen<MetricValue> ValueIn(MetricUnit unit) => Amount.Select(amount => MetricValue.Of(amount, unit));

    public static Gen<Guid> NonEmptyGuid { get; } =
        ArbMap.Default.GeneratorFor<Guid>().Where(guid => guid != Guid.Empty);

    /// <summary>
    /// Lowercase snake_case codes of 1 to <paramref name="maxLength"/> characters: [a-z][a-z0-9]*(_[a-z0-9]+)*.
    /// Lengths are drawn uniformly, so the maximum length is reached regularly.
    /// </summary>
    public static Gen<string> SnakeCase(int maxLength) =>
        Gen.Choose(1, maxLength).SelectMany(length =>
            Gen.ArrayOf(Gen.Choose(0, 43), length).Select(draws => BuildSnakeCase(draws)));

    private static string BuildSnakeCase(int[] draws)
    {
        const string Alphanumerics = "abcdefghijklmnopqrstuvwxyz0123456789";
        var chars = new char[draws.Length];
        chars[0] = (char)('a' + (draws[0] % 26));
        for (var index = 1; index < draws.Length; index++)
        {
            var underscoreAllowed = chars[index - 1] != '_' && index < draws.Length - 1;
            chars[index] = underscoreAllowed && draws[index] >= Alphanumerics.Length
                ? '_'
                : Alphanumerics[draws[index] % Alphanumerics.Length];
        }

        return new string(chars);
    }

    /// <summary>
    /// Strings that break the snake_case rule in one known way: an uppercase letter, a leading digit, a leading,
    /// trailing or double underscore, a dash, a space, or one character too many.
    /// </summary>
    public static Gen<string> NotSnakeCase(int maxLength) =>
        Gen.OneOf(
            InsertAnywhere(SnakeCase(maxLength), Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZ".Select(c => c.ToString()).ToArray())),
            SnakeCase(maxLength).SelectMany(code => Gen.Choose(0, 9).Select(digit => (char)('0' + digit) + code[1..])),
            SnakeCase(maxLength).Select(code => "_" + code),
            SnakeCase(maxLength).Select(code => code + "_"),
            InsertBetween(SnakeCase(maxLength), Gen.Constant("__")),
            InsertAnywhere(SnakeCase(maxLength), Gen.Elements("-", " ", ".", "é", "\t")),
            SnakeCase(maxLength).Where(code => code.Length == maxLength || code.Length > 1).Select(code => code.PadRight(maxLength + 1, 'a')),
            Gen.Constant(string.Empty));

    private static Gen<string> InsertAnywhere(Gen<string> codes, Gen<string> insertions) =>
        codes.SelectMany(code => Gen.Choose(0, code.Length).SelectMany(position => insertions.Select(insertion => code.Insert(position, insertion))));

    private static Gen<string> InsertBetween(Gen<string> codes, Gen<string> insertions) =>
        codes.SelectMany(code => Gen.Choose(1, code.Length).SelectMany(position => insertions.Select(insertion => code.Insert(position, insertion))));
}

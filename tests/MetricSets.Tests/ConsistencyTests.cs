using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;

namespace MetricSets.Tests;

/// <summary>Checks by reflection that every public type of the MetricSets assembly follows the model's conventions.</summary>
public class ConsistencyTests
{
    private static readonly Type[] PublicTypes = typeof(MetricValue).Assembly.GetExportedTypes();

    private static readonly Type[] OverridingEquals =
        [.. PublicTypes.Where(type => type.GetMethod(nameof(Equals), [typeof(object)])?.DeclaringType == type)];

    private static readonly Type[] Exceptions = [.. PublicTypes.Where(typeof(Exception).IsAssignableFrom)];

    private static readonly Type[] ProgrammingErrors = [typeof(IncompatibleUnitsException)];

    private static readonly Type[] Ids = [.. PublicTypes.Where(type => type.IsDefined(typeof(StronglyTypedIdAttribute), inherit: false))];

    // One value of each parsable type; the theory below fails for a parsable type that has none here.
    private static readonly Dictionary<Type, object[]> ParsableSamples = new()
    {
        [typeof(UserId)] = [UserId.New(), default(UserId)],
        [typeof(OrganizationId)] = [OrganizationId.New()],
        [typeof(WorkoutId)] = [WorkoutId.New()],
        [typeof(MetricDefinitionId)] = [MetricDefinitionId.New()],
        [typeof(MetricSetId)] = [MetricSetId.New()],
        [typeof(MemberMetricId)] = [MemberMetricId.New()],
        [typeof(MetricSlug)] = [MetricSlug.Parse("back_squat_1rm"), MetricSlug.Parse("a")],
        [typeof(MetricSource)] = [MetricSource.CoachInput, MetricSource.Parse("wearable_sync")],
        [typeof(MetricValue)] =
        [
            MetricValue.Of(102.5m, MetricUnit.Kilogram), MetricValue.Of(-3m, MetricUnit.Percent), MetricValue.Of(0.0001m, MetricUnit.Mile),
            MetricValue.Of(9_999_999_999.9999m, MetricUnit.Second), MetricValue.Of(225.0m, MetricUnit.Pound), default(MetricValue),
        ],
    };

    public static TheoryData<Type> TypesOverridingEquals() => [.. OverridingEquals];

    public static TheoryData<Type> ExceptionTypes() => [.. Exceptions];

    public static TheoryData<Type> EquatableTypes() =>
        [.. PublicTypes.Where(type => type.GetInterfaces().Contains(typeof(IEquatable<>).MakeGenericType(type)))];

    public static TheoryData<Type> StronglyTypedIds() => [.. Ids];

    public static TheoryData<Type> ParsableTypes() =>
        [.. PublicTypes.Where(type => type.GetInterfaces().Any(contract =>
            contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IParsable<>) && contract.GenericTypeArguments[0] == type))];

    public static TheoryData<Type> ComparableTypes() =>
        [.. PublicTypes.Where(type => type.GetInterfaces().Contains(typeof(IComparable<>).MakeGenericType(type)))];

    public static TheoryData<MetricUnit> Units() => [.. Enum.GetValues<MetricUnit>()];

    public static TheoryData<MetricKind> Kinds() => [.. Enum.GetValues<MetricKind>()];

    public static TheoryData<UnitDimension> Dimensions() => [.. Enum.GetValues<UnitDimension>()];

    [Fact]
    public void The_reflection_checks_see_the_domain_types()
    {
        // Guards against the theories below passing vacuously.
        Assert.Contains(typeof(MetricValue), OverridingEquals);
        Assert.Contains(typeof(LocalizedName), OverridingEquals);
        Assert.Contains(typeof(MetricOwner), OverridingEquals);
        Assert.Contains(typeof(MetricSlug), OverridingEquals);
        Assert.Contains(typeof(MetricSource), OverridingEquals);
        Assert.Contains(typeof(UserId), OverridingEquals);
        Assert.Contains(typeof(IncompatibleUnitsException), Exceptions);
        Assert.Contains(typeof(MetricNotFoundException), Exceptions);
        Assert.Equal(
            [typeof(MemberMetricId), typeof(MetricDefinitionId), typeof(MetricSetId), typeof(OrganizationId), typeof(UserId), typeof(WorkoutId)],
            Ids.OrderBy(type => type.Name, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EquatableTypes))]
    public void Every_equatable_type_defines_equality_operators(Type type)
    {
        Assert.NotNull(FindOperator(type, "op_Equality"));
        Assert.NotNull(FindOperator(type, "op_Inequality"));
    }

    [Theory]
    [MemberData(nameof(StronglyTypedIds))]
    public void Every_id_has_the_same_members_interfaces_and_converters(Type type)
    {
        Assert.Equal(Shape(typeof(UserId)), Shape(type));
        Assert.True(type.IsValueType);
        Assert.True(type.IsDefined(typeof(System.Runtime.CompilerServices.IsReadOnlyAttribute)), $"{type.Name} is not a readonly struct");

        var json = type.GetCustomAttribute<JsonConverterAttribute>()!.ConverterType!;
        Assert.True(json.IsPublic && json.IsSealed, $"{json} must be public and sealed so that source-generated JSON contexts can create it");
        Assert.Equal($"MetricSets.Serialization.{type.Name}JsonConverter", json.FullName);
        Assert.Equal(typeof(JsonConverter<>).MakeGenericType(type), json.BaseType);
        Assert.Equal($"{type.Name}TypeConverter", TypeDescriptor.GetConverter(type).GetType().Name);
    }

    [Theory]
    [MemberData(nameof(ParsableTypes))]
    public void Every_parsable_type_parses_what_it_formats(Type type)
    {
        Assert.True(ParsableSamples.TryGetValue(type, out var samples), $"add samples of {type.Name} to {nameof(ParsableSamples)}");
        var parse = typeof(ConsistencyTests).GetMethod(nameof(ParseFormatted), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);

        foreach (var sample in samples)
        {
            Assert.Equal(sample, parse.Invoke(null, [sample]));
        }
    }

    [Theory]
    [MemberData(nameof(TypesOverridingEquals))]
    public void Every_type_overriding_Equals_defines_equality_operators(Type type)
    {
        Assert.NotNull(FindOperator(type, "op_Equality"));
        Assert.NotNull(FindOperator(type, "op_Inequality"));
        Assert.Equal(type, type.GetMethod(nameof(GetHashCode), Type.EmptyTypes)!.DeclaringType);
    }

    [Theory]
    [MemberData(nameof(EquatableTypes))]
    public void Every_equatable_type_overrides_Equals_and_GetHashCode(Type type)
    {
        Assert.Equal(type, type.GetMethod(nameof(Equals), [typeof(object)])!.DeclaringType);
        Assert.Equal(type, type.GetMethod(nameof(GetHashCode), Type.EmptyTypes)!.DeclaringType);
    }

    [Theory]
    [MemberData(nameof(ComparableTypes))]
    public void Every_comparable_type_defines_the_comparison_operators(Type type)
    {
        Assert.NotNull(FindOperator(type, "op_LessThan"));
        Assert.NotNull(FindOperator(type, "op_GreaterThan"));
        Assert.NotNull(FindOperator(type, "op_LessThanOrEqual"));
        Assert.NotNull(FindOperator(type, "op_GreaterThanOrEqual"));
    }

    [Theory]
    [MemberData(nameof(ExceptionTypes))]
    public void Every_public_exception_derives_from_MetricSetsException_or_is_a_programming_error(Type type)
    {
        if (type == typeof(MetricSetsException))
        {
            Assert.True(type.IsAbstract);
            return;
        }

        // A programming error is an ArgumentException, so that a host mapping MetricSetsException to client errors
        // (HTTP 4xx) does not blame the client for its own bug.
        if (ProgrammingErrors.Contains(type))
        {
            Assert.True(type.IsSubclassOf(typeof(ArgumentException)), $"{type} is a programming error but not an {nameof(ArgumentException)}");
            Assert.False(type.IsSubclassOf(typeof(MetricSetsException)), $"{type} is a programming error but a {nameof(MetricSetsException)}");
            return;
        }

        Assert.True(type.IsSubclassOf(typeof(MetricSetsException)), $"{type} does not derive from {nameof(MetricSetsException)}");
    }

    [Theory]
    [MemberData(nameof(Units))]
    public void Every_unit_has_a_unique_symbol_that_parses_back(MetricUnit unit)
    {
        var symbol = unit.Symbol();

        Assert.False(string.IsNullOrWhiteSpace(symbol));
        Assert.Single(Enum.GetValues<MetricUnit>(), other => string.Equals(other.Symbol(), symbol, StringComparison.Ordinal));
        Assert.True(MetricUnitExtensions.TryParseSymbol(symbol, out var parsed));
        Assert.Equal(unit, parsed);
        Assert.True(Enum.IsDefined(unit.Dimension()));
        Assert.True(unit.BaseFactor() > 0m);
        Assert.Single(Enum.GetValues<MetricUnit>(), other => string.Equals(other.DisplaySymbol(), unit.DisplaySymbol(), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_allows_at_least_one_dimension_and_each_has_units(MetricKind kind)
    {
        var dimensions = kind.AllowedDimensions();

        Assert.NotEmpty(dimensions);
        Assert.Equal(dimensions.Count, dimensions.Distinct().Count());
        Assert.All(dimensions, dimension => Assert.Contains(MetricUnitExtensions.All, unit => unit.Dimension() == dimension && kind.Allows(unit)));
    }

    [Theory]
    [MemberData(nameof(Dimensions))]
    public void Every_dimension_has_exactly_one_base_unit(UnitDimension dimension)
    {
        Assert.Single(MetricUnitExtensions.All, unit => unit.Dimension() == dimension && unit.BaseFactor() == 1m);
    }

    [Theory]
    [InlineData(typeof(MetricUnit))]
    [InlineData(typeof(MetricKind))]
    [InlineData(typeof(UnitDimension))]
    [InlineData(typeof(MetricOwnerKind))]
    public void Enum_values_are_contiguous_from_zero(Type enumType)
    {
        // PostgreSQL enum labels map to declaration order; a gap or a reordering would shift them.
        var values = Enum.GetValues(enumType).Cast<object>().Select(Convert.ToInt32).ToArray();

        Assert.Equal(Enumerable.Range(0, values.Length), values);
    }

    private static object ParseFormatted<T>(T value)
        where T : IParsable<T>
    {
        // Formatting and parsing must not depend on the current culture.
        var text = value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value.ToString()!;
        using (new CultureScope("he-IL"))
        {
            Assert.Equal(text, value is IFormattable again ? again.ToString(null, CultureInfo.CurrentCulture) : value.ToString());
            Assert.True(T.TryParse(text, CultureInfo.CurrentCulture, out var parsed));
            Assert.Equal(value, parsed);
            return T.Parse(text, CultureInfo.InvariantCulture);
        }
    }

    // The public members of an id with its own name replaced, so that two ids can be compared member for member.
    private static string[] Shape(Type id) =>
        [.. id.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Select(member => member.ToString()!)
            .Concat(id.GetInterfaces().Select(contract => contract.ToString()))
            .Select(text => text.Replace(id.Name, "TId", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    private static MethodInfo? FindOperator(Type type, string name) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .SingleOrDefault(method =>
                method.Name == name
                && method.GetParameters() is [var left, var right]
                && Unwrap(left.ParameterType) == type
                && Unwrap(right.ParameterType) == type);

    private static Type Unwrap(Type type) => Nullable.GetUnderlyingType(type) ?? type;
}

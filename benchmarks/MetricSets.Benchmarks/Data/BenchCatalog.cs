using System.Security.Cryptography;
using System.Text;

namespace MetricSets.Benchmarks.Data;

/// <summary>One definition of the benchmark catalogue.</summary>
/// <param name="Slug">The slug.</param>
/// <param name="Name">The English name.</param>
/// <param name="Unit">The definition's unit.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Typical">A typical value in <paramref name="Unit"/>; generated values vary around it.</param>
public sealed record BenchDefinition(string Slug, string Name, MetricUnit Unit, MetricKind Kind, decimal Typical)
{
    /// <summary>Gets the id, derived from the slug so every process knows it without a query.</summary>
    public Guid Id { get; } = BenchCatalog.IdOf("definition:" + Slug);

    /// <summary>Gets whether values are recorded in kg or lb at random (the one-rep maxes).</summary>
    public bool MixedUnits => Kind == MetricKind.OneRepMax;
}

/// <summary>
/// The fixed shape of every benchmark database: 24 definitions (every member records all of them), organizations (by
/// default one of up to 1,000 members) with a staff user, and one set of the first 20 definitions owned by the first.
/// </summary>
public static class BenchCatalog
{
    /// <summary>The definitions each member has values for.</summary>
    public static IReadOnlyList<BenchDefinition> Definitions { get; } =
    [
        new("back_squat_1rm", "1RM Back Squat", MetricUnit.Kilogram, MetricKind.OneRepMax, 120m),
        new("front_squat_1rm", "1RM Front Squat", MetricUnit.Kilogram, MetricKind.OneRepMax, 100m),
        new("deadlift_1rm", "1RM Deadlift", MetricUnit.Kilogram, MetricKind.OneRepMax, 150m),
        new("bench_press_1rm", "1RM Bench Press", MetricUnit.Kilogram, MetricKind.OneRepMax, 90m),
        new("strict_press_1rm", "1RM Strict Press", MetricUnit.Kilogram, MetricKind.OneRepMax, 55m),
        new("clean_1rm", "1RM Clean", MetricUnit.Kilogram, MetricKind.OneRepMax, 90m),
        new("snatch_1rm", "1RM Snatch", MetricUnit.Kilogram, MetricKind.OneRepMax, 70m),
        new("push_press_1rm", "1RM Push Press", MetricUnit.Kilogram, MetricKind.OneRepMax, 75m),
        new("row_2k", "2k Row", MetricUnit.Second, MetricKind.Time, 450m),
        new("run_5k", "5k Run", MetricUnit.Second, MetricKind.Time, 1500m),
        new("run_1mi", "1 Mile Run", MetricUnit.Second, MetricKind.Time, 420m),
        new("fran", "Fran", MetricUnit.Second, MetricKind.Time, 300m),
        new("row_20min", "20 min Row", MetricUnit.Meter, MetricKind.Distance, 5000m),
        new("run_12min", "12 min Run", MetricUnit.Meter, MetricKind.Distance, 2600m),
        new("max_pullups", "Max Pull-ups", MetricUnit.Repetition, MetricKind.Repetitions, 15m),
        new("max_pushups", "Max Push-ups", MetricUnit.Repetition, MetricKind.Repetitions, 40m),
        new("ftp_20min", "20 min FTP", MetricUnit.Watt, MetricKind.Power, 220m),
        new("bike_10min_kcal", "10 min Bike Calories", MetricUnit.Kilocalorie, MetricKind.Energy, 120m),
        new("body_fat", "Body Fat", MetricUnit.Percent, MetricKind.BodyComp, 20m),
        new("waist", "Waist", MetricUnit.Centimeter, MetricKind.BodyMeasurement, 85m),

        // Not in the benchmark set: they make the member's index range wider than the set, as in a real catalogue.
        new("resting_hr", "Resting Heart Rate", MetricUnit.BeatsPerMinute, MetricKind.HeartRate, 60m),
        new("hips", "Hips", MetricUnit.Centimeter, MetricKind.BodyMeasurement, 100m),
        new("run_10k", "10k Run", MetricUnit.Second, MetricKind.Time, 3200m),
        new("overhead_squat_1rm", "1RM Overhead Squat", MetricUnit.Kilogram, MetricKind.OneRepMax, 60m),
    ];

    /// <summary>The number of definitions in the benchmark set.</summary>
    public const int SetSize = 20;

    /// <summary>The most members the (first) organization has by default (fewer when the database has fewer members).</summary>
    public const int DefaultOrganizationMembers = 1_000;

    /// <summary>Gets the benchmark set's definitions, in set order.</summary>
    public static IReadOnlyList<BenchDefinition> SetDefinitions { get; } = [.. Definitions.Take(SetSize)];

    /// <summary>Gets the definition the leaderboard ranks (mixed kg/lb).</summary>
    public static BenchDefinition LeaderboardDefinition => Definitions[0];

    /// <summary>Gets the definition the history benchmark pages through (mixed kg/lb).</summary>
    public static BenchDefinition HistoryDefinition => Definitions[2];

    /// <summary>Gets the organization's id.</summary>
    public static Guid OrganizationId { get; } = IdOf("organization");

    /// <summary>Returns the id of the organization at <paramref name="index"/> of a shape's organizations; 0 is <see cref="OrganizationId"/>.</summary>
    public static Guid OrganizationIdAt(int index) =>
        index == 0 ? OrganizationId : IdOf("organization:" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Gets the id of the staff user who reads the organizations' members (staff of every organization).</summary>
    public static Guid StaffId { get; } = IdOf("staff");

    /// <summary>Gets the benchmark set's id.</summary>
    public static Guid SetId { get; } = IdOf("set");

    /// <summary>Returns the id of the member at <paramref name="index"/>.</summary>
    public static Guid MemberId(int index) => IdOf("member:" + index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Returns a stable id derived from <paramref name="name"/>.</summary>
    public static Guid IdOf(string name) => new(SHA256.HashData(Encoding.UTF8.GetBytes(name)).AsSpan(0, 16));
}

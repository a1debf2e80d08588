namespace MetricSets;

/// <summary>
/// A curated catalogue of the definitions a gym platform needs — strength one-rep maxes, rowing and running times,
/// distances, bodyweight skills, body composition and measurements, heart rate, power — with names in English, Hebrew
/// and Russian. Seed it with <c>IMetricCatalog.EnsureAsync(StandardCatalog.Entries)</c>; re-running adds only what is
/// missing and changes nothing that exists.
/// </summary>
/// <remarks>New entries are only ever appended; existing slugs never change meaning.</remarks>
public static class StandardCatalog
{
    /// <summary>Gets the entries, in a stable order.</summary>
    public static IReadOnlyList<CatalogEntry> Entries { get; } =
    [
        Entry("back_squat_1rm", MetricUnit.Kilogram, MetricKind.OneRepMax, "1RM Back Squat", "1RM סקוואט אחורי", "1ПМ присед со штангой на спине"),
        Entry("front_squat_1rm", MetricUnit.Kilogram, MetricKind.OneRepMax, "1RM Front Squat", "1RM סקוואט קדמי", "1ПМ фронтальный присед"),
        Entry("bench_press_1rm", MetricUnit.Kilogram, MetricKind.OneRepMax, "1RM Bench Press", "1RM לחיצת חזה", "1ПМ жим лёжа"),
        Entry("deadlift_1rm", MetricUnit.Kilogram, MetricKind.OneRepMax, "1RM Deadlift", "1RM דדליפט", "1ПМ становая тяга"),
        Entry("overhead_press_1rm", MetricUnit.Kilogram, MetricKind.OneRepMax, "1RM Overhead Press", "1RM לחיצת כתפיים", "1ПМ жим стоя"),
        Entry("clean_and_jerk_1rm", MetricUnit.Kilogram, MetricKind.OneRepMax, "1RM Clean & Jerk", "1RM קלין וג'רק", "1ПМ толчок"),
        Entry("snatch_1rm", MetricUnit.Kilogram, MetricKind.OneRepMax, "1RM Snatch", "1RM סנאץ'", "1ПМ рывок"),
        Entry("row_500m_time", MetricUnit.Second, MetricKind.Time, "500 m Row", "חתירה 500 מ'", "Гребля 500 м"),
        Entry("row_2000m_time", MetricUnit.Second, MetricKind.Time, "2,000 m Row", "חתירה 2,000 מ'", "Гребля 2000 м"),
        Entry("run_1mile_time", MetricUnit.Second, MetricKind.Time, "1 Mile Run", "ריצת מייל", "Бег 1 миля"),
        Entry("run_5k_time", MetricUnit.Second, MetricKind.Time, "5 km Run", "ריצת 5 ק\"מ", "Бег 5 км"),
        Entry("run_12min_distance", MetricUnit.Meter, MetricKind.Distance, "12-Minute Run (Cooper)", "ריצת 12 דקות (קופר)", "12-минутный бег (тест Купера)"),
        Entry("row_20min_distance", MetricUnit.Meter, MetricKind.Distance, "20-Minute Row", "חתירה 20 דקות", "Гребля 20 минут"),
        Entry("max_pull_ups", MetricUnit.Repetition, MetricKind.Repetitions, "Max Pull-ups", "מקסימום עליות מתח", "Максимум подтягиваний"),
        Entry("max_push_ups", MetricUnit.Repetition, MetricKind.Repetitions, "Max Push-ups", "מקסימום שכיבות סמיכה", "Максимум отжиманий"),
        Entry("body_weight", MetricUnit.Kilogram, MetricKind.BodyComp, "Body Weight", "משקל גוף", "Масса тела"),
        Entry("body_fat_percentage", MetricUnit.Percent, MetricKind.BodyComp, "Body Fat", "אחוז שומן", "Процент жира"),
        Entry("lean_body_mass", MetricUnit.Kilogram, MetricKind.BodyComp, "Lean Body Mass", "מסת גוף רזה", "Безжировая масса тела"),
        Entry("waist_circumference", MetricUnit.Centimeter, MetricKind.BodyMeasurement, "Waist Circumference", "היקף מותניים", "Обхват талии"),
        Entry("resting_heart_rate", MetricUnit.BeatsPerMinute, MetricKind.HeartRate, "Resting Heart Rate", "דופק במנוחה", "Пульс в покое"),
        Entry("bike_peak_power", MetricUnit.Watt, MetricKind.Power, "Peak Power (Bike)", "הספק שיא (אופניים)", "Пиковая мощность (велотренажёр)"),
    ];

    private static CatalogEntry Entry(string slug, MetricUnit unit, MetricKind kind, string english, string hebrew, string russian) =>
        new(MetricSlug.Parse(slug), LocalizedName.Create([new("en", english), new("he", hebrew), new("ru", russian)]), unit, kind);
}

using MetricSets.SampleHost.Access;
using MetricSets.SampleHost.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace MetricSets.SampleHost.Demo;

/// <summary>
/// DEMO DATA: three gyms, their coaches, members (Yossi belongs to two gyms, Olga to none of Dana's), workouts, sets owned
/// by each kind of owner, and a year of values in mixed units. Seeded once; a database that has organizations is left alone.
/// </summary>
internal static class DemoData
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<SampleDbContext>();
        if (await context.Organizations.AnyAsync(cancellationToken))
        {
            return;
        }

        var telAviv = Add(context, new Organization { Id = Guid.CreateVersion7(), Name = "Tel Aviv Barbell" });
        var haifa = Add(context, new Organization { Id = Guid.CreateVersion7(), Name = "Haifa CrossFit" });
        var moscow = Add(context, new Organization { Id = Guid.CreateVersion7(), Name = "Moscow Strength Club" });
        var coachMaya = Person(context, "Coach Maya", (telAviv, Roles.Staff));
        var coachAvi = Person(context, "Coach Avi", (haifa, Roles.Staff));
        var coachIvan = Person(context, "Coach Ivan", (moscow, Roles.Staff));
        var dana = Person(context, "Dana Levi", (telAviv, Roles.Member));
        var yossi = Person(context, "Yossi Cohen", (telAviv, Roles.Member), (haifa, Roles.Member));
        var noam = Person(context, "Noam Peretz", (haifa, Roles.Member));
        var olga = Person(context, "Olga Ivanova", (moscow, Roles.Member));
        var mondayStrength = Add(context, new Workout { Id = Guid.CreateVersion7(), OrganizationId = telAviv.Id, Name = "Monday Strength" });
        var heroWod = Add(context, new Workout { Id = Guid.CreateVersion7(), OrganizationId = haifa.Id, Name = "Hero WOD" });
        await context.SaveChangesAsync(cancellationToken);

        var catalog = scope.ServiceProvider.GetRequiredService<IMetricCatalog>();
        var definitions = (await catalog.ListAsync(cancellationToken)).ToDictionary(d => d.Slug.Value);
        MetricDefinitionId Def(string slug) => definitions[slug].Id;

        var sets = scope.ServiceProvider.GetRequiredService<IMetricSetService>();
        var maya = MetricViewer.ForStaff(new UserId(coachMaya.Id), new OrganizationId(telAviv.Id));
        var avi = MetricViewer.ForStaff(new UserId(coachAvi.Id), new OrganizationId(haifa.Id));
        var ivan = MetricViewer.ForStaff(new UserId(coachIvan.Id), new OrganizationId(moscow.Id));
        await sets.CreateAsync(
            maya,
            MetricOwner.ForOrganization(new OrganizationId(telAviv.Id)),
            "Strength Benchmarks",
            [Def("back_squat_1rm"), Def("bench_press_1rm"), Def("deadlift_1rm"), Def("row_2000m_time"), Def("body_weight"), Def("body_fat_percentage")],
            cancellationToken);
        await sets.CreateAsync(maya, MetricOwner.ForWorkout(new WorkoutId(mondayStrength.Id)), "Monday Strength Lifts", [Def("back_squat_1rm"), Def("overhead_press_1rm")], cancellationToken);
        await sets.CreateAsync(avi, MetricOwner.ForOrganization(new OrganizationId(haifa.Id)), "Engine", [Def("row_2000m_time"), Def("run_5k_time"), Def("max_pull_ups")], cancellationToken);
        await sets.CreateAsync(avi, MetricOwner.ForWorkout(new WorkoutId(heroWod.Id)), "Hero WOD Scores", [Def("max_pull_ups"), Def("run_1mile_time")], cancellationToken);
        await sets.CreateAsync(ivan, MetricOwner.ForOrganization(new OrganizationId(moscow.Id)), "Power Lifts", [Def("back_squat_1rm"), Def("bench_press_1rm"), Def("deadlift_1rm")], cancellationToken);
        await sets.CreateAsync(
            MetricViewer.ForMember(new UserId(yossi.Id)),
            MetricOwner.ForMember(new UserId(yossi.Id)),
            "Yossi's Goals",
            [Def("deadlift_1rm"), Def("body_weight"), Def("resting_heart_rate")],
            cancellationToken);

        var recorder = scope.ServiceProvider.GetRequiredService<IMemberMetricRecorder>();
        var now = scope.ServiceProvider.GetRequiredService<IClock>().GetCurrentInstant();

        // One value a month, the last one two days ago; each value carries its own unit, as members log them.
        async Task HistoryAsync(MetricViewer actor, User member, string slug, params MetricValue[] monthly)
        {
            for (var month = 0; month < monthly.Length; month++)
            {
                var request = new RecordMetricRequest(new UserId(member.Id), Def(slug), monthly[month])
                {
                    RecordedAt = now - Duration.FromDays((30 * (monthly.Length - 1 - month)) + 2) - Duration.FromHours(slug.Length),
                    Source = actor.UserId.Value == member.Id ? null : MetricSource.CoachInput,
                };
                await recorder.RecordAsync(actor, request, cancellationToken);
            }
        }

        static MetricValue[] In(MetricUnit unit, params decimal[] amounts) => [.. amounts.Select(amount => MetricValue.Of(amount, unit))];
        static MetricValue Kg(decimal amount) => MetricValue.Of(amount, MetricUnit.Kilogram);
        static MetricValue Lb(decimal amount) => MetricValue.Of(amount, MetricUnit.Pound);

        // Dana: steady progress, recorded by her coach, in kilograms with a few sessions logged in pounds.
        await HistoryAsync(maya, dana, "back_squat_1rm", Kg(60), Kg(62.5m), Lb(145), Kg(67.5m), Lb(155), Kg(72.5m), Lb(165), Kg(77.5m), Lb(176.5m));
        await HistoryAsync(maya, dana, "bench_press_1rm", In(MetricUnit.Kilogram, 40, 42.5m, 45, 45, 47.5m, 50));
        await HistoryAsync(maya, dana, "deadlift_1rm", In(MetricUnit.Kilogram, 80, 85, 90, 95, 100, 105));
        await HistoryAsync(
            maya,
            dana,
            "row_2000m_time",
            MetricValue.Of(512, MetricUnit.Second),
            MetricValue.Of(8.4m, MetricUnit.Minute),
            MetricValue.Of(498, MetricUnit.Second),
            MetricValue.Of(490, MetricUnit.Second),
            MetricValue.Of(8.1m, MetricUnit.Minute),
            MetricValue.Of(480, MetricUnit.Second));
        await HistoryAsync(MetricViewer.ForMember(new UserId(dana.Id)), dana, "body_weight", In(MetricUnit.Kilogram, 64, 63.5m, 63, 62.4m));
        await HistoryAsync(maya, dana, "body_fat_percentage", In(MetricUnit.Percent, 25.5m, 24.8m, 24, 23.1m));

        // Yossi trains in two gyms and logs mostly in pounds.
        await HistoryAsync(maya, yossi, "back_squat_1rm", Lb(225), Lb(235), Kg(110), Lb(255), Lb(265));
        await HistoryAsync(avi, yossi, "deadlift_1rm", Lb(315), Lb(335), Kg(160));
        await HistoryAsync(maya, yossi, "bench_press_1rm", In(MetricUnit.Pound, 185, 195, 205));
        await HistoryAsync(avi, yossi, "row_2000m_time", In(MetricUnit.Second, 445, 438, 431));
        await HistoryAsync(MetricViewer.ForMember(new UserId(yossi.Id)), yossi, "body_weight", In(MetricUnit.Pound, 190, 187, 184));
        await HistoryAsync(MetricViewer.ForMember(new UserId(yossi.Id)), yossi, "resting_heart_rate", In(MetricUnit.BeatsPerMinute, 62, 60, 58));

        await HistoryAsync(avi, noam, "max_pull_ups", In(MetricUnit.Repetition, 8, 10, 12, 15));
        await HistoryAsync(avi, noam, "run_5k_time", In(MetricUnit.Minute, 24.5m, 23.75m, 23));
        await HistoryAsync(avi, noam, "back_squat_1rm", In(MetricUnit.Kilogram, 100, 105));
        await HistoryAsync(ivan, olga, "back_squat_1rm", In(MetricUnit.Kilogram, 90, 95, 100));
        await HistoryAsync(ivan, olga, "deadlift_1rm", In(MetricUnit.Kilogram, 120, 127.5m, 135));
    }

    private static T Add<T>(SampleDbContext context, T entity)
        where T : class
    {
        context.Add(entity);
        return entity;
    }

    private static User Person(SampleDbContext context, string name, params (Organization Organization, string Role)[] roles)
    {
        var user = Add(context, new User { Id = Guid.CreateVersion7(), DisplayName = name });
        foreach (var (organization, role) in roles)
        {
            context.Memberships.Add(new Membership { UserId = user.Id, OrganizationId = organization.Id, Role = role });
        }

        return user;
    }
}

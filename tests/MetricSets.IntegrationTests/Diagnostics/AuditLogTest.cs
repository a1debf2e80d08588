using System.Reflection;
using MetricSets.EntityFrameworkCore;
using MetricSets.EntityFrameworkCore.Diagnostics;
using MetricSets.IntegrationTests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MetricSets.IntegrationTests.Diagnostics;

/// <summary>
/// The audit trail: one event per refusal, write and conflict, under the category <c>MetricSets.Audit</c>, with stable
/// event ids and names, naming the actor and the member (by id) but never a value, a name or a description.
/// </summary>
public sealed class AuditLogTest(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Every_write_is_one_event_with_its_stable_id_naming_who_did_it()
    {
        var logs = new CapturingLoggerProvider();
        await using var scope = new ServiceScope(database.ConnectionString, services: s => s.AddLogging(b => b.AddProvider(logs)));

        var run = await EveryOperation.RunAsync(scope, database);

        var audit = logs.Entries.Where(e => e.Category == MetricSetsDiagnostics.AuditLogCategory).ToList();
        Assert.Equal(
            [
                (1005, "MetricDefinitionChanged", "created"), (1006, "MetricCatalogEnsured", null), (1005, "MetricDefinitionChanged", "renamed"),
                (1005, "MetricDefinitionChanged", "described"), (1005, "MetricDefinitionChanged", "created"), (1005, "MetricDefinitionChanged", "created"),
                (1005, "MetricDefinitionChanged", "deleted"),
                (1004, "MetricSetChanged", "created"), (1004, "MetricSetChanged", "renamed"), (1004, "MetricSetChanged", "definition_added"),
                (1004, "MetricSetChanged", "definition_moved"), (1004, "MetricSetChanged", "definition_removed"),
                (1001, "MetricValueRecorded", null), (1002, "MetricValuesRecordedInBulk", null),
                (1003, "MetricValueDeleted", null), (1004, "MetricSetChanged", "deleted"),
            ],
            audit.Select(e => (e.EventId.Id, e.EventId.Name!, (string?)Property(e, "Change"))));
        Assert.All(audit, e => Assert.Equal(LogLevel.Information, e.Level));

        var recorded = Assert.Single(audit, e => e.EventId.Id == 1001);
        Assert.Equal(
            new object?[] { run.Coach.UserId, run.ValueIds[0], run.DefinitionIds[0], run.Member, "coach_input", run.Gym },
            new[] { "ActorId", "MemberMetricId", "DefinitionId", "MemberId", "Source", "RecordedIn" }.Select(key => Property(recorded, key)));
        var bulk = Assert.Single(audit, e => e.EventId.Id == 1002);
        Assert.Equal(new object?[] { run.Coach.UserId, 2, 2, 0 }, new[] { "ActorId", "Recorded", "Total", "AlreadyRecorded" }.Select(key => Property(bulk, key)));
        var deleted = Assert.Single(audit, e => e.EventId.Id == 1003);
        Assert.Equal(
            new object?[] { run.Coach.UserId, run.ValueIds[0], run.Member, "coach_input", run.Gym },
            new[] { "ActorId", "MemberMetricId", "MemberId", "Source", "RecordedIn" }.Select(key => Property(deleted, key)));
        Assert.All(audit.Where(e => e.EventId.Id == 1004), e => Assert.Equal(new object?[] { run.Coach.UserId, run.SetId }, [Property(e, "ActorId"), Property(e, "SetId")]));
        Assert.Equal(1, Property(Assert.Single(audit, e => e.EventId.Id == 1006), "Added"));
    }

    [Fact]
    public async Task No_value_name_or_description_is_ever_logged()
    {
        var logs = new CapturingLoggerProvider();
        await using var scope = new ServiceScope(database.ConnectionString, services: s => s.AddLogging(b => b.AddProvider(logs)));

        var run = await EveryOperation.RunAsync(scope, database);
        await Assert.ThrowsAsync<MetricConflictException>(() => scope.Recorder.RecordAsync(
            run.Coach, new RecordMetricRequest(run.Member, run.DefinitionIds[0], MetricValue.Of(99.5m, MetricUnit.Kilogram)) { Id = run.ValueIds[1], Source = MetricSource.CoachInput }));

        var audit = logs.Entries.Where(e => e.Category == MetricSetsDiagnostics.AuditLogCategory).ToList();
        var everything = string.Join('\n', audit.Select(e => e.Message + string.Join(',', e.State.Select(p => p.Value))));
        foreach (var freeText in EveryOperation.Amounts.Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Concat(["99.5", EveryOperation.SetName, EveryOperation.RenamedSetName, EveryOperation.Description, "1RM Back Squat", "Bench"]))
        {
            Assert.DoesNotContain(freeText, everything, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_conflict_is_a_warning_naming_the_operation_code_and_actor_and_a_refusal_keeps_its_event()
    {
        var logs = new CapturingLoggerProvider();
        var member = await database.AddUserAsync();
        await using var scope = new ServiceScope(database.ConnectionString, services: s => s.AddLogging(b => b.AddProvider(logs)));
        var squat = await scope.BackSquatAsync();
        var id = MemberMetricId.New();
        var self = MetricViewer.ForMember(member);
        await scope.Recorder.RecordAsync(self, new RecordMetricRequest(member, squat.Id, MetricValue.Of(100, MetricUnit.Kilogram)) { Id = id });

        await Assert.ThrowsAsync<MetricConflictException>(
            () => scope.Recorder.RecordAsync(self, new RecordMetricRequest(member, squat.Id, MetricValue.Of(105, MetricUnit.Kilogram)) { Id = id }));
        await Assert.ThrowsAsync<MetricConflictException>(() => scope.Catalog.CreateAsync(new CatalogEntry(squat.Slug, squat.Name, squat.Unit, squat.Kind)));
        await Assert.ThrowsAsync<MetricNotFoundException>(() => scope.Reader.FindLatestAsync(scope.StaffOf(OrganizationId.New()), member, squat.Id));

        var audit = logs.Entries.Where(e => e.Category == MetricSetsDiagnostics.AuditLogCategory).ToList();
        var conflicts = audit.Where(e => e.EventId.Id == 1007).ToList();
        Assert.All(conflicts, e => Assert.Equal((LogLevel.Warning, "MetricWriteConflict"), (e.Level, e.EventId.Name!)));
        Assert.Equal(
            [("record", "id_in_use", member.ToString()), ("create_definition", "slug_in_use", "none")],
            conflicts.Select(e => ((string)Property(e, "Operation")!, (string)Property(e, "ErrorCode")!, Property(e, "ActorId")!.ToString()!)));
        var refusal = Assert.Single(audit, e => e.EventId.Id == 1000);
        Assert.Equal((LogLevel.Information, "MetricAccessRefused", "ReadValues"), (refusal.Level, refusal.EventId.Name!, Property(refusal, "Request")!.ToString()!));
    }

    [Fact]
    public void Event_ids_are_unique_and_within_the_documented_range()
    {
        var events = typeof(MetricSetsAuditLog).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Select(method => method.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .ToList();

        Assert.Equal(8, events.Count);
        Assert.All(events, e => Assert.InRange(e.EventId, 1000, 1099));
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
        Assert.Equal(events.Count, events.Select(e => e.EventName).Distinct().Count());
        Assert.Contains(events, e => (e.EventId, e.EventName) == (1000, "MetricAccessRefused"));
    }

    private static object? Property(CapturingLoggerProvider.Entry entry, string key) => entry.State.FirstOrDefault(p => p.Key == key).Value;
}

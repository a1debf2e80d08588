using MetricSets.EntityFrameworkCore;
using MetricSets.IntegrationTests.TestUtilities;
using NodaTime;

namespace MetricSets.IntegrationTests.Security;

/// <summary>
/// Removing one value (a mistake, a poisoned value): a hard delete the access policy authorizes from who recorded the
/// value and where; a refusal answers exactly like a value that does not exist.
/// </summary>
public sealed class DeleteValueTest
{
    private static readonly Duration Day = Duration.FromDays(1);

    [Fact]
    public async Task A_member_deletes_their_own_self_reports_and_nothing_a_coach_recorded()
    {
        var gyms = await TwoGyms.CreateAsync(MemberMetricProvenance.Restrict);
        var self = MetricViewer.ForMember(gyms.Both);
        var selfReport = await gyms.RecordAsync(self, gyms.Both, 100, Day);
        var byCoach = await gyms.RecordAsync(gyms.CoachA, gyms.Both, 110, Day);

        await gyms.Scope.Recorder.DeleteAsync(self, selfReport.Id);
        var refused = await Assert.ThrowsAsync<MetricNotFoundException>(() => gyms.Scope.Recorder.DeleteAsync(self, byCoach.Id));

        Assert.Equal((MetricEntity.MemberMetric, (object)byCoach.Id), (refused.Entity, refused.Key));
        Assert.Equal([byCoach.Id], await IdsAsync(gyms));
    }

    [Fact]
    public async Task Staff_delete_what_was_recorded_in_their_organization_and_nothing_recorded_elsewhere()
    {
        var gyms = await TwoGyms.CreateAsync(MemberMetricProvenance.Restrict);
        var inA = await gyms.RecordAsync(gyms.CoachA, gyms.Both, 100, Day * 2);
        var inB = await gyms.RecordAsync(gyms.CoachB, gyms.Both, 120, Day);
        var selfInA = await gyms.Scope.Recorder.RecordAsync(
            MetricViewer.ForMember(gyms.Both, gyms.A), new(gyms.Both, gyms.Squat.Id, MetricValue.Of(130, MetricUnit.Kilogram)));
        var selfAnywhere = await gyms.RecordAsync(MetricViewer.ForMember(gyms.Both), gyms.Both, 90, Day * 3);

        await gyms.Scope.Recorder.DeleteAsync(gyms.CoachA, inA.Id);
        await gyms.Scope.Recorder.DeleteAsync(gyms.CoachA, selfInA.Id); // a self-report made while acting in A: A's to remove
        await Assert.ThrowsAsync<MetricNotFoundException>(() => gyms.Scope.Recorder.DeleteAsync(gyms.CoachA, inB.Id));
        await Assert.ThrowsAsync<MetricNotFoundException>(() => gyms.Scope.Recorder.DeleteAsync(gyms.CoachA, selfAnywhere.Id));

        Assert.Equal([inB.Id, selfAnywhere.Id], (await IdsAsync(gyms)).Order());
    }

    [Fact]
    public async Task A_refused_delete_answers_exactly_like_a_value_that_does_not_exist()
    {
        var gyms = await TwoGyms.CreateAsync(MemberMetricProvenance.Restrict);
        var inB = await gyms.RecordAsync(gyms.CoachB, gyms.Both, 120, Day);
        var ghost = MemberMetricId.New();

        var hidden = await Assert.ThrowsAsync<MetricNotFoundException>(() => gyms.Scope.Recorder.DeleteAsync(gyms.CoachA, inB.Id));
        var absent = await Assert.ThrowsAsync<MetricNotFoundException>(() => gyms.Scope.Recorder.DeleteAsync(gyms.CoachA, ghost));

        Assert.Equal(absent.Entity, hidden.Entity);
        Assert.Equal(absent.Message.Replace(ghost.ToString(), "?", StringComparison.Ordinal), hidden.Message.Replace(inB.Id.ToString(), "?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_of_an_organization_the_member_left_delete_nothing()
    {
        var gyms = await TwoGyms.CreateAsync(MemberMetricProvenance.Restrict);
        var inA = await gyms.RecordAsync(gyms.CoachA, gyms.Both, 100, Day);
        gyms.Scope.Directory.RemoveMember(gyms.Both, gyms.A);

        await Assert.ThrowsAsync<MetricNotFoundException>(() => gyms.Scope.Recorder.DeleteAsync(gyms.CoachA, inA.Id));
        Assert.Equal([inA.Id], await IdsAsync(gyms));
    }

    [Fact]
    public async Task Without_provenance_staff_delete_what_coaches_recorded_but_never_a_members_self_report()
    {
        var gyms = await TwoGyms.CreateAsync(MemberMetricProvenance.None);
        var byCoach = await gyms.RecordAsync(gyms.CoachB, gyms.Both, 120, Day);
        var selfReport = await gyms.RecordAsync(MetricViewer.ForMember(gyms.Both), gyms.Both, 100, Day * 2);

        await gyms.Scope.Recorder.DeleteAsync(gyms.CoachA, byCoach.Id); // where it was recorded is unknown without provenance
        await Assert.ThrowsAsync<MetricNotFoundException>(() => gyms.Scope.Recorder.DeleteAsync(gyms.CoachA, selfReport.Id));

        Assert.Equal([selfReport.Id], await IdsAsync(gyms));
    }

    [Fact]
    public async Task A_poisoned_value_stored_by_hand_can_be_removed_by_staff()
    {
        var gyms = await TwoGyms.CreateAsync(MemberMetricProvenance.Restrict);
        var poisoned = MemberMetricId.New();
        await gyms.Database.ExecuteAsync($"""
            INSERT INTO member_metrics (id, member_id, definition_id, value, unit, source, organization_id)
            VALUES ('{poisoned}', '{gyms.Both}', '{gyms.Squat.Id}', 9999999999.9999, 'kg', 'Not A Code', '{gyms.A}')
            """);

        await gyms.Scope.Recorder.DeleteAsync(gyms.CoachA, poisoned);

        Assert.Empty(await IdsAsync(gyms));
    }

    private static async Task<List<MemberMetricId>> IdsAsync(TwoGyms gyms)
    {
        var ids = await gyms.Database.ScalarAsync<Guid[]>(
            "SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM member_metrics WHERE member_id = $1", gyms.Both.Value);
        return [.. ids.Select(id => new MemberMetricId(id))];
    }
}

using MetricSets.EntityFrameworkCore.Infrastructure;
using MetricSets.EntityFrameworkCore.Queries;
using Microsoft.EntityFrameworkCore;

namespace MetricSets.EntityFrameworkCore.Access;

/// <summary>
/// The <see cref="IMembershipDirectory"/> of mapped memberships (<see cref="MetricSetsOptions.Memberships"/>): the same
/// conditions the statements embed, asked on their own, for the rules that run in C# (the host's handlers, deletions, set
/// management, bulk recording). Each answer is one indexed query on the host context's connection.
/// </summary>
internal sealed class MappedMembershipDirectory(DbContext context, MembershipSql memberships) : IMembershipDirectory
{
    public async ValueTask<bool> IsActiveMemberAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        await ScalarAsync(
            $"SELECT {memberships.Holds("@p1", "@p2", memberships.MemberRoles)}",
            () => [SqlParameters.Uuid(userId.Value), SqlParameters.Uuid(organizationId.Value)],
            reader => reader.GetBoolean(0),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<ViewerRole?> GetRoleAsync(UserId userId, OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        await ScalarAsync(
            $"SELECT {memberships.Holds("@p1", "@p2", memberships.StaffRoles)}, {memberships.Holds("@p1", "@p2", memberships.MemberRoles)}",
            () => [SqlParameters.Uuid(userId.Value), SqlParameters.Uuid(organizationId.Value)],
            reader => reader.GetBoolean(0) ? ViewerRole.Staff : reader.GetBoolean(1) ? ViewerRole.Member : (ViewerRole?)null,
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<OrganizationId?> GetWorkoutOrganizationAsync(WorkoutId workoutId, CancellationToken cancellationToken = default) =>
        await ScalarAsync(
            $"SELECT {memberships.WorkoutOrganization("@p1")}",
            () => [SqlParameters.Uuid(workoutId.Value)],
            reader => reader.IsDBNull(0) ? (OrganizationId?)null : new OrganizationId(reader.GetGuid(0)),
            cancellationToken).ConfigureAwait(false);

    public async ValueTask<IReadOnlyCollection<UserId>> ListActiveMembersAsync(OrganizationId organizationId, CancellationToken cancellationToken = default) =>
        await SqlRunner.QueryAsync(
            context,
            memberships.ActiveMembers("@p1"),
            () => [SqlParameters.Uuid(organizationId.Value)],
            reader => new UserId(reader.GetGuid(0)),
            cancellationToken).ConfigureAwait(false);

    private async Task<T> ScalarAsync<T>(string sql, Func<Npgsql.NpgsqlParameter[]> parameters, Func<System.Data.Common.DbDataReader, T> read, CancellationToken cancellationToken) =>
        (await SqlRunner.QueryAsync(context, sql, parameters, read, cancellationToken).ConfigureAwait(false))[0];
}

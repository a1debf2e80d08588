using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace MetricSets.EntityFrameworkCore.Infrastructure;

/// <summary>
/// Prefixes each statement a library call sends with the viewer settings docs/row-level-security.sql reads
/// (<c>metricsets.viewer_user_id</c>, <c>_organization_id</c>, <c>_role</c>), set transaction-locally, so that
/// PostgreSQL's policies judge the statement as the library's own policy did. Acts only while
/// <see cref="RowLevelSecurityViewer.Current"/> is set (<see cref="MetricSetsOptions.RowLevelSecurity"/>).
/// </summary>
/// <remarks>
/// The settings go in a <c>DO</c> block sent in the same command: Npgsql sends both statements before one Sync, so they
/// run in one transaction (the host's, or an implicit one) and <c>set_config(…, true)</c> lasts exactly as long — nothing
/// survives on a pooled connection or through PgBouncer in transaction mode — and the block returns no result, so the
/// statement's own results are the command's. The values are the library's own formatting of a <see cref="Guid"/> and a
/// role, never text from a request, so they are written as literals.
/// </remarks>
internal sealed class RowLevelSecurityInterceptor : DbCommandInterceptor
{
    private RowLevelSecurityInterceptor()
    {
    }

    /// <summary>Gets the one instance, which <c>UseMetricSets()</c> adds to the host's context options.</summary>
    public static RowLevelSecurityInterceptor Instance { get; } = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Apply(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Apply(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Apply(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Apply(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Apply(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Apply(command);
        return ValueTask.FromResult(result);
    }

    /// <summary>The statement that says who is asking, for the current transaction only.</summary>
    public static string SettingsOf(MetricViewer viewer) => string.Create(
        CultureInfo.InvariantCulture,
        $"DO $metricsets$BEGIN PERFORM set_config('metricsets.viewer_user_id', '{viewer.UserId.Value:D}', true), "
        + $"set_config('metricsets.viewer_organization_id', '{(viewer.OrganizationId is { } organization ? organization.Value.ToString("D") : string.Empty)}', true), "
        + $"set_config('metricsets.viewer_role', '{(viewer.Role == ViewerRole.Staff ? "staff" : "member")}', true); END$metricsets$;\n");

    private static void Apply(DbCommand command)
    {
        if (RowLevelSecurityViewer.Current is { } viewer)
        {
            command.CommandText = SettingsOf(viewer) + command.CommandText;
        }
    }
}
